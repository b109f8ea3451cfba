#pragma once
// The benchmark as the report and the workbook both run it: the organisations chosen, the
// inclusion rules, the engine and the group's name as the outputs print it. Inside src/jobs.
#include <string>
#include <vector>

#include "benchmark.h"
#include "progress.h"
#include "sqlite_handle.h"

namespace ys::jobs {

struct BenchmarkChoice {
    std::string viewer;  // organisation shown by name when anonymised (may be empty)
    std::string peer_group;
    std::string children_of;
    std::vector<std::string> compare;
    std::string period;  // compare this period only (empty: each one's latest)
    double min_coverage = InclusionRules::kDefaultMinCoverage;
    int min_respondents = InclusionRules::kDefaultMinRespondents;
    bool anonymise = false;
    int common_gap_level = BenchmarkRequest{}.common_gap_level;
    double common_gap_share = BenchmarkRequest{}.common_gap_share;
};

// The choice as a report or workbook job holds it (the same field names); the common-gap
// rules are left at the engine's defaults.
template <class Job>
BenchmarkChoice benchmark_choice_of(const Job& job) {
    BenchmarkChoice choice;
    choice.viewer = job.organisation;
    choice.peer_group = job.peer_group;
    choice.children_of = job.children_of;
    choice.compare = job.compare;
    choice.period = job.period;
    choice.min_coverage = job.min_coverage;
    choice.min_respondents = job.min_respondents;
    choice.anonymise = job.anonymise;
    return choice;
}

struct BenchmarkRun {
    BenchmarkRequest request;  // the rounds compared (the result's framework may point into them)
    BenchmarkResult result;
    std::string group;  // "peer group ...", "organisations under ...", "3 organisations chosen"
};

// Throws JobFailure (usage when nothing is chosen, invalid input when the engine refuses)
// or a store error.
BenchmarkRun run_chosen_benchmark(store::Connection& c, const BenchmarkChoice& choice, Progress& progress);

}  // namespace ys::jobs
