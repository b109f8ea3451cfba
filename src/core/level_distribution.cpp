#include "level_distribution.h"

#include "scoring.h"

namespace ys {
namespace {

constexpr double kEps = 1e-9;  // as level_for_score: 2.9999999999 reads as 3

// Adds one question (its combined value and its answers) to a distribution.
void add_question(LevelDistribution& d, int min_level, const std::optional<double>& value,
                  const std::vector<double>& answers) {
    const std::size_t n = d.questions_at_or_above.size();
    if (value) {
        ++d.questions;
        for (std::size_t i = 0; i < n; ++i)
            if (*value + kEps >= min_level + static_cast<double>(i)) ++d.questions_at_or_above[i];
    }
    for (double a : answers) {
        ++d.answers;
        for (std::size_t i = 0; i < n; ++i)
            if (a + kEps >= min_level + static_cast<double>(i)) ++d.answers_at_or_above[i];
    }
}

void add_into(LevelDistribution& to, const LevelDistribution& from) {
    to.questions += from.questions;
    to.answers += from.answers;
    for (std::size_t i = 0; i < to.questions_at_or_above.size(); ++i) {
        to.questions_at_or_above[i] += from.questions_at_or_above[i];
        to.answers_at_or_above[i] += from.answers_at_or_above[i];
    }
}

double share(int part, int whole) { return whole ? static_cast<double>(part) / whole : 0; }

}  // namespace

double LevelDistribution::question_share(std::size_t i) const {
    return i < questions_at_or_above.size() ? share(questions_at_or_above[i], questions) : 0;
}
double LevelDistribution::answer_share(std::size_t i) const {
    return i < answers_at_or_above.size() ? share(answers_at_or_above[i], answers) : 0;
}

void add_level_distributions(RoundResult& r, const Framework& fw, const Questionnaire& q,
                             const std::vector<std::vector<double>>& answer_scores) {
    LevelDistributions& out = r.levels;
    out = LevelDistributions{};
    out.min_level = fw.min_level();
    const std::size_t nlevels = static_cast<std::size_t>(fw.max_level() - fw.min_level() + 1);
    LevelDistribution blank;
    blank.questions_at_or_above.assign(nlevels, 0);
    blank.answers_at_or_above.assign(nlevels, 0);
    out.dimensions.assign(fw.dimensions.size(), blank);
    out.overall = blank;
    auto value_of = [&](std::size_t qi) {
        return qi < r.questions.size() ? r.questions[qi].value : std::optional<double>();
    };
    for (std::size_t qi = 0; qi < q.questions.size() && qi < answer_scores.size(); ++qi) {
        int dim = q.questions[qi].dimension;
        if (dim < 0 || static_cast<std::size_t>(dim) >= fw.dimensions.size()) continue;
        add_question(out.dimensions[static_cast<std::size_t>(dim)], out.min_level, value_of(qi), answer_scores[qi]);
    }
    // Children before parents (pre-order, walked backwards), as the scores roll up.
    for (std::size_t k = fw.dimensions.size(); k-- > 0;)
        for (int c : fw.dimensions[k].children) add_into(out.dimensions[k], out.dimensions[static_cast<std::size_t>(c)]);
    for (int root : fw.roots) add_into(out.overall, out.dimensions[static_cast<std::size_t>(root)]);

    for (std::size_t fi = 0; fi < r.facets.size(); ++fi) {
        const FacetMatrix& m = r.facets[fi];
        LevelDistributions::Facet f;
        f.cells.assign(m.cells.size(), blank);
        f.columns.assign(m.columns.size(), blank);
        for (std::size_t row = 0; row < m.rows.size(); ++row)
            for (std::size_t qi = 0; qi < q.questions.size() && qi < answer_scores.size(); ++qi) {
                const Question& qu = q.questions[qi];
                if (qu.dimension != m.rows[row]) continue;
                auto it = qu.facets.find(m.facet);
                if (it == qu.facets.end()) continue;
                for (std::size_t c = 0; c < m.columns.size(); ++c)
                    if (it->second == m.columns[c]) {
                        add_question(f.cells[row * m.columns.size() + c], out.min_level, value_of(qi),
                                     answer_scores[qi]);
                        add_question(f.columns[c], out.min_level, value_of(qi), answer_scores[qi]);
                    }
            }
        out.facets.push_back(std::move(f));
    }
}

}  // namespace ys
