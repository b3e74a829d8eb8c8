// Store test helpers shared by the test files: hand-built documents added like an ingest, and the
// check that every incrementally kept roll-up equals a recomputation from the project table.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "store/sqlite_store.h"
#include "store_fixtures.h"

namespace jixiao::testing {

struct Doc {
  Declaration declaration;
  std::string bytes;
  std::vector<Finding> findings;
};

inline Doc make_doc(Declaration d, std::string bytes, std::vector<Finding> findings = {}) {
  d.sha256 = "sha-of-" + bytes;  // the store trusts the caller's hash; unique per content here
  return Doc{std::move(d), std::move(bytes), std::move(findings)};
}

inline Result<store::AddResult> add(store::Store& s, const Doc& doc) {
  store::NewDocument n;
  n.declaration = &doc.declaration;
  n.bytes = doc.bytes;
  n.findings = doc.findings;
  n.ingested_at = "2024-05-01T00:00:00Z";
  return s.add_document(n);
}

// The first column of the first row of `sql` (a test failure when there is none).
inline int count(store::SqliteDb& db, const std::string& sql) {
  auto stmt = db.prepare(sql);
  EXPECT_TRUE(stmt) << sql;
  if (!stmt) return -1;
  auto row = stmt->step();
  EXPECT_TRUE(row && *row) << sql;
  return stmt->int32(0);
}

// Expects the queries `fresh` (recomputed) and `kept` (the roll-up) to return the same set of rows.
inline void expect_same_rows(store::SqliteDb& db, const std::string& fresh, const std::string& kept,
                             const std::string& context = "") {
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM (" + fresh + " EXCEPT " + kept + ")"), 0) << context << ": " << fresh;
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM (" + kept + " EXCEPT " + fresh + ")"), 0) << context << ": " << kept;
}

// The incrementally kept rollups equal a recomputation from the projects and documents, and the
// counted flags follow the rules of docs/storage.md: only current projects count, a repeat points
// at a counted current project of another document, and the counted copies of one duplicate key
// are all in one document.
inline void expect_rollups_consistent(store::SqliteDb& db) {
  for (const char* dim : {"year", "department", "implementer", "category"}) {
    std::string key = std::string(dim) == "year" ? "''" : dim;
    std::string fresh =
        "SELECT COALESCE(year, 0) AS y, " + key + " AS k, COUNT(DISTINCT document_id) AS docs, COUNT(*) AS n,"
        " COALESCE(SUM(total_fen), 0) AS t, SUM(findings_error + findings_warning + findings_advice) AS f"
        " FROM project WHERE counted = 1 GROUP BY 1, 2";
    std::string kept =
        "SELECT year, key, documents, projects, total_fen, findings_error + findings_warning + findings_advice"
        " FROM rollup_dim WHERE dimension = '" + std::string(dim) + "' AND projects <> 0 AND year >= 0";
    expect_same_rows(db, fresh, kept, dim);
    // The all-years rows (v6): one per key, equal to grouping the projects over every year.
    std::string fresh_all =
        "SELECT " + key + " AS k, COUNT(DISTINCT document_id), COUNT(*), COALESCE(SUM(total_fen), 0),"
        " COALESCE(SUM(fiscal_fen), 0), COALESCE(SUM(annual_total_fen), 0), SUM(indicator_count),"
        " SUM(CASE WHEN total_fen IS NULL THEN 1 ELSE 0 END),"
        " SUM(findings_error + findings_warning + findings_advice) FROM project WHERE counted = 1 GROUP BY 1";
    std::string kept_all =
        "SELECT key, documents, projects, total_fen, fiscal_fen, annual_total_fen, indicators,"
        " projects_without_total, findings_error + findings_warning + findings_advice"
        " FROM rollup_dim WHERE dimension = '" + std::string(dim) + "' AND year = -1 AND projects <> 0";
    if (std::string(dim) == "year") {
      EXPECT_EQ(count(db, "SELECT COUNT(*) FROM rollup_dim WHERE dimension = 'year' AND year < 0"), 0);
      continue;
    }
    expect_same_rows(db, fresh_all, kept_all, dim);
    // No all-years row is left behind with nothing in it.
    EXPECT_EQ(count(db, "SELECT COUNT(*) FROM rollup_dim WHERE year = -1 AND projects = 0"), 0) << dim;
  }
  EXPECT_EQ(count(db, "SELECT COALESCE(SUM(documents), 0) FROM rollup_dim WHERE dimension = 'document'"),
            count(db, "SELECT COUNT(*) FROM document WHERE is_current = 1"));
  // The repeats' roll-ups (v5) equal counting the current repeats.
  const std::string fresh_heads =
      "SELECT r.duplicate_of, h.year, h.total_fen, COUNT(*) FROM project r JOIN project h ON h.id = r.duplicate_of"
      " WHERE r.duplicate_of IS NOT NULL AND r.is_current = 1 GROUP BY r.duplicate_of";
  const std::string kept_heads = "SELECT project_id, year, total_fen, repeats FROM duplicate_head";
  expect_same_rows(db, fresh_heads, kept_heads);
  const std::string fresh_years =
      "SELECT year, COUNT(*), COUNT(DISTINCT duplicate_of) FROM project"
      " WHERE duplicate_of IS NOT NULL AND is_current = 1 GROUP BY year";
  const std::string kept_years = "SELECT year, repeats, heads FROM rollup_repeats WHERE repeats <> 0 OR heads <> 0";
  expect_same_rows(db, fresh_years, kept_years);
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM project WHERE counted = 1 AND (is_current = 0 OR duplicate_of IS NOT NULL)"),
            0);
  EXPECT_EQ(count(db,
                  "SELECT COUNT(*) FROM project r LEFT JOIN project h ON h.id = r.duplicate_of"
                  " WHERE r.is_current = 1 AND r.counted = 0 AND (h.id IS NULL OR h.counted = 0 OR"
                  " h.is_current = 0 OR h.document_id = r.document_id)"),
            0);
  EXPECT_EQ(count(db,
                  "SELECT COUNT(*) FROM (SELECT duplicate_key FROM project WHERE counted = 1 AND duplicate_key <> ''"
                  " GROUP BY duplicate_key HAVING COUNT(DISTINCT document_id) > 1)"),
            0);
}

}  // namespace jixiao::testing
