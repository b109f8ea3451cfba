#pragma once
// Report parts for a round's distribution of levels and its scope, shared by the reports:
// a heatmap table of the share of questions at or above each level per dimension, and the
// line that names the dimensions excluded from the round.
#include <string>

#include "document.h"
#include "framework.h"
#include "scoring.h"
#include "template.h"

namespace ys::report {

// "Children's services, Housing" (the round's excluded dimensions), or "" when none.
std::string excluded_text(const Framework& fw, const RoundResult& r);

// A heading and a table: a row per dimension in scope (indented by depth) and Overall, a
// column per level from the second up ("at or above level 1" is every scored question at
// level 0's floor, so level 0's column would always read 100%), cells shaded by share.
// Nothing when the round has no distribution or no scored question.
void add_level_distribution(DocumentWriter& w, const Framework& fw, const RoundResult& r, const std::string& anchor);

}  // namespace ys::report
