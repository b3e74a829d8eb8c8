// Multi-year corpora for the history tests: generated declarations (synth/generator.h) of a set
// of units, carried from year to year with amounts and targets changed, some projects renamed,
// some moved to another unit, some ended and new ones started. The ground truth (which projects
// are the same project) is kept alongside.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "model/declaration.h"

namespace jixiao::testing {

struct CorpusProject {
  int document = 0;  // index into MultiYearCorpus::documents
  int seq = 0;
};

struct MultiYearCorpus {
  std::vector<Declaration> documents;
  // lineage id → the project in each year it exists (ascending years).
  std::map<int, std::map<int, CorpusProject>> lineages;
  int renames = 0, moves = 0;  // how many year-to-year links are a rename / a unit move
};

struct CorpusPlan {
  std::uint64_t seed = 1;
  int units = 8;
  int first_year = 2021, years = 4;
  int rename_percent = 15;  // per project and year
  int move_percent = 10;
  int end_percent = 5;
};

MultiYearCorpus build_multi_year_corpus(const CorpusPlan& plan);

}  // namespace jixiao::testing
