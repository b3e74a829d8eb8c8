// `jixiao parse` end to end: JSON (one file → object, several → array), the text summary, and
// bad inputs (empty, binary, truncated, not a declaration, unknown encoding, missing) → one
// line "FILE: reason" on stderr, exit status 2, the other files still processed.
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct CliRun {
  int status = -1;
  std::string out, err;
};

std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) {
    if (c == '\'') q += "'\\''";
    else q.push_back(c);
  }
  return q + "'";
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

class ParseCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("jixiao-parse-cli-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& bytes) {
    fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }

  CliRun run(const std::vector<std::string>& args) {
    std::string cmd = quote(JIXIAO_BINARY);
    for (const auto& a : args) cmd += " " + quote(a);
    fs::path out = dir_ / "stdout", err = dir_ / "stderr";
    cmd += " >" + quote(out.string()) + " 2>" + quote(err.string());
    int rc = std::system(cmd.c_str());
    CliRun r;
    r.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
    r.out = slurp(out);
    r.err = slurp(err);
    return r;
  }

  static std::string sample(const char* name) {
    return (fs::path(JIXIAO_SOURCE_DIR) / "testdata" / "samples" / name).string();
  }

  fs::path dir_;
};

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < s.size()) {
    std::size_t end = s.find('\n', start);
    if (end == std::string::npos) end = s.size();
    out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// A small declaration in GBK: title, 绩效目标设置情况 with its claims.
const std::string kGbkDeclaration =
    "\xC9\xCF\xBA\xA3\xCA\xD0\xCB\xC9\xBD\xAD\xC7\xF8\xB2\xE2\xCA\xD4\xBE\xD6 2024 "
    "\xC4\xEA\xB2\xC6\xD5\xFE\xD6\xA7\xB3\xF6\xCF\xEE\xC4\xBF\xBC\xA8\xD0\xA7\xC4\xBF\xB1\xEA"
    "\xC9\xEA\xB1\xA8\xB1\xED\n\xBC\xA8\xD0\xA7\xC4\xBF\xB1\xEA\xC9\xE8\xD6\xC3\xC7\xE9\xBF\xF6\n"
    "\xB1\xBE\xB5\xA5\xCE\xBB 1 \xB8\xF6\xD4\xA4\xCB\xE3\xB5\xA5\xCE\xBB\xBF\xAA\xD5\xB9\xC1\xCB "
    "2024 \xC4\xEA\xCF\xEE\xC4\xBF\xD4\xA4\xCB\xE3\xBC\xA8\xD0\xA7\xC4\xBF\xB1\xEA\xB1\xE0\xB1\xA8"
    "\xB9\xA4\xD7\xF7\xA3\xAC\xB1\xE0\xB1\xA8\xBC\xA8\xD0\xA7\xC4\xBF\xB1\xEA\xB5\xC4\xCF\xEE\xC4"
    "\xBF 2 \xB8\xF6\xA3\xAC\xC9\xE6\xBC\xB0\xCF\xEE\xC4\xBF\xD4\xA4\xCB\xE3\xD7\xCA\xBD\xF0 "
    "12.5 \xCD\xF2\xD4\xAA\xA1\xA3\n";

TEST_F(ParseCli, OneFileGivesOneJsonObject) {
  CliRun r = run({"parse", sample("songjiang-gov-office-2024.txt")});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  json j = json::parse(r.out);
  ASSERT_TRUE(j.is_object());
  EXPECT_EQ(j["layout"], "line-broken");
  EXPECT_EQ(j["issuer"], "上海市松江区人民政府办公室");
  EXPECT_EQ(j["header"]["project_count"], 14);
  EXPECT_EQ(j["projects"].size(), 14u);
  EXPECT_EQ(j["projects"][0]["funds_yuan"]["total"], "37780000.00");
  EXPECT_EQ(j["sha256"].get<std::string>().size(), 64u);
}

TEST_F(ParseCli, SeveralFilesGiveAnArrayInArgumentOrder) {
  CliRun r = run({"parse", "--format", "json", sample("songjiang-bigdata-center-2024.txt"),
               sample("songjiang-sci-tech-service-center-2023.txt")});
  ASSERT_EQ(r.status, 0) << r.err;
  json j = json::parse(r.out);
  ASSERT_TRUE(j.is_array());
  ASSERT_EQ(j.size(), 2u);
  EXPECT_EQ(j[0]["layout"], "tabbed");
  EXPECT_EQ(j[0]["issuer"], "上海市松江区大数据中心");
  EXPECT_EQ(j[1]["year"], 2023);
}

TEST_F(ParseCli, TextSummaryIsReadableChinese) {
  CliRun r = run({"parse", "--format", "text", sample("songjiang-gov-office-2024.txt")});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("单位：上海市松江区人民政府办公室　年度：2024"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("编报绩效目标的项目 14 个"), std::string::npos);
  EXPECT_NE(r.out.find("项目 1：东西部扶贫帮困"), std::string::npos);
  EXPECT_NE(r.out.find("总额 37,780,000.00"), std::string::npos);
  EXPECT_NE(r.out.find("说明所列预算：3778 万元"), std::string::npos);
  EXPECT_NE(r.out.find("项目 14：编外人员工作经费"), std::string::npos);
}

TEST_F(ParseCli, GbkInputIsRead) {
  std::string file = write("gbk.txt", kGbkDeclaration);
  CliRun r = run({"parse", file});
  ASSERT_EQ(r.status, 0) << r.err;
  json j = json::parse(r.out);
  EXPECT_EQ(j["encoding"], "GB18030");
  EXPECT_EQ(j["issuer"], "上海市松江区测试局");
  EXPECT_EQ(j["header"]["project_count"], 2);
  EXPECT_EQ(j["header"]["total_wan"], "12.5");
}

struct BadCase {
  const char* name;
  std::string bytes;
  const char* reason;  // a word the message must contain
};

TEST_F(ParseCli, EachKindOfBadInputIsOneLineNamingTheFile) {
  std::string truncated = "绩效目标设置情况\n编报绩效目标的项目 2 个";
  truncated += std::string("个").substr(0, 1);
  std::string binary = "%!binary\n";
  binary.push_back('\0');
  binary += "\x01\x02\x03";
  const std::vector<BadCase> cases = {
      {"empty.txt", "", "空文件"},
      {"binary.dat", binary, "二进制"},
      {"truncated.txt", truncated, "截断"},
      {"letter.txt", "这是一封普通的信，与预算无关。\n第二段。\n", "不是绩效目标申报文档"},
      {"latin1.txt", "Budget\ncaf\xE9 au lait\n", "无法识别的编码"},
  };
  for (const BadCase& c : cases) {
    std::string file = write(c.name, c.bytes);
    CliRun r = run({"parse", file});
    EXPECT_EQ(r.status, 2) << c.name;
    EXPECT_EQ(r.out, "") << c.name;
    auto lines = lines_of(r.err);
    ASSERT_EQ(lines.size(), 1u) << c.name << ": " << r.err;
    EXPECT_EQ(lines[0].rfind(file, 0), 0u) << "message must start with the file: " << lines[0];
    EXPECT_NE(lines[0].find(c.reason), std::string::npos) << lines[0];
  }
}

TEST_F(ParseCli, MissingFileIsAnError) {
  std::string file = (dir_ / "no-such-file.txt").string();
  CliRun r = run({"parse", file});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err.rfind(file, 0), 0u) << r.err;
}

TEST_F(ParseCli, GoodFilesAreStillPrintedWhenOthersFail) {
  std::string empty = write("empty.txt", "");
  std::string letter = write("letter.txt", "这是一封普通的信。\n");
  CliRun r = run({"parse", empty, sample("songjiang-bigdata-center-2024.txt"), letter});
  EXPECT_EQ(r.status, 2);
  json j = json::parse(r.out);
  ASSERT_TRUE(j.is_array());
  ASSERT_EQ(j.size(), 1u);
  EXPECT_EQ(j[0]["projects"].size(), 4u);
  auto lines = lines_of(r.err);
  ASSERT_EQ(lines.size(), 2u) << r.err;
  EXPECT_EQ(lines[0].rfind(empty, 0), 0u);
  EXPECT_EQ(lines[1].rfind(letter, 0), 0u);

  CliRun text = run({"parse", "--format", "text", empty, sample("songjiang-bigdata-center-2024.txt")});
  EXPECT_EQ(text.status, 2);
  EXPECT_NE(text.out.find("单位：上海市松江区大数据中心"), std::string::npos);
}

TEST_F(ParseCli, UnknownFormatIsAUsageError) {
  CliRun r = run({"parse", "--format", "xml", sample("songjiang-bigdata-center-2024.txt")});
  EXPECT_EQ(r.status, 2);
}

}  // namespace
