#pragma once
// A round's results as a workbook: About, Dimensions (score, level, target, previous
// round, change, counts), Questions (each question's combined and mean score and its
// answered / N/A / don't know counts) and Respondents (key, role, name and email unless
// anonymised, their scores and each answer). Every figure is the scoring engine's
// (score_round, as `yardstick-cli score` and the action plan use it).
#include <string>

#include "answers.h"
#include "score_files.h"
#include "xlsx_book.h"

namespace ys::xlsx {

struct ResultsBookInput {
    const ScoredRound* scored = nullptr;  // with per-respondent results
    const AnswerSet* answers = nullptr;   // the round's answers, for the respondents sheet
    std::string round;
    bool anonymise = false;  // no names or emails
    About about;             // filled further here (organisation, round, definitions)
};

Book results_book(const ResultsBookInput& in);

}  // namespace ys::xlsx
