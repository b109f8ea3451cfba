#pragma once
// Importing files saved by offline forms (answers with a "form" stamp): which save of a
// respondent wins, and writing it. Used by import_answer_files only.
#include <string>
#include <vector>

#include "answers.h"
#include "import_answers.h"
#include "sqlite_handle.h"

namespace ys::store {

// "5 Dec 10:42" (UTC), as the import's notes name a save.
std::string save_time_text(std::int64_t seconds);

// For the sets of one import: false for each returned form that another file of the same
// form and respondent in this import supersedes (a newer save, or the same save read
// earlier), with a note for each in report.returns. Other sets are true.
std::vector<bool> newest_returns(const std::vector<AnswerSet>& sets, ImportReport& report);

// Checks a returned form against the round it is imported into (its stamp's round, the
// round's questionnaire version, open) and writes it unless the stored save of the same
// respondent is as new or newer. Problems are added to report.diagnostics (false).
bool import_form_return(Connection& c, const AnswerSet& set, const Questionnaire& q, const std::string& round,
                        ImportReport& report);

}  // namespace ys::store
