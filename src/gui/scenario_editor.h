#pragma once
// The roadmap scenario editor, the left of the Roadmap page: the plan's settings
// (structure, departments, horizon, start, London area, levy, proposals, inflation), the
// existing team, the planned posts, responsibilities covered some other way and non-staff
// cost lines, each list with Add, Edit and Remove; and the cost assumptions file. It holds
// the scenario being edited and says when it changed; it costs nothing itself.
#include <functional>
#include <memory>
#include <string>

#include <wx/scrolwin.h>

#include "framework.h"
#include "roadmap_forms.h"
#include "roles.h"
#include "scenario.h"

class wxButton;
class wxCheckBox;
class wxChoice;
class wxFilePickerCtrl;
class wxListCtrl;
class wxSpinCtrl;
class wxSpinCtrlDouble;
class wxStaticText;
class wxTextCtrl;

namespace ys::gui {
class DateField;
class FieldCheck;
}  // namespace ys::gui

namespace ys::gui {

class ScenarioEditor : public wxScrolledWindow {
public:
    explicit ScenarioEditor(wxWindow* parent);
    ~ScenarioEditor() override;

    // The catalogue and framework the forms offer (may be null until they are read).
    void set_inputs(const RoleCatalogue* roles, const Framework* fw);
    // Shows a scenario in the controls (a new one, one opened or read from a file).
    void set_scenario(const RoadmapScenario& s);
    // The scenario as the controls hold it now.
    RoadmapScenario scenario() const;
    // Called after every change the user makes.
    void on_changed(std::function<void()> f) { changed_ = std::move(f); }
    // A problem with the plan's settings, shown under them (empty text clears it).
    void show_problem(const FieldProblem& p);
    // What is wrong with the plan's settings now (the start date in the date control's words).
    FieldProblem settings_problem() const;
    wxString problem_text() const;
    // What "from the organisation" gives: the area's name, and why, in words.
    void show_organisation_area(const wxString& area, const wxString& why);

    // What the forms return, added or changed as the forms' OK does (tests call these).
    void add_team_post(TeamPost t);
    void add_planned_post(PlannedPost p);
    void add_covered(CoveredElsewhere c);
    void add_cost_line(CostLine c);
    // A role Yardstick's proposals share (replacing that role's line when there is one).
    void add_shared_proposal(const std::string& role, int councils);
    void remove_team_post(std::size_t i);

    // The assumptions controls; the page handles them.
    wxFilePickerCtrl* assumptions_picker() const { return assumptions_; }
    wxButton* dated_copy_button() const { return dated_copy_; }
    wxButton* edit_assumptions_button() const { return edit_assumptions_; }

private:
    struct ListPart {
        wxListCtrl* list = nullptr;
        wxButton *add = nullptr, *edit = nullptr, *remove = nullptr;
    };
    ListPart add_list(wxSizer* sizer, const wxString& title, const wxString& name, const wxString& tip,
                      const std::vector<std::pair<wxString, int>>& columns, const wxString& add_label);
    void fill_lists();
    void changed();
    void edit_team(long i);
    void edit_post(long i);
    void edit_covered(long i);
    void edit_cost(long i);
    void edit_shared(long i);

    RoadmapScenario s_;  // the lists and the fields with no control here (name, description, ...)
    const RoleCatalogue* roles_ = nullptr;
    const Framework* fw_ = nullptr;
    std::function<void()> changed_;

    ListPart team_, posts_, covered_, costs_, shared_;
    wxChoice *structure_ = nullptr, *london_ = nullptr;
    wxSpinCtrl *departments_ = nullptr, *horizon_ = nullptr;
    DateField* start_ = nullptr;
    wxStaticText* start_reason_ = nullptr;
    std::unique_ptr<FieldCheck> start_check_;
    std::string costed_start_;  // the start the plan was last costed (or refused) with
    wxTextCtrl* inflation_basis_ = nullptr;
    wxSpinCtrlDouble* inflation_ = nullptr;
    wxCheckBox *levy_ = nullptr, *propose_ = nullptr, *apprenticeships_ = nullptr;
    wxStaticText* problem_ = nullptr;
    wxString problem_plain_;
    wxFilePickerCtrl* assumptions_ = nullptr;
    wxButton *dated_copy_ = nullptr, *edit_assumptions_ = nullptr;
};

}  // namespace ys::gui
