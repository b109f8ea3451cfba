#pragma once
// The distribution of levels under a node: of its questions (each respondent's answers
// combined), and of every single answer, how many stand at or above each level of the
// framework, as published maturity tools show in their heatmaps.
#include <vector>

namespace ys {

struct Framework;
struct Questionnaire;
struct RoundResult;

struct LevelDistribution {
    int questions = 0;  // questions with a combined score (unanswered, don't know and N/A left out)
    int answers = 0;    // answers given (a score; don't know and N/A left out)
    // Index i counts those scoring at least min_level + i, for every level of the framework.
    std::vector<int> questions_at_or_above;
    std::vector<int> answers_at_or_above;

    // Shares in 0..1; 0 when there is nothing to share.
    double question_share(std::size_t i) const;
    double answer_share(std::size_t i) const;
};

struct LevelDistributions {
    int min_level = 0;                          // the level index 0 stands for
    std::vector<LevelDistribution> dimensions;  // parallel to Framework::dimensions
    LevelDistribution overall;
    // Per facet matrix of the result: cells parallel to FacetMatrix::cells, and one per column.
    struct Facet {
        std::vector<LevelDistribution> cells;
        std::vector<LevelDistribution> columns;
    };
    std::vector<Facet> facets;

    bool empty() const { return dimensions.empty(); }
};

// Fills r.levels from the combined question values in `r` and each question's answer
// scores (`answer_scores`, parallel to q.questions). Questions out of the round's scope
// carry no value and no answers, so they count nowhere.
void add_level_distributions(RoundResult& r, const Framework& fw, const Questionnaire& q,
                             const std::vector<std::vector<double>>& answer_scores);

}  // namespace ys
