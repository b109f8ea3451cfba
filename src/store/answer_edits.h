#pragma once
// One answer read back as it is stored, and taken away again: what Edit > Undo of an answer
// given in the walk-through needs (set_answer in rounds.h writes one).
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "sqlite_handle.h"

namespace ys::store {

// An answer as set_answer takes it ({"value": ...} | {"na": true} | {"dont_know": true}, with
// "evidence" and "confidence" when stored) and the time it was given.
struct StoredAnswerEntry {
    nlohmann::json answer;
    std::int64_t answered_at = 0;
};

// The respondent's answer to the question, or nothing when there is none (or no such
// respondent). Writing it back with set_answer(..., answer, answered_at) restores it exactly.
std::optional<StoredAnswerEntry> find_answer(Connection& c, const std::string& round, const std::string& respondent_key,
                                             const std::string& question_id);

// Removes the respondent's answer to the question (nothing to remove is not an error); a
// closed round is refused as set_answer refuses it. Committed at once.
void remove_answer(Connection& c, const std::string& round, const std::string& respondent_key, const std::string& question_id);

}  // namespace ys::store
