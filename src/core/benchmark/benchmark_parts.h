#pragma once
// Helpers the benchmark's comparison and its writers share (internal to src/core/benchmark).
#include <cstddef>
#include <string>
#include <vector>

#include "benchmark.h"

namespace ys::benchmark_parts {

// Scores closer than this are equal for ranks, percentiles and changes (a mean of thirds
// can differ from the same mean computed in another order in the last bit).
constexpr double kTie = 1e-9;

// "1 round", "2 rounds".
std::string count_of(int n, const char* one, const char* many);
// "a, b and c".
std::string joined_list(const std::vector<std::string>& items);

// The level's name in the framework, or its number when the framework has no such level.
std::string level_name(const Framework& fw, int level);
// A node's id and name: a dimension's, or "overall" / "Overall" for -1.
std::string node_id(const Framework& fw, int dim);
std::string node_name(const Framework& fw, int dim);
// The result's node and a trend's series for a dimension, or overall for -1.
const BenchmarkNode& node_at(const BenchmarkResult& r, int dim);
const TrendSeries& trend_at(const OrganisationTrend& t, int dim);

}  // namespace ys::benchmark_parts
