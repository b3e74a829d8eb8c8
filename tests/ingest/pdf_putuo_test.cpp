// read_pdf_lines on the published Putuo district budget PDFs in ../shared/pdf (WPS-made, CID
// TrueType fonts, text clipped at page breaks). Expected lines were checked by hand against
// `pdftotext -layout` and page images (pdftoppm) of each file. Skips when ../shared is absent.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "ingest/pdf_reader.h"

namespace jixiao {
namespace {

std::filesystem::path shared_pdf_dir() {
  return std::filesystem::path(JIXIAO_SOURCE_DIR) / ".." / "shared" / "pdf";
}

// Reads ../shared/pdf/NAME; skips the calling test when it is not there.
#define READ_SHARED_PDF(var, name)                                                      \
  std::filesystem::path var##_path = shared_pdf_dir() / (name);                         \
  if (!std::filesystem::exists(var##_path))                                             \
    GTEST_SKIP() << "../shared/pdf/" << (name) << " not found (shared data absent)";     \
  auto var = read_file_lines(var##_path);                                               \
  ASSERT_TRUE(var.ok()) << var.error().describe()

Result<TextLines> read_file_lines(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return read_pdf_lines(bytes.str(), path.filename().string());
}

std::size_t count_lines(const TextLines& lines, const std::string& text) {
  return static_cast<std::size_t>(std::count_if(
      lines.begin(), lines.end(), [&](const TextLine& l) { return l.text == text; }));
}

const TextLine* find_line(const TextLines& lines, const std::string& prefix) {
  auto it = std::find_if(lines.begin(), lines.end(),
                         [&](const TextLine& l) { return l.text.rfind(prefix, 0) == 0; });
  return it == lines.end() ? nullptr : &*it;
}

TEST(PdfPutuo, CommerceDeptTitleHeaderAndNarrativeTitles) {
  READ_SHARED_PDF(lines, "putuo-commerce-2025-dept.pdf");
  ASSERT_FALSE(lines->empty());
  EXPECT_EQ(lines->front().text, "上海市普陀区2025年区级部门预算");
  EXPECT_EQ(lines->front().box->page, 1);
  EXPECT_EQ((*lines)[1].text, "预算主管部门：上海市普陀区商务委员会");
  for (std::size_t i = 0; i < lines->size(); ++i)
    ASSERT_EQ((*lines)[i].number, static_cast<int>(i) + 1);

  EXPECT_EQ(count_lines(*lines, "四、绩效目标设置情况"), 1u);
  const TextLine* claim = find_line(*lines, "2025年度，本部门编报绩效目标的项目共25个");
  ASSERT_NE(claim, nullptr);
  EXPECT_EQ(claim->text, "2025年度，本部门编报绩效目标的项目共25个，涉及项目预算资金11381.60万元。");
  EXPECT_EQ(claim->box->page, 22);

  // Four narratives, one per page 23–26, titled "…经费情况说明" without the 项目经费 prefix.
  const char* titles[] = {"科技创新专项经费情况说明", "生命健康专项（政策资金）经费情况说明",
                          "商业创新专项（政策资金）经费情况说明",
                          "贸易高质量发展专项（政策资金）经费情况说明"};
  for (int k = 0; k < 4; ++k) {
    const TextLine* title = find_line(*lines, titles[k]);
    ASSERT_NE(title, nullptr) << titles[k];
    EXPECT_EQ(title->text, titles[k]);
    EXPECT_EQ(title->box->page, 23 + k);
  }
  EXPECT_EQ(count_lines(*lines, "一、项目概述"), 4u);
  EXPECT_EQ(count_lines(*lines, "2025年度项目总预算1720.00万，其中各级企业技术中心及专精特新认定1720.00万。"),
            1u);
}

TEST(PdfPutuo, CommerceDeptTableRowsKeepTheirCells) {
  READ_SHARED_PDF(lines, "putuo-commerce-2025-dept.pdf");
  // Eight tables in 元 (the ninth, 三公经费, is in 万元 with a half-width colon).
  EXPECT_EQ(count_lines(*lines, "编制部门：上海市普陀区商务委员会\t单位：元"), 8u);
  EXPECT_EQ(count_lines(*lines, "编制部门：上海市普陀区商务委员会\t单位:万元"), 1u);
  EXPECT_EQ(count_lines(*lines, "一、财政拨款收入\t371,514,655.00\t一、一般公共服务支出\t21,601,733.00"),
            1u);
  // The same row in the 收入, 支出 and 一般公共预算支出 tables (pages 10, 12, 15).
  EXPECT_EQ(count_lines(*lines, "201\t13\t01\t行政运行\t9,389,913.00\t9,389,913.00"), 3u);
}

TEST(PdfPutuo, CommerceDeptTextClippedAtAPageBreakIsReadOnce) {
  // Page 3's last eight lines are drawn again, clipped, at the top of page 4 (and page 3 holds
  // five clipped lines of page 4); each line must come back once, in reading order.
  READ_SHARED_PDF(lines, "putuo-commerce-2025-dept.pdf");
  const char* once[] = {"导本区相关企业技术创新；", "8、组织协调本区工商业、煤炭、电力、石油日常运行",
                        "应急机制，协调重要商品储备和市场调控；", "12、负责贯彻执行有关粮食流通和物资储备",
                        "帮困对象粮油供应管理和粮食流通统计；"};
  for (const char* prefix : once) {
    std::size_t n = static_cast<std::size_t>(std::count_if(
        lines->begin(), lines->end(), [&](const TextLine& l) { return l.text.rfind(prefix, 0) == 0; }));
    EXPECT_EQ(n, 1u) << prefix;
  }
  const TextLine* nine = find_line(*lines, "9、组织协调本区商品交易市场规划");
  ASSERT_NE(nine, nullptr);
  const TextLine& next = (*lines)[static_cast<std::size_t>(nine->number)];  // the line after it
  EXPECT_EQ(next.text.rfind("应急机制，协调重要商品储备和市场调控", 0), 0u);
  EXPECT_EQ(find_line(*lines, "13、完成区委、区政府交办的其他任务。")->box->page, 4);
}

TEST(PdfPutuo, JusticeDeptPageOfClippedTextOnlyGivesNoLines) {
  // Page 5 is the clipped continuation of page 4's cell: every line on it repeats page 4.
  READ_SHARED_PDF(lines, "putuo-justice-bureau-2026-dept.pdf");
  EXPECT_TRUE(std::none_of(lines->begin(), lines->end(),
                           [](const TextLine& l) { return l.box->page == 5; }));
  EXPECT_EQ(count_lines(*lines, "（十）完成区委、区政府交办的其他任务。"), 1u);
  const TextLine* header = find_line(*lines, "四、绩效目标设置情况");
  ASSERT_NE(header, nullptr);
  const TextLine& body = (*lines)[static_cast<std::size_t>(header->number)];
  EXPECT_EQ(body.text,
            "按照本区预算绩效管理工作的总体要求，本部门2个预算单位开展了2026年项目预算绩效目标编报工"
            "作，编报绩效目标的项目20个，涉");
  EXPECT_EQ((*lines)[static_cast<std::size_t>(header->number) + 1].text, "及项目预算资金7054.05万元。");
  EXPECT_EQ(count_lines(*lines, "人民调解项目经费情况说明"), 1u);
  EXPECT_EQ(count_lines(*lines, "795万元"), 1u);
}

TEST(PdfPutuo, EveryFileReadsWithItsHeaderParagraph) {
  struct Expect {
    const char* file;
    const char* issuer_line;
    std::size_t narratives;  // lines ending in 经费情况说明 that head a narrative page
  };
  const Expect expects[] = {
      {"putuo-commerce-2025-dept.pdf", "预算主管部门：上海市普陀区商务委员会", 4},
      {"putuo-commerce-2025-unit.pdf", "预算单位：上海市普陀区商务委员会", 0},
      {"putuo-gov-office-2025-dept.pdf", "预算主管部门：上海市普陀区人民政府办公室", 1},
      {"putuo-gov-office-2025-unit.pdf", "预算单位：上海市普陀区人民政府办公室", 0},
      {"putuo-justice-bureau-2026-dept.pdf", "预算主管部门：上海市普陀区司法局", 1},
      {"putuo-justice-bureau-2026-unit.pdf", "预算单位：上海市普陀区司法局", 0},
      {"putuo-wanli-subdistrict-2024.pdf", "预算主管部门：上海市普陀区人民政府万里街道办事处", 1},
      {"putuo-wanli-subdistrict-2025.pdf", "预算主管部门：上海市普陀区人民政府万里街道办事处", 1},
  };
  for (const Expect& e : expects) {
    SCOPED_TRACE(e.file);
    READ_SHARED_PDF(lines, e.file);
    EXPECT_EQ(count_lines(*lines, e.issuer_line), 1u);
    EXPECT_EQ(count_lines(*lines, "四、绩效目标设置情况"), 1u);
    std::size_t narratives = static_cast<std::size_t>(std::count_if(
        lines->begin(), lines->end(), [](const TextLine& l) {
          const std::string suffix = "经费情况说明";
          return l.text.size() > suffix.size() && l.text.rfind("七、", 0) != 0 &&
                 l.text.compare(l.text.size() - suffix.size(), suffix.size(), suffix) == 0;
        }));
    EXPECT_EQ(narratives, e.narratives);
  }
}

}  // namespace
}  // namespace jixiao
