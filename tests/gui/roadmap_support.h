#pragma once
// Helpers for the Roadmap page's tests: the page for a demo council, pressing its buttons
// and answering its forms as a person would, and the engine run on the page's own request.
#include <optional>
#include <string>

#include <wx/string.h>

#include "roadmap.h"
#include "roadmap_inputs.h"
#include "score_files.h"

class wxWindow;

namespace ys::gui {
class MainFrame;
class RoadmapPage;
}  // namespace ys::gui

namespace ys::gui::test {

// Eastmere's Roadmap page, costed once it is shown.
RoadmapPage* eastmere_roadmap(MainFrame* frame);

// Presses the page's button of that name (as a click does).
void press(wxWindow* where, const wxString& name);
// Chooses the item with that text in a choice of the dialog; false when there is none.
bool pick(wxWindow& dialog, const wxString& control, const wxString& item);
void type(wxWindow& dialog, const wxString& control, const wxString& text);
void set_number(wxWindow& dialog, const wxString& control, double value);

// What the engine makes of the page's request, with the inputs and scores read again here.
struct EngineRun {
    RoadmapInputs inputs;
    std::optional<ScoredRound> scored;
    std::optional<Roadmap> plan;
    std::string error;
};
EngineRun engine_run(MainFrame* frame, RoadmapPage* page, const std::string& round_id);

// The page's rows as RoadmapResults writes them, from the engine's plan.
wxString expected_cover(const Roadmap& r, const Framework& fw);
wxString expected_total_row(const Roadmap& r);

}  // namespace ys::gui::test
