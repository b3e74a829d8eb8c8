#include "store/cjk_tokenizer.h"

#include <sqlite3.h>

#include <algorithm>
#include <new>
#include <string_view>

namespace jixiao::store {
namespace {

char32_t decode(std::string_view s, std::size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  auto cont = [&](std::size_t k) -> unsigned {
    return i + k < s.size() ? (static_cast<unsigned char>(s[i + k]) & 0x3Fu) : 0u;
  };
  if (c < 0x80) { i += 1; return c; }
  if ((c >> 5) == 0x6 && i + 1 < s.size()) {
    char32_t cp = ((c & 0x1Fu) << 6) | cont(1);
    i += 2;
    return cp;
  }
  if ((c >> 4) == 0xE && i + 2 < s.size()) {
    char32_t cp = ((c & 0x0Fu) << 12) | (cont(1) << 6) | cont(2);
    i += 3;
    return cp;
  }
  if ((c >> 3) == 0x1E && i + 3 < s.size()) {
    char32_t cp = ((c & 0x07u) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3);
    i += 4;
    return cp;
  }
  i += 1;
  return 0xFFFD;
}

// Ideographs and other scripts written without spaces: each character is a unit.
bool is_char_unit(char32_t cp) {
  return cp == 0x3007 ||                       // 〇
         (cp >= 0x3040 && cp <= 0x30FF) ||     // kana
         (cp >= 0x3400 && cp <= 0x4DBF) ||     // CJK extension A
         (cp >= 0x4E00 && cp <= 0x9FFF) ||     // CJK unified ideographs
         (cp >= 0xAC00 && cp <= 0xD7AF) ||     // hangul
         (cp >= 0xF900 && cp <= 0xFAFF) ||     // compatibility ideographs
         (cp >= 0x20000 && cp <= 0x3134F);     // extensions B–G
}

// ASCII letters and digits, full-width forms folded; 0 when not a word character.
char word_char(char32_t cp) {
  if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;  // full-width ASCII
  if (cp >= '0' && cp <= '9') return static_cast<char>(cp);
  if (cp >= 'a' && cp <= 'z') return static_cast<char>(cp);
  if (cp >= 'A' && cp <= 'Z') return static_cast<char>(cp - 'A' + 'a');
  return 0;
}

// The index's options, from the table's `tokenize = 'jixiao_cjk …'` arguments.
struct Tokenizer {
  bool trigrams = false;  // "trigram": also index three touching units (schema v9 on)
};

int create(void*, const char** args, int arg_count, Fts5Tokenizer** out) {
  auto* t = new (std::nothrow) Tokenizer;
  if (!t) return SQLITE_NOMEM;
  for (int i = 0; i < arg_count; ++i) {
    if (std::string_view(args[i]) != "trigram") {
      delete t;
      return SQLITE_ERROR;  // an option this program does not know: refuse rather than mis-index
    }
    t->trigrams = true;
  }
  *out = reinterpret_cast<Fts5Tokenizer*>(t);
  return SQLITE_OK;
}

void destroy(Fts5Tokenizer* t) { delete reinterpret_cast<Tokenizer*>(t); }

int tokenize(Fts5Tokenizer* self, void* ctx, int flags, const char* text, int size,
             int (*emit)(void*, int, const char*, int, int, int)) {
  const std::size_t longest = reinterpret_cast<Tokenizer*>(self)->trigrams ? 3 : 2;
  std::vector<TextUnit> units = scan_units(std::string_view(text, static_cast<std::size_t>(size)));
  // The units touching in a row from i on, at most `longest`.
  auto run_at = [&](std::size_t i) {
    std::size_t n = 1;
    while (n < longest && i + n < units.size() && adjacent(units[i + n - 1], units[i + n])) ++n;
    return n;
  };
  std::string gram;
  auto emit_gram = [&](std::size_t i, std::size_t n, int tflags) {
    gram.clear();
    for (std::size_t k = i; k < i + n; ++k) gram += units[k].token;
    return emit(ctx, tflags, gram.data(), static_cast<int>(gram.size()), static_cast<int>(units[i].begin),
                static_cast<int>(units[i + n - 1].end));
  };
  int rc = SQLITE_OK;
  if (flags & FTS5_TOKENIZE_QUERY) {
    // Position k of the phrase stands for unit k: the longest n-gram starting there. The phrase
    // ends as soon as every unit is covered, so its last units are looked up inside the n-gram
    // that starts before them (the rarest term that holds them).
    std::size_t covered = 0;  // units [0, covered) are inside an emitted n-gram
    for (std::size_t i = 0; i < units.size() && covered < units.size() && rc == SQLITE_OK; ++i) {
      const std::size_t n = run_at(i);
      rc = emit_gram(i, n, 0);
      covered = std::max(covered, i + n);
    }
    return rc;
  }
  // Documents: each unit, then colocated at its position the bigram (and trigram) starting there.
  for (std::size_t i = 0; i < units.size() && rc == SQLITE_OK; ++i) {
    const std::size_t n = run_at(i);
    for (std::size_t len = 1; len <= n && rc == SQLITE_OK; ++len) {
      rc = emit_gram(i, len, len == 1 ? 0 : FTS5_TOKEN_COLOCATED);
    }
  }
  return rc;
}

fts5_api* fts5_from(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) == SQLITE_OK) {
    sqlite3_bind_pointer(stmt, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(stmt);
  }
  sqlite3_finalize(stmt);
  return api;
}

// jixiao_columns(table): the columns (bit i = column i) in which every phrase of the MATCH
// expression has an instance in the current row. Reads the row's position lists, which FTS5 has
// loaded to match it.
void columns_of_match(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* out, int,
                      sqlite3_value**) {
  sqlite3_int64 all = -1;  // every bit: no phrase yet
  const int phrases = api->xPhraseCount(fts);
  for (int p = 0; p < phrases; ++p) {
    sqlite3_int64 mask = 0;
    Fts5PhraseIter iter;
    int column = -1;
    for (api->xPhraseFirstColumn(fts, p, &iter, &column); column >= 0;
         api->xPhraseNextColumn(fts, &iter, &column)) {
      if (column < 63) mask |= sqlite3_int64{1} << column;
    }
    all &= mask;
  }
  sqlite3_result_int64(out, phrases > 0 ? all : 0);
}

}  // namespace

std::vector<TextUnit> scan_units(std::string_view text) {
  std::vector<TextUnit> units;
  std::size_t i = 0;
  TextUnit word;
  bool in_word = false;
  auto close_word = [&](std::size_t at) {
    if (!in_word) return;
    word.end = at;
    units.push_back(word);
    in_word = false;
  };
  while (i < text.size()) {
    std::size_t start = i;
    char32_t cp = decode(text, i);
    if (char w = word_char(cp)) {
      if (!in_word) {
        word = TextUnit{start, start, ""};
        in_word = true;
      }
      word.token.push_back(w);
      continue;
    }
    // "90.00": a dot between digits stays inside the word.
    if (cp == '.' && in_word && !word.token.empty() &&
        (word.token.back() >= '0' && word.token.back() <= '9') && i < text.size() &&
        text[i] >= '0' && text[i] <= '9') {
      word.token.push_back('.');
      continue;
    }
    close_word(start);
    if (is_char_unit(cp)) {
      units.push_back(TextUnit{start, i, std::string(text.substr(start, i - start))});
    }
  }
  close_word(text.size());
  return units;
}

std::vector<std::string> query_segments(std::string_view query) {
  std::vector<TextUnit> units = scan_units(query);
  std::vector<std::string> segments;
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (i == 0 || !adjacent(units[i - 1], units[i])) segments.emplace_back();
    segments.back() += units[i].token;
  }
  return segments;
}

Status register_cjk_tokenizer(sqlite3* db) {
  fts5_api* api = fts5_from(db);
  if (!api) return Error{"", 0, "", "SQLite 未启用 FTS5 全文检索"};
  static fts5_tokenizer tokenizer{create, destroy, tokenize};
  if (api->xCreateTokenizer(api, "jixiao_cjk", nullptr, &tokenizer, nullptr) != SQLITE_OK) {
    return Error{"", 0, "", "无法注册全文检索分词器"};
  }
  if (api->xCreateFunction(api, "jixiao_columns", nullptr, &columns_of_match, nullptr) != SQLITE_OK) {
    return Error{"", 0, "", "无法注册全文检索函数"};
  }
  return ok_status();
}

}  // namespace jixiao::store
