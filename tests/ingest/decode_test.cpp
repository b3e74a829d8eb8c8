// Decoding at the input boundary: UTF-8 (with/without BOM), GB18030/GBK, and every kind of bad
// input with its reason and line.
#include <filesystem>
#include <fstream>
#include <iterator>

#include <gtest/gtest.h>

#include "ingest/decode.h"

namespace jixiao {
namespace {

std::string read_sample(const char* name) {
  auto path = std::filesystem::path(JIXIAO_SOURCE_DIR) / "testdata" / "samples" / name;
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

TEST(Decode, PlainUtf8IsKeptAsIs) {
  auto r = decode_text("项目名称 法律顾问费\n", "a.txt");
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_EQ(r->text, "项目名称 法律顾问费\n");
  EXPECT_EQ(r->encoding, "UTF-8");
}

TEST(Decode, Utf8BomIsRemoved) {
  auto r = decode_text("\xEF\xBB\xBF绩效目标设置情况", "bom.txt");
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_EQ(r->text, "绩效目标设置情况");
  EXPECT_EQ(r->encoding, "UTF-8");
}

TEST(Decode, GbkBytesAreDecoded) {
  // "项目名称" in GBK: CF EE C4 BF C3 FB B3 C6.
  auto r = decode_text("\xCF\xEE\xC4\xBF\xC3\xFB\xB3\xC6 2024", "gbk.txt");
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_EQ(r->text, "项目名称 2024");
  EXPECT_EQ(r->encoding, "GB18030");
}

TEST(Decode, Gb18030CopyOfASampleRoundTrips) {
  std::string utf8 = read_sample("songjiang-gov-office-2024.txt");
  ASSERT_FALSE(utf8.empty()) << "testdata/samples/songjiang-gov-office-2024.txt missing";
  auto gbk = encode_gb18030(utf8);
  ASSERT_TRUE(gbk.ok()) << gbk.error().message;
  ASSERT_NE(*gbk, utf8);
  auto back = decode_text(*gbk, "gbk-copy.txt");
  ASSERT_TRUE(back.ok()) << back.error().describe();
  EXPECT_EQ(back->encoding, "GB18030");
  EXPECT_EQ(back->text, utf8);
}

TEST(Decode, EmptyInputIsAnError) {
  auto r = decode_text("", "empty.txt");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().file, "empty.txt");
  EXPECT_NE(r.error().message.find("空文件"), std::string::npos);
}

TEST(Decode, WhitespaceOnlyIsEmpty) {
  auto r = decode_text(" \n\r\n\t\n", "blank.txt");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("空文件"), std::string::npos);
}

TEST(Decode, NulByteMeansBinaryAndNamesTheLine) {
  std::string bytes = "第一行\n第二行\n\x01\x02";
  bytes.push_back('\0');
  auto r = decode_text(bytes, "bin.dat");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("二进制"), std::string::npos);
  EXPECT_EQ(r.error().line, 3);
}

TEST(Decode, ManyControlBytesMeanBinary) {
  std::string bytes = "header";
  for (int i = 0; i < 20; ++i) bytes += "\x01\x02\x03 text ";
  auto r = decode_text(bytes, "ctl.dat");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("二进制"), std::string::npos);
}

TEST(Decode, AFormFeedIsNotBinary) {
  auto r = decode_text("第一页\n\f第二页\n", "ff.txt");
  ASSERT_TRUE(r.ok()) << r.error().describe();
}

TEST(Decode, Utf8CutMidCharacterIsTruncated) {
  std::string bytes = "项目名称\n法律顾问";
  bytes += std::string("费").substr(0, 2);  // first two of three bytes
  auto r = decode_text(bytes, "cut.txt");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("截断"), std::string::npos);
  EXPECT_EQ(r.error().line, 2);
}

TEST(Decode, Gb18030CutMidCharacterIsTruncated) {
  std::string bytes = "\xCF\xEE\xC4\xBF\xC3\xFB\xB3";  // 项目名 + half of 称
  auto r = decode_text(bytes, "cut-gbk.txt");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("截断"), std::string::npos);
}

TEST(Decode, InvalidBytesInBothEncodingsAreAnUnknownEncoding) {
  // ISO-8859-1 "café au lait": 0xE9 followed by a space is neither UTF-8 nor GB18030.
  auto r = decode_text("line one\ncaf\xE9 au lait\n", "latin1.txt");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("无法识别的编码"), std::string::npos);
  EXPECT_EQ(r.error().line, 2);
}

TEST(Decode, Big5TextIsNotTakenForGbk) {
  // "項目名稱" / "績效目標" in Big5, repeated: valid GB18030 byte structure, but not GB2312 text.
  std::string big5;
  for (int i = 0; i < 10; ++i) big5 += "\xB6\xB5\xA5\xD8\xA6\x57\xBA\xD9\xC1\x5A\xAE\xC4\xA5\xD8\xBC\xD0\n";
  auto r = decode_text(big5, "big5.txt");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("无法识别的编码"), std::string::npos);
}

TEST(Decode, Utf16IsRejectedByName) {
  auto r = decode_text(std::string("\xFF\xFE\x79\x98", 4), "utf16.txt");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("UTF-16"), std::string::npos);
}

TEST(Decode, BomWithInvalidUtf8IsAnError) {
  auto r = decode_text("\xEF\xBB\xBF\xCF\xEE\xC4\xBF", "bom-gbk.txt");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("UTF-8"), std::string::npos);
}

TEST(Decode, OverlongAndSurrogateUtf8AreInvalid) {
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate U+D800
  EXPECT_TRUE(is_valid_utf8("≥90.00(%)"));
}

}  // namespace
}  // namespace jixiao
