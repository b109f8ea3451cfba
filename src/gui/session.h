#pragma once
// What the application has open: the database (one connection, used on the main thread
// only; worker threads open their own), where the shipped and user libraries are, and the
// catalogue of frameworks and questionnaires, read on first use.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "catalogue.h"
#include "database.h"
#include "diagnostics.h"
#include "sqlite_handle.h"

namespace ys::gui {

class Session {
public:
    explicit Session(DataDirs dirs);

    // Opens `path` (creating it when `create`), replacing the database open now only when
    // it succeeds. Throws store::StoreError.
    store::OpenReport open(const std::string& path, bool create);
    void close();
    bool is_open() const { return open_; }
    store::Connection& db() { return db_; }
    const std::string& path() const { return path_; }

    const DataDirs& dirs() const { return dirs_; }
    // The shipped library, then the user's (as the CLI without --library).
    std::vector<std::string> library_dirs() const;
    // Frameworks and questionnaires of the libraries; read once.
    const Catalogue& catalogue();
    // The example answers and targets of the fictional councils ("" when not installed).
    std::string examples_dir() const;
    // The shipped role catalogue and cost assumptions the roadmap uses by default.
    std::string shipped_roles_file() const;
    std::string shipped_assumptions_file() const;
    // The user guide's help book (guide/yardstick.hhp of the shipped data), "" when not there.
    std::string user_guide() const;

private:
    DataDirs dirs_;
    store::Connection db_;
    std::string path_;
    bool open_ = false;
    std::unique_ptr<Catalogue> catalogue_;
};

// Where the shipped data is for this executable (YARDSTICK_DATA_DIR, beside the executable,
// else the source tree), as the CLI finds it.
DataDirs application_data_dirs();

// A questionnaire from the catalogue (the newest valid version when `version` is empty)
// and its framework, as the documents a new round stores by value. Empty when not found.
struct RoundDocuments {
    std::shared_ptr<const nlohmann::json> framework, questionnaire;
    std::string title;
};
std::optional<RoundDocuments> round_documents(const Catalogue& cat, const std::string& questionnaire_id,
                                              const std::string& version = {});

// Fills a database with the example councils (all fictional): a demo region, the example
// answer files imported, the councils moved under the region, their targets, a peer group
// and a few adopted actions. One transaction; false with problems when the examples are
// missing or invalid (nothing is then written). Throws store::StoreError.
bool create_demo_data(store::Connection& c, const std::string& examples_dir, const std::vector<std::string>& library_dirs,
                      Diagnostics& problems);

}  // namespace ys::gui
