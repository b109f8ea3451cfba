#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "diagnostics.h"
#include "framework.h"

namespace ys {

inline constexpr const char* kTargetsFormat = "yardstick-targets/1";

struct Target {
    std::string dimension;
    double level = 0;  // may be fractional where the framework's scores are (2.5 on a 0-3 scale)
    std::string by;  // ISO date, may be empty
};

struct TargetSet {
    std::string framework_id;
    std::string organisation;
    std::vector<Target> targets;
};

// Reads a targets file and checks it against the framework it names.
std::optional<TargetSet> parse_targets(const nlohmann::json& doc, const Framework& fw, Diagnostics& diags);
// The framework a targets file names, read before the rest is checked.
std::optional<std::string> read_targets_framework(const nlohmann::json& doc, Diagnostics& diags);

bool is_iso_date(const std::string& s);

// A target level as people and files show it: 3 -> "3", 2.5 -> "2.5".
std::string target_text(double level);
// As JSON: a whole number stays an integer (3, not 3.0), so files of whole targets are unchanged.
nlohmann::json target_json(double level);
// The whole level a target asks for: 2.5 -> 3 (to reach 2.5 a dimension works towards level 3).
int target_aim(double level);

}  // namespace ys
