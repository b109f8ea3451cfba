#include "aggregate_items.h"
#include "scoring_parts.h"

namespace ys {
namespace {

// Adds one question to a cell's or column's items under the rule of the leaf it measures.
void add_question(ItemCollector& items, const Framework& fw, const Question& qu, const QuestionValue& v) {
    if (v.not_applicable) return;
    int gate = qu.gate_level.value_or(0);
    if (v.score) items.add_scored(*v.score, qu.weight, gate, qu.max_score);
    else items.add_missing(fw.dimensions[qu.dimension].unanswered, qu.min_score, qu.weight, gate, qu.max_score);
}

}  // namespace

std::vector<FacetMatrix> facet_matrices(const Framework& fw, const Questionnaire& q,
                                        const std::vector<std::vector<int>>& by_leaf,
                                        const std::vector<QuestionValue>& values,
                                        const std::vector<char>& scope_out) {
    std::vector<FacetMatrix> out;
    ItemCollector items;
    for (const Facet& f : fw.facets) {
        FacetMatrix m;
        m.facet = f.id;
        for (const auto& v : f.values) m.columns.push_back(v.id);
        // A column gathers its questions from every leaf, each under its own leaf's rule for
        // unanswered questions; it is combined over the questions, not over the cells.
        std::vector<std::vector<int>> column_questions(m.columns.size());
        for (std::size_t k = 0; k < fw.dimensions.size(); ++k) {
            if (!fw.dimensions[k].is_leaf() || by_leaf[k].empty()) continue;
            if (!scope_out.empty() && scope_out[k]) continue;  // out of the round's scope: no row
            m.rows.push_back(static_cast<int>(k));
            for (std::size_t c = 0; c < m.columns.size(); ++c) {
                items.reset(fw.dimensions[k].unanswered);
                for (int qi : by_leaf[k]) {
                    auto it = q.questions[qi].facets.find(f.id);
                    if (it == q.questions[qi].facets.end() || it->second != m.columns[c]) continue;
                    add_question(items, fw, q.questions[qi], values[qi]);
                    column_questions[c].push_back(qi);
                }
                m.cells.push_back(items.result(f.aggregation, fw));
            }
        }
        for (std::size_t c = 0; c < m.columns.size(); ++c) {
            items.reset(Unanswered::LeaveOut);
            for (int qi : column_questions[c]) add_question(items, fw, q.questions[qi], values[qi]);
            m.column_means.push_back(items.result(f.aggregation, fw));
        }
        out.push_back(std::move(m));
    }
    return out;
}

}  // namespace ys
