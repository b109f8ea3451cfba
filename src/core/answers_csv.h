#pragma once
// Answers as CSV: long (one row per answer) or wide (one row per respondent, one column
// per question, in the form the survey CSV import reads back).
#include <ostream>
#include <string>
#include <vector>

#include "answers.h"
#include "csv.h"
#include "questionnaire.h"

namespace ys {

struct RoundAnswers {
    std::string round_id;
    const AnswerSet* answers = nullptr;
    const Questionnaire* questionnaire = nullptr;
};

// anonymise: no names, emails or evidence. Text cells are neutralised against spreadsheet
// formulas unless mode is Raw (csv.h); the imports restore them.
void write_answers_csv_long(std::ostream& out, const std::vector<RoundAnswers>& rounds, bool anonymise,
                            CsvText mode = CsvText::Neutralised);
// One round per file: the columns are that round's questions.
void write_answers_csv_wide(std::ostream& out, const RoundAnswers& round, bool anonymise,
                            CsvText mode = CsvText::Neutralised);

// The text of an answer as a survey tool would show it: option id, "a;b" for a checklist,
// "Yes;Yes;No" for a chain, "N/A", "Don't know".
std::string answer_text(const Question& q, const Answer& a);
// The reverse, strictly (exact ids, as answer_text writes them). False with a one-line
// reason when the text is not an answer to q.
bool answer_from_text(const Question& q, const std::string& text, Answer& out, std::string& error);

}  // namespace ys
