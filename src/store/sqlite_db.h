// A thin RAII layer over the SQLite C API: a connection and prepared statements that report
// errors as values (model/result.h). Used only by the SQLite backend of the store.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "model/result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace jixiao::store {

class SqliteStatement;

class SqliteDb {
 public:
  // Opens (creating unless read_only) the database file; sets WAL, foreign keys on, a busy
  // timeout, synchronous=NORMAL and a bounded page cache; registers the CJK tokenizer.
  static Result<SqliteDb> open(const std::filesystem::path& path, bool read_only);
  SqliteDb() = default;
  SqliteDb(SqliteDb&& o) noexcept;
  SqliteDb& operator=(SqliteDb&& o) noexcept;
  ~SqliteDb();

  // Runs one or more statements without results.
  Status exec(std::string_view sql);
  Result<SqliteStatement> prepare(std::string_view sql);
  std::int64_t last_insert_rowid() const;
  int changes() const;
  // An Error naming the database file with SQLite's message and `what`.
  Error error(std::string_view what) const;
  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

// A prepared statement. bind() indices are 1-based; column() indices 0-based.
class SqliteStatement {
 public:
  SqliteStatement() = default;
  SqliteStatement(SqliteStatement&& o) noexcept;
  SqliteStatement& operator=(SqliteStatement&& o) noexcept;
  ~SqliteStatement();

  SqliteStatement& bind(int i, std::int64_t v);
  SqliteStatement& bind(int i, int v) { return bind(i, static_cast<std::int64_t>(v)); }
  SqliteStatement& bind(int i, std::string_view v);  // bound as TEXT (copied)
  SqliteStatement& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
  SqliteStatement& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
  SqliteStatement& bind_blob(int i, std::string_view bytes);
  SqliteStatement& bind_null(int i);
  template <class T>
  SqliteStatement& bind(int i, const std::optional<T>& v) {
    return v ? bind(i, *v) : bind_null(i);
  }

  // Advances: true when a row is available, false when done; Error on failure.
  Result<bool> step();
  // Runs a statement that returns no rows (or ignores them) and resets it.
  Status run();
  void reset();  // resets and clears bindings

  bool is_null(int col) const;
  std::int64_t int64(int col) const;
  int int32(int col) const { return static_cast<int>(int64(col)); }
  std::string text(int col) const;
  std::optional<std::int64_t> opt_int64(int col) const;
  std::optional<std::string> opt_text(int col) const;
  std::string blob(int col) const;

 private:
  friend class SqliteDb;
  SqliteStatement(sqlite3_stmt* s, const SqliteDb* db) : stmt_(s), db_(db) {}
  sqlite3_stmt* stmt_ = nullptr;
  const SqliteDb* db_ = nullptr;
};

// BEGIN IMMEDIATE … COMMIT, rolled back on destruction unless committed.
class SqliteTransaction {
 public:
  static Result<SqliteTransaction> begin(SqliteDb& db);
  SqliteTransaction(SqliteTransaction&& o) noexcept : db_(o.db_) { o.db_ = nullptr; }
  SqliteTransaction& operator=(SqliteTransaction&&) = delete;
  ~SqliteTransaction();
  Status commit();

 private:
  explicit SqliteTransaction(SqliteDb* db) : db_(db) {}
  SqliteDb* db_ = nullptr;
};

}  // namespace jixiao::store
