// Internals of Workspace shared by its .cpp files (not part of the API).
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <vector>

#include "service/workspace.h"
#include "store/store.h"

namespace jixiao {

// A read connection borrowed from the workspace's pool, returned on destruction.
class StoreLease {
 public:
  StoreLease(Workspace::Impl* impl, std::unique_ptr<store::Store> store) : impl_(impl), store_(std::move(store)) {}
  StoreLease(StoreLease&&) noexcept = default;
  StoreLease& operator=(StoreLease&&) = delete;
  ~StoreLease();
  store::Store* operator->() const { return store_.get(); }
  store::Store& operator*() const { return *store_; }

 private:
  Workspace::Impl* impl_;
  std::unique_ptr<store::Store> store_;
};

struct Workspace::Impl {
  std::filesystem::path path;
  WorkspaceOptions options;
  std::mutex write_mutex;               // one writer at a time (SQLite allows no more)
  std::unique_ptr<store::Store> writer;  // null when read-only
  // The open bulk transaction of batched ingests (guarded by write_mutex).
  std::chrono::steady_clock::time_point batch_started;
  int batch_documents = 0;
  std::mutex pool_mutex;
  std::vector<std::unique_ptr<store::Store>> idle;  // read connections ready for reuse

  Result<StoreLease> reader();
  void give_back(std::unique_ptr<store::Store> store);
  // Reviews and stores a parsed declaration (sha256 set from `bytes`).
  Result<IngestedDocument> store_parsed(Declaration declaration, std::string_view bytes,
                                        std::string_view source_name, bool batched);
  Result<IngestedDocument> ingest_bytes(std::string_view bytes, std::string_view source_name, bool batched);
  Result<IngestedDocument> ingest_file(const std::filesystem::path& path, bool batched);
  Status flush_locked();  // commits the open batch; write_mutex held
  ~Impl();
};

}  // namespace jixiao
