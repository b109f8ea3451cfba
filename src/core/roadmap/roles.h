#pragma once
// The role catalogue ("yardstick-roles/1"): jobs that carry a maturity framework's
// responsibilities, each with an indicative salary band (sourced and dated), the skills
// it needs from a skills framework, and an apprenticeship route where there is one.
// Format: frameworks/roles/README.md.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "diagnostics.h"
#include "framework.h"

namespace ys {

inline constexpr const char* kRolesFormat = "yardstick-roles/1";

struct RoleSalary {
    double min = 0, mid = 0, max = 0;  // GBP a year
    std::string source, date;          // where the figures came from; when (YYYY-MM-DD)
};

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
