#include "stats.h"

#include <algorithm>
#include <cmath>

namespace ys {

double quantile_sorted(const std::vector<double>& sorted, double p) {
    if (sorted.empty()) return 0;
    double h = (static_cast<double>(sorted.size()) - 1) * p;
    std::size_t lo = static_cast<std::size_t>(std::floor(h));
    std::size_t hi = std::min(lo + 1, sorted.size() - 1);
    return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

Spread summarise(std::vector<double>& values) {
    Spread s;
    if (values.empty()) return s;
    std::sort(values.begin(), values.end());
    s.n = static_cast<int>(values.size());
    s.min = values.front();
    s.max = values.back();
    s.q1 = quantile_sorted(values, 0.25);
    s.median = quantile_sorted(values, 0.5);
    s.q3 = quantile_sorted(values, 0.75);
    double total = 0;
    for (double v : values) total += v;
    s.mean = total / static_cast<double>(values.size());
    return s;
}

}  // namespace ys
