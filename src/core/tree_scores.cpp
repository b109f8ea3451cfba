#include "aggregate_items.h"
#include "scoring_parts.h"

namespace ys {

std::vector<std::vector<int>> questions_by_leaf(const Framework& fw, const Questionnaire& q) {
    std::vector<std::vector<int>> out(fw.dimensions.size());
    for (std::size_t i = 0; i < q.questions.size(); ++i)
        if (q.questions[i].dimension >= 0) out[q.questions[i].dimension].push_back(static_cast<int>(i));
    return out;
}

bool counts_as_lowest(const Framework& fw, const Question& qu) {
    return qu.dimension >= 0 && fw.dimensions[qu.dimension].unanswered == Unanswered::Lowest;
}

TreeScores aggregate_with(const Framework& fw, const Questionnaire& q, const std::vector<std::vector<int>>& by_leaf,
                          const std::vector<QuestionValue>& values, const std::vector<char>& scope_out) {
    auto excluded = [&](int k) { return !scope_out.empty() && scope_out[static_cast<std::size_t>(k)]; };
    TreeScores out;
    out.dimensions.assign(fw.dimensions.size(), std::nullopt);
    // Whether anything under a node applies to this round: a node whose questions were all
    // N/A (or that has none) is left out under every rule, never counted as lowest or voiding.
    std::vector<char> applies(fw.dimensions.size(), 0);
    ItemCollector items;
    // Pre-order storage: walking backwards visits children before their parents.
    for (std::size_t k = fw.dimensions.size(); k-- > 0;) {
        const Dimension& d = fw.dimensions[k];
        items.reset(d.unanswered);
        if (d.is_leaf()) {
            for (int qi : by_leaf[k]) {
                const QuestionValue& v = values[qi];
                if (v.not_applicable) continue;
                applies[k] = 1;
                const Question& qu = q.questions[qi];
                int gate = qu.gate_level.value_or(0);
                if (v.score) items.add_scored(*v.score, qu.weight, gate, qu.max_score);
                else items.add_missing(qu.min_score, qu.weight, gate, qu.max_score);
            }
        } else {
            for (int c : d.children) {
                if (excluded(c)) continue;
                const Dimension& child = fw.dimensions[c];
                int gate = child.gate_level.value_or(0);
                double met_at = static_cast<double>(gate);
                if (out.dimensions[c]) items.add_scored(*out.dimensions[c], child.weight, gate, met_at);
                else if (applies[c]) items.add_missing(fw.min_level(), child.weight, gate, met_at);
                else items.add_absent(child.weight, gate, met_at);
                applies[k] = applies[k] || applies[c];
            }
        }
        out.dimensions[k] = items.result(d.aggregation, fw);
    }
    items.reset(fw.unanswered);
    for (int r : fw.roots) {
        if (excluded(r)) continue;
        double w = fw.dimensions[r].weight;
        if (out.dimensions[r]) items.add_scored(*out.dimensions[r], w, 0, 0);
        else if (applies[r]) items.add_missing(fw.min_level(), w, 0, 0);
        else items.add_absent(w, 0, 0);
    }
    // Top-level dimensions carry no gates, so a gated overall is the lowest level reached.
    Aggregation overall = fw.aggregation == Aggregation::Gated ? Aggregation::Min : fw.aggregation;
    out.overall = items.result(overall, fw);
    return out;
}

TreeScores aggregate_tree(const Framework& fw, const Questionnaire& q, const std::vector<QuestionValue>& values) {
    return aggregate_with(fw, q, questions_by_leaf(fw, q), values);
}

}  // namespace ys
