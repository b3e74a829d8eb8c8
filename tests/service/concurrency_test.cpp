// A Workspace shared by threads (as the web server shares it): reads run while documents are
// being ingested, and every answer is consistent (no error, never half a document).
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include <nlohmann/json.hpp>

#include "model/json_io.h"
#include "service/workspace.h"
#include "service_fixtures.h"
#include "synth/generator.h"

namespace jixiao {
namespace {

TEST(Concurrency, ReadersSeeWholeDocumentsWhileAWriterIngests) {
  testing::ServiceTempDir dir;
  WorkspaceOptions options;
  options.reviewer = [](const Declaration&) { return std::vector<Finding>{}; };
  auto ws = Workspace::open(dir / "c.db", options);
  ASSERT_TRUE(ws) << ws.error().describe();
  std::vector<Declaration> docs;
  std::vector<int> sizes;
  for (std::uint64_t seed = 1; docs.size() < 30; ++seed) {
    auto d = synth::generate_document(seed).model;
    d.issuer.value = *d.issuer.value + std::to_string(seed);  // distinct declarations
    d.year.value = 2024;
    docs.push_back(d);
  }

  std::atomic<bool> done{false};
  std::atomic<int> errors{0}, reads{0}, torn{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 4; ++t) {
    readers.emplace_back([&, t] {
      while (!done) {
        if (t % 2 == 0) {
          auto s = (*ws)->summary({});
          if (!s) { ++errors; continue; }
          // Documents appear whole: the projects of the stored documents add up.
          auto list = (*ws)->documents(std::nullopt, false);
          if (!list) { ++errors; continue; }
          int projects = 0;
          for (const auto& d : *list) projects += d.project_count;
          auto again = (*ws)->summary({});
          if (!again) { ++errors; continue; }
          if (projects < s->total.projects || projects > again->total.projects) ++torn;
        } else {
          auto r = (*ws)->search("管理");
          if (!r) ++errors;
        }
        ++reads;
      }
    });
  }
  for (const Declaration& d : docs) {
    auto r = (*ws)->ingest_parsed(d, to_json(d).dump());
    ASSERT_TRUE(r) << r.error().describe();
  }
  done = true;
  for (auto& t : readers) t.join();
  EXPECT_EQ(errors, 0);
  EXPECT_EQ(torn, 0);
  EXPECT_GT(reads, 0);
  int expected = 0;
  for (const auto& d : docs) expected += static_cast<int>(d.projects.size());
  EXPECT_EQ((*ws)->summary({})->total.projects, expected);
}

}  // namespace
}  // namespace jixiao
