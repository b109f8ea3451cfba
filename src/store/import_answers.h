#pragma once
// Importing answer files into the database: organisations and rounds are created when
// missing; everything is written in one transaction, or nothing is.
#include <string>
#include <vector>

#include "diagnostics.h"
#include "rounds.h"
#include "sqlite_handle.h"

namespace ys::store {

struct ImportAnswersRequest {
    std::vector<std::string> files;
    std::vector<std::string> library_dirs;
    bool dry_run = false;
    Progress* progress = nullptr;  // steps, and Cancel (ImportCancelled); none from the CLI
};

struct ImportReport {
    Diagnostics diagnostics;
    std::vector<std::string> organisations_created;
    std::vector<std::string> rounds_created;
    std::vector<std::string> rounds_touched;
    WriteCounts counts;                                      // all rounds together
    std::vector<std::pair<std::string, WriteCounts>> by_round;  // each round written, in order
    bool ok() const { return !diagnostics.has_errors(); }
};

// Adds one write_respondents call's counts to the totals and to its round's.
void count_writes(ImportReport& report, const std::string& round, const WriteCounts& w);

ImportReport import_answer_files(Connection& c, const ImportAnswersRequest& request);

// Answer files and bundles (told apart by their "format"), all in one transaction.
ImportReport import_files(Connection& c, const ImportAnswersRequest& request);

}  // namespace ys::store
