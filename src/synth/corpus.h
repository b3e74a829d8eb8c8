// Reproducible corpora of generated declarations on disk (`jixiao generate`, bench/run).
// Documents are generated, rendered and written one file at a time, so memory stays bounded
// whatever the corpus size.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "model/result.h"

namespace jixiao::synth {

// Which layouts a corpus holds; kMix draws one per file (line-broken 40%, tabbed 30%,
// ocr-flat 20% of which half carry OCR noise, pdf 10%); 15% of text files are GBK.
enum class CorpusLayout { kLineBroken, kTabbed, kOcrFlat, kPdf, kMix };

std::optional<CorpusLayout> parse_corpus_layout(std::string_view name);  // "pdf", "mix", …

struct CorpusOptions {
  std::int64_t projects = 0;      // total projects over all documents (exact)
  std::uint64_t seed = 1;
  CorpusLayout layout = CorpusLayout::kMix;
  int docs_per_file = 1;          // text layouts: documents written back to back in one file
  int max_projects_per_doc = 15;  // documents carry 1…this many projects
  std::uint64_t max_bytes = 0;    // stop after the file that reaches this size (0: no limit)
  bool expected = false;          // also write NAME.expected.json (the model, JSON contract)
  std::filesystem::path out;      // created if missing
};

struct CorpusStats {
  std::int64_t files = 0, documents = 0, projects = 0;
  std::uint64_t bytes = 0;  // corpus files only (not manifest / expected JSON)
};

// Writes the corpus: files "doc-000001.txt|pdf" and "manifest.jsonl" (one JSON line per file:
// name, layout, encoding, noise, documents, projects, bytes, seeds). The same options give
// the same bytes. `progress`, when set, is called after each file. Errors name the file.
Result<CorpusStats> write_corpus(const CorpusOptions& options,
                                 const std::function<void(const CorpusStats&)>& progress = {});

}  // namespace jixiao::synth
