#pragma once
#include <optional>

#include <nlohmann/json.hpp>

#include "diagnostics.h"
#include "framework.h"

namespace ys {

inline constexpr const char* kFrameworkFormat = "yardstick-framework/1";

// Builds a Framework from a parsed file, reporting every problem found.
// Returns nullopt when there was any error.
std::optional<Framework> parse_framework(const nlohmann::json& doc, Diagnostics& diags);

}  // namespace ys
