// Layout detection (layout.h) on small hand-made texts and on the real samples.
#include <filesystem>
#include <fstream>
#include <iterator>

#include <gtest/gtest.h>

#include "ingest/layout.h"
#include "ingest/lines.h"

namespace jixiao {
namespace {

Layout detect(const std::string& text) { return detect_layout(split_lines(text)); }

std::string read_sample(const char* name) {
  auto path = std::filesystem::path(JIXIAO_SOURCE_DIR) / "testdata" / "samples" / name;
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

TEST(Layout, Names) {
  EXPECT_EQ(layout_name(Layout::kLineBroken), "line-broken");
  EXPECT_EQ(layout_name(Layout::kTabbed), "tabbed");
  EXPECT_EQ(layout_name(Layout::kOcrFlat), "ocr-flat");
  EXPECT_EQ(layout_name(Layout::kPdf), "pdf");
}

TEST(Layout, CellsBrokenOverLinesAreLineBroken) {
  EXPECT_EQ(detect("财政项目支出绩效目标申报表\n项目名称 法律顾问费 项目性质 其他经常性项目\n项目\n类别\n"
                   "其他运转类\n主管部门\n上海市松江区人民\n政府办公室\n绩\n效\n指\n标\n"),
            Layout::kLineBroken);
}

TEST(Layout, TabSeparatedRowsAreTabbed) {
  EXPECT_EQ(detect("项目名称\t门户网站管理\t项目性质\t其他经常性项目\n"
                   "主管部门\t上海市松江区人民政府办公室\t实施单位\t上海市松江区大数据中心\n"
                   "计划开始日期\t2024-01-01\t计划完成日期\t2024-12-31\n"
                   "项目资金 (元)\t项目资金总额\t526,000.00\n"
                   "\t其中：财政资金\t526,000.00\n"
                   "一段说明文字\n"),
            Layout::kTabbed);
}

TEST(Layout, AFewTabsInProseAreNotATable) {
  EXPECT_EQ(detect("一\t二\n三\n四\n五\n六\n七\n"), Layout::kLineBroken);
}

TEST(Layout, AWholeFormOnOneLineIsOcrFlat) {
  EXPECT_EQ(detect("财政项目支出绩效目标申报表 （2024年度） 项目名称 法律顾问费 主管部门 上海市松江区"
                   "人民政府办公室 实施单位 本级 计划开始日期 2024-01-01 项目资金总额 40,000.00 "
                   "一级指标 二级指标 三级指标\n"),
            Layout::kOcrFlat);
}

TEST(Layout, Samples) {
  std::string broken = read_sample("songjiang-gov-office-2024.txt");
  std::string tabbed = read_sample("songjiang-bigdata-center-2024.txt");
  std::string filled = read_sample("songjiang-sci-tech-service-center-2023.txt");
  if (broken.empty() || tabbed.empty() || filled.empty()) GTEST_SKIP() << "testdata/samples missing";
  EXPECT_EQ(detect(broken), Layout::kLineBroken);
  EXPECT_EQ(detect(tabbed), Layout::kTabbed);
  EXPECT_EQ(detect(filled), Layout::kLineBroken);
}

}  // namespace
}  // namespace jixiao
