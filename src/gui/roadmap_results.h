#pragma once
// The right of the Roadmap page: what the plan reaches and costs. A summary, the warnings
// (shown first, in a box of their own), then tabs: the phases with their posts (planned,
// or proposed by Yardstick) and why a role is in the plan; the cover of each
// responsibility; the new spend per year, with the existing team's cost beside it for
// information, and its chart; the assumptions the figures rest on. It shows a Roadmap
// the engine built and computes nothing.
#include <string>
#include <vector>

#include <wx/panel.h>

#include "roadmap.h"

class wxListCtrl;
class wxNotebook;
class wxStaticText;

namespace ys::gui {

class ChartPanel;
class TextPane;

class RoadmapResults : public wxPanel {
public:
    explicit RoadmapResults(wxWindow* parent);
    // Shows a plan; `context` is a sentence added to its summary ("No round chosen: ...").
    void show(const Roadmap& r, const Framework& fw, const RoleCatalogue& roles, const wxString& context);
    // Shows why there is no plan, in place of one.
    void show_problem(const wxString& text);

    // As a screen reader or a test reads them: rows of tab-separated cells.
    wxString summary_text() const;
    wxString warnings_text() const;
    wxString posts_text() const;
    wxString cover_text() const;
    wxString years_text() const;
    wxString why_text() const;
    void select_tab(int i);  // 0 posts, 1 cover, 2 cost per year, 3 assumptions

private:
    void show_why();
    void rewrap();  // the summary and warnings wrapped to the width there is

    wxString summary_plain_, warnings_plain_;  // unwrapped

    wxStaticText* summary_ = nullptr;
    TextPane* warnings_ = nullptr;
    wxNotebook* tabs_ = nullptr;
    wxListCtrl *posts_ = nullptr, *cover_ = nullptr, *years_ = nullptr;
    TextPane *why_ = nullptr, *notes_ = nullptr;
    ChartPanel* chart_ = nullptr;

    const Roadmap* plan_ = nullptr;  // the page's; valid until the next show()
    const Framework* fw_ = nullptr;
    const RoleCatalogue* roles_ = nullptr;  // the page's, as plan_
    std::vector<int> post_rows_;     // per posts_ row: index into plan_->posts, -1 on a phase's row
    std::vector<int> phase_rows_;    // per posts_ row: index into plan_->phases
};

}  // namespace ys::gui
