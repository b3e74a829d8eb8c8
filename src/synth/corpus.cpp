#include "synth/corpus.h"

#include <algorithm>
#include <cstdio>
#include <fstream>

#include <nlohmann/json.hpp>

#include "model/json_io.h"
#include "synth/generator.h"
#include "synth/pdf_writer.h"
#include "synth/render_text.h"
#include "synth/rng.h"

namespace jixiao::synth {
namespace {

// Salts that keep the per-file and per-document streams apart.
constexpr std::uint64_t kFileSalt = 0x66696c65ULL;    // "file"
constexpr std::uint64_t kRenderSalt = 0x72656e64ULL;  // "rend"

struct FilePlan {
  CorpusLayout layout;
  TextLayout text_layout = TextLayout::kLineBroken;
  bool gbk = false;
  bool noise = false;
};

FilePlan plan_file(const CorpusOptions& options, std::int64_t file_index) {
  Rng rng(mix_seed(options.seed ^ kFileSalt, static_cast<std::uint64_t>(file_index)));
  FilePlan plan{options.layout};
  if (plan.layout == CorpusLayout::kMix) {
    std::int64_t draw = rng.between(0, 99);
    plan.layout = draw < 40   ? CorpusLayout::kLineBroken
                  : draw < 70 ? CorpusLayout::kTabbed
                  : draw < 90 ? CorpusLayout::kOcrFlat
                              : CorpusLayout::kPdf;
    plan.gbk = plan.layout != CorpusLayout::kPdf && rng.percent(15);
  }
  plan.noise = plan.layout == CorpusLayout::kOcrFlat && rng.percent(50);
  switch (plan.layout) {
    case CorpusLayout::kTabbed: plan.text_layout = TextLayout::kTabbed; break;
    case CorpusLayout::kOcrFlat: plan.text_layout = TextLayout::kOcrFlat; break;
    default: break;
  }
  return plan;
}

std::string layout_label(const FilePlan& plan) {
  return plan.layout == CorpusLayout::kPdf ? "pdf" : std::string(layout_name(plan.text_layout));
}

std::string file_name(std::int64_t index, bool pdf) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "doc-%06lld.%s", static_cast<long long>(index), pdf ? "pdf" : "txt");
  return buf;
}

Status write_file(const std::filesystem::path& path, std::string_view bytes) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  f.close();
  if (!f) return Error{path.string(), 0, "", "无法写入文件"};
  return ok_status();
}

}  // namespace

std::optional<CorpusLayout> parse_corpus_layout(std::string_view name) {
  if (name == "mix") return CorpusLayout::kMix;
  if (name == "pdf") return CorpusLayout::kPdf;
  if (auto t = parse_layout_name(name)) {
    switch (*t) {
      case TextLayout::kLineBroken: return CorpusLayout::kLineBroken;
      case TextLayout::kTabbed: return CorpusLayout::kTabbed;
      case TextLayout::kOcrFlat: return CorpusLayout::kOcrFlat;
    }
  }
  return std::nullopt;
}

Result<CorpusStats> write_corpus(const CorpusOptions& options,
                                 const std::function<void(const CorpusStats&)>& progress) {
  if (options.projects <= 0 && options.max_bytes == 0)
    return Error{"", 0, "--projects", "需要项目数（或语料大小上限）"};
  std::error_code ec;
  std::filesystem::create_directories(options.out, ec);
  if (ec) return Error{options.out.string(), 0, "", "无法创建目录: " + ec.message()};
  std::ofstream manifest(options.out / "manifest.jsonl", std::ios::trunc);
  if (!manifest) return Error{(options.out / "manifest.jsonl").string(), 0, "", "无法写入文件"};

  CorpusStats stats;
  const bool unlimited_projects = options.projects <= 0;
  const int per_doc = std::max(1, options.max_projects_per_doc);
  while ((unlimited_projects || stats.projects < options.projects) &&
         (options.max_bytes == 0 || stats.bytes < options.max_bytes)) {
    std::int64_t file_index = stats.files + 1;
    FilePlan plan = plan_file(options, file_index);
    bool pdf = plan.layout == CorpusLayout::kPdf;
    int docs = pdf ? 1 : std::max(1, options.docs_per_file);
    std::string bytes;
    nlohmann::json seeds = nlohmann::json::array();
    nlohmann::json expected = nlohmann::json::array();
    std::int64_t file_projects = 0;
    for (int k = 0; k < docs && (unlimited_projects || stats.projects + file_projects < options.projects);
         ++k) {
      std::uint64_t doc_seed = mix_seed(options.seed, static_cast<std::uint64_t>(stats.documents + 1));
      std::int64_t remaining = unlimited_projects ? per_doc : options.projects - stats.projects - file_projects;
      GeneratorOptions g;
      g.max_projects = static_cast<int>(std::min<std::int64_t>(per_doc, remaining));
      g.min_projects = 1;
      GeneratedDocument doc = generate_document(doc_seed, g);
      if (pdf) {
        auto rendered = render_generated_pdf(doc);
        if (!rendered) return rendered.error();
        bytes += *rendered;
      } else {
        RenderOptions r;
        r.seed = mix_seed(doc_seed, kRenderSalt);
        r.gbk = plan.gbk;
        r.noise = OcrNoise{plan.noise, plan.noise, plan.noise};
        if (!bytes.empty()) bytes += "\n\n";
        bytes += render_text(doc, plan.text_layout, r);
      }
      seeds.push_back(doc_seed);
      file_projects += static_cast<std::int64_t>(doc.model.projects.size());
      if (options.expected) {
        doc.model.layout = layout_label(plan);
        doc.model.encoding = plan.gbk ? "GB18030" : "UTF-8";
        doc.model.source = file_name(file_index, pdf);
        expected.push_back(to_json(doc.model));
      }
      ++stats.documents;
    }
    std::string name = file_name(file_index, pdf);
    if (auto s = write_file(options.out / name, bytes); !s) return s.error();
    if (options.expected) {
      std::string json = (expected.size() == 1 ? expected[0] : expected).dump(1) + "\n";
      std::filesystem::path path = options.out / name;
      path.replace_extension(".expected.json");
      if (auto s = write_file(path, json); !s) return s.error();
    }
    nlohmann::json line = {{"file", name},
                           {"layout", layout_label(plan)},
                           {"encoding", plan.gbk ? "GBK" : (pdf ? "PDF" : "UTF-8")},
                           {"noise", plan.noise},
                           {"documents", seeds.size()},
                           {"projects", file_projects},
                           {"bytes", bytes.size()},
                           {"seeds", seeds}};
    manifest << line.dump() << '\n';
    ++stats.files;
    stats.projects += file_projects;
    stats.bytes += bytes.size();
    if (progress) progress(stats);
  }
  manifest.close();
  if (!manifest) return Error{(options.out / "manifest.jsonl").string(), 0, "", "无法写入文件"};
  return stats;
}

}  // namespace jixiao::synth
