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
    int level = 0;
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

}  // namespace ys
