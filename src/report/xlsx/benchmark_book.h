#pragma once
// A benchmark as a workbook: About, Scores (organisations by dimensions), Positions (each
// organisation's score, level, rank, percentile and distance from the median at each
// dimension), Quartiles, Trends, Common gaps and the rounds left out. Every figure is
// run_benchmark's, as `yardstick-cli benchmark` and the benchmark report show it; when the
// result is anonymised it holds no other organisation's name or id, nor does the workbook.
#include <string>

#include "benchmark.h"
#include "xlsx_book.h"

namespace ys::xlsx {

struct BenchmarkBookInput {
    const BenchmarkResult* result = nullptr;
    const Framework* framework = nullptr;
    std::string group;  // "Peer group: London boroughs", as the report names it
    About about;
};

Book benchmark_book(const BenchmarkBookInput& in);

}  // namespace ys::xlsx
