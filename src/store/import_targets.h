#pragma once
// A targets file (yardstick-targets/1) into the database: every target in it set for its
// organisation in one transaction, or none.
#include <string>
#include <vector>

#include "diagnostics.h"
#include "sqlite_handle.h"

namespace ys::store {

struct TargetsImportReport {
    Diagnostics diagnostics;  // the file's problems, at their JSON pointers
    std::string organisation, framework;
    std::size_t targets = 0;  // set (or that would be, in a dry run)
    bool ok() const { return !diagnostics.has_errors(); }
};

// Reads and checks the file against its framework (from the libraries), then sets each
// target for `organisation` (or, when empty, the one the file names). A problem in the file
// is reported and nothing is written; one the store refuses (an unknown organisation, a
// framework no round here uses) is a StoreError, and nothing is written either.
TargetsImportReport import_targets_file(Connection& c, const std::string& path, const std::string& organisation,
                                        const std::vector<std::string>& library_dirs, bool dry_run);

}  // namespace ys::store
