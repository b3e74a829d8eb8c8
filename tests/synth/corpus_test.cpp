// Corpus writer and `jixiao generate`: exact project counts, reproducible bytes, manifest.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "synth/corpus.h"

namespace jixiao {
namespace {

namespace fs = std::filesystem;

fs::path temp_dir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("jixiao-corpus-test-" + name + "-" +
                                              std::to_string(::getpid()));
  fs::remove_all(dir);
  return dir;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<nlohmann::json> manifest(const fs::path& dir) {
  std::vector<nlohmann::json> out;
  std::ifstream in(dir / "manifest.jsonl");
  std::string line;
  while (std::getline(in, line)) out.push_back(nlohmann::json::parse(line));
  return out;
}

TEST(Corpus, ExactProjectCountAndReproducibleBytes) {
  synth::CorpusOptions o;
  o.projects = 57;
  o.seed = 11;
  o.layout = synth::CorpusLayout::kTabbed;
  o.docs_per_file = 3;
  o.expected = true;
  o.out = temp_dir("a");
  auto a = synth::write_corpus(o);
  ASSERT_TRUE(a.ok()) << a.error().describe();
  EXPECT_EQ(a->projects, 57);
  synth::CorpusOptions again = o;
  again.out = temp_dir("b");
  auto b = synth::write_corpus(again);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(a->bytes, b->bytes);
  EXPECT_EQ(a->files, b->files);
  std::int64_t projects = 0;
  std::uint64_t bytes = 0;
  for (const auto& line : manifest(o.out)) {
    std::string file = line["file"];
    EXPECT_EQ(read(o.out / file), read(again.out / file)) << file;
    EXPECT_EQ(line["layout"], "tabbed");
    EXPECT_LE(line["documents"].get<int>(), 3);
    EXPECT_EQ(read(o.out / file).size(), line["bytes"].get<std::uint64_t>());
    projects += line["projects"].get<std::int64_t>();
    bytes += line["bytes"].get<std::uint64_t>();
    fs::path expected = o.out / file;
    expected.replace_extension(".expected.json");
    EXPECT_TRUE(fs::exists(expected)) << expected;
  }
  EXPECT_EQ(projects, 57);
  EXPECT_EQ(bytes, a->bytes);
  fs::remove_all(o.out);
  fs::remove_all(again.out);
}

TEST(Corpus, StopsAtTheSizeLimitAndMixesLayouts) {
  synth::CorpusOptions o;
  o.seed = 5;
  o.layout = synth::CorpusLayout::kMix;
  o.max_bytes = 600'000;
  o.out = temp_dir("mix");
  auto s = synth::write_corpus(o);
  ASSERT_TRUE(s.ok()) << s.error().describe();
  EXPECT_GE(s->bytes, 600'000u);
  std::set<std::string> layouts;
  for (const auto& line : manifest(o.out)) layouts.insert(line["layout"].get<std::string>());
  EXPECT_TRUE(layouts.count("line-broken") && layouts.count("tabbed") && layouts.count("ocr-flat"));
  fs::remove_all(o.out);
}

TEST(Corpus, RefusesAnEmptyRequest) {
  synth::CorpusOptions o;
  o.out = temp_dir("none");
  EXPECT_FALSE(synth::write_corpus(o).ok());
}

TEST(GenerateCommand, WritesTheRequestedCorpus) {
  fs::path dir = temp_dir("cli");
  std::string command = std::string(JIXIAO_BINARY) + " generate --projects 20 --seed 3 --layout ocr-flat --quiet --out " +
                        dir.string() + " > /dev/null";
  ASSERT_EQ(std::system(command.c_str()), 0);
  std::int64_t projects = 0;
  for (const auto& line : manifest(dir)) projects += line["projects"].get<std::int64_t>();
  EXPECT_EQ(projects, 20);
  std::string bad = std::string(JIXIAO_BINARY) + " generate --projects 5 --layout nonsense --out " +
                    dir.string() + " 2> /dev/null";
  EXPECT_EQ(WEXITSTATUS(std::system(bad.c_str())), 2);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace jixiao
