// JSON of the workspace views (service/workspace.h): the one serialisation used by the web API
// and by `--format json` of the CLI. Documented in docs/store-json.md. Amounts are decimal
// strings (yuan with two decimals, "…_yuan"; 万元 with two decimals, "…_wan"); absent values null.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "service/workspace.h"

namespace jixiao {

nlohmann::json to_json(const FindingCounts& c);
nlohmann::json to_json(const DocumentInfo& d);
nlohmann::json to_json(const ProjectRef& r);
nlohmann::json to_json(const ProjectInfo& p);
nlohmann::json to_json(const IngestedDocument& d);
nlohmann::json to_json(const IngestReport& r);
nlohmann::json to_json(const SummaryRow& r);
nlohmann::json to_json(const Summary& s);
nlohmann::json to_json(const SearchHit& h);
nlohmann::json to_json(const SearchResult& r);
nlohmann::json to_json(const HistoryLink& l);
nlohmann::json to_json(const ProjectHistory& h);
nlohmann::json to_json(const History& h);
nlohmann::json to_json(const ProjectView& v);   // "project" holds the model JSON (json_io.h)
nlohmann::json to_json(const DocumentView& v);  // "declaration" holds the model JSON (json_io.h)
nlohmann::json to_json(const FindingRow& f);

}  // namespace jixiao
