#pragma once
// A round's result read through a crosswalk: a score and level for each of the other
// framework's items (and, with two axes, each cell of the two), from the scores of the
// dimensions and questions mapped to it, weighted. Always marked as an approximation.
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "crosswalk.h"
#include "score_files.h"
#include "scoring.h"

namespace ys {

struct CrosswalkBasis {
    std::string kind;  // "dimension" or "question"
    std::string id, name;
    double weight = 1;
    std::optional<double> score;  // on the other framework's scale; none when not scored
};

struct CrosswalkItemResult {
    int item = 0;  // into Crosswalk::items
    std::optional<double> score;  // on the other framework's scale
    int level = 0;                // valid when score is set
    double coverage = 0;          // share of the mapped weight that had a score
    std::vector<CrosswalkBasis> basis;
};

struct CrosswalkCell {
    int row = 0, column = 0;  // items of the first and second axes
    std::optional<double> score;
    int level = 0;
};

struct CrosswalkResult {
    const Crosswalk* crosswalk = nullptr;
    std::vector<CrosswalkItemResult> items;  // parallel to Crosswalk::items
    std::vector<CrosswalkCell> cells;        // first axis x second axis, only cells something maps to
    std::vector<std::string> unmapped;       // names of the round's scored leaf dimensions mapped nowhere
};

// The framework must be the crosswalk's (checked with check_crosswalk first).
CrosswalkResult apply_crosswalk(const Crosswalk& cw, const Framework& fw, const Questionnaire& q, const RoundResult& r);

// The level name on the other framework's scale.
std::string crosswalk_level_name(const Crosswalk& cw, int level);

// Appended to `score`'s table: one block per axis, the approximation said first.
void write_crosswalk_table(std::ostream& out, const CrosswalkResult& res);
// One object: the crosswalk, the approximation, every axis with its items, and the cells.
nlohmann::json crosswalk_json(const CrosswalkResult& res);

// For `score --crosswalk`: each crosswalk's results (parallel to the score JSON's "rounds")
// added to each round as "crosswalks": [...]; the table's blocks after the scores, per round.
void add_crosswalks_json(nlohmann::json& scores, const std::vector<std::vector<CrosswalkResult>>& crosswalked);
void write_crosswalks_table(std::ostream& out, const ScoreReport& report,
                            const std::vector<std::vector<CrosswalkResult>>& crosswalked);

// A return a council can hand over (`yardstick-cli crosswalk ROUND --to ...`): the round's
// identity with crosswalk_json, or one CSV row per item and per cell.
// `results` is parallel to report.rounds.
nlohmann::json crosswalk_return_json(const ScoreReport& report, const std::vector<CrosswalkResult>& results,
                                     const std::string& generated_on);
void write_crosswalk_return_csv(std::ostream& out, const ScoreReport& report, const std::vector<CrosswalkResult>& results);
void write_crosswalk_return_table(std::ostream& out, const ScoreReport& report, const std::vector<CrosswalkResult>& results);

// Reads the crosswalk at `path` into cw and applies it to every round of the report (one
// result per round, in order). Every problem goes to diags: the file unreadable or
// invalid, a round of another framework or version, a dimension it names missing. A
// question of another questionnaire is no problem here: `validate` checks those.
bool crosswalk_rounds(const std::string& path, const ScoreReport& report, Crosswalk& cw,
                      std::vector<CrosswalkResult>& results, Diagnostics& diags);
bool crosswalk_rounds(const std::string& path, const std::vector<const ScoredRound*>& rounds, Crosswalk& cw,
                      std::vector<CrosswalkResult>& results, Diagnostics& diags);

}  // namespace ys
