#pragma once
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "answers.h"
#include "diagnostics.h"
#include "field_limits.h"
#include "json_fields.h"

namespace ys {

inline constexpr const char* kAnswersFormat = "yardstick-answers/1";
// The evidence note limit (the same as text/field_limits.h gives TextField::Evidence).
inline constexpr std::size_t kMaxEvidenceChars = kMaxNoteChars;

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

// Pieces of parse_answers, shared with the streaming reader (answers_stream.h), so both apply
// the same checks and say the same things. The file's parts other than its respondents:
std::optional<AnswerSet> parse_answers_head(const nlohmann::json& doc, const Questionnaire& q, Diagnostics& diags);
// A respondent's fields other than its answers (ids: those seen so far in the file).
void read_respondent_fields(const JsonAt& r, const Questionnaire& q, std::set<std::string>& ids, Respondent& out);
// Drops answers to questions whose condition does not hold, calling warn for each.
void drop_unasked(const Questionnaire& q, Respondent& r,
                  const std::function<void(const Question&, const std::string&)>& warn);

// One answer object ({"value": ...} | {"na": true} | {"dont_know": true}, with optional
// "evidence", "confidence", "answered_at") for question q. False, with diagnostics, when invalid.
bool read_answer_entry(const JsonAt& at, const Question& q, Answer& out);
// The index of option `id` of a choice or likert question, or -1.
int option_index(const Question& q, std::string_view id);
// Only the "value" part, by the question's kind.
bool read_answer_value(const JsonAt& at, const Question& q, Answer& out);

// The reverse: an answer as it appears in answer files and bundles. Evidence is left out
// unless with_notes (anonymised exports).
nlohmann::json answer_to_json(const Question& q, const Answer& a, bool with_notes = true);
nlohmann::json answer_value_json(const Question& q, const Answer& a);

}  // namespace ys
