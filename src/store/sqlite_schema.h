// Numbered schema migrations of the SQLite store. Each migration runs in its own transaction and
// records itself in schema_version; a database is migrated forward one step at a time, never back.
#pragma once

#include <string>
#include <vector>

#include "model/result.h"
#include "store/sqlite_db.h"

namespace jixiao::store {

struct Migration {
  int version = 0;          // 1, 2, 3 … with no gaps
  std::string description;  // one line, stored in schema_version
  std::string sql;          // statements run in the migration's transaction
};

// All migrations, in order. The last one's version is the current schema version.
const std::vector<Migration>& sqlite_migrations();
int latest_schema_version();

// The version recorded in the database: 0 for a new (empty) database.
Result<int> read_schema_version(SqliteDb& db);

// Applies the pending migrations up to `target` (default: all). Fails without changing anything
// from the failing step on, and when the database is newer than this program.
Status migrate(SqliteDb& db, int target = -1);

}  // namespace jixiao::store
