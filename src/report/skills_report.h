#pragma once
// The "Team skills profile and training plan" report (issue 18): who in a team has which
// skill at which level (a people x skills heatmap), the team's spread on each skill, the
// gaps against each person's role and target role, readiness for target roles, the
// training plan with its cost, funding and dates, and a table that works every money
// figure out from its inputs so a finance officer can check it, with the dated, sourced
// assumptions behind it. Every figure comes from the skills engine (profile_team,
// plan_training); this only lays them out.
//
// Personal data: a named profile is for the data lead. When the profile is anonymised
// the report prints people as "Person 1", "Person 2" (never a name or key, whatever the
// profile holds) and says so on the cover.
#include <optional>
#include <string>

#include "document.h"
#include "skills/team_skills.h"
#include "template.h"

namespace ys::report {

struct SkillsReportInput {
    const Framework* skills = nullptr;  // the skills framework the profile's skills index
    const RoleCatalogue* roles = nullptr;
    const Assumptions* assumptions = nullptr;
    const skills::TeamProfile* profile = nullptr;
    const skills::TrainingPlan* plan = nullptr;  // plan_training(profile)
    skills::PlanOptions plan_options;            // what the plan was made with (start, levy payer)
    skills::ProfileOptions profile_options;      // what the profile was made with (team, target role)
    std::string source;       // what the people came from, in words: "round eastmere-skills-2026"
    std::string report_date;  // YYYY-MM-DD
    std::string created;      // ISO date-time for the PDF's creation date
};

// Returns nullopt with a one-line error when an input is missing, the template is of
// another kind, the report date is not a date, or the profile does not fit its framework
// (a skill index or person index out of range).
std::optional<Document> build_skills_report(const SkillsReportInput& in, const ReportTemplate& tpl, std::string& error);

// How a person is printed: their name (or key) when named, "Person N" when anonymised.
std::string person_label(const skills::TeamProfile& profile, int person);

// A remedy in words: "On-the-job learning", "Short course", "Apprenticeship".
std::string remedy_words(skills::Remedy r);

}  // namespace ys::report
