#include "store/sqlite_schema.h"

#include <algorithm>
#include <string>

namespace jixiao::store {

namespace {

// v1: the documents and everything parsed from them. Amounts are integer fen; text as printed.
const char* kCoreTables = R"SQL(
CREATE TABLE document (
  id                    INTEGER PRIMARY KEY,
  sha256                TEXT    NOT NULL UNIQUE,
  source                TEXT    NOT NULL,
  size_bytes            INTEGER NOT NULL,
  identity              TEXT    NOT NULL,
  version               INTEGER NOT NULL,
  previous_version_id   INTEGER REFERENCES document(id),
  is_current            INTEGER NOT NULL,
  year                  INTEGER,
  issuer                TEXT    NOT NULL,
  layout                TEXT    NOT NULL,
  encoding              TEXT    NOT NULL,
  header_unit_count     INTEGER,
  header_project_count  INTEGER,
  header_total_wan      TEXT,
  project_count         INTEGER NOT NULL,
  indicator_count       INTEGER NOT NULL,
  duplicate_projects    INTEGER NOT NULL,
  total_fen             INTEGER NOT NULL,
  findings_error        INTEGER NOT NULL,
  findings_warning      INTEGER NOT NULL,
  findings_advice       INTEGER NOT NULL,
  doc_findings_error    INTEGER NOT NULL,
  doc_findings_warning  INTEGER NOT NULL,
  doc_findings_advice   INTEGER NOT NULL,
  ingested_at           TEXT    NOT NULL,
  UNIQUE (identity, version)
);
CREATE INDEX document_year ON document(is_current, year);

-- The source bytes exactly as read, compressed ('zlib', store/compression.h) or as is ('none').
CREATE TABLE document_source (
  document_id  INTEGER PRIMARY KEY REFERENCES document(id),
  compression  TEXT    NOT NULL,
  bytes        BLOB    NOT NULL
);

-- The parsed declaration (JSON contract, model/json_io.h) and every review finding of the
-- document as a JSON array in finding.ord order, compressed like the source.
CREATE TABLE document_json (
  document_id  INTEGER PRIMARY KEY REFERENCES document(id),
  compression  TEXT    NOT NULL,
  declaration  BLOB    NOT NULL,
  findings     BLOB    NOT NULL
);

CREATE TABLE project (
  id                         INTEGER PRIMARY KEY,
  document_id                INTEGER NOT NULL REFERENCES document(id),
  seq                        INTEGER NOT NULL,
  year                       INTEGER,
  is_current                 INTEGER NOT NULL,
  counted                    INTEGER NOT NULL,
  duplicate_of               INTEGER REFERENCES project(id),
  duplicate_key              TEXT    NOT NULL,
  name                       TEXT    NOT NULL,
  name_key                   TEXT    NOT NULL,
  nature                     TEXT    NOT NULL,
  category                   TEXT    NOT NULL,
  department                 TEXT    NOT NULL,
  department_key             TEXT    NOT NULL,
  implementer                TEXT    NOT NULL,
  implementer_key            TEXT    NOT NULL,
  start_date                 TEXT,
  end_date                   TEXT,
  total_fen                  INTEGER,
  fiscal_fen                 INTEGER,
  other_fen                  INTEGER,
  annual_total_fen           INTEGER,
  current_appropriation_fen  INTEGER,
  carryover_fen              INTEGER,
  annual_other_fen           INTEGER,
  narrative_budget_wan       TEXT,
  overall_goal               TEXT    NOT NULL,
  annual_goal                TEXT    NOT NULL,
  indicator_count            INTEGER NOT NULL,
  findings_error             INTEGER NOT NULL,
  findings_warning           INTEGER NOT NULL,
  findings_advice            INTEGER NOT NULL,
  UNIQUE (document_id, seq)
);
CREATE INDEX project_duplicate_key ON project(duplicate_key, counted);
CREATE INDEX project_duplicate_of ON project(duplicate_of) WHERE duplicate_of IS NOT NULL;
CREATE INDEX project_repeats ON project(year) WHERE duplicate_of IS NOT NULL AND is_current = 1;
CREATE INDEX project_name_key ON project(name_key, year);
CREATE INDEX project_implementer_key ON project(year, implementer_key);
CREATE INDEX project_department_key ON project(year, department_key);
CREATE INDEX project_year ON project(year, is_current);

CREATE TABLE indicator (
  project_id  INTEGER NOT NULL REFERENCES project(id),
  ord         INTEGER NOT NULL,
  l1          TEXT    NOT NULL,
  l2          TEXT    NOT NULL,
  name        TEXT    NOT NULL,
  value       TEXT    NOT NULL,
  cmp         TEXT    NOT NULL,
  num         TEXT    NOT NULL,
  unit        TEXT    NOT NULL,
  qualitative TEXT    NOT NULL,
  PRIMARY KEY (project_id, ord)
);

CREATE TABLE line_item (
  project_id       INTEGER NOT NULL REFERENCES project(id),
  ord              INTEGER NOT NULL,
  name             TEXT    NOT NULL,
  quantity         TEXT    NOT NULL,
  quantity_unit    TEXT    NOT NULL,
  unit_price       TEXT    NOT NULL,
  unit_price_unit  TEXT    NOT NULL,
  amount           TEXT    NOT NULL,
  amount_unit      TEXT    NOT NULL,
  sub_project      TEXT    NOT NULL,
  PRIMARY KEY (project_id, ord)
);

CREATE TABLE narrative_section (
  project_id   INTEGER NOT NULL REFERENCES project(id),
  ord          INTEGER NOT NULL,
  number       TEXT    NOT NULL,
  heading      TEXT    NOT NULL,
  body         TEXT    NOT NULL,
  sub_project  TEXT    NOT NULL,
  classified   INTEGER NOT NULL,
  PRIMARY KEY (project_id, ord)
);

CREATE TABLE finding (
  document_id   INTEGER NOT NULL REFERENCES document(id),
  ord           INTEGER NOT NULL,
  project_id    INTEGER REFERENCES project(id),
  rule          TEXT    NOT NULL,
  severity      INTEGER NOT NULL,
  field         TEXT    NOT NULL,
  message       TEXT    NOT NULL,
  PRIMARY KEY (document_id, ord)
);
CREATE INDEX finding_project ON finding(project_id) WHERE project_id IS NOT NULL;
CREATE INDEX finding_severity ON finding(severity, rule);
)SQL";

// v2: aggregates of the counted projects, kept up to date by every ingest in its transaction, so
// that a summary reads a few rows instead of every project. `rollup`: per document × department ×
// implementer × category (it tells whether a document still counts in a group). `rollup_dim`:
// per dimension ('year', 'department', 'implementer', 'category') × year × key (year 0: unknown;
// key '' for the 'year' dimension); `documents` counts the documents with counted projects there.
// Dimension 'document' holds, per year, the current documents and their document-level findings.
const char* kRollup = R"SQL(
CREATE TABLE rollup (
  document_id             INTEGER NOT NULL REFERENCES document(id),
  year                    INTEGER,
  department              TEXT    NOT NULL,
  implementer             TEXT    NOT NULL,
  category                TEXT    NOT NULL,
  projects                INTEGER NOT NULL,
  projects_without_total  INTEGER NOT NULL,
  total_fen               INTEGER NOT NULL,
  fiscal_fen              INTEGER NOT NULL,
  annual_total_fen        INTEGER NOT NULL,
  indicators              INTEGER NOT NULL,
  findings_error          INTEGER NOT NULL,
  findings_warning        INTEGER NOT NULL,
  findings_advice         INTEGER NOT NULL,
  PRIMARY KEY (document_id, department, implementer, category)
);
INSERT INTO rollup
  SELECT document_id, year, department, implementer, category, COUNT(*),
         SUM(CASE WHEN total_fen IS NULL THEN 1 ELSE 0 END),
         COALESCE(SUM(total_fen), 0), COALESCE(SUM(fiscal_fen), 0), COALESCE(SUM(annual_total_fen), 0),
         SUM(indicator_count), SUM(findings_error), SUM(findings_warning), SUM(findings_advice)
  FROM project WHERE counted = 1
  GROUP BY document_id, department, implementer, category;

CREATE TABLE rollup_dim (
  dimension               TEXT    NOT NULL,
  year                    INTEGER NOT NULL,
  key                     TEXT    NOT NULL,
  documents               INTEGER NOT NULL,
  projects                INTEGER NOT NULL,
  projects_without_total  INTEGER NOT NULL,
  total_fen               INTEGER NOT NULL,
  fiscal_fen              INTEGER NOT NULL,
  annual_total_fen        INTEGER NOT NULL,
  indicators              INTEGER NOT NULL,
  findings_error          INTEGER NOT NULL,
  findings_warning        INTEGER NOT NULL,
  findings_advice         INTEGER NOT NULL,
  PRIMARY KEY (dimension, year, key)
);

INSERT INTO rollup_dim
  SELECT 'year', COALESCE(year, 0), '', COUNT(DISTINCT document_id), COUNT(*),
         SUM(CASE WHEN total_fen IS NULL THEN 1 ELSE 0 END), COALESCE(SUM(total_fen), 0),
         COALESCE(SUM(fiscal_fen), 0), COALESCE(SUM(annual_total_fen), 0), SUM(indicator_count),
         SUM(findings_error), SUM(findings_warning), SUM(findings_advice)
  FROM project WHERE counted = 1 GROUP BY 2, 3;
INSERT INTO rollup_dim
  SELECT 'department', COALESCE(year, 0), department, COUNT(DISTINCT document_id), COUNT(*),
         SUM(CASE WHEN total_fen IS NULL THEN 1 ELSE 0 END), COALESCE(SUM(total_fen), 0),
         COALESCE(SUM(fiscal_fen), 0), COALESCE(SUM(annual_total_fen), 0), SUM(indicator_count),
         SUM(findings_error), SUM(findings_warning), SUM(findings_advice)
  FROM project WHERE counted = 1 GROUP BY 2, 3;
INSERT INTO rollup_dim
  SELECT 'implementer', COALESCE(year, 0), implementer, COUNT(DISTINCT document_id), COUNT(*),
         SUM(CASE WHEN total_fen IS NULL THEN 1 ELSE 0 END), COALESCE(SUM(total_fen), 0),
         COALESCE(SUM(fiscal_fen), 0), COALESCE(SUM(annual_total_fen), 0), SUM(indicator_count),
         SUM(findings_error), SUM(findings_warning), SUM(findings_advice)
  FROM project WHERE counted = 1 GROUP BY 2, 3;
INSERT INTO rollup_dim
  SELECT 'category', COALESCE(year, 0), category, COUNT(DISTINCT document_id), COUNT(*),
         SUM(CASE WHEN total_fen IS NULL THEN 1 ELSE 0 END), COALESCE(SUM(total_fen), 0),
         COALESCE(SUM(fiscal_fen), 0), COALESCE(SUM(annual_total_fen), 0), SUM(indicator_count),
         SUM(findings_error), SUM(findings_warning), SUM(findings_advice)
  FROM project WHERE counted = 1 GROUP BY 2, 3;
INSERT INTO rollup_dim
  SELECT 'document', COALESCE(year, 0), '', COUNT(*), 0, 0, 0, 0, 0, 0,
         SUM(doc_findings_error), SUM(doc_findings_warning), SUM(doc_findings_advice)
  FROM document WHERE is_current = 1 GROUP BY 2;
)SQL";

// v3: the full-text index (contentless: the texts stay in project, indicator and
// narrative_section; rowid = project.id).
const char* kSearch = R"SQL(
CREATE VIRTUAL TABLE search_fts USING fts5(
  name, goal, indicator, narrative,
  content = '', columnsize = 0, tokenize = 'jixiao_cjk'
);
INSERT INTO search_fts (rowid, name, goal, indicator, narrative)
  SELECT p.id, p.name, p.overall_goal || char(10) || p.annual_goal,
         COALESCE((SELECT group_concat(i.name || '：' || i.value, char(10))
                   FROM indicator i WHERE i.project_id = p.id), ''),
         COALESCE((SELECT group_concat(s.heading || char(10) || s.body, char(10))
                   FROM narrative_section s WHERE s.project_id = p.id), '')
  FROM project p;
)SQL";

// v4: each project's JSON stored apart, so that a project is read without parsing its whole
// declaration (the project page). Documents stored from v4 on keep their declaration JSON without
// projects (`projects_apart` = 1) and one project_json row per project, in the declaration's
// order (project id order); older documents keep the whole declaration and no project_json rows.
const char* kProjectJson = R"SQL(
CREATE TABLE project_json (
  project_id   INTEGER PRIMARY KEY REFERENCES project(id),
  compression  TEXT    NOT NULL,
  json         BLOB    NOT NULL
);
ALTER TABLE document_json ADD COLUMN projects_apart INTEGER NOT NULL DEFAULT 0;
)SQL";

// v5: the projects published twice, kept as roll-ups so that a summary does not read the
// repeats. `duplicate_head`: one row per project that has current repeats (the counted
// publication; its year and total copied from project, which never change), with the number of
// its current repeats — the index orders the summary's "largest duplicates" listing, so it reads
// `limit` rows. `rollup_repeats`: per year, the current repeats and the heads with repeats (`heads`). A
// repeat has its head's year (the year is part of the duplicate key), so per-year counts of
// repeats and of heads agree with counting the repeats themselves.
const char* kRepeats = R"SQL(
CREATE TABLE duplicate_head (
  project_id  INTEGER PRIMARY KEY REFERENCES project(id),
  year        INTEGER NOT NULL,
  total_fen   INTEGER,
  repeats     INTEGER NOT NULL
);
CREATE INDEX duplicate_head_total ON duplicate_head(total_fen DESC, project_id);
CREATE INDEX duplicate_head_year_total ON duplicate_head(year, total_fen DESC, project_id);
INSERT INTO duplicate_head
  SELECT h.id, COALESCE(h.year, 0), h.total_fen, r.n
  FROM (SELECT duplicate_of, COUNT(*) AS n FROM project
        WHERE duplicate_of IS NOT NULL AND is_current = 1 GROUP BY duplicate_of) r
  JOIN project h ON h.id = r.duplicate_of;

CREATE TABLE rollup_repeats (
  year     INTEGER PRIMARY KEY,
  repeats  INTEGER NOT NULL,
  heads    INTEGER NOT NULL
);
INSERT INTO rollup_repeats SELECT year, SUM(repeats), COUNT(*) FROM duplicate_head GROUP BY year;
)SQL";

// v6: an all-years row (year -1) per key of the dimensions department, implementer and category,
// kept by the same upserts as the per-year rows, so that a listing over all years reads one row
// per key instead of grouping a row per year. A document has one year, so the all-years row of a
// key is the sum of its per-year rows (documents included).
const char* kAllYears = R"SQL(
INSERT INTO rollup_dim
  SELECT dimension, -1, key, SUM(documents), SUM(projects), SUM(projects_without_total), SUM(total_fen),
         SUM(fiscal_fen), SUM(annual_total_fen), SUM(indicators), SUM(findings_error),
         SUM(findings_warning), SUM(findings_advice)
  FROM rollup_dim WHERE dimension IN ('department', 'implementer', 'category') AND year >= 0
  GROUP BY dimension, key;
)SQL";

// v7: the name and goal texts indexed again apart (search_head_fts), for the ranked search's name
// and goal tiers. A column filter on search_fts ("{name} : 满意度") walks every row holding the
// words in any field — 满意度 is in nearly every indicator table — to find the few that hold them
// in the name; in a table of the name and goal alone the walk is as long as their own matches.
// search_fts keeps all four fields: the "anywhere" tier matches words spread over several fields.
// (An indicator-only table was tried and not kept: the words that are slow there, such as
// 信息系统运行, are common in the indicators themselves.)
const char* kHeadSearch = R"SQL(
CREATE VIRTUAL TABLE search_head_fts USING fts5(
  name, goal,
  content = '', columnsize = 0, tokenize = 'jixiao_cjk'
);
INSERT INTO search_head_fts (rowid, name, goal)
  SELECT id, name, overall_goal || char(10) || annual_goal FROM project;
)SQL";

// v8: rollup_dim clustered by its key (WITHOUT ROWID). A listing reads the rows of one dimension
// and year; in the rowid table they lay scattered in insertion order, one page read per row
// (23,000 rows for the implementers of one year at 1,000,000 projects).
const char* kRollupDimClustered = R"SQL(
CREATE TABLE rollup_dim_clustered (
  dimension               TEXT    NOT NULL,
  year                    INTEGER NOT NULL,
  key                     TEXT    NOT NULL,
  documents               INTEGER NOT NULL,
  projects                INTEGER NOT NULL,
  projects_without_total  INTEGER NOT NULL,
  total_fen               INTEGER NOT NULL,
  fiscal_fen              INTEGER NOT NULL,
  annual_total_fen        INTEGER NOT NULL,
  indicators              INTEGER NOT NULL,
  findings_error          INTEGER NOT NULL,
  findings_warning        INTEGER NOT NULL,
  findings_advice         INTEGER NOT NULL,
  PRIMARY KEY (dimension, year, key)
) WITHOUT ROWID;
INSERT INTO rollup_dim_clustered
  SELECT dimension, year, key, documents, projects, projects_without_total, total_fen, fiscal_fen,
         annual_total_fen, indicators, findings_error, findings_warning, findings_advice
  FROM rollup_dim;
DROP TABLE rollup_dim;
ALTER TABLE rollup_dim_clustered RENAME TO rollup_dim;
)SQL";

// v9: both search indexes rebuilt with trigrams (cjk_tokenizer.h): a long query became the
// phrase of its bigrams, and bigrams such as 信息 or 系统 are in most projects, so FTS5 decoded
// most of the index to answer 信息系统运行 (141 ms at 1,000,000 projects). The tables are only
// recreated here; filling them reads every project's texts, too much for one transaction at scale
// (a one-transaction refill of 1,000,000 projects ran for more than 13 minutes at 3.7 GB RSS), so
// `search_reindex` records the projects still to index and refill_search_index() indexes them in
// batches, one transaction each, resuming where it stopped.
const char* kTrigramSearch = R"SQL(
DROP TABLE search_fts;
DROP TABLE search_head_fts;
CREATE VIRTUAL TABLE search_fts USING fts5(
  name, goal, indicator, narrative,
  content = '', columnsize = 0, tokenize = 'jixiao_cjk trigram'
);
CREATE VIRTUAL TABLE search_head_fts USING fts5(
  name, goal,
  content = '', columnsize = 0, tokenize = 'jixiao_cjk trigram'
);
CREATE TABLE search_reindex (
  next_id  INTEGER NOT NULL,
  last_id  INTEGER NOT NULL
);
INSERT INTO search_reindex SELECT MIN(id), MAX(id) FROM project HAVING COUNT(*) > 0;
)SQL";

// One batch of refill_search_index(): the projects with ids in [?1, ?2), as schema v3 and v7
// indexed them.
const char* kRefillSearch = R"SQL(
INSERT INTO search_fts (rowid, name, goal, indicator, narrative)
  SELECT p.id, p.name, p.overall_goal || char(10) || p.annual_goal,
         COALESCE((SELECT group_concat(i.name || '：' || i.value, char(10))
                   FROM indicator i WHERE i.project_id = p.id), ''),
         COALESCE((SELECT group_concat(s.heading || char(10) || s.body, char(10))
                   FROM narrative_section s WHERE s.project_id = p.id), '')
  FROM project p WHERE p.id >= ?1 AND p.id < ?2
)SQL";
const char* kRefillHeadSearch = R"SQL(
INSERT INTO search_head_fts (rowid, name, goal)
  SELECT id, name, overall_goal || char(10) || annual_goal FROM project WHERE id >= ?1 AND id < ?2
)SQL";

}  // namespace

const std::vector<Migration>& sqlite_migrations() {
  static const std::vector<Migration> migrations = {
      {1, "documents, sources, projects, indicators, line items, narrative, findings", kCoreTables},
      {2, "summary rollups (per document and per dimension)", kRollup},
      {3, "full-text search index (unigram + bigram CJK tokenizer)", kSearch},
      {4, "each project's JSON stored apart from its declaration", kProjectJson},
      {5, "projects published twice kept as roll-ups (duplicate_head, rollup_repeats)", kRepeats},
      {6, "an all-years summary row per department, implementer and category (rollup_dim year -1)", kAllYears},
      {7, "search index of the name and goal alone (the search's name and goal tiers)", kHeadSearch},
      {8, "rollup_dim clustered by (dimension, year, key) (WITHOUT ROWID)", kRollupDimClustered},
      {9, "search indexes rebuilt with trigrams (filled in batches by refill_search_index)", kTrigramSearch},
  };
  return migrations;
}

int latest_schema_version() { return sqlite_migrations().back().version; }

Result<int> read_schema_version(SqliteDb& db) {
  auto exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'");
  if (!exists) return exists.error();
  auto row = exists->step();
  if (!row) return row.error();
  if (!*row) return 0;
  auto stmt = db.prepare("SELECT COALESCE(MAX(version), 0) FROM schema_version");
  if (!stmt) return stmt.error();
  auto has = stmt->step();
  if (!has) return has.error();
  return stmt->int32(0);
}

Status migrate(SqliteDb& db, int target) {
  if (target < 0) target = latest_schema_version();
  if (auto s = db.exec("CREATE TABLE IF NOT EXISTS schema_version ("
                       " version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)");
      !s) {
    return s;
  }
  for (const Migration& m : sqlite_migrations()) {
    if (m.version > target) break;
    auto tx = SqliteTransaction::begin(db);
    if (!tx) return tx.error();
    // Read inside the transaction: another process may have migrated meanwhile.
    auto current = read_schema_version(db);
    if (!current) return current.error();
    if (*current > latest_schema_version()) {
      return Error{db.path(), 0, "",
                   "数据库结构版本 " + std::to_string(*current) + " 比本程序支持的 " +
                       std::to_string(latest_schema_version()) + " 新，请升级 jixiao"};
    }
    if (*current >= m.version) continue;
    if (*current != m.version - 1) {
      return Error{db.path(), 0, "", "数据库结构版本 " + std::to_string(*current) + " 无法迁移到 " +
                                          std::to_string(m.version)};
    }
    if (auto s = db.exec(m.sql); !s) {
      return Error{db.path(), 0, "", "迁移 " + std::to_string(m.version) + " 失败: " + s.error().message};
    }
    auto record = db.prepare(
        "INSERT INTO schema_version (version, description, applied_at) "
        "VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
    if (!record) return record.error();
    if (auto s = record->bind(1, m.version).bind(2, m.description).run(); !s) return s;
    if (auto s = tx->commit(); !s) return s;
  }
  return ok_status();
}

Result<bool> search_reindex_pending(SqliteDb& db) {
  auto stmt = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_reindex'");
  if (!stmt) return stmt.error();
  return stmt->step();
}

Status refill_search_index(SqliteDb& db, std::int64_t batch_projects, const OpenProgress& progress) {
  if (batch_projects < 1) batch_projects = 1;
  while (true) {
    auto tx = SqliteTransaction::begin(db);
    if (!tx) return tx.error();
    // Read inside the transaction: another process may be refilling too.
    auto pending = search_reindex_pending(db);
    if (!pending) return pending.error();
    if (!*pending) return ok_status();
    auto range = db.prepare("SELECT next_id, last_id, (SELECT MIN(id) FROM project) FROM search_reindex");
    if (!range) return range.error();
    auto row = range->step();
    if (!row) return row.error();
    const bool any = *row;
    const std::int64_t next = any ? range->int64(0) : 0, last = any ? range->int64(1) : -1;
    const std::int64_t first = any ? range->opt_int64(2).value_or(next) : 0;
    range->reset();
    if (next > last) {
      if (auto s = db.exec("DROP TABLE search_reindex"); !s) return s;
      return tx->commit();
    }
    const std::int64_t end = std::min(last + 1, next + batch_projects);
    for (const char* sql : {kRefillSearch, kRefillHeadSearch}) {
      auto fill = db.prepare(sql);
      if (!fill) return fill.error();
      if (auto s = fill->bind(1, next).bind(2, end).run(); !s) {
        return Error{db.path(), 0, "", "重建全文检索索引失败: " + s.error().message};
      }
    }
    auto advance = db.prepare("UPDATE search_reindex SET next_id = ?");
    if (!advance) return advance.error();
    if (auto s = advance->bind(1, end).run(); !s) return s;
    if (auto s = tx->commit(); !s) return s;
    if (progress) progress(end - first, last + 1 - first);
  }
}

}  // namespace jixiao::store
