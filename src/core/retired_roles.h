#pragma once
// Respondent roles an earlier version of a questionnaire had and this one does not (the
// questionnaire's "retired_roles", questionnaires/README.md): `round upgrade` moves respondents,
// target roles and invitations of such a role to its replacement, or leaves the role blank and
// says so when no role of the new version clearly fits.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "json_fields.h"
#include "questionnaire.h"

namespace ys {

struct RetiredRole {
    std::string id;
    std::string replaced_by;  // a role of this version, or empty
    std::string note;         // why
};

// Reads and checks the list (each problem at its own pointer): an id must not be a role of q,
// nor retired twice; replaced_by must be a role of q. `list` may be absent.
std::vector<RetiredRole> read_retired_roles(const JsonAt& list, const Questionnaire& q);
// The list of a questionnaire file already checked by parse_questionnaire.
std::vector<RetiredRole> retired_roles_of(const nlohmann::json& questionnaire_doc, const Questionnaire& q);

}  // namespace ys
