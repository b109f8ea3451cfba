#pragma once
// What the Skills page shows, as text: the rows of its tables and the heatmap's cells, made
// from a team profile and its training plan (src/core/skills/team_skills.h). Names, role
// titles and skill names only, never ids; nothing here computes a figure of its own.
#include <vector>

#include <wx/string.h>

#include "charts.h"
#include "skills/team_skills.h"

namespace ys::gui {

using TableRows = std::vector<std::vector<wxString>>;

// "Priya Shah", "Person 3" (anonymised), or "Unnamed respondent 4" when no name was given.
wxString person_name(const skills::TeamProfile& profile, int person);
// A role catalogue id as its title ("" for none; the id itself only when the catalogue lacks it).
wxString role_title(const RoleCatalogue& roles, const std::string& id);
wxString skill_name(const Framework& skills, int dimension);
// "On the job", "Short course", "Apprenticeship".
wxString remedy_name(skills::Remedy r);

// People (rows) by skills (columns), each cell the person's level; empty when not assessed.
Heatmap people_heatmap(const Framework& skills, const skills::TeamProfile& profile);

// The headings of the per-skill table: the skill, one column per level of the framework's
// scale ("0 Not yet"), then not assessed, median, needed by role, below role, below target.
std::vector<wxString> spread_headings(const Framework& skills);
TableRows spread_rows(const Framework& skills, const skills::TeamProfile& profile);
// Person, role, skill, has, needs, gap, against ("Current role" or "Target: <title>").
TableRows gap_rows(const Framework& skills, const RoleCatalogue& roles, const skills::TeamProfile& profile);
// Person, training, skills it closes, starts, ends, cost, funded, council pays, notes; then
// a "Total" row with the plan's totals.
TableRows plan_rows(const Framework& skills, const skills::TeamProfile& profile, const skills::TrainingPlan& plan);
// Who could grow into their target role: person, target role, gaps now, skills not rated,
// ready by (the end of the last training closing a target gap; "Now" when none).
TableRows readiness_rows(const RoleCatalogue& roles, const skills::TeamProfile& profile, const skills::TrainingPlan& plan);
// The team summary: training, kind, people, cost, funded, council pays.
TableRows need_rows(const skills::TrainingPlan& plan);

// One paragraph: people and teams, gaps against roles and target roles, the plan's cost.
wxString skills_summary(const skills::TeamProfile& profile, const skills::TrainingPlan& plan);

}  // namespace ys::gui
