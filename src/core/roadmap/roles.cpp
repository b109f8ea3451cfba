#include "roles.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "json_fields.h"
#include "questionnaire.h"  // version_matches
#include "targets.h"        // is_iso_date

namespace ys {
namespace {

bool is_version_pattern(const std::string& p) {
    if (p == "*" || is_valid_version(p)) return true;
    if (p.size() < 3 || p.back() != '*') return false;
    std::string bare = p.substr(0, p.size() - 1);
    return bare.back() == '.' &&
           std::all_of(bare.begin(), bare.end(), [](char c) { return c == '.' || (c >= '0' && c <= '9'); });
}

// ST0795 for an apprenticeship standard, FA0005 for a foundation apprenticeship.
bool is_standard_reference(const std::string& s) {
    if (s.size() != 6 || !((s[0] == 'S' && s[1] == 'T') || (s[0] == 'F' && s[1] == 'A'))) return false;
    return std::all_of(s.begin() + 2, s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string number_text(const JsonAt& at) { return at.present() ? at.json().dump() : "nothing"; }

class RolesReader {
public:
    RolesReader(const nlohmann::json& doc, Diagnostics& diags)
        : root_(&doc, "", diags), errors_before_(diags.error_count()) {}

    std::optional<RoleCatalogue> read() {
        if (!root_.expect_object()) return std::nullopt;
        root_.check_keys({"format", "id", "version", "title", "description", "licence", "framework",
                          "skills_framework", "sources", "roles"});
        auto format = root_.string("format", Need::Required);
        if (format && *format != kRolesFormat)
            root_["format"].error("expected \"" + std::string(kRolesFormat) + "\", found \"" + *format + "\"");
        cat_.id = root_.id("id", Need::Required).value_or("");
        if (auto v = root_.string("version", Need::Required)) {
            if (is_valid_version(*v)) cat_.version = *v;
            else root_["version"].error("expected a version such as \"1.0\" or \"1.2.3\", found \"" + *v + "\"");
        }
        cat_.title = root_.string("title", Need::Required).value_or("");
        cat_.description = root_.string("description", Need::Optional).value_or("");
        cat_.licence = root_.string("licence", Need::Optional).value_or("");
        read_framework_ref(root_["framework"], cat_.framework_id, cat_.framework_versions);
        read_framework_ref(root_["skills_framework"], cat_.skills_framework_id, cat_.skills_framework_versions);
        read_sources();
        read_roles();
        if (root_.diags().error_count() != errors_before_) return std::nullopt;
        return std::move(cat_);
    }

private:
    void read_framework_ref(const JsonAt& f, std::string& id, std::vector<std::string>& versions) {
        if (!f.expect_object()) return;
        f.check_keys({"id", "versions"});
        id = f.id("id", Need::Required).value_or("");
        JsonAt v = f["versions"];
        if (!v.expect_array(1)) return;
        for (std::size_t i = 0; i < v.size(); ++i) {
            const auto& j = v[i].json();
            if (!j.is_string() || !is_version_pattern(j.get<std::string>())) {
                v[i].error("expected a version (\"1.0\") or a prefix pattern (\"1.*\")");
                continue;
            }
            versions.push_back(j.get<std::string>());
        }
    }

    // A required "date": YYYY-MM-DD.
    std::string read_date(const JsonAt& owner, const std::string& key, Need need) {
        auto d = owner.string(key, need);
        if (!d || d->empty()) return {};
        if (!is_iso_date(*d)) {
            owner[key].error("expected a date as YYYY-MM-DD, found \"" + *d + "\"");
            return {};
        }
        return *d;
    }

    std::string read_source(const JsonAt& owner) {
        JsonAt s = owner["source"];
        if (!s.present()) {
            s.error("missing; expected where the figures came from (a non-empty string): every figure names its source");
            return {};
        }
        return owner.string("source", Need::Required).value_or("");
    }

    void read_sources() {
        JsonAt src = root_["sources"];
        if (!src.present() || !src.expect_array()) return;
        for (std::size_t i = 0; i < src.size(); ++i) {
            JsonAt s = src[i];
            if (!s.expect_object()) continue;
            s.check_keys({"title", "publisher", "url", "date", "note"});
            RoleSource out;
            out.title = s.string("title", Need::Required).value_or("");
            out.publisher = s.string("publisher", Need::Optional).value_or("");
            out.url = s.string("url", Need::Optional).value_or("");
            out.date = read_date(s, "date", Need::Optional);
            out.note = s.string("note", Need::Optional).value_or("");
            cat_.sources.push_back(std::move(out));
        }
    }

    void read_roles() {
        JsonAt roles = root_["roles"];
        if (!roles.expect_array(1)) return;
        std::set<std::string> ids;
        for (std::size_t i = 0; i < roles.size(); ++i) {
            JsonAt r = roles[i];
            if (!r.expect_object()) continue;
            r.check_keys({"id", "title", "purpose", "responsibilities", "grade", "salary", "london_weighting",
                          "apprenticeship", "ddat", "skills", "shareable", "note"});
            Role role;
            role.pointer = r.pointer();
            role.id = r.id("id", Need::Required).value_or("");
            if (!role.id.empty() && !ids.insert(role.id).second)
                r["id"].error("duplicate role id \"" + role.id + "\"");
            role.title = r.string("title", Need::Required).value_or("");
            role.purpose = r.string("purpose", Need::Required).value_or("");
            role.grade = r.string("grade", Need::Required).value_or("");
            role.london_weighting = r.boolean("london_weighting", Need::Optional).value_or(false);
            role.shareable = r.boolean("shareable", Need::Optional).value_or(false);
            read_responsibilities(r, role);
            read_salary(r["salary"], role.salary);
            read_apprenticeship(r["apprenticeship"], role);
            read_ddat(r["ddat"], role);
            read_skills(r, role);
            cat_.roles.push_back(std::move(role));
        }
    }

    void read_responsibilities(const JsonAt& r, Role& role) {
        JsonAt list = r["responsibilities"];
        if (!list.expect_array(1)) return;
        std::set<std::string> seen;
        for (std::size_t k = 0; k < list.size(); ++k) {
            JsonAt e = list[k];
            if (!e.expect_object()) continue;
            e.check_keys({"id", "fte_share"});
            RoleResponsibility out;
            out.id = e.id("id", Need::Required).value_or("");
            if (!out.id.empty() && !seen.insert(out.id).second)
                e["id"].error("responsibility \"" + out.id + "\" is listed twice for this role");
            if (!e["fte_share"].present()) {
                e["fte_share"].error("missing; expected a share above 0 and at most 1 (0.5 means half of the "
                                     "responsibility)");
            } else if (auto s = e.number("fte_share", Need::Required)) {
                if (*s <= 0 || *s > 1)
                    e["fte_share"].error("expected a share above 0 and at most 1 (0.5 means half of the "
                                         "responsibility), found " + number_text(e["fte_share"]));
                else out.fte_share = *s;
            }
            role.responsibilities.push_back(std::move(out));
        }
    }

    void read_salary(const JsonAt& s, RoleSalary& out) {
        if (!s.expect_object()) return;
        s.check_keys({"min", "mid", "max", "source", "date", "note", "method", "evidence", "assumption", "basis"});
        std::optional<double> v[3];
        const char* keys[3] = {"min", "mid", "max"};
        for (int k = 0; k < 3; ++k) {
            JsonAt f = s[keys[k]];
            if (!f.present()) {
                f.error("missing; expected an amount in GBP a year (a number of 0 or more)");
                continue;
            }
            v[k] = s.number(keys[k], Need::Required);
            if (v[k] && *v[k] < 0) {
                f.error("expected an amount of 0 or more (GBP a year), found " + number_text(f));
                v[k].reset();
            }
        }
        if (v[0] && v[1] && *v[1] < *v[0])
            s["mid"].error("mid (" + number_text(s["mid"]) + ") is below min (" + number_text(s["min"]) +
                           "); expected min <= mid <= max");
        else if (v[1] && v[2] && *v[2] < *v[1])
            s["max"].error("max (" + number_text(s["max"]) + ") is below mid (" + number_text(s["mid"]) +
                           "); expected min <= mid <= max");
        else if (v[0] && v[2] && !v[1] && *v[2] < *v[0])
            s["max"].error("max (" + number_text(s["max"]) + ") is below min (" + number_text(s["min"]) +
                           "); expected min <= mid <= max");
        out.min = v[0].value_or(0);
        out.mid = v[1].value_or(0);
        out.max = v[2].value_or(0);
        out.source = read_source(s);
        if (!s["date"].present())
            s["date"].error("missing; expected the date the figures were taken or checked, as YYYY-MM-DD");
        else out.date = read_date(s, "date", Need::Required);
        out.method = s.string("method", Need::Optional).value_or("");
        out.assumption = s.boolean("assumption", Need::Optional).value_or(false);
        out.basis = s.string("basis", Need::Optional).value_or("");
        if (out.assumption && out.basis.empty())
            s["basis"].error("missing; a salary band marked as an assumption says why it was chosen (a non-empty "
                             "string), so that reports can print it");
        read_evidence(s["evidence"], out);
    }

    // Each figure the band was checked against, with its own source and date.
    void read_evidence(const JsonAt& list, RoleSalary& out) {
        if (!list.present() || !list.expect_array()) return;
        for (std::size_t k = 0; k < list.size(); ++k) {
            JsonAt e = list[k];
            if (!e.expect_object()) continue;
            e.check_keys({"kind", "figure", "low", "high", "source", "date", "note"});
            SalaryEvidence ev;
            if (auto kind = e.string("kind", Need::Required)) {
                if (auto parsed = parse_salary_evidence_kind(*kind)) ev.kind = *parsed;
                else e["kind"].error("expected one of \"njc-spine\", \"ashe\", \"job-advert\", \"market-survey\", "
                                     "\"minimum-wage\" or \"other\", found \"" + *kind + "\"");
            }
            ev.figure = e.string("figure", Need::Required).value_or("");
            for (const char* key : {"low", "high"}) {
                if (!e[key].present()) continue;
                auto v = e.number(key, Need::Optional);
                if (v && *v < 0) e[key].error("expected an amount of 0 or more (GBP a year), found " + number_text(e[key]));
                else if (v) (std::string(key) == "low" ? ev.low : ev.high) = *v;
            }
            if (ev.low && ev.high && *ev.high < *ev.low)
                e["high"].error("high (" + number_text(e["high"]) + ") is below low (" + number_text(e["low"]) +
                                "); expected low <= high");
            ev.source = read_source(e);
            if (!e["date"].present())
                e["date"].error("missing; expected the date the figure was taken or checked, as YYYY-MM-DD");
            else ev.date = read_date(e, "date", Need::Required);
            ev.note = e.string("note", Need::Optional).value_or("");
            out.evidence.push_back(std::move(ev));
        }
    }

    void read_ddat(const JsonAt& d, Role& role) {
        if (!d.present() || !d.expect_object()) return;
        d.check_keys({"family", "role", "note"});
        DdatMapping out;
        out.family = d.string("family", Need::Optional).value_or("");
        out.role = d.string("role", Need::Optional).value_or("");
        out.note = d.string("note", Need::Optional).value_or("");
        const auto& fams = ddat_families();
        if (!out.family.empty() && std::find(fams.begin(), fams.end(), out.family) == fams.end()) {
            std::string list;
            for (const auto& f : fams) list += (list.empty() ? "\"" : ", \"") + f + "\"";
            d["family"].error("expected a DDaT job family (" + list + "), found \"" + out.family + "\"");
        }
        if (out.family.empty() != out.role.empty())
            d[out.family.empty() ? "family" : "role"].error(
                "missing; a DDaT mapping names both the job family and the role, or neither (with a note saying why "
                "no DDaT role fits)");
        else if (out.family.empty() && out.note.empty())
            d["note"].error("missing; when no DDaT role fits, the note says why (for example the Government "
                            "Knowledge and Information Management profession fits better)");
        role.ddat = std::move(out);
    }

    void read_apprenticeship(const JsonAt& a, Role& role) {
        if (!a.present() || !a.expect_object()) return;
        a.check_keys({"standard", "level", "reference", "foundation", "ages"});
        Apprenticeship out;
        out.foundation = a.boolean("foundation", Need::Optional).value_or(false);
        out.standard = a.string("standard", Need::Required).value_or("");
        if (auto l = a.integer("level", Need::Required)) {
            if (*l < 2 || *l > 7) a["level"].error("expected an apprenticeship level from 2 to 7, found " + std::to_string(*l));
            else out.level = static_cast<int>(*l);
        }
        out.reference = a.string("reference", Need::Optional).value_or("");
        if (a["reference"].present() && a["reference"].json().is_string() && !is_standard_reference(out.reference))
            a["reference"].error("expected a standard reference such as \"ST0795\" (ST, or FA for a foundation "
                                 "apprenticeship, and four digits), found \"" + out.reference + "\"; leave it out when it is not known");
        if (out.foundation && out.level != 2 && out.level != 0)
            a["foundation"].error("foundation apprenticeships are at level 2, but this one is at level " +
                                  std::to_string(out.level) + "; set level 2 or leave out foundation");
        JsonAt ages = a["ages"];
        if (ages.present() && ages.expect_array(1)) {
            for (std::size_t k = 0; k < ages.size(); ++k) {
                const auto& j = ages[k].json();
                auto band = j.is_string() ? parse_age_band(j.get<std::string>()) : std::nullopt;
                if (!band) {
                    ages[k].error("expected an age band: \"16-18\", \"19-21\", \"22-24\" or \"25-plus\"");
                    continue;
                }
                if (std::find(out.ages.begin(), out.ages.end(), *band) != out.ages.end())
                    ages[k].error("age band \"" + j.get<std::string>() + "\" is listed twice");
                else out.ages.push_back(*band);
            }
        }
        role.apprenticeship = std::move(out);
    }

    void read_skills(const JsonAt& r, Role& role) {
        JsonAt list = r["skills"];
        if (!list.present() || !list.expect_array()) return;
        std::set<std::string> seen;
        for (std::size_t k = 0; k < list.size(); ++k) {
            JsonAt e = list[k];
            if (!e.expect_object()) continue;
            e.check_keys({"skill", "level"});
            RoleSkill out;
            out.skill = e.id("skill", Need::Required).value_or("");
            if (!out.skill.empty() && !seen.insert(out.skill).second)
                e["skill"].error("skill \"" + out.skill + "\" is listed twice for this role");
            if (auto l = e.integer("level", Need::Required)) out.level = static_cast<int>(*l);
            role.skills.push_back(std::move(out));
        }
    }

    JsonAt root_;
    std::size_t errors_before_;
    RoleCatalogue cat_;
};

bool fits(const std::vector<std::string>& patterns, const std::string& version) {
    for (const auto& p : patterns)
        if (p == "*" || version_matches(p, version)) return true;
    return false;
}

std::string joined(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
    return s;
}

}  // namespace

const char* to_string(SalaryEvidenceKind k) {
    switch (k) {
        case SalaryEvidenceKind::NjcSpine: return "njc-spine";
        case SalaryEvidenceKind::Ashe: return "ashe";
        case SalaryEvidenceKind::JobAdvert: return "job-advert";
        case SalaryEvidenceKind::MarketSurvey: return "market-survey";
        case SalaryEvidenceKind::MinimumWage: return "minimum-wage";
        case SalaryEvidenceKind::Other: break;
    }
    return "other";
}

std::optional<SalaryEvidenceKind> parse_salary_evidence_kind(const std::string& s) {
    for (auto k : {SalaryEvidenceKind::NjcSpine, SalaryEvidenceKind::Ashe, SalaryEvidenceKind::JobAdvert,
                   SalaryEvidenceKind::MarketSurvey, SalaryEvidenceKind::MinimumWage, SalaryEvidenceKind::Other})
        if (s == to_string(k)) return k;
    return std::nullopt;
}

// The job families of the DDaT Profession Capability Framework (GOV.UK collection "Digital,
// Data and Technology Profession Capability Framework"), as this catalogue format accepts them.
const std::vector<std::string>& ddat_families() {
    static const std::vector<std::string> families = {
        "Architecture", "Chief digital and data", "Data", "IT operations", "Product and delivery",
        "Quality assurance testing", "Software development", "User-centred design"};
    return families;
}

bool Apprenticeship::offered_to(AgeBand b) const {
    if (ages.empty()) return true;
    return std::find(ages.begin(), ages.end(), b) != ages.end();
}

const Role* RoleCatalogue::find(const std::string& id) const {
    for (const auto& r : roles)
        if (r.id == id) return &r;
    return nullptr;
}

std::optional<RoleCatalogue> parse_role_catalogue(const nlohmann::json& doc, Diagnostics& diags) {
    return RolesReader(doc, diags).read();
}

bool check_role_catalogue(const RoleCatalogue& cat, const Framework& fw, const Framework* skills,
                          Diagnostics& diags) {
    std::size_t before = diags.error_count();
    if (cat.framework_id != fw.id)
        diags.error("/framework/id", "names framework \"" + cat.framework_id + "\" but was checked against \"" +
                                         fw.id + "\"");
    else if (!fits(cat.framework_versions, fw.version))
        diags.error("/framework/versions", "fits framework versions " + joined(cat.framework_versions) + " but \"" +
                                               fw.id + "\" is version " + fw.version);
    bool skills_ok = skills != nullptr;
    if (skills && cat.skills_framework_id != skills->id) {
        diags.error("/skills_framework/id", "names skills framework \"" + cat.skills_framework_id +
                                                "\" but was checked against \"" + skills->id + "\"");
        skills_ok = false;
    } else if (skills && !fits(cat.skills_framework_versions, skills->version)) {
        diags.error("/skills_framework/versions", "fits skills framework versions " +
                                                      joined(cat.skills_framework_versions) + " but \"" +
                                                      skills->id + "\" is version " + skills->version);
    }

    for (const auto& role : cat.roles) {
        if (cat.framework_id == fw.id) {
            for (std::size_t k = 0; k < role.responsibilities.size(); ++k) {
                const auto& r = role.responsibilities[k];
                if (!fw.find_responsibility(r.id))
                    diags.error(role.pointer + "/responsibilities/" + std::to_string(k) + "/id",
                                "unknown responsibility \"" + r.id + "\" in framework \"" + fw.id + "\"");
            }
        }
        if (!skills_ok) continue;
        for (std::size_t k = 0; k < role.skills.size(); ++k) {
            const auto& s = role.skills[k];
            std::string at = role.pointer + "/skills/" + std::to_string(k);
            int d = skills->find_dimension(s.skill);
            if (d < 0) {
                diags.error(at + "/skill", "unknown skill \"" + s.skill + "\" in skills framework \"" + skills->id + "\"");
            } else if (!skills->dimensions[d].is_leaf()) {
                const auto& first = skills->dimensions[skills->dimensions[d].children.front()];
                diags.error(at + "/skill", "\"" + s.skill + "\" is a group of skills, not one skill; name one of its "
                                           "skills, such as \"" + first.id + "\"");
            }
            if (s.level < skills->min_level() || s.level > skills->max_level())
                diags.error(at + "/level", "expected a level from " + std::to_string(skills->min_level()) + " to " +
                                               std::to_string(skills->max_level()) + " on the scale of \"" +
                                               skills->id + "\", found " + std::to_string(s.level));
        }
    }
    return diags.error_count() == before;
}

std::string funding_band_key(const Apprenticeship& a) {
    std::string key;
    for (char c : a.standard) key += c == ' ' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return key + "-l" + std::to_string(a.level);
}

}  // namespace ys
