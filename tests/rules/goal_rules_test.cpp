// CONS-* (goals and topics, by text similarity).
#include <gtest/gtest.h>

#include "builders.h"

namespace jixiao {
namespace {

using namespace testing;

Project with_narrative(int seq, const std::string& name, const std::string& overview, const std::string& goal) {
  Project p = form_project(seq, name, "50,000.00");
  p.has_narrative = true;
  p.sections = {section("一", "项目概述", overview, 100 * seq + 10, 100 * seq + 15)};
  p.overall_goal = text(goal, 100 * seq + 50);
  p.annual_goal = text(goal, 100 * seq + 51);
  return p;
}

TEST(Cons003, AnnualGoalCopiedInAMultiYearProject) {
  Project p = with_narrative(1, "平台建设", "建设数据平台。", "建成数据资源平台并完成验收，归集数据三亿条。");
  p.end = date("2025-12-31");
  EXPECT_EQ(findings_of(declaration({p}), "CONS-003").size(), 1u);
  p.annual_goal = text("2024年完成平台主体功能开发和试运行。");
  EXPECT_TRUE(findings_of(declaration({p}), "CONS-003").empty());
  Project single = with_narrative(1, "平台建设", "建设数据平台。", "建成数据资源平台并完成验收，归集数据三亿条。");
  EXPECT_TRUE(findings_of(declaration({single}), "CONS-003").empty()) << "a one-year project may repeat";
}

Declaration goal_copy_case(const std::string& goal4) {
  Project p4 = with_narrative(4, "区政府办常规业务保障",
                              "主要实施内容为办公室涉密设备采购、办公电子维护运维，进一步落实涉密领域国产化替代工程要求，"
                              "确保办公室涉密设备安全运作，办公室保密工作有序开展。",
                              goal4);
  Project p5 = with_narrative(5, "区政府办常规业务培训",
                              "主要实施内容为政务公开、建议提案、规范性文件、重大行政决策培训项目。以培训为抓手进一步加强"
                              "联络员、承办员队伍建设，确保松江区政务公开、建议提案、规范性文件管理工作位于全市前列。",
                              "以培训为抓手进一步加强联络员、承办员队伍建设，确保松江区政务公开、建议提案、规范性文件管理"
                              "工作位于全市前列。");
  return declaration({p4, p5});
}

TEST(Cons006, GoalClauseFromAnotherProject) {
  auto f = findings_of(goal_copy_case("进一步落实涉密领域国产化替代工程要求，确保办公室涉密设备安全运作；以培训为抓手进一步"
                                      "加强联络员、承办员队伍建设，确保松江区政务公开、建议提案、规范性文件管理工作位于全市前列。"),
                       "CONS-006");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].project_seq, 4);
  EXPECT_NE(f[0].message.find("项目5"), std::string::npos);
  EXPECT_TRUE(covers_line(f[0], 450));
  EXPECT_TRUE(findings_of(goal_copy_case("进一步落实涉密领域国产化替代工程要求，确保办公室涉密设备安全运作。"), "CONS-006").empty());
}

TEST(Cons007, IndicatorCopiedFromAnotherProject) {
  Project sms = with_narrative(2, "项目服务管理", "借用三大运营商平台，支撑近20个信息系统的工作短信发送服务。", "短信平台稳定运行。");
  Project ops = with_narrative(4, "网络信息系统运行与维护",
                               "等级保护信息安全测评费：对区电子政务云平台备案为等保三级的系统按例完成每年的等保复测工作，"
                               "测评机构出具等保测评报告，保障系统安全性可持续发展。",
                               "完成等保测评。");
  Indicator copied = indicator("效益指标", "可持续影响指标", "系统安全性可持续发展", "当年等保测评分≥上一期分数", 648);
  sms.indicators = complete_indicators();
  sms.indicators.push_back(copied);
  ops.indicators = complete_indicators();
  ops.indicators.push_back(copied);
  auto f = findings_of(declaration({sms, ops}), "CONS-007");
  ASSERT_EQ(f.size(), 1u) << "the generic rows shared by both (培训场次 …) are not reported";
  EXPECT_EQ(f[0].project_seq, 2);
  EXPECT_TRUE(covers_line(f[0], 648));
}

TEST(Cons008, MajorSubProjectAbsentFromGoalsAndIndicators) {
  Project p = with_narrative(1, "大数据与网络信息",
                             "该项目包括4个子项目，分别为区政务外网驻场运维服务项目、数据安全专项检查项目、数据运营服务项目"
                             "和数据运营第三方监管服务项目，预算资金总额约为1018万。",
                             "保障政务外网网络安全稳定运行，开展数据安全专项检查。");
  p.sections.push_back(section("六", "年度预算安排",
                               "驻场运维预测项目总资金为80万元。数据安全专项检查预测项目资金共计为58万。"
                               "数据运营服务预测项目总资金为800万元。数据运营第三方监管服务费为80万。",
                               2346, 2400));
  p.indicators = {indicator("产出指标", "数量指标", "全年线路巡检次数", "≥4.00(次)", 2553)};
  auto f = findings_of(declaration({p}), "CONS-008");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].message.find("数据运营服务项目"), std::string::npos);
  EXPECT_NE(f[0].message.find("78.6%"), std::string::npos);
  p.indicators.push_back(indicator("产出指标", "数量指标", "数据运营服务工单完成数", "≥500(单)", 2554));
  EXPECT_TRUE(findings_of(declaration({p}), "CONS-008").empty());
}

}  // namespace
}  // namespace jixiao
