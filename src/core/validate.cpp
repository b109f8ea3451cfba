#include "validate.h"

#include <memory>

#include "answers_read.h"
#include "crosswalk/crosswalk_files.h"
#include "assumptions.h"
#include "roles.h"
#include "scenario.h"
#include "json_read.h"
#include "targets.h"
#include "input_limits.h"

namespace ys {
namespace {

// "yardstick-answers/1" -> "yardstick-answers/": the family any version of a format belongs to.
std::string format_family(const std::string& format) { return format.substr(0, format.find('/') + 1); }

const ExtraFormat* extra_format_of(const nlohmann::json& doc, const std::vector<ExtraFormat>& extras) {
    if (!doc.is_object()) return nullptr;
    auto it = doc.find("format");
    if (it == doc.end() || !it->is_string()) return nullptr;
    const std::string& f = it->get_ref<const std::string&>();
    for (const auto& e : extras)
        if (f.rfind(format_family(e.format), 0) == 0) return &e;
    return nullptr;
}

std::string known_formats(const std::vector<ExtraFormat>& extras) {
    std::vector<std::string> all = {"yardstick-framework/1", "yardstick-questionnaire/1", "yardstick-answers/1",
                                    "yardstick-targets/1",   "yardstick-roles/1",         "yardstick-assumptions/1",
                                    kScenarioFormat, kCrosswalkFormat};
    for (const auto& e : extras) all.push_back(e.format);
    std::string out;
    for (std::size_t i = 0; i < all.size(); ++i)
        out += (i == 0 ? "" : i + 1 == all.size() ? " or " : ", ") + all[i];
    return out;
}

bool is_scenario(const nlohmann::json& doc) {
    if (!doc.is_object()) return false;
    auto it = doc.find("format");
    return it != doc.end() && it->is_string() &&
           it->get_ref<const std::string&>().rfind(format_family(kScenarioFormat), 0) == 0;
}

// The catalogue (and its framework) scenarios are checked against.
struct ScenarioChecker {
    std::optional<RoleCatalogue> roles;
    std::shared_ptr<const Framework> framework;
    std::string problem;  // why scenarios could not be checked against roles, when set
};

ScenarioChecker default_checker(const std::string& roles_file, Catalogue& catalogue) {
    ScenarioChecker c;
    if (roles_file.empty()) return c;
    Diagnostics d(roles_file);
    if (auto doc = read_json_file(roles_file, d, definition_json_limits())) c.roles = parse_role_catalogue(*doc, d);
    if (c.roles) c.framework = catalogue.framework(c.roles->framework_id);
    if (!c.roles || !c.framework) {
        c.roles.reset();
        c.problem = "its roles and responsibilities could not be checked: the role catalogue " + roles_file +
                    " is invalid or its framework was not found; give a valid role catalogue with the scenario";
    }
    return c;
}

// Why a file's framework cannot be used: a framework file with that id that failed its own
// checks is named as invalid, not reported as missing.
std::string framework_problem(const Catalogue& catalogue, const std::string& id) {
    for (const auto& e : catalogue.entries())
        if (e.kind == DocKind::Framework && !e.valid && e.id == id)
            return "framework \"" + id + "\" is invalid: " + e.path +
                   " failed validation; fix the problems reported for it, then check this file again";
    return "framework \"" + id + "\" was not found among the files given or in the libraries";
}

}  // namespace

ValidateReport validate_files(const ValidateRequest& request) {
    ValidateReport report;
    Catalogue catalogue;
    for (const auto& dir : request.library_dirs) catalogue.add_library(dir, "library");

    struct Pending {
        std::string path;
        nlohmann::json doc;
        DocKind kind;
        const ExtraFormat* extra;
    };
    std::vector<Pending> data_files;
    std::vector<Pending> scenarios;
    std::vector<Pending> crosswalks;  // checked against the catalogue's frameworks and questionnaires
    std::vector<std::size_t> given_entries;  // index into catalogue entries

    for (const auto& path : request.files) {
        Diagnostics d(path);
        // Any format may be given here: read with the larger limit and every format's caps.
        auto doc = read_json_file(path, d, exchange_json_limits());
        if (!doc) {
            report.diagnostics.append(d);
            report.files.push_back({path, DocKind::Unknown, "", false});
            continue;
        }
        if (is_scenario(*doc)) {
            scenarios.push_back({path, std::move(*doc), DocKind::Unknown, nullptr});
            continue;
        }
        if (doc->is_object() && doc->value("format", nlohmann::json()) == kCrosswalkFormat) {
            crosswalks.push_back({path, std::move(*doc), DocKind::Unknown, nullptr});
            continue;
        }
        DocKind kind = kind_of(*doc);
        const ExtraFormat* extra = kind == DocKind::Unknown ? extra_format_of(*doc, request.extra_formats) : nullptr;
        if (extra) {
            data_files.push_back({path, std::move(*doc), kind, extra});
        } else if (kind == DocKind::Framework || kind == DocKind::Questionnaire) {
            // Re-read through the catalogue so the given file wins over library copies; the
            // first reading is dropped first, so two trees of a large file never coexist.
            doc.reset();
            Diagnostics ignored(path);
            catalogue.add_file(path, "given", ignored);
            given_entries.push_back(catalogue.entries().size() - 1);
        } else if (kind == DocKind::Answers || kind == DocKind::Targets || kind == DocKind::Roles ||
                   kind == DocKind::Assumptions) {
            data_files.push_back({path, std::move(*doc), kind, nullptr});
        } else {
            if (doc->is_object() && doc->contains("format"))
                d.error("/format", "unknown format " + (*doc)["format"].dump() + "; expected " +
                                       known_formats(request.extra_formats));
            else
                d.error("/format", "missing; expected \"format\" naming a Yardstick file format, such as "
                                   "\"yardstick-framework/1\"");
            report.diagnostics.append(d);
            report.files.push_back({path, DocKind::Unknown, "", false});
        }
    }
    catalogue.bind_all();
    for (std::size_t i : given_entries) {
        const CatalogueEntry& e = catalogue.entries()[i];
        for (const auto& p : e.problems) report.diagnostics.add(p);
        report.files.push_back({e.path, e.kind, e.id, e.valid});
    }

    ScenarioChecker checker;
    for (auto& p : data_files) {
        Diagnostics d(p.path);
        bool ok = false;
        std::string id;
        if (p.extra) {
            ok = p.extra->check(p.path, p.doc, d, id);
        } else if (p.kind == DocKind::Answers) {
            if (auto header = read_answers_header(p.doc, d)) {
                id = header->questionnaire_id;
                auto q = catalogue.questionnaire(header->questionnaire_id, header->questionnaire_version);
                if (!q) {
                    d.error("/questionnaire", "questionnaire \"" + header->questionnaire_id + "\" version " +
                                                  header->questionnaire_version +
                                                  " was not found (or is invalid) among the files given or in the libraries");
                } else {
                    ok = parse_answers(p.doc, *q, d).has_value();
                }
            }
        } else if (p.kind == DocKind::Assumptions) {
            auto a = parse_assumptions(p.doc, d);
            ok = a.has_value();
            if (a) id = a->id;
        } else if (p.kind == DocKind::Roles) {
            if (auto cat = parse_role_catalogue(p.doc, d)) {
                id = cat->id;
                auto fw = catalogue.framework(cat->framework_id);
                auto skills = cat->skills_framework_id.empty() ? nullptr : catalogue.framework(cat->skills_framework_id);
                if (!fw) d.error("/framework", framework_problem(catalogue, cat->framework_id));
                else if (!cat->skills_framework_id.empty() && !skills)
                    d.error("/skills_framework", framework_problem(catalogue, cat->skills_framework_id));
                else ok = check_role_catalogue(*cat, *fw, skills.get(), d);
                if (ok && !checker.roles) {
                    checker.framework = fw;
                    checker.roles = std::move(cat);
                }
            }
        } else {
            if (auto fid = read_targets_framework(p.doc, d)) {
                id = *fid;
                auto fw = catalogue.framework(*fid);
                if (!fw) d.error("/framework", framework_problem(catalogue, *fid));
                else ok = parse_targets(p.doc, *fw, d).has_value();
            }
        }
        report.diagnostics.append(d);
        report.files.push_back({p.path, p.kind, id, ok && !d.has_errors(), p.extra ? p.extra->kind : ""});
    }

    if (!scenarios.empty() && !checker.roles) checker = default_checker(request.scenario_roles, catalogue);
    for (auto& p : scenarios) {
        Diagnostics d(p.path);
        auto s = parse_scenario(p.doc, d);
        if (s && checker.roles) check_scenario(*s, *checker.roles, *checker.framework, d);
        else if (s && !checker.problem.empty()) d.error("", checker.problem);
        report.diagnostics.append(d);
        report.files.push_back({p.path, DocKind::Unknown, s ? s->name : "", s && !d.has_errors(), "roadmap scenario"});
    }
    for (auto& p : crosswalks) {
        Diagnostics d(p.path);
        auto cw = parse_crosswalk(p.doc, d);
        bool ok = cw && check_crosswalk_in(*cw, catalogue, d);
        report.diagnostics.append(d);
        report.files.push_back({p.path, DocKind::Unknown, cw ? cw->id : "", ok && !d.has_errors(), "crosswalk"});
    }
    return report;
}

}  // namespace ys
