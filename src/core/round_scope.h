#pragma once
// A round's scope: dimensions declared out of scope for one round (a district council has
// no children's services). Such a dimension, and everything under it, is left out of the
// round's scores, coverage, benchmarks and reports as if it were not in the framework.
#include <string>
#include <vector>

#include "framework.h"

namespace ys {

// One flag per framework dimension: 1 when it, or a dimension above it, is named in
// `excluded`. Ids the framework does not have are ignored here (the store refuses them
// when the scope is set). Empty when nothing is excluded.
std::vector<char> out_of_scope_mask(const Framework& fw, const std::vector<std::string>& excluded);

// The ids of `excluded` the framework has, in framework order, without duplicates.
std::vector<std::string> known_exclusions(const Framework& fw, const std::vector<std::string>& excluded);

// "Children's services, Housing": the names of the excluded dimensions, for messages and reports.
std::string excluded_names(const Framework& fw, const std::vector<std::string>& excluded);

}  // namespace ys
