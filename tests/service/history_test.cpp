// History across years on generated multi-year corpora with renames and unit moves: every
// project's chain must hold exactly the projects the corpus carried forward.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "model/json_io.h"
#include "service/history_match.h"
#include "service/workspace.h"
#include "multi_year_corpus.h"
#include "service_fixtures.h"

namespace jixiao {
namespace {

using testing::ServiceTempDir;

WorkspaceOptions quiet_options() {
  WorkspaceOptions o;
  o.reviewer = [](const Declaration&) { return std::vector<Finding>{}; };  // matching only
  return o;
}

struct LoadedCorpus {
  testing::MultiYearCorpus corpus;
  std::vector<std::int64_t> document_ids;
  std::map<std::pair<int, int>, std::int64_t> project_ids;  // (document, seq) → id
};

LoadedCorpus load(Workspace& ws, const testing::CorpusPlan& plan) {
  LoadedCorpus out;
  out.corpus = testing::build_multi_year_corpus(plan);
  for (std::size_t i = 0; i < out.corpus.documents.size(); ++i) {
    const Declaration& d = out.corpus.documents[i];
    std::string bytes = to_json(d).dump();  // stands in for the source document
    auto r = ws.ingest_parsed(d, bytes);
    EXPECT_TRUE(r) << r.error().describe();
    EXPECT_EQ(r->outcome, IngestOutcome::kAdded) << d.source;
    out.document_ids.push_back(r->document_id);
    ProjectQuery q;
    q.document_id = r->document_id;
    q.limit = 1000;
    auto projects = ws.projects(q);
    EXPECT_TRUE(projects);
    for (const ProjectInfo& p : *projects) out.project_ids[{static_cast<int>(i), p.seq}] = p.id;
  }
  return out;
}

// (seed, rename %, move %) per project and year.
class HistoryCorpusTest : public ::testing::TestWithParam<std::tuple<std::uint64_t, int, int>> {};

TEST_P(HistoryCorpusTest, LinksTheRightProjectsAcrossRenamesAndMoves) {
  ServiceTempDir dir;
  auto ws = Workspace::open(dir / "h.db", quiet_options());
  ASSERT_TRUE(ws) << ws.error().describe();
  testing::CorpusPlan plan;
  plan.seed = std::get<0>(GetParam());
  plan.rename_percent = std::get<1>(GetParam());
  plan.move_percent = std::get<2>(GetParam());
  LoadedCorpus c = load(**ws, plan);
  ASSERT_GT(c.corpus.renames, 0);
  ASSERT_GT(c.corpus.moves, 0);

  int checked = 0, wrong = 0, renamed_links = 0, moved_links = 0;
  for (const auto& [lineage, years] : c.corpus.lineages) {
    if (years.size() < 2) continue;
    std::map<int, std::int64_t> expected;
    for (const auto& [year, at] : years) expected[year] = c.project_ids.at({at.document, at.seq});
    const std::int64_t first = expected.begin()->second;
    auto h = (*ws)->history(std::to_string(first));
    ASSERT_TRUE(h) << h.error().describe();
    ASSERT_EQ(h->chains.size(), 1u);
    std::map<int, std::int64_t> got;
    for (const HistoryEntry& e : h->chains[0].entries) got[*e.project.year] = e.project.id;
    ++checked;
    if (got != expected) {
      ++wrong;
      std::string detail;
      for (const auto& [y, id] : expected) {
        auto p = (*ws)->project(id);
        detail += " " + std::to_string(y) + ":" + p->info.name + "/" + p->info.implementer + "#" + std::to_string(id) +
                  (got.count(y) ? (got[y] == id ? " ok" : " got#" + std::to_string(got[y])) : " missing");
      }
      for (const auto& [y, id] : got) {
        if (!expected.count(y)) {
          auto p = (*ws)->project(id);
          detail += " extra " + std::to_string(y) + ":" + p->info.name + "/" + p->info.implementer + "#" + std::to_string(id);
        }
      }
      ADD_FAILURE() << "lineage " << lineage << ":" << detail;
      continue;
    }
    // The reasons say what changed.
    const auto& entries = h->chains[0].entries;
    for (std::size_t i = 1; i < entries.size(); ++i) {
      ASSERT_TRUE(entries[i].link);
      const bool name_changed = entries[i].project.name != entries[i - 1].project.name;
      const bool unit_changed = entries[i].project.implementer != entries[i - 1].project.implementer;
      EXPECT_EQ(entries[i].link->renamed, name_changed) << entries[i - 1].project.name << " → " << entries[i].project.name;
      EXPECT_EQ(entries[i].link->moved, unit_changed);
      renamed_links += name_changed;
      moved_links += unit_changed;
      EXPECT_GT(entries[i].link->score, 0.0);
      EXPECT_FALSE(entries[i].link->reasons.empty());
    }
  }
  EXPECT_GT(checked, 20);
  EXPECT_EQ(wrong, 0);
  EXPECT_GT(renamed_links, 0);
  EXPECT_GT(moved_links, 0);
}

INSTANTIATE_TEST_SUITE_P(Seeds, HistoryCorpusTest,
                         ::testing::Values(std::make_tuple(11u, 15, 10), std::make_tuple(22u, 15, 10),
                                           std::make_tuple(33u, 30, 20), std::make_tuple(44u, 30, 20)));

TEST(History, ByNameFindsTheChainUnderItsNewestName) {
  ServiceTempDir dir;
  auto ws = Workspace::open(dir / "h.db", quiet_options());
  ASSERT_TRUE(ws);
  testing::CorpusPlan plan;
  plan.seed = 5;
  LoadedCorpus c = load(**ws, plan);
  // A lineage that exists every year: query its last-year name.
  for (const auto& [lineage, years] : c.corpus.lineages) {
    if (static_cast<int>(years.size()) != plan.years) continue;
    const auto& last = years.rbegin()->second;
    const Declaration& d = c.corpus.documents[static_cast<std::size_t>(last.document)];
    const std::string name = *d.projects[static_cast<std::size_t>(last.seq - 1)].name.value;
    auto h = (*ws)->history(name);
    ASSERT_TRUE(h);
    ASSERT_FALSE(h->chains.empty());
    bool found = false;
    for (const auto& chain : h->chains) {
      if (chain.entries.size() == years.size() &&
          chain.entries.back().project.id == c.project_ids.at({last.document, last.seq})) {
        found = true;
        // Funds and dates are laid out side by side, one value per year.
        for (const HistoryRow& row : chain.rows) EXPECT_EQ(row.values.size(), years.size());
      }
    }
    EXPECT_TRUE(found) << name;
    return;
  }
  FAIL() << "no lineage spans every year";
}

TEST(HistoryMatch, ScoresSameNameSameUnitHighAndUnrelatedLow) {
  MatchSide a, b, c;
  a.info.name = "门户网站运行与维护";
  a.info.implementer = "上海市松江区大数据中心";
  a.info.department = "上海市松江区人民政府办公室";
  a.info.total = Money::from_fen(52600000);
  a.features.indicator_names = {"网站正常运行率", "信息发布及时性", "用户满意度"};
  b = a;
  b.info.name = "门户网站运维";
  b.info.total = Money::from_fen(55000000);
  c.info.name = "法律顾问费";
  c.info.implementer = "上海市松江区司法局";
  c.info.department = "上海市松江区司法局";
  c.features.indicator_names = {"法律意见书数量"};
  MatchScore renamed = score_match(a, b);
  EXPECT_TRUE(renamed.acceptable);
  EXPECT_TRUE(renamed.link.renamed);
  EXPECT_FALSE(renamed.link.moved);
  EXPECT_TRUE(renamed.link.reasons[0].starts_with("更名：「门户网站运行与维护」→「门户网站运维」（名称相似度 0."))
      << renamed.link.reasons[0];
  MatchScore unrelated = score_match(a, c);
  EXPECT_FALSE(unrelated.acceptable);
  EXPECT_LT(unrelated.score, renamed.score);
}

TEST(HistoryMatch, SameNameInAnotherDepartmentNeedsMatchingContent) {
  MatchSide a, b;
  a.info.name = b.info.name = "网络信息系统运行与维护";
  a.info.implementer = "上海市松江区科技创新服务中心";
  a.info.department = "上海市松江区科学技术委员会";
  b.info.implementer = "上海市松江区大数据中心";
  b.info.department = "上海市松江区人民政府办公室";
  a.features.indicator_names = {"定期巡检次数", "系统运行稳定率", "用户满意度"};
  b.features.indicator_names = {"网络线路巡检次数", "信息系统稳定性", "使用人群满意度"};
  EXPECT_FALSE(score_match(a, b).acceptable);
  // The same content under the new unit: a unit move.
  b.features.indicator_names = a.features.indicator_names;
  MatchScore moved = score_match(a, b);
  EXPECT_TRUE(moved.acceptable);
  EXPECT_TRUE(moved.link.moved);
  EXPECT_FALSE(moved.link.renamed);
}

}  // namespace
}  // namespace jixiao
