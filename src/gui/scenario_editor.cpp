#include "scenario_editor.h"

#include "wx_utf8.h"  // first: the UTF-8 _()

#include <algorithm>
#include <cmath>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/filepicker.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "column_fit.h"
#include "date_field.h"
#include "field_check.h"
#include "messages.h"
#include "money_text.h"
#include "number_format.h"
#include "roadmap_words.h"

namespace ys::gui {
namespace {

long selected(wxListCtrl* l) { return l->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED); }

// London area choice index: 0 = from the organisation, then LondonArea's order.
int london_index(const std::optional<LondonArea>& a) { return a ? 1 + static_cast<int>(*a) : 0; }

}  // namespace

ScenarioEditor::ScenarioEditor(wxWindow* parent)
    : wxScrolledWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL | wxTAB_TRAVERSAL, _("Scenario editor")) {
    SetScrollRate(0, FromDIP(12));
    auto* top = new wxBoxSizer(wxVERTICAL);

    // The plan's settings.
    auto* plan = new wxStaticBoxSizer(wxVERTICAL, this, _("The plan"));
    wxWindow* pb = plan->GetStaticBox();
    auto* grid = new wxFlexGridSizer(2, FromDIP(5), FromDIP(8));
    grid->AddGrowableCol(1, 1);
    auto row = [&](const wxString& text, wxWindow* control, const wxString& name, const wxString& tip) {
        grid->Add(new wxStaticText(pb, wxID_ANY, text), 0, wxALIGN_CENTER_VERTICAL);
        grid->Add(control, 1, wxEXPAND);
        control->SetName(name);
        control->SetToolTip(tip);
    };
    // Typed or picked as dd/mm/yyyy, the app's one date control; its reason shows under it as it is typed.
    start_ = new DateField(pb, std::string());
    row(_("Year 1 &starts:"), start_, _("Year 1 starts"), _("The first day of the plan, such as the next 1 April (dd/mm/yyyy)"));
    start_reason_ = make_reason_label(pb, _("Year 1 starts"));
    grid->AddSpacer(0);
    grid->Add(start_reason_, 0, wxEXPAND);
    horizon_ = new wxSpinCtrl(pb, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 1, 20, 3);
    row(_("&Horizon (years):"), horizon_, _("Horizon in years"), _("Years the plan is costed over"));
    structure_ = new wxChoice(pb, wxID_ANY, wxDefaultPosition, wxDefaultSize, structure_choices());
    row(_("S&tructure:"), structure_, _("Structure"),
        _("Where analysts sit: one central team, a hub with analysts in departments, or all in departments"));
    departments_ = new wxSpinCtrl(pb, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 1, 500, 1);
    row(_("&Departments:"), departments_, _("Departments"), _("Departments the analysts serve"));
    london_ = new wxChoice(pb, wxID_ANY, wxDefaultPosition, wxDefaultSize, london_choices());
    row(_("&London weighting:"), london_, _("London weighting"),
        _("Where staff are paid London weighting: from the organisation's type and ONS code, or an area you choose"));
    inflation_ = new wxSpinCtrlDouble(pb, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 0, 100, 0, 0.1);
    inflation_->SetDigits(1);
    row(_("&Inflation (% a year):"), inflation_, _("Inflation"),
        _("How much the non-staff lines marked to rise with inflation go up each year after the first"));
    inflation_basis_ = new wxTextCtrl(pb, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
    inflation_basis_->SetHint(_("Where the rate comes from"));
    row(_("Inflation &basis:"), inflation_basis_, _("Basis for inflation"), _("Needed when inflation is above 0: say where the rate comes from"));
    plan->Add(grid, 0, wxEXPAND | wxALL, FromDIP(4));
    levy_ = new wxCheckBox(pb, wxID_ANY, _("Pays the apprenticeship le&vy"));
    levy_->SetToolTip(_("Councils' pay bills are far above the levy allowance; a non-levy employer pays a share of training"));
    propose_ = new wxCheckBox(pb, wxID_ANY, _("Let Yardstick &propose posts for what is uncovered"));
    propose_->SetToolTip(_("Yardstick proposes posts for what the team and the planned posts leave uncovered. Off: only they are costed, and the cover table shows what they leave"));
    apprenticeships_ = new wxCheckBox(pb, wxID_ANY, _("Prefer apprentices&hips in its proposals"));
    apprenticeships_->SetToolTip(_("Yardstick proposes an apprenticeship where the role has one"));
    for (auto* c : {levy_, propose_, apprenticeships_}) {
        c->SetName(c->GetLabelText());
        plan->Add(c, 0, wxLEFT | wxTOP, FromDIP(4));
    }
    problem_ = new wxStaticText(pb, wxID_ANY, wxEmptyString);
    problem_->SetName(_("Problem with the plan"));
    problem_->SetForegroundColour(wxColour(0xb0, 0x00, 0x20));
    problem_->Hide();
    plan->Add(problem_, 0, wxEXPAND | wxALL, FromDIP(4));
    top->Add(plan, 0, wxEXPAND | wxALL, FromDIP(4));

    team_ = add_list(top, _("Existing &team"), _("Existing team"),
                     _("Posts the council has now: their work counts towards the cover first; their cost is for information"),
                     {{_("Post"), 190}, {_("FTE"), 50}, {_("Salary"), 90}}, _("Add post\u2026"));
    posts_ = add_list(top, _("Planned p&osts"), _("Planned posts"),
                      _("Posts the council plans, costed exactly as entered"),
                      {{_("Post"), 125}, {_("Route"), 120}, {_("Posts"), 55}, {_("Starts"), 80}, {_("Salary"), 80}},
                      _("Plan a post\u2026"));
    covered_ = add_list(top, _("Covered some other &way"), _("Responsibilities covered some other way"),
                        _("Carried by a partner, a contract or a service's own staff: counted as covered"),
                        {{_("Responsibility"), 190}, {_("How"), 150}}, _("Add\u2026"));
    costs_ = add_list(top, _("Other &costs"), _("Other costs"),
                      _("Costs that are not posts: programme management, evaluation, training, software, recruitment"),
                      {{_("Cost"), 130}, {_("Amount"), 75}, {_("When"), 175}}, _("Add cost\u2026"));

    shared_ = add_list(top, _("Yardstick's proposals shared with other &councils"), _("Proposals shared"),
                       _("Roles whose proposed posts are shared with other councils: this council pays, and gets the time of, its share"),
                       {{_("Role"), 200}, {_("Councils sharing"), 130}}, _("Share a role\u2026"));
    auto* files = new wxStaticBoxSizer(wxVERTICAL, this, _("Cost assumptions"));
    wxWindow* fb = files->GetStaticBox();
    assumptions_ = new wxFilePickerCtrl(fb, wxID_ANY, wxEmptyString, _("Choose a cost assumptions file"),
                                        _("Assumptions (*.json)|*.json|All files|*"), wxDefaultPosition, wxDefaultSize,
                                        wxFLP_OPEN | wxFLP_FILE_MUST_EXIST | wxFLP_USE_TEXTCTRL | wxFLP_SMALL);
    assumptions_->SetName(_("Cost assumptions file"));
    assumptions_->SetToolTip(_("Dated, sourced figures: National Insurance, pension, levy, pay award, London weighting, ..."));
    files->Add(assumptions_, 0, wxEXPAND | wxALL, FromDIP(4));
    auto* ab = new wxBoxSizer(wxHORIZONTAL);
    dated_copy_ = new wxButton(fb, wxID_ANY, _("Save a dated &copy\u2026"));
    dated_copy_->SetToolTip(_("Copy the assumptions to a file named with today's date, to edit for this council; the copy is used"));
    edit_assumptions_ = new wxButton(fb, wxID_ANY, _("&Edit\u2026"));
    edit_assumptions_->SetName(_("Edit assumptions"));
    edit_assumptions_->SetToolTip(_("Open the assumptions file in the text editor; the roadmap is costed again when you come back"));
    ab->Add(dated_copy_, 0, wxRIGHT, FromDIP(6));
    ab->Add(edit_assumptions_, 0);
    files->Add(ab, 0, wxALL, FromDIP(4));
    top->Add(files, 0, wxEXPAND | wxALL, FromDIP(4));
    SetSizer(top);
    FitInside();

    // Every change of a setting costs the plan again.
    auto again = [this](wxCommandEvent&) { changed(); };
    structure_->Bind(wxEVT_CHOICE, again);
    london_->Bind(wxEVT_CHOICE, again);
    departments_->Bind(wxEVT_SPINCTRL, [this](wxSpinEvent&) { changed(); });
    horizon_->Bind(wxEVT_SPINCTRL, [this](wxSpinEvent&) { changed(); });
    inflation_->Bind(wxEVT_SPINCTRLDOUBLE, [this](wxSpinDoubleEvent&) { changed(); });
    for (auto* c : {levy_, propose_, apprenticeships_}) c->Bind(wxEVT_CHECKBOX, again);
    propose_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent& e) {
        apprenticeships_->Enable(propose_->GetValue());
        e.Skip();
    });
    inflation_basis_->Bind(wxEVT_TEXT_ENTER, again);
    inflation_basis_->Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) {
        e.Skip();
        if (inflation_basis_->IsModified()) {
            inflation_basis_->SetModified(false);
            CallAfter([this] { changed(); });
        }
    });
    // The start date: checked as it is typed (the reason beside it); the plan is costed again as
    // soon as it is a date, and told it is not one only when the user leaves the field, so that
    // the results do not vanish while a date is half typed.
    start_check_ = std::make_unique<FieldCheck>(this);
    start_check_->watch(start_, start_reason_, [this] { return start_->problem(_("Year 1 starts"), false); });
    start_->Bind(wxEVT_TEXT, [this](wxCommandEvent& e) {
        e.Skip();
        if (auto iso = start_->iso(); iso && !iso->empty() && *iso != costed_start_) CallAfter([this] { changed(); });
    });
    start_->GetTextCtrl()->Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) {
        e.Skip();
        if (scenario().start != costed_start_) CallAfter([this] { changed(); });
    });

    auto need_inputs = [this] {
        if (roles_ && fw_) return true;
        show_info(this, _("Roadmap"), _("The role catalogue could not be read, so there are no roles to choose from."));
        return false;
    };
    team_.add->Bind(wxEVT_BUTTON, [this, need_inputs](wxCommandEvent&) {
        if (!need_inputs()) return;
        if (auto t = ask_team_post(this, *roles_, TeamPost{})) add_team_post(*t);
    });
    posts_.add->Bind(wxEVT_BUTTON, [this, need_inputs](wxCommandEvent&) {
        if (!need_inputs()) return;
        PlannedPost p;
        p.start = start_->iso().value_or(std::string());
        if (auto np = ask_planned_post(this, *roles_, scenario(), p)) add_planned_post(*np);
    });
    covered_.add->Bind(wxEVT_BUTTON, [this, need_inputs](wxCommandEvent&) {
        if (!need_inputs()) return;
        if (s_.covered.size() >= fw_->responsibilities.size()) {
            show_info(this, _("Covered some other way"), _("Every responsibility of the framework is already in the list."));
            return;
        }
        if (auto c = ask_covered(this, *fw_, s_, CoveredElsewhere{})) add_covered(*c);
    });
    costs_.add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        CostLine c;
        c.category = CostCategory::ProgrammeManagement;
        c.recurring = true;
        if (auto nc = ask_cost_line(this, c)) add_cost_line(*nc);
    });
    team_.edit->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { edit_team(selected(team_.list)); });
    posts_.edit->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { edit_post(selected(posts_.list)); });
    covered_.edit->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { edit_covered(selected(covered_.list)); });
    costs_.edit->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { edit_cost(selected(costs_.list)); });
    shared_.add->Bind(wxEVT_BUTTON, [this, need_inputs](wxCommandEvent&) {
        if (!need_inputs()) return;
        if (auto p = ask_shared_proposal(this, *roles_, {std::string(), 2})) add_shared_proposal(p->first, p->second);
        else if (std::none_of(roles_->roles.begin(), roles_->roles.end(), [](const Role& r) { return r.shareable; }))
            show_info(this, _("Share a role"), _("No role in the catalogue is marked as shareable."));
    });
    shared_.edit->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { edit_shared(selected(shared_.list)); });
    shared_.list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) { edit_shared(e.GetIndex()); });
    shared_.remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        long i = selected(shared_.list);
        if (i < 0 || i >= static_cast<long>(s_.share_proposals.size())) return;
        s_.share_proposals.erase(s_.share_proposals.begin() + i);
        changed();
    });
    team_.list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) { edit_team(e.GetIndex()); });
    posts_.list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) { edit_post(e.GetIndex()); });
    covered_.list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) { edit_covered(e.GetIndex()); });
    costs_.list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) { edit_cost(e.GetIndex()); });
    team_.remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        long i = selected(team_.list);
        if (i >= 0) remove_team_post(static_cast<std::size_t>(i));
    });
    posts_.remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        long i = selected(posts_.list);
        if (i < 0 || i >= static_cast<long>(s_.posts.size())) return;
        s_.posts.erase(s_.posts.begin() + i);
        changed();
    });
    covered_.remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        long i = selected(covered_.list);
        if (i < 0 || i >= static_cast<long>(s_.covered.size())) return;
        s_.covered.erase(s_.covered.begin() + i);
        changed();
    });
    costs_.remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        long i = selected(costs_.list);
        if (i < 0 || i >= static_cast<long>(s_.costs.size())) return;
        s_.costs.erase(s_.costs.begin() + i);
        changed();
    });
    Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) {
        e.Skip();
        shared_.add->Enable(propose_->GetValue());
        for (ListPart* p : {&team_, &posts_, &covered_, &costs_, &shared_}) {
            bool any = p->list->GetSelectedItemCount() > 0;
            p->edit->Enable(any);
            p->remove->Enable(any);
        }
    });
    set_scenario(RoadmapScenario{});
}

ScenarioEditor::~ScenarioEditor() = default;

ScenarioEditor::ListPart ScenarioEditor::add_list(wxSizer* sizer, const wxString& title, const wxString& name,
                                                  const wxString& tip, const std::vector<std::pair<wxString, int>>& columns,
                                                  const wxString& add_label) {
    auto* box = new wxStaticBoxSizer(wxVERTICAL, this, title);
    wxWindow* b = box->GetStaticBox();
    ListPart p;
    p.list = new wxListCtrl(b, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 96)), wxLC_REPORT | wxLC_SINGLE_SEL,
                            wxDefaultValidator, name);
    p.list->SetToolTip(tip);
    int c = 0;
    for (const auto& [text, width] : columns) p.list->AppendColumn(text, wxLIST_FORMAT_LEFT, FromDIP(width)), ++c;
    keep_columns_fitted(*p.list, 0);
    box->Add(p.list, 0, wxEXPAND | wxALL, FromDIP(4));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    p.add = new wxButton(b, wxID_ANY, add_label);
    p.add->SetName(name + wxS(": ") + add_label);
    p.edit = new wxButton(b, wxID_ANY, _("Edit\u2026"));
    p.edit->SetName(name + _(": edit"));
    p.edit->SetToolTip(_("Change the selected line (or double-click it)"));
    p.remove = new wxButton(b, wxID_ANY, _("Remove"));
    p.remove->SetName(name + _(": remove"));
    p.remove->SetToolTip(_("Remove the selected line"));
    buttons->Add(p.add, 0, wxRIGHT, FromDIP(6));
    buttons->Add(p.edit, 0, wxRIGHT, FromDIP(6));
    buttons->Add(p.remove, 0);
    box->Add(buttons, 0, wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(4));
    sizer->Add(box, 0, wxEXPAND | wxALL, FromDIP(4));
    return p;
}

void ScenarioEditor::set_inputs(const RoleCatalogue* roles, const Framework* fw) {
    roles_ = roles;
    fw_ = fw;
    fill_lists();
}

void ScenarioEditor::set_scenario(const RoadmapScenario& s) {
    s_ = s;
    start_->ChangeValue(uk_date(s.start));
    costed_start_ = s.start;
    start_check_->update();
    horizon_->SetValue(s.horizon_years);
    structure_->SetSelection(static_cast<int>(s.structure));
    departments_->SetValue(s.departments);
    london_->SetSelection(london_index(s.london_area));
    inflation_->SetValue(s.inflation * 100);
    inflation_basis_->ChangeValue(wxs(s.inflation_basis));
    levy_->SetValue(s.levy_payer);
    propose_->SetValue(s.propose);
    apprenticeships_->SetValue(s.prefer_apprenticeships);
    apprenticeships_->Enable(s.propose);
    fill_lists();
}

RoadmapScenario ScenarioEditor::scenario() const {
    RoadmapScenario s = s_;
    // A date as the engine reads it; text that is no date stays as typed (settings_problem says so).
    s.start = start_->iso().value_or(u8(wxString(start_->GetValue()).Strip(wxString::both)));
    s.horizon_years = horizon_->GetValue();
    s.structure = static_cast<TeamStructure>(std::max(0, structure_->GetSelection()));
    s.departments = departments_->GetValue();
    int l = london_->GetSelection();
    s.london_area = l > 0 ? std::optional<LondonArea>(static_cast<LondonArea>(l - 1)) : std::nullopt;
    // The control shows one decimal of a percentage: read it back to that, not to a float's tail.
    s.inflation = std::round(inflation_->GetValue() * 10) / 1000;
    s.inflation_basis = u8(inflation_basis_->GetValue().Strip(wxString::both));
    s.levy_payer = levy_->GetValue();
    s.propose = propose_->GetValue();
    s.prefer_apprenticeships = apprenticeships_->GetValue();
    return s;
}

FieldProblem ScenarioEditor::settings_problem() const {
    // The date control's own words (dd/mm/yyyy) rather than the engine's ISO form.
    if (wxString d = start_->problem(_("Year 1 starts"), false); !d.empty()) return {"start", d};
    return check_plan_settings(scenario());
}

void ScenarioEditor::show_problem(const FieldProblem& p) {
    problem_plain_ = p.text;
    costed_start_ = scenario().start;
    // A problem with the start date is already shown beside it (FieldCheck); others go under the plan.
    const wxString shown = p.field == "start" ? wxString() : p.text;
    start_check_->update();
    problem_->SetLabel(shown);
    problem_->Wrap(std::max(FromDIP(200), GetClientSize().GetWidth() - FromDIP(40)));
    problem_->Show(!shown.empty());
    Layout();
    FitInside();
}

void ScenarioEditor::show_organisation_area(const wxString& area, const wxString& why) {
    // "Auto: inner London" fits the choice's width where "From the organisation (...)" does not.
    london_->SetString(0, area.empty() ? london_choices()[0] : _("Auto: ") + area);
    london_->SetToolTip(_("Where staff are paid London weighting: from the organisation's type and ONS code, or an area you choose") +
                        (why.empty() ? wxString() : wxS(". ") + _("From the organisation: ") + why));
}

wxString ScenarioEditor::problem_text() const { return problem_plain_; }

void ScenarioEditor::add_team_post(TeamPost t) {
    if (t.id.empty()) t.id = unique_line_id(s_, t.name.empty() ? t.role : slug(t.name));
    for (auto& existing : s_.team)
        if (existing.id == t.id) {
            existing = t;
            return changed();
        }
    s_.team.push_back(t);
    changed();
}

void ScenarioEditor::add_planned_post(PlannedPost p) {
    if (p.id.empty()) p.id = unique_line_id(s_, p.name.empty() ? p.role : slug(p.name));
    for (auto& existing : s_.posts)
        if (existing.id == p.id) {
            existing = p;
            return changed();
        }
    s_.posts.push_back(p);
    changed();
}

void ScenarioEditor::add_covered(CoveredElsewhere c) {
    for (auto& existing : s_.covered)
        if (existing.responsibility == c.responsibility) {
            existing = c;
            return changed();
        }
    s_.covered.push_back(c);
    changed();
}

void ScenarioEditor::add_cost_line(CostLine c) {
    if (c.id.empty()) c.id = unique_line_id(s_, slug(c.name));
    for (auto& existing : s_.costs)
        if (existing.id == c.id) {
            existing = c;
            return changed();
        }
    s_.costs.push_back(c);
    changed();
}

void ScenarioEditor::add_shared_proposal(const std::string& role, int councils) {
    for (auto& existing : s_.share_proposals)
        if (existing.first == role) {
            existing.second = councils;
            return changed();
        }
    s_.share_proposals.emplace_back(role, councils);
    changed();
}

void ScenarioEditor::edit_shared(long i) {
    if (i < 0 || i >= static_cast<long>(s_.share_proposals.size()) || !roles_) return;
    const auto old = s_.share_proposals[static_cast<std::size_t>(i)];
    if (auto p = ask_shared_proposal(this, *roles_, old)) {
        s_.share_proposals[static_cast<std::size_t>(i)] = *p;
        changed();
    }
}

void ScenarioEditor::remove_team_post(std::size_t i) {
    if (i >= s_.team.size()) return;
    const std::string id = s_.team[i].id;
    // A planned post grown from it has nobody to grow from: it becomes a new post, and says so.
    int moved = 0;
    for (auto& p : s_.posts)
        if (p.route == PostRoute::GrownFrom && p.grown_from == id) {
            p.route = PostRoute::NewPost;
            p.grown_from.clear();
            ++moved;
        }
    s_.team.erase(s_.team.begin() + static_cast<long>(i));
    if (moved)
        show_info(this, _("Post removed"),
                  _("A planned post grew from the post you removed: it is now planned as a new post. Edit it to choose "
                    "another route."));
    changed();
}

void ScenarioEditor::edit_team(long i) {
    if (i < 0 || i >= static_cast<long>(s_.team.size()) || !roles_) return;
    if (auto t = ask_team_post(this, *roles_, s_.team[static_cast<std::size_t>(i)])) add_team_post(*t);
}

void ScenarioEditor::edit_post(long i) {
    if (i < 0 || i >= static_cast<long>(s_.posts.size()) || !roles_) return;
    if (auto p = ask_planned_post(this, *roles_, scenario(), s_.posts[static_cast<std::size_t>(i)])) add_planned_post(*p);
}

void ScenarioEditor::edit_covered(long i) {
    if (i < 0 || i >= static_cast<long>(s_.covered.size()) || !fw_) return;
    const CoveredElsewhere old = s_.covered[static_cast<std::size_t>(i)];
    if (auto c = ask_covered(this, *fw_, s_, old)) {
        s_.covered[static_cast<std::size_t>(i)] = *c;
        changed();
    }
}

void ScenarioEditor::edit_cost(long i) {
    if (i < 0 || i >= static_cast<long>(s_.costs.size())) return;
    if (auto c = ask_cost_line(this, s_.costs[static_cast<std::size_t>(i)])) add_cost_line(*c);
}

void ScenarioEditor::fill_lists() {
    auto refill = [](wxListCtrl* l, std::size_t n, const std::function<std::vector<wxString>(std::size_t)>& row) {
        long keep = selected(l);
        l->DeleteAllItems();
        for (std::size_t i = 0; i < n; ++i) {
            std::vector<wxString> cells = row(i);
            long r = l->InsertItem(l->GetItemCount(), cells[0]);
            for (std::size_t c = 1; c < cells.size(); ++c) l->SetItem(r, static_cast<int>(c), cells[c]);
        }
        if (keep >= 0 && keep < l->GetItemCount()) l->SetItemState(keep, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    };
    refill(team_.list, s_.team.size(), [&](std::size_t i) -> std::vector<wxString> {
        const TeamPost& t = s_.team[i];
        return {team_post_label(roles_, t), wxs(plain(t.fte, 2)), salary_words(t.salary)};
    });
    refill(posts_.list, s_.posts.size(), [&](std::size_t i) -> std::vector<wxString> {
        const PlannedPost& p = s_.posts[i];
        wxString count = wxString::Format(wxS("%d"), p.headcount);
        if (p.fte != 1) count += wxS(" \u00d7 ") + wxs(plain(p.fte, 2));
        return {planned_post_label(roles_, p), route_words(roles_, s_, p), count,
                p.start.empty() ? _("at the start") : uk_date(p.start), salary_words(p.salary)};
    });
    refill(covered_.list, s_.covered.size(), [&](std::size_t i) -> std::vector<wxString> {
        return {responsibility_name(fw_, s_.covered[i].responsibility), wxs(s_.covered[i].how)};
    });
    refill(shared_.list, s_.share_proposals.size(), [&](std::size_t i) -> std::vector<wxString> {
        return {role_title(roles_, s_.share_proposals[i].first), wxString::Format(wxS("%d"), s_.share_proposals[i].second)};
    });
    refill(costs_.list, s_.costs.size(), [&](std::size_t i) -> std::vector<wxString> {
        const CostLine& c = s_.costs[i];
        return {wxs(c.name), wxs(money_words(c.amount)), cost_when_words(c)};
    });
}

void ScenarioEditor::changed() {
    fill_lists();
    if (changed_) changed_();
}

}  // namespace ys::gui
