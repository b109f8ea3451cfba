#pragma once
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "answers.h"
#include "diagnostics.h"

namespace ys {

inline constexpr const char* kAnswersFormat = "yardstick-answers/1";
inline constexpr std::size_t kMaxEvidenceChars = 20000;

// The questionnaire an answer file names, read before the whole file is checked.
struct AnswersHeader {
    std::string questionnaire_id;
    std::string questionnaire_version;
};
std::optional<AnswersHeader> read_answers_header(const nlohmann::json& doc, Diagnostics& diags);

// Reads answers against a bound questionnaire. nullopt on any error; answers to questions
// whose condition does not hold are dropped with a warning.
std::optional<AnswerSet> parse_answers(const nlohmann::json& doc, const Questionnaire& q,
                                       Diagnostics& diags);

}  // namespace ys
