#include "ingest/form_text.h"

#include <algorithm>

#include "ingest/normalize.h"

namespace jixiao::form {
namespace {

bool is_ascii_alnum(char32_t cp) {
  return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
}

// Dashes, underscores, box drawing and similar rule characters.
bool is_rule_char(char32_t cp) {
  return cp == '-' || cp == '_' || cp == '=' || cp == '|' || cp == '+' || cp == 0x2014 ||
         cp == 0x2015 || cp == 0x2013 || cp == 0x2012 || cp == 0x2500 || cp == 0x2501 ||
         cp == 0x2502 || cp == 0xFF3F || cp == 0x30FC || (cp >= 0x2500 && cp <= 0x257F);
}

bool is_space(char32_t cp) { return cp == ' ' || cp == '\t'; }

// A line with no form content: only rule characters, or a page number ("- 3 -", "第 3 页",
// "第3页 共10页").
bool is_decoration(std::u32string_view text) {
  bool any = false;
  bool only_rules = true;
  for (char32_t cp : text) {
    if (is_space(cp)) continue;
    any = true;
    if (!is_rule_char(cp)) only_rules = false;
  }
  if (!any || only_rules) return true;
  // "- 12 -"
  std::u32string compact;
  for (char32_t cp : text)
    if (!is_space(cp)) compact.push_back(cp);
  auto all_digits = [](std::u32string_view s) {
    if (s.empty()) return false;
    for (char32_t cp : s)
      if (cp < '0' || cp > '9') return false;
    return true;
  };
  if (compact.size() >= 3 && (compact.front() == '-' || compact.front() == 0x2014) &&
      (compact.back() == '-' || compact.back() == 0x2014) &&
      all_digits(compact.substr(1, compact.size() - 2)))
    return true;
  // "第3页" / "第3页共10页"
  if (compact.size() >= 3 && compact.front() == U'第') {
    std::size_t k = 1;
    std::size_t digits_start = k;
    while (k < compact.size() && compact[k] >= '0' && compact[k] <= '9') ++k;
    if (k > digits_start && k < compact.size() && compact[k] == U'页') {
      ++k;
      if (k == compact.size()) return true;
      if (compact[k] == U'共') {
        ++k;
        std::size_t total_start = k;
        while (k < compact.size() && compact[k] >= '0' && compact[k] <= '9') ++k;
        if (k > total_start && k + 1 == compact.size() && compact[k] == U'页') return true;
      }
    }
  }
  return false;
}

// The same test on UTF-8 text, without converting lines that cannot be a page number.
bool is_decoration(std::string_view text) {
  // A line whose first word starts with neither a rule character nor 第 is content: it holds a
  // character that is not a rule, and it cannot be a page number.
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = next_code_point(text, i);
    if (is_space(cp)) continue;
    if (!is_rule_char(cp) && cp != U'第') return false;
    break;
  }
  return is_decoration(std::u32string_view(to_u32(text)));
}

// True when every code point of `text` is encoded as to_utf8 would write it back (no invalid or
// overlong sequence): a token can then be copied from the line's bytes instead of being decoded
// and encoded again.
bool canonical_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    std::size_t start = i;
    char32_t cp = next_code_point(text, i);
    std::size_t length = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (i - start != length) return false;
  }
  return true;
}

bool is_word_separator(char c) { return c == '\t' || c == ' ' || c == '\n' || c == '\r'; }

// tokenize() for one line whose bytes are not all canonical UTF-8: words are decoded and encoded
// again, as to_utf8 writes them.
void tokenize_decoded(const TextLine& line, int row, Tokens& tokens) {
  std::u32string text = to_u32(line.text);
  if (is_decoration(std::u32string_view(text))) return;
  // Which code points of the line had letter-spacing removed before them.
  std::vector<bool> joined_before(text.size() + 1, false);
  if (!line.joined.empty()) {
    std::size_t index = 0;
    for (std::size_t i = 0; i < line.text.size(); ++index) {
      if (std::binary_search(line.joined.begin(), line.joined.end(), i)) joined_before[index] = true;
      next_code_point(line.text, i);
    }
  }
  std::vector<std::size_t> word_joined;
  bool tabbed = text.find(U'\t') != std::u32string::npos;
  int cell = 0;
  std::u32string word;
  auto flush = [&] {
    if (word.empty()) return;
    Token token;
    token.text = to_utf8(word);
    token.line = &line;
    token.row = row;
    token.cell = cell;
    token.tabbed = tabbed;
    token.joined = std::move(word_joined);
    tokens.push_back(std::move(token));
    word.clear();
    word_joined.clear();
  };
  for (std::size_t index = 0; index < text.size(); ++index) {
    char32_t cp = text[index];
    if (cp == '\t') {
      flush();
      ++cell;
    } else if (cp == ' ' || cp == '\n' || cp == '\r') {
      flush();
    } else {
      if (joined_before[index] && !word.empty()) word_joined.push_back(word.size());
      word.push_back(cp);
    }
  }
  flush();
}

}  // namespace

std::u32string to_u32(std::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) out.push_back(next_code_point(utf8, i));
  return out;
}

std::string to_utf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size() * 3);
  for (char32_t cp : text) append_utf8(out, cp);
  return out;
}

Tokens tokenize(std::span<const TextLine> lines) {
  Tokens tokens;
  // Rows follow the source line numbers, so that lines the caller dropped (blank ones) still
  // stand apart; without usable numbers, the lines' order.
  bool numbered = std::all_of(lines.begin(), lines.end(), [](const TextLine& l) { return l.number > 0; }) &&
                  std::is_sorted(lines.begin(), lines.end(), [](const TextLine& a, const TextLine& b) {
                    return a.number < b.number;
                  });
  int ordinal = -1;
  for (const TextLine& line : lines) {
    ++ordinal;
    int row = numbered ? line.number : ordinal;
    std::size_t first = tokens.size();
    const std::string& text = line.text;
    if (!canonical_utf8(text)) {
      tokenize_decoded(line, row, tokens);
    } else if (!is_decoration(std::string_view(text))) {
      // Separators are ASCII, so words are byte ranges of the line.
      bool tabbed = text.find('\t') != std::string::npos;
      int cell = 0;
      for (std::size_t i = 0; i < text.size();) {
        if (is_word_separator(text[i])) {
          if (text[i] == '\t') ++cell;
          ++i;
          continue;
        }
        std::size_t start = i;
        while (i < text.size() && !is_word_separator(text[i])) ++i;
        Token token;
        token.text.assign(text, start, i - start);
        token.line = &line;
        token.row = row;
        token.cell = cell;
        token.tabbed = tabbed;
        // Code-point indices in the word where letter-spacing was removed before it.
        if (!line.joined.empty()) {
          std::size_t index = 0;
          for (std::size_t k = start; k < i; ++index) {
            if (index > 0 && std::binary_search(line.joined.begin(), line.joined.end(), k))
              token.joined.push_back(index);
            next_code_point(text, k);
          }
        }
        tokens.push_back(std::move(token));
      }
    }
    for (std::size_t k = first; k < tokens.size(); ++k)
      tokens[k].tokens_on_line = static_cast<int>(tokens.size() - first);
  }
  return tokens;
}

double display_width(std::string_view text) {
  double width = 0;
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = next_code_point(text, i);
    // Comparators print full width in CJK fonts and half width in Latin ones.
    bool either = cp == 0x2265 || cp == 0x2264;
    width += cp < 0x80 ? 0.5 : either ? 0.75 : 1.0;
  }
  return width;
}

double column_width(std::string_view text) {
  double width = display_width(text);
  if (text.empty()) return width;
  std::size_t i = text.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
  std::size_t at = i;
  char32_t last = next_code_point(text, at);
  static constexpr char32_t kHanging[] = {')', U'）', U'，', U'。', U'、', U'；', U'：', U'”', U'’', U'》'};
  for (char32_t mark : kHanging)
    if (last == mark) return width - display_width(text.substr(i));
  return width;
}

SourceSpan span_of(const Tokens& tokens, std::size_t first, std::size_t last) {
  if (tokens.empty() || first >= tokens.size()) return {};
  if (last >= tokens.size()) last = tokens.size() - 1;
  SourceSpan span = tokens[first].line->span();
  for (std::size_t k = first + 1; k <= last; ++k) span = span.merged(tokens[k].line->span());
  return span;
}

void append_joined(std::string& text, std::string_view piece) {
  if (piece.empty()) return;
  if (!text.empty()) {
    unsigned char last = static_cast<unsigned char>(text.back());
    std::size_t i = 0;
    char32_t first = next_code_point(piece, i);
    if (last < 0x80 && is_ascii_alnum(last) && is_ascii_alnum(first)) text.push_back(' ');
  }
  text.append(piece);
}

char32_t fold_key(char32_t cp) {
  switch (cp) {
    case 0xFF08: return '(';
    case 0xFF09: return ')';
    case 0xFF1A: return ':';
    case 0x3010: return '[';
    case 0x3011: return ']';
    default: return cp;
  }
}

std::u32string fold_key(std::u32string_view text) {
  std::u32string out(text);
  for (char32_t& cp : out) cp = fold_key(cp);
  return out;
}

std::u32string folded_u32(std::string_view utf8) {
  std::u32string out(utf8.size(), U'\0');
  char32_t* o = out.data();
  for (std::size_t i = 0; i < utf8.size();) *o++ = fold_key(next_code_point(utf8, i));
  out.resize(static_cast<std::size_t>(o - out.data()));
  return out;
}

std::vector<StreamChar> build_stream(const Tokens& tokens) {
  std::vector<StreamChar> stream;
  std::size_t bytes = 0;
  for (const Token& token : tokens) bytes += token.text.size();
  stream.reserve(bytes);  // at least one byte per code point
  for (std::size_t t = 0; t < tokens.size(); ++t) {
    const std::string& text = tokens[t].text;
    const std::vector<std::size_t>& joined = tokens[t].joined;
    for (std::size_t i = 0, index = 0; i < text.size(); ++index) {
      std::size_t start = i;
      char32_t cp = next_code_point(text, i);
      bool after_space = std::find(joined.begin(), joined.end(), index) != joined.end();
      std::size_t canonical = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      auto length = static_cast<std::uint8_t>(i - start == canonical ? canonical : 0);
      stream.push_back(StreamChar{cp, fold_key(cp), static_cast<int>(t), after_space,
                                  static_cast<std::uint32_t>(start), length});
    }
  }
  return stream;
}

std::vector<TokenPiece> pieces_of(const std::vector<StreamChar>& stream, const Tokens& tokens,
                                  std::size_t begin, std::size_t end) {
  std::vector<TokenPiece> pieces;
  end = std::min(end, stream.size());
  for (std::size_t k = begin; k < end;) {
    // One token's run of the range: its bytes copied, unless some character must be encoded.
    int token = stream[k].token;
    std::size_t run_end = k;
    bool copyable = true;
    while (run_end < end && stream[run_end].token == token) {
      copyable = copyable && stream[run_end].length > 0;
      ++run_end;
    }
    TokenPiece piece{token, {}};
    if (copyable) {
      const std::string& text = tokens[static_cast<std::size_t>(token)].text;
      std::size_t first = stream[k].byte;
      std::size_t last = stream[run_end - 1].byte + stream[run_end - 1].length;
      piece.text.assign(text, first, last - first);
    } else {
      for (std::size_t c = k; c < run_end; ++c) append_utf8(piece.text, stream[c].cp);
    }
    pieces.push_back(std::move(piece));
    k = run_end;
  }
  return pieces;
}

Tokens tokens_of(const std::vector<StreamChar>& stream, const Tokens& tokens, std::size_t begin,
                 std::size_t end) {
  Tokens out;
  for (TokenPiece& piece : pieces_of(stream, tokens, begin, end)) {
    const Token& whole = tokens[static_cast<std::size_t>(piece.token)];
    out.push_back(Token{std::move(piece.text), whole.line, whole.row, whole.cell, whole.tabbed,
                        whole.tokens_on_line, whole.joined});
  }
  return out;
}

}  // namespace jixiao::form
