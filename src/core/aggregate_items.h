#pragma once
// Combining scored items (the questions of a leaf, the children of a node, the questions of a
// facet cell) under one of the framework's aggregation rules and its rule for unanswered questions.
#include <optional>
#include <vector>

#include "framework.h"

namespace ys {

struct ScoreItem {
    bool has = false;  // false: no score, left out by the rules that can leave items out
    double value = 0;
    double weight = 1;
    int gate = 0;       // the level this item gates (gated aggregation)
    double met_at = 0;  // the score at which it counts as met
};

// The items' combined score under `agg`; nullopt when none has a score.
std::optional<double> combine_items(Aggregation agg, const std::vector<ScoreItem>& items, const Framework& fw);

// Gathers one node's items, applying the rule for items that apply but have no score.
class ItemCollector {
public:
    void reset(Unanswered rule) {
        rule_ = rule;
        voided_ = false;
        items_.clear();
    }
    void add_scored(double value, double weight, int gate, double met_at) {
        items_.push_back({true, value, weight, gate, met_at});
    }
    // An item that applies but has no score; `lowest` is what it counts as under Unanswered::Lowest.
    void add_missing(double lowest, double weight, int gate, double met_at) {
        add_missing(rule_, lowest, weight, gate, met_at);
    }
    // The same under another rule: a facet column gathers questions from leaves with different rules.
    void add_missing(Unanswered rule, double lowest, double weight, int gate, double met_at) {
        if (rule == Unanswered::Void) voided_ = true;
        items_.push_back({rule == Unanswered::Lowest, lowest, weight, gate, met_at});
    }
    // An item that does not apply to this round (all N/A, nothing asked) but still gates.
    void add_absent(double weight, int gate, double met_at) { items_.push_back({false, 0, weight, gate, met_at}); }
    std::optional<double> result(Aggregation agg, const Framework& fw) const {
        if (voided_) return std::nullopt;
        return combine_items(agg, items_, fw);
    }
    bool voided() const { return voided_; }

private:
    Unanswered rule_ = Unanswered::LeaveOut;
    bool voided_ = false;
    std::vector<ScoreItem> items_;
};

}  // namespace ys
