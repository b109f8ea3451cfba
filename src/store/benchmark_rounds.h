#pragma once
// Gathering rounds from the database for a benchmark: a peer group, the organisations
// under a parent (councils in a region, departments in a council), or a list.
#include <string>
#include <vector>

#include "benchmark.h"
#include "sqlite_handle.h"

namespace ys::store {

struct BenchmarkSelection {
    std::vector<std::string> organisations;
    std::string peer_group;
    std::string children_of;
};

// Every round of every selected organisation, scored; run_benchmark applies the rules.
std::vector<BenchmarkInput> benchmark_inputs(Connection& c, const BenchmarkSelection& selection);

}  // namespace ys::store
