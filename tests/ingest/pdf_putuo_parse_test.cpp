// The whole pipeline (parse_bytes) on the published Putuo district budget PDFs in ../shared/pdf:
// title, 绩效目标设置情况 claims and 项目经费情况说明 narratives. Every expected value was read
// by hand from the PDFs (pdftotext -layout and page images). Skips when ../shared is absent.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/parse.h"

namespace jixiao {
namespace {

struct NarrativeExpect {
  std::optional<std::string> title;       // null: the heading is a bare "项目经费情况说明"
  std::optional<std::string> budget_wan;  // null: no total stated (only quarterly plans, or none)
  int page;                               // page of the narrative's title
  const char* first_heading;              // 项目概述, or 项目概况 in the Wanli editions
  const char* section_five;               // 五、实施周期 body
  const char* section_six;                // 六、年度预算安排 body
};

struct FileExpect {
  const char* file;
  int year;
  const char* issuer;
  std::optional<int> budget_units;  // only when the paragraph says "本部门N个预算单位"
  int projects;
  const char* total_wan;
  std::vector<NarrativeExpect> narratives;
};

const std::vector<FileExpect>& expectations() {
  static const std::vector<FileExpect> all = {
      {"putuo-commerce-2025-dept.pdf", 2025, "上海市普陀区商务委员会", std::nullopt, 25, "11381.60",
       {{"科技创新专项", "1720.00", 23, "项目概述", "2025.1.1-2025.12.31",
         "2025年度项目总预算1720.00万，其中各级企业技术中心及专精特新认定1720.00万。"},
        {"生命健康专项（政策资金）", "1170.00", 24, "项目概述", "2025.1.1-2025.12.31",
         "2025年度项目总预算1170.00万，其中支持企业规模化发展870.00万，支持企业创新化发展70.00万，"
         "支持企业协同化发展180.00万，支持企业国际化发展50.00万，合计1170.00万。"},
        {"商业创新专项（政策资金）", "1410.00", 25, "项目概述", "2025.1.1-2025.12.31", nullptr},
        {"贸易高质量发展专项（政策资金）", "2921.00", 26, "项目概述", "2025.1.1-2025.12.31", nullptr}}},
      {"putuo-commerce-2025-unit.pdf", 2025, "上海市普陀区商务委员会", std::nullopt, 25, "11381.60", {}},
      {"putuo-gov-office-2025-dept.pdf", 2025, "上海市普陀区人民政府办公室", 1, 11, "6626",
       {{"区政府督查及建议提案工作业务经费", std::nullopt, 22, "项目概述", "2025全年度。",
         "结合区政府重点工作推进情况，根据合同条款，按时拨付资金。"}}},
      {"putuo-gov-office-2025-unit.pdf", 2025, "上海市普陀区人民政府办公室", std::nullopt, 11, "6626", {}},
      {"putuo-justice-bureau-2026-dept.pdf", 2026, "上海市普陀区司法局", 2, 20, "7054.05",
       {{"人民调解", "795", 23, "项目概述", "2025年1月1日-2025年12月31日", "795万元"}}},
      {"putuo-justice-bureau-2026-unit.pdf", 2026, "上海市普陀区司法局", std::nullopt, 19, "6484.05", {}},
      {"putuo-wanli-subdistrict-2024.pdf", 2024, "上海市普陀区人民政府万里街道办事处", 2, 50, "5634.81",
       {{std::nullopt, std::nullopt, 33, "项目概况", nullptr,
         "第一季度用款计划158.05万元，第二季度用款计划158.05万元，第三季度用款计划158.05万元，"
         "第四季度用款计划158.05万元。"}}},
      {"putuo-wanli-subdistrict-2025.pdf", 2025, "上海市普陀区人民政府万里街道办事处", 3, 49, "8825.98",
       {{std::nullopt, std::nullopt, 31, "项目概况", "第一至四季度支付尾款。",
         "第一季度用款计划15万元，第二季度用款计划15万元，第三季度用款计划15万元，第四季度用款计划15万元。"}}},
  };
  return all;
}

class PdfPutuoParse : public ::testing::TestWithParam<FileExpect> {};

TEST_P(PdfPutuoParse, HeaderClaimsAndNarratives) {
  const FileExpect& e = GetParam();
  std::filesystem::path path =
      std::filesystem::path(JIXIAO_SOURCE_DIR) / ".." / "shared" / "pdf" / e.file;
  if (!std::filesystem::exists(path))
    GTEST_SKIP() << "../shared/pdf/" << e.file << " not found (shared data absent)";
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  auto parsed = parse_bytes(bytes.str(), e.file);
  ASSERT_TRUE(parsed.ok()) << parsed.error().describe();
  const Declaration& d = *parsed;

  EXPECT_EQ(d.layout, "pdf");
  EXPECT_EQ(d.year.value, e.year);
  EXPECT_EQ(d.issuer.value, std::optional<std::string>(e.issuer));
  EXPECT_EQ(d.header.budget_unit_count.value, e.budget_units);
  EXPECT_EQ(d.header.project_count.value, e.projects);
  EXPECT_EQ(d.header.total_wan.value, std::optional<std::string>(e.total_wan));
  ASSERT_TRUE(d.header.total_wan.span.box.has_value());
  EXPECT_TRUE(d.unreadable.empty());

  // These editions carry no forms: one project per narrative, in page order.
  ASSERT_EQ(d.projects.size(), e.narratives.size());
  for (std::size_t k = 0; k < e.narratives.size(); ++k) {
    const NarrativeExpect& n = e.narratives[k];
    const Project& p = d.projects[k];
    SCOPED_TRACE("narrative " + std::to_string(k + 1));
    EXPECT_TRUE(p.has_narrative);
    EXPECT_FALSE(p.has_form);
    EXPECT_EQ(p.narrative_title.value, n.title);
    EXPECT_EQ(p.narrative_budget_wan.value, n.budget_wan);
    EXPECT_FALSE(p.name.has_value());
    EXPECT_TRUE(p.indicators.empty());
    ASSERT_TRUE(p.span.box.has_value());
    EXPECT_EQ(p.span.box->page, n.page);
    const char* numbers[] = {"一", "二", "三", "四", "五", "六", "七"};
    const char* headings[] = {n.first_heading, "立项依据", "实施主体", "实施方案",
                              "实施周期",      "年度预算安排", "绩效目标"};
    ASSERT_EQ(p.sections.size(), 7u);
    for (std::size_t s = 0; s < 7; ++s) {
      EXPECT_EQ(p.sections[s].number, numbers[s]);
      EXPECT_EQ(p.sections[s].heading, headings[s]);
      EXPECT_FALSE(p.sections[s].text.empty());
    }
    if (n.section_five) {
      EXPECT_EQ(p.sections[4].text, n.section_five);
    }
    if (n.section_six) {
      EXPECT_EQ(p.sections[5].text, n.section_six);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(SharedPdfs, PdfPutuoParse, ::testing::ValuesIn(expectations()),
                         [](const ::testing::TestParamInfo<FileExpect>& info) {
                           std::string name = info.param.file;
                           name = name.substr(0, name.size() - 4);
                           for (char& c : name)
                             if (c == '-') c = '_';
                           return name;
                         });

}  // namespace
}  // namespace jixiao
