#pragma once
// The frameworks and questionnaires a user can reach: shipped ones, the user's own,
// and files named on the command line, found by id and version.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "diagnostics.h"
#include "framework.h"
#include "questionnaire.h"

namespace ys {

enum class DocKind { Framework, Questionnaire, Answers, Targets, Roles, Assumptions, Unknown };
const char* to_string(DocKind k);
DocKind kind_of(const nlohmann::json& doc);

struct CatalogueEntry {
    DocKind kind = DocKind::Unknown;
    std::string path;
    std::string origin;  // "shipped", "user", "given"
    std::string id, version, title;
    bool valid = false;
    std::vector<Diagnostic> problems;
    std::shared_ptr<const Framework> framework;
    std::shared_ptr<const Questionnaire> questionnaire;  // bound when valid
    std::shared_ptr<const nlohmann::json> document;      // the file as read, kept to store by value
    std::size_t question_count = 0;
};

class Catalogue {
public:
    // Adds every *.json directly inside DIR/frameworks and DIR/questionnaires.
    void add_library(const std::string& dir, const std::string& origin);
    // Adds one framework or questionnaire file; returns false when it is neither.
    bool add_file(const std::string& path, const std::string& origin, Diagnostics& diags);
    // Adds a framework or questionnaire already read.
    void add_framework(std::shared_ptr<const Framework> fw, const std::string& path, const std::string& origin);

    // Resolves questionnaires against frameworks; call after adding everything.
    void bind_all();

    // Latest valid version when version is empty. Files given later win over earlier ones.
    std::shared_ptr<const Framework> framework(const std::string& id, const std::string& version = {}) const;
    std::shared_ptr<const Questionnaire> questionnaire(const std::string& id, const std::string& version = {}) const;
    const std::vector<CatalogueEntry>& entries() const { return entries_; }
    // The document a framework or questionnaire came from (nullptr when not from a file).
    std::shared_ptr<const nlohmann::json> document_of(const void* framework_or_questionnaire) const;
    const std::vector<std::string>& libraries() const { return libraries_; }

private:
    std::vector<CatalogueEntry> entries_;
    std::vector<std::string> libraries_;
    std::vector<std::shared_ptr<Questionnaire>> unbound_;
};

// Compares "1.10" and "1.9" as versions: -1, 0 or 1.
int compare_versions(const std::string& a, const std::string& b);

// Where shipped and user files live: $YARDSTICK_DATA_DIR, else beside the executable
// (Linux: ../share/yardstick; Windows: the executable's own folder), else the source tree;
// then the user's data folder (platform::user_data_dir()).
struct DataDirs {
    std::string shipped;
    std::string user;
};
DataDirs default_data_dirs(const std::string& executable_path, const std::string& source_dir);

}  // namespace ys
