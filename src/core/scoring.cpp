#include "scoring.h"

#include "scoring_parts.h"

#include <algorithm>
#include <cmath>

#include "round_scope.h"

namespace ys {
namespace {

constexpr double kEps = 1e-9;

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
    {
        // Each sample held at its largest size at once: grown answer by answer, the vectors'
        // reallocations were a tenth of scoring 10,000 respondents.
        std::size_t total = 0;
        std::vector<std::size_t> per_role(nroles, 0);
        for (const AnswerSet* set : sets)
            for (const Respondent& resp : set->respondents) {
                ++total;
                if (resp.role >= 0 && static_cast<std::size_t>(resp.role) < nroles) ++per_role[resp.role];
            }
        for (auto& s : samples) s.reserve(total);
        for (std::size_t k = 0; k < nroles; ++k)
            for (auto& s : role_samples[k]) s.reserve(per_role[k]);
    }

    // Under the "lowest" rule a blank or "don't know" joins the question's sample as its lowest
    // score, as a spreadsheet counts a blank as 0; the respondent's own tree counts it in aggregate_with.
    auto add_lowest = [&](std::size_t i, int role) {
        if (!counts_as_lowest(fw, q.questions[i])) return;
        samples[i].push_back(q.questions[i].min_score);
        if (role >= 0 && static_cast<std::size_t>(role) < nroles) role_samples[role][i].push_back(q.questions[i].min_score);
    };
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
                    add_lowest(i, resp.role);
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
                        add_lowest(i, resp.role);
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
        // Only when everyone said N/A or was not asked, or the question's dimension is out of the
        // round's scope, is the question left out altogether.
        consensus[i].not_applicable = out_of_scope(qu) || (!qr.value && qr.dont_know == 0 && qr.unanswered == 0);
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

    r.facets = facet_matrices(fw, q, by_leaf, consensus, r.out_of_scope);
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
