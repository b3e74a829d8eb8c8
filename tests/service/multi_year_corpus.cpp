#include "multi_year_corpus.h"

#include <random>
#include <set>

#include "synth/generator.h"

namespace jixiao::testing {

namespace {

// Renames the way real ones look: a word of the ending replaced, a district prefix added or
// dropped, a phase suffix appended.
std::string renamed(const std::string& name, std::mt19937_64& rng) {
  static const std::vector<std::pair<std::string, std::string>> kSwaps = {
      {"运行与维护", "运维"}, {"运维服务项目", "运行维护服务"}, {"管理", "管理服务"}, {"建设", "建设项目"},
      {"工作经费", "专项经费"}, {"专项经费", "工作经费"}, {"购买服务", "服务采购"}, {"培训", "培训项目"},
      {"保障", "保障经费"}, {"服务项目", "服务"}, {"日常运营", "运营"}, {"宣传活动费", "宣传经费"}};
  for (const auto& [from, to] : kSwaps) {
    auto at = name.rfind(from);
    if (at != std::string::npos && rng() % 3 != 0) return name.substr(0, at) + to + name.substr(at + from.size());
  }
  if (name.rfind("区", 0) == 0) return name.substr(std::string("区").size());
  if (rng() % 2 == 0) return "区" + name;
  return name + "（二期）";
}

void scale_funds(Funds& f, double factor) {
  for (Field<Money>* m : {&f.total, &f.fiscal, &f.other, &f.annual_total, &f.current_appropriation, &f.carryover,
                          &f.annual_other}) {
    if (m->value) {
      auto yuan = static_cast<std::int64_t>(static_cast<double>(m->value->fen() / 100) * factor);
      m->value = Money::from_fen(yuan * 100);
    }
  }
}

void shift_dates(Project& p, int year) {
  if (p.start.value) p.start.value->year = year;
  if (p.end.value) p.end.value->year = year;
}

// A new target: the number changed where the value is quantitative.
void change_target(Indicator& i, std::mt19937_64& rng) {
  if (!i.target.quantitative()) return;
  std::string num = i.target.num;
  int bump = static_cast<int>(rng() % 9) + 1;
  auto dot = num.find('.');
  std::string whole = num.substr(0, dot);
  long value = whole.empty() ? 0 : std::stol(whole);
  std::string next = std::to_string(value + bump) + (dot == std::string::npos ? "" : num.substr(dot));
  auto at = i.value.find(num);
  if (at == std::string::npos) return;
  i.value = i.value.substr(0, at) + next + i.value.substr(at + num.size());
  i.target.num = next;
}

}  // namespace

MultiYearCorpus build_multi_year_corpus(const CorpusPlan& plan) {
  MultiYearCorpus corpus;
  std::mt19937_64 rng(plan.seed);
  // Year one: one generated document per unit, issuers distinct.
  struct Unit {
    std::string issuer, implementer, department;
    int budget_units = 1;
    std::vector<std::pair<int, Project>> projects;  // (lineage, project) of the current year
  };
  std::vector<Unit> units;
  std::set<std::string> issuers;
  int next_lineage = 0;
  std::uint64_t seed = plan.seed * 1000;
  synth::GeneratorOptions options;
  options.min_projects = 3;
  options.max_projects = 8;
  options.max_indicators = 12;
  while (static_cast<int>(units.size()) < plan.units) {
    auto doc = synth::generate_document(++seed, options);
    const Declaration& d = doc.model;
    if (!d.issuer.value || !issuers.insert(*d.issuer.value).second) continue;
    Unit u;
    u.issuer = *d.issuer.value;
    u.budget_units = d.header.budget_unit_count.value.value_or(1);
    u.implementer = d.projects.front().implementer.value.value_or(u.issuer);
    u.department = d.projects.front().department.value.value_or("");
    for (const Project& p : d.projects) u.projects.emplace_back(next_lineage++, p);
    units.push_back(std::move(u));
  }
  for (int y = 0; y < plan.years; ++y) {
    const int year = plan.first_year + y;
    if (y > 0) {
      // Carry every project into the new year, with changes.
      std::vector<std::vector<std::pair<int, Project>>> next(units.size());
      for (std::size_t ui = 0; ui < units.size(); ++ui) {
        for (auto& [lineage, p] : units[ui].projects) {
          if (static_cast<int>(rng() % 100) < plan.end_percent) continue;  // the project ended
          Project q = p;
          scale_funds(q.funds, 0.8 + static_cast<double>(rng() % 45) / 100.0);
          shift_dates(q, year);
          for (Indicator& i : q.indicators) {
            if (rng() % 3 == 0) change_target(i, rng);
          }
          std::size_t target = ui;
          if (static_cast<int>(rng() % 100) < plan.move_percent && units.size() > 1) {
            target = (ui + 1 + rng() % (units.size() - 1)) % units.size();
            q.implementer.value = units[target].implementer;
            q.department.value = units[target].department;
            ++corpus.moves;
          }
          if (static_cast<int>(rng() % 100) < plan.rename_percent && q.name.value) {
            q.name.value = renamed(*q.name.value, rng);
            ++corpus.renames;
          }
          next[target].emplace_back(lineage, std::move(q));
        }
      }
      // A new project in every other unit.
      for (std::size_t ui = 0; ui < units.size(); ui += 2) {
        auto doc = synth::generate_document(++seed, options);
        Project p = doc.model.projects.front();
        p.implementer.value = units[ui].implementer;
        p.department.value = units[ui].department;
        shift_dates(p, year);
        next[ui].emplace_back(next_lineage++, std::move(p));
      }
      for (std::size_t ui = 0; ui < units.size(); ++ui) units[ui].projects = std::move(next[ui]);
    }
    for (Unit& u : units) {
      // Names stay unique within a document (a moved project may meet its namesake).
      std::set<std::string> names;
      std::vector<std::pair<int, Project>> kept;
      for (auto& lp : u.projects) {
        if (names.insert(lp.second.name.value.value_or("")).second) kept.push_back(std::move(lp));
      }
      u.projects = std::move(kept);
      Declaration d;
      d.source = "unit" + std::to_string(&u - units.data()) + "-" + std::to_string(year) + ".txt";
      d.layout = "line-broken";
      d.encoding = "UTF-8";
      d.year.value = year;
      d.issuer.value = u.issuer;
      d.header.budget_unit_count.value = u.budget_units;
      const int doc_index = static_cast<int>(corpus.documents.size());
      int seq = 0;
      for (auto& [lineage, p] : u.projects) {
        p.seq = ++seq;
        d.projects.push_back(p);
        corpus.lineages[lineage][year] = CorpusProject{doc_index, p.seq};
      }
      d.header.project_count.value = seq;
      corpus.documents.push_back(std::move(d));
    }
  }
  return corpus;
}

}  // namespace jixiao::testing
