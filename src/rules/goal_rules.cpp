// CONS-* (goals and topics): 项目总目标 / 年度总体目标 and indicators against the narrative of
// their own project and of the other projects in the same document, by character-bigram
// similarity (no keyword lists).
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "rules/budget_view.h"
#include "rules/families.h"
#include "rules/similarity.h"
#include "rules/text_util.h"

namespace jixiao::rules {
namespace {

constexpr RuleInfo kCons003{
    "CONS-003", Severity::kWarning, "跨年度项目的年度目标照抄总目标",
    "multi-year project whose annual goal repeats the overall goal",
    "长期目标与年度目标混淆（docs/domain-rules §4）；一体化规范区分总体目标与年度目标",
    "When the plan spans several calendar years, 年度总体目标 should state this year's part; a "
    "bigram Dice similarity ≥ 0.95 with 项目总目标 is reported. Single-year projects may repeat."};
constexpr RuleInfo kCons006{
    "CONS-006", Severity::kWarning, "绩效目标内容属于文件中另一项目",
    "a goal clause belongs to another project of the document",
    "88号“相关性”：目标应与项目实际工作内容相关",
    "Splits 项目总目标 and 年度总体目标 into clauses (。；) of at least 12 characters. A clause "
    "whose bigrams occur at least 90% in another project's narrative but at most 35% in its own "
    "project's narrative is reported with that project."};
constexpr RuleInfo kCons007{
    "CONS-007", Severity::kWarning, "指标照搬另一项目",
    "an indicator copied from another project of the document",
    "88号“相关性”：指标应与项目内容相关；同类项目指标不一致或照搬（docs/domain-rules §4）",
    "An indicator identical (name and value) to one of another project of the document, whose "
    "words (name and qualitative value) occur in that project's narrative (bigram containment ≥ "
    "0.3, and at least 0.15 more) but hardly in its own (≤ 0.25). Reported when two or more rows "
    "come from the same project, or one row of at least 16 bigrams; one finding per pair of "
    "projects lists the indicators."};
constexpr RuleInfo kCons008{
    "CONS-008", Severity::kWarning, "主要子项目未体现在绩效目标和指标中",
    "a major sub-project is absent from goals and indicators",
    "88号“相关性”“适当性”：目标应与资金相匹配，覆盖主要支出内容",
    "Sub-projects with a budget — from the parsed （一）（二）… or from “包括N个子项目，分别为…” paired "
    "with the N amounts the budget section lists — taking at least 30% of the project's budget "
    "must show in the goals or indicators: the sub-project's name (without generic words such as "
    "项目, 服务, 费) must occur there with bigram containment of at least 0.5. Silent when neither goal "
    "could be read."};

std::string goals_text(const Project& p) {
  std::string t;
  if (p.overall_goal.value) t += *p.overall_goal.value;
  if (p.annual_goal.value) t += "\n" + *p.annual_goal.value;
  return t;
}

void check_cons003(const ReviewContext& ctx, const ProjectView& v, Reporter& r) {
  const Project& p = *v.project;
  if (!p.start.value || !p.end.value || p.end.value->year <= p.start.value->year) return;
  if (!p.overall_goal.value || !p.annual_goal.value) return;
  if (is_blank(*p.overall_goal.value)) return;
  double sim = text_similarity(*p.overall_goal.value, *p.annual_goal.value);
  if (sim < ctx.options->annual_goal_copy_similarity) return;
  Finding& f = r.report(fmt::format("项目计划 {} 至 {} 跨年度实施，年度总体目标却与项目总目标相同", 
                                    p.start.value->iso(), p.end.value->iso()));
  f.field = "annual_goal";
  f.evidence = {evidence("计划开始日期", p.start.value->iso()), evidence("计划完成日期", p.end.value->iso())};
  f.comparison = fmt::format("二元组相似度 {:.2f} ≥ {:.2f}", sim, ctx.options->annual_goal_copy_similarity);
  add_span(f, p.annual_goal.span);
  add_span(f, p.overall_goal.span);
}

std::vector<std::string> clauses(const std::string& text) {
  std::vector<std::string> out;
  std::u32string cur;
  for (char32_t c : compact_u32(text)) {
    if (c == U'。' || c == U'；' || c == U';' || c == U'！' || c == U'？') {
      if (!cur.empty()) out.push_back(to_utf8(cur));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(to_utf8(cur));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

struct Narratives {
  std::vector<const BigramSet*> sets;  // per project, empty when it has no narrative
};

Narratives narratives(const ReviewContext& ctx) {
  Narratives n;
  for (const auto& v : ctx.projects) n.sets.push_back(&v.narrative_bigrams);
  return n;
}

void check_cons006(const ReviewContext& ctx, Reporter& r) {
  const ReviewOptions& o = *ctx.options;
  if (ctx.projects.size() < 2) return;
  Narratives n = narratives(ctx);
  for (std::size_t pi = 0; pi < ctx.projects.size(); ++pi) {
    const ProjectView& v = ctx.projects[pi];
    const Project& p = *v.project;
    if (!p.has_form || n.sets[pi]->empty()) continue;
    std::map<std::size_t, std::vector<std::pair<std::string, std::pair<double, double>>>> by_other;
    for (const std::string& c : clauses(goals_text(p))) {
      if (static_cast<int>(char_count(c)) < o.copied_min_clause_chars) continue;
      BigramSet cs = BigramSet::of(c);
      double own = containment(cs, *n.sets[pi]);
      if (own > o.copied_max_own_containment) continue;
      std::size_t best = pi;
      double best_share = o.copied_min_containment;
      for (std::size_t qi = 0; qi < ctx.projects.size(); ++qi) {
        if (qi == pi || n.sets[qi]->empty()) continue;
        double share = containment(cs, *n.sets[qi]);
        if (share >= best_share) {
          best_share = share;
          best = qi;
        }
      }
      if (best != pi) by_other[best].push_back({c, {own, best_share}});
    }
    for (const auto& [qi, found] : by_other) {
      const ProjectView& q = ctx.projects[qi];
      Finding& f = r.report(fmt::format("绩效目标中“{}”与本项目说明无关，却出自项目{}“{}”的说明",
                                        found.front().first, q.project->seq, q.display_name), v);
      f.field = "annual_goal";
      for (const auto& [clause, shares] : found) {
        f.evidence.push_back(evidence("目标语句", clause));
        f.evidence.push_back(evidence("见于本项目说明的比例", fmt::format("{:.2f}", shares.first)));
        f.evidence.push_back(evidence(fmt::format("见于项目{}说明的比例", q.project->seq),
                                      fmt::format("{:.2f}", shares.second)));
      }
      f.comparison = fmt::format("字符二元组包含度：本项目 ≤ {:.2f}，项目{} ≥ {:.2f}", o.copied_max_own_containment,
                                 q.project->seq, o.copied_min_containment);
      add_span(f, p.overall_goal.span);
      add_span(f, p.annual_goal.span);
      add_span(f, q.project->span);
    }
  }
}

std::string indicator_key(const IndicatorLabels& l) { return l.name + "|" + l.value; }

void check_cons007(const ReviewContext& ctx, Reporter& r) {
  const ReviewOptions& o = *ctx.options;
  if (ctx.projects.size() < 2) return;
  Narratives n = narratives(ctx);
  std::map<std::string, std::vector<std::size_t>> owners;  // indicator key → projects
  for (std::size_t pi = 0; pi < ctx.projects.size(); ++pi)
    for (const IndicatorLabels& l : ctx.projects[pi].indicators) {
      auto& list = owners[indicator_key(l)];
      if (list.empty() || list.back() != pi) list.push_back(pi);
    }
  for (std::size_t pi = 0; pi < ctx.projects.size(); ++pi) {
    const ProjectView& v = ctx.projects[pi];
    if (n.sets[pi]->empty()) continue;
    struct Copied {
      const Indicator* indicator;
      double own, other;
    };
    std::map<std::size_t, std::vector<Copied>> by_other;
    for (std::size_t k = 0; k < v.project->indicators.size(); ++k) {
      const Indicator& i = v.project->indicators[k];
      const auto& list = owners[indicator_key(v.indicators[k])];
      if (list.size() < 2) continue;
      BigramSet words = BigramSet::of(i.name + i.target.text);
      if (words.size() < 4) continue;
      double own = containment(words, *n.sets[pi]);
      if (own > o.copied_indicator_max_own) continue;
      std::size_t best = pi;
      double best_share = o.copied_indicator_min_other;
      for (std::size_t qi : list) {
        if (qi == pi || n.sets[qi]->empty()) continue;
        double share = containment(words, *n.sets[qi]);
        if (share >= best_share && share - own >= o.copied_indicator_min_gap) {
          best_share = share;
          best = qi;
        }
      }
      if (best != pi) by_other[best].push_back({&i, own, best_share});
    }
    for (const auto& [qi, copied] : by_other) {
      // One short generic row shared by chance is not copying; two rows, or one long specific
      // one, are.
      bool long_row = std::any_of(copied.begin(), copied.end(), [](const Copied& c) {
        return BigramSet::of(c.indicator->name + c.indicator->target.text).size() >= 16;
      });
      if (copied.size() < 2 && !long_row) continue;
      const ProjectView& q = ctx.projects[qi];
      std::string names;
      for (std::size_t k = 0; k < copied.size() && k < 3; ++k)
        names += (k ? "、" : "") + std::string("“") + copied[k].indicator->name + "”";
      if (copied.size() > 3) names += fmt::format("等 {} 项", copied.size());
      Finding& f = r.report(fmt::format("指标{}与项目{}“{}”的指标完全相同，其内容与该项目说明相关而与本项目"
                                        "说明无关",
                                        names, q.project->seq, q.display_name), v);
      f.field = "indicators";
      for (const Copied& c : copied) {
        f.evidence.push_back(evidence("指标", c.indicator->name + " " + c.indicator->value));
        f.evidence.push_back(evidence("  见于本项目/项目" + std::to_string(q.project->seq) + "说明的比例",
                                      fmt::format("{:.2f} / {:.2f}", c.own, c.other)));
        add_span(f, c.indicator->span);
      }
      f.comparison = fmt::format("字符二元组包含度：本项目 ≤ {:.2f}，项目{} ≥ {:.2f} 且高出 ≥ {:.2f}",
                                 o.copied_indicator_max_own, q.project->seq, o.copied_indicator_min_other,
                                 o.copied_indicator_min_gap);
    }
  }
}

// The sub-projects named in a project-level overview: "包括N个子项目，分别为A、B、C和D".
std::vector<std::string> listed_sub_projects(const Project& p, int& declared_count) {
  declared_count = 0;
  for (const NarrativeSection& s : p.sections) {
    if (!s.sub_project.empty()) continue;
    // Without 子 the text cannot hold 个子项目, spaced or not: no need to decode it.
    if (!contains(s.text, "子")) continue;
    std::u32string t = compact_u32(s.text);
    std::size_t inc = t.find(U"个子项目");
    if (inc == std::u32string::npos) continue;
    auto count = number_before(t, inc);
    std::size_t list_at = t.find(U"分别为", inc);
    if (!count || list_at == std::u32string::npos) continue;
    declared_count = std::stoi(count->text);
    std::size_t end = t.find(U'。', list_at);
    std::u32string_view list = std::u32string_view(t).substr(list_at + 3, end == std::u32string::npos
                                                                             ? std::u32string::npos
                                                                             : end - list_at - 3);
    auto split = [&](std::u32string_view separators) {
      std::vector<std::string> parts;
      std::u32string cur;
      for (char32_t c : list) {
        if (separators.find(c) != std::u32string_view::npos) {
          if (!cur.empty()) parts.push_back(to_utf8(cur));
          cur.clear();
        } else {
          cur.push_back(c);
        }
      }
      if (!cur.empty()) parts.push_back(to_utf8(cur));
      return parts;
    };
    auto parts = split(U"，,");
    if (static_cast<int>(parts.size()) < declared_count) parts = split(U"，,、和及");
    if (static_cast<int>(parts.size()) < declared_count) return {};
    parts.resize(static_cast<std::size_t>(declared_count));
    return parts;
  }
  return {};
}

std::string topic_core(const std::string& title) {
  std::string c = compact(title);
  for (std::string_view w : {"项目", "服务", "费用", "经费", "工作", "（运维）", "(运维)", "费"}) {
    std::size_t pos;
    while ((pos = c.find(w)) != std::string::npos) c.erase(pos, w.size());
  }
  return c;
}

void check_cons008(const ReviewContext& ctx, const ProjectView& v, Reporter& r) {
  const Project& p = *v.project;
  // Without a readable goal the rule cannot tell what the goals leave out.
  if (!p.has_form || is_blank(goals_text(p))) return;
  struct Part {
    std::string title;
    Yuan budget;
    SourceSpan span;
  };
  std::vector<Part> parts;
  bool all_budgets = !p.sub_projects.empty();
  for (const SubProject& s : p.sub_projects) {
    auto b = s.budget_wan.value ? parse_stated_wan(*s.budget_wan.value) : std::nullopt;
    if (!b) { all_budgets = false; break; }
    parts.push_back({s.title, b->value, s.span});
  }
  if (!all_budgets) {
    parts.clear();
    int declared = 0;
    auto names = listed_sub_projects(p, declared);
    const BudgetList* list = nullptr;
    for (const auto& l : v.facts.budget_lists)
      if (l.project_level) { list = &l; break; }
    if (names.empty() || !list) return;
    // The list's parts, in order: a closing total stands for the items before it; items not
    // followed by a total are parts of their own.
    std::vector<Yuan> amounts, open_items;
    bool started = false;
    for (const auto& st : list->statements) {
      if (st.role == AmountRole::kDeclaredTotal && !started) continue;
      started = true;
      if (st.role == AmountRole::kItem) {
        open_items.push_back(st.amount.value);
        continue;
      }
      amounts.push_back(st.amount.value);
      open_items.clear();
    }
    amounts.insert(amounts.end(), open_items.begin(), open_items.end());
    bool clean = std::none_of(amounts.begin(), amounts.end(), [](Yuan y) { return y.pico() == 0; });
    if (!clean || amounts.size() != names.size()) return;
    SourceSpan span = section_span(p, list->section);
    for (std::size_t k = 0; k < names.size(); ++k) parts.push_back({names[k], amounts[k], span});
  }
  Yuan total;
  for (const auto& part : parts) total += part.budget;
  if (total.pico() <= 0 || parts.size() < 2) return;
  std::string coverage_text = goals_text(p);
  for (const Indicator& i : p.indicators) coverage_text += "\n" + i.name + i.value;
  BigramSet coverage = BigramSet::of(coverage_text);
  for (const auto& part : parts) {
    double share = part.budget.ratio_to(total);
    if (share < ctx.options->sub_project_major_share) continue;
    BigramSet topic = BigramSet::of(topic_core(part.title));
    if (topic.size() < 2) continue;
    double seen = containment(topic, coverage);
    if (seen >= 0.5) continue;
    Finding& f = r.report(fmt::format("子项目“{}”占项目预算 {}（{} 万元），但项目总目标、年度总体目标和指标都未涉及",
                                      part.title, percent_label(share), part.budget.wan_text()));
    f.field = "indicators";
    f.evidence = {evidence("子项目", part.title), evidence("预算", part.budget.wan_text(), "万元"),
                  evidence("占项目预算", percent_label(share)),
                  evidence("名称见于目标和指标的比例", fmt::format("{:.2f}", seen))};
    f.comparison = fmt::format("占比 {} ≥ {}，名称二元组包含度 {:.2f} < 0.50", percent_label(share),
                               percent_label(ctx.options->sub_project_major_share), seen);
    add_span(f, part.span);
    add_span(f, p.annual_goal.span);
  }
}

}  // namespace

void add_goal_rules(std::vector<Rule>& out) {
  out.push_back({kCons003, check_cons003, nullptr});
  out.push_back({kCons006, nullptr, check_cons006});
  out.push_back({kCons007, nullptr, check_cons007});
  out.push_back({kCons008, check_cons008, nullptr});
}

}  // namespace jixiao::rules
