// The text parser's stages on generated declarations, one benchmark per layout family
// (Arg 0 = line-broken, 1 = tabbed, 2 = ocr-flat): splitting and normalising lines, layout
// detection, segmentation into parts, the form parser alone, parsing all parts (forms and narratives), and the whole
// parse_bytes (decode + all of the above + SHA-256). Bytes/s are of the rendered input.
#include <benchmark/benchmark.h>

#include "corpus.h"
#include "ingest/document.h"
#include "ingest/form_parser.h"
#include "ingest/layout.h"
#include "ingest/lines.h"
#include "ingest/parse.h"
#include "ingest/segment.h"

namespace jixiao::bench {
namespace {

synth::TextLayout layout_of(const benchmark::State& state) {
  return static_cast<synth::TextLayout>(state.range(0));
}

const std::vector<std::string>& documents(synth::TextLayout layout) {
  static const std::vector<std::vector<std::string>> all = {
      rendered_documents(synth::TextLayout::kLineBroken, kDocumentsPerLayout),
      rendered_documents(synth::TextLayout::kTabbed, kDocumentsPerLayout),
      rendered_documents(synth::TextLayout::kOcrFlat, kDocumentsPerLayout)};
  return all[static_cast<std::size_t>(layout)];
}

std::vector<TextLines> split_all(const std::vector<std::string>& docs) {
  std::vector<TextLines> out;
  for (const auto& d : docs) out.push_back(split_lines(d));
  return out;
}

void label(benchmark::State& state, const std::vector<std::string>& docs) {
  state.SetLabel(std::string(synth::layout_name(layout_of(state))));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * total_size(docs)));
}

void BM_SplitLines(benchmark::State& state) {
  const auto& docs = documents(layout_of(state));
  for (auto _ : state) {
    for (const auto& d : docs) benchmark::DoNotOptimize(split_lines(d));
  }
  label(state, docs);
}
BENCHMARK(BM_SplitLines)->DenseRange(0, 2);

void BM_DetectLayout(benchmark::State& state) {
  const auto& docs = documents(layout_of(state));
  const auto lines = split_all(docs);
  for (auto _ : state) {
    for (const auto& l : lines) benchmark::DoNotOptimize(detect_layout(l));
  }
  label(state, docs);
}
BENCHMARK(BM_DetectLayout)->DenseRange(0, 2);

void BM_SegmentDocument(benchmark::State& state) {
  const auto& docs = documents(layout_of(state));
  const auto lines = split_all(docs);
  for (auto _ : state) {
    for (const auto& l : lines) benchmark::DoNotOptimize(segment_document(l));
  }
  label(state, docs);
}
BENCHMARK(BM_SegmentDocument)->DenseRange(0, 2);

// The form parser alone, over every form region the segmenter finds.
void BM_ParseForm(benchmark::State& state) {
  const auto& docs = documents(layout_of(state));
  std::vector<DocumentParts> parts;
  std::size_t form_bytes = 0;
  for (const auto& d : docs) {
    parts.push_back(segment_document(split_lines(d)));
    for (const auto& form : parts.back().forms)
      for (std::size_t i = form.range.begin; i < form.range.end; ++i)
        form_bytes += parts.back().lines[i].text.size() + 1;
  }
  std::size_t forms = 0;
  for (auto _ : state) {
    for (const auto& p : parts) {
      for (const auto& form : p.forms) {
        Project project;
        parse_form(std::span<const TextLine>(p.lines).subspan(form.range.begin, form.range.size()),
                   project);
        benchmark::DoNotOptimize(project);
        ++forms;
      }
    }
  }
  state.SetLabel(std::string(synth::layout_name(layout_of(state))));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * form_bytes));
  state.SetItemsProcessed(static_cast<std::int64_t>(forms));
}
BENCHMARK(BM_ParseForm)->DenseRange(0, 2);

// Everything after the lines exist: segmentation, header, narratives, forms, pairing.
void BM_ParseDocumentLines(benchmark::State& state) {
  const auto& docs = documents(layout_of(state));
  const auto lines = split_all(docs);
  std::vector<Layout> layouts;
  for (const auto& l : lines) layouts.push_back(detect_layout(l));
  for (auto _ : state) {
    for (std::size_t i = 0; i < lines.size(); ++i) {
      auto copy = lines[i];  // parse_document_lines takes the lines by value
      benchmark::DoNotOptimize(parse_document_lines(std::move(copy), layouts[i], "bench"));
    }
  }
  label(state, docs);
}
BENCHMARK(BM_ParseDocumentLines)->DenseRange(0, 2);

// The whole text path of one file in memory, as `jixiao parse` runs it (without output).
void BM_ParseBytes(benchmark::State& state) {
  const auto& docs = documents(layout_of(state));
  for (auto _ : state) {
    for (const auto& d : docs) {
      auto parsed = parse_bytes(d, "bench");
      if (!parsed) {
        state.SkipWithError(parsed.error().describe().c_str());
        return;
      }
      benchmark::DoNotOptimize(parsed);
    }
  }
  label(state, docs);
}
BENCHMARK(BM_ParseBytes)->DenseRange(0, 2);

}  // namespace
}  // namespace jixiao::bench
