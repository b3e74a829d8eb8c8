// SQLite store: full-text search over the jixiao_cjk FTS5 index (cjk_tokenizer.h).
//
// Ranking without bm25: FTS5's bm25() counts every row of every phrase to weigh it, which costs
// seconds for a word found in a million projects. Instead the index is asked, per field, for the
// newest `kTierCap` projects matching there (rowid order, so FTS5 stops early), and a project
// scores by where it matches: name 8, goal 4, indicator 2, anywhere 1; ties go to the newer.
// The name and goal tiers ask search_head_fts (those two texts alone, schema v7), so that a word
// common elsewhere but rare in names is not looked for through every row that holds it; the
// anywhere and indicator tiers share one walk of search_fts, which tells for each matching row
// whether the words are in its indicators (jixiao_columns, cjk_tokenizer.h), and the indicator
// tier, when it needs more, goes on from where the anywhere tier stopped.
#include <algorithm>
#include <map>

#include "store/search_text.h"
#include "store/sqlite_store.h"

namespace jixiao::store {

namespace {

constexpr int kTierCap = 1000;

struct Tier {
  const char* field;  // "" for all fields
  double weight;
};
constexpr const char* kHeadFields = "search_head_fts";
constexpr Tier kAnywhere = {"", 1}, kName = {"name", 8}, kGoal = {"goal", 4}, kIndicator = {"indicator", 2};
constexpr int kIndicatorColumn = 2;  // search_fts (name, goal, indicator, narrative)

std::string match_expression(const std::vector<std::string>& segments, std::string_view field) {
  std::string all;
  for (const std::string& s : segments) {
    if (!all.empty()) all += " AND ";
    all += "\"" + s + "\"";  // segments hold only letters, digits, '.' and CJK: no quote to escape
  }
  if (field.empty()) return all;
  return "{" + std::string(field) + "} : (" + all + ")";
}

}  // namespace

Result<std::vector<std::int64_t>> SqliteStore::fts_ids(const char* table, const std::string& match, int cap) {
  const std::string t(table);
  auto stmt = statement("SELECT f.rowid FROM " + t + " f JOIN project p ON p.id = f.rowid WHERE " + t +
                        " MATCH ?1 AND p.counted = 1 ORDER BY f.rowid DESC LIMIT ?2");
  if (!stmt) return stmt.error();
  (*stmt)->bind(1, match).bind(2, cap);
  std::vector<std::int64_t> ids;
  while (true) {
    auto row = (*stmt)->step();
    if (!row) return row.error();
    if (!*row) break;
    ids.push_back((*stmt)->int64(0));
  }
  return ids;
}

Result<std::pair<std::vector<std::int64_t>, std::vector<std::int64_t>>> SqliteStore::anywhere_and_indicator_ids(
    const std::vector<std::string>& segments, int cap) {
  std::pair<std::vector<std::int64_t>, std::vector<std::int64_t>> ids;
  auto& [anywhere, indicator] = ids;
  const auto wanted = static_cast<std::size_t>(std::max(cap, 0));
  std::int64_t last = 0;  // the oldest project the walk looked at
  {
    auto stmt = statement(
        "SELECT search_fts.rowid, jixiao_columns(search_fts) FROM search_fts JOIN project p ON p.id = search_fts.rowid"
        " WHERE search_fts MATCH ?1 AND p.counted = 1 ORDER BY search_fts.rowid DESC");
    if (!stmt) return stmt.error();
    (*stmt)->bind(1, match_expression(segments, ""));
    while (anywhere.size() < wanted) {
      auto row = (*stmt)->step();
      if (!row) return row.error();
      if (!*row) return ids;  // every match seen: the indicator tier is complete too
      last = (*stmt)->int64(0);
      anywhere.push_back(last);
      if (indicator.size() < wanted && ((*stmt)->int64(1) >> kIndicatorColumn & 1)) indicator.push_back(last);
    }
  }
  if (indicator.size() >= wanted) return ids;
  // The indicator tier goes on below the walk, inside FTS5 (a column filter skips the rows that
  // match elsewhere without handing them to SQL).
  auto stmt = statement(
      "SELECT f.rowid FROM search_fts f JOIN project p ON p.id = f.rowid WHERE search_fts MATCH ?1"
      " AND f.rowid < ?2 AND p.counted = 1 ORDER BY f.rowid DESC LIMIT ?3");
  if (!stmt) return stmt.error();
  (*stmt)->bind(1, match_expression(segments, kIndicator.field)).bind(2, last);
  (*stmt)->bind(3, static_cast<std::int64_t>(wanted - indicator.size()));
  while (true) {
    auto row = (*stmt)->step();
    if (!row) return row.error();
    if (!*row) break;
    indicator.push_back((*stmt)->int64(0));
  }
  return ids;
}

Result<std::vector<SnippetPart>> SqliteStore::snippet_for(std::int64_t project_id, const std::string& field,
                                                          const std::vector<std::string>& segments) {
  std::string text;
  if (field == "name" || field == "goal") {
    auto stmt = statement("SELECT name, overall_goal, annual_goal FROM project WHERE id = ?");
    if (!stmt) return stmt.error();
    (*stmt)->bind(1, project_id);
    auto row = (*stmt)->step();
    if (!row) return row.error();
    if (*row) text = field == "name" ? (*stmt)->text(0) : (*stmt)->text(1) + "\n" + (*stmt)->text(2);
  } else if (field == "indicator") {
    auto stmt = statement("SELECT name, value FROM indicator WHERE project_id = ? ORDER BY ord");
    if (!stmt) return stmt.error();
    (*stmt)->bind(1, project_id);
    while (true) {
      auto row = (*stmt)->step();
      if (!row) return row.error();
      if (!*row) break;
      if (!text.empty()) text += "\n";
      text += (*stmt)->text(0) + "：" + (*stmt)->text(1);
    }
  } else {
    auto stmt = statement("SELECT heading, body FROM narrative_section WHERE project_id = ? ORDER BY ord");
    if (!stmt) return stmt.error();
    (*stmt)->bind(1, project_id);
    while (true) {
      auto row = (*stmt)->step();
      if (!row) return row.error();
      if (!*row) break;
      if (!text.empty()) text += "\n";
      text += (*stmt)->text(0) + "\n" + (*stmt)->text(1);
    }
  }
  return make_snippet(text, segments);
}

Result<SearchResult> SqliteStore::search(const std::vector<std::string>& segments, int limit, int offset) {
  SearchResult out;
  if (segments.empty()) return out;
  struct Scored {
    double score = 0;
    std::string best_field;
    double best_weight = 0;
  };
  std::map<std::int64_t, Scored> scored;
  auto add_tier = [&](const Tier& tier, const std::vector<std::int64_t>& ids) {
    if (static_cast<int>(ids.size()) >= kTierCap) out.total_is_lower_bound = true;
    for (std::int64_t id : ids) {
      Scored& s = scored[id];
      s.score += tier.weight;
      if (tier.weight > s.best_weight) {
        s.best_weight = tier.weight;
        s.best_field = tier.field;
      }
    }
  };
  // The anywhere and indicator tiers: one walk of search_fts (the indicator matches are among the
  // anywhere matches), instead of a second walk from the newest row for the indicator tier.
  auto walked = anywhere_and_indicator_ids(segments, kTierCap);
  if (!walked) return walked.error();
  add_tier(kAnywhere, walked->first);
  add_tier(kIndicator, walked->second);
  for (const Tier& tier : {kName, kGoal}) {
    auto ids = fts_ids(kHeadFields, match_expression(segments, tier.field), kTierCap);
    if (!ids) return ids.error();
    add_tier(tier, *ids);
  }
  out.total = static_cast<int>(scored.size());
  std::vector<std::pair<std::int64_t, Scored>> ranked(scored.begin(), scored.end());
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    if (a.second.score != b.second.score) return a.second.score > b.second.score;
    return a.first > b.first;
  });
  const std::size_t begin = static_cast<std::size_t>(std::max(offset, 0));
  const std::size_t end = std::min(ranked.size(), begin + static_cast<std::size_t>(std::max(limit, 0)));
  for (std::size_t i = begin; i < end; ++i) {
    const auto& [id, s] = ranked[i];
    auto info = project_info(id);
    if (!info) return info.error();
    SearchHit hit;
    hit.project_id = id;
    hit.document_id = info->document_id;
    hit.year = info->year;
    hit.name = info->name;
    hit.implementer = info->implementer;
    hit.department = info->department;
    hit.score = s.score;
    // A match spread over several fields: show the first field that holds a segment.
    std::vector<std::string> fields = {"name", "goal", "indicator", "narrative"};
    if (!s.best_field.empty()) fields.insert(fields.begin(), s.best_field);
    for (const std::string& field : fields) {
      auto snippet = snippet_for(id, field, segments);
      if (!snippet) return snippet.error();
      if (!snippet->empty()) {
        hit.field = field;
        hit.snippet = std::move(*snippet);
        break;
      }
    }
    out.hits.push_back(std::move(hit));
  }
  return out;
}

Result<std::vector<ProjectInfo>> SqliteStore::projects_by_name_text(const std::vector<std::string>& segments,
                                                                    int limit) {
  if (segments.empty()) return std::vector<ProjectInfo>();
  auto ids = fts_ids(kHeadFields, match_expression(segments, "name"), limit);
  if (!ids) return ids.error();
  std::vector<ProjectInfo> out;
  for (std::int64_t id : *ids) {
    auto info = project_info(id);
    if (!info) return info.error();
    out.push_back(std::move(*info));
  }
  return out;
}

Result<std::vector<ProjectInfo>> SqliteStore::projects_by_name_fragments(int year,
                                                                         const std::vector<std::string>& fragments,
                                                                         int limit) {
  if (fragments.empty()) return std::vector<ProjectInfo>();
  std::string match = "{name} : (";
  for (std::size_t i = 0; i < fragments.size(); ++i) {
    if (i > 0) match += " OR ";
    match += "\"" + fragments[i] + "\"";
  }
  match += ")";
  std::vector<std::int64_t> ids;
  {
    auto stmt = statement(
        "SELECT f.rowid FROM search_head_fts f JOIN project p ON p.id = f.rowid"
        " WHERE search_head_fts MATCH ?1 AND p.counted = 1 AND p.year = ?2 ORDER BY f.rowid DESC LIMIT ?3");
    if (!stmt) return stmt.error();
    (*stmt)->bind(1, match).bind(2, year).bind(3, limit);
    while (true) {
      auto row = (*stmt)->step();
      if (!row) return row.error();
      if (!*row) break;
      ids.push_back((*stmt)->int64(0));
    }
  }
  std::vector<ProjectInfo> out;
  for (std::int64_t id : ids) {
    auto info = project_info(id);
    if (!info) return info.error();
    out.push_back(std::move(*info));
  }
  return out;
}

}  // namespace jixiao::store
