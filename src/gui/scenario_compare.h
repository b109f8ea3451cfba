#pragma once
// Scenarios side by side: a table with a column per scenario and a row per figure (new
// spend per year and in total at mid salaries, the low to high range, cover reached,
// headcount, FTE, the existing team's cost for information), from the engine's summarise().
// Also the form that picks the scenarios to compare.
#include <optional>
#include <string>
#include <vector>

#include <wx/arrstr.h>
#include <wx/string.h>

#include "roadmap.h"

class wxWindow;

namespace ys::gui {

// The table's rows: the first cell names the figure, then one cell per scenario.
std::vector<std::vector<wxString>> comparison_rows(const std::vector<ScenarioSummary>& s);

// Shows the comparison in a dialog (tests read comparison_rows instead).
void show_comparison(wxWindow* parent, const std::vector<ScenarioSummary>& s);

// Asks which of `names` to compare (two or more, all ticked at first); nothing when cancelled.
std::optional<std::vector<std::string>> ask_scenarios_to_compare(wxWindow* parent, const std::vector<std::string>& names);

}  // namespace ys::gui
