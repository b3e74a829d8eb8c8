// Workspace: connection handling and ingest. Queries that need more than one store call live in
// views.cpp, history in history.cpp, export in export.cpp.
#include "service/workspace.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>

#include "ingest/parse.h"
#include "rules/review.h"
#include "service/sha256.h"
#include "service/workspace_impl.h"

namespace jixiao {

std::string_view ingest_outcome_name(IngestOutcome o) {
  switch (o) {
    case IngestOutcome::kAdded: return "added";
    case IngestOutcome::kNewVersion: return "new_version";
    case IngestOutcome::kUnchanged: return "unchanged";
    case IngestOutcome::kFailed: break;
  }
  return "failed";
}

void IngestReport::add(IngestedDocument doc) {
  switch (doc.outcome) {
    case IngestOutcome::kAdded: ++added; break;
    case IngestOutcome::kNewVersion: ++new_versions; break;
    case IngestOutcome::kUnchanged: ++unchanged; break;
    case IngestOutcome::kFailed: ++failed; break;
  }
  if (doc.outcome == IngestOutcome::kAdded || doc.outcome == IngestOutcome::kNewVersion) {
    projects += doc.projects;
    indicators += doc.indicators;
    duplicate_projects += doc.duplicate_projects;
    findings += doc.findings;
  }
  documents.push_back(std::move(doc));
}

std::filesystem::path default_database_path() {
  if (const char* env = std::getenv("JIXIAO_DB"); env && *env) return env;
  return "jixiao.db";
}

// ---------------------------------------------------------------------------------------------

StoreLease::~StoreLease() {
  if (impl_ && store_) impl_->give_back(std::move(store_));
}

Result<StoreLease> Workspace::Impl::reader() {
  {
    std::lock_guard lock(pool_mutex);
    if (!idle.empty()) {
      auto store = std::move(idle.back());
      idle.pop_back();
      return StoreLease(this, std::move(store));
    }
  }
  auto store = store::open_sqlite_store(path, /*read_only=*/true);
  if (!store) return store.error();
  return StoreLease(this, std::move(*store));
}

void Workspace::Impl::give_back(std::unique_ptr<store::Store> store) {
  std::lock_guard lock(pool_mutex);
  if (idle.size() < 16) idle.push_back(std::move(store));
}

Workspace::Workspace(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Workspace::~Workspace() = default;

const std::filesystem::path& Workspace::path() const { return impl_->path; }

Result<std::unique_ptr<Workspace>> Workspace::open(const std::filesystem::path& db, WorkspaceOptions options) {
  auto impl = std::make_unique<Impl>();
  impl->path = db;
  if (!options.parser) {
    options.parser = [](std::string_view bytes, std::string_view source) { return parse_bytes(bytes, source); };
  }
  if (!options.reviewer) {
    options.reviewer = [](const Declaration& d) { return review(d); };
  }
  impl->options = std::move(options);
  if (!impl->options.read_only) {
    auto writer = store::open_sqlite_store(db, false, impl->options.upgrade_progress);
    if (!writer) return writer.error();
    impl->writer = std::move(*writer);
  } else {
    // Fail now rather than at the first query when the database is missing or old.
    auto probe = impl->reader();
    if (!probe) return probe.error();
  }
  return std::unique_ptr<Workspace>(new Workspace(std::move(impl)));
}

namespace {

constexpr int kBatchDocuments = 1000;
constexpr auto kBatchTime = std::chrono::seconds(1);

std::string now_iso() {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

IngestedDocument from_stored(const DocumentInfo& info, IngestOutcome outcome) {
  IngestedDocument out;
  out.source = info.source;
  out.outcome = outcome;
  out.document_id = info.id;
  out.version = info.version;
  out.previous_version_id = info.previous_version_id;
  out.projects = info.project_count;
  out.indicators = info.indicator_count;
  out.duplicate_projects = info.duplicate_projects;
  out.findings = info.findings;
  return out;
}

IngestedDocument failed(std::string_view source, Error error) {
  IngestedDocument out;
  out.source = std::string(source);
  out.outcome = IngestOutcome::kFailed;
  if (error.file.empty()) error.file = std::string(source);
  out.error = std::move(error);
  return out;
}

}  // namespace

Status Workspace::Impl::flush_locked() {
  if (!writer || !writer->in_batch()) return ok_status();
  return writer->commit_batch();
}

Workspace::Impl::~Impl() {
  std::lock_guard lock(write_mutex);
  (void)flush_locked();
}

Status Workspace::flush() {
  std::lock_guard lock(impl_->write_mutex);
  return impl_->flush_locked();
}

Result<IngestedDocument> Workspace::Impl::store_parsed(Declaration declaration, std::string_view bytes,
                                                       std::string_view source_name, bool batched) {
  if (options.read_only) return Error{path.string(), 0, "", "数据库以只读方式打开，不能导入"};
  declaration.sha256 = sha256_hex(bytes);
  if (declaration.source.empty()) declaration.source = std::string(source_name);
  int unreadable = static_cast<int>(declaration.unreadable.size());
  for (const Project& p : declaration.projects) unreadable += static_cast<int>(p.unreadable.size());
  store::NewDocument doc;
  doc.declaration = &declaration;
  doc.bytes = bytes;
  doc.findings = options.reviewer(declaration);
  doc.ingested_at = now_iso();
  std::lock_guard lock(write_mutex);
  if (batched && !writer->in_batch()) {
    if (auto s = writer->begin_batch(); !s) return s.error();
    batch_started = std::chrono::steady_clock::now();
    batch_documents = 0;
  } else if (!batched) {
    // A single ingest (an upload) is committed when it returns: the open batch goes first.
    if (auto s = flush_locked(); !s) return s.error();
  }
  auto added = writer->add_document(doc);
  if (batched) {
    ++batch_documents;
    // Commit about once a second: the search index flush and the WAL write are paid per
    // commit, and readers see the batch from then on. A database error ends the batch too
    // (committing the whole documents stored before it).
    if (!added || batch_documents >= kBatchDocuments || std::chrono::steady_clock::now() - batch_started >= kBatchTime) {
      if (auto s = flush_locked(); !s && added) return s.error();
    }
  }
  if (!added) return added.error();
  IngestOutcome outcome = !added->created                              ? IngestOutcome::kUnchanged
                          : added->document.previous_version_id.has_value() ? IngestOutcome::kNewVersion
                                                                       : IngestOutcome::kAdded;
  IngestedDocument out = from_stored(added->document, outcome);
  out.source = std::string(source_name);
  out.unreadable_fields = added->created ? unreadable : 0;
  return out;
}

Result<IngestedDocument> Workspace::ingest_bytes(std::string_view bytes, std::string_view source_name) {
  return impl_->ingest_bytes(bytes, source_name, false);
}

Result<IngestedDocument> Workspace::Impl::ingest_bytes(std::string_view bytes, std::string_view source_name,
                                                       bool batched) {
  if (options.read_only) return Error{path.string(), 0, "", "数据库以只读方式打开，不能导入"};
  // Same bytes already stored: answer without parsing. (A copy inside the open batch is not
  // visible to a reader yet: it is parsed, and the writer then finds it and writes nothing.)
  {
    auto lease = reader();
    if (!lease) return lease.error();
    auto existing = (*lease)->find_by_sha256(sha256_hex(bytes));
    if (!existing) return existing.error();
    if (*existing) {
      IngestedDocument out = from_stored(**existing, IngestOutcome::kUnchanged);
      out.source = std::string(source_name);
      return out;
    }
  }
  auto parsed = options.parser(bytes, source_name);
  if (!parsed) return failed(source_name, parsed.error());
  return store_parsed(std::move(*parsed), bytes, source_name, batched);
}

Result<IngestedDocument> Workspace::ingest_parsed(Declaration declaration, std::string_view bytes, bool batched) {
  std::string source = declaration.source;
  return impl_->store_parsed(std::move(declaration), bytes, source, batched);
}

Result<IngestedDocument> Workspace::ingest_file(const std::filesystem::path& path) {
  return impl_->ingest_file(path, false);
}

Result<IngestedDocument> Workspace::Impl::ingest_file(const std::filesystem::path& path, bool batched) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return failed(path.string(), Error{path.string(), 0, "", "无法读取文件"});
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return failed(path.string(), Error{path.string(), 0, "", "读取文件时出错"});
  return ingest_bytes(buffer.str(), path.filename().string(), batched);
}

namespace {

bool ingestible(const std::filesystem::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".txt" || ext == ".pdf";
}

}  // namespace

Result<IngestReport> Workspace::ingest_paths(const std::vector<std::filesystem::path>& paths,
                                             const ProgressCallback& progress) {
  IngestReport report;
  std::vector<std::filesystem::path> files;
  for (const auto& p : paths) {
    std::error_code ec;
    if (std::filesystem::is_directory(p, ec)) {
      std::vector<std::filesystem::path> found;
      for (auto it = std::filesystem::recursive_directory_iterator(p, ec);
           !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file() && ingestible(it->path())) found.push_back(it->path());
      }
      if (ec) {
        report.add(failed(p.string(), Error{p.string(), 0, "", "无法读取目录: " + ec.message()}));
        continue;
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (std::filesystem::exists(p, ec)) {
      files.push_back(p);  // named explicitly: taken whatever its extension
    } else {
      report.add(failed(p.string(), Error{p.string(), 0, "", "文件不存在"}));
    }
  }
  IngestProgress state;
  state.total = files.size();
  for (const auto& f : files) {
    std::error_code ec;
    auto size = std::filesystem::file_size(f, ec);
    if (!ec) state.bytes_total += size;
  }
  for (const auto& f : files) {
    auto result = impl_->ingest_file(f, /*batched=*/true);
    if (!result) return result.error();  // the database failed: stop (the batch was ended)
    if (result->outcome == IngestOutcome::kFailed && result->error && result->error->file.empty()) {
      result->error->file = f.string();
    }
    report.add(std::move(*result));
    std::error_code ec;
    auto size = std::filesystem::file_size(f, ec);
    if (!ec) state.bytes_done += size;
    ++state.done;
    state.current = f.string();
    if (progress) progress(state);
  }
  if (auto s = flush(); !s) return s.error();
  return report;
}

}  // namespace jixiao
