#pragma once
// The roadmap scenario's choices in the words the page shows them in ("Shared with other
// councils", "Mid point of the band", "16 to 18"), and a scenario file's problems with the
// place they are in said in words ("planned post 2 (Data analyst), start") rather than as
// JSON pointers. Display only: nothing here costs anything.
#include <string>

#include <wx/arrstr.h>
#include <wx/string.h>

#include "diagnostics.h"
#include "framework.h"
#include "roles.h"
#include "scenario.h"

namespace ys::gui {

// The choices of a form, in enum order (PostRoute, SalaryPoint, AgeBand, CostCategory,
// TeamStructure, and London area: "from the organisation" first, then LondonArea's).
wxArrayString route_choices();
wxArrayString salary_choices();
wxArrayString age_choices();
wxArrayString category_choices();
wxArrayString structure_choices();
wxArrayString london_choices();

wxString role_title(const RoleCatalogue* roles, const std::string& id);
wxString responsibility_name(const Framework* fw, const std::string& id);
// "Mid point", "£32,500", "Band (low, mid, high)".
wxString salary_words(const SalaryChoice& s);
// A team post's label: its name, else its role's title.
wxString team_post_label(const RoleCatalogue* roles, const TeamPost& t);
wxString planned_post_label(const RoleCatalogue* roles, const PlannedPost& p);
// "New post", "Apprenticeship (19 to 21)", "Shared with 3 councils", "Grown from Housing analyst".
wxString route_words(const RoleCatalogue* roles, const RoadmapScenario& s, const PlannedPost& p);
// "£12,000 once, 2026-04-01", "£8,000 a year from 2026-04-01 to the end, with inflation".
wxString cost_when_words(const CostLine& c);

// Where a scenario problem is, in words: "/posts/1/start" -> "Planned post 2 (Data analyst):
// start date". Unknown places read "The scenario".
wxString scenario_place(const RoadmapScenario* s, const RoleCatalogue* roles, const std::string& pointer);
// A diagnostic of a scenario as a line without its pointer or file: "Planned post 2 (Data
// analyst): start date: ...".
wxString scenario_problem(const RoadmapScenario* s, const RoleCatalogue* roles, const Diagnostic& d);

// A name for a new line of the scenario: `base`, or `base-2`, ... so that ids are unique
// across the team, the posts and the cost lines.
std::string unique_line_id(const RoadmapScenario& s, const std::string& base);

}  // namespace ys::gui
