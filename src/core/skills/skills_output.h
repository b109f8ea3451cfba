#pragma once
// The team skills profile and training plan as JSON ("yardstick-skills/1"), CSV and a text
// table (docs/skills.md describes each). Names appear only when the profile is not anonymised.
#include <ostream>

#include <nlohmann/json.hpp>

#include "team_skills.h"

namespace ys::skills {

inline constexpr const char* kSkillsFormat = "yardstick-skills/1";

// The profile (and the plan, when given) as one document. `today` (YYYY-MM-DD) is when it was made.
nlohmann::json skills_json(const Framework& skills, const RoleCatalogue& roles, const TeamProfile& profile,
                           const TrainingPlan* plan, const std::string& today);

// Long format. The profile: one row per person and skill (person, team, role, target role,
// skill, level, need, target need). The plan: one row per training item, then its totals.
void write_profile_csv(std::ostream& out, const Framework& skills, const RoleCatalogue& roles,
                       const TeamProfile& profile);
void write_plan_csv(std::ostream& out, const Framework& skills, const TeamProfile& profile, const TrainingPlan& plan);

// For a terminal: the heatmap (people x skills), the spread, then the plan and its summary.
void write_skills_table(std::ostream& out, const Framework& skills, const RoleCatalogue& roles,
                        const TeamProfile& profile, const TrainingPlan* plan);

// The role's title for people ("Senior data analyst"); the id when the catalogue lacks it.
std::string role_title(const RoleCatalogue& roles, const std::string& id);

}  // namespace ys::skills
