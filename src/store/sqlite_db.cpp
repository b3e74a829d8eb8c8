#include "store/sqlite_db.h"

#include <sqlite3.h>

#include <utility>

#include "store/cjk_tokenizer.h"

namespace jixiao::store {

Result<SqliteDb> SqliteDb::open(const std::filesystem::path& path, bool read_only) {
  SqliteDb db;
  db.path_ = path.string();
  int flags = read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  flags |= SQLITE_OPEN_NOMUTEX;  // one connection is used by one thread at a time
  if (sqlite3_open_v2(db.path_.c_str(), &db.db_, flags, nullptr) != SQLITE_OK) {
    Error e{db.path_, 0, "", std::string("无法打开数据库: ") +
                                 (db.db_ ? sqlite3_errmsg(db.db_) : "out of memory")};
    return e;
  }
  sqlite3_extended_result_codes(db.db_, 1);
  // Writers wait for each other instead of failing at once (the web server writes on uploads
  // while the CLI may ingest).
  sqlite3_busy_timeout(db.db_, 10000);
  if (auto s = register_cjk_tokenizer(db.db_); !s) return s.error();
  // WAL: readers never block the writer; synchronous=NORMAL keeps every committed transaction
  // atomic and consistent after a crash (the last commits may be lost on power failure only).
  // The page cache is bounded (≈32 MB) so that a long ingest stays within its memory budget.
  std::string pragmas =
      "PRAGMA foreign_keys = ON;"
      "PRAGMA cache_size = -32768;"
      "PRAGMA temp_store = MEMORY;";
  // secure_delete = FAST: Debian builds SQLite with SECURE_DELETE, which overwrites every page
  // freed — each FTS5 segment merged away during ingest, and a whole index dropped by a migration.
  // Dropping the 1.9 GB search index of 150,000 projects (schema 9) then wrote 720 MB of WAL and
  // held 600 MB of memory (the statement journal of the DROP). FAST still zeroes deleted content on
  // the pages it writes anyway; only freed pages are left as they were, which holds nothing
  // private here (the store deletes no document, only index pages and superseded roll-up rows).
  if (!read_only) {
    pragmas += "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA secure_delete = FAST;";
  }
  if (auto s = db.exec(pragmas); !s) return s.error();
  return db;
}

SqliteDb::SqliteDb(SqliteDb&& o) noexcept : db_(std::exchange(o.db_, nullptr)), path_(std::move(o.path_)) {}

SqliteDb& SqliteDb::operator=(SqliteDb&& o) noexcept {
  if (this != &o) {
    if (db_) sqlite3_close_v2(db_);
    db_ = std::exchange(o.db_, nullptr);
    path_ = std::move(o.path_);
  }
  return *this;
}

SqliteDb::~SqliteDb() {
  if (db_) sqlite3_close_v2(db_);
}

Error SqliteDb::error(std::string_view what) const {
  return Error{path_, 0, "", std::string(what) + ": " + (db_ ? sqlite3_errmsg(db_) : "no database")};
}

Status SqliteDb::exec(std::string_view sql) {
  std::string copy(sql);
  char* message = nullptr;
  if (sqlite3_exec(db_, copy.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    std::string text = message ? message : "unknown error";
    sqlite3_free(message);
    return Error{path_, 0, "", "数据库语句失败: " + text};
  }
  return ok_status();
}

Result<SqliteStatement> SqliteDb::prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) != SQLITE_OK) {
    return error("SQL 准备失败 (" + std::string(sql.substr(0, 80)) + ")");
  }
  return SqliteStatement(stmt, this);
}

std::int64_t SqliteDb::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }
int SqliteDb::changes() const { return sqlite3_changes(db_); }

SqliteStatement::SqliteStatement(SqliteStatement&& o) noexcept
    : stmt_(std::exchange(o.stmt_, nullptr)), db_(o.db_) {}

SqliteStatement& SqliteStatement::operator=(SqliteStatement&& o) noexcept {
  if (this != &o) {
    if (stmt_) sqlite3_finalize(stmt_);
    stmt_ = std::exchange(o.stmt_, nullptr);
    db_ = o.db_;
  }
  return *this;
}

SqliteStatement::~SqliteStatement() {
  if (stmt_) sqlite3_finalize(stmt_);
}

SqliteStatement& SqliteStatement::bind(int i, std::int64_t v) {
  sqlite3_bind_int64(stmt_, i, v);
  return *this;
}

SqliteStatement& SqliteStatement::bind(int i, std::string_view v) {
  sqlite3_bind_text64(stmt_, i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  return *this;
}

SqliteStatement& SqliteStatement::bind_blob(int i, std::string_view bytes) {
  sqlite3_bind_blob64(stmt_, i, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
  return *this;
}

SqliteStatement& SqliteStatement::bind_null(int i) {
  sqlite3_bind_null(stmt_, i);
  return *this;
}

Result<bool> SqliteStatement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return db_->error("SQL 执行失败");
}

Status SqliteStatement::run() {
  auto r = step();
  sqlite3_reset(stmt_);
  if (!r) return r.error();
  return ok_status();
}

void SqliteStatement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool SqliteStatement::is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
std::int64_t SqliteStatement::int64(int col) const { return sqlite3_column_int64(stmt_, col); }

std::string SqliteStatement::text(int col) const {
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  int n = sqlite3_column_bytes(stmt_, col);
  return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n)) : std::string();
}

std::optional<std::int64_t> SqliteStatement::opt_int64(int col) const {
  if (is_null(col)) return std::nullopt;
  return int64(col);
}

std::optional<std::string> SqliteStatement::opt_text(int col) const {
  if (is_null(col)) return std::nullopt;
  return text(col);
}

std::string SqliteStatement::blob(int col) const {
  const void* p = sqlite3_column_blob(stmt_, col);
  int n = sqlite3_column_bytes(stmt_, col);
  return p ? std::string(static_cast<const char*>(p), static_cast<std::size_t>(n)) : std::string();
}

Result<SqliteTransaction> SqliteTransaction::begin(SqliteDb& db) {
  if (auto s = db.exec("BEGIN IMMEDIATE"); !s) return s.error();
  return SqliteTransaction(&db);
}

SqliteTransaction::~SqliteTransaction() {
  if (db_) (void)db_->exec("ROLLBACK");
}

Status SqliteTransaction::commit() {
  SqliteDb* db = std::exchange(db_, nullptr);
  if (!db) return Error{"", 0, "", "transaction already finished"};
  if (auto s = db->exec("COMMIT"); !s) {
    (void)db->exec("ROLLBACK");
    return s;
  }
  return ok_status();
}

}  // namespace jixiao::store
