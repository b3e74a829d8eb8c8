// OCR output: letter-spacing and characters replaced by U+FFFD (�). Landmarks are still found;
// values touched by a garbled character are reported unreadable, never guessed.
#include <gtest/gtest.h>

#include "ingest/header.h"
#include "ingest/lines.h"
#include "ingest/markers.h"
#include "ingest/narrative_parser.h"
#include "ingest/normalize.h"

namespace jixiao {
namespace {

bool listed(const std::vector<Unreadable>& list, const std::string& field) {
  for (const auto& u : list)
    if (u.field == field) return true;
  return false;
}

Project narrative(const std::string& text) {
  TextLines lines = split_lines(text);
  Project p;
  parse_narrative(lines, p);
  return p;
}

TEST(OcrSpacing, LetterSpacedChainsAreJoined) {
  EXPECT_EQ(normalize_line("一、项 目 概 述"), "一、项目概述");
  EXPECT_EQ(normalize_line("项 目 名 称：垃 圾 分 类 服 务 项 目"), "项目名称：垃圾分类服务项目");
  EXPECT_EQ(normalize_line("详 见 单 位 的 项 目 绩 效 目 标 表"), "详见单位的项目绩效目标表");
}

TEST(OcrSpacing, WhereLetterSpacingWasRemovedIsKept) {
  std::vector<std::size_t> joined;
  // Byte offsets in the result: each CJK character here takes three bytes.
  EXPECT_EQ(normalize_line("实施单位 上 海 市 所", joined), "实施单位 上海市所");
  EXPECT_EQ(joined, (std::vector<std::size_t>{16, 19, 22}));
  EXPECT_EQ(normalize_line("质量指标\t项 目", joined), "质量指标\t项目");
  EXPECT_EQ(joined, (std::vector<std::size_t>{16}));
  EXPECT_EQ(normalize_line("成本合理性 合理", joined), "成本合理性 合理");
  EXPECT_TRUE(joined.empty());
  // split_lines keeps them with each line.
  TextLines lines = split_lines("项目名称\n上 海 市\n");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_TRUE(lines[0].joined.empty());
  EXPECT_EQ(lines[1].joined, (std::vector<std::size_t>{3, 6}));
}

TEST(OcrSpacing, OneLoneCharacterAfterAWordStaysApart) {
  EXPECT_EQ(normalize_line("社会知晓度 高"), "社会知晓度 高");
  EXPECT_EQ(normalize_line("成本合理性 合理"), "成本合理性 合理");
  EXPECT_EQ(normalize_line("质量指标\t项 目 完 成 率\t≥90%"), "质量指标\t项目完成率\t≥90%");
}

// OCR reading across cells puts the spaced continuation of one cell after the unspaced text of
// another: the unspaced word is not part of the chain, so the cell boundary survives.
TEST(OcrSpacing, UnspacedWordDoesNotJoinASpacedChain) {
  EXPECT_EQ(normalize_line("实施单位 上海市青浦区青少年活动中心 生 健 康 委 员 会 计划开始日"),
            "实施单位 上海市青浦区青少年活动中心 生健康委员会 计划开始日");
  EXPECT_EQ(normalize_line("2021年 末 做 好"), "2021年末做好");
}

TEST(OcrMarkers, HeadingWordWithOneGarbledCharacter) {
  auto h = match_section_heading("五、实\xEF\xBF\xBD周期");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->word, "实施周期");
  EXPECT_EQ(h->value, 5);
  // Two heading words fit "项目概�": still a heading, its word kept as printed and flagged.
  auto a = match_section_heading("一、项目概\xEF\xBF\xBD");
  ASSERT_TRUE(a);
  EXPECT_TRUE(a->word_garbled);
  EXPECT_EQ(a->word, "项目概\xEF\xBF\xBD");
  auto n = match_section_heading("\xEF\xBF\xBD、项目概述");
  ASSERT_TRUE(n);
  EXPECT_TRUE(n->number_garbled);
  EXPECT_EQ(n->word, "项目概述");
}

TEST(OcrMarkers, NarrativeAndFormTitlesWithAGarbledCharacter) {
  auto m = match_narrative_marker("项目经费情况说\xEF\xBF\xBD 2--法律顾问费");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->number, 2);
  EXPECT_EQ(m->title, "法律顾问费");
  auto k = match_narrative_marker("项目经费情况说明 \xEF\xBF\xBD--法律顾问费");
  ASSERT_TRUE(k);
  EXPECT_FALSE(k->number);
  EXPECT_EQ(k->title, "法律顾问费");
  EXPECT_EQ(find_form_title("财政项目支出绩效目标申\xEF\xBF\xBD表"), 0u);
  EXPECT_EQ(find_form_title("财政项目支\xEF\xBF\xBD绩效目标申报表"), 0u);
  EXPECT_EQ(find_form_title("财\xEF\xBF\xBD政项目支出绩效目标填报表"), 0u);
  EXPECT_TRUE(is_header_heading("绩效目标设\xEF\xBF\xBD情况"));
  EXPECT_EQ(match_project_name_line("项目名\xEF\xBF\xBD：市民服务"), "市民服务");
}

TEST(OcrNarrative, GarbledTitleIsUnreadable) {
  Project p = narrative("项目经费情况说明 1--门户网站日常\xEF\xBF\xBD营\n一、项目概述\n预算资金约 4.38 万元。\n");
  EXPECT_FALSE(p.narrative_title.value);
  EXPECT_TRUE(listed(p.unreadable, "narrative_title"));
  EXPECT_EQ(p.narrative_budget_wan.value, "4.38");
}

TEST(OcrNarrative, GarbledOverviewMakesTheBudgetUnreadableNotTheNextAmount) {
  Project p = narrative(
      "项目经费情况说明 2--合作交流\n一、项目概述\n主要实施内容为漏洞扫描，经测算，预\xEF\xBF\xBD资金约 352 万元。\n"
      "六、年度预算安排\n2026年项目预算金额 340.95 万元。\n");
  EXPECT_FALSE(p.narrative_budget_wan.value);
  EXPECT_TRUE(listed(p.unreadable, "narrative_budget_wan"));
  EXPECT_TRUE(listed(p.unreadable, "sections[0].text"));
}

TEST(OcrNarrative, NumberCutByAGarbledCharacterIsUnreadable) {
  Project p = narrative("项目经费情况说明 2--合作交流\n一、项目概述\n经测算，预算资金约 35\xEF\xBF\xBD 万元。\n");
  EXPECT_FALSE(p.narrative_budget_wan.value);
  EXPECT_TRUE(listed(p.unreadable, "narrative_budget_wan"));
}

TEST(OcrNarrative, GarbledFirstHeadingNumberLeavesTheNumberingStyleOpen) {
  // The first number garbled: its style (一、 or 1、) is not printed, the next heading gives it.
  Project p = narrative("项目经费情况说明 2--合作交流\n\xEF\xBF\xBD、项目概述\n概述。\n2、立项依据\n依据。\n3、实施主体\n主体。\n");
  ASSERT_EQ(p.sections.size(), 3u);
  EXPECT_EQ(p.sections[0].heading, "项目概述");
  EXPECT_EQ(p.sections[0].number, "");
  EXPECT_TRUE(listed(p.unreadable, "sections[0].number"));
  EXPECT_EQ(p.sections[1].number, "2");
  EXPECT_EQ(p.sections[2].heading, "实施主体");
}

TEST(OcrNarrative, GarbledHeadingNumberKeepsTheSection) {
  Project p = narrative("项目经费情况说明 2--合作交流\n一、项目概述\n概述。\n\xEF\xBF\xBD、立项依据\n依据。\n三、实施主体\n主体。\n");
  ASSERT_EQ(p.sections.size(), 3u);
  EXPECT_EQ(p.sections[1].heading, "立项依据");
  EXPECT_EQ(p.sections[1].number, "");
  EXPECT_TRUE(listed(p.unreadable, "sections[1].number"));
}

TEST(OcrNarrative, GarbledTableRowMakesTheItemsUnreadable) {
  Project p = narrative(
      "项目经费情况说明 1--测试\n六、年度预算安排\n项目组成 数量 单价 资金需求\n翻译费 35 0.05 1.75\n设备更新 8\xEF\xBF\xBD 0.015 1.32\n");
  EXPECT_EQ(p.line_items.size(), 1u);
  EXPECT_TRUE(listed(p.unreadable, "line_items"));
}

TEST(OcrHeader, GarbledClaimsAreUnreadable) {
  Declaration d;
  TextLines lines = split_lines(
      "绩效目标设置情况\n本单位 1 个预算单位开展了 2020 年项目预算绩效目标编报工作，编报绩效目\xEF\xBF\xBD的项目 2 个，涉及项目预算资金 3\xEF\xBF\xBD.5 万元。\n");
  read_header_claims(lines, d);
  EXPECT_EQ(d.header.budget_unit_count.value, 1);
  EXPECT_FALSE(d.header.project_count.value);
  EXPECT_FALSE(d.header.total_wan.value);
  EXPECT_TRUE(listed(d.unreadable, "header.project_count"));
  EXPECT_TRUE(listed(d.unreadable, "header.total_wan"));
}

TEST(OcrHeader, GarbledIssuerIsUnreadable) {
  Declaration d;
  TextLines lines = split_lines("上海市松江区\xEF\xBF\xBD生健康监督所 2020 年 财政支出项目绩效目标申报表\n");
  read_title(lines, d);
  EXPECT_FALSE(d.issuer.value);
  EXPECT_TRUE(listed(d.unreadable, "issuer"));
  EXPECT_EQ(d.year.value, 2020);
}

}  // namespace
}  // namespace jixiao
