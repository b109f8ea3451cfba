#pragma once
// Bundles in and out of the database. Import is all-or-nothing in one transaction and
// matches by stable ids (organisations, rounds, respondents by key, answers by question,
// action items by action), so importing the same bundle twice creates no duplicates.
#include <string>
#include <vector>

#include "bundle.h"
#include "import_answers.h"
#include "sqlite_handle.h"

namespace ys::store {

// The rounds with their organisations (and every ancestor), the peer groups among them,
// their targets, and every definition they use.
Bundle export_bundle(Connection& c, const std::vector<std::string>& round_ids);

ImportReport import_bundle(Connection& c, const Bundle& bundle, const std::string& source, bool dry_run);

}  // namespace ys::store
