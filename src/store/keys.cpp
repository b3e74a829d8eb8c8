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
  std::string amount;
  if (p.funds.total.value) {
    amount = "t" + std::to_string(p.funds.total.value->fen());
  } else if (p.funds.annual_total.value) {
    amount = "a" + std::to_string(p.funds.annual_total.value->fen());
  }
  return std::to_string(*year) + "|" + name_key(p.name.value.value_or(p.narrative_title.value.value_or(""))) +
         "|" + unit_key(p.implementer.value.value_or("")) + "|" + amount;
}

std::string document_identity(const Declaration& d) {
  std::string issuer = d.issuer.value ? unit_key(*d.issuer.value) : std::string();
  if (!d.year.value || issuer.empty()) {
    std::string source = d.source;
    if (auto slash = source.find_last_of("/\\"); slash != std::string::npos) source.erase(0, slash + 1);
    return "source:" + source;
  }
  bool department = d.header.budget_unit_count.value && *d.header.budget_unit_count.value > 1;
  return std::to_string(*d.year.value) + "|" + issuer + "|" + (department ? "部门" : "单位");
}

}  // namespace jixiao::store
