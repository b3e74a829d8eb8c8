// Real published budget books (Putuo district PDFs in ../shared/pdf): the 绩效目标设置情况
// header and the 项目经费情况说明 narratives read through the whole pipeline (PDF text layer →
// lines → parts). Expected values were read by hand from the PDFs (pdftotext -layout).
#include <filesystem>

#include <gtest/gtest.h>

#include "ingest/parse.h"

namespace jixiao {
namespace {

namespace fs = std::filesystem;

fs::path pdf_dir() { return fs::path(JIXIAO_SOURCE_DIR) / ".." / "shared" / "pdf"; }

Result<Declaration> parse_pdf(const char* name) {
  return parse_file(pdf_dir() / name);
}

#define SKIP_WITHOUT_SHARED()                                                              \
  if (!fs::exists(pdf_dir()))                                                              \
  GTEST_SKIP() << "../shared/pdf not found beside the source tree: budget-book tests skipped"

TEST(BudgetBook, DepartmentEditionWithOneNarrative) {
  SKIP_WITHOUT_SHARED();
  auto d = parse_pdf("putuo-gov-office-2025-dept.pdf");
  ASSERT_TRUE(d.ok()) << d.error().describe();
  EXPECT_EQ(d->layout, "pdf");
  EXPECT_EQ(d->issuer.value, "上海市普陀区人民政府办公室");
  EXPECT_EQ(d->year.value, 2025);
  EXPECT_EQ(d->header.budget_unit_count.value, 1);
  EXPECT_EQ(d->header.project_count.value, 11);
  EXPECT_EQ(d->header.total_wan.value, "6626");
  ASSERT_EQ(d->projects.size(), 1u);
  const Project& p = d->projects[0];
  EXPECT_EQ(p.narrative_title.value, "区政府督查及建议提案工作业务经费");
  EXPECT_FALSE(p.has_form);
  EXPECT_TRUE(p.has_narrative);
  ASSERT_EQ(p.sections.size(), 7u);
  EXPECT_EQ(p.sections[0].heading, "项目概述");
  EXPECT_EQ(p.sections[6].heading, "绩效目标");
  EXPECT_FALSE(p.narrative_budget_wan.value);  // 年度预算安排 states no amount
  ASSERT_TRUE(p.sections[0].span.box);          // PDF spans carry their page box
  EXPECT_GT(p.sections[0].span.box->page, 1);
}

TEST(BudgetBook, BudgetSectionThatIsOnlyAnAmount) {
  SKIP_WITHOUT_SHARED();
  auto d = parse_pdf("putuo-justice-bureau-2026-dept.pdf");
  ASSERT_TRUE(d.ok()) << d.error().describe();
  EXPECT_EQ(d->issuer.value, "上海市普陀区司法局");
  EXPECT_EQ(d->header.budget_unit_count.value, 2);
  EXPECT_EQ(d->header.project_count.value, 20);
  EXPECT_EQ(d->header.total_wan.value, "7054.05");
  ASSERT_EQ(d->projects.size(), 1u);
  EXPECT_EQ(d->projects[0].narrative_title.value, "人民调解");
  EXPECT_EQ(d->projects[0].narrative_budget_wan.value, "795");
}

TEST(BudgetBook, TitlesBeforeTheMarkerAndTotalsInTheBudgetSection) {
  SKIP_WITHOUT_SHARED();
  auto d = parse_pdf("putuo-commerce-2025-dept.pdf");
  ASSERT_TRUE(d.ok()) << d.error().describe();
  EXPECT_FALSE(d->header.budget_unit_count.value);  // "本部门编报绩效目标的项目共25个"
  EXPECT_EQ(d->header.project_count.value, 25);
  EXPECT_EQ(d->header.total_wan.value, "11381.60");
  ASSERT_EQ(d->projects.size(), 4u);
  EXPECT_EQ(d->projects[0].narrative_title.value, "科技创新专项");
  EXPECT_EQ(d->projects[0].narrative_budget_wan.value, "1720.00");
  EXPECT_EQ(d->projects[1].narrative_title.value, "生命健康专项（政策资金）");
  EXPECT_EQ(d->projects[3].narrative_title.value, "贸易高质量发展专项（政策资金）");
  EXPECT_EQ(d->projects[3].narrative_budget_wan.value, "2921.00");
  for (const Project& p : d->projects) EXPECT_EQ(p.sections.size(), 7u) << p.seq;
}

TEST(BudgetBook, BareNarrativeTitleAndQuarterlyPlanWithoutATotal) {
  SKIP_WITHOUT_SHARED();
  auto d = parse_pdf("putuo-wanli-subdistrict-2024.pdf");
  ASSERT_TRUE(d.ok()) << d.error().describe();
  EXPECT_EQ(d->issuer.value, "上海市普陀区人民政府万里街道办事处");
  EXPECT_EQ(d->year.value, 2024);
  EXPECT_EQ(d->header.project_count.value, 50);
  EXPECT_EQ(d->header.total_wan.value, "5634.81");
  ASSERT_EQ(d->projects.size(), 1u);
  const Project& p = d->projects[0];
  EXPECT_FALSE(p.narrative_title.value);  // "项目经费情况说明" with no project title
  ASSERT_EQ(p.sections.size(), 7u);
  EXPECT_EQ(p.sections[0].heading, "项目概况");
  EXPECT_FALSE(p.narrative_budget_wan.value);  // four quarterly amounts, no total stated
}

TEST(BudgetBook, UnitEditionHasTheHeaderButNoNarratives) {
  SKIP_WITHOUT_SHARED();
  auto d = parse_pdf("putuo-commerce-2025-unit.pdf");
  ASSERT_TRUE(d.ok()) << d.error().describe();
  EXPECT_EQ(d->issuer.value, "上海市普陀区商务委员会");
  EXPECT_EQ(d->header.project_count.value, 25);
  EXPECT_TRUE(d->projects.empty());
}

}  // namespace
}  // namespace jixiao
