// Workspace::history: one project followed across years (历年对比), linked year by year with
// history_match.h and laid out side by side.
#include <algorithm>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "ingest/normalize.h"
#include "model/json_io.h"
#include "service/history_match.h"
#include "service/workspace_impl.h"
#include "store/cjk_tokenizer.h"
#include "store/keys.h"

namespace jixiao {

namespace {

constexpr int kCandidatesPerKey = 300;
constexpr int kMaxSeeds = 50;
constexpr std::size_t kFragmentUnits = 3;

class ChainBuilder {
 public:
  ChainBuilder(store::Store& s, std::vector<int> years) : store_(s), years_(std::move(years)) {}

  Result<ProjectHistory> build(const ProjectInfo& seed) {
    std::map<int, HistoryEntry> by_year;
    const int seed_year = seed.year.value_or(0);
    by_year[seed_year] = HistoryEntry{seed, std::nullopt};
    used_.insert(seed.id);
    // Backwards, then forwards from the seed; a year without a match is skipped (gaps allowed)
    // and the search goes on from the last linked project.
    for (int direction : {-1, +1}) {
      ProjectInfo anchor = seed;
      std::vector<int> ys;
      for (int y : years_) {
        if ((direction < 0 && y < seed_year) || (direction > 0 && y > seed_year)) ys.push_back(y);
      }
      if (direction < 0) std::reverse(ys.begin(), ys.end());
      for (int y : ys) {
        auto found = best_match(anchor, y);
        if (!found) return found.error();
        if (!*found) continue;
        auto& [project, score] = **found;
        used_.insert(project.id);
        // The link always reads from the older to the newer project.
        if (direction < 0) {
          by_year[anchor.year.value_or(0)].link = score.link;
          by_year[y] = HistoryEntry{project, std::nullopt};
        } else {
          by_year[y] = HistoryEntry{project, score.link};
        }
        anchor = project;
      }
    }
    ProjectHistory h;
    for (auto& [year, entry] : by_year) h.entries.push_back(std::move(entry));
    if (auto s = fill_rows(h); !s) return s.error();
    return h;
  }

  bool used(std::int64_t id) const { return used_.count(id) > 0; }

 private:
  using Match = std::pair<ProjectInfo, MatchScore>;

  Result<store::ProjectFeatures> features(std::int64_t id) {
    if (auto it = features_.find(id); it != features_.end()) return it->second;
    auto f = store_.features(id);
    if (!f) return f.error();
    features_[id] = *f;
    return *f;
  }

  // Candidates in `year`: same name, implementer or department, or a name sharing a run of
  // kFragmentUnits characters with this one (renamed and moved in the same year).
  Result<std::vector<ProjectInfo>> related(const ProjectInfo& p, int year) {
    const std::string key = store::name_key(p.name);
    auto out = store_.related_projects(year, key, store::unit_key(p.implementer), store::unit_key(p.department),
                                       kCandidatesPerKey);
    if (!out) return out.error();
    auto fragments = store_.projects_by_name_fragments(year, name_fragments(key), kCandidatesPerKey);
    if (!fragments) return fragments.error();
    for (auto& c : *fragments) {
      bool seen = false;
      for (const auto& o : *out) seen = seen || o.id == c.id;
      if (!seen) out->push_back(std::move(c));
    }
    return out;
  }

  int stored_years_between(int a, int b) const {
    if (a > b) std::swap(a, b);
    int n = 0;
    for (int y : years_) n += (y > a && y < b) ? 1 : 0;
    return n;
  }

  static std::vector<std::string> name_fragments(const std::string& key) {
    auto units = store::scan_units(key);
    std::vector<std::string> fragments;
    if (units.size() <= kFragmentUnits) {
      if (!key.empty()) fragments.push_back(key);
      return fragments;
    }
    for (std::size_t i = 0; i + kFragmentUnits <= units.size(); ++i) {
      std::string f;
      for (std::size_t k = 0; k < kFragmentUnits; ++k) f += units[i + k].token;
      fragments.push_back(std::move(f));
    }
    return fragments;
  }

  // The best acceptable match of `anchor` in `year`, if that match's own best in the anchor's
  // year is the anchor (mutual best: a sibling project never steals the link).
  Result<std::optional<Match>> best_match(const ProjectInfo& anchor, int year) {
    auto best = best_in_year(anchor, year, 0);
    if (!best) return best.error();
    if (!*best) return std::optional<Match>();
    auto back = best_in_year((*best)->first, anchor.year.value_or(0), anchor.id);
    if (!back) return back.error();
    if (!*back || (*back)->first.id != anchor.id) return std::optional<Match>();
    return *best;
  }

  // Projects already linked into a chain are not candidates, except `allowed` (the anchor, when
  // checking that the match is mutual).
  Result<std::optional<Match>> best_in_year(const ProjectInfo& from, int year, std::int64_t allowed) {
    auto candidates = related(from, year);
    if (!candidates) return candidates.error();
    auto from_features = features(from.id);
    if (!from_features) return from_features.error();
    std::optional<Match> best;
    for (const ProjectInfo& c : *candidates) {
      if (c.id == from.id || (used_.count(c.id) && c.id != allowed) || !may_match(from, c)) continue;
      auto cf = features(c.id);
      if (!cf) return cf.error();
      MatchSide a{from, *from_features}, b{c, *cf};
      bool from_is_older = from.year.value_or(0) < year;
      const bool gap = stored_years_between(from.year.value_or(0), year) > 0;
      MatchScore m = from_is_older ? score_match(a, b, {}, gap) : score_match(b, a, {}, gap);
      if (!m.acceptable) continue;
      if (!best || m.score > best->second.score) best = Match{c, m};
    }
    return best;
  }

  Status fill_rows(ProjectHistory& h) {
    std::vector<std::optional<Project>> models;
    for (const auto& e : h.entries) {
      auto json = store_.project_declaration_json(e.project.id);
      if (!json) return json.error();
      auto parsed = nlohmann::json::parse(*json, nullptr, false);
      std::optional<Project> model;
      if (!parsed.is_discarded()) {
        auto d = declaration_from_json(parsed);
        if (d) {
          for (auto& p : d->projects) {
            if (p.seq == e.project.seq) model = std::move(p);
          }
        }
      }
      models.push_back(std::move(model));
    }
    const std::size_t n = h.entries.size();
    auto add_row = [&](std::string group, std::string label, auto get) {
      HistoryRow row;
      row.group = std::move(group);
      row.label = std::move(label);
      for (std::size_t i = 0; i < n; ++i) row.values.push_back(models[i] ? get(*models[i]) : std::nullopt);
      std::set<std::string> distinct;
      bool missing = false;
      for (const auto& v : row.values) {
        if (v) distinct.insert(*v); else missing = true;
      }
      row.changed = distinct.size() > 1 || (missing && !distinct.empty());
      h.rows.push_back(std::move(row));
    };
    auto text = [](const Field<std::string>& f) { return f.value; };
    auto money = [](const Field<Money>& f) -> std::optional<std::string> {
      if (!f.value) return std::nullopt;
      return f.value->yuan_string();
    };
    auto date = [](const Field<Date>& f) -> std::optional<std::string> {
      if (!f.value) return std::nullopt;
      return f.value->iso();
    };
    add_row("基本信息", "项目名称", [&](const Project& p) { return text(p.name); });
    add_row("基本信息", "主管部门", [&](const Project& p) { return text(p.department); });
    add_row("基本信息", "实施单位", [&](const Project& p) { return text(p.implementer); });
    add_row("基本信息", "项目类别", [&](const Project& p) { return text(p.category); });
    add_row("资金（元）", "项目资金总额", [&](const Project& p) { return money(p.funds.total); });
    add_row("资金（元）", "其中：财政资金", [&](const Project& p) { return money(p.funds.fiscal); });
    add_row("资金（元）", "其他资金", [&](const Project& p) { return money(p.funds.other); });
    add_row("资金（元）", "年度资金申请总额", [&](const Project& p) { return money(p.funds.annual_total); });
    add_row("资金（元）", "其中：当年财政拨款", [&](const Project& p) { return money(p.funds.current_appropriation); });
    add_row("资金（元）", "上年结转资金", [&](const Project& p) { return money(p.funds.carryover); });
    add_row("资金（元）", "其他资金（年度）", [&](const Project& p) { return money(p.funds.annual_other); });
    add_row("日期", "计划开始日期", [&](const Project& p) { return date(p.start); });
    add_row("日期", "计划完成日期", [&](const Project& p) { return date(p.end); });
    // Indicators: one row per (一级指标, 三级指标 name), in order of first appearance.
    std::vector<std::pair<std::string, std::string>> keys;  // (l1, name_key)
    std::map<std::pair<std::string, std::string>, std::string> labels;
    for (const auto& m : models) {
      if (!m) continue;
      for (const Indicator& i : m->indicators) {
        auto key = std::make_pair(i.l1, store::name_key(i.name));
        if (!labels.count(key)) keys.push_back(key);
        labels[key] = i.name;  // the newest wording
      }
    }
    for (const auto& key : keys) {
      add_row(key.first.empty() ? "指标" : key.first, labels[key], [&](const Project& p) -> std::optional<std::string> {
        for (const Indicator& i : p.indicators) {
          if (i.l1 == key.first && store::name_key(i.name) == key.second) return i.value;
        }
        return std::nullopt;
      });
    }
    return ok_status();
  }

  store::Store& store_;
  std::vector<int> years_;
  std::set<std::int64_t> used_;
  std::map<std::int64_t, store::ProjectFeatures> features_;
};

}  // namespace

Result<History> Workspace::history(std::string_view query) {
  History out;
  out.query = std::string(query);
  auto s = impl_->reader();
  if (!s) return s.error();
  store::Store& st = **s;

  std::string trimmed = normalize_line(query);
  std::vector<ProjectInfo> seeds;
  const bool numeric = !trimmed.empty() && std::all_of(trimmed.begin(), trimmed.end(),
                                                       [](char c) { return c >= '0' && c <= '9'; });
  if (numeric) {
    auto p = st.project_info(std::stoll(trimmed));
    if (!p) return p.error();
    if (p->duplicate_of) {  // follow the counted publication of the project
      auto root = st.project_info(*p->duplicate_of);
      if (!root) return root.error();
      p = std::move(root);
    }
    seeds.push_back(*p);
  } else {
    auto exact = st.projects_by_name_key(store::name_key(trimmed), kMaxSeeds);
    if (!exact) return exact.error();
    seeds = std::move(*exact);
    if (seeds.empty()) {
      auto partial = st.projects_by_name_text(store::query_segments(trimmed), kMaxSeeds);
      if (!partial) return partial.error();
      seeds = std::move(*partial);
    }
  }
  if (seeds.empty()) return out;

  auto years = st.years();
  if (!years) return years.error();
  ChainBuilder builder(st, *years);
  for (const ProjectInfo& seed : seeds) {
    if (builder.used(seed.id)) continue;
    auto chain = builder.build(seed);
    if (!chain) return chain.error();
    out.chains.push_back(std::move(*chain));
  }
  std::stable_sort(out.chains.begin(), out.chains.end(), [](const ProjectHistory& a, const ProjectHistory& b) {
    return a.entries.size() > b.entries.size();
  });
  return out;
}

}  // namespace jixiao
