#include <gtest/gtest.h>

#include "store/compression.h"

namespace jixiao::store {
namespace {

TEST(Compression, RoundTripsAndShrinksText) {
  std::string text;
  for (int i = 0; i < 200; ++i) text += "项目资金总额 37,780,000.00 元；绩效目标：保障网络稳定运行。\n";
  std::string packed = deflate_bytes(text);
  EXPECT_LT(packed.size(), text.size() / 4);
  auto back = inflate_bytes(packed);
  ASSERT_TRUE(back) << back.error().describe();
  EXPECT_EQ(*back, text);
  EXPECT_EQ(*inflate_bytes(deflate_bytes("")), "");
}

TEST(Compression, DamagedStreamIsAnError) {
  std::string packed = deflate_bytes(std::string(1000, 'x'));
  packed.resize(packed.size() / 2);
  EXPECT_FALSE(inflate_bytes(packed));
  EXPECT_FALSE(inflate_bytes("not a zlib stream"));
}

TEST(Compression, StoredBytesFollowTheMethod) {
  EXPECT_EQ(*stored_bytes("none", "abc"), "abc");
  EXPECT_EQ(*stored_bytes("zlib", deflate_bytes("abc")), "abc");
  EXPECT_FALSE(stored_bytes("lz4", "abc"));
}

}  // namespace
}  // namespace jixiao::store
