#include "benchmark_parts.h"

namespace ys::benchmark_parts {

std::string count_of(int n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string joined_list(const std::vector<std::string>& items) {
    std::string s;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) s += i + 1 == items.size() ? " and " : ", ";
        s += items[i];
    }
    return s;
}

std::string level_name(const Framework& fw, int level) {
    const Level* l = fw.level(level);
    return l ? l->name : std::to_string(level);
}

std::string node_id(const Framework& fw, int dim) { return dim < 0 ? "overall" : fw.dimensions[dim].id; }
std::string node_name(const Framework& fw, int dim) { return dim < 0 ? "Overall" : fw.dimensions[dim].name; }

const BenchmarkNode& node_at(const BenchmarkResult& r, int dim) {
    return dim < 0 ? r.overall : r.dimensions[static_cast<std::size_t>(dim)];
}

const TrendSeries& trend_at(const OrganisationTrend& t, int dim) {
    return dim < 0 ? t.overall : t.dimensions[static_cast<std::size_t>(dim)];
}

}  // namespace ys::benchmark_parts
