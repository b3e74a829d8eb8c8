// `jixiao check`: exit statuses, text and JSON output, on small files written by the test and on
// the bundled samples.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>

#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

namespace {

namespace fs = std::filesystem;

struct CliRun {
  int status = -1;
  std::string out;
};

CliRun run(const std::string& args) {
  std::string cmd = std::string(JIXIAO_BINARY) + " check " + args + " 2>/dev/null";
  CliRun r;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (!pipe) return r;
  std::array<char, 4096> buf{};
  std::size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
  int status = pclose(pipe);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

fs::path sample(const std::string& name) {
  return fs::path(JIXIAO_SOURCE_DIR) / "testdata" / "samples" / name;
}

// A declaration with one form of `total_yuan` (header: 10.00 万元) whose narrative states
// `narrative_wan` 万元.
std::string clean_declaration(const std::string& total_yuan, const std::string& narrative_wan) {
  return "上海市示例区示例单位 2024 年\n财政支出项目绩效目标申报表\n绩效目标设置情况\n"
         "按照本市预算绩效管理工作的总体要求，本单位 1 个预算单位开展了 2024 年项目预算绩效目标编报工作，"
         "编报绩效目标的项目 1 个，涉及项目预算资金 10.00 万元。\n"
         "项目经费情况说明 1--示例项目\n一、项目概述\n主要实施内容为示例工作，预算资金约 " + narrative_wan + " 万元。\n"
         "五、实施周期\n该项目的实施周期为 2024 年 1 月至 2024 年 12 月。\n"
         "七、绩效目标\n详见单位的项目绩效目标表\n"
         "财政项目支出绩效目标申报表\n（2024 年度）\n"
         "项目名称 示例项目 项目性质 其他经常性项目\n项目类别 其他运转类\n"
         "主管部门 上海市示例区示例单位\n实施单位 上海市示例区示例单位\n"
         "计划开始日期 2024-01-01 计划完成日期 2024-12-31\n项目资金\n（元）\n"
         "项目资金总额 " + total_yuan + " 年度资金申请总额 " + total_yuan + "\n"
         "其中：财政资金 " + total_yuan + "\n其中：当年财政拨款 " + total_yuan + "\n上年结转资金 0.00\n"
         "其他资金 0.00 其他资金 0.00\n项目总目标 年度总体目标\n完成示例工作。 完成示例工作。\n"
         "一级指标 二级指标 三级指标 年度(/项目)指标值\n"
         "成本指标 经济成本指标 示例成本控制 ≤10.00(万元)\n"
         "产出指标 数量指标 示例场次 ≥4.00(场)\n质量指标 示例合格率 ≥95.00(%)\n"
         "效益指标 社会效益指标 示例覆盖率 ≥90.00(%)\n"
         "满意度指标 服务对象满意度指标 服务对象满意度 ≥90.00(%)\n";
}

class CheckCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("jixiao_check_cli_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path write(const std::string& name, const std::string& content) {
    fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }
  fs::path dir_;
};

TEST_F(CheckCli, ExitZeroWithoutErrors) {
  auto f = write("ok.txt", clean_declaration("100,000.00", "10"));
  CliRun r = run(f.string() + " --min-severity error");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("0 个错误"), std::string::npos) << r.out;
}

TEST_F(CheckCli, ExitOneOnErrorsWithCompilerStyleLines) {
  auto f = write("bad.txt", clean_declaration("100,000.00", "12"));  // narrative 12 万 vs form 10 万
  CliRun r = run(f.string());
  EXPECT_EQ(r.status, 1) << r.out;
  std::string prefix = f.string() + ":";
  auto pos = r.out.find(" 错误 BUDG-001 项目1 示例项目: ");
  ASSERT_NE(pos, std::string::npos) << r.out;
  auto line_start = r.out.rfind('\n', pos);
  std::string head = r.out.substr(line_start == std::string::npos ? 0 : line_start + 1, pos);
  EXPECT_EQ(head.rfind(prefix, 0), 0u) << head;  // FILE:LINE: 错误 …
  EXPECT_NE(r.out.find("\n    说明所述预算: 12 万元\n"), std::string::npos) << r.out;
}

TEST_F(CheckCli, ExitTwoOnUnreadableInputButOtherFilesAreChecked) {
  auto ok = write("bad.txt", clean_declaration("100,000.00", "12"));
  auto empty = write("empty.txt", "");
  CliRun r = run(empty.string() + " " + ok.string() + " --format json");
  EXPECT_EQ(r.status, 2);
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["files"].size(), 2u);
  EXPECT_TRUE(j["files"][0].contains("error"));
  EXPECT_EQ(j["files"][1]["counts"]["error"].get<int>(), 1);
  EXPECT_EQ(j["exit_status"].get<int>(), 2);
}

TEST_F(CheckCli, JsonFindingsCarryRuleTitleBasisEvidenceAndSpans) {
  auto f = write("bad.txt", clean_declaration("100,000.00", "12"));
  CliRun r = run(f.string() + " --format json");
  ASSERT_EQ(r.status, 1);
  auto j = nlohmann::json::parse(r.out);
  const auto& findings = j["files"][0]["findings"];
  auto it = std::find_if(findings.begin(), findings.end(), [](const auto& x) { return x["rule"] == "BUDG-001"; });
  ASSERT_NE(it, findings.end());
  EXPECT_EQ((*it)["severity"], "error");
  EXPECT_EQ((*it)["severity_zh"], "错误");
  EXPECT_EQ((*it)["project_seq"], 1);
  EXPECT_FALSE((*it)["title_zh"].get<std::string>().empty());
  EXPECT_FALSE((*it)["basis"].get<std::string>().empty());
  EXPECT_EQ((*it)["evidence"][0]["value"], "12");
  EXPECT_TRUE((*it)["spans"][0]["lines"].is_array());
}

TEST_F(CheckCli, MinSeverityFiltersAdvice) {
  auto f = write("vague.txt", clean_declaration("100,000.00", "10"));
  CliRun all = run(f.string() + " --format json");
  CliRun warnings = run(f.string() + " --format json --min-severity 警告");
  ASSERT_EQ(all.status, 0);
  for (const auto& file : nlohmann::json::parse(warnings.out)["files"])
    for (const auto& x : file["findings"]) EXPECT_NE(x["severity"], "advice");
  EXPECT_EQ(run(f.string() + " --min-severity loud").status, 2) << "bad usage";
}

TEST(CheckCliSamples, SamplesHaveErrorsAndExitOne) {
  CliRun r = run(sample("songjiang-gov-office-2024.txt").string() + " " +
              sample("songjiang-sci-tech-service-center-2023.txt").string());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("songjiang-gov-office-2024.txt:1393: 错误 ARITH-001 项目7 区政府办政务公开"),
            std::string::npos) << r.out;
  EXPECT_NE(r.out.find("合计: "), std::string::npos);
}

}  // namespace
