#pragma once
// A round's dimension and overall scores kept beside its answers (schema v2), so a
// benchmark of many councils reads a few rows per round instead of every answer. A summary
// is cleared in the same transaction as any change to the round's answers, respondents or
// definitions, and made again the next time it is asked for.
#include <optional>
#include <string>

#include "framework.h"
#include "scoring.h"
#include "sqlite_handle.h"

namespace ys::store {

// Bumped whenever scoring changes what a stored summary would hold: older summaries are
// then ignored and made again.
inline constexpr int kSummaryEngine = 1;

// The stored summary of a round as a RoundResult holding only respondents, framework and
// questionnaire ids, overall and per-dimension NodeScores (no questions, roles or respondents).
// nullopt when there is none, it was made by another engine, or it does not fit `fw`.
std::optional<RoundResult> load_round_summary(Connection& c, const std::string& round, const Framework& fw);

// Stores the summary of `r`, scored from every answer of the round. Best effort: a busy
// or read-only database leaves it unstored and returns false; the caller's result stands.
bool save_round_summary(Connection& c, const std::string& round, const RoundResult& r);

// Called by every write to a round's answers, respondents or definitions, inside its transaction.
void clear_round_summary(Connection& c, const std::string& round);

}  // namespace ys::store
