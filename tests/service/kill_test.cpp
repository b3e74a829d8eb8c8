// An ingest killed in the middle of a document's transaction leaves the database consistent:
// integrity_check ok, no partial declaration, and a later ingest completes the work.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "store/sqlite_store.h"
#include "synth/generator.h"
#include "synth/render_text.h"
#include "service_fixtures.h"

namespace jixiao {
namespace {

using testing::ServiceTempDir;
using Clock = std::chrono::steady_clock;

// Ingest commits its batch of documents about once a second (a savepoint per document), so the
// corpus must take several seconds to store even on a quiet machine: only then is there a commit
// followed by another open transaction to kill.
constexpr int kDocuments = 12;

// Big generated documents, so that each one's transaction lasts long enough to be hit.
void write_corpus(const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  synth::GeneratorOptions options;
  options.min_projects = options.max_projects = 250;
  for (int i = 0; i < kDocuments; ++i) {
    auto doc = synth::generate_document(9000 + static_cast<std::uint64_t>(i), options);
    doc.model.issuer.value = *doc.model.issuer.value + std::to_string(i);  // distinct declarations
    synth::RenderOptions render;
    render.seed = static_cast<std::uint64_t>(i);
    std::ofstream(dir / ("big-" + std::to_string(i) + ".txt"), std::ios::binary)
        << synth::render_text(doc, synth::TextLayout::kLineBroken, render);
  }
}

pid_t spawn_ingest(const std::filesystem::path& corpus, const std::filesystem::path& db) {
  pid_t pid = fork();
  if (pid == 0) {
    int null = open("/dev/null", O_WRONLY);
    dup2(null, STDOUT_FILENO);
    dup2(null, STDERR_FILENO);
    execl(JIXIAO_BINARY, JIXIAO_BINARY, "ingest", corpus.c_str(), "--db", db.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  return pid;
}

int scalar(sqlite3* db, const char* sql) {
  sqlite3_stmt* stmt = nullptr;
  int value = -1;
  if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW) {
    value = sqlite3_column_int(stmt, 0);
  }
  sqlite3_finalize(stmt);
  return value;
}

// True when another connection holds the write lock: the ingest is inside a transaction.
bool writer_busy(sqlite3* probe) {
  int rc = sqlite3_exec(probe, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  if (rc == SQLITE_OK) {
    sqlite3_exec(probe, "ROLLBACK", nullptr, nullptr, nullptr);
    return false;
  }
  return (rc & 0xFF) == SQLITE_BUSY;
}

TEST(KilledIngest, LeavesTheDatabaseConsistent) {
  ServiceTempDir dir;
  const auto corpus = dir / "corpus";
  const auto db_path = dir / "killed.db";
  write_corpus(corpus);

  pid_t pid = spawn_ingest(corpus, db_path);
  ASSERT_GT(pid, 0);
  bool killed = false;
  sqlite3* probe = nullptr;
  const auto deadline = Clock::now() + std::chrono::seconds(240);
  while (Clock::now() < deadline && !killed) {
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) break;  // finished before we could kill it
    if (!probe && std::filesystem::exists(db_path)) {
      if (sqlite3_open_v2(db_path.c_str(), &probe, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        sqlite3_close(probe);
        probe = nullptr;
      }
    }
    // Wait for one committed document, then kill inside the next document's transaction.
    if (probe && scalar(probe, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'document'") == 1 &&
        scalar(probe, "SELECT COUNT(*) FROM document") >= 1 && writer_busy(probe)) {
      kill(pid, SIGKILL);
      killed = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  if (probe) sqlite3_close(probe);
  int status = 0;
  if (!killed) kill(pid, SIGKILL);
  waitpid(pid, &status, 0);
  ASSERT_TRUE(killed) << "the ingest ended before it could be killed inside a transaction";
  ASSERT_TRUE(WIFSIGNALED(status));

  {
    auto store = store::SqliteStore::open(db_path, false);
    ASSERT_TRUE(store) << store.error().describe();
    EXPECT_EQ(*(*store)->integrity_check(), "ok");
    auto& db = (*store)->db();
    auto count = [&](const std::string& sql) {
      auto stmt = db.prepare(sql);
      EXPECT_TRUE(stmt);
      EXPECT_TRUE(stmt->step());
      return stmt->int64(0);
    };
    const auto documents = count("SELECT COUNT(*) FROM document");
    EXPECT_GE(documents, 1);
    EXPECT_LT(documents, kDocuments);
    // Every stored document is whole: its projects, indicators, sources and index entries.
    EXPECT_EQ(count("SELECT COUNT(*) FROM document d WHERE d.project_count <>"
                    " (SELECT COUNT(*) FROM project p WHERE p.document_id = d.id)"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM document d WHERE d.indicator_count <>"
                    " (SELECT COUNT(*) FROM indicator i JOIN project p ON p.id = i.project_id"
                    "  WHERE p.document_id = d.id)"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM document_source"), documents);
    EXPECT_EQ(count("SELECT COUNT(*) FROM document_json"), documents);
    EXPECT_EQ(count("SELECT COUNT(*) FROM project WHERE document_id NOT IN (SELECT id FROM document)"), 0);
    EXPECT_TRUE(db.exec("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 0)"));
    EXPECT_EQ(count("SELECT COALESCE(SUM(projects), 0) FROM rollup"), count("SELECT COUNT(*) FROM project WHERE counted = 1"));
    EXPECT_EQ(count("SELECT COALESCE(SUM(projects), 0) FROM rollup_dim WHERE dimension = 'year'"),
              count("SELECT COUNT(*) FROM project WHERE counted = 1"));
    EXPECT_EQ(count("SELECT COALESCE(SUM(documents), 0) FROM rollup_dim WHERE dimension = 'document'"), documents);
  }

  // Running the ingest again completes the corpus.
  pid = spawn_ingest(corpus, db_path);
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  auto store = store::SqliteStore::open(db_path, false);
  ASSERT_TRUE(store);
  auto docs = (*store)->documents(std::nullopt, true);
  ASSERT_TRUE(docs);
  EXPECT_EQ(docs->size(), static_cast<std::size_t>(kDocuments));
  EXPECT_EQ(*(*store)->integrity_check(), "ok");
}

}  // namespace
}  // namespace jixiao
