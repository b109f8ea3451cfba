#include "aggregate_items.h"

namespace ys {
namespace {
constexpr double kEps = 1e-9;
}

std::optional<double> combine_items(Aggregation agg, const std::vector<ScoreItem>& items, const Framework& fw) {
    int present = 0;
    for (const auto& it : items) present += it.has ? 1 : 0;
    if (present == 0) return std::nullopt;
    switch (agg) {
        case Aggregation::Mean: {
            double total = 0;
            for (const auto& it : items)
                if (it.has) total += it.value;
            return total / present;
        }
        case Aggregation::WeightedMean: {
            double total = 0, weights = 0;
            for (const auto& it : items)
                if (it.has) {
                    total += it.weight * it.value;
                    weights += it.weight;
                }
            return total / weights;
        }
        case Aggregation::Min: {
            double m = 0;
            bool first = true;
            for (const auto& it : items)
                if (it.has && (first || it.value < m)) {
                    m = it.value;
                    first = false;
                }
            return m;
        }
        case Aggregation::Sum: {
            double total = 0;
            for (const auto& it : items)
                if (it.has) total += it.value;
            return total;
        }
        case Aggregation::Gated: {
            // The highest level whose items, and those of every level below, are all met.
            int reached = fw.min_level();
            for (int level = fw.min_level(); level <= fw.max_level(); ++level) {
                bool all_met = true;
                for (const auto& it : items)
                    if (it.gate == level && !(it.has && it.value + kEps >= it.met_at)) all_met = false;
                if (!all_met) break;
                reached = level;
            }
            return static_cast<double>(reached);
        }
    }
    return std::nullopt;
}

}  // namespace ys
