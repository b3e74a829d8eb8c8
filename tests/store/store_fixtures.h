// Small hand-built declarations for the store tests (no parser involved), and a temporary
// database directory that removes itself.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "model/declaration.h"

namespace jixiao::testing {

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "jixiao-store-XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

inline Field<std::string> text_field(std::string s) { return Field<std::string>{std::move(s), {}}; }

inline Indicator indicator(std::string l1, std::string l2, std::string name, std::string value) {
  Indicator i;
  i.l1 = std::move(l1);
  i.l2 = std::move(l2);
  i.name = std::move(name);
  i.value = value;
  i.target = Target::parse(value);
  return i;
}

inline Project project(int seq, std::string name, std::string implementer, std::string department,
                       std::int64_t total_yuan) {
  Project p;
  p.seq = seq;
  p.name = text_field(std::move(name));
  p.implementer = text_field(std::move(implementer));
  p.department = text_field(std::move(department));
  p.category = text_field("其他运转类");
  p.nature = text_field("其他经常性项目");
  p.funds.total.value = Money::from_fen(total_yuan * 100);
  p.funds.fiscal.value = Money::from_fen(total_yuan * 100);
  p.funds.annual_total.value = Money::from_fen(total_yuan * 100);
  p.start.value = Date{2024, 1, 1};
  p.end.value = Date{2024, 12, 31};
  p.has_form = true;
  return p;
}

inline Declaration declaration(std::string source, int year, std::string issuer, std::vector<Project> projects,
                               int budget_units = 1) {
  Declaration d;
  d.source = std::move(source);
  d.layout = "line-broken";
  d.encoding = "UTF-8";
  d.year.value = year;
  d.issuer = text_field(std::move(issuer));
  d.header.budget_unit_count.value = budget_units;
  d.header.project_count.value = static_cast<int>(projects.size());
  d.projects = std::move(projects);
  return d;
}

}  // namespace jixiao::testing
