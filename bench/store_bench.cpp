// Storage benchmarks (docs/performance.md, "Storage"): ingest a generated corpus of N projects
// into a new SQLite database and report the ingest rate, the database size and the peak memory;
// then time summary and search (1-, 2-, 3- and 6-character queries) on that database.
//
//   JIXIAO_STORE_BENCH_PROJECTS=1000000 build/store/bench/jixiao_bench --benchmark_filter=Store
//
// N defaults to 20,000 (a quick run). The database is JIXIAO_STORE_BENCH_DB (default
// /tmp/jixiao-store-bench-N.db); StoreIngest rebuilds it, the query benchmarks reuse it (and build
// it first when it is missing). The corpus: documents from synth::generate_document (1–15
// projects), each from a distinct unit, rendered as line-broken text (stored as the source bytes)
// and reviewed; every 20th document is a department disclosure repeating the previous unit's
// projects (duplicates counted once). Parsing is not included (bench/run measures it).
#include <benchmark/benchmark.h>

#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "rules/review.h"
#include "service/workspace.h"
#include "synth/generator.h"
#include "synth/render_text.h"

namespace jixiao::bench {
namespace {

std::int64_t corpus_projects() {
  const char* env = std::getenv("JIXIAO_STORE_BENCH_PROJECTS");
  return env && *env ? std::atoll(env) : 20000;
}

std::filesystem::path database_path() {
  const char* env = std::getenv("JIXIAO_STORE_BENCH_DB");
  if (env && *env) return env;
  return std::filesystem::temp_directory_path() /
         ("jixiao-store-bench-" + std::to_string(corpus_projects()) + ".db");
}

double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

std::uintmax_t database_bytes(const std::filesystem::path& db) {
  std::uintmax_t total = 0;
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::error_code ec;
    auto size = std::filesystem::file_size(db.string() + suffix, ec);
    if (!ec) total += size;
  }
  return total;
}

void suffix_units(Declaration& d, const std::string& unit_suffix, const std::string& department_suffix) {
  if (d.issuer.value) *d.issuer.value += unit_suffix;
  for (Project& p : d.projects) {
    if (p.implementer.value) *p.implementer.value += unit_suffix;
    if (p.department.value) *p.department.value += department_suffix;
  }
}

struct BuildFigures {
  std::int64_t documents = 0, projects = 0;
  double seconds = 0;         // ingest_parsed: review + store
  double review_seconds = 0;  // of which the review
  double cpu_seconds = 0;     // CPU time of ingest_parsed
};

double since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// CPU time of this thread: on a shared, loaded machine the wall time mostly measures the others.
double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

// The best of three runs of `query`: wall and CPU milliseconds.
template <class Query>
std::pair<double, double> best_of_three_ms(const Query& query) {
  double wall = 1e18, cpu = 1e18;
  for (int i = 0; i < 3; ++i) {
    auto start = std::chrono::steady_clock::now();
    const double cpu_start = thread_cpu_seconds();
    query();
    cpu = std::min(cpu, (thread_cpu_seconds() - cpu_start) * 1e3);
    wall = std::min(wall, since(start) * 1e3);
  }
  return {wall, cpu};
}

const char* const kQueries[] = {"网", "网站", "满意度", "信息系统运行", "法律 援助", "不存在的检索词"};

// Summary and search latencies on the database as it stands (committed), printed at each
// checkpoint of the build so that their growth with the size is on record.
void report_latencies(Workspace& ws, std::int64_t projects) {
  std::string line = "store bench: at " + std::to_string(projects) + " projects, ms wall/CPU (best of 3):";
  auto add = [&line](const std::string& label, std::pair<double, double> ms) {
    char buf[160];
    std::snprintf(buf, sizeof buf, " %s %.1f/%.1f;", label.c_str(), ms.first, ms.second);
    line += buf;
  };
  const std::pair<const char*, SummaryQuery> summaries[] = {
      {"summary", SummaryQuery{}},
      {"summary --by department", [] { SummaryQuery q; q.by = SummaryDimension::kDepartment; return q; }()},
      {"summary --year 2024 --by implementer", [] {
         SummaryQuery q;
         q.year = 2024;
         q.by = SummaryDimension::kImplementer;
         return q;
       }()},
  };
  for (const auto& [label, q] : summaries) {
    add(label, best_of_three_ms([&ws, &q] { benchmark::DoNotOptimize(ws.summary(q)); }));
  }
  for (const char* text : kQueries) {
    add(std::string("search ") + text, best_of_three_ms([&ws, text] { benchmark::DoNotOptimize(ws.search(text, 20, 0)); }));
  }
  std::fprintf(stderr, "%s\n", line.c_str());
}

// Generates and ingests the corpus into a new database at `db`.
BuildFigures build_database(const std::filesystem::path& db) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db.string() + suffix);
  BuildFigures f;
  WorkspaceOptions options;
  options.reviewer = [&f](const Declaration& d) {
    auto start = std::chrono::steady_clock::now();
    auto findings = review(d);
    f.review_seconds += since(start);
    return findings;
  };
  auto ws = Workspace::open(db, options);
  if (!ws) {
    std::fprintf(stderr, "store bench: %s\n", ws.error().describe().c_str());
    std::abort();
  }
  const std::int64_t target = corpus_projects();
  synth::GeneratedDocument previous;
  double ingest_seconds = 0;
  const std::int64_t report_every = std::max<std::int64_t>(target / 10, 1000);
  std::int64_t next_report = report_every, reported_projects = 0;
  double reported_cpu = 0;
  for (std::uint64_t i = 1; f.projects < target; ++i) {
    synth::GeneratedDocument doc;
    if (i % 20 == 0 && !previous.model.projects.empty()) {
      // A department disclosure: its own projects plus the previous unit's, repeated.
      doc = synth::generate_document(i);
      doc.model.header.budget_unit_count.value = 2;
      doc.model.issuer.value = previous.model.projects.front().department.value.value_or("部门");
      doc.model.year = previous.model.year;  // the same budget year as the unit's own disclosure
      for (std::size_t k = 0; k < previous.model.projects.size(); ++k) {
        doc.model.projects.push_back(previous.model.projects[k]);
        doc.narratives.push_back(previous.narratives[k]);
      }
      for (std::size_t k = 0; k < doc.model.projects.size(); ++k) doc.model.projects[k].seq = static_cast<int>(k) + 1;
    } else {
      doc = synth::generate_document(i);
      // Every document is its own budget unit (a province has tens of thousands); departments are
      // the generator's 352 district departments × 15, about 5,000 as in a province.
      suffix_units(doc.model, std::to_string(i), std::to_string(i % 15));
    }
    synth::RenderOptions render;
    render.seed = i;
    std::string bytes = synth::render_text(doc, synth::TextLayout::kLineBroken, render);
    doc.model.source = "bench-" + std::to_string(i) + ".txt";
    auto start = std::chrono::steady_clock::now();
    const double cpu_start = thread_cpu_seconds();
    // Batched like `jixiao ingest` (Workspace::ingest_paths): documents share transactions.
    auto r = (*ws)->ingest_parsed(doc.model, bytes, /*batched=*/true);
    f.cpu_seconds += thread_cpu_seconds() - cpu_start;
    ingest_seconds += since(start);
    if (!r) {
      std::fprintf(stderr, "store bench: %s\n", r.error().describe().c_str());
      std::abort();
    }
    ++f.documents;
    f.projects += static_cast<std::int64_t>(doc.model.projects.size());
    if (f.projects >= next_report) {
      // How the rate, the size and the memory grow with the database (docs/performance.md).
      const double cpu_now = f.cpu_seconds;
      std::fprintf(stderr,
                   "store bench: %lld projects %lld documents: %.0f s ingest (%.0f s review), %.0f CPU s;"
                   " last %lld projects at %.0f projects/CPU s; database %.0f MB; peak RSS %.0f MB\n",
                   static_cast<long long>(f.projects), static_cast<long long>(f.documents), ingest_seconds,
                   f.review_seconds, cpu_now, static_cast<long long>(f.projects - reported_projects),
                   static_cast<double>(f.projects - reported_projects) / (cpu_now - reported_cpu),
                   static_cast<double>(database_bytes(db)) / 1e6, peak_rss_mb());
      reported_projects = f.projects;
      reported_cpu = cpu_now;
      next_report += report_every;
      if (auto st = (*ws)->flush(); !st) {
        std::fprintf(stderr, "store bench: %s\n", st.error().describe().c_str());
        std::abort();
      }
      report_latencies(**ws, f.projects);
    }
    if (i % 20 != 0) previous = std::move(doc);  // department disclosures repeat a unit
  }
  {
    auto start = std::chrono::steady_clock::now();
    const double cpu_start = thread_cpu_seconds();
    if (auto s = (*ws)->flush(); !s) {
      std::fprintf(stderr, "store bench: %s\n", s.error().describe().c_str());
      std::abort();
    }
    f.cpu_seconds += thread_cpu_seconds() - cpu_start;
    ingest_seconds += since(start);
  }
  f.seconds = ingest_seconds;
  return f;
}

Workspace& workspace() {
  static std::unique_ptr<Workspace> ws = [] {
    const auto db = database_path();
    if (!std::filesystem::exists(db)) build_database(db);
    auto opened = Workspace::open(db);
    if (!opened) std::abort();
    return std::move(*opened);
  }();
  return *ws;
}

void BM_StoreIngest(benchmark::State& state) {
  const auto db = database_path();
  for (auto _ : state) {
    BuildFigures f = build_database(db);
    state.SetIterationTime(f.seconds);
    state.counters["projects"] = static_cast<double>(f.projects);
    state.counters["documents"] = static_cast<double>(f.documents);
    state.counters["projects_per_s"] = static_cast<double>(f.projects) / f.seconds;
    state.counters["documents_per_s"] = static_cast<double>(f.documents) / f.seconds;
    state.counters["review_s"] = f.review_seconds;
    state.counters["ingest_cpu_s"] = f.cpu_seconds;
    state.counters["projects_per_cpu_s"] = static_cast<double>(f.projects) / f.cpu_seconds;
  }
  state.counters["db_MB"] = static_cast<double>(database_bytes(db)) / 1e6;
  state.counters["peak_rss_MB"] = peak_rss_mb();
}
BENCHMARK(BM_StoreIngest)->Iterations(1)->UseManualTime()->Unit(benchmark::kSecond);

void BM_StoreSummary(benchmark::State& state) {
  Workspace& ws = workspace();
  SummaryQuery q;
  q.by = static_cast<SummaryDimension>(state.range(0));
  if (state.range(1)) q.year = 2024;
  for (auto _ : state) {
    auto s = ws.summary(q);
    if (!s) state.SkipWithError(s.error().describe().c_str());
    benchmark::DoNotOptimize(s);
    state.counters["projects"] = s ? s->total.projects : 0;
  }
  state.SetLabel(std::string(q.by == SummaryDimension::kNone ? "total" : dimension_name(q.by)) +
                 (q.year ? " 2024" : " all years"));
}
BENCHMARK(BM_StoreSummary)
    ->Args({0, 0})->Args({1, 0})->Args({4, 0})->Args({1, 1})->Args({2, 1})->Args({3, 1})
    ->Unit(benchmark::kMillisecond);

void BM_StoreSearch(benchmark::State& state) {
  Workspace& ws = workspace();
  const char* query = kQueries[state.range(0)];
  for (auto _ : state) {
    auto r = ws.search(query, 20, 0);
    if (!r) state.SkipWithError(r.error().describe().c_str());
    benchmark::DoNotOptimize(r);
    state.counters["hits"] = r ? r->total : 0;
  }
  state.SetLabel(query);
}
BENCHMARK(BM_StoreSearch)->DenseRange(0, 5)->Unit(benchmark::kMillisecond);

void BM_StoreHistory(benchmark::State& state) {
  Workspace& ws = workspace();
  auto hit = ws.search("门户网站", 1, 0);
  if (!hit || hit->hits.empty()) {
    state.SkipWithError("no project to follow");
    return;
  }
  const std::string id = std::to_string(hit->hits[0].project_id);
  for (auto _ : state) {
    auto h = ws.history(id);
    benchmark::DoNotOptimize(h);
  }
}
BENCHMARK(BM_StoreHistory)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace jixiao::bench
