// Property test for the PDF path: random declarations rendered to PDF by the project's own
// cairo/pango renderer (synth/pdf_writer.h) and parsed back from the bytes (ingest/parse.h:
// poppler words → rebuilt table lines → form parser) give the same model.
//
// Two renderings per case, because official forms come both ways: cell text at the top of its
// cell (spreadsheet exports) and vertically centred in it (Word tables). Rendering a PDF costs
// far more than rendering text, so the default is 150 cases per variant.
//
//   JIXIAO_SEED=<seed>             rerun one case, print its full diff and keep the PDF
//   JIXIAO_PDF_ROUNDTRIP_CASES=<n> cases per variant (default 150)
//   JIXIAO_ROUNDTRIP_BASE=<n>      base seed of the run (default fixed)
//   JIXIAO_FAILURE_DIR=<dir>       where failing inputs are saved (default <source>/build/synth-failures)
//
// Contract as in roundtrip_test.cpp: every field equals the model or is listed in `unreadable`,
// and at most 1% of the compared fields are declared unreadable.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>

#include <nlohmann/json.hpp>

#include "ingest/parse.h"
#include "model/json_io.h"
#include "case_seeds.h"
#include "model_diff.h"
#include "synth/generator.h"
#include "synth/pdf_writer.h"
#include "synth/rng.h"

namespace jixiao {
namespace {

using synth_test::failure_dir;
using synth_test::Mismatch;

synth::GeneratedDocument case_document(std::uint64_t seed) {
  synth::GeneratorOptions g;
  g.min_projects = 1;
  g.max_projects = 3;
  g.max_indicators = 16;
  return synth::generate_document(seed, g);
}

constexpr double kMaxUnreadableShare = 0.01;

struct Outcome {
  std::vector<Mismatch> mismatches;
  std::string error;  // rendering or parse_bytes failed
  std::string pdf;
};

Outcome run_case(std::uint64_t seed, bool centred, synth_test::DiffCounts& counts) {
  synth::GeneratedDocument doc = case_document(seed);
  Outcome out;
  auto pdf = synth::render_generated_pdf(doc, centred);
  if (!pdf) {
    out.error = "render: " + pdf.error().describe();
    return out;
  }
  out.pdf = std::move(*pdf);
  auto parsed = parse_bytes(out.pdf, "pdf-" + std::to_string(seed) + ".pdf");
  if (!parsed) {
    out.error = "parse_bytes: " + parsed.error().describe();
    return out;
  }
  synth_test::DiffOptions options;
  options.expected_layout = "pdf";
  out.mismatches = synth_test::diff_declarations(doc.model, *parsed, options, &counts);
  return out;
}

std::string describe(std::uint64_t seed, bool centred, const Outcome& o, std::size_t limit) {
  std::string text = "JIXIAO_SEED=" + std::to_string(seed) + (centred ? " centred" : " top-aligned");
  if (!o.error.empty()) return text + "\n  " + o.error;
  std::size_t shown = 0;
  for (const Mismatch& m : o.mismatches) {
    if (++shown > limit) {
      text += "\n  … " + std::to_string(o.mismatches.size() - limit) + " more";
      break;
    }
    text += "\n  " + m.path + ": expected " + m.expected + ", got " + m.actual;
  }
  return text;
}

void save(std::uint64_t seed, bool centred, const Outcome& o) {
  std::error_code ec;
  std::filesystem::create_directories(failure_dir(), ec);
  std::string stem = std::string(centred ? "pdf-centred-" : "pdf-") + std::to_string(seed);
  std::ofstream(failure_dir() / (stem + ".pdf"), std::ios::binary) << o.pdf;
  std::ofstream(failure_dir() / (stem + ".expected.json"))
      << to_json(case_document(seed).model).dump(1) << "\n";
  std::ofstream(failure_dir() / (stem + ".diff.txt")) << describe(seed, centred, o, 1000) << "\n";
}

void run_variant(bool centred) {
  std::uint64_t base = synth_test::base_seed();
  std::vector<std::uint64_t> seeds = synth_test::case_seeds("JIXIAO_PDF_ROUNDTRIP_CASES", 150);
  auto started = std::chrono::steady_clock::now();
  synth_test::DiffCounts counts;
  std::map<std::string, std::vector<std::uint64_t>> by_kind;
  std::map<std::uint64_t, Outcome> examples;
  std::size_t failed = 0;
  for (std::uint64_t seed : seeds) {
    Outcome o = run_case(seed, centred, counts);
    if (o.error.empty() && o.mismatches.empty()) continue;
    ++failed;
    if (seeds.size() == 1) std::printf("%s\n", describe(seed, centred, o, 1000).c_str());
    std::vector<std::string> kinds;
    if (!o.error.empty()) kinds.push_back("error");
    for (const Mismatch& m : o.mismatches)
      if (std::find(kinds.begin(), kinds.end(), m.kind) == kinds.end()) kinds.push_back(m.kind);
    for (const std::string& kind : kinds) {
      auto& list = by_kind[kind];
      if (list.size() < 3) {
        save(seed, centred, o);
        examples.emplace(seed, o);
      }
      list.push_back(seed);
    }
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  double share = counts.compared ? static_cast<double>(counts.unreadable) / counts.compared : 0.0;
  const char* variant = centred ? "pdf (centred cells)" : "pdf (top-aligned cells)";
  std::printf("[round trip] %s: %zu cases, %zu with wrong or missing fields, %d fields compared, "
              "%.2f%% declared unreadable, %.1f s (base seed %llu)\n",
              variant, seeds.size(), failed, counts.compared, 100.0 * share, seconds,
              static_cast<unsigned long long>(base));
  EXPECT_LE(share, kMaxUnreadableShare) << variant << ": too many fields declared unreadable";
  if (failed == 0) return;
  std::string report = std::string(variant) + ": " + std::to_string(failed) + " of " +
                       std::to_string(seeds.size()) + " cases differ from the model. By kind:";
  for (const auto& [kind, list] : by_kind) {
    report += "\n- " + kind + ": " + std::to_string(list.size()) + " cases; first: " +
              describe(list.front(), centred, examples.at(list.front()), 4);
  }
  report += "\nInputs, expected models and diffs: " + failure_dir().string();
  ADD_FAILURE() << report;
}

TEST(PdfRoundTrip, TopAlignedCells) { run_variant(false); }
TEST(PdfRoundTrip, CentredCells) { run_variant(true); }

}  // namespace
}  // namespace jixiao
