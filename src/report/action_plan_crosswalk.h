#pragma once
// The action plan's "in other frameworks' terms" part: a round's result through a crosswalk
// (CDDO's topics and themes, Data Orchard's themes), said to be an approximation.
#include "crosswalk/crosswalk_result.h"
#include "template.h"

namespace ys::report {

// A level 2 heading, the approximation sentence, one table per axis and what was left out.
void add_crosswalk_summary(DocumentWriter& w, const CrosswalkResult& res);

}  // namespace ys::report
