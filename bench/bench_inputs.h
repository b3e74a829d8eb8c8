// Inputs shared by the micro-benchmarks: typical declaration lines (written here, shaped like the
// layouts jixiao reads), and the sample declarations from ../shared when they are present.
#pragma once

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao::bench {

// Lines of the kinds a parser meets: narrative prose, form labels with OCR letter-spacing,
// full-width digits, tab-separated cells, single characters of a split label, amounts and targets.
inline const std::vector<std::string>& typical_lines() {
  static const std::vector<std::string> lines = {
      "按照本市预算绩效管理工作的总体要求，本单位 1 个预算单位开展了 2024 年项目预算绩效目标编报工作，"
      "编报绩效目标的项目 4 个，涉及项目预算资金 1808.10 万元。",
      "项 目 名 称\t城市网格化综合管理运维服务",
      "项目资金总额\t３７，７８０，０００．００\t年度资金申请总额\t37,780,000.00",
      "绩",
      "效",
      "数量指标\t培训人次\t≥１２０（人次）",
      "服务对象满意度指标　　群众满意度　　>=90.00(%)",
      "=56850",
      "份",
      "计划开始日期\t2024-01-01\t计划完成日期\t2024-12-31",
      "一、项目概述",
      "（一）、项目推进及社保卡宣传活动，预算 120.50 万元。",
      "实施单位  上海市某区某某服务中心（本级）  主管部门  上海市某区人民政府办公室",
      "  \t  ",
      "≤24.00(小时)",
      "The quick ASCII line with numbers 12345 and words",
  };
  return lines;
}

// Total UTF-8 bytes of `lines` (for MB/s counters).
inline std::size_t total_bytes(const std::vector<std::string>& lines) {
  std::size_t n = 0;
  for (const auto& l : lines) n += l.size();
  return n;
}

// The read-only sample set beside the clone (see tests: ../shared next to the source tree).
inline std::filesystem::path shared_dir() {
  return std::filesystem::path(JIXIAO_SOURCE_DIR) / ".." / "shared";
}

// Whole bytes of a file; nullopt when it cannot be read.
inline std::optional<std::string> read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The lines of every sample declaration text in ../shared/samples (empty when absent).
inline const std::vector<std::string>& sample_lines() {
  static const std::vector<std::string> lines = [] {
    std::vector<std::string> out;
    std::error_code ec;
    auto dir = shared_dir() / "samples";
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
      if (entry.path().extension() != ".txt") continue;
      auto bytes = read_bytes(entry.path());
      if (!bytes) continue;
      std::istringstream in(*bytes);
      for (std::string line; std::getline(in, line);) out.push_back(line);
    }
    return out;
  }();
  return lines;
}

}  // namespace jixiao::bench
