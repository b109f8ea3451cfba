#include "crosswalk_files.h"

#include <algorithm>
#include <filesystem>

#include "input_limits.h"
#include "json_read.h"
#include "io/platform.h"

namespace ys {
namespace fs = std::filesystem;

std::optional<Crosswalk> read_crosswalk_file(const std::string& path, Diagnostics& diags) {
    Diagnostics d(path);
    std::optional<Crosswalk> cw;
    if (auto doc = read_json_file(path, d, definition_json_limits())) cw = parse_crosswalk(*doc, d);
    diags.append(d);
    return cw;
}

namespace {

struct Found {
    std::string path, id, to_id;
};

std::vector<Found> shipped_crosswalks(const std::vector<std::string>& library_dirs) {
    std::vector<Found> out;
    for (const auto& dir : library_dirs) {
        if (dir.empty()) continue;
        std::error_code ec;
        fs::path p = platform::path_from_utf8(dir) / "frameworks" / "crosswalks";
        if (!fs::is_directory(p, ec)) continue;
        std::vector<std::string> files;
        for (const auto& e : fs::directory_iterator(p, ec))
            if (e.is_regular_file(ec) && e.path().extension() == ".json") files.push_back(platform::utf8_from_path(e.path()));
        std::sort(files.begin(), files.end());
        for (const auto& f : files) {
            Diagnostics ignored(f);  // a broken library file is reported when it is asked for by path or validated
            if (auto cw = read_crosswalk_file(f, ignored)) out.push_back({f, cw->id, cw->to_id});
        }
    }
    return out;
}

}  // namespace

std::string find_crosswalk(const std::string& name, const std::vector<std::string>& library_dirs, std::string& error) {
    bool is_path = name.find('/') != std::string::npos || name.find('\\') != std::string::npos ||
                   (name.size() > 5 && name.compare(name.size() - 5, 5, ".json") == 0);
    if (is_path) return name;
    for (const auto& f : shipped_crosswalks(library_dirs))
        if (f.id == name || f.to_id == name) return f.path;
    auto names = crosswalk_names(library_dirs);
    error = "no crosswalk \"" + name + "\" was found; ";
    if (names.empty()) {
        error += "none is installed: give a crosswalk file (yardstick-crosswalk/1) by its path";
    } else {
        error += "expected one of ";
        for (std::size_t i = 0; i < names.size(); ++i) error += (i ? ", " : "") + names[i];
        error += ", or a crosswalk file's path";
    }
    return {};
}

std::vector<std::string> crosswalk_names(const std::vector<std::string>& library_dirs) {
    std::vector<std::string> out;
    for (const auto& f : shipped_crosswalks(library_dirs)) {
        std::string n = f.to_id.empty() ? f.id : f.to_id + " (" + f.id + ")";
        if (std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
    }
    return out;
}

bool check_crosswalk_in(const Crosswalk& cw, const Catalogue& catalogue, Diagnostics& diags) {
    // The newest version the crosswalk maps: a library may hold several.
    std::shared_ptr<const Framework> fw;
    for (const auto& e : catalogue.entries())
        if (e.kind == DocKind::Framework && e.valid && e.id == cw.framework_id && cw.maps_version(e.version) &&
            (!fw || compare_versions(e.version, fw->version) > 0))
            fw = e.framework;
    if (!fw) {
        std::string versions;
        for (std::size_t i = 0; i < cw.framework_versions.size(); ++i) versions += (i ? ", " : "") + cw.framework_versions[i];
        diags.error("/framework", "framework \"" + cw.framework_id + "\" version " + versions +
                                      " was not found (or is invalid) among the files given or in the libraries");
        return false;
    }
    std::vector<const Questionnaire*> qs;
    std::vector<std::shared_ptr<const Questionnaire>> keep;
    bool ok = true;
    for (std::size_t i = 0; i < cw.questionnaires.size(); ++i) {
        auto q = catalogue.questionnaire(cw.questionnaires[i]);
        if (!q) {
            diags.error("/questionnaires/" + std::to_string(i), "questionnaire \"" + cw.questionnaires[i] +
                                                                    "\" was not found (or is invalid) among the files given or in the libraries");
            ok = false;
            continue;
        }
        if (q->framework_id != fw->id) {
            diags.error("/questionnaires/" + std::to_string(i), "questionnaire \"" + q->id + "\" measures framework \"" +
                                                                    q->framework_id + "\", not \"" + fw->id + "\"");
            ok = false;
            continue;
        }
        keep.push_back(q);
        qs.push_back(q.get());
    }
    return check_crosswalk(cw, *fw, qs, diags) && ok;
}

}  // namespace ys
