// Workspace::export_to: every stored project as JSON (documents with their declaration) or CSV.
#include <ostream>

#include <nlohmann/json.hpp>

#include "model/json_io.h"
#include "service/views_json.h"
#include "service/workspace_impl.h"

namespace jixiao {

namespace {

// RFC 4180 quoting. Text cells starting with = + - @ get a leading apostrophe so that Excel/WPS
// show them as text instead of evaluating them as formulas (CSV injection).
std::string csv_text(const std::string& s) {
  std::string v;
  if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@')) v.push_back('\'');
  v.append(s);
  bool quote = v.find_first_of(",\"\r\n") != std::string::npos;
  if (!quote) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string csv_money(const std::optional<Money>& m) { return m ? m->yuan_string() : ""; }

}  // namespace

Status Workspace::export_to(std::ostream& out, ExportFormat format, const ExportQuery& query) {
  auto s = impl_->reader();
  if (!s) return s.error();
  bool first = true;
  if (format == ExportFormat::kCsv) {
    out << "\xEF\xBB\xBF";  // UTF-8 BOM: Excel and WPS then read the file as UTF-8
    out << "document_id,project_id,year,source,issuer,version,current,seq,项目名称,主管部门,实施单位,"
           "项目类别,项目性质,计划开始日期,计划完成日期,项目资金总额_元,财政资金_元,年度资金申请总额_元,"
           "指标数,错误,警告,提示,计入汇总,重复于项目\r\n";
  } else {
    out << "[";
  }
  auto visit = [&](const DocumentInfo& info, const std::string& declaration_json,
                   const std::vector<Finding>& findings, const std::vector<ProjectInfo>& projects) -> Status {
    if (format == ExportFormat::kCsv) {
      for (const ProjectInfo& p : projects) {
        out << info.id << ',' << p.id << ',' << (p.year ? std::to_string(*p.year) : "") << ','
            << csv_text(info.source) << ',' << csv_text(info.issuer) << ',' << info.version << ','
            << (info.current ? 1 : 0) << ',' << p.seq << ',' << csv_text(p.name) << ','
            << csv_text(p.department) << ',' << csv_text(p.implementer) << ',' << csv_text(p.category) << ','
            << csv_text(p.nature) << ',' << (p.start ? p.start->iso() : "") << ','
            << (p.end ? p.end->iso() : "") << ',' << csv_money(p.total) << ',' << csv_money(p.fiscal) << ','
            << csv_money(p.annual_total) << ',' << p.indicator_count << ',' << p.findings.error << ','
            << p.findings.warning << ',' << p.findings.advice << ',' << (p.counted ? 1 : 0) << ','
            << (p.duplicate_of ? std::to_string(*p.duplicate_of) : "") << "\r\n";
      }
    } else {
      nlohmann::json doc;
      doc["document"] = to_json(info);
      doc["declaration"] = nlohmann::json::parse(declaration_json, nullptr, false);
      doc["findings"] = nlohmann::json::array();
      for (const Finding& f : findings) doc["findings"].push_back(to_json(f));
      doc["projects"] = nlohmann::json::array();
      for (const ProjectInfo& p : projects) doc["projects"].push_back(to_json(p));
      out << (first ? "\n" : ",\n") << doc.dump();
    }
    first = false;
    if (!out) return Error{"", 0, "", "写出导出数据失败"};
    return ok_status();
  };
  if (auto st = (*s)->for_each_document(query, visit); !st) return st;
  if (format == ExportFormat::kJson) out << (first ? "]\n" : "\n]\n");
  out.flush();
  if (!out) return Error{"", 0, "", "写出导出数据失败"};
  return ok_status();
}

}  // namespace jixiao
