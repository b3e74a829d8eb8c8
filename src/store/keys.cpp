#include "store/keys.h"

#include <string>

#include "store/cjk_tokenizer.h"

namespace jixiao::store {

std::string name_key(std::string_view name) {
  std::string key;
  for (const TextUnit& u : scan_units(name)) key += u.token;
  return key;
}

std::string unit_key(std::string_view unit) {
  std::string key = name_key(unit);
  static const std::string kOwnLevel = "本级";
  if (key.size() > kOwnLevel.size() &&
      key.compare(key.size() - kOwnLevel.size(), kOwnLevel.size(), kOwnLevel) == 0) {
    key.resize(key.size() - kOwnLevel.size());
  }
  return key;
}

std::string duplicate_key(std::optional<int> year, const Project& p) {
  if (!year) return {};
  const std::string name = name_key(p.name.value.value_or(p.narrative_title.value.value_or("")));
  const std::string implementer = unit_key(p.implementer.value.value_or(""));
  std::string amount;
  if (p.funds.total.value) {
    amount = "t" + std::to_string(p.funds.total.value->fen());
  } else if (p.funds.annual_total.value) {
    amount = "a" + std::to_string(p.funds.annual_total.value->fen());
  }
  if (name.empty() || implementer.empty() || amount.empty()) return {};
  return std::to_string(*year) + "|" + name + "|" + implementer + "|" + amount;
}

namespace {

bool ends_with(const std::string& s, std::string_view tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// Drops "(N)", "（N）", " (N)" or "-vN" / "_vN" at the end; returns whether something was dropped.
bool drop_copy_marker(std::string& s) {
  auto digits_before = [&](std::size_t end) {
    std::size_t i = end;
    while (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9') --i;
    return i;
  };
  for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"(", ")"}, {"（", "）"}}) {
    if (!ends_with(s, close)) continue;
    std::size_t end = s.size() - close.size();
    std::size_t start = digits_before(end);
    if (start == end || start < open.size() || s.compare(start - open.size(), open.size(), open) != 0) continue;
    s.resize(start - open.size());
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return true;
  }
  std::size_t start = digits_before(s.size());
  if (start < s.size() && start >= 2 && s[start - 1] == 'v' && (s[start - 2] == '-' || s[start - 2] == '_')) {
    s.resize(start - 2);
    return true;
  }
  return false;
}

}  // namespace

std::string source_stem(std::string_view source) {
  std::string stem(source);
  if (auto slash = stem.find_last_of("/\\"); slash != std::string::npos) stem.erase(0, slash + 1);
  if (auto dot = stem.find_last_of('.'); dot != std::string::npos && dot > 0) stem.resize(dot);
  for (char& c : stem) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  while (drop_copy_marker(stem)) {
  }
  return stem;
}

std::string document_identity(const Declaration& d) {
  const std::string stem = source_stem(d.source);
  std::string issuer = d.issuer.value ? unit_key(*d.issuer.value) : std::string();
  if (!d.year.value || issuer.empty()) return "source:" + stem;
  return std::to_string(*d.year.value) + "|" + issuer + "|" + stem;
}

}  // namespace jixiao::store
