#include "catalogue.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "framework_read.h"
#include "json_fields.h"
#include "json_read.h"
#include "questionnaire_read.h"
#include "input_limits.h"
#include "io/platform.h"

namespace fs = std::filesystem;

namespace ys {

const char* to_string(DocKind k) {
    switch (k) {
        case DocKind::Framework: return "framework";
        case DocKind::Questionnaire: return "questionnaire";
        case DocKind::Answers: return "answers";
        case DocKind::Targets: return "targets";
        case DocKind::Roles: return "roles";
        case DocKind::Assumptions: return "assumptions";
        case DocKind::Unknown: return "unknown";
    }
    return "unknown";
}

DocKind kind_of(const nlohmann::json& doc) {
    if (!doc.is_object()) return DocKind::Unknown;
    auto it = doc.find("format");
    if (it == doc.end() || !it->is_string()) return DocKind::Unknown;
    const std::string f = it->get<std::string>();
    if (f.rfind("yardstick-framework/", 0) == 0) return DocKind::Framework;
    if (f.rfind("yardstick-questionnaire/", 0) == 0) return DocKind::Questionnaire;
    if (f.rfind("yardstick-answers/", 0) == 0) return DocKind::Answers;
    if (f.rfind("yardstick-targets/", 0) == 0) return DocKind::Targets;
    if (f.rfind("yardstick-roles/", 0) == 0) return DocKind::Roles;
    if (f.rfind("yardstick-assumptions/", 0) == 0) return DocKind::Assumptions;
    return DocKind::Unknown;
}

int compare_versions(const std::string& a, const std::string& b) {
    std::size_t i = 0, j = 0;
    while (i < a.size() || j < b.size()) {
        long x = 0, y = 0;
        while (i < a.size() && a[i] != '.') x = x * 10 + (a[i++] - '0');
        while (j < b.size() && b[j] != '.') y = y * 10 + (b[j++] - '0');
        if (x != y) return x < y ? -1 : 1;
        if (i < a.size()) ++i;
        if (j < b.size()) ++j;
    }
    return 0;
}

void Catalogue::add_library(const std::string& dir, const std::string& origin) {
    if (dir.empty()) return;
    libraries_.push_back(dir);
    for (const char* sub : {"frameworks", "questionnaires"}) {
        std::error_code ec;
        fs::path p = platform::path_from_utf8(dir) / sub;
        if (!fs::is_directory(p, ec)) continue;
        std::vector<std::string> files;
        for (const auto& e : fs::directory_iterator(p, ec))
            if (e.is_regular_file(ec) && e.path().extension() == ".json") files.push_back(platform::utf8_from_path(e.path()));
        std::sort(files.begin(), files.end());
        for (const auto& f : files) {
            Diagnostics d(f);
            add_file(f, origin, d);
        }
    }
}

void Catalogue::add_framework(std::shared_ptr<const Framework> fw, const std::string& path, const std::string& origin) {
    CatalogueEntry e;
    e.kind = DocKind::Framework;
    e.path = path;
    e.origin = origin;
    e.id = fw->id;
    e.version = fw->version;
    e.title = fw->title;
    e.valid = true;
    e.framework = std::move(fw);
    entries_.push_back(std::move(e));
}

bool Catalogue::add_file(const std::string& path, const std::string& origin, Diagnostics& diags) {
    Diagnostics local(path);
    CatalogueEntry e;
    e.path = path;
    e.origin = origin;
    auto doc = read_json_file(path, local, definition_json_limits());
    if (doc) {
        e.kind = kind_of(*doc);
        if (doc->is_object()) {
            e.id = string_or_empty(*doc, "id");
            e.version = string_or_empty(*doc, "version");
            e.title = string_or_empty(*doc, "title");
        }
        if (e.kind == DocKind::Framework || e.kind == DocKind::Questionnaire)
            e.document = std::make_shared<const nlohmann::json>(*doc);
        if (e.kind == DocKind::Framework) {
            if (auto fw = parse_framework(*doc, local)) {
                e.valid = true;
                e.framework = std::make_shared<Framework>(std::move(*fw));
            }
        } else if (e.kind == DocKind::Questionnaire) {
            if (auto q = parse_questionnaire(*doc, local)) {
                e.question_count = q->questions.size();
                auto shared = std::make_shared<Questionnaire>(std::move(*q));
                unbound_.push_back(shared);
                e.questionnaire = shared;
                e.valid = true;  // until binding says otherwise
            }
        } else {
            return false;
        }
    }
    e.problems = local.items();
    diags.append(local);
    entries_.push_back(std::move(e));
    return true;
}

void Catalogue::bind_all() {
    for (auto& e : entries_) {
        if (e.kind != DocKind::Questionnaire || !e.valid) continue;
        auto it = std::find_if(unbound_.begin(), unbound_.end(),
                               [&](const std::shared_ptr<Questionnaire>& q) { return q == e.questionnaire; });
        if (it == unbound_.end()) continue;
        std::shared_ptr<Questionnaire> q = *it;
        unbound_.erase(it);
        Diagnostics d(e.path);
        // Newest fitting framework version.
        std::shared_ptr<const Framework> best;
        for (const auto& f : entries_)
            if (f.kind == DocKind::Framework && f.valid && f.id == q->framework_id &&
                q->fits_framework_version(f.version) &&
                (!best || compare_versions(f.version, best->version) >= 0))
                best = f.framework;
        // Any version of the right framework, so a mismatch is reported as one.
        std::shared_ptr<const Framework> any_version = framework(q->framework_id);
        if (!best && any_version) {
            bind_questionnaire(*q, *any_version, d);
        } else if (!best) {
            std::string list;
            for (const auto& v : q->framework_versions) list += (list.empty() ? "" : ", ") + v;
            // A framework that is there but failed its own checks is not "not found": say which file.
            const CatalogueEntry* invalid = nullptr;
            for (const auto& f : entries_)
                if (f.kind == DocKind::Framework && !f.valid && f.id == q->framework_id) invalid = &f;
            if (invalid)
                d.error("/framework", "framework \"" + q->framework_id + "\" (versions " + list + ") is invalid: " +
                                          invalid->path + " failed validation; fix the problems reported for it, "
                                          "then check this questionnaire again");
            else
                d.error("/framework", "framework \"" + q->framework_id + "\" (versions " + list +
                                          ") was not found among the files given or in the libraries");
        } else {
            bind_questionnaire(*q, *best, d);
        }
        if (d.has_errors()) e.valid = false;
        e.problems.insert(e.problems.end(), d.items().begin(), d.items().end());
    }
}

std::shared_ptr<const nlohmann::json> Catalogue::document_of(const void* p) const {
    for (const auto& e : entries_)
        if (e.framework.get() == p || e.questionnaire.get() == p) return e.document;
    return nullptr;
}

std::shared_ptr<const Framework> Catalogue::framework(const std::string& id, const std::string& version) const {
    std::shared_ptr<const Framework> best;
    for (const auto& e : entries_) {
        if (e.kind != DocKind::Framework || !e.valid || e.id != id) continue;
        if (!version.empty() && e.version != version) continue;
        if (!best || compare_versions(e.version, best->version) >= 0) best = e.framework;
    }
    return best;
}

std::shared_ptr<const Questionnaire> Catalogue::questionnaire(const std::string& id, const std::string& version) const {
    std::shared_ptr<const Questionnaire> best;
    for (const auto& e : entries_) {
        if (e.kind != DocKind::Questionnaire || !e.valid || e.id != id || !e.questionnaire->bound) continue;
        if (!version.empty() && e.version != version) continue;
        if (!best || compare_versions(e.version, best->version) >= 0) best = e.questionnaire;
    }
    return best;
}

DataDirs default_data_dirs(const std::string& executable_path, const std::string& source_dir) {
    DataDirs d;
    std::error_code ec;
    if (std::string env = platform::environment("YARDSTICK_DATA_DIR"); !env.empty()) {
        d.shipped = env;
    } else {
#ifdef _WIN32
        // Installed or unzipped: frameworks\ beside yardstick.exe.
        fs::path installed = platform::path_from_utf8(executable_path).parent_path();
#else
        fs::path installed = platform::path_from_utf8(executable_path).parent_path() / ".." / "share" / "yardstick";
#endif
        if (!executable_path.empty() && fs::is_directory(installed / "frameworks", ec))
            d.shipped = platform::utf8_from_path(fs::weakly_canonical(installed, ec));
        else
            d.shipped = source_dir;
    }
    d.user = platform::user_data_dir();
    return d;
}

}  // namespace ys
