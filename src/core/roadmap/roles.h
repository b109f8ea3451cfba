#pragma once
// The role catalogue ("yardstick-roles/1"): jobs that carry a maturity framework's
// responsibilities, each with an indicative salary band (sourced and dated), the skills
// it needs from a skills framework, and an apprenticeship route where there is one.
// Format: frameworks/roles/README.md.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "assumptions.h"  // AgeBand
#include "diagnostics.h"
#include "framework.h"

namespace ys {

inline constexpr const char* kRolesFormat = "yardstick-roles/1";

// One published figure a salary band was checked against: an NJC pay spine point, an ONS
// earnings estimate for an occupation, a council's job advert, a minimum wage rate.
enum class SalaryEvidenceKind { NjcSpine, Ashe, JobAdvert, MarketSurvey, MinimumWage, Other };
const char* to_string(SalaryEvidenceKind k);  // "njc-spine", "ashe", "job-advert", "market-survey", "minimum-wage", "other"
std::optional<SalaryEvidenceKind> parse_salary_evidence_kind(const std::string& s);

struct SalaryEvidence {
    SalaryEvidenceKind kind = SalaryEvidenceKind::Other;
    std::optional<double> low, high;  // GBP a year, when the evidence gives a figure or a range
    std::string figure;               // the figure in words ("SCP 3, £24,796 a year from 1 April 2025")
    std::string source, date, note;
};

struct RoleSalary {
    double min = 0, mid = 0, max = 0;  // GBP a year
    std::string source, date;          // where the figures came from; when (YYYY-MM-DD)
    std::string method;                // how min, mid and max were made from the evidence, in words
    std::vector<SalaryEvidence> evidence;  // the figures the band rests on or was checked against
    // The band is not a published figure (a derivation or a default): reports print it as an
    // assumption with its basis.
    bool assumption = false;
    std::string basis;
};

// The Government Digital and Data (DDaT) Profession Capability Framework's job family and
// role this role corresponds to, or, when none fits, why not.
struct DdatMapping {
    std::string family;  // one of kDdatFamilies; empty when no DDaT role fits
    std::string role;    // the DDaT role's name; empty when no DDaT role fits
    std::string note;    // why this role, or why none fits (required when none fits)
};
// The DDaT job families a role may name.
const std::vector<std::string>& ddat_families();

struct RoleResponsibility {
    std::string id;         // a responsibility of the catalogue's framework
    double fte_share = 0;   // how much of that responsibility one FTE in the role covers, (0, 1]
};

struct RoleSkill {
    std::string skill;  // a leaf dimension of the skills framework
    int level = 0;      // on the skills framework's scale
};

struct Apprenticeship {
    std::string standard;   // "Data technician"
    std::string reference;  // "ST0795" ("FA0005" for a foundation apprenticeship); empty when not known
    int level = 0;          // 2 to 7
    bool foundation = false;  // a foundation apprenticeship (level 2, for young people; its own incentive)
    // The apprentices' ages on their start date the route is offered to, as age bands
    // ("16-18", "19-21", "22-24", "25-plus"); empty means every age. A roadmap checks that the
    // funding rules fund the route for each band it names.
    std::vector<AgeBand> ages;
    bool offered_to(AgeBand b) const;  // true when ages is empty or names b (Unknown: only when empty)
};

// The key under which the assumptions file gives an apprenticeship standard's funding band:
// "Data analyst", level 4 -> "data-analyst-l4".
std::string funding_band_key(const Apprenticeship& a);

struct Role {
    std::string id, title, purpose, grade;
    RoleSalary salary;
    bool london_weighting = false;
    bool shareable = false;
    std::optional<Apprenticeship> apprenticeship;
    std::optional<DdatMapping> ddat;
    std::vector<RoleResponsibility> responsibilities;
    std::vector<RoleSkill> skills;
    // JSON pointer of the role in its file ("/roles/3"); responsibilities[k] and skills[k]
    // are at pointer + "/responsibilities/k" and pointer + "/skills/k".
    std::string pointer;
};

struct RoleSource {
    std::string title, publisher, url, date, note;
};

struct RoleCatalogue {
    std::string id, version, title, description, licence;
    std::string framework_id;
    std::vector<std::string> framework_versions;  // patterns: "1.0" or "1.*"
    std::string skills_framework_id;
    std::vector<std::string> skills_framework_versions;
    std::vector<RoleSource> sources;
    std::vector<Role> roles;

    const Role* find(const std::string& id) const;  // nullptr when absent
};

// Reads a role catalogue, reporting every problem in the file itself (types, unknown keys,
// salary order, fte_share range, missing sources and dates, duplicate ids).
// Returns nullopt when there was any error.
std::optional<RoleCatalogue> parse_role_catalogue(const nlohmann::json& doc, Diagnostics& diags);

// Checks a parsed catalogue against the frameworks it names: the maturity framework (id,
// version, responsibility ids) and, when given, the skills framework (id, version, leaf
// skill ids, levels on its scale). Returns true when no error was added.
bool check_role_catalogue(const RoleCatalogue& cat, const Framework& fw, const Framework* skills,
                          Diagnostics& diags);

}  // namespace ys
