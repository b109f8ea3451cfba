#pragma once
// A team skills profile and training plan as a workbook: About, People (each person's level
// on every skill, a people x skills grid), Spread (people at each level per skill), Gaps,
// Readiness (who could grow into each target role and by when), Training plan (each item
// with its cost, funding and what the council pays), Summary (how many people need what)
// and Assumptions (the training and apprenticeship rules with dates and sources). Every
// figure is the skills engine's, as a number. An anonymised profile gives "Person N" and
// never a name or key.
#include "skills/team_skills.h"
#include "xlsx_book.h"

namespace ys::xlsx {

struct SkillsBookInput {
    const Framework* skills = nullptr;
    const RoleCatalogue* roles = nullptr;
    const Assumptions* assumptions = nullptr;
    const skills::TeamProfile* profile = nullptr;
    const skills::TrainingPlan* plan = nullptr;
    About about;
};

Book skills_book(const SkillsBookInput& in);

}  // namespace ys::xlsx
