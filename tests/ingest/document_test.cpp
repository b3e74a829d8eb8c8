// Document assembly: segmentation into parts, pairing of narratives with forms, project order,
// and the "not a declaration" error. Forms here are small line-broken forms; their fields are
// read by the form parser, these tests only rely on 项目名称.
#include <gtest/gtest.h>

#include "ingest/document.h"
#include "ingest/lines.h"
#include "ingest/segment.h"

namespace jixiao {
namespace {

std::string form(const std::string& name, const std::string& title_suffix = "") {
  return "财政项目支出绩效目标申报表" + title_suffix + "\n（2024 年度）\n项目名称 " + name +
         " 项目性质 其他经常性项目 项目类别 其他运转类\n主管部门 上海市松江区测试局 实施单位 上海市松江区测试局\n"
         "计划开始日期 2024-01-01 计划完成日期 2024-12-31\n项目资金\n（元）\n"
         "项目资金总额 40,000.00 年度资金申请总额 40,000.00\n其中：财政资金 40,000.00\n"
         "其中：当年财政拨款 40,000.00\n上年结转资金 0.00\n其他资金 0.00 其他资金 0.00\n";
}

std::string narrative(int number, const std::string& title, const std::string& budget) {
  return "项目经费情况说明 " + std::to_string(number) + "--" + title + "\n一、项目概述\n主要实施内容为" +
         title + "，预算资金约 " + budget + " 万元。\n七、绩效目标\n详见单位的项目绩效目标表\n";
}

const std::string kHeader =
    "上海市松江区测试局 2024 年 财政支出项目绩效目标申报表\n绩效目标设置情况\n"
    "本单位 1 个预算单位开展了 2024 年项目预算绩效目标编报工作，编报绩效目标的项目 2 个，"
    "涉及项目预算资金 8 万元。\n";

Result<Declaration> parse(const std::string& text) {
  TextLines lines = split_lines(text);
  return parse_document_lines(lines, Layout::kLineBroken, "test.txt");
}

std::vector<std::string> names(const Declaration& d) {
  std::vector<std::string> out;
  for (const Project& p : d.projects)
    out.push_back((p.name.value ? *p.name.value : "-") + "|" +
                  (p.narrative_title.value ? *p.narrative_title.value : "-"));
  return out;
}

TEST(Document, NarrativesPairWithTheFormsThatFollowThem) {
  auto d = parse(kHeader + narrative(1, "甲项目", "4") + form("甲项目") + narrative(2, "乙项目", "4") +
                 form("乙项目"));
  ASSERT_TRUE(d.ok()) << d.error().describe();
  EXPECT_EQ(d->issuer.value, "上海市松江区测试局");
  EXPECT_EQ(d->year.value, 2024);
  EXPECT_EQ(d->header.project_count.value, 2);
  EXPECT_EQ(names(*d), (std::vector<std::string>{"甲项目|甲项目", "乙项目|乙项目"}));
  const Project& first = d->projects[0];
  EXPECT_EQ(first.seq, 1);
  EXPECT_TRUE(first.has_form);
  EXPECT_TRUE(first.has_narrative);
  EXPECT_EQ(first.narrative_budget_wan.value, "4");
  EXPECT_EQ(first.span.first_line, 4);   // the narrative's title line
  EXPECT_EQ(first.span.last_line, 20);   // the form's last line
  EXPECT_EQ(d->projects[1].seq, 2);
}

TEST(Document, NarrativeWithoutFormAndFormWithoutNarrative) {
  auto d = parse(kHeader + narrative(1, "甲项目", "1") + narrative(2, "乙项目", "2") + form("乙项目") +
                 form("丙项目"));
  ASSERT_TRUE(d.ok()) << d.error().describe();
  ASSERT_EQ(names(*d), (std::vector<std::string>{"-|甲项目", "乙项目|乙项目", "丙项目|-"}));
  EXPECT_FALSE(d->projects[0].has_form);
  EXPECT_TRUE(d->projects[0].has_narrative);
  EXPECT_TRUE(d->projects[2].has_form);
  EXPECT_FALSE(d->projects[2].has_narrative);
  EXPECT_EQ(d->projects[2].seq, 3);
}

TEST(Document, AdjacentNarrativePairsEvenWhenTheFormNamesItDifferently) {
  auto d = parse(kHeader + narrative(1, "区政府办常规业务", "7.5") + form("区政府办常规业务保障"));
  ASSERT_TRUE(d.ok()) << d.error().describe();
  EXPECT_EQ(names(*d), (std::vector<std::string>{"区政府办常规业务保障|区政府办常规业务"}));
}

TEST(Document, NumberedFormsPairByNumber) {
  std::string text = kHeader + "项目经费情况说明 1\n项目名称：市民服务\n一、项目概述\n预算资金约 5 万元。\n" +
                     "项目经费情况说明 2\n项目名称：项目服务管理\n一、项目概述\n预算资金约 3 万元。\n" +
                     form("项目服务管理工作", " 2") + form("市民服务工作", " 1");
  auto d = parse(text);
  ASSERT_TRUE(d.ok()) << d.error().describe();
  EXPECT_EQ(names(*d), (std::vector<std::string>{"项目服务管理工作|项目服务管理", "市民服务工作|市民服务"}));
}

TEST(Document, AllNarrativesFirstThenAllFormsPairInOrder) {
  auto d = parse(kHeader + narrative(1, "甲", "1") + narrative(2, "乙", "2") + narrative(3, "丙", "3") +
                 form("甲项目") + form("乙项目") + form("丙项目"));
  ASSERT_TRUE(d.ok()) << d.error().describe();
  // Titles differ from the names and the forms are not numbered: paired by position in the run.
  EXPECT_EQ(names(*d), (std::vector<std::string>{"甲项目|甲", "乙项目|乙", "丙项目|丙"}));
}

TEST(Document, TitleMatchWinsOverPosition) {
  auto d = parse(kHeader + narrative(1, "乙项目", "2") + narrative(2, "甲项目", "1") + form("甲项目") +
                 form("乙项目"));
  ASSERT_TRUE(d.ok()) << d.error().describe();
  EXPECT_EQ(names(*d), (std::vector<std::string>{"甲项目|甲项目", "乙项目|乙项目"}));
  EXPECT_EQ(d->projects[0].narrative_budget_wan.value, "1");
}

TEST(Document, TheDocumentTitleIsNotAForm) {
  DocumentParts parts = segment_document(split_lines(kHeader + narrative(1, "甲项目", "4") + form("甲项目")));
  ASSERT_EQ(parts.forms.size(), 1u);
  ASSERT_EQ(parts.narratives.size(), 1u);
  ASSERT_TRUE(parts.header);
  EXPECT_EQ(parts.lines[parts.forms[0].range.begin].text, "财政项目支出绩效目标申报表");
  EXPECT_EQ(parts.title.begin, 0u);
  EXPECT_GE(parts.title.end, 1u);
}

TEST(Document, PartsThatStartMidLineAreSplitOff) {
  // OCR output runs the next part into the previous paragraph.
  std::string text = kHeader +
                     "项目经费情况说明 1--甲项目 一、项目概述 主要实施内容为甲项目，预算资金约 4 万元。 "
                     "七、绩效目标 详见单位的项目绩效目标表 " + form("甲项目");
  DocumentParts parts = segment_document(split_lines(text));
  ASSERT_EQ(parts.narratives.size(), 1u);
  ASSERT_EQ(parts.forms.size(), 1u);
  auto d = parse(text);
  ASSERT_TRUE(d.ok()) << d.error().describe();
  ASSERT_EQ(d->projects.size(), 1u);
  const Project& p = d->projects[0];
  EXPECT_EQ(p.narrative_title.value, "甲项目");
  EXPECT_EQ(p.narrative_budget_wan.value, "4");
  ASSERT_EQ(p.sections.size(), 2u);
  EXPECT_EQ(p.sections[1].heading, "绩效目标");
  EXPECT_EQ(p.name.value, "甲项目");
}

TEST(Document, HeaderOnlyIsADeclarationWithoutProjects) {
  auto d = parse("上海市普陀区2025年区级单位预算\n预算单位：上海市普陀区商务委员会\n四、绩效目标设置情况\n"
                 "2025年度，本单位编报绩效目标的项目共25个，涉及项目预算资金11381.60万元。\n五、国有资产占有使用情况\n"
                 "截至2024年8月31日，共有车辆0辆。\n");
  ASSERT_TRUE(d.ok()) << d.error().describe();
  EXPECT_TRUE(d->projects.empty());
  EXPECT_EQ(d->issuer.value, "上海市普陀区商务委员会");
  EXPECT_EQ(d->header.project_count.value, 25);
}

TEST(Document, TextWithoutAnyPartIsNotADeclaration) {
  auto d = parse("这是一封普通的信。\n内容与预算无关。\n");
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error().file, "test.txt");
  EXPECT_NE(d.error().message.find("不是绩效目标申报文档"), std::string::npos);
}

TEST(Document, YearFallsBackToTheFirstForm) {
  auto d = parse(narrative(1, "甲项目", "4") + form("甲项目"));
  ASSERT_TRUE(d.ok()) << d.error().describe();
  EXPECT_EQ(d->year.value, 2024);
  EXPECT_FALSE(d->issuer.value);
}

}  // namespace
}  // namespace jixiao
