// The database commands of the `jixiao` executable on the samples: --db, --format json, the
// documented JSON shapes (docs/store-json.md), CSV with BOM, no progress bar when not a TTY.
#include <gtest/gtest.h>

#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "service_fixtures.h"
#include "store/sqlite_db.h"

namespace jixiao {
namespace {

using testing::ServiceTempDir;

struct CommandRun {
  int status = -1;
  std::string out;
};

// Runs the jixiao binary with `args` (shell-quoted by the caller); stderr goes to `err_file`.
CommandRun run(const std::string& args, const std::filesystem::path& err_file) {
  std::string cmd = std::string(JIXIAO_BINARY) + " " + args + " 2>" + err_file.string();
  CommandRun r;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (!pipe) return r;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
  int status = pclose(pipe);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    samples_ = testing::samples_dir();
    if (samples_.empty()) GTEST_SKIP() << "sample declarations not found (testdata/samples or ../shared/samples)";
    db_ = (dir_ / "cli.db").string();
    err_ = dir_ / "stderr.txt";
  }
  CommandRun jixiao(const std::string& args) { return run(args + " --db " + db_, err_); }
  void ingest_samples() {
    for (const char* name : {"songjiang-bigdata-center-2024.txt", "songjiang-gov-office-2024.txt",
                             "songjiang-sci-tech-service-center-2023.txt"}) {
      CommandRun r = jixiao("ingest " + (samples_ / name).string());
      ASSERT_EQ(r.status, 0) << slurp(err_);
    }
  }
  ServiceTempDir dir_;
  std::filesystem::path samples_, err_;
  std::string db_;
};

TEST_F(CliTest, IngestPrintsASummaryAndNoProgressBarWhenNotATerminal) {
  CommandRun r = jixiao("ingest " + (samples_ / "songjiang-gov-office-2024.txt").string());
  ASSERT_EQ(r.status, 0) << slurp(err_);
  EXPECT_NE(r.out.find("文档 1 个：新增 1"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("项目 14 个，指标 92 条"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("审核意见：错误"), std::string::npos) << r.out;
  EXPECT_EQ(slurp(err_).find('\r'), std::string::npos);  // no progress bar
  CommandRun again = jixiao("ingest --format json " + (samples_ / "songjiang-gov-office-2024.txt").string());
  ASSERT_EQ(again.status, 0);
  auto j = nlohmann::json::parse(again.out);
  EXPECT_EQ(j["unchanged"], 1);
  EXPECT_EQ(j["documents"][0]["outcome"], "unchanged");
}

// On a terminal the ingest draws a progress bar ("\r[####…] n/N file") on stderr.
TEST_F(CliTest, IngestDrawsAProgressBarOnATerminal) {
  int master = -1;
  pid_t pid = forkpty(&master, nullptr, nullptr, nullptr);
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    execl(JIXIAO_BINARY, JIXIAO_BINARY, "ingest", samples_.c_str(), "--db", db_.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  std::string seen;
  char buf[4096];
  ssize_t n;
  while ((n = read(master, buf, sizeof buf)) > 0) seen.append(buf, static_cast<std::size_t>(n));
  close(master);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << seen;
  EXPECT_NE(seen.find("\r["), std::string::npos) << seen;
  EXPECT_NE(seen.find("3/3"), std::string::npos) << seen;
  EXPECT_NE(seen.find("文档 3 个：新增 3"), std::string::npos) << seen;
}

TEST_F(CliTest, IngestOfABadFileFailsWithItsNameAndStatus2) {
  std::ofstream(dir_ / "empty.txt") << "";
  CommandRun r = jixiao("ingest " + (dir_ / "empty.txt").string());
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("empty.txt"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("失败 1"), std::string::npos) << r.out;
}

TEST_F(CliTest, SummaryJsonHasDecimalStringAmounts) {
  ingest_samples();
  CommandRun r = jixiao("summary --year 2024 --by implementer --format json");
  ASSERT_EQ(r.status, 0) << slurp(err_);
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["query"]["year"], 2024);
  EXPECT_EQ(j["query"]["by"], "implementer");
  EXPECT_EQ(j["total"]["projects"], 14);
  EXPECT_EQ(j["total"]["total_yuan"], "67491000.00");
  EXPECT_EQ(j["total"]["total_wan"], "6749.10");
  EXPECT_EQ(j["duplicate_projects"], 4);
  EXPECT_EQ(j["duplicate_groups"].size(), 4u);
  CommandRun text = jixiao("summary --year 2024");
  ASSERT_EQ(text.status, 0);
  EXPECT_NE(text.out.find("6,749.10"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("合计只计一次"), std::string::npos) << text.out;
}

TEST_F(CliTest, SearchShowHistoryAndExport) {
  ingest_samples();
  CommandRun search = jixiao("search 扶贫 --format json");
  ASSERT_EQ(search.status, 0) << slurp(err_);
  auto hits = nlohmann::json::parse(search.out);
  ASSERT_GE(hits["hits"].size(), 1u);
  EXPECT_EQ(hits["hits"][0]["name"], "东西部扶贫帮困");
  EXPECT_NE(hits["hits"][0]["snippet_text"].get<std::string>().find("【扶贫】"), std::string::npos);
  const auto id = hits["hits"][0]["project_id"].get<std::int64_t>();

  CommandRun show = jixiao("show " + std::to_string(id));
  ASSERT_EQ(show.status, 0) << slurp(err_);
  EXPECT_NE(show.out.find("37,780,000.00"), std::string::npos) << show.out;
  CommandRun show_json = jixiao("show " + std::to_string(id) + " --format json");
  auto view = nlohmann::json::parse(show_json.out);
  EXPECT_EQ(view["project"]["funds_yuan"]["total"], "37780000.00");
  CommandRun missing = jixiao("show 999999");
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(slurp(err_).find("999999"), std::string::npos);

  CommandRun history = jixiao("history 东西部扶贫帮困 --format json");
  ASSERT_EQ(history.status, 0) << slurp(err_);
  auto h = nlohmann::json::parse(history.out);
  ASSERT_EQ(h["chains"].size(), 1u);
  EXPECT_EQ(h["chains"][0]["entries"][0]["project"]["id"], id);

  CommandRun csv = run("export --format csv --db " + db_ + " -o " + (dir_ / "out.csv").string(), err_);
  ASSERT_EQ(csv.status, 0) << slurp(err_);
  EXPECT_TRUE(slurp(dir_ / "out.csv").starts_with("\xEF\xBB\xBF"));
}

// Opening a database whose search index predates schema 9 re-indexes it first and says so on
// stderr (not a TTY here: one line per tenth, no carriage returns); the answers are unchanged.
TEST_F(CliTest, UpgradeReindexIsReportedAndChangesNoAnswer) {
  ingest_samples();
  CommandRun before = jixiao("search 信息系统 --format json");
  ASSERT_EQ(before.status, 0) << slurp(err_);
  {
    auto db = store::SqliteDb::open(db_, false);
    ASSERT_TRUE(db);
    // The schema-9 migration runs again: it drops and recreates the indexes and re-indexes.
    ASSERT_TRUE(db->exec("DELETE FROM schema_version WHERE version = 9"));
  }
  CommandRun after = jixiao("search 信息系统 --format json");
  ASSERT_EQ(after.status, 0) << slurp(err_);
  const std::string err = slurp(err_);
  EXPECT_NE(err.find("正在重建全文检索索引（数据库升级）: 100%"), std::string::npos) << err;
  EXPECT_EQ(err.find('\r'), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(after.out), nlohmann::json::parse(before.out));
  EXPECT_FALSE(nlohmann::json::parse(after.out)["hits"].empty());
  CommandRun again = jixiao("summary");
  ASSERT_EQ(again.status, 0);
  EXPECT_EQ(slurp(err_).find("正在重建"), std::string::npos);  // once only
}

TEST_F(CliTest, QueryOnAMissingDatabaseFailsClearly) {
  CommandRun r = jixiao("summary");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(slurp(err_).find("不存在"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(db_));
}

TEST_F(CliTest, JixiaoDbEnvironmentVariableIsTheDefault) {
  std::string cmd = "JIXIAO_DB=" + db_ + " " + JIXIAO_BINARY + " ingest " +
                    (samples_ / "songjiang-bigdata-center-2024.txt").string() + " >/dev/null 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  EXPECT_TRUE(std::filesystem::exists(db_));
}

}  // namespace
}  // namespace jixiao
