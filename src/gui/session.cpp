#include "session.h"

#include "wx_utf8.h"  // first: the UTF-8 _()

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "action_items.h"
#include "demo_skills.h"
#include "import_answers.h"
#include "json_read.h"
#include "organisations.h"
#include "rounds.h"
#include "targets.h"
#include "io/platform.h"

namespace fs = std::filesystem;

namespace ys::gui {

Session::Session(DataDirs dirs) : dirs_(std::move(dirs)) {}

store::OpenReport Session::open(const std::string& path, bool create) {
    store::OpenOptions options;
    options.create = create;
    store::OpenReport report;
    store::Connection c = store::open_database(path, options, &report);
    db_ = std::move(c);
    path_ = path;
    open_ = true;
    return report;
}

void Session::close() {
    db_ = store::Connection();
    path_.clear();
    open_ = false;
}

std::vector<std::string> Session::library_dirs() const {
    std::vector<std::string> dirs;
    if (!dirs_.shipped.empty()) dirs.push_back(dirs_.shipped);
    if (!dirs_.user.empty()) dirs.push_back(dirs_.user);
    return dirs;
}

const Catalogue& Session::catalogue() {
    if (!catalogue_) {
        catalogue_ = std::make_unique<Catalogue>();
        for (const auto& d : library_dirs()) catalogue_->add_library(d, d == dirs_.shipped ? "shipped" : "user");
        catalogue_->bind_all();
    }
    return *catalogue_;
}

std::string Session::examples_dir() const {
    std::error_code ec;
    for (const std::string& base : {dirs_.shipped, std::string(YARDSTICK_SOURCE_DATA_DIR)}) {
        if (base.empty()) continue;
        fs::path p = platform::path_from_utf8(base) / "examples";
        if (fs::is_directory(p / "answers", ec)) return platform::utf8_from_path(p);
    }
    return {};
}

std::string Session::shipped_roles_file() const { return dirs_.shipped + "/frameworks/roles/council-data-roles.json"; }

std::string Session::shipped_assumptions_file() const {
    return dirs_.shipped + "/frameworks/roles/assumptions-england-2025.json";
}

std::string Session::user_guide() const {
    std::error_code ec;
    for (const std::string& base : {dirs_.shipped, std::string(YARDSTICK_SOURCE_DATA_DIR)}) {
        fs::path p = platform::path_from_utf8(base) / "guide" / "yardstick.hhp";
        if (!base.empty() && fs::is_regular_file(p, ec)) return platform::utf8_from_path(p);
    }
    return {};
}

DataDirs application_data_dirs() {
    return default_data_dirs(platform::executable_path(), YARDSTICK_SOURCE_DATA_DIR);
}

std::optional<RoundDocuments> round_documents(const Catalogue& cat, const std::string& questionnaire_id,
                                              const std::string& version) {
    auto q = cat.questionnaire(questionnaire_id, version);
    if (!q) return std::nullopt;
    auto fw = cat.framework(q->framework_id);
    if (!fw) return std::nullopt;
    RoundDocuments d{cat.document_of(fw.get()), cat.document_of(q.get()), q->title};
    if (!d.framework || !d.questionnaire) return std::nullopt;
    return d;
}

namespace {

std::vector<std::string> json_files(const fs::path& dir) {
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.path().extension() == ".json") out.push_back(platform::utf8_from_path(e.path()));
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

bool create_demo_data(store::Connection& c, const std::string& examples_dir, const std::vector<std::string>& library_dirs,
                      Diagnostics& problems) {
    if (examples_dir.empty()) {
        problems.error("", "the example answers (examples/answers) are not installed");
        return false;
    }
    store::Transaction tx(c);
    const std::string region = "demo-region";
    if (!store::find_organisation(c, region))
        store::add_organisation(c, {region, "Demo region (fictional)", "region", "", "", ""});

    store::ImportAnswersRequest req;
    req.files = json_files(platform::path_from_utf8(examples_dir) / "answers");
    req.library_dirs = library_dirs;
    store::ImportReport imported = store::import_files(c, req);
    problems.append(imported.diagnostics);
    if (!imported.ok()) return false;

    // The councils (organisations at the top) go under the region; their departments stay under them.
    std::vector<std::string> councils;
    for (const auto& o : store::list_organisations(c))
        if (o.id != region && o.parent.empty()) {
            store::move_organisation(c, o.id, region);
            councils.push_back(o.id);
        }

    // Targets, read against the framework each names (from the libraries).
    Catalogue cat;
    for (const auto& d : library_dirs) cat.add_library(d, "library");
    cat.bind_all();
    for (const auto& file : json_files(platform::path_from_utf8(examples_dir) / "targets")) {
        Diagnostics diags(file);
        auto doc = read_json_file(file, diags);
        if (!doc) {
            problems.append(diags);
            return false;
        }
        auto fw_id = read_targets_framework(*doc, diags);
        auto fw = fw_id ? cat.framework(*fw_id) : nullptr;
        auto targets = fw ? parse_targets(*doc, *fw, diags) : std::nullopt;
        if (!targets) {
            if (!diags.has_errors()) diags.error("", "its framework was not found in the libraries");
            problems.append(diags);
            return false;
        }
        if (!store::find_organisation(c, targets->organisation)) continue;
        for (const auto& t : targets->targets)
            store::set_target(c, {targets->organisation, targets->framework_id, t.dimension, t.by, t.level});
    }

    if (!councils.empty()) {
        store::add_peer_group(c, "demo-peers", "Demo peer group (fictional)");
        for (const auto& o : councils) store::add_peer_group_member(c, "demo-peers", o);
    }

    // A few adopted actions for the latest Eastmere round, so the action plan is not empty.
    auto rounds = store::list_rounds(c, "eastmere");
    if (!rounds.empty()) {
        const auto& latest = *std::max_element(rounds.begin(), rounds.end(),
                                               [](const auto& a, const auto& b) { return a.period < b.period; });
        auto fw = store::load_framework(c, latest.framework_hash);
        struct Pick {
            const char* dimension;
            const char* owner;
            const char* due;
            const char* status;
        };
        for (const Pick& p : {Pick{"skills", "Head of data (fictional)", "2027-03-31", "in-progress"},
                              Pick{"tools", "Chief digital officer (fictional)", "2027-06-30", "not-started"},
                              Pick{"analytics", "Performance manager (fictional)", "2026-12-31", "done"}}) {
            int d = fw->find_dimension(p.dimension);
            if (d < 0) continue;
            const auto& actions = fw->dimensions[static_cast<std::size_t>(d)].actions;
            auto it = std::find_if(actions.begin(), actions.end(), [](const Action& a) { return a.from == 3; });
            if (it == actions.end() && !actions.empty()) it = actions.begin();
            if (it == actions.end()) continue;
            store::save_action_item(c, {latest.id, it->id, p.dimension, p.owner, p.due, p.status, "", ""});
        }
    }
    if (!add_demo_skills_round(c, cat, problems)) return false;
    tx.commit();
    return true;
}

}  // namespace ys::gui
