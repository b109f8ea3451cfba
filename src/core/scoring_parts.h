#pragma once
// The parts score_round is built from, each in its own file: the tree walk (tree_scores.cpp)
// and the facet matrices (facet_cells.cpp). Internal to the core.
#include <vector>

#include "scoring.h"

namespace ys {

// Questions grouped by the leaf they measure, indexed like Framework::dimensions.
std::vector<std::vector<int>> questions_by_leaf(const Framework& fw, const Questionnaire& q);

// One value per question aggregated up the tree under each node's aggregation and its rule
// for unanswered questions (a question that applies but has no score). `scope_out` (empty, or
// one flag per dimension) marks dimensions out of the round's scope: left out entirely, so
// they neither count nor hold back a gate.
TreeScores aggregate_with(const Framework& fw, const Questionnaire& q, const std::vector<std::vector<int>>& by_leaf,
                          const std::vector<QuestionValue>& values, const std::vector<char>& scope_out = {});

// Leaf x facet value cells, each combined by the facet's own aggregation, and one value per
// facet value over all its questions.
std::vector<FacetMatrix> facet_matrices(const Framework& fw, const Questionnaire& q,
                                        const std::vector<std::vector<int>>& by_leaf,
                                        const std::vector<QuestionValue>& values,
                                        const std::vector<char>& scope_out = {});

// True when an unanswered or "don't know" answer to `qu` counts as its lowest score.
bool counts_as_lowest(const Framework& fw, const Question& qu);

}  // namespace ys
