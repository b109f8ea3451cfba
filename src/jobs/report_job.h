#pragma once
// "Render a report" as one operation that the CLI and the GUI both call with the same
// request: it reads what the report needs from the database (or from files), runs the
// engines, builds the document and writes PDF and/or HTML atomically.
#include <string>
#include <vector>

#include "progress.h"

namespace ys::jobs {

enum class ReportKind { action_plan, benchmark, business_case };

struct ReportJob {
    ReportKind kind = ReportKind::action_plan;
    std::string database;      // path of the Yardstick database
    std::string shipped_dir;   // where frameworks/, questionnaires/ and reports/ are installed
    // Action plan: the round (empty = the organisation's latest round).
    // Benchmark: the viewing organisation (may be empty) and who is compared.
    // Business case: the organisation and its latest round, or the round given.
    std::string organisation;
    std::string round;
    std::string peer_group;    // benchmark: a peer group id ...
    std::string children_of;   // ... or the organisations under this one
    bool anonymise = false;    // benchmark: others as "Council A"; action plan: no answers appendix
    // Business case: one role id, or empty for the whole roadmap; the roadmap's inputs.
    std::string role;
    std::vector<std::string> roadmap_args;  // as `yardstick-cli roadmap` takes them, e.g. {"--team", "senior-data-analyst=1"}
    std::string template_path;  // empty = the shipped template for the kind
    std::string pdf_out;        // at least one of pdf_out and html_out
    std::string html_out;
    bool fixed_date = false;    // constant dates: byte-identical output for tests
};

struct JobResult {
    int exit_code = 0;           // one of exit_codes.h; 0 = written
    std::string error;           // one line, when exit_code != 0
    std::vector<std::string> written;  // files written
};

// Never throws for bad input; reports it in JobResult.
JobResult run_report(const ReportJob& job, Progress& progress);

}  // namespace ys::jobs
