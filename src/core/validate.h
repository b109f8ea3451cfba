#pragma once
// The "validate" operation: checks frameworks, questionnaires, answer and target files,
// with their cross-references, against each other and the libraries.
#include <string>
#include <vector>

#include "catalogue.h"
#include "diagnostics.h"

namespace ys {

struct ValidateRequest {
    std::vector<std::string> files;
    std::vector<std::string> library_dirs;  // searched for referenced frameworks/questionnaires
};

struct ValidatedFile {
    std::string path;
    DocKind kind = DocKind::Unknown;
    std::string id;
    bool ok = false;
};

struct ValidateReport {
    std::vector<ValidatedFile> files;
    Diagnostics diagnostics;
    bool ok() const { return !diagnostics.has_errors(); }
};

ValidateReport validate_files(const ValidateRequest& request);

}  // namespace ys
