#pragma once
// Scoring rounds straight from the store: the round's own framework and questionnaire,
// the organisation's targets, and the change since its previous round of the same framework.
#include <string>
#include <vector>

#include "score_files.h"
#include "sqlite_handle.h"

namespace ys::store {

ScoreReport score_stored_rounds(Connection& c, const std::vector<std::string>& round_ids, const ScoreOptions& options);

}  // namespace ys::store
