#pragma once
#include <vector>

namespace ys {

// Summary of a sample. Quartiles interpolate linearly between order statistics
// (the method of Excel's QUARTILE.INC and R's default, type 7).
struct Spread {
    int n = 0;
    double min = 0, q1 = 0, median = 0, q3 = 0, max = 0, mean = 0;
};

// Sorts `values` in place and summarises them; n = 0 for an empty sample.
Spread summarise(std::vector<double>& values);

// The p-quantile (0..1) of already sorted values, type 7.
double quantile_sorted(const std::vector<double>& sorted, double p);

}  // namespace ys
