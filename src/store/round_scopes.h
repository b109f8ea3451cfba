#pragma once
// A round's scope (schema v6): the dimensions declared out of scope for one round, such as
// children's services in a district council. Scoring leaves them out (core round_scope.h);
// changing the scope clears the round's stored score summary in the same transaction.
#include <string>
#include <vector>

#include "sqlite_handle.h"

namespace ys::store {

// The dimension ids excluded from the round, in the order they are stored (by id).
std::vector<std::string> round_exclusions(Connection& c, const std::string& round);

// Excludes `exclude` and takes `include` back into scope, in one transaction; returns the
// exclusions after. Each is a dimension id of the round's framework, or its exact name
// (any case) where that names one dimension. Refused with one line (StoreError Invalid,
// nothing written) for an unknown dimension, one both excluded and included, one whose
// dimension above it stays excluded (include that one instead), a scope that would leave
// no dimension to score, or a closed round; NotFound for a round that is not there.
std::vector<std::string> set_round_scope(Connection& c, const std::string& round,
                                         const std::vector<std::string>& exclude,
                                         const std::vector<std::string>& include);

// Replaces the round's exclusions as a bundle carries them (ids the framework lacks are
// kept: they are ignored when scoring). Inside the caller's transaction; clears the summary
// when they change. A closed round keeps its own.
void replace_round_exclusions(Connection& c, const std::string& round, const std::vector<std::string>& excluded);

}  // namespace ys::store
