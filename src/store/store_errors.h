#pragma once
// The store's refusals: one line each, thrown as StoreError.
#include <string>

#include "diagnostics.h"
#include "sqlite_handle.h"

namespace ys::store {

[[noreturn]] inline void invalid(const std::string& message) { throw StoreError(StoreError::Kind::Invalid, message); }

// The first error of a reader's diagnostics, as one line.
inline std::string first_problem(const Diagnostics& d) {
    for (const auto& x : d.items())
        if (x.severity == Severity::Error) return to_string(x);
    return "invalid";
}

}  // namespace ys::store
