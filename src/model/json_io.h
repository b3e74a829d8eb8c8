// The JSON contract of `jixiao parse --format json` (docs/json-contract.md,
// docs/schema/declaration.schema.json). Other subsystems and outside tools read it.
#pragma once

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "model/declaration.h"
#include "model/finding.h"
#include "model/result.h"

namespace jixiao {

// Serialises per the contract: amounts in funds_yuan as "12345.00", absent values null, dates
// ISO, spans as "lines": [first, last] (and "box" for PDF input).
nlohmann::json to_json(const Declaration& d);
nlohmann::json to_json(const Project& p);
nlohmann::json to_json(const Finding& f);

// Reads what to_json wrote back into the model (used by the store and round-trip tests).
// Errors name the JSON path of the offending key.
Result<Declaration> declaration_from_json(const nlohmann::json& j);
Result<Finding> finding_from_json(const nlohmann::json& j);

}  // namespace jixiao
