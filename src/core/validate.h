#pragma once
// The "validate" operation: checks frameworks, questionnaires, answer and target files,
// with their cross-references, against each other and the libraries.
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "catalogue.h"
#include "diagnostics.h"

namespace ys {

// A format whose reader lives outside the core (report templates are read by src/report,
// which the core must not depend on): the caller that links that reader supplies its check.
struct ExtraFormat {
    std::string format;  // "yardstick-report-template/1"; any version of it goes to check
    std::string kind;    // as printed: "report template"
    // Reports every problem of the file (already parsed as doc) to diags, sets id; true when valid.
    std::function<bool(const std::string& path, const nlohmann::json& doc, Diagnostics& diags, std::string& id)> check;
};

struct ValidateRequest {
    std::vector<std::string> files;
    std::vector<std::string> library_dirs;  // searched for referenced frameworks/questionnaires
    std::vector<ExtraFormat> extra_formats = {};
    // Roadmap scenarios name roles and responsibilities: they are checked against the first
    // valid role catalogue among `files`, else this one (the CLI gives the shipped one), and
    // the framework it names. Empty: scenarios are checked on their own only.
    std::string scenario_roles = {};
};

struct ValidatedFile {
    std::string path;
    DocKind kind = DocKind::Unknown;
    std::string id;
    bool ok = false;
    std::string extra_kind = {};  // the ExtraFormat's kind when one read it
};

struct ValidateReport {
    std::vector<ValidatedFile> files;
    Diagnostics diagnostics;
    bool ok() const { return !diagnostics.has_errors(); }
};

ValidateReport validate_files(const ValidateRequest& request);

}  // namespace ys
