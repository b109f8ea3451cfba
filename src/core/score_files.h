#pragma once
// The "score" operation: answer files (grouped into rounds by organisation, period and
// questionnaire) scored against their questionnaire and framework, with targets and the
// progress since the organisation's previous round.
#include <memory>
#include <string>
#include <vector>

#include "diagnostics.h"
#include "framework.h"
#include "questionnaire.h"
#include "scoring.h"

namespace ys {

struct ScoreRequest {
    std::vector<std::string> answer_files;
    std::vector<std::string> definition_files;  // extra frameworks/questionnaires
    std::vector<std::string> target_files;
    std::vector<std::string> library_dirs;
    ScoreOptions options;
};

struct ScoredRound {
    RoundResult result;
    std::shared_ptr<const Framework> framework;
    std::shared_ptr<const Questionnaire> questionnaire;
    std::vector<std::string> files;
};

struct ScoreReport {
    std::vector<ScoredRound> rounds;  // by organisation, then period
    Diagnostics diagnostics;
    bool ok() const { return !diagnostics.has_errors(); }
};

// All-or-nothing: when any input has an error, no rounds are returned.
ScoreReport score_files(const ScoreRequest& request);

}  // namespace ys
