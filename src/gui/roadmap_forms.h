#pragma once
// The forms of the roadmap scenario editor: a post of the team, a planned post, a
// responsibility covered some other way, a non-staff cost line. Each opens filled with a
// line (a new one or one to edit) and returns the line as changed, or nothing when
// cancelled. What a form refuses is said in plain words under the form, with the field it
// is about focused; the checks are the functions below, so tests can call them.
#include <optional>
#include <string>

#include <wx/string.h>

#include "framework.h"
#include "roles.h"
#include "scenario.h"

class wxWindow;

namespace ys::gui {

struct FieldProblem {
    std::string field;  // "role", "route", "shared_with", "grown_from", "start", "end", "salary", "name", "amount", ...
    wxString text;      // empty when there is no problem
    bool ok() const { return text.empty(); }
};

// A date field: empty is allowed when `optional`; otherwise YYYY-MM-DD and a real date.
wxString check_date(const wxString& label, const std::string& value, bool optional);

FieldProblem check_team_post(const TeamPost& t, const RoleCatalogue& roles);
// `s` is the scenario the post goes into; the post itself (same id) is not counted twice.
FieldProblem check_planned_post(const PlannedPost& p, const RoleCatalogue& roles, const RoadmapScenario& s);
FieldProblem check_cost_line(const CostLine& c);
// The plan's own settings: its start date, and the basis of a non-zero inflation rate.
FieldProblem check_plan_settings(const RoadmapScenario& s);

std::optional<TeamPost> ask_team_post(wxWindow* parent, const RoleCatalogue& roles, const TeamPost& initial);
std::optional<PlannedPost> ask_planned_post(wxWindow* parent, const RoleCatalogue& roles, const RoadmapScenario& s,
                                            const PlannedPost& initial);
std::optional<CoveredElsewhere> ask_covered(wxWindow* parent, const Framework& fw, const RoadmapScenario& s,
                                            const CoveredElsewhere& initial);
std::optional<CostLine> ask_cost_line(wxWindow* parent, const CostLine& initial);
// A role whose posts Yardstick proposes shared with other councils, and how many share each.
std::optional<std::pair<std::string, int>> ask_shared_proposal(wxWindow* parent, const RoleCatalogue& roles,
                                                               const std::pair<std::string, int>& initial);

// A lower-case id from a label: "Programme administration" -> "programme-administration".
std::string slug(const std::string& label);

}  // namespace ys::gui
