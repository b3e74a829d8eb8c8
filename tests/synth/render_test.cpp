// The renderers imitate the real documents: each typographic feature listed here is checked to
// occur in the real sample of its layout (../shared/samples, when present) AND in the generated
// documents. Also: rendering is deterministic and GBK output decodes back to the UTF-8 text.
#include <gtest/gtest.h>

#include <iconv.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <regex>
#include <sstream>

#include "synth/generator.h"
#include "synth/render_text.h"

namespace jixiao {
namespace {

using synth::TextLayout;
using Lines = std::vector<std::string>;

Lines split_lines(const std::string& text) {
  Lines out;
  std::stringstream in(text);
  std::string line;
  while (std::getline(in, line)) out.push_back(line);
  return out;
}

struct Feature {
  const char* name;
  std::function<bool(const Lines&)> present;
};

// A line equal to `a` followed, after one blank line, by a line equal to `b`.
bool split_pair(const Lines& l, const std::string& a, const std::string& b) {
  for (std::size_t k = 0; k + 2 < l.size(); ++k)
    if (l[k] == a && l[k + 1].empty() && l[k + 2] == b) return true;
  return false;
}

bool any_line(const Lines& l, const std::regex& re) {
  for (const auto& s : l)
    if (std::regex_search(s, re)) return true;
  return false;
}

const std::vector<Feature>& line_broken_features() {
  static const std::vector<Feature> kFeatures = {
      {"vertical 绩效指标 label one character per line", [](const Lines& l) { return split_pair(l, "绩", "效"); }},
      {"level-1 label wrapped (成本指/标 …)",
       [](const Lines& l) {
         return split_pair(l, "成本指", "标") || split_pair(l, "产出指", "标") ||
                split_pair(l, "效益指", "标") || split_pair(l, "满意度", "指标");
       }},
      {"level-2 label wrapped (服务对象/满意度指/标)",
       [](const Lines& l) { return split_pair(l, "服务对象", "满意度指") || split_pair(l, "服务对象满", "意度指标"); }},
      {"value number split from its unit",
       [](const Lines& l) {
         static const std::regex number(R"(^(=|>=|<=|≥|≤)[0-9.]+$)");
         for (std::size_t k = 0; k + 2 < l.size(); ++k)
           if (std::regex_match(l[k], number) && l[k + 1].empty() && !l[k + 2].empty() &&
               static_cast<unsigned char>(l[k + 2][0]) >= 0x80)
             return true;
         return false;
       }},
      {"goal column headings", [](const Lines& l) {
         return any_line(l, std::regex("^项目总目标 年度总体目标$")) || any_line(l, std::regex("^年度总目标$"));
       }},
      {"page break as a run of blank lines",
       [](const Lines& l) {
         for (std::size_t k = 0; k + 2 < l.size(); ++k)
           if (l[k].empty() && l[k + 1].empty() && l[k + 2].empty()) return true;
         return false;
       }},
      {"funds label over two blocks", [](const Lines& l) { return split_pair(l, "项目资金", "（元）"); }},
      {"both 其他资金 cells on one line", [](const Lines& l) { return any_line(l, std::regex("^其他资金 \\S+ 其他资金 \\S+$")); }},
      {"wrapped date label", [](const Lines& l) { return split_pair(l, "计划开始日", "期") || split_pair(l, "计划开始", "日期"); }},
      {"level-2 label inline with its first row", [](const Lines& l) { return any_line(l, std::regex("^数量指标 \\S+ \\S+")); }},
      {"pdftotext spacing between digits and Chinese", [](const Lines& l) { return any_line(l, std::regex("[0-9] 年")); }},
  };
  return kFeatures;
}

const std::vector<Feature>& tabbed_features() {
  static const std::vector<Feature> kFeatures = {
      {"form title row padded with empty cells", [](const Lines& l) { return any_line(l, std::regex("申报表\t\t\t\t\t$")); }},
      {"merged funds label", [](const Lines& l) { return any_line(l, std::regex("^项目资金 \\(元\\)\t项目资金总额\t")); }},
      {"continuation row under a merged level-2 cell", [](const Lines& l) { return any_line(l, std::regex("^\t\t\t\\S+\t\\S+")); }},
      {"continuation row with a new level-2", [](const Lines& l) { return any_line(l, std::regex("^\t\t(质量|时效)指标\t")); }},
      {"vertical label in the first column", [](const Lines& l) { return any_line(l, std::regex("^绩效(指标)?\t")); }},
      {"empty cell before the 上年结转资金 label", [](const Lines& l) { return any_line(l, std::regex("^\t\t\t上年结转资金\t")); }},
      {"paragraphs on one line", [](const Lines& l) { return any_line(l, std::regex("^按照本市预算绩效管理工作的总体要求.*万元。$")); }},
  };
  return kFeatures;
}

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<Lines> generated(TextLayout layout, int count) {
  std::vector<Lines> out;
  for (int seed = 1; seed <= count; ++seed) {
    auto doc = synth::generate_document(static_cast<std::uint64_t>(seed));
    synth::RenderOptions o;
    o.seed = static_cast<std::uint64_t>(seed) * 7919;
    out.push_back(split_lines(synth::render_text(doc, layout, o)));
  }
  return out;
}

void check_features(const std::vector<Feature>& features, TextLayout layout,
                    const std::vector<std::string>& samples) {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(JIXIAO_SOURCE_DIR) / ".." / "shared" / "samples";
  bool have_samples = fs::exists(dir);
  auto docs = generated(layout, 60);
  for (const auto& f : features) {
    if (have_samples) {
      bool in_sample = false;
      for (const auto& s : samples) in_sample |= f.present(split_lines(read(dir / s)));
      EXPECT_TRUE(in_sample) << "feature not in the real sample (fix the feature list): " << f.name;
    }
    bool in_generated = false;
    for (const auto& d : docs) in_generated |= f.present(d);
    EXPECT_TRUE(in_generated) << "generated " << synth::layout_name(layout)
                              << " documents never show: " << f.name;
  }
}

TEST(RenderRealism, LineBrokenLooksLikePdftotext) {
  check_features(line_broken_features(), TextLayout::kLineBroken,
                 {"songjiang-gov-office-2024.txt", "songjiang-sci-tech-service-center-2023.txt"});
}

TEST(RenderRealism, TabbedLooksLikeTheTableExport) {
  check_features(tabbed_features(), TextLayout::kTabbed, {"songjiang-bigdata-center-2024.txt"});
}

TEST(RenderRealism, OcrFlattensEachFormIntoOneInterleavedLine) {
  int interleaved = 0, forms = 0;
  for (int seed = 1; seed <= 40; ++seed) {
    auto doc = synth::generate_document(static_cast<std::uint64_t>(seed));
    synth::RenderOptions o;
    o.seed = static_cast<std::uint64_t>(seed);
    Lines lines = split_lines(synth::render_text(doc, TextLayout::kOcrFlat, o));
    for (const auto& line : lines) {
      if (line.find("项目名称") == std::string::npos || line.find("三级指标") == std::string::npos)
        continue;
      ++forms;
      EXPECT_NE(line.find('\t'), std::string::npos) << "the table part is tab-separated";
      EXPECT_NE(line.find("项目资金总额"), std::string::npos);
      // A department name wrapped in its cell is read interleaved with the next column.
      const std::string& dept = *doc.model.projects[0].department.value;
      if (line.find(dept) == std::string::npos) ++interleaved;
    }
  }
  int with_form = 0;
  for (int seed = 1; seed <= 40; ++seed)
    for (const auto& p : synth::generate_document(static_cast<std::uint64_t>(seed)).model.projects)
      with_form += p.has_form;
  EXPECT_EQ(forms, with_form);  // one line per form
  EXPECT_GT(interleaved, 0);
}

TEST(Render, DeterministicPerSeed) {
  auto doc = synth::generate_document(5);
  for (TextLayout layout : {TextLayout::kLineBroken, TextLayout::kTabbed, TextLayout::kOcrFlat}) {
    synth::RenderOptions o;
    o.seed = 11;
    o.noise = {true, true, true};
    EXPECT_EQ(synth::render_text(doc, layout, o), synth::render_text(doc, layout, o));
    synth::RenderOptions other = o;
    other.seed = 12;
    EXPECT_NE(synth::render_text(doc, layout, o), synth::render_text(doc, layout, other));
  }
}

std::string gbk_to_utf8(const std::string& gbk) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  std::string out(gbk.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(gbk.data());
  std::size_t in_left = gbk.size(), out_left = out.size();
  char* o = out.data();
  std::size_t r = iconv(cd, &in, &in_left, &o, &out_left);
  iconv_close(cd);
  if (r == static_cast<std::size_t>(-1)) return "<invalid GB18030>";
  out.resize(out.size() - out_left);
  return out;
}

TEST(Render, GbkOutputDecodesToTheUtf8Text) {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    auto doc = synth::generate_document(seed);
    for (TextLayout layout : {TextLayout::kLineBroken, TextLayout::kTabbed, TextLayout::kOcrFlat}) {
      synth::RenderOptions utf8;
      utf8.seed = seed;
      synth::RenderOptions gbk = utf8;
      gbk.gbk = true;
      std::string text = synth::render_text(doc, layout, utf8);
      std::string encoded = synth::render_text(doc, layout, gbk);
      EXPECT_NE(encoded, text);
      EXPECT_EQ(gbk_to_utf8(encoded), text) << "seed " << seed;
      EXPECT_EQ(encoded.find('?'), std::string::npos) << "a character GBK lacks";
    }
  }
}

}  // namespace
}  // namespace jixiao
