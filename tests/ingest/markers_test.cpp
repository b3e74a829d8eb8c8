// The landmark recognisers of markers.h, one line at a time.
#include <gtest/gtest.h>

#include "ingest/markers.h"

namespace jixiao {
namespace {

TEST(NarrativeMarker, NumberAndTitleAfterDashes) {
  auto m = match_narrative_marker("项目经费情况说明 3--合作与交流");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->number, 3);
  EXPECT_EQ(m->title, "合作与交流");
  auto dash = match_narrative_marker("项目经费情况说明12—稳增长专办");
  ASSERT_TRUE(dash);
  EXPECT_EQ(dash->number, 12);
  EXPECT_EQ(dash->title, "稳增长专办");
}

TEST(NarrativeMarker, NumberOnlyTitleComesLater) {
  auto m = match_narrative_marker("项目经费情况说明 1");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->number, 1);
  EXPECT_EQ(m->title, "");
}

TEST(NarrativeMarker, TitleBeforeTheMarker) {
  auto m = match_narrative_marker("   区政府督查及建议提案工作业务经费项目经费情况说明");
  ASSERT_TRUE(m);
  EXPECT_FALSE(m->number);
  EXPECT_EQ(m->title, "区政府督查及建议提案工作业务经费");
  auto policy = match_narrative_marker("生命健康专项（政策资金）经费情况说明");
  ASSERT_TRUE(policy);
  EXPECT_EQ(policy->title, "生命健康专项（政策资金）");
}

TEST(NarrativeMarker, EnumeratedTitleBeforeTheMarker) {
  auto m = match_narrative_marker("3、网络信息系统开发、升级、建设项目经费情况说明");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->number, 3);
  EXPECT_EQ(m->title, "网络信息系统开发、升级、建设");
  auto c = match_narrative_marker("（二）法律顾问费项目经费情况说明");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->number, 2);
  EXPECT_EQ(c->title, "法律顾问费");
}

TEST(NarrativeMarker, BareMarker) {
  auto m = match_narrative_marker("项目经费情况说明");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->title, "");
}

TEST(NarrativeMarker, TableOfContentsAndChapterHeadingsAreNotMarkers) {
  EXPECT_FALSE(match_narrative_marker("七、项目经费情况说明 ………………………………"));
  EXPECT_FALSE(match_narrative_marker("七、项目经费情况说明"));
  EXPECT_FALSE(match_narrative_marker("详见本单位的项目经费情况说明，不再赘述。"));
  EXPECT_FALSE(match_narrative_marker("绩效目标设置情况"));
}

TEST(NarrativeMarker, InlineMarkerAfterASentence) {
  std::string line = "详见单位的项目绩效目标表。 项目经费情况说明 2--法律顾问费";
  EXPECT_EQ(find_inline_narrative_marker(line), line.find("项目经费情况说明"));
  EXPECT_EQ(find_inline_narrative_marker("按项目经费情况说明执行"), std::string::npos);
}

TEST(SectionHeading, ChineseAndArabicNumbers) {
  auto h = match_section_heading("六、年度预算安排");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->number, "六");
  EXPECT_EQ(h->value, 6);
  EXPECT_FALSE(h->arabic);
  EXPECT_EQ(h->word, "年度预算安排");
  EXPECT_EQ(h->rest, "");
  auto a = match_section_heading(" 7、绩效目标");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->value, 7);
  EXPECT_TRUE(a->arabic);
  auto alt = match_section_heading("一、项目概况");
  ASSERT_TRUE(alt);
  EXPECT_EQ(alt->word, "项目概况");
}

TEST(SectionHeading, BracketedNumbers) {
  auto h = match_section_heading("（三）实施主体");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->number, "三");
  EXPECT_EQ(h->value, 3);
  EXPECT_TRUE(h->bracketed);
  EXPECT_EQ(h->word, "实施主体");
  EXPECT_FALSE(match_section_heading("（一）、项目推进及社保卡宣传活动"));
}

TEST(SectionHeading, BodyOnTheSameLine) {
  auto h = match_section_heading("五、实施周期：2024 年 1 月至 2024 年 12 月。");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->word, "实施周期");
  EXPECT_EQ(h->rest, "2024 年 1 月至 2024 年 12 月。");
}

TEST(SectionHeading, ListItemsAndSentencesAreNotHeadings) {
  EXPECT_FALSE(match_section_heading("1.资金测算：本项目须提供不少于 4 人驻场形式服务"));
  EXPECT_FALSE(match_section_heading("1、项目推进及社保卡宣传活动：到 2023 年"));
  EXPECT_FALSE(match_section_heading("三、实施主体为区大数据中心"));
  EXPECT_FALSE(match_section_heading("（一）、项目推进及社保卡宣传活动"));
}

TEST(SectionHeading, InlineHeadingAfterASentence) {
  std::string line = "该项目实施周期为一年。 六、年度预算安排 预算资金约 4 万元。";
  EXPECT_EQ(find_inline_section_heading(line), line.find("六、"));
  EXPECT_EQ(find_inline_section_heading("分为一、二两期"), std::string::npos);
}

TEST(SubProjectHeading, Variants) {
  auto a = match_sub_project_heading("（一）、项目推进及社保卡宣传活动");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->number, "一");
  EXPECT_EQ(a->value, 1);
  EXPECT_EQ(a->title, "项目推进及社保卡宣传活动");
  auto b = match_sub_project_heading("（二）科技金融宣传活动费");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->title, "科技金融宣传活动费");
  auto c = match_sub_project_heading("(五)2021年度松江区***工程（运维）");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->value, 5);
  EXPECT_FALSE(match_sub_project_heading("(1) 酷维网站错别字监测系统（运维）"));
  EXPECT_FALSE(match_sub_project_heading("（一）"));
}

TEST(ProjectNameLine, OnlyWithAColon) {
  EXPECT_EQ(match_project_name_line("项目名称：市民服务"), "市民服务");
  EXPECT_EQ(match_project_name_line("项目名称:网络信息系统开发、升级、建设"),
            "网络信息系统开发、升级、建设");
  EXPECT_FALSE(match_project_name_line("项目名称 市民服务 项目类别 经常性项目"));
}

TEST(FormTitle, FoundWithItsPrefixAndNumber) {
  std::string t = "财政项目支出绩效目标填报表 3";
  EXPECT_EQ(find_form_title(t), 0u);
  EXPECT_EQ(form_title_number(t), 3);
  EXPECT_FALSE(form_title_number("财政项目支出绩效目标申报表"));
  std::string inline_title = "详见单位的项目绩效目标表 财政项目支出绩效目标申报表 （2024年度）";
  EXPECT_EQ(find_form_title(inline_title), inline_title.find("财政项目支出"));
  EXPECT_EQ(find_form_title("详见单位的项目绩效目标表"), std::string::npos);
}

TEST(HeaderHeading, PlainOrNumbered) {
  EXPECT_TRUE(is_header_heading("绩效目标设置情况"));
  EXPECT_TRUE(is_header_heading(" 四、绩效目标设置情况"));
  EXPECT_FALSE(is_header_heading("按照要求开展了绩效目标设置情况"));
}

}  // namespace
}  // namespace jixiao
