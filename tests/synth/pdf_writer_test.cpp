// The PDF renderer (synth/pdf_writer.h) read back by the PDF reader (ingest/pdf_reader.h) and,
// end to end, by the parser (ingest/parse.h): a hand-built declaration must come back as it went in.
#include "synth/pdf_writer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "ingest/normalize.h"
#include "ingest/parse.h"
#include "ingest/pdf_reader.h"

namespace jixiao::synth {
namespace {

template <class T>
Field<T> field(T value) {
  return Field<T>{std::move(value), {}};
}

Indicator indicator(std::string l1, std::string l2, std::string name, std::string value) {
  Indicator i;
  i.l1 = std::move(l1);
  i.l2 = std::move(l2);
  i.name = std::move(name);
  i.value = std::move(value);
  return i;
}

NarrativeSection section(std::string number, std::string heading, std::string text) {
  NarrativeSection s;
  s.number = std::move(number);
  s.heading = std::move(heading);
  s.text = std::move(text);
  return s;
}

Project legal_counsel_project() {
  Project p;
  p.seq = 1;
  p.has_form = true;
  p.has_narrative = true;
  p.narrative_title = field<std::string>("法律顾问费");
  p.name = field<std::string>("法律顾问费");
  p.nature = field<std::string>("其他经常性项目");
  p.category = field<std::string>("其他运转类");
  p.department = field<std::string>("上海市松江区人民政府办公室");  // wraps in its cell
  p.implementer = field<std::string>("上海市松江区人民政府办公室（本级）");
  p.start = field(Date{2024, 1, 1});
  p.end = field(Date{2024, 12, 31});
  Money amount = Money::from_fen(4'000'000);
  Money zero = Money::from_fen(0);
  p.funds.total = field(amount);
  p.funds.fiscal = field(amount);
  p.funds.other = field(zero);
  p.funds.annual_total = field(amount);
  p.funds.current_appropriation = field(amount);
  p.funds.carryover = field(zero);
  p.funds.annual_other = field(zero);
  p.narrative_budget_wan = field<std::string>("4");
  p.sections = {section("一", "项目概述", "主要实施内容为外聘法律顾问，预算资金约4万元。"),
                section("二", "立项依据", "《松江区关于全面推行法律顾问制度的实施意见》。"),
                section("三", "实施主体", "该项目责任主体为我办建议提案和政务公开科。"),
                section("四", "实施方案", "对区政府的重大行政决策、行政规范性文件进行合法性审核。"),
                section("五", "实施周期", "该项目的实施周期为2024年1月至2024年12月。"),
                section("六", "年度预算安排", "单次审核费用800元，规范性文件50件，共40000元。"),
                section("七", "绩效目标", "详见单位的项目绩效目标表")};
  p.overall_goal = field<std::string>("完成规范性文件及重大行政决策的合法性审核，提升依法行政水平。");
  p.annual_goal = field<std::string>("全年完成规范性文件合法性审核不少于50件。");
  p.indicators = {indicator("成本指标", "经济成本指标", "单次审核费用", "≤800.00(元)"),
                  indicator("产出指标", "数量指标", "规范性文件审核数量", "≥50.00(件)"),
                  indicator("产出指标", "质量指标", "审核意见采纳率", "≥95.00(%)"),
                  indicator("产出指标", "时效指标", "审核完成时限", "≤5.00(工作日)"),
                  indicator("效益指标", "社会效益指标", "依法行政水平", "提高"),
                  indicator("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90.00(%)")};
  return p;
}

Declaration hand_built() {
  Declaration d;
  d.issuer = field<std::string>("上海市松江区人民政府办公室");
  d.year = field(2024);
  d.header.budget_unit_count = field(2);
  d.header.project_count = field(1);
  d.header.total_wan = field<std::string>("4.00");
  d.projects = {legal_counsel_project()};
  return d;
}

TextLines read_back(const std::string& pdf) {
  auto lines = read_pdf_lines(pdf, "rendered.pdf");
  EXPECT_TRUE(lines.ok()) << lines.error().describe();
  return lines.ok() ? *lines : TextLines{};
}

bool has_line(const TextLines& lines, const std::string& text) {
  return std::any_of(lines.begin(), lines.end(), [&](const TextLine& l) { return l.text == text; });
}

TEST(PdfWriter, FormRowsComeBackAsTabSeparatedLines) {
  auto pdf = render_declaration_pdf(hand_built());
  ASSERT_TRUE(pdf.ok()) << pdf.error().describe();
  ASSERT_EQ(pdf->rfind("%PDF-", 0), 0u);
  TextLines lines = read_back(*pdf);
  const std::vector<std::string> expected = {
      "上海市松江区人民政府办公室2024年",
      "财政支出项目绩效目标申报表",
      "绩效目标设置情况",
      "项目经费情况说明 1--法律顾问费",
      "一、项目概述",
      "主要实施内容为外聘法律顾问，预算资金约4万元。",
      "七、绩效目标",
      "财政项目支出绩效目标申报表",
      "（2024年度）",
      "项目名称\t法律顾问费\t项目性质\t其他经常性项目\t项目类别\t其他运转类",
      // 主管部门 wraps in its cell; the reader folds the rest back into the cell.
      "主管部门\t上海市松江区人民政府办公室\t实施单位\t上海市松江区人民政府办公室（本级）",
      "计划开始日期\t2024-01-01\t计划完成日期\t2024-12-31",
      "项目资金（元）\t项目资金总额\t40,000.00\t年度资金申请总额\t40,000.00",
      "其中：财政资金\t40,000.00\t其中：当年财政拨款\t40,000.00",
      "上年结转资金\t0.00",
      "其他资金\t0.00\t其他资金\t0.00",
      "项目绩效目标\t项目总目标\t年度总体目标",
      "绩效指标\t一级指标\t二级指标\t三级指标\t年度(/项目)指标值",
      "成本指标\t经济成本指标\t单次审核费用\t≤800.00(元)",
      "产出指标\t数量指标\t规范性文件审核数量\t≥50.00(件)",
      "质量指标\t审核意见采纳率\t≥95.00(%)",
      "时效指标\t审核完成时限\t≤5.00(工作日)",
      "效益指标\t社会效益指标\t依法行政水平\t提高",
      "满意度指标\t服务对象满意度指标\t服务对象满意度\t≥90.00(%)",
  };
  // In this order, each exactly where the previous one left off or later.
  auto it = lines.begin();
  for (const std::string& want : expected) {
    auto found = std::find_if(it, lines.end(), [&](const TextLine& l) { return l.text == want; });
    ASSERT_NE(found, lines.end()) << "missing, or out of order: " << want;
    it = found + 1;
  }
  // The header paragraph wraps; joined, it reads as written.
  auto head = std::find_if(lines.begin(), lines.end(),
                           [](const TextLine& l) { return l.text == "绩效目标设置情况"; });
  ASSERT_NE(head, lines.end());
  std::string paragraph = (head + 1)->text + (head + 2)->text;
  EXPECT_EQ(paragraph,
            "按照本市预算绩效管理工作的总体要求，本部门2个预算单位开展了2024年项目预算绩效目标编报"
            "工作，编报绩效目标的项目1个，涉及项目预算资金4.00万元。");
}

TEST(PdfWriter, FillingFormVariantHasNoNatureCellAndPlainAmounts) {
  Declaration d = hand_built();
  d.projects[0].nature = {};
  PdfRenderOptions o;
  o.filling_form = true;
  o.numbered_forms = true;
  o.grouped_amounts = false;
  o.header = false;
  o.narratives = false;
  auto pdf = render_declaration_pdf(d, o);
  ASSERT_TRUE(pdf.ok()) << pdf.error().describe();
  TextLines lines = read_back(*pdf);
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines[0].text, "财政项目支出绩效目标填报表 1");
  EXPECT_TRUE(has_line(lines, "项目名称\t法律顾问费\t项目类别\t其他运转类"));
  EXPECT_TRUE(has_line(lines, "项目资金（元）\t项目资金总额\t40000.00\t年度资金申请总额\t40000"));
  EXPECT_FALSE(has_line(lines, "绩效目标设置情况"));
}

TEST(PdfWriter, CentredCellsKeepEveryCellText) {
  PdfRenderOptions o;
  o.centre_cells = true;
  auto pdf = render_declaration_pdf(hand_built(), o);
  ASSERT_TRUE(pdf.ok()) << pdf.error().describe();
  TextLines lines = read_back(*pdf);
  std::string all;
  for (const TextLine& l : lines) all += l.text + "\n";
  for (const char* text : {"项目资金（元）", "项目绩效目标", "绩效指标", "成本指标", "产出指标",
                           "数量指标", "审核意见采纳率", "≥90.00(%)", "2024-12-31"})
    EXPECT_NE(all.find(text), std::string::npos) << text;
}

TEST(PdfWriter, LongIndicatorTableBreaksAcrossPagesWithEveryRowOnce) {
  Declaration d = hand_built();
  std::vector<Indicator>& inds = d.projects[0].indicators;
  inds.clear();
  for (int k = 1; k <= 45; ++k)
    inds.push_back(indicator("产出指标", "数量指标", "完成审核文件第" + std::to_string(k) + "批数量",
                             "≥" + std::to_string(k) + ".00(件)"));
  auto pdf = render_declaration_pdf(d);
  ASSERT_TRUE(pdf.ok()) << pdf.error().describe();
  TextLines lines = read_back(*pdf);
  int first_page = 0, last_page = 0;
  for (int k = 1; k <= 45; ++k) {
    std::string row = "完成审核文件第" + std::to_string(k) + "批数量\t≥" + std::to_string(k) + ".00(件)";
    auto found = std::find_if(lines.begin(), lines.end(), [&](const TextLine& l) {
      return l.text == row || l.text == "产出指标\t数量指标\t" + row;
    });
    ASSERT_NE(found, lines.end()) << row;
    EXPECT_GE(found->box->page, last_page);
    last_page = found->box->page;
    if (k == 1) first_page = last_page;
  }
  EXPECT_GT(last_page, first_page);  // the table went on to a second page
}

TEST(PdfWriter, GeneratedDocumentRendersAndReadsBack) {
  GeneratedDocument doc = generate_document(7);
  auto pdf = render_generated_pdf(doc);
  ASSERT_TRUE(pdf.ok()) << pdf.error().describe();
  TextLines lines = read_back(*pdf);
  for (const Project& p : doc.model.projects)
    for (const Indicator& i : p.indicators) {
      // Long names wrap in their cell; their first six characters always share one line.
      std::size_t end = 0;
      for (int chars = 0; chars < 6 && end < i.name.size(); ++chars) next_code_point(i.name, end);
      std::string head = i.name.substr(0, end);
      bool found = std::any_of(lines.begin(), lines.end(), [&](const TextLine& l) {
        return l.text.find(head) != std::string::npos;
      });
      EXPECT_TRUE(found) << i.name;
    }
}

// End to end: bytes of the rendered PDF → parse_bytes → the declaration's fields.
TEST(PdfWriter, ParsedBackToTheSameFormFieldsAndIndicators) {
  Declaration d = hand_built();
  auto pdf = render_declaration_pdf(d);
  ASSERT_TRUE(pdf.ok()) << pdf.error().describe();
  auto parsed = parse_bytes(*pdf, "rendered.pdf");
  ASSERT_TRUE(parsed.ok()) << parsed.error().describe();
  EXPECT_EQ(parsed->layout, "pdf");
  EXPECT_EQ(parsed->year.value, d.year.value);
  EXPECT_EQ(parsed->issuer.value, d.issuer.value);
  EXPECT_EQ(parsed->header.budget_unit_count.value, d.header.budget_unit_count.value);
  EXPECT_EQ(parsed->header.project_count.value, d.header.project_count.value);
  EXPECT_EQ(parsed->header.total_wan.value, d.header.total_wan.value);
  ASSERT_EQ(parsed->projects.size(), 1u);
  const Project& want = d.projects[0];
  const Project& got = parsed->projects[0];
  EXPECT_EQ(got.narrative_title.value, want.narrative_title.value);
  EXPECT_EQ(got.name.value, want.name.value);
  EXPECT_EQ(got.nature.value, want.nature.value);
  EXPECT_EQ(got.category.value, want.category.value);
  EXPECT_EQ(got.department.value, want.department.value);
  EXPECT_EQ(got.implementer.value, want.implementer.value);
  EXPECT_EQ(got.start.value, want.start.value);
  EXPECT_EQ(got.end.value, want.end.value);
  EXPECT_EQ(got.funds.total.value, want.funds.total.value);
  EXPECT_EQ(got.funds.fiscal.value, want.funds.fiscal.value);
  EXPECT_EQ(got.funds.other.value, want.funds.other.value);
  EXPECT_EQ(got.funds.annual_total.value, want.funds.annual_total.value);
  EXPECT_EQ(got.funds.current_appropriation.value, want.funds.current_appropriation.value);
  EXPECT_EQ(got.funds.carryover.value, want.funds.carryover.value);
  EXPECT_EQ(got.funds.annual_other.value, want.funds.annual_other.value);
  EXPECT_EQ(got.overall_goal.value, want.overall_goal.value);
  EXPECT_EQ(got.annual_goal.value, want.annual_goal.value);
  ASSERT_EQ(got.indicators.size(), want.indicators.size());
  for (std::size_t k = 0; k < want.indicators.size(); ++k) {
    SCOPED_TRACE(want.indicators[k].name);
    EXPECT_EQ(got.indicators[k].l1, want.indicators[k].l1);
    EXPECT_EQ(got.indicators[k].l2, want.indicators[k].l2);
    EXPECT_EQ(got.indicators[k].name, want.indicators[k].name);
    EXPECT_EQ(got.indicators[k].value, want.indicators[k].value);
  }
  EXPECT_TRUE(got.unreadable.empty());
  // Every field of a PDF carries its page box.
  EXPECT_TRUE(got.name.span.box.has_value());
}

}  // namespace
}  // namespace jixiao::synth
