// generate_document(): the document-level choices (issuer, style, header claims) and each
// project's form fields and funds. Narrative text, line items and indicators are built in
// generator_text.cpp and generator_indicators.cpp.
#include "synth/generator.h"

#include <algorithm>
#include <set>

#include "synth/generator_parts.h"
#include "synth/vocabulary.h"

namespace jixiao::synth {
namespace {

using detail::ProjectPlan;

constexpr std::int64_t kFenPerYuan = 100;
constexpr std::int64_t kFenPerWan = 1'000'000;

std::string str(std::string_view s) { return std::string(s); }

int last_day(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// Who publishes the document and who carries out its projects.
struct Organisation {
  std::string issuer;
  std::string department;                 // 主管部门 of every project
  std::vector<std::string> implementers;  // 实施单位 candidates
  std::vector<std::string> short_units;   // same, without "上海市<district>" (for sentences)
  std::string district;
};

Organisation make_organisation(Rng& rng, bool department_level) {
  Organisation org;
  org.district = str(rng.pick(vocab::kDistricts));
  std::string prefix = "上海市" + org.district;
  std::string department = str(rng.pick(vocab::kDepartments));
  org.department = prefix + department;
  if (department_level) {
    org.issuer = org.department;
    org.implementers.push_back(org.department + "（本级）");
    org.short_units.push_back("我办");
    int units = static_cast<int>(rng.between(1, 3));
    std::set<std::string> seen;
    for (int k = 0; k < units; ++k) {
      std::string unit = str(rng.pick(vocab::kUnits));
      if (!seen.insert(unit).second) continue;
      org.implementers.push_back(prefix + unit);
      org.short_units.push_back("区" + unit);
    }
  } else {
    std::string unit = str(rng.pick(vocab::kUnits));
    org.issuer = prefix + unit;
    org.implementers.push_back(org.issuer);
    org.short_units.push_back("区" + unit);
  }
  return org;
}

DocumentStyle make_style(Rng& rng) {
  DocumentStyle s;
  s.filling_form = rng.percent(30);
  s.numbered_forms = s.filling_form ? rng.percent(80) : rng.percent(10);
  s.cost_under_output = s.filling_form ? rng.percent(80) : rng.percent(10);
  bool mostly_plain = s.filling_form;
  s.value_style = rng.percent(85) == mostly_plain ? ValueStyle::kPlain : ValueStyle::kDecorated;
  s.amount_style = rng.percent(80) == mostly_plain ? AmountStyle::kPlain : AmountStyle::kGrouped;
  s.department_level = rng.percent(40);
  s.title_on_one_line = rng.percent(30);
  return s;
}

std::string project_name(Rng& rng, const ProjectPlan& plan, const Organisation& org) {
  if (plan.classified)
    return std::to_string(plan.year - static_cast<int>(rng.between(0, 3))) + "年度" +
           org.district + "***工程（运维）";
  std::string name;
  if (rng.percent(15)) name += "区";
  name += plan.topic;
  name += rng.pick(vocab::kNameEndings);
  if (rng.percent(12)) name += rng.pick(vocab::kNameSuffixes);
  return name;
}

// A random share of `total` between min_pct and max_pct percent, rounded down to a multiple of
// `grain` (1 fen, or 1 yuan for forms that print whole yuan).
std::int64_t part_of(Rng& rng, std::int64_t total, std::int64_t grain, int min_pct, int max_pct) {
  std::int64_t pct = rng.between(min_pct, max_pct);
  return total * pct / 100 / grain * grain;
}

// A budget when the narrative describes it in prose: log-uniform from 1 万 to 5000 万.
std::int64_t random_total_fen(Rng& rng, bool whole_yuan) {
  // Most projects are small; a few large IT or construction projects run to tens of millions.
  static const std::int64_t kMagnitudes[] = {10'000, 10'000, 10'000, 100'000, 100'000,
                                             100'000, 100'000, 1'000'000, 1'000'000, 10'000'000};
  std::int64_t magnitude = rng.pick(kMagnitudes);
  std::int64_t yuan = magnitude * rng.between(1, 50) / 10;
  int rounding = static_cast<int>(rng.between(0, 9));
  if (rounding < 6) yuan = std::max<std::int64_t>(10'000, yuan / 10'000 * 10'000);
  else if (rounding < 9) yuan = yuan / 100 * 100 + rng.between(0, 99) * 100;
  else yuan += rng.between(0, 9999);
  std::int64_t fen = yuan * kFenPerYuan;
  if (!whole_yuan && rng.percent(8)) fen += rng.between(1, 99);
  return fen;
}

Funds make_funds(Rng& rng, std::int64_t annual_fen, bool multi_year, bool whole_yuan) {
  std::int64_t grain = whole_yuan ? kFenPerYuan : 1;
  std::int64_t total = annual_fen;
  if (multi_year) total = annual_fen * rng.between(2, 4) + rng.between(0, 50) * 10'000 * 100;
  std::int64_t other = rng.percent(10) ? part_of(rng, total, grain, 5, 40) : 0;
  std::int64_t carryover = rng.percent(12) ? part_of(rng, annual_fen, grain, 5, 50) : 0;
  std::int64_t annual_other =
      other > 0 && rng.percent(60) ? std::min(other, part_of(rng, annual_fen, grain, 1, 30)) : 0;
  if (carryover + annual_other > annual_fen) annual_other = 0;
  Funds f;
  f.total.value = Money::from_fen(total);
  f.fiscal.value = Money::from_fen(total - other);
  f.other.value = Money::from_fen(other);
  f.annual_total.value = Money::from_fen(annual_fen);
  f.current_appropriation.value = Money::from_fen(annual_fen - carryover - annual_other);
  f.carryover.value = Money::from_fen(carryover);
  f.annual_other.value = Money::from_fen(annual_other);
  return f;
}

std::vector<std::string> pick_works(Rng& rng, int count) {
  std::vector<std::string> works;
  for (int guard = 0; static_cast<int>(works.size()) < count && guard < 20; ++guard) {
    std::string w = str(rng.pick(vocab::kWorks));
    if (std::find(works.begin(), works.end(), w) == works.end()) works.push_back(w);
  }
  return works;
}

const char* kSubNumbers[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

// Builds one project: plan, narrative (possibly with sub-projects), form fields, indicators.
Project make_project(Rng& rng, const DocumentStyle& style, const Organisation& org, int year,
                     int seq, std::set<std::string>& used_names, NarrativeLayout& layout,
                     const GeneratorOptions& options) {
  Project p;
  p.seq = seq;
  std::size_t unit_index = rng.index(org.implementers.size());
  ProjectPlan plan;
  plan.year = year;
  plan.issuer_unit = org.short_units[unit_index];
  plan.office = str(rng.pick(vocab::kOffices));
  plan.topic = str(rng.pick(vocab::kTopics));
  plan.works = pick_works(rng, static_cast<int>(rng.between(2, 4)));
  plan.classified = rng.percent(2);
  plan.multi_year = rng.percent(12);
  bool whole_yuan = style.amount_style == AmountStyle::kPlain;

  std::string name;
  do {
    name = project_name(rng, plan, org);
  } while (!used_names.insert(name).second && !plan.classified);
  p.name.value = name;
  if (!style.filling_form) p.nature.value = str(rng.pick(vocab::kNatures));
  p.category.value = str(style.filling_form ? rng.pick(vocab::kCategoriesFilling)
                                            : rng.pick(vocab::kCategoriesDeclaration));
  p.department.value = org.department;
  p.implementer.value = org.implementers[unit_index];

  // Dates: most projects run over the budget year; some start mid-year or span years.
  int start_month = rng.percent(80) ? 1 : static_cast<int>(rng.between(2, 9));
  int start_year = plan.multi_year ? year - static_cast<int>(rng.between(1, 2)) : year;
  int end_year = plan.multi_year && rng.percent(40) ? year + 1 : year;
  int end_month = end_year > year ? static_cast<int>(rng.between(3, 12)) : 12;
  p.start.value = Date{start_year, start_month, 1};
  p.end.value = Date{end_year, end_month, last_day(end_year, end_month)};
  p.has_form = true;
  p.has_narrative = !rng.percent(4);

  // Sub-projects (（一）…) appear in narratives titled "项目名称：X".
  layout.title_style_named = style.filling_form ? rng.percent(75) : rng.percent(12);
  int sub_count = layout.title_style_named && rng.percent(70) ? static_cast<int>(rng.between(1, 4)) : 0;
  bool prose_budget = rng.percent(40);
  std::int64_t annual_fen = 0;
  std::vector<std::string> goal_parts;
  if (sub_count == 0) {
    std::vector<LineItem> items;
    // A classified project says 暂不公开 everywhere but in 六、年度预算安排, which states its
    // amount in one sentence (as the classified sub-projects of the samples do): no item table,
    // since no other section would state the total the model expects.
    if (!prose_budget && !plan.classified) items = detail::generate_line_items(rng, "", annual_fen);
    if (items.empty()) annual_fen = random_total_fen(rng, whole_yuan);
    std::string budget_wan = detail::decimal_minimal(annual_fen, 6);
    // Some narratives state a rounded "约" figure that differs from the form (a real issue); it
    // is stated in 一、项目概述, which a classified project does not print.
    bool rounded = rng.percent(4);
    if (rounded && !plan.classified)
      budget_wan = std::to_string(annual_fen / kFenPerWan + rng.between(1, 30));
    if (p.has_narrative) {
      auto parts = detail::generate_sections(rng, plan, layout.title_style_named, budget_wan,
                                             annual_fen, items, "", start_month, end_year,
                                             end_month);
      p.sections = std::move(parts.sections);
      layout.section_blocks = std::move(parts.blocks);
      p.line_items = std::move(items);
      p.narrative_budget_wan.value = budget_wan;
    }
    goal_parts.push_back(detail::goal_sentence(rng, plan));
    if (rng.percent(50)) goal_parts.back() += detail::goal_sentence(rng, plan);
  } else {
    for (int k = 0; k < sub_count; ++k) {
      ProjectPlan sub_plan = plan;
      sub_plan.topic = str(rng.pick(vocab::kTopics));
      sub_plan.works = pick_works(rng, static_cast<int>(rng.between(1, 3)));
      sub_plan.classified = rng.percent(6);
      SubProject sub;
      sub.number = kSubNumbers[k];
      // Sub-project titles are distinct within a project (sections refer to them by title).
      do {
        sub.title = sub_plan.classified
                        ? std::to_string(year - static_cast<int>(rng.between(1, 6))) + "年度" +
                              org.district + "***工程（运维）"
                        : sub_plan.topic + str(rng.pick(vocab::kNameEndings));
      } while (std::any_of(p.sub_projects.begin(), p.sub_projects.end(),
                           [&](const SubProject& s) { return s.title == sub.title; }));
      std::int64_t sub_fen = 0;
      std::vector<LineItem> items;
      if (!sub_plan.classified && rng.percent(60))
        items = detail::generate_line_items(rng, sub.title, sub_fen);
      if (items.empty()) sub_fen = random_total_fen(rng, true);
      sub.budget_wan.value = detail::decimal_minimal(sub_fen, 6);
      annual_fen += sub_fen;
      if (p.has_narrative) {
        auto parts = detail::generate_sections(rng, sub_plan, true, *sub.budget_wan.value, sub_fen,
                                               items, sub.title, start_month, end_year, end_month);
        for (auto& s : parts.sections) p.sections.push_back(std::move(s));
        for (auto& b : parts.blocks) layout.section_blocks.push_back(std::move(b));
        for (auto& li : items) p.line_items.push_back(std::move(li));
      }
      std::string goal = sub_plan.classified ? "涉密项目，根据相关要求，暂不公开。"
                                             : detail::goal_sentence(rng, sub_plan);
      goal_parts.push_back(std::to_string(k + 1) + "、" + sub.title + "：" + goal);
      p.sub_projects.push_back(std::move(sub));
    }
    // With one sub-project its budget is the narrative's budget; with several there is none.
    if (p.has_narrative && sub_count == 1)
      p.narrative_budget_wan.value = *p.sub_projects[0].budget_wan.value;
  }
  if (!p.has_narrative) p.sub_projects.clear();
  if (p.has_narrative)
    p.narrative_title.value = rng.percent(5) && !plan.classified ? name + "项目" : name;

  p.funds = make_funds(rng, annual_fen, plan.multi_year, whole_yuan);

  std::string overall;
  for (const auto& g : goal_parts) overall += g;
  p.overall_goal.value = overall;
  p.annual_goal.value = rng.percent(60) ? overall : [&] {
    std::string annual;
    for (std::size_t k = 0; k < goal_parts.size(); ++k)
      annual += sub_count > 0 ? std::to_string(k + 1) + "、" + detail::goal_sentence(rng, plan)
                              : detail::goal_sentence(rng, plan);
    return annual;
  }();
  p.indicators = detail::generate_indicators(rng, style, plan, options.max_indicators);
  if (!p.has_narrative) layout.section_blocks.clear();
  return p;
}

}  // namespace

std::string section_text(const std::vector<BodyBlock>& blocks) {
  std::string out;
  for (const auto& b : blocks) {
    for (std::size_t k = 0; k < b.cells.size(); ++k) {
      if (k > 0) out += ' ';
      out += b.cells[k];
    }
  }
  return out;
}

GeneratedDocument generate_document(std::uint64_t seed, const GeneratorOptions& options) {
  Rng rng(seed);
  GeneratedDocument doc;
  doc.style = make_style(rng);
  Organisation org = make_organisation(rng, doc.style.department_level);
  Declaration& d = doc.model;
  int year = static_cast<int>(rng.between(2019, 2026));
  d.year.value = year;
  d.issuer.value = org.issuer;

  int count = static_cast<int>(rng.between(options.min_projects,
                                           std::max(options.min_projects, options.max_projects)));
  std::set<std::string> used_names;
  for (int k = 0; k < count; ++k) {
    // Each project draws from its own stream so that projects are independent of each other.
    Rng project_rng(mix_seed(seed, static_cast<std::uint64_t>(k) + 1));
    NarrativeLayout layout;
    d.projects.push_back(
        make_project(project_rng, doc.style, org, year, k + 1, used_names, layout, options));
    doc.narratives.push_back(std::move(layout));
  }

  std::int64_t annual_sum = 0;
  for (const auto& p : d.projects) annual_sum += p.funds.annual_total.value->fen();
  d.header.budget_unit_count.value = static_cast<int>(org.implementers.size());
  d.header.project_count.value = count;
  // A few headers disagree with their forms, as real ones do (the model keeps what is written).
  if (rng.percent(3)) d.header.project_count.value = count + 1;
  Money total = Money::from_fen(annual_sum);
  if (rng.percent(3)) total += Money::from_fen(rng.between(1, 500) * 10'000 * kFenPerYuan / 100);
  d.header.total_wan.value = total.wan_string(2);
  return doc;
}

}  // namespace jixiao::synth
