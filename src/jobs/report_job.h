#pragma once
// "Render a report" as one operation that the CLI and the GUI both call with the same
// request: it reads what the report needs from the database, runs the engines, builds the
// document and writes PDF and/or HTML atomically. Nothing is written unless every output
// rendered.
#include <string>
#include <vector>

#include "benchmark.h"
#include "progress.h"
#include "roadmap.h"

namespace ys::jobs {

enum class ReportKind { action_plan, benchmark, business_case, skills };
const char* to_string(ReportKind k);  // "action-plan", "benchmark", "business-case", "skills"

struct ReportJob {
    ReportKind kind = ReportKind::action_plan;
    std::string database;                   // path of the Yardstick database
    std::string shipped_dir;                // where reports/ and frameworks/roles/ are installed
    std::vector<std::string> library_dirs;  // where frameworks are looked up (roles, skills)
    // Action plan and business case: the round, or else the organisation's latest round.
    // Benchmark: `organisation` is the viewer (may be empty).
    std::string organisation;
    std::string round;
    std::string peer_group;   // benchmark: a peer group id ...
    std::string children_of;  // ... or the organisations under this one ...
    std::vector<std::string> compare;  // ... and/or these organisations
    std::string period;       // benchmark: compare this period only (empty: each one's latest)
    // Benchmark inclusion rules: the documented defaults unless the user chose others.
    double min_coverage = InclusionRules::kDefaultMinCoverage;
    int min_respondents = InclusionRules::kDefaultMinRespondents;
    // Action plan: crosswalk files (found by crosswalk_files.h) whose view of the result it adds.
    std::vector<std::string> crosswalk_files;
    // benchmark: others as "Council A"; action plan: no answers appendix; skills: people
    // numbered, small teams merged (a named skills report is personal data)
    bool anonymise = false;
    // Business case: one role id, or empty for the whole roadmap; the roadmap's options
    // (team, structure, horizon, shares, ...). Its framework/roles/assumptions/current
    // pointers are filled by the job.
    std::string role;
    RoadmapRequest roadmap;
    // Business case, whole roadmap: other scenarios costed the same way and set beside the
    // plan (roadmap.scenario) in "Scenarios compared".
    std::vector<RoadmapScenario> compare_scenarios;
    // The files the scenarios were read from: inputs, which no output may overwrite.
    std::vector<std::string> scenario_files;
    // Skills: the round (or the organisation's latest skills round), or these answer files
    // instead of the database, and the options of `yardstick-cli skills plan`.
    std::vector<std::string> answer_files;
    std::string team;         // only this team
    std::string target_role;  // a target role for everyone who has none of their own
    std::string start;        // the plan's first start date; empty: the first day of next month
    bool levy_payer = true;
    std::string roles_file;        // empty: the shipped catalogue
    std::string assumptions_file;  // empty: the shipped assumptions
    std::string template_path;  // empty: the shipped template for the kind
    std::string pdf_out;        // at least one of pdf_out and html_out
    std::string html_out;
    std::string date;        // YYYY-MM-DD the report is dated; empty: today
    bool fixed_date = false;  // constant creation time (and date, when none is given): byte-identical output
};

struct JobResult {
    int exit_code = 0;                 // one of exit_codes.h; 0 = written
    std::string error;                 // one line, when exit_code != 0
    std::vector<std::string> written;  // files written
    std::vector<std::string> notes;    // warnings worth showing (e.g. the database was upgraded)
};

// Never throws; every failure is a JobResult with a one-line error.
JobResult run_report(const ReportJob& job, Progress& progress);

// The check run_report makes before anything is written, alone: "" when the outputs may
// be written, else one line (an output is the database, one of the report's inputs, or
// the other output, or is not a regular file). The GUI asks it before asking whether to
// replace files. Never throws.
std::string refused_outputs(const ReportJob& job);

}  // namespace ys::jobs
