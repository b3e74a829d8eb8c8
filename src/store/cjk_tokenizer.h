// The full-text tokenizer of the search index ("jixiao_cjk"): every CJK character is a unit, and
// so is every run of ASCII letters/digits (lower-cased; full-width forms folded). In documents each
// unit is indexed as a unigram and, colocated at the same position, as a bigram with the next unit
// when nothing separates them — and, with the table option `tokenize = 'jixiao_cjk trigram'`
// (schema v9 on), as a trigram with the next two. A query becomes the phrase of the longest n-grams
// that start at each unit, up to the one that covers the last unit: "网" the unigram, "网站" the
// bigram, "信息系统运行" the trigrams 信息系 息系统 系统运 统运行. So 1-, 2- and n-character Chinese
// queries are exact substring matches served from the index (SQLite's trigram tokenizer cannot
// answer 1–2 characters), and a long query looks up terms about as rare as itself: its bigrams
// (信息, 系统) can be in most projects where its trigrams are not.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/result.h"

struct sqlite3;

namespace jixiao::store {

struct TextUnit {
  std::size_t begin = 0, end = 0;  // byte offsets in the scanned text
  std::string token;               // the CJK character, or the lower-cased ASCII word
};

// Splits text into units; separators (spaces, punctuation, symbols) produce no unit.
std::vector<TextUnit> scan_units(std::string_view text);

// True when units a and b (a before b) touch: no separator between them.
inline bool adjacent(const TextUnit& a, const TextUnit& b) { return a.end == b.begin; }

// Splits a search query into segments: maximal runs of touching units, as text. A matching
// text contains every segment. "网络 信息、系统" → {"网络", "信息", "系统"}.
std::vector<std::string> query_segments(std::string_view query);

// Registers the tokenizer with a connection (needed before any read or write of the index), and
// the auxiliary function jixiao_columns(table): a bit mask of the columns (bit i = column i) in
// which every phrase of the row's MATCH has an instance.
Status register_cjk_tokenizer(sqlite3* db);

}  // namespace jixiao::store
