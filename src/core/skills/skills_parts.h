#pragma once
// What the skills engine's files share (not part of the contract in team_skills.h).
#include <string>
#include <vector>

#include "diagnostics.h"
#include "framework.h"
#include "questionnaire.h"
#include "roadmap/roles.h"

namespace ys::skills {

// The leaf dimensions of a skills framework, in framework order: the skills a person is rated on.
std::vector<int> skill_leaves(const Framework& skills);

// The round's questionnaire is an individual self-assessment of `skills`, and the catalogue
// rates skills on it. Returns true when no error was added.
// Problems are reported against `file` (the answers' source), else diags' own file.
bool check_skills_round(const Framework& skills, const Questionnaire& q, const RoleCatalogue& roles,
                        Diagnostics& diags, const std::string& file = {});

// The level a role needs of a skill (a leaf dimension id); 0 when it does not need it.
int need_of(const Role& role, const std::string& skill);

}  // namespace ys::skills
