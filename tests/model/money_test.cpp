// Money: exact fen, parsing of printed yuan / 万元 amounts, formatting and rounding.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

#include "model/money.h"

namespace jixiao {
namespace {

std::int64_t yuan_fen(const char* text) {
  auto m = Money::parse_yuan(text);
  EXPECT_TRUE(m.has_value()) << text;
  return m ? m->fen() : -1;
}

TEST(MoneyParseYuan, AmountsAsPrintedOnForms) {
  EXPECT_EQ(yuan_fen("37,780,000.00"), 3'778'000'000);  // grouped, two decimals
  EXPECT_EQ(yuan_fen("37780000"), 3'778'000'000);       // plain integer (填报表 style)
  EXPECT_EQ(yuan_fen("165700.00"), 16'570'000);
  EXPECT_EQ(yuan_fen("0.00"), 0);
  EXPECT_EQ(yuan_fen("0"), 0);
  EXPECT_EQ(yuan_fen("1,234.5"), 123'450);  // one decimal
  EXPECT_EQ(yuan_fen("999"), 99'900);
  EXPECT_EQ(yuan_fen("1,000"), 100'000);
  EXPECT_EQ(yuan_fen("-12.30"), -1'230);
  EXPECT_EQ(yuan_fen("+5"), 500);
}

TEST(MoneyParseYuan, RejectsWhatIsNotAnAmount) {
  for (const char* bad : {"", "-", "+", ".", "1.", "abc", "12a", "1.234", "1..2", "1.2.3",
                          "１２", "1 000", ",100", "100,", "1,,000", "1,000.0,0", "12.3%"}) {
    EXPECT_FALSE(Money::parse_yuan(bad).has_value()) << bad;
  }
}

TEST(MoneyParseYuan, ThousandsSeparatorsMustGroupByThree) {
  // A comma in the wrong place is more likely a misread decimal point: refuse, never guess.
  for (const char* bad : {"1,23", "37,78,000.00", "1,2345", "1234,567", "12,34.00", "1,000,00"})
    EXPECT_FALSE(Money::parse_yuan(bad).has_value()) << bad;
  EXPECT_EQ(yuan_fen("12,345,678.90"), 1'234'567'890);
  EXPECT_EQ(yuan_fen("123,456"), 12'345'600);
}

TEST(MoneyParseYuan, OverflowIsRefusedNotWrapped) {
  // INT64_MAX fen is 92233720368547758.07 yuan.
  EXPECT_EQ(yuan_fen("92233720368547758.07"), std::numeric_limits<std::int64_t>::max());
  EXPECT_FALSE(Money::parse_yuan("92233720368547758.08").has_value());
  EXPECT_FALSE(Money::parse_yuan("92233720368547758.09").has_value());
  EXPECT_FALSE(Money::parse_yuan("922337203685477580.9").has_value());
  EXPECT_FALSE(Money::parse_yuan("99999999999999999999999").has_value());
}

TEST(MoneyParseWan, DecimalCountsOfWan) {
  auto fen = [](const char* text) {
    auto m = Money::parse_wan(text);
    EXPECT_TRUE(m.has_value()) << text;
    return m ? m->fen() : -1;
  };
  EXPECT_EQ(fen("3778"), 3'778'000'000);    // 3778 万元 = 37,780,000.00 元
  EXPECT_EQ(fen("33.0769"), 33'076'900);    // 330,769.00 元
  EXPECT_EQ(fen("0.0888"), 88'800);         // 888.00 元
  EXPECT_EQ(fen("6749.10"), 6'749'100'000);
  EXPECT_EQ(fen("0.000001"), 1);            // six decimals of 万元 are one fen
  EXPECT_FALSE(Money::parse_wan("0.0000001").has_value());  // finer than a fen
  EXPECT_FALSE(Money::parse_wan("约3778").has_value());
  EXPECT_FALSE(Money::parse_wan("").has_value());
  EXPECT_FALSE(Money::parse_wan("99999999999999").has_value());  // overflows int64 fen
}

TEST(MoneyFormat, YuanStringHasTwoDecimalsNoSeparators) {
  EXPECT_EQ(Money::from_fen(3'778'000'000).yuan_string(), "37780000.00");
  EXPECT_EQ(Money::from_fen(5).yuan_string(), "0.05");
  EXPECT_EQ(Money::from_fen(0).yuan_string(), "0.00");
  EXPECT_EQ(Money::from_fen(-1'230).yuan_string(), "-12.30");
  EXPECT_EQ(Money::from_fen(-5).yuan_string(), "-0.05");
  EXPECT_EQ(Money::from_fen(std::numeric_limits<std::int64_t>::min()).yuan_string(),
            "-92233720368547758.08");
}

TEST(MoneyFormat, YuanDisplayGroupsThousands) {
  EXPECT_EQ(Money::from_fen(3'778'000'000).yuan_display(), "37,780,000.00");
  EXPECT_EQ(Money::from_fen(99'900).yuan_display(), "999.00");
  EXPECT_EQ(Money::from_fen(100'000).yuan_display(), "1,000.00");
  EXPECT_EQ(Money::from_fen(-123'456'789).yuan_display(), "-1,234,567.89");
  EXPECT_EQ(Money::from_fen(0).yuan_display(), "0.00");
}

TEST(MoneyFormat, WanStringRoundsHalfAwayFromZero) {
  EXPECT_EQ(Money::from_fen(6'749'100'000).wan_string(), "6749.10");
  EXPECT_EQ(Money::from_fen(2'021'046'000).wan_string(), "2021.05");  // 2021.046 → 2021.05
  EXPECT_EQ(Money::from_fen(2'021'045'000).wan_string(), "2021.05");  // exactly half: away
  EXPECT_EQ(Money::from_fen(2'021'044'999).wan_string(), "2021.04");
  EXPECT_EQ(Money::from_fen(-2'021'045'000).wan_string(), "-2021.05");
  EXPECT_EQ(Money::from_fen(-4'000).wan_string(), "0.00");  // -0.004 万 rounds to zero, no "-0"
  EXPECT_EQ(Money::from_fen(33'076'900).wan_string(4), "33.0769");
  EXPECT_EQ(Money::from_fen(33'076'900).wan_string(0), "33");
}

TEST(MoneyParseFormat, RoundTripsThroughYuanString) {
  for (std::int64_t fen : {0LL, 1LL, 99LL, 100LL, 123'456'789LL, -77LL, 9'007'199'254'740'993LL}) {
    Money m = Money::from_fen(fen);
    EXPECT_EQ(Money::parse_yuan(m.yuan_string()), m) << fen;
    EXPECT_EQ(Money::parse_yuan(m.yuan_display()), m) << fen;
  }
}

TEST(MoneyArithmetic, ExactInFen) {
  Money a = Money::from_fen(10);
  Money b = Money::from_fen(20);
  EXPECT_EQ((a + b).fen(), 30);  // 0.1 + 0.2 == 0.3 exactly
  EXPECT_EQ((a - b).fen(), -10);
  a += b;
  EXPECT_EQ(a, Money::from_fen(30));
  EXPECT_LT(Money::from_fen(1), Money::from_fen(2));
}

TEST(ScaledDecimal, ParseAndFormat) {
  EXPECT_EQ(parse_scaled_decimal("25.00", 4), 250'000);
  EXPECT_EQ(parse_scaled_decimal("-3", 2), -300);
  EXPECT_FALSE(parse_scaled_decimal("1.23456", 4).has_value());  // would lose a digit
  EXPECT_EQ(format_scaled_decimal(250'000, 4, 2), "25.00");
  EXPECT_EQ(format_scaled_decimal(5, 1, 0), "1");    // 0.5 → 1 (half away from zero)
  EXPECT_EQ(format_scaled_decimal(-5, 1, 0), "-1");
  EXPECT_EQ(format_scaled_decimal(4, 1, 0), "0");
  EXPECT_EQ(format_scaled_decimal(12, 0, 2), "12.00");  // more decimals than the scale
}

}  // namespace
}  // namespace jixiao
