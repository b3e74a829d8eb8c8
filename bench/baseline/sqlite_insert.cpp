// The limit `jixiao ingest` is compared with in bench/run: a plain prepared-statement bulk insert
// of the same rows into SQLite, in one transaction.
//
// Usage: bench_sqlite_insert DB FILE...   (or DB --files-from LIST, one path a line)
// Every file is parsed and reviewed with jixiao's own library first (not timed), then its rows —
// the document with its bytes, projects, narrative sections, line items, indicators, findings —
// are inserted (timed). Prints one JSON object: row counts, insert wall and CPU seconds, and
// rows per CPU second.
// The schema is deliberately minimal (no full-text index, no history matching): it is the raw
// cost of getting the same rows into SQLite with the same durability settings as the store
// (WAL, synchronous=NORMAL, foreign keys on, 32 MB page cache).
#include <sqlite3.h>

#include <time.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "ingest/parse.h"
#include "rules/review.h"

namespace {

using Clock = std::chrono::steady_clock;

// CPU time of this process (user + system): on a shared machine it is what the inserts cost,
// whatever else runs; bench/run compares it with the CPU time of `jixiao ingest`.
double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

const char* kSchema = R"sql(
CREATE TABLE documents(id INTEGER PRIMARY KEY, source TEXT NOT NULL, sha256 TEXT NOT NULL UNIQUE,
  layout TEXT, encoding TEXT, year INTEGER, issuer TEXT, bytes BLOB NOT NULL);
CREATE TABLE projects(id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL REFERENCES documents(id),
  seq INTEGER, name TEXT, nature TEXT, category TEXT, department TEXT, implementer TEXT,
  start TEXT, end TEXT, total_fen INTEGER, fiscal_fen INTEGER, other_fen INTEGER,
  annual_total_fen INTEGER, appropriation_fen INTEGER, carryover_fen INTEGER,
  annual_other_fen INTEGER, overall_goal TEXT, annual_goal TEXT, first_line INTEGER,
  last_line INTEGER);
CREATE TABLE sections(id INTEGER PRIMARY KEY, project_id INTEGER NOT NULL REFERENCES projects(id),
  number TEXT, heading TEXT, body TEXT, first_line INTEGER, last_line INTEGER);
CREATE TABLE line_items(id INTEGER PRIMARY KEY, project_id INTEGER NOT NULL REFERENCES projects(id),
  name TEXT, quantity TEXT, quantity_unit TEXT, unit_price TEXT, unit_price_unit TEXT,
  amount TEXT, amount_unit TEXT, first_line INTEGER);
CREATE TABLE indicators(id INTEGER PRIMARY KEY, project_id INTEGER NOT NULL REFERENCES projects(id),
  l1 TEXT, l2 TEXT, name TEXT, value TEXT, cmp TEXT, num TEXT, unit TEXT, text TEXT,
  first_line INTEGER, last_line INTEGER);
CREATE TABLE findings(id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL REFERENCES documents(id),
  project_seq INTEGER, rule TEXT, severity INTEGER, field TEXT, message TEXT);
CREATE INDEX projects_document ON projects(document_id);
CREATE INDEX indicators_project ON indicators(project_id);
)sql";

void check(int rc, sqlite3* db, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    std::fprintf(stderr, "sqlite error in %s: %s\n", what, sqlite3_errmsg(db));
    std::exit(2);
  }
}

// A prepared statement bound by position and reset after each step.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) : db_(db) {
    check(sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr), db, sql);
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& text(const std::string& s) {
    sqlite3_bind_text(stmt_, ++index_, s.data(), static_cast<int>(s.size()), SQLITE_STATIC);
    return *this;
  }
  Statement& text(const jixiao::Field<std::string>& f) {
    if (f.value) return text(*f.value);
    return null();
  }
  Statement& integer(long long v) {
    sqlite3_bind_int64(stmt_, ++index_, v);
    return *this;
  }
  Statement& money(const jixiao::Field<jixiao::Money>& f) {
    if (f.value) return integer(f.value->fen());
    return null();
  }
  Statement& blob(const std::string& s) {
    sqlite3_bind_blob(stmt_, ++index_, s.data(), static_cast<int>(s.size()), SQLITE_STATIC);
    return *this;
  }
  Statement& null() {
    sqlite3_bind_null(stmt_, ++index_);
    return *this;
  }
  long long run() {
    check(sqlite3_step(stmt_), db_, "insert");
    sqlite3_reset(stmt_);
    index_ = 0;
    return sqlite3_last_insert_rowid(db_);
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  int index_ = 0;
};

std::string date_text(const jixiao::Field<jixiao::Date>& d) { return d.value ? d.value->iso() : ""; }

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s DB FILE... | DB --files-from LIST\n", argv[0]);
    return 2;
  }
  std::vector<std::string> files;
  if (std::string(argv[2]) == "--files-from" && argc == 4) {
    std::ifstream list(argv[3]);
    for (std::string line; std::getline(list, line);)
      if (!line.empty()) files.push_back(line);
  } else {
    for (int i = 2; i < argc; ++i) files.emplace_back(argv[i]);
  }

  std::remove(argv[1]);
  sqlite3* db = nullptr;
  check(sqlite3_open(argv[1], &db), db, "open");
  check(sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
                     "PRAGMA cache_size=-32768; PRAGMA temp_store=MEMORY;",
                     nullptr, nullptr, nullptr),
        db, "pragmas");
  check(sqlite3_exec(db, kSchema, nullptr, nullptr, nullptr), db, "schema");

  Statement insert_document(db, "INSERT INTO documents VALUES(NULL,?,?,?,?,?,?,?)");
  Statement insert_project(
      db, "INSERT INTO projects VALUES(NULL,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  Statement insert_section(db, "INSERT INTO sections VALUES(NULL,?,?,?,?,?,?)");
  Statement insert_item(db, "INSERT INTO line_items VALUES(NULL,?,?,?,?,?,?,?,?,?)");
  Statement insert_indicator(db, "INSERT INTO indicators VALUES(NULL,?,?,?,?,?,?,?,?,?,?,?)");
  Statement insert_finding(db, "INSERT INTO findings VALUES(NULL,?,?,?,?,?,?)");

  long long documents = 0, projects = 0, sections = 0, items = 0, indicators = 0, findings = 0;
  long long failed = 0;
  Clock::duration insert_time{};
  double insert_cpu = 0;
  check(sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr), db, "begin");
  for (const auto& file : files) {
    // Not timed: reading, parsing and reviewing are jixiao's work, not SQLite's.
    std::ifstream in(file, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto parsed = jixiao::parse_bytes(bytes, file);
    if (!parsed) {
      ++failed;
      continue;
    }
    const jixiao::Declaration& d = *parsed;
    const auto found = jixiao::review(d);

    auto start = Clock::now();
    double cpu_start = cpu_seconds();
    long long doc_id = insert_document.text(d.source)
                           .text(d.sha256)
                           .text(d.layout)
                           .text(d.encoding)
                           .integer(d.year.value.value_or(0))
                           .text(d.issuer)
                           .blob(bytes)
                           .run();
    ++documents;
    for (const auto& p : d.projects) {
      long long project_id = insert_project.integer(doc_id)
                                 .integer(p.seq)
                                 .text(p.name)
                                 .text(p.nature)
                                 .text(p.category)
                                 .text(p.department)
                                 .text(p.implementer)
                                 .text(date_text(p.start))
                                 .text(date_text(p.end))
                                 .money(p.funds.total)
                                 .money(p.funds.fiscal)
                                 .money(p.funds.other)
                                 .money(p.funds.annual_total)
                                 .money(p.funds.current_appropriation)
                                 .money(p.funds.carryover)
                                 .money(p.funds.annual_other)
                                 .text(p.overall_goal)
                                 .text(p.annual_goal)
                                 .integer(p.span.first_line)
                                 .integer(p.span.last_line)
                                 .run();
      ++projects;
      for (const auto& s : p.sections) {
        insert_section.integer(project_id)
            .text(s.number)
            .text(s.heading)
            .text(s.text)
            .integer(s.span.first_line)
            .integer(s.span.last_line)
            .run();
        ++sections;
      }
      for (const auto& li : p.line_items) {
        insert_item.integer(project_id)
            .text(li.name)
            .text(li.quantity)
            .text(li.quantity_unit)
            .text(li.unit_price)
            .text(li.unit_price_unit)
            .text(li.amount)
            .text(li.amount_unit)
            .integer(li.span.first_line)
            .run();
        ++items;
      }
      for (const auto& ind : p.indicators) {
        std::string cmp(jixiao::comparator_symbol(ind.target.cmp));
        insert_indicator.integer(project_id)
            .text(ind.l1)
            .text(ind.l2)
            .text(ind.name)
            .text(ind.value)
            .text(cmp)
            .text(ind.target.num)
            .text(ind.target.unit)
            .text(ind.target.text)
            .integer(ind.span.first_line)
            .integer(ind.span.last_line)
            .run();
        ++indicators;
      }
    }
    for (const auto& f : found) {
      insert_finding.integer(doc_id)
          .integer(f.project_seq)
          .text(f.rule)
          .integer(static_cast<int>(f.severity))
          .text(f.field)
          .text(f.message)
          .run();
      ++findings;
    }
    insert_time += Clock::now() - start;
    insert_cpu += cpu_seconds() - cpu_start;
  }
  auto start = Clock::now();
  double cpu_start = cpu_seconds();
  check(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), db, "commit");
  // The store checkpoints its WAL too; count it so that both sides leave data in the main file.
  check(sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr), db,
        "checkpoint");
  insert_time += Clock::now() - start;
  insert_cpu += cpu_seconds() - cpu_start;
  sqlite3_close(db);

  const double seconds = std::chrono::duration<double>(insert_time).count();
  const long long rows = documents + projects + sections + items + indicators + findings;
  std::printf(
      "{\"documents\":%lld,\"projects\":%lld,\"sections\":%lld,\"line_items\":%lld,"
      "\"indicators\":%lld,\"findings\":%lld,\"failed\":%lld,\"rows\":%lld,"
      "\"insert_seconds\":%.6f,\"insert_cpu_seconds\":%.6f,\"rows_per_s\":%.1f}\n",
      documents, projects, sections, items, indicators, findings, failed, rows, seconds, insert_cpu,
      insert_cpu > 0 ? static_cast<double>(rows) / insert_cpu : 0.0);
  return failed == static_cast<long long>(files.size()) && !files.empty() ? 2 : 0;
}
