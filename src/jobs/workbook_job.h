#pragma once
// "Write a spreadsheet" as one operation that the CLI and the GUI both call with the same
// request: it reads what the workbook needs from the database, runs the same engines as
// the other outputs (scoring, benchmark, roadmap) and writes one .xlsx atomically. Nothing
// is written unless the whole workbook was made.
#include <string>
#include <vector>

#include "benchmark.h"
#include "progress.h"
#include "roadmap.h"

namespace ys::jobs {

enum class WorkbookKind { results, benchmark, roadmap, skills };
const char* to_string(WorkbookKind k);  // "results", "benchmark", "roadmap", "skills"

struct WorkbookJob {
    WorkbookKind kind = WorkbookKind::results;
    std::string database;                   // path of the Yardstick database
    std::string shipped_dir;                // where frameworks/roles/ is installed
    std::vector<std::string> library_dirs;  // where frameworks are looked up (roles)
    std::string out;                        // the .xlsx file to write

    // Results: the round. Roadmap: the round whose scores and targets set the aims, or
    // else `organisation` alone (no scores: the plan as given).
    std::string round;
    // Results: leave out names and emails. Benchmark: others as "Council A", ...
    bool anonymise = false;

    // Benchmark: the same selection as `yardstick-cli benchmark`. `organisation` is the
    // viewer (may be empty); roadmap: the organisation the plan is for.
    std::string organisation;
    std::string peer_group;
    std::string children_of;
    std::vector<std::string> compare;
    std::string period;  // compare this period only (empty: each one's latest)
    double min_coverage = InclusionRules::kDefaultMinCoverage;  // the benchmark's inclusion rules
    int min_respondents = InclusionRules::kDefaultMinRespondents;
    int common_gap_level = 3;
    double common_gap_share = 0.5;

    // Roadmap: the plan (roadmap.scenario), from the command line's options, a scenario
    // file (read and checked by the caller) or a scenario saved for the organisation.
    RoadmapRequest roadmap;
    std::string saved_scenario;  // a name saved for the organisation; replaces roadmap.scenario
    std::vector<RoadmapScenario> compare_scenarios;  // costed the same way and set beside the plan
    std::vector<std::string> saved_compare;          // saved names, likewise
    std::vector<std::string> scenario_files;  // the files scenarios were read from: inputs no output may overwrite
    // Skills: the round (or `organisation`'s latest skills round) or these answer files, and
    // the options of `yardstick-cli skills plan` (anonymise above).
    std::vector<std::string> answer_files;
    std::string team;
    std::string target_role;
    std::string start;  // empty: the first day of next month
    bool levy_payer = true;
    std::string roles_file;        // empty: the shipped catalogue
    std::string assumptions_file;  // empty: the shipped assumptions

    std::string date;         // YYYY-MM-DD the workbook says it was made; empty: today
    bool fixed_date = false;  // constant date and creation time (tests)
};

struct WorkbookResult {
    int exit_code = 0;               // one of exit_codes.h; 0 = written
    std::string error;               // one line, when exit_code != 0
    std::string written;             // the file written
    std::vector<std::string> notes;  // warnings worth showing (the database was upgraded, plan warnings)
};

// Never throws; every failure is a WorkbookResult with a one-line error, and the output
// file is left as it was.
WorkbookResult write_workbook(const WorkbookJob& job, Progress& progress);

// The check write_workbook makes before anything is written, alone: "" when the output may
// be written, else one line (it is the database, an input, or not a regular file). The GUI
// asks it before asking whether to replace a file. Never throws.
std::string refused_workbook_output(const WorkbookJob& job);

}  // namespace ys::jobs
