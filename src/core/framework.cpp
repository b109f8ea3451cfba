#include "framework.h"

#include <cmath>

namespace ys {

const char* to_string(Aggregation a) {
    switch (a) {
        case Aggregation::Mean: return "mean";
        case Aggregation::WeightedMean: return "weighted_mean";
        case Aggregation::Min: return "min";
        case Aggregation::Sum: return "sum";
        case Aggregation::Gated: return "gated";
    }
    return "mean";
}

const char* to_string(Effort e) {
    switch (e) {
        case Effort::Small: return "small";
        case Effort::Medium: return "medium";
        case Effort::Large: return "large";
    }
    return "medium";
}

const char* to_string(Tier t) { return t == Tier::Foundation ? "foundation" : "growth"; }

const char* to_string(Unanswered u) {
    switch (u) {
        case Unanswered::LeaveOut: return "leave_out";
        case Unanswered::Lowest: return "lowest";
        case Unanswered::Void: return "void";
    }
    return "leave_out";
}

int Framework::find_dimension(const std::string& id) const {
    for (std::size_t i = 0; i < dimensions.size(); ++i)
        if (dimensions[i].id == id) return static_cast<int>(i);
    return -1;
}

const Level* Framework::level(int value) const {
    for (const auto& l : levels)
        if (l.value == value) return &l;
    return nullptr;
}

const Responsibility* Framework::find_responsibility(const std::string& id) const {
    for (const auto& r : responsibilities)
        if (r.id == id) return &r;
    return nullptr;
}

int level_for_score(const Framework& fw, const LevelMapping& mapping, double score) {
    int level = fw.min_level();
    switch (mapping.method) {
        case LevelMapping::Method::Floor:
            // A tiny tolerance so that 2.9999999999 from a mean of thirds still reads as 3.
            level = static_cast<int>(std::floor(score + 1e-9));
            break;
        case LevelMapping::Method::Round:
            level = static_cast<int>(std::floor(score + 0.5 + 1e-9));
            break;
        case LevelMapping::Method::Thresholds:
            for (const auto& t : mapping.thresholds)
                if (score + 1e-9 >= t.min) level = t.level;
            break;
    }
    if (level < fw.min_level()) level = fw.min_level();
    if (level > fw.max_level()) level = fw.max_level();
    return level;
}

}  // namespace ys
