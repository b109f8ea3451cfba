#pragma once
// Importing answer files into the database: organisations and rounds are created when
// missing; everything is written in one transaction, or nothing is.
#include <map>
#include <string>
#include <vector>

#include "diagnostics.h"
#include "rounds.h"
#include "sqlite_handle.h"

namespace ys::store {

// What to do with a bundle's organisation whose id is already here from another database
// (docs/bundle-format.md): refused unless mapped onto one of ours, or imported as new.
struct OrgMappingOptions {
    std::map<std::string, std::string> map_orgs;  // bundle organisation id -> an existing one here
    bool as_new = false;                           // clashing organisations get new ids (id-2, ...)
};

struct ImportAnswersRequest {
    std::vector<std::string> files;
    std::vector<std::string> library_dirs;
    bool dry_run = false;
    Progress* progress = nullptr;  // steps, and Cancel (ImportCancelled); none from the CLI
    OrgMappingOptions org_mapping = {};
};

// How a bundle's organisation was placed when it did not simply keep its id.
struct OrgPlacement {
    std::string bundle_id, local_id;
    std::string how;  // "mapped" (--map-org), "as new" (--as-new), "known" (imported before under this id)
};

// What became of a returned form's answers beyond being added: replaced an earlier save,
// skipped for a newer one, or the same save again. One line for the user in `message`.
struct ReturnNote {
    enum class Kind {
        Replaced,   // a newer save of the same form and respondent replaced the stored one
        Older,      // skipped: the stored save is newer
        Duplicate,  // skipped: a newer save of the same respondent is in this import
        Same,       // the save already stored: nothing changed
    };
    Kind kind = Kind::Replaced;
    std::string file, round, respondent;  // the file read, the round, the respondent's key
    std::string who;                      // their name, or "respondent KEY"
    std::int64_t saved_at = 0;            // this file's save
    std::int64_t other_saved_at = 0;      // the stored save, or the newer one that won
    std::string other_file;               // Duplicate: the file that won
    std::string message;                  // "Ann Smith's answers saved 5 Dec 10:42 replace those saved 4 Dec 16:03"
};

struct ImportReport {
    Diagnostics diagnostics;
    std::vector<std::string> organisations_created;
    std::vector<std::string> rounds_created;
    std::vector<std::string> rounds_touched;
    std::vector<OrgPlacement> organisations_placed;
    std::vector<std::string> organisations_clashing;  // bundle ids refused: taken here by another database's
    WriteCounts counts;                                      // all rounds together
    std::vector<std::pair<std::string, WriteCounts>> by_round;  // each round written, in order
    std::vector<ReturnNote> returns;  // returned forms replaced, skipped or already here, in file order
    std::size_t bundles = 0;          // bundles among the files (an import of them cannot be undone)
    bool ok() const { return !diagnostics.has_errors(); }
};

// Adds one write_respondents call's counts to the totals and to its round's.
void count_writes(ImportReport& report, const std::string& round, const WriteCounts& w);

ImportReport import_answer_files(Connection& c, const ImportAnswersRequest& request);

// Answer files and bundles (told apart by their "format"), all in one transaction.
ImportReport import_files(Connection& c, const ImportAnswersRequest& request);

}  // namespace ys::store
