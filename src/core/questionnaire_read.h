#pragma once
#include <optional>

#include <nlohmann/json.hpp>

#include "diagnostics.h"
#include "framework.h"
#include "questionnaire.h"

namespace ys {

inline constexpr const char* kQuestionnaireFormat = "yardstick-questionnaire/1";

// Reads a questionnaire on its own (structure, ids, conditions). nullopt on any error.
std::optional<Questionnaire> parse_questionnaire(const nlohmann::json& doc, Diagnostics& diags);

// Checks a questionnaire against the framework it measures and resolves its dimensions,
// facets and score ranges. Returns false (with diagnostics) when they do not fit.
bool bind_questionnaire(Questionnaire& q, const Framework& fw, Diagnostics& diags);

}  // namespace ys
