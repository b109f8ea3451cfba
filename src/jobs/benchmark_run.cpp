#include "benchmark_run.h"

#include "benchmark_rounds.h"
#include "exit_codes.h"
#include "job_support.h"
#include "organisations.h"

namespace ys::jobs {
namespace {

// The group as the benchmark's outputs name it.
std::string group_name(store::Connection& c, const BenchmarkChoice& choice) {
    if (!choice.peer_group.empty()) {
        std::string group = "peer group " + choice.peer_group;
        for (const auto& g : store::list_peer_groups(c))
            if (g.id == choice.peer_group) group = g.name;
        return group;
    }
    if (!choice.children_of.empty()) {
        auto parent = store::find_organisation(c, choice.children_of);
        return "organisations under " + (parent ? parent->name : choice.children_of);
    }
    return std::to_string(choice.compare.size()) + " organisations chosen";
}

}  // namespace

BenchmarkRun run_chosen_benchmark(store::Connection& c, const BenchmarkChoice& choice, Progress& progress) {
    store::BenchmarkSelection sel;
    sel.peer_group = choice.peer_group;
    sel.children_of = choice.children_of;
    sel.organisations = choice.compare;
    if (sel.peer_group.empty() && sel.children_of.empty() && sel.organisations.empty())
        fail(exit_code::usage, "name the organisations to compare: a peer group, a parent organisation or organisations");
    progress.step(1, 4, "reading the rounds compared");
    BenchmarkRun run;
    BenchmarkRequest& req = run.request;
    req.rounds = store::benchmark_inputs(c, sel);
    req.rules.min_coverage = choice.min_coverage;
    req.rules.min_respondents = choice.min_respondents;
    if (!choice.period.empty()) {
        req.rules.pick = InclusionRules::Pick::Period;
        req.rules.period = choice.period;
    }
    req.viewer = choice.viewer;
    req.anonymise = choice.anonymise;
    req.common_gap_level = choice.common_gap_level;
    req.common_gap_share = choice.common_gap_share;
    std::string error;
    auto result = run_benchmark(req, error);
    if (!result) fail(exit_code::invalid_input, error);
    run.result = std::move(*result);
    run.group = group_name(c, choice);
    return run;
}

}  // namespace ys::jobs
