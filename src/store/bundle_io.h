#pragma once
// Bundles in and out of the database. Import is all-or-nothing in one transaction and
// matches by stable ids (organisations by origin and id, rounds, respondents by key, answers
// by question, action items by action), so importing the same bundle twice creates no
// duplicates. An organisation whose id is already here from another database is refused
// unless the user maps it (docs/bundle-format.md, "Origins").
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "bundle.h"
#include "import_answers.h"
#include "sqlite_handle.h"

namespace ys::store {

// The rounds with their organisations (and every ancestor), the peer groups among them,
// their targets, and every definition they use; with this database's origin, and each
// organisation's and round's.
Bundle export_bundle(Connection& c, const std::vector<std::string>& round_ids);

// Checks the user's mapping before anything is written: every organisation mapped from is in
// one of the bundles, every one mapped onto is in the database. A mistake is a usage error.
struct OrgMappingError : std::invalid_argument {
    using std::invalid_argument::invalid_argument;
};
void check_org_mapping(Connection& c, const std::vector<std::pair<std::string, Bundle>>& bundles,
                       const OrgMappingOptions& mapping);

// Names, types, regions and parents of organisations already here are never changed (a
// difference draws a warning). Clashes are reported as errors before anything is written.
ImportReport import_bundle(Connection& c, const Bundle& bundle, const std::string& source, bool dry_run,
                           const OrgMappingOptions& mapping = {});

}  // namespace ys::store
