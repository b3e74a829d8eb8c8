// Numbered schema migrations of the SQLite store. Each migration runs in its own transaction and
// records itself in schema_version; a database is migrated forward one step at a time, never back.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/result.h"
#include "store/sqlite_db.h"
#include "store/store.h"

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

// True while a migration's search re-index (schema v9) has projects left to index.
Result<bool> search_reindex_pending(SqliteDb& db);

// Projects per transaction of the re-index: about 10 MB of index each, so the WAL and memory stay
// small while the per-transaction cost is spread over enough rows.
constexpr std::int64_t kReindexBatchProjects = 2000;

// Indexes the projects left by schema v9's re-index, `batch_projects` ids per transaction, and
// ends the re-index; a no-op when none is pending. Safe to interrupt and to run from two processes.
Status refill_search_index(SqliteDb& db, std::int64_t batch_projects = kReindexBatchProjects,
                           const OpenProgress& progress = {});

}  // namespace jixiao::store
