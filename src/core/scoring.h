#pragma once
// The scoring engine: answers -> question scores -> dimension scores up the tree ->
// an overall result, for the organisation, each respondent and each respondent role.
#include <optional>
#include <string>
#include <vector>

#include "answers.h"
#include "framework.h"
#include "level_distribution.h"
#include "questionnaire.h"
#include "stats.h"
#include "targets.h"

namespace ys {

struct NodeScore {
    std::optional<double> score;
    int level = 0;  // valid when score is set
    // Answers under this node, counted over respondents and questions.
    int answered = 0;
    int dont_know = 0;
    int not_applicable = 0;
    int unanswered = 0;  // asked, but left blank
    std::optional<double> target;  // may be fractional (2.5)
    std::optional<std::string> target_by;
    std::optional<double> gap;       // max(0, target - score)
    std::optional<double> previous;  // score in the previous round
    std::optional<double> change;    // score - previous

    int applicable() const { return answered + dont_know + unanswered; }
    // A target is met by the score, not the level: 2.6 meets 2.5 though its level is 2.
    bool target_met() const { return score && target && *score + 1e-9 >= *target; }
    // Share answered of those that apply (N/A excluded); 0 when nothing applies.
    double coverage() const { return applicable() ? static_cast<double>(answered) / applicable() : 0; }
};

struct QuestionResult {
    int answered = 0;
    int not_applicable = 0;
    int dont_know = 0;
    int unanswered = 0;
    int not_asked = 0;  // its condition did not hold
    std::optional<double> value;  // the respondents' answers combined (median or mean)
    Spread spread;                // of the answered scores
    std::optional<double> agreement;  // 1 - IQR / score range; 1 = all agree
    std::vector<std::optional<double>> by_role;  // median per questionnaire role
};

struct RoleResult {
    int role = -1;
    int respondents = 0;
    std::vector<std::optional<double>> dimensions;  // parallel to the framework's
    std::optional<double> overall;
};

struct RespondentResult {
    std::string id;
    int role = -1;
    std::optional<double> overall;
    int level = 0;
    double coverage = 0;
    std::vector<std::optional<double>> dimensions;
};

struct FacetMatrix {
    std::string facet;
    std::vector<int> rows;             // leaf dimension indices
    std::vector<std::string> columns;  // facet value ids
    std::vector<std::optional<double>> cells;  // rows x columns, row-major
    std::vector<std::optional<double>> column_means;
};

struct RoundResult {
    std::string framework_id, framework_version;
    std::string questionnaire_id, questionnaire_version;
    Organisation organisation;
    std::string period;
    int respondents = 0;
    std::vector<NodeScore> dimensions;  // parallel to Framework::dimensions
    NodeScore overall;
    std::vector<QuestionResult> questions;  // parallel to Questionnaire::questions
    std::vector<RoleResult> roles;          // roles with at least one respondent
    std::vector<RespondentResult> respondent_results;
    std::vector<FacetMatrix> facets;
    std::optional<double> percent_to_target;  // 1 - sum of shortfalls / sum of targets
    std::vector<std::string> unscored_targets;  // targeted dimensions with no score
    std::optional<std::string> previous_period;
    // Dimensions declared out of scope for the round (ids, framework order) and, parallel to
    // `dimensions`, 1 for each one left out, itself or under one (empty: none left out).
    std::vector<std::string> excluded;
    std::vector<char> out_of_scope;
    bool is_out_of_scope(std::size_t k) const { return k < out_of_scope.size() && out_of_scope[k]; }
    LevelDistributions levels;  // level_distribution.h
};

struct ScoreOptions {
    bool per_respondent = true;
    bool by_role = true;
    std::vector<std::string> out_of_scope{};  // dimension ids excluded from the round (round_scope.h)
};

// Scores one round: every answer set given belongs to the same organisation and period
// and answers `q`, which must be bound to `fw`.
RoundResult score_round(const Framework& fw, const Questionnaire& q,
                        const std::vector<const AnswerSet*>& sets, const ScoreOptions& options = {});

void apply_targets(RoundResult& r, const Framework& fw, const TargetSet& targets);
void apply_previous(RoundResult& r, const RoundResult& previous);

// One value per question (nullopt: no score; na: left out entirely) aggregated up the tree.
struct QuestionValue {
    bool not_applicable = false;
    std::optional<double> score;
};
struct TreeScores {
    std::vector<std::optional<double>> dimensions;
    std::optional<double> overall;
};
TreeScores aggregate_tree(const Framework& fw, const Questionnaire& q,
                          const std::vector<QuestionValue>& values);

}  // namespace ys
