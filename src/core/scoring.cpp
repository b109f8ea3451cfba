#include "scoring.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "round_scope.h"

namespace ys {
namespace {

constexpr double kEps = 1e-9;

struct Item {
    bool has = false;
    double value = 0;
    double weight = 1;
    int gate = 0;
    double met_at = 0;
};

std::optional<double> combine_items(Aggregation agg, const std::vector<Item>& items, const Framework& fw) {
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

// Questions grouped by the leaf they measure.
std::vector<std::vector<int>> questions_by_leaf(const Framework& fw, const Questionnaire& q) {
    std::vector<std::vector<int>> out(fw.dimensions.size());
    for (std::size_t i = 0; i < q.questions.size(); ++i)
        if (q.questions[i].dimension >= 0) out[q.questions[i].dimension].push_back(static_cast<int>(i));
    return out;
}

// `scope_out` (empty, or one flag per dimension) names the dimensions out of the round's scope:
// they are left out entirely, so that they neither count nor hold back a gate.
TreeScores aggregate_with(const Framework& fw, const Questionnaire& q, const std::vector<std::vector<int>>& by_leaf,
                          const std::vector<QuestionValue>& values, const std::vector<char>& scope_out = {}) {
    auto excluded = [&](int k) { return !scope_out.empty() && scope_out[static_cast<std::size_t>(k)]; };
    TreeScores out;
    out.dimensions.assign(fw.dimensions.size(), std::nullopt);
    std::vector<Item> items;
    // Pre-order storage: walking backwards visits children before their parents.
    for (std::size_t k = fw.dimensions.size(); k-- > 0;) {
        const Dimension& d = fw.dimensions[k];
        items.clear();
        if (d.is_leaf()) {
            for (int qi : by_leaf[k]) {
                const QuestionValue& v = values[qi];
                if (v.not_applicable) continue;
                const Question& qu = q.questions[qi];
                items.push_back({v.score.has_value(), v.score.value_or(0), qu.weight, qu.gate_level.value_or(0),
                                 qu.max_score});
            }
        } else {
            for (int c : d.children) {
                if (excluded(c)) continue;
                const Dimension& child = fw.dimensions[c];
                items.push_back({out.dimensions[c].has_value(), out.dimensions[c].value_or(0), child.weight,
                                 child.gate_level.value_or(0), static_cast<double>(child.gate_level.value_or(0))});
            }
        }
        out.dimensions[k] = combine_items(d.aggregation, items, fw);
    }
    items.clear();
    for (int r : fw.roots)
        if (!excluded(r)) items.push_back({out.dimensions[r].has_value(), out.dimensions[r].value_or(0), fw.dimensions[r].weight, 0, 0});
    // Top-level dimensions carry no gates, so a gated overall is the lowest level reached.
    Aggregation overall = fw.aggregation == Aggregation::Gated ? Aggregation::Min : fw.aggregation;
    out.overall = combine_items(overall, items, fw);
    return out;
}

std::optional<double> combined(std::vector<double>& sample, Combine how, Spread& spread) {
    spread = summarise(sample);
    if (spread.n == 0) return std::nullopt;
    return how == Combine::Median ? spread.median : spread.mean;
}

int level_of(const Framework& fw, int dim, double score) {
    const LevelMapping& m = dim < 0 ? fw.level_mapping : fw.dimensions[dim].level_mapping;
    return level_for_score(fw, m, score);
}

}  // namespace

TreeScores aggregate_tree(const Framework& fw, const Questionnaire& q, const std::vector<QuestionValue>& values) {
    return aggregate_with(fw, q, questions_by_leaf(fw, q), values);
}

RoundResult score_round(const Framework& fw, const Questionnaire& q, const std::vector<const AnswerSet*>& sets,
                        const ScoreOptions& options) {
    RoundResult r;
    r.framework_id = fw.id;
    r.framework_version = fw.version;
    r.questionnaire_id = q.id;
    r.questionnaire_version = q.version;
    if (!sets.empty()) {
        r.organisation = sets.front()->organisation;
        r.period = sets.front()->period;
    }
    const std::size_t nq = q.questions.size();
    const std::size_t nroles = q.roles.size();
    const auto by_leaf = questions_by_leaf(fw, q);
    r.out_of_scope = out_of_scope_mask(fw, options.out_of_scope);
    if (!r.out_of_scope.empty()) r.excluded = known_exclusions(fw, options.out_of_scope);
    auto out_of_scope = [&](const Question& qu) { return qu.dimension >= 0 && r.is_out_of_scope(qu.dimension); };
    r.questions.assign(nq, QuestionResult{});
    std::vector<std::vector<double>> samples(nq);
    std::vector<std::vector<std::vector<double>>> role_samples(nroles, std::vector<std::vector<double>>(nq));
    std::vector<int> role_counts(nroles, 0);

    std::vector<const Answer*> by_question(nq, nullptr);
    std::vector<QuestionValue> own(nq);
    for (const AnswerSet* set : sets) {
        for (const Respondent& resp : set->respondents) {
            ++r.respondents;
            std::fill(by_question.begin(), by_question.end(), nullptr);
            for (const Answer& a : resp.answers)
                if (a.question < nq) by_question[a.question] = &a;
            if (resp.role >= 0 && static_cast<std::size_t>(resp.role) < nroles) ++role_counts[resp.role];
            int answered = 0, applicable = 0;
            for (std::size_t i = 0; i < nq; ++i) {
                const Question& qu = q.questions[i];
                QuestionResult& qr = r.questions[i];
                own[i] = QuestionValue{};
                if (out_of_scope(qu)) {  // counted nowhere: not part of this round
                    own[i].not_applicable = true;
                    continue;
                }
                if (qu.condition && !condition_holds(q, qu, by_question)) {
                    ++qr.not_asked;
                    own[i].not_applicable = true;  // not asked: left out like N/A
                    continue;
                }
                const Answer* a = by_question[i];
                if (!a) {
                    ++qr.unanswered;
                    ++applicable;
                    continue;
                }
                switch (a->state) {
                    case AnswerState::NotApplicable:
                        ++qr.not_applicable;
                        own[i].not_applicable = true;
                        break;
                    case AnswerState::DontKnow:
                        ++qr.dont_know;
                        ++applicable;
                        break;
                    case AnswerState::Given: {
                        double s = answer_score(qu, *a);
                        ++qr.answered;
                        ++applicable;
                        ++answered;
                        own[i].score = s;
                        samples[i].push_back(s);
                        if (resp.role >= 0 && static_cast<std::size_t>(resp.role) < nroles)
                            role_samples[resp.role][i].push_back(s);
                        break;
                    }
                }
            }
            if (options.per_respondent) {
                TreeScores t = aggregate_with(fw, q, by_leaf, own, r.out_of_scope);
                RespondentResult rr;
                rr.id = resp.id;
                rr.role = resp.role;
                rr.overall = t.overall;
                if (t.overall) rr.level = level_of(fw, -1, *t.overall);
                rr.coverage = applicable ? static_cast<double>(answered) / applicable : 0;
                rr.dimensions = std::move(t.dimensions);
                r.respondent_results.push_back(std::move(rr));
            }
        }
    }

    // Combine respondents per question, then aggregate up the tree.
    std::vector<QuestionValue> consensus(nq);
    for (std::size_t i = 0; i < nq; ++i) {
        QuestionResult& qr = r.questions[i];
        const Question& qu = q.questions[i];
        qr.value = combined(samples[i], fw.combine, qr.spread);
        double range = qu.max_score - qu.min_score;
        if (qr.spread.n >= 2 && range > kEps)
            qr.agreement = std::clamp(1.0 - (qr.spread.q3 - qr.spread.q1) / range, 0.0, 1.0);
        consensus[i].score = qr.value;
        // Only when everyone who was asked said N/A is the question left out altogether.
        consensus[i].not_applicable =
            out_of_scope(qu) || (!qr.value && qr.not_applicable > 0 && qr.dont_know == 0 && qr.unanswered == 0);
        if (options.by_role) {
            qr.by_role.assign(nroles, std::nullopt);
            Spread s;
            for (std::size_t k = 0; k < nroles; ++k) qr.by_role[k] = combined(role_samples[k][i], Combine::Median, s);
        }
    }
    TreeScores tree = aggregate_with(fw, q, by_leaf, consensus, r.out_of_scope);
    r.dimensions.assign(fw.dimensions.size(), NodeScore{});
    // Counts roll up the tree with the same backwards walk.
    for (std::size_t k = fw.dimensions.size(); k-- > 0;) {
        NodeScore& n = r.dimensions[k];
        const Dimension& d = fw.dimensions[k];
        n.score = tree.dimensions[k];
        if (n.score) n.level = level_of(fw, static_cast<int>(k), *n.score);
        if (d.is_leaf()) {
            for (int qi : by_leaf[k]) {
                const QuestionResult& qr = r.questions[qi];
                n.answered += qr.answered;
                n.dont_know += qr.dont_know;
                n.not_applicable += qr.not_applicable;
                n.unanswered += qr.unanswered;
            }
        } else {
            for (int c : d.children) {
                n.answered += r.dimensions[c].answered;
                n.dont_know += r.dimensions[c].dont_know;
                n.not_applicable += r.dimensions[c].not_applicable;
                n.unanswered += r.dimensions[c].unanswered;
            }
        }
    }
    r.overall.score = tree.overall;
    if (tree.overall) r.overall.level = level_of(fw, -1, *tree.overall);
    for (int root : fw.roots) {
        r.overall.answered += r.dimensions[root].answered;
        r.overall.dont_know += r.dimensions[root].dont_know;
        r.overall.not_applicable += r.dimensions[root].not_applicable;
        r.overall.unanswered += r.dimensions[root].unanswered;
    }

    if (options.by_role) {
        for (std::size_t k = 0; k < nroles; ++k) {
            if (role_counts[k] == 0) continue;
            std::vector<QuestionValue> values(nq);
            for (std::size_t i = 0; i < nq; ++i) {
                values[i].score = r.questions[i].by_role[k];
                values[i].not_applicable = consensus[i].not_applicable;
            }
            TreeScores t = aggregate_with(fw, q, by_leaf, values, r.out_of_scope);
            r.roles.push_back({static_cast<int>(k), role_counts[k], std::move(t.dimensions), t.overall});
        }
    }

    // Facet matrices: leaf x facet value, the mean of the combined question scores.
    for (const Facet& f : fw.facets) {
        FacetMatrix m;
        m.facet = f.id;
        for (const auto& v : f.values) m.columns.push_back(v.id);
        std::vector<double> col_total(m.columns.size(), 0);
        std::vector<int> col_n(m.columns.size(), 0);
        for (std::size_t k = 0; k < fw.dimensions.size(); ++k) {
            if (!fw.dimensions[k].is_leaf() || by_leaf[k].empty() || r.is_out_of_scope(k)) continue;
            m.rows.push_back(static_cast<int>(k));
            for (std::size_t c = 0; c < m.columns.size(); ++c) {
                double total = 0;
                int n = 0;
                for (int qi : by_leaf[k]) {
                    auto it = q.questions[qi].facets.find(f.id);
                    if (it == q.questions[qi].facets.end() || it->second != m.columns[c]) continue;
                    if (!consensus[qi].score || consensus[qi].not_applicable) continue;
                    total += *consensus[qi].score;
                    ++n;
                }
                m.cells.push_back(n ? std::optional<double>(total / n) : std::nullopt);
                col_total[c] += total;
                col_n[c] += n;
            }
        }
        for (std::size_t c = 0; c < m.columns.size(); ++c)
            m.column_means.push_back(col_n[c] ? std::optional<double>(col_total[c] / col_n[c]) : std::nullopt);
        r.facets.push_back(std::move(m));
    }
    add_level_distributions(r, fw, q, samples);
    return r;
}

void apply_targets(RoundResult& r, const Framework& fw, const TargetSet& targets) {
    double shortfall = 0, total = 0;
    r.unscored_targets.clear();
    for (const Target& t : targets.targets) {
        int k = fw.find_dimension(t.dimension);
        if (k < 0) continue;
        if (r.is_out_of_scope(static_cast<std::size_t>(k))) continue;  // no target where nothing is assessed
        NodeScore& n = r.dimensions[k];
        n.target = t.level;
        if (!t.by.empty()) n.target_by = t.by;
        if (!n.score) {
            r.unscored_targets.push_back(t.dimension);
            continue;
        }
        n.gap = std::max(0.0, t.level - *n.score);
        shortfall += *n.gap;
        total += t.level;
    }
    if (total > 0) r.percent_to_target = 1.0 - shortfall / total;
    else r.percent_to_target.reset();
}

void apply_previous(RoundResult& r, const RoundResult& previous) {
    // Node indices only line up within one framework version; re-scoring is explicit.
    if (r.framework_id != previous.framework_id || r.framework_version != previous.framework_version) return;
    r.previous_period = previous.period;
    auto link = [](NodeScore& now, const NodeScore& before) {
        now.previous = before.score;
        if (now.score && before.score) now.change = *now.score - *before.score;
    };
    for (std::size_t k = 0; k < r.dimensions.size() && k < previous.dimensions.size(); ++k)
        link(r.dimensions[k], previous.dimensions[k]);
    link(r.overall, previous.overall);
}

}  // namespace ys
