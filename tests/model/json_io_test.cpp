// The JSON contract: to_json → declaration_from_json gives back the same model, and malformed
// JSON is refused with the path of the offending key. (Generated declarations are round-tripped
// in tests/synth/json_roundtrip_test.cpp.)
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "model/json_io.h"

namespace jixiao {
namespace {

using nlohmann::json;

SourceSpan lines(int a, int b) { return SourceSpan{a, b, std::nullopt}; }
SourceSpan boxed(int a, int b) { return SourceSpan{a, b, PageBox{2, 10.5, 20.25, 300.125, 40}}; }

// A declaration using every field of the model, with spans and PDF boxes.
Declaration full_declaration() {
  Declaration d;
  d.source = "sample.txt";
  d.sha256 = std::string(64, 'a');
  d.layout = "line-broken";
  d.encoding = "GB18030";
  d.year = {2024, lines(2, 2)};
  d.issuer = {"上海市松江区人民政府办公室", lines(2, 2)};
  d.header.budget_unit_count = {2, lines(8, 8)};
  d.header.project_count = {14, lines(10, 12)};
  d.header.total_wan = {"6749.10", lines(12, 12)};
  d.unreadable.push_back({"header.total_wan", lines(12, 12), "数字无法识别"});

  Project p;
  p.seq = 1;
  p.narrative_title = {"东西部扶贫帮困", lines(14, 14)};
  p.name = {"东西部扶贫帮困", boxed(137, 137)};
  p.nature = {"其他经常性项目", lines(137, 137)};
  p.category = {"其他运转类", lines(138, 141)};
  p.department = {"上海市松江区人民政府办公室", lines(143, 146)};
  p.implementer = {"上海市松江区人民政府办公室（本级）", lines(147, 147)};
  p.start = {Date{2024, 1, 1}, lines(149, 149)};
  p.end = {Date{2024, 12, 31}, lines(149, 149)};
  p.funds.total = {Money::from_fen(3'778'000'000), boxed(155, 155)};
  p.funds.fiscal = {Money::from_fen(3'778'000'000), lines(157, 157)};
  p.funds.other = {Money::from_fen(0), lines(163, 163)};
  p.funds.annual_total = {Money::from_fen(3'778'000'000), lines(155, 155)};
  p.funds.current_appropriation = {Money::from_fen(3'778'000'001), lines(159, 159)};
  p.funds.carryover = {Money::from_fen(-5), lines(161, 161)};
  // annual_other left absent (null)
  p.narrative_budget_wan = {"3778", lines(20, 20)};
  p.sections.push_back({"一", "项目概述", "该项目包括……", "", false, lines(16, 26)});
  p.sections.push_back({"1", "项目概述", "涉密项目，根据相关要求，暂不公开。", "某子项目", true, lines(30, 31)});
  SubProject sub{"一", "项目推进及社保卡宣传活动", {}, lines(17, 17)};
  sub.budget_wan.value = "13.57";
  p.sub_projects.push_back(sub);
  p.line_items.push_back({"援藏干部工作经费", "11", "", "25", "", "275", "", "", lines(96, 96)});
  p.line_items.push_back({"餐费（市外）", "2000", "人", "150", "元/人", "30", "万元",
                          "项目推进及社保卡宣传活动", lines(487, 487)});
  p.overall_goal = {"按照有关规定划拨援藏、援滇项目资金。", lines(173, 181)};
  p.annual_goal = {"按照有关规定划拨援藏、援滇项目资金。", lines(183, 191)};
  Indicator ind;
  ind.l1 = "成本指标";
  ind.l2 = "经济成本指标";
  ind.name = "援藏干部人才人均工作经费";
  ind.value = "≤25.00(万元)";
  ind.target = Target::parse(ind.value);
  ind.span = boxed(210, 210);
  p.indicators.push_back(ind);
  Indicator q;
  q.l1 = "效益指标";
  q.l2 = "社会效益指标";
  q.name = "系统运行稳定率";
  q.value = "全年稳定运行率≥95%";
  q.target = Target::parse(q.value);
  q.span = lines(629, 635);
  p.indicators.push_back(q);
  p.unreadable.push_back({"indicators[1].value", boxed(629, 635), "跨行拆分无法确定"});
  p.has_form = true;
  p.has_narrative = true;
  p.span = lines(14, 253);
  d.projects.push_back(p);

  Project bare;  // a project with nothing but its sequence number
  bare.seq = 2;
  d.projects.push_back(bare);
  return d;
}

TEST(JsonIo, RoundTripKeepsEveryField) {
  Declaration d = full_declaration();
  json j = to_json(d);
  auto back = declaration_from_json(j);
  ASSERT_TRUE(back.ok()) << back.error().describe();
  EXPECT_EQ(*back, d) << j.dump(1);
  // And the JSON text itself survives a dump/parse cycle.
  auto again = declaration_from_json(json::parse(j.dump()));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, d);
}

TEST(JsonIo, ContractShape) {
  json j = to_json(full_declaration());
  const json& p = j["projects"][0];
  EXPECT_EQ(j["year"], 2024);
  EXPECT_EQ(j["header"]["total_wan"], "6749.10");
  EXPECT_EQ(p["funds_yuan"]["total"], "37780000.00");  // decimal string, two decimals
  EXPECT_EQ(p["funds_yuan"]["carryover"], "-0.05");
  EXPECT_TRUE(p["funds_yuan"]["annual_other"].is_null());  // absent → null
  EXPECT_EQ(p["start"], "2024-01-01");
  EXPECT_EQ(p["indicators"][0]["cmp"], "≤");
  EXPECT_EQ(p["indicators"][0]["num"], "25.00");
  EXPECT_EQ(p["indicators"][0]["unit"], "万元");
  EXPECT_TRUE(p["indicators"][0]["text"].is_null());
  EXPECT_EQ(p["indicators"][0]["lines"], json::array({210, 210}));
  EXPECT_EQ(p["indicators"][0]["box"]["page"], 2);
  EXPECT_TRUE(j["projects"][1]["nature"].is_null());
  EXPECT_EQ(j["projects"][1]["indicators"], json::array());
}

// Mutates the JSON of full_declaration() and expects declaration_from_json to fail naming
// `path` in Error::field.
void expect_refused(const std::function<void(json&)>& mutate, const std::string& path) {
  json j = to_json(full_declaration());
  mutate(j);
  auto r = declaration_from_json(j);
  ASSERT_FALSE(r.ok()) << "accepted a document with a bad " << path;
  EXPECT_EQ(r.error().field, path);
  EXPECT_FALSE(r.error().message.empty());
}

TEST(JsonIo, RefusesMalformedDocumentsNamingTheKey) {
  expect_refused([](json& j) { j = json::array(); }, "$");
  expect_refused([](json& j) { j["year"] = "2024"; }, "$.year");
  expect_refused([](json& j) { j["issuer"] = 5; }, "$.issuer");
  expect_refused([](json& j) { j["projects"] = json::object(); }, "$.projects");
  expect_refused([](json& j) { j["projects"][0] = 3; }, "$.projects[0]");
  expect_refused([](json& j) { j["projects"][0].erase("seq"); }, "$.projects[0].seq");
  expect_refused([](json& j) { j["projects"][0]["funds_yuan"]["total"] = "12.345"; },
                 "$.projects[0].funds_yuan.total");
  expect_refused([](json& j) { j["projects"][0]["funds_yuan"]["fiscal"] = "1,23"; },
                 "$.projects[0].funds_yuan.fiscal");
  expect_refused([](json& j) { j["projects"][0]["start"] = "2024-02-30"; }, "$.projects[0].start");
  expect_refused([](json& j) { j["projects"][0]["indicators"][0]["cmp"] = "≈"; },
                 "$.projects[0].indicators[0].cmp");
  expect_refused([](json& j) { j["projects"][0]["indicators"][1]["lines"] = json::array({1}); },
                 "$.projects[0].indicators[1].lines");
  expect_refused([](json& j) { j["projects"][0]["unreadable"] = "none"; },
                 "$.projects[0].unreadable");
  expect_refused([](json& j) { j["projects"][1]["name"] = json::array(); }, "$.projects[1].name");
}

TEST(JsonIo, MinimalDocumentReadsWithDefaults) {
  auto r = declaration_from_json(json{{"projects", json::array({json{{"seq", 7}}})}});
  ASSERT_TRUE(r.ok()) << r.error().describe();
  ASSERT_EQ(r->projects.size(), 1u);
  EXPECT_EQ(r->projects[0].seq, 7);
  EXPECT_FALSE(r->year.has_value());
  EXPECT_FALSE(r->projects[0].funds.total.has_value());
  EXPECT_TRUE(r->projects[0].indicators.empty());
}

}  // namespace
}  // namespace jixiao
