#pragma once
// Importing a survey tool's CSV export into one round: the round is created when missing.
// Nothing is written unless the whole file is valid, or skip_invalid is given (then every
// skipped row is reported with its reason).
#include <string>

#include "import_answers.h"
#include "sqlite_handle.h"
#include "survey_import.h"

namespace ys::store {

struct ImportCsvRequest {
    std::string csv_file;
    std::string organisation;
    std::string period;
    std::string questionnaire;  // id[@version]; may come from the mapping instead
    std::string mapping_file;
    std::vector<std::string> library_dirs;
    bool skip_invalid = false;
    bool dry_run = false;
    Progress* progress = nullptr;  // steps, and Cancel (ImportCancelled); none from the CLI
};

struct ImportCsvReport {
    ImportReport import;
    std::vector<ColumnMatch> columns;
    std::vector<SkippedRow> skipped;
    std::vector<std::string> notes;  // how the file was read: its separator, its dates' order
    std::size_t rows_read = 0;
    std::string round;
};

ImportCsvReport import_survey_csv(Connection& c, const ImportCsvRequest& request);

// The long layout that `export --csv` writes (one row per answer; columns found by their
// header: organisation, period, questionnaire, respondent, question, answer, and optionally
// questionnaire_version, role, name, email, evidence, confidence, answered_at), for many
// rounds at once. Organisations must exist; rounds are created when missing. Streams the
// file; all or nothing.
ImportReport import_long_csv(Connection& c, const std::string& path, const std::vector<std::string>& library_dirs,
                             bool dry_run, Progress* progress = nullptr);

}  // namespace ys::store
