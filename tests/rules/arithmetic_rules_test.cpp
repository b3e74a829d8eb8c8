// ARITH-*: products written in the declaration.
#include <gtest/gtest.h>

#include "builders.h"

namespace jixiao {
namespace {

using namespace testing;

TEST(Arith001, QuantityTimesPriceMustGiveTheAmount) {
  Project p = form_project(1, "区政府办政务公开", "50,000.00");
  p.line_items = {item("规范性文件评估清理", "47", "件", "800", "元", "38000", "元", 1397),
                  item("信息公开申请专家咨询", "15", "件", "800", "元", "12000", "元", 1403)};
  auto f = findings_of(declaration({p}), "ARITH-001");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kError);
  EXPECT_TRUE(covers_line(f[0], 1397));
  EXPECT_NE(f[0].message.find("37,600.00"), std::string::npos);
  EXPECT_NE(f[0].message.find("差 400 元"), std::string::npos);
}

TEST(Arith001, ConvertsUnitsAndAllowsRoundedPrices) {
  Project p = form_project(1, "合作与交流", "2,000,000.00");
  p.line_items = {item("餐费（市外）", "2000", "人", "150", "元/人", "30", "万元", 487),
                  item("印刷", "3850", "本", "10.39", "元", "40000", "元", 1413),  // 40,001.50 rounded
                  item("耗材", "5", "", "0.0006", "万元", "0.003", "万元", 108),
                  item("工作经费", "11", "", "25", "", "275", "", 96)};     // all unit-less
  EXPECT_TRUE(findings_of(declaration({p}), "ARITH-001").empty());
  p.line_items[0].amount = "3";  // 2000 × 150 元 = 30 万元, not 3 万元
  EXPECT_EQ(findings_of(declaration({p}), "ARITH-001").size(), 1u);
}

TEST(Arith002, WrittenProductsInTheText) {
  Project p = form_project(1, "法律顾问费", "40,000.00");
  p.sections = {section("六", "年度预算安排", "单次审核费用（元）规范性文件数量（件）总计审核费用（元）800 47 800×47=38000", 295, 297)};
  auto f = findings_of(declaration({p}), "ARITH-002");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(covers_line(f[0], 297));
  EXPECT_NE(f[0].message.find("800×47=38000"), std::string::npos);
}

TEST(Arith002, CorrectProductsPass) {
  Project p = form_project(1, "宣传", "300,000.00");
  p.sections = {section("六", "年度预算安排",
                        "政务公开政策图解：1500 元*10 篇=15000 元；印刷 10.39×3850=40000 40000×5=200000；"
                        "服务期内须提供5×8小时的现场服务；制作书籍200本，每本50元，需1万元。",
                        10)};
  EXPECT_TRUE(findings_of(declaration({p}), "ARITH-002").empty());
  p.sections[0].text = "制作书籍200本，每本50元，需2万元。";
  auto f = findings_of(declaration({p}), "ARITH-002");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].message.find("200本，每本50元，需2万元"), std::string::npos);
}

TEST(Arith002, SkipsProductsCheckedAsLineItems) {
  Project p = form_project(1, "法律顾问费", "40,000.00");
  p.sections = {section("六", "年度预算安排", "800 47 800×47=38000", 297)};
  p.line_items = {item("审核", "47", "件", "800", "元", "38000", "元", 297)};
  EXPECT_TRUE(findings_of(declaration({p}), "ARITH-002").empty());
  EXPECT_EQ(findings_of(declaration({p}), "ARITH-001").size(), 1u);
}

TEST(Arith003, HeadCountTimesPerCapitaPrice) {
  Project p = form_project(1, "大数据与网络信息", "10,180,000.00");
  p.sections = {section("六", "年度预算安排",
                        "运维服务商须提供不少于4人的驻场服务团队，按照市场预估人均约20万元/年，预测项目总资金为80万元。"
                        "运营服务商须提供不少于20人的驻场服务团队，其中一人为组长，服务期内提供7×24小时值守，"
                        "按照技术人员市场预估人均约24万元/年，预测项目总资金为800万元。",
                        2346, 2376)};
  auto f = findings_of(declaration({p}), "ARITH-003");
  ASSERT_EQ(f.size(), 1u) << "4 × 20 = 80 passes, 20 × 24 = 480 ≠ 800 does not";
  EXPECT_EQ(f[0].severity, Severity::kWarning);
  EXPECT_NE(f[0].message.find("33.3 人"), std::string::npos);
  EXPECT_TRUE(covers_line(f[0], 2374));
}

}  // namespace
}  // namespace jixiao

namespace jixiao {
namespace {

using namespace testing;

TEST(Arith001, ColumnWithoutUnitIsReadInTheUnitThatFits) {
  // 单价 printed without unit (元 in the header), 资金需求 in 万元: 2000 × 150 元 = 30 万元.
  Project p = form_project(1, "合作与交流", "2,000,000.00");
  p.line_items = {item("餐费（市外）", "2000", "人", "150", "", "30", "万元", 487)};
  EXPECT_TRUE(findings_of(declaration({p}), "ARITH-001").empty());
  p.line_items[0].amount = "31";  // no reading of 150 makes 31 万元
  EXPECT_EQ(findings_of(declaration({p}), "ARITH-001").size(), 1u);
}

}  // namespace
}  // namespace jixiao
