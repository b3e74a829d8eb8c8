// CONS-* (dates, names, units): the form against the budget year and against its own narrative.
#include <fmt/format.h>

#include <algorithm>

#include "rules/budget_view.h"
#include "rules/families.h"
#include "rules/indicator_kinds.h"
#include "rules/line_items.h"
#include "rules/similarity.h"
#include "rules/text_util.h"

namespace jixiao::rules {
namespace {

constexpr RuleInfo kCons001{
    "CONS-001", Severity::kError, "计划实施期与预算年度不符",
    "plan dates outside the budget year",
    "88号：绩效目标为项目在一定期限内预期达到的产出和效果，年度目标对应预算年度；计划日期须有效",
    "The form's 计划完成日期 lies before 1 January of the budget year, or 计划开始日期 after 31 "
    "December of it (the money is requested for a year the plan does not reach), or the start is "
    "after the end. A plan that covers the budget year and more is a declared multi-year project "
    "and passes."};
constexpr RuleInfo kCons002{
    "CONS-002", Severity::kWarning, "说明所述实施周期超出申报表计划期",
    "a period in the narrative lies outside the form's plan dates",
    "说明与申报表应一致；跨年度实施须按跨年度项目申报（docs/domain-rules §4 年度/长期混淆）",
    "Reads the periods of the 实施周期 sections (“2024年8月至2025年7月”; every section when there "
    "is no 实施周期) and reports, once per project, those that start before the form's 计划开始日期 "
    "or end after its 计划完成日期 (month precision). Silent without form dates."};
constexpr RuleInfo kCons004{
    "CONS-004", Severity::kWarning, "申报表项目名称与说明标题不一致",
    "form name ≠ narrative title",
    "同一项目的说明与申报表名称应一致",
    "Compares the form's 项目名称 with the narrative's title after removing whitespace and "
    "unifying brackets; reported when their bigram Dice similarity is below 0.8 and neither is a "
    "prefix of the other (a trailing “项目”, a cell cut short or a small wording change passes)."};
constexpr RuleInfo kCons005{
    "CONS-005", Severity::kWarning, "说明所述实施主体与申报表实施单位不一致",
    "implementer named in the narrative ≠ the form's 实施单位",
    "说明与申报表应一致（实施单位承担绩效责任）",
    "Reads “责任主体为X / 实施主体为X” in the 实施主体 section. X is the unit itself when it starts "
    "with 我办/我中心/本单位…, or is an internal department (…科/部/处/室 without an organisation "
    "word such as 中心/局/所); otherwise X (without 上海市/…区 prefixes) must occur in the form's "
    "实施单位 (bigram containment ≥ 0.6) or contain most of it (≥ 0.6: a department of the unit). Several "
    "bodies joined by 和/及/、 pass when one of them matches."};
constexpr RuleInfo kCons009{
    "CONS-009", Severity::kError, "元与万元混淆",
    "amounts that differ by a factor of 10,000 (元 vs 万元)",
    "算术：1 万元 = 10,000 元",
    "An amount that equals another of the same project only after multiplying or dividing by "
    "10,000: the narrative budget or another stated total against the form, a total-cost "
    "indicator against the budget, a 合计 row against its rows, 项目资金总额 against "
    "年度资金申请总额."};

std::optional<YearMonth> ym(const Field<Date>& d) {
  if (!d.value) return std::nullopt;
  return YearMonth{d.value->year, d.value->month};
}

std::string ym_text(YearMonth m) { return fmt::format("{}年{}月", m.year, m.month); }

void check_cons001(const ReviewContext& ctx, const ProjectView& v, Reporter& r) {
  const Project& p = *v.project;
  int year = ctx.budget_year();
  if (!p.start.value || !p.end.value) return;
  const Date& s = *p.start.value;
  const Date& e = *p.end.value;
  std::string problem;
  if (e < s) {
    problem = fmt::format("计划开始日期 {} 晚于计划完成日期 {}", s.iso(), e.iso());
  } else if (year && e.year < year) {
    problem = fmt::format("计划完成日期 {} 早于 {} 预算年度，年度资金却按 {} 年申请", e.iso(), year, year);
  } else if (year && s.year > year) {
    problem = fmt::format("计划开始日期 {} 晚于 {} 预算年度", s.iso(), year);
  }
  if (problem.empty()) return;
  Finding& f = r.report(problem);
  f.field = e < s ? "start" : (year && e.year < year) ? "end" : "start";
  f.evidence = {evidence("预算年度", year ? std::to_string(year) : "未知"), evidence("计划开始日期", s.iso()),
                evidence("计划完成日期", e.iso())};
  if (auto a = form_amount(p.funds.annual_total))
    f.evidence.push_back(evidence("年度资金申请总额", a->yuan_text(), "元"));
  f.comparison = year ? fmt::format("[{}, {}] 与 [{}-01-01, {}-12-31] 不相交", s.iso(), e.iso(), year, year)
                      : fmt::format("{} > {}", s.iso(), e.iso());
  add_span(f, p.start.span);
  add_span(f, p.end.span);
}

void check_cons002(const ReviewContext&, const ProjectView& v, Reporter& r) {
  const Project& p = *v.project;
  auto from = ym(p.start), to = ym(p.end);
  if (!from || !to || *to < *from) return;
  std::vector<const TextPeriod*> outside;
  for (const auto& period : v.facts.periods) {
    if (period.start < *from || period.end > *to) {
      bool dup = std::any_of(outside.begin(), outside.end(), [&](const TextPeriod* o) {
        return o->start == period.start && o->end == period.end && o->sub_project == period.sub_project;
      });
      if (!dup) outside.push_back(&period);
    }
  }
  if (outside.empty()) return;
  std::string list;
  for (std::size_t k = 0; k < outside.size() && k < 3; ++k) {
    const TextPeriod* o = outside[k];
    list += (k ? "；" : "") + (o->sub_project.empty() ? "" : "（" + o->sub_project + "）") +
            ym_text(o->start) + "至" + ym_text(o->end);
  }
  if (outside.size() > 3) list += fmt::format(" 等 {} 处", outside.size());
  Finding& f = r.report(fmt::format("说明所述实施周期 {} 超出申报表计划期 {} 至 {}", list,
                                    p.start.value->iso(), p.end.value->iso()));
  f.field = "sections";
  f.evidence = {evidence("计划开始日期", p.start.value->iso()), evidence("计划完成日期", p.end.value->iso())};
  for (const TextPeriod* o : outside) {
    f.evidence.push_back(evidence(section_label(p, o->section), o->text));
    add_span(f, section_span(p, o->section));
  }
  add_span(f, p.start.span);
  f.comparison = "说明周期须落在 [" + ym_text(*from) + ", " + ym_text(*to) + "] 内";
}

// Name comparison ignores whitespace and the difference between full- and half-width brackets.
std::string normalized_name(const std::string& s) {
  std::string c = compact(s);
  std::string out;
  for (std::size_t i = 0; i < c.size();) {
    if (c.compare(i, 3, "（") == 0) { out += '('; i += 3; }
    else if (c.compare(i, 3, "）") == 0) { out += ')'; i += 3; }
    else out += c[i++];
  }
  return out;
}

void check_cons004(const ReviewContext& ctx, const ProjectView& v, Reporter& r) {
  const Project& p = *v.project;
  if (!p.name.value || !p.narrative_title.value) return;
  std::string a = normalized_name(*p.name.value), b = normalized_name(*p.narrative_title.value);
  if (a.empty() || b.empty() || a == b) return;
  // One a prefix of the other: a cell cut short by the layout, or a trailing 项目/（运维）.
  if (a.rfind(b, 0) == 0 || b.rfind(a, 0) == 0) return;
  double sim = text_similarity(a, b);
  if (sim >= ctx.options->title_match_min_similarity) return;
  Finding& f = r.report(fmt::format("申报表项目名称“{}”与说明标题“{}”不一致", *p.name.value,
                                    *p.narrative_title.value));
  f.field = "name";
  f.evidence = {evidence("申报表项目名称", *p.name.value), evidence("说明标题", *p.narrative_title.value)};
  f.comparison = fmt::format("二元组相似度 {:.2f}", sim);
  add_span(f, p.name.span);
  add_span(f, p.narrative_title.span);
}

bool names_self(const std::string& body) {
  for (std::string_view w : {"我办", "我中心", "我局", "我委", "我单位", "我部", "我所", "我院", "我站",
                             "本单位", "本办", "本中心", "本局", "本委", "本部门", "我司", "我处", "我室"})
    if (body.rfind(w, 0) == 0) return true;
  return false;
}

// The distinctive part of a unit name: without 上海市 and a district prefix (松江区, 浦东新区,
// 区 …) and without a bracketed suffix such as （本级）.
std::string unit_core(const std::string& name) {
  std::u32string c = compact_u32(name);
  for (std::u32string_view prefix : {U"上海市", U"上海"}) {
    if (c.rfind(prefix, 0) == 0) {
      c.erase(0, prefix.size());
      break;
    }
  }
  for (std::size_t k = 0; k < c.size() && k < 5; ++k) {
    if ((c[k] == U'区' || c[k] == U'县') && k + 1 < c.size()) {
      c.erase(0, k + 1);
      break;
    }
  }
  std::size_t bracket = c.find(U'（');
  if (bracket != std::u32string::npos) c.resize(bracket);
  return to_utf8(c);
}

// "对口支援科", "社保卡服务部": a section of the unit, not another unit.
bool names_internal_department(const std::string& body) {
  std::u32string b = compact_u32(body);
  if (b.empty()) return false;
  static constexpr std::u32string_view kSections = U"科部处室组班股";
  if (kSections.find(b.back()) == std::u32string_view::npos) return false;
  for (std::u32string_view org : {U"中心", U"局", U"委", U"院", U"所", U"公司", U"政府", U"办公室", U"街道",
                                  U"镇", U"学校", U"医院", U"馆", U"站", U"队"})
    if (b.find(org) != std::u32string::npos) return false;
  return true;
}

// The unit part of a named body: "区大数据中心电子政务管理部" → "区大数据中心" (the text up to the
// last organisation word when what follows is a department).
std::string body_unit(const std::string& body) {
  std::u32string b = compact_u32(body);
  static constexpr std::u32string_view kSections = U"科部处室组班股";
  if (b.empty() || kSections.find(b.back()) == std::u32string_view::npos) return body;
  std::size_t cut = std::u32string::npos;
  for (std::u32string_view org : {U"中心", U"委员会", U"局", U"院", U"所", U"站", U"公司", U"办公室", U"政府"}) {
    std::size_t at = b.rfind(org);
    if (at != std::u32string::npos && at + org.size() < b.size() &&
        (cut == std::u32string::npos || at + org.size() > cut))
      cut = at + org.size();
  }
  return cut == std::u32string::npos ? body : to_utf8(b.substr(0, cut));
}

std::vector<std::string> split_bodies(const std::string& names) {
  std::vector<std::string> parts;
  std::u32string s = compact_u32(names), cur;
  for (char32_t c : s) {
    if (c == U'和' || c == U'及' || c == U'、' || c == U'与') {
      if (!cur.empty()) parts.push_back(to_utf8(cur));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) parts.push_back(to_utf8(cur));
  return parts;
}

void check_cons005(const ReviewContext& ctx, const ProjectView& v, Reporter& r) {
  const Project& p = *v.project;
  if (!p.implementer.value || compact(*p.implementer.value).empty()) return;
  BigramSet implementer = BigramSet::of(unit_core(*p.implementer.value));
  for (const NamedBody& b : v.facts.bodies) {
    // Several bodies may be named ("接待科和对口支援科"): one of them being the unit suffices.
    bool matches = false, comparable = false;
    double share = 0;
    for (const std::string& part : split_bodies(b.name)) {
      if (names_self(part) || names_internal_department(part)) { matches = true; break; }
      BigramSet body = BigramSet::of(unit_core(body_unit(part)));
      if (body.size() < 2) continue;
      comparable = true;
      share = std::max(share, containment(body, implementer));
      if (share >= ctx.options->implementer_min_containment ||
          containment(implementer, body) >= ctx.options->implementer_in_body_containment) {
        matches = true;
        break;
      }
    }
    if (matches || !comparable) continue;
    Finding& f = r.report(fmt::format("说明称“{}”，申报表实施单位为“{}”", b.text, *p.implementer.value));
    f.field = "implementer";
    f.evidence = {evidence("说明所述主体", b.name), evidence("申报表实施单位", *p.implementer.value)};
    f.comparison = fmt::format("主体名称二元组在实施单位中的占比 {:.2f} < {:.2f}", share,
                               ctx.options->implementer_min_containment);
    add_span(f, section_span(p, b.section));
    add_span(f, p.implementer.span);
    return;  // one per project
  }
}

void report_slip(Reporter& r, const std::string& what, Yuan a, const std::string& a_label, Yuan b,
                 const std::string& b_label, std::string field, std::initializer_list<SourceSpan> spans) {
  Finding& f = r.report(fmt::format("{}：{} {} 与{} {} 相差一万倍，疑似元与万元混淆", what, a_label,
                                    yuan_label(a), b_label, yuan_label(b)));
  f.field = std::move(field);
  f.evidence = {evidence(a_label, a.yuan_text(), "元"), evidence(b_label, b.yuan_text(), "元")};
  f.comparison = fmt::format("{} × 10000 ≈ {}", (a < b ? a : b).yuan_text(), (a < b ? b : a).yuan_text());
  for (const auto& s : spans) add_span(f, s);
}

// Numbers a table labels （元） that are really 万元 (or the reverse): a 元 amount cannot have more
// than two decimals, and a number that equals a project amount only in the other unit.
void check_labelled_numbers(const ProjectView& v, const FormBudget& fb, Reporter& r) {
  const Project& p = *v.project;
  struct Known {
    Yuan value;
    std::string label;
  };
  std::vector<Known> known;
  if (fb.total) known.push_back({*fb.total, "项目资金总额"});
  if (fb.annual) known.push_back({*fb.annual, "年度资金申请总额"});
  if (auto s = narrative_budget(p)) known.push_back({s->value, "说明所述预算"});
  for (const auto& sp : p.sub_projects)
    if (sp.budget_wan.value)
      if (auto b = parse_stated_wan(*sp.budget_wan.value)) known.push_back({b->value, "子项目“" + sp.title + "”预算"});
  for (const LabelledNumbers& ln : v.facts.labelled) {
    std::int64_t other = ln.yuan_per_unit == 1 ? kYuanPerWan : 1;
    std::vector<std::string> reasons;
    std::string numbers;
    bool fen_fraction = false;
    for (const Decimal& d : ln.numbers) {
      numbers += (numbers.empty() ? "" : "、") + d.text();
      if (ln.yuan_per_unit == 1 && d.decimals > 2) fen_fraction = true;
      Yuan as_labelled = Yuan::from_decimal(d, ln.yuan_per_unit);
      Yuan as_other = Yuan::from_decimal(d, other);
      Yuan tol = Yuan::half_last_digit(d, other);
      for (const Known& k : known) {
        if (within(as_labelled, k.value, Yuan::half_last_digit(d, ln.yuan_per_unit))) break;
        if (within(as_other, k.value, tol)) {
          reasons.push_back(fmt::format("{} {} 等于{}", d.text(), other == 1 ? "元" : "万元", k.label));
          break;
        }
      }
    }
    if (fen_fraction) reasons.insert(reasons.begin(), "按元计出现三位以上小数（元只到分）");
    if (reasons.empty()) continue;
    std::string why;
    for (const auto& x : reasons) why += (why.empty() ? "" : "；") + x;
    Finding& f = r.report(fmt::format("{}：“{}”后的数 {} 单位应为{}（{}）", section_label(p, ln.section),
                                      ln.label, numbers, other == 1 ? "元" : "万元", why));
    f.field = "sections";
    f.evidence = {evidence("标注单位", ln.label), evidence("其后数值", numbers)};
    for (const auto& x : reasons) f.evidence.push_back(evidence("依据", x));
    f.comparison = "1 万元 = 10000 元";
    add_span(f, section_span(p, ln.section));
  }
}

void check_cons009(const ReviewContext& ctx, const ProjectView& v, Reporter& r) {
  const Project& p = *v.project;
  const ReviewOptions& o = *ctx.options;
  FormBudget fb = form_budget(p);
  Yuan base_tol = Yuan::from_money(o.arithmetic_tolerance);
  auto slip_with_form = [&](Yuan value, Yuan tol) -> std::optional<std::pair<Yuan, bool>> {
    if (compare_with_form(value, tol, fb, o) != FormMatch::kMagnitudeSlip) return std::nullopt;
    if (fb.total && is_magnitude_slip(value, *fb.total, tol + base_tol)) return std::pair{*fb.total, true};
    return std::pair{*fb.annual, false};
  };
  if (auto s = narrative_budget(p)) {
    if (auto m = slip_with_form(s->value, s->tolerance))
      report_slip(r, "说明所述预算与申报表", s->value, "说明所述预算", m->first,
                  m->second ? "项目资金总额" : "年度资金申请总额", "narrative_budget_wan",
                  {p.narrative_budget_wan.span, m->second ? fb.total_span : fb.annual_span});
  }
  for (const TextAmount& t : v.facts.project_totals) {
    auto s = narrative_budget(p);
    if (s && within(s->value, t.value, s->tolerance + t.tolerance)) continue;
    if (auto m = slip_with_form(t.value, t.tolerance))
      report_slip(r, section_label(p, t.section) + "所述总额与申报表", t.value, "说明另述总额", m->first,
                  m->second ? "项目资金总额" : "年度资金申请总额", "sections",
                  {section_span(p, t.section), m->second ? fb.total_span : fb.annual_span});
  }
  if (fb.total && fb.annual && is_magnitude_slip(*fb.total, *fb.annual, base_tol))
    report_slip(r, "申报表", *fb.total, "项目资金总额", *fb.annual, "年度资金申请总额", "funds_yuan",
                {fb.total_span, fb.annual_span});
  for (std::size_t k = 0; k < p.indicators.size(); ++k) {
    const Indicator& i = p.indicators[k];
    if (!v.indicators[k].cost || !names_total_cost(i.name) || !i.target.quantitative()) continue;
    auto mu = parse_money_unit(i.target.unit);
    auto d = Decimal::parse(i.target.num);
    auto budget = fb.annual ? fb.annual : fb.total;
    if (!mu || !d || !mu->denominator.empty() || !budget) continue;
    Yuan cap = Yuan::from_decimal(*d, mu->yuan_per_unit);
    Yuan tol = Yuan::half_last_digit(*d, mu->yuan_per_unit) + base_tol;
    if (is_magnitude_slip(cap, *budget, tol))
      report_slip(r, "成本指标“" + i.name + "”与预算", cap, "成本指标 " + i.value, *budget,
                  fb.annual ? "年度资金申请总额" : "项目资金总额", "indicators",
                  {i.span, fb.annual ? fb.annual_span : fb.total_span});
  }
  check_labelled_numbers(v, fb, r);
  for (const auto& c : total_row_checks(p, assumed_amount_unit(p))) {
    Yuan tol = c.stated.tolerance + base_tol;
    if (!within(c.stated.value, c.items_sum, tol) && is_magnitude_slip(c.stated.value, c.items_sum, tol))
      report_slip(r, "“" + c.row->name + "”行", c.stated.value,
                  c.row->name + "（" + c.row->amount + c.row->amount_unit + "）", c.items_sum,
                  "其上明细之和", "line_items", {c.row->span});
  }
}

}  // namespace

void add_consistency_rules(std::vector<Rule>& out) {
  out.push_back({kCons001, check_cons001, nullptr});
  out.push_back({kCons002, check_cons002, nullptr});
  out.push_back({kCons004, check_cons004, nullptr});
  out.push_back({kCons005, check_cons005, nullptr});
  out.push_back({kCons009, check_cons009, nullptr});
  add_goal_rules(out);
  add_citation_rules(out);
}

}  // namespace jixiao::rules
