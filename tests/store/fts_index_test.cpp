// The jixiao_cjk tokenizer inside FTS5: what a document indexes at each position, and that a
// query matches exactly the texts that contain it, with bigrams (schema v3–v8) and with trigrams
// (schema v9 on).
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <utility>
#include <vector>

#include "store/cjk_tokenizer.h"
#include "store/search_text.h"
#include "store/sqlite_db.h"
#include "store_fixtures.h"

namespace jixiao::store {
namespace {

using jixiao::testing::TempDir;

class FtsIndex : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = SqliteDb::open(dir_ / "fts.db", false);
    ASSERT_TRUE(db) << db.error().describe();
    db_ = std::move(*db);
    ASSERT_TRUE(db_.exec("CREATE VIRTUAL TABLE bi USING fts5(x, tokenize = 'jixiao_cjk');"
                         "CREATE VIRTUAL TABLE tri USING fts5(x, tokenize = 'jixiao_cjk trigram');"
                         "CREATE VIRTUAL TABLE tri_terms USING fts5vocab(tri, 'instance');"));
  }

  void add(std::int64_t id, const std::string& text) {
    for (const char* table : {"bi", "tri"}) {
      auto stmt = db_.prepare(std::string("INSERT INTO ") + table + " (rowid, x) VALUES (?, ?)");
      ASSERT_TRUE(stmt);
      ASSERT_TRUE(stmt->bind(1, id).bind(2, text).run());
    }
  }

  // The rowids of `table` matching the store's expression for `query` (each segment quoted).
  std::vector<std::int64_t> matches(const std::string& table, const std::string& query) {
    std::string expression;
    for (const std::string& segment : query_segments(query)) {
      if (!expression.empty()) expression += " AND ";
      expression += "\"" + segment + "\"";
    }
    auto stmt = db_.prepare("SELECT rowid FROM " + table + " WHERE " + table + " MATCH ? ORDER BY rowid");
    EXPECT_TRUE(stmt) << (stmt ? "" : stmt.error().describe());
    stmt->bind(1, expression);
    std::vector<std::int64_t> ids;
    while (true) {
      auto row = stmt->step();
      EXPECT_TRUE(row) << (row ? "" : row.error().describe());
      if (!row || !*row) break;
      ids.push_back(stmt->int64(0));
    }
    return ids;
  }

  TempDir dir_;
  SqliteDb db_;
};

TEST_F(FtsIndex, TrigramTableIndexesUnigramBigramAndTrigramAtEachPosition) {
  add(1, "信息系统，a1网");
  std::vector<std::pair<std::string, int>> terms;
  auto stmt = db_.prepare("SELECT term, offset FROM tri_terms ORDER BY offset, length(term), term");
  ASSERT_TRUE(stmt);
  while (*stmt->step()) terms.emplace_back(stmt->text(0), stmt->int32(1));
  // "，" separates: no n-gram crosses it; "a1" and "网" touch, so they form a bigram.
  const std::vector<std::pair<std::string, int>> expected = {
      {"信", 0}, {"信息", 0}, {"信息系", 0}, {"息", 1}, {"息系", 1}, {"息系统", 1}, {"系", 2},
      {"系统", 2}, {"统", 3}, {"a1", 4}, {"a1网", 4}, {"网", 5}};
  EXPECT_EQ(terms, expected);
}

TEST_F(FtsIndex, UnknownTokenizerOptionIsRefused) {
  EXPECT_FALSE(db_.exec("CREATE VIRTUAL TABLE bad USING fts5(x, tokenize = 'jixiao_cjk quadgram')"));
}

TEST_F(FtsIndex, LongQueriesMatchExactSubstringsWithTrigrams) {
  add(1, "信息系统运行维护");
  add(2, "信息系统 运行维护");  // a space breaks the phrase
  add(3, "系统运行");
  add(4, "运行信息系统");
  for (const std::string table : {"bi", "tri"}) {
    EXPECT_EQ(matches(table, "信息系统运行"), (std::vector<std::int64_t>{1})) << table;
    EXPECT_EQ(matches(table, "系统运行"), (std::vector<std::int64_t>{1, 3})) << table;
    EXPECT_EQ(matches(table, "信息系统"), (std::vector<std::int64_t>{1, 2, 4})) << table;
    EXPECT_EQ(matches(table, "统运"), (std::vector<std::int64_t>{1, 3})) << table;
    EXPECT_EQ(matches(table, "维"), (std::vector<std::int64_t>{1, 2})) << table;
    EXPECT_EQ(matches(table, "信息系统 运行"), (std::vector<std::int64_t>{1, 2, 4})) << table;
  }
}

// Property: over random texts and queries from a small alphabet (so that matches are frequent),
// both tables return exactly the rows in which every query segment occurs as touching units.
TEST_F(FtsIndex, QueriesMatchTheRowsThatContainThemOnRandomTexts) {
  const std::vector<std::string> alphabet = {"信", "息", "系", "统", "运", "行", "a", "1", " ", "，"};
  std::mt19937 rng(20261125);
  auto random_text = [&](int max_chars, bool separators) {
    std::uniform_int_distribution<int> length(1, max_chars);
    std::uniform_int_distribution<std::size_t> pick(0, separators ? alphabet.size() - 1 : alphabet.size() - 3);
    std::string s;
    for (int n = length(rng); n > 0; --n) s += alphabet[pick(rng)];
    return s;
  };
  std::vector<std::string> texts;
  for (int id = 1; id <= 300; ++id) {
    texts.push_back(random_text(24, true));
    add(id, texts.back());
  }
  int queries_with_matches = 0;
  for (int q = 0; q < 400; ++q) {
    const std::string query = random_text(q % 2 == 0 ? 6 : 3, q % 5 == 0);
    const std::vector<std::string> segments = query_segments(query);
    if (segments.empty()) continue;
    std::vector<std::int64_t> expected;
    for (std::size_t i = 0; i < texts.size(); ++i) {
      bool all = true;
      for (const std::string& segment : segments) all = all && !find_segments(texts[i], {segment}).empty();
      if (all) expected.push_back(static_cast<std::int64_t>(i) + 1);
    }
    if (!expected.empty()) ++queries_with_matches;
    EXPECT_EQ(matches("bi", query), expected) << "bigram table, query " << query;
    EXPECT_EQ(matches("tri", query), expected) << "trigram table, query " << query;
  }
  EXPECT_GT(queries_with_matches, 100);  // the property was exercised on matching queries
}

}  // namespace
}  // namespace jixiao::store
