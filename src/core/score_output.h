#pragma once
// Score results as a text table, JSON or CSV.
#include <ostream>

#include <nlohmann/json.hpp>

#include "score_files.h"

namespace ys {

struct ScoreOutputOptions {
    bool questions = false;    // per-question statistics
    bool roles = false;        // split by respondent role
    bool respondents = false;  // one line per respondent
    bool levels = false;       // distribution of levels: a table section; the CSV becomes one row per node and level
};

void write_score_table(std::ostream& out, const ScoreReport& report, const ScoreOutputOptions& opts);
nlohmann::json score_report_json(const ScoreReport& report, const ScoreOutputOptions& opts);
// Long format: one row per round and dimension (and per role with opts.roles), or per
// question with opts.questions, or per node and level with opts.levels. A dimension out of
// a round's scope says so in the last column ("scope") and has no distribution or role rows.
void write_score_csv(std::ostream& out, const ScoreReport& report, const ScoreOutputOptions& opts);

// One text cell: neutralised against spreadsheet formulas, then RFC 4180 quoting (csv_cell in csv.h).
std::string csv_field(const std::string& s);

}  // namespace ys
