#include "roadmap_page.h"

#include "wx_utf8.h"  // first: the UTF-8 _()

#include <algorithm>
#include <cmath>
#include <filesystem>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/config.h>
#include <wx/filedlg.h>
#include <wx/filepicker.h>
#include <wx/graphics.h>
#include <wx/listctrl.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

#include "atomic_file.h"
#include "io/output_path.h"
#include "charts.h"
#include "dialogs.h"
#include "guard.h"
#include "json_read.h"
#include "number_format.h"
#include "scored_rounds.h"
#include "session.h"
#include "timestamps.h"

namespace fs = std::filesystem;

namespace ys::gui {

wxString pounds(double value) {
    std::string digits = fixed(std::fabs(value), 0);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return (value < 0 ? wxS("-") : wxString()) + wxS("\u00a3") + wxs(out);
}

namespace {

const char* const kStructures[] = {"centralised", "hub-and-spoke", "decentralised"};

wxListCtrl* small_list(wxWindow* parent, const wxString& name, const wxString& tip,
                       const std::vector<std::pair<wxString, int>>& columns) {
    auto* l = new wxListCtrl(parent, wxID_ANY, wxDefaultPosition, parent->FromDIP(wxSize(-1, 84)), wxLC_REPORT | wxLC_SINGLE_SEL,
                             wxDefaultValidator, name);
    l->SetToolTip(tip);
    int c = 0;
    for (const auto& [title, width] : columns)
        l->AppendColumn(title, c++ == 0 ? wxLIST_FORMAT_LEFT : wxLIST_FORMAT_RIGHT, parent->FromDIP(width));
    return l;
}

// Erases the item shown in the list's selected row; false when no row is selected.
template <typename T>
bool erase_selected(wxListCtrl* list, std::vector<T>& items) {
    long i = list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (i < 0 || i >= static_cast<long>(items.size())) return false;
    items.erase(items.begin() + i);
    return true;
}

}  // namespace

RoadmapPage::RoadmapPage(wxWindow* parent, Host& host) : Page(parent, host, _("Roadmap")) {
    // The controls are made when the page is first shown: a scrolled window sized while its
    // notebook page is hidden upsets GTK, and the start is quicker.
}

void RoadmapPage::build() {
    if (built_) return;
    built_ = true;
    Freeze();
    auto* top = new wxBoxSizer(wxHORIZONTAL);

    // Inputs, on the left.
    auto* in = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(315, -1)), wxVSCROLL | wxTAB_TRAVERSAL,
                                    _("Roadmap inputs"));
    in->SetScrollRate(0, FromDIP(10));
    auto* is = new wxBoxSizer(wxVERTICAL);
    auto label = [&](const wxString& text) {
        auto* t = new wxStaticText(in, wxID_ANY, text);
        is->Add(t, 0, wxTOP, FromDIP(8));
        return t;
    };
    // A list the user fills: its label, the list, then its Add and Remove buttons.
    struct EditableList {
        wxListCtrl* list;
        wxButton *add, *remove;
    };
    auto editable_list = [&](const wxString& text, const wxString& name, const wxString& tip,
                             const std::vector<std::pair<wxString, int>>& columns, const wxString& add_label,
                             const wxString& add_tip, const wxString& remove_name, const wxString& remove_tip) {
        label(text);
        EditableList e{small_list(in, name, tip, columns), new wxButton(in, wxID_ANY, add_label),
                       new wxButton(in, wxID_ANY, _("Remove"))};
        is->Add(e.list, 0, wxEXPAND | wxTOP, FromDIP(2));
        e.add->SetToolTip(add_tip);
        e.remove->SetName(remove_name);
        e.remove->SetToolTip(remove_tip);
        auto* buttons = new wxBoxSizer(wxHORIZONTAL);
        buttons->Add(e.add, 0, wxRIGHT, FromDIP(6));
        buttons->Add(e.remove, 0);
        is->Add(buttons, 0, wxTOP, FromDIP(4));
        return e;
    };
    label(_("Scores and targets from &round:"));
    round_ = new wxChoice(in, wxID_ANY);
    round_->SetName(_("Scores and targets from round"));
    round_->SetToolTip(_("The round whose scores and the organisation's targets set what the roadmap aims for"));
    is->Add(round_, 0, wxEXPAND | wxTOP, FromDIP(2));

    auto team = editable_list(_("Current &team (role and FTE):"), _("Current team"), _("Posts the council has now: they count first"),
                              {{_("Role"), 200}, {_("FTE"), 50}}, _("Add post\u2026"), _("Add a post the council has now"),
                              _("Remove post"), _("Remove the selected post"));
    team_list_ = team.list;
    add_post_ = team.add;
    remove_post_ = team.remove;

    auto* grid = new wxFlexGridSizer(2, FromDIP(6), FromDIP(8));
    grid->AddGrowableCol(1, 1);
    auto row = [&](const wxString& text, wxWindow* control, const wxString& name) {
        grid->Add(new wxStaticText(in, wxID_ANY, text), 0, wxALIGN_CENTER_VERTICAL);
        grid->Add(control, 1, wxEXPAND);
        control->SetName(name);
    };
    wxArrayString structures;
    structures.push_back(_("Centralised"));
    structures.push_back(_("Hub and spoke"));
    structures.push_back(_("Decentralised"));
    structure_ = new wxChoice(in, wxID_ANY, wxDefaultPosition, wxDefaultSize, structures);
    structure_->SetSelection(0);
    structure_->SetToolTip(_("Where analysts sit: one central team, a hub with analysts in departments, or all in departments"));
    row(_("&Structure:"), structure_, _("Structure"));
    departments_ = new wxSpinCtrl(in, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 1, 100, 1);
    departments_->SetToolTip(_("Departments the analysts serve"));
    row(_("&Departments:"), departments_, _("Departments"));
    horizon_ = new wxSpinCtrl(in, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 1, 10, 3);
    horizon_->SetToolTip(_("Years to plan"));
    row(_("&Horizon (years):"), horizon_, _("Horizon in years"));
    start_ = new wxTextCtrl(in, wxID_ANY, wxs(next_financial_year_start(today_iso_date())), wxDefaultPosition, wxDefaultSize,
                            wxTE_PROCESS_ENTER);
    start_->SetHint(_("YYYY-MM-DD"));
    start_->SetToolTip(_("The first day of year 1 (default: the next 1 April)"));
    row(_("Year 1 &starts:"), start_, _("Year 1 starts"));
    is->Add(grid, 0, wxEXPAND | wxTOP, FromDIP(10));

    auto shared = editable_list(_("Roles s&hared with other councils:"), _("Shared roles"),
                                _("A post shared between councils: this council pays its share"),
                                {{_("Role"), 190}, {_("Councils"), 70}}, _("Share a role\u2026"),
                                _("Share a post of a role with other councils"), _("Remove shared role"),
                                _("Stop sharing the selected role"));
    shared_list_ = shared.list;
    add_share_ = shared.add;
    remove_share_ = shared.remove;

    auto upskill = editable_list(_("Posts that can &grow into another role:"), _("Posts that can grow"),
                                 _("A post in the team that can be trained into another role: only the rise in pay is new money"),
                                 {{_("Post in the team"), 130}, {_("Can grow into"), 130}}, _("Grow a post\u2026"),
                                 _("Let a post in the current team grow into a role the roadmap needs"),
                                 _("Remove post that can grow"), _("The selected post no longer grows into another role"));
    upskill_list_ = upskill.list;
    add_upskill_ = upskill.add;
    remove_upskill_ = upskill.remove;

    auto covered = editable_list(
        _("Responsibilities already &covered:"), _("Responsibilities already covered"),
        _("Carried some other way (a partner, a contract, a post outside the catalogue): no role is added for them"),
        {{_("Responsibility"), 260}}, _("Already covered\u2026"), _("Mark a responsibility as carried some other way"),
        _("Remove covered responsibility"), _("The selected responsibility needs covering again"));
    covered_list_ = covered.list;
    add_covered_ = covered.add;
    remove_covered_ = covered.remove;

    london_ = new wxCheckBox(in, wxID_ANY, _("&London weighting"));
    london_->SetToolTip(_("Add London weighting to the roles that carry it"));
    levy_ = new wxCheckBox(in, wxID_ANY, _("Pays the apprenticeship &levy"));
    levy_->SetValue(true);
    levy_->SetToolTip(_("Councils' pay bills are far above the levy allowance"));
    apprenticeships_ = new wxCheckBox(in, wxID_ANY, _("Propose a&pprenticeships"));
    apprenticeships_->SetValue(true);
    apprenticeships_->SetToolTip(_("Let the roadmap choose apprenticeship routes where they give the most cover for the money"));
    for (auto* c : {london_, levy_, apprenticeships_}) {
        c->SetName(c->GetLabelText());
        is->Add(c, 0, wxTOP, FromDIP(6));
    }

    label(_("Cost &assumptions file:"));
    assumptions_ = new wxFilePickerCtrl(in, wxID_ANY, wxEmptyString, _("Choose a cost assumptions file"),
                                        _("Assumptions (*.json)|*.json|All files|*"), wxDefaultPosition, wxDefaultSize,
                                        wxFLP_OPEN | wxFLP_FILE_MUST_EXIST | wxFLP_USE_TEXTCTRL | wxFLP_SMALL);
    assumptions_->SetName(_("Cost assumptions file"));
    assumptions_->SetToolTip(_("Dated, sourced figures: National Insurance, pension, levy, pay award, London weighting, ..."));
    is->Add(assumptions_, 0, wxEXPAND | wxTOP, FromDIP(2));
    auto* ab = new wxBoxSizer(wxHORIZONTAL);
    dated_copy_ = new wxButton(in, wxID_ANY, _("Save a dated &copy\u2026"));
    dated_copy_->SetToolTip(_("Copy the assumptions to a file named with today's date, to edit for this council; the copy is used"));
    open_assumptions_ = new wxButton(in, wxID_ANY, _("&Edit\u2026"));
    open_assumptions_->SetName(_("Edit assumptions"));
    open_assumptions_->SetToolTip(_("Open the assumptions file in the text editor; the roadmap is costed again when you come back"));
    ab->Add(dated_copy_, 0, wxRIGHT, FromDIP(6));
    ab->Add(open_assumptions_, 0);
    is->Add(ab, 0, wxTOP, FromDIP(4));
    in->SetSizer(is);
    in->SetMinSize(FromDIP(wxSize(315, 200)));  // scrolls rather than growing the page
    in->FitInside();
    top->Add(in, 0, wxEXPAND | wxALL, FromDIP(8));

    // Results, on the right.
    auto* out = new wxBoxSizer(wxVERTICAL);
    summary_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    summary_->SetName(_("Roadmap summary"));
    out->Add(summary_, 0, wxEXPAND | wxBOTTOM, FromDIP(6));
    out->Add(new wxStaticText(this, wxID_ANY, _("Phases and the &roles they add:")), 0);
    phases_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL, wxDefaultValidator,
                             _("Phases and roles"));
    phases_->SetToolTip(_("Each phase, the posts it adds, how they are filled and why"));
    const std::pair<wxString, int> cols[] = {{_("Phase and role"), 275}, {_("Route"), 110}, {_("FTE"), 42}, {_("Year"), 42},
                                             {_("Sits in"), 100}};
    int c = 0;
    for (const auto& [name, width] : cols)
        phases_->AppendColumn(name, (c == 2 || c == 3) ? wxLIST_FORMAT_RIGHT : wxLIST_FORMAT_LEFT, FromDIP(width)), ++c;
    phases_->SetMinSize(FromDIP(wxSize(300, 150)));
    out->Add(phases_, 3, wxEXPAND | wxTOP, FromDIP(2));
    why_ = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, FromDIP(wxSize(-1, 64)),
                          wxTE_MULTILINE | wxTE_READONLY | wxTE_WORDWRAP);
    why_->SetName(_("Why this post"));
    why_->SetToolTip(_("Why the selected post is proposed: the responsibilities it answers and the dimensions furthest below their aim"));
    out->Add(why_, 0, wxEXPAND | wxTOP, FromDIP(4));
    auto* bottom = new wxBoxSizer(wxHORIZONTAL);
    costs_ = new ChartPanel(this, _("Cost per year chart"), FromDIP(wxSize(220, 200)));
    bottom->Add(costs_, 1, wxEXPAND | wxRIGHT, FromDIP(8));
    years_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL, wxDefaultValidator,
                            _("Cost per year"));
    years_->SetToolTip(_("Total cost per year at the low, middle and high salary points"));
    const std::pair<wxString, int> ycols[] = {{_("Year"), 104}, {_("Low"), 72}, {_("Mid"), 72}, {_("High"), 72}};
    c = 0;
    for (const auto& [name, width] : ycols) years_->AppendColumn(name, c++ ? wxLIST_FORMAT_RIGHT : wxLIST_FORMAT_LEFT, FromDIP(width));
    years_->SetMinSize(FromDIP(wxSize(326, 100)));
    bottom->Add(years_, 0, wxEXPAND);
    out->Add(bottom, 2, wxEXPAND | wxTOP, FromDIP(8));
    top->Add(out, 1, wxEXPAND | wxTOP | wxRIGHT | wxBOTTOM, FromDIP(8));
    SetSizer(top);

    // Every change costs the roadmap again (it takes milliseconds).
    auto again = [this](wxCommandEvent&) { recompute(); };
    round_->Bind(wxEVT_CHOICE, again);
    structure_->Bind(wxEVT_CHOICE, again);
    departments_->Bind(wxEVT_SPINCTRL, [this](wxSpinEvent&) { recompute(); });
    horizon_->Bind(wxEVT_SPINCTRL, [this](wxSpinEvent&) { recompute(); });
    start_->Bind(wxEVT_TEXT_ENTER, again);
    start_->Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) {
        e.Skip();
        CallAfter([this] { recompute(); });
    });
    for (auto* cb : {london_, levy_, apprenticeships_}) cb->Bind(wxEVT_CHECKBOX, again);
    assumptions_->Bind(wxEVT_FILEPICKER_CHANGED, [this](wxFileDirPickerEvent&) {
        set_assumptions_file(path_u8(assumptions_->GetPath()));
    });
    add_post_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (!load_inputs()) return;
        FormDialog dlg(this, _("Add a post"), _("A post the council has now. Posts in the team count before any new one."));
        wxArrayString roles;
        for (const auto& r : inputs_->roles.roles) roles.push_back(wxs(r.title));
        auto* role = dlg.add_choice(_("Role:"), roles, 0);
        auto* fte = dlg.add_number(_("FTE:"), 1.0, 0.1, 50.0, 0.1);
        dlg.finish();
        if (dlg.ShowModal() != wxID_OK || role->GetSelection() < 0) return;
        team_.push_back({inputs_->roles.roles[static_cast<std::size_t>(role->GetSelection())].id, fte->GetValue()});
        fill_team();
        recompute();
    });
    remove_post_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (!erase_selected(team_list_, team_)) return;
        // A post that is gone cannot grow.
        upskill_.erase(std::remove_if(upskill_.begin(), upskill_.end(),
                                      [&](const Upskill& u) {
                                          return std::none_of(team_.begin(), team_.end(), [&](const TeamMember& m) { return m.role == u.from; });
                                      }),
                       upskill_.end());
        fill_team();
        fill_upskill();
        recompute();
    });
    add_share_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (!load_inputs()) return;
        std::vector<const Role*> shareable;
        wxArrayString roles;
        for (const auto& r : inputs_->roles.roles)
            if (r.shareable) {
                shareable.push_back(&r);
                roles.push_back(wxs(r.title));
            }
        if (shareable.empty()) {
            show_info(this, _("Shared roles"), _("No role in the catalogue is marked as shareable."));
            return;
        }
        FormDialog dlg(this, _("Share a role"), _("One post shared between councils; this council pays its share."));
        auto* role = dlg.add_choice(_("Role:"), roles, 0);
        auto* councils = dlg.add_integer(_("Councils sharing:"), 2, 2, 50);
        dlg.finish();
        if (dlg.ShowModal() != wxID_OK || role->GetSelection() < 0) return;
        shared_.push_back({shareable[static_cast<std::size_t>(role->GetSelection())]->id, councils->GetValue()});
        fill_shared();
        recompute();
    });
    remove_share_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (!erase_selected(shared_list_, shared_)) return;
        fill_shared();
        recompute();
    });
    add_upskill_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (!load_inputs()) return;
        // Only a post the council has can grow; each post grows into one role.
        std::vector<const Role*> from, to;
        wxArrayString from_titles, to_titles;
        for (const auto& m : team_)
            if (const Role* r = inputs_->roles.find(m.role); r && std::find(from.begin(), from.end(), r) == from.end()) {
                from.push_back(r);
                from_titles.push_back(wxs(r->title));
            }
        if (from.empty()) {
            show_info(this, _("Posts that can grow"), _("Add the council's current posts to the team first: only a post in the team can grow."));
            return;
        }
        for (const auto& r : inputs_->roles.roles) {
            to.push_back(&r);
            to_titles.push_back(wxs(r.title));
        }
        FormDialog dlg(this, _("Grow a post"),
                       _("A post in the team trained into a role the roadmap needs: cheaper than a new post, and nobody is recruited."));
        auto* f = dlg.add_choice(_("Post in the team:"), from_titles, 0);
        auto* t = dlg.add_choice(_("Can grow into:"), to_titles, 0);
        dlg.finish();
        if (dlg.ShowModal() != wxID_OK || f->GetSelection() < 0 || t->GetSelection() < 0) return;
        Upskill u{from[static_cast<std::size_t>(f->GetSelection())]->id, to[static_cast<std::size_t>(t->GetSelection())]->id};
        if (u.from == u.to) {
            show_info(this, _("Posts that can grow"), _("A post cannot grow into the role it already is."));
            return;
        }
        upskill_.push_back(u);
        fill_upskill();
        recompute();
    });
    remove_upskill_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (!erase_selected(upskill_list_, upskill_)) return;
        fill_upskill();
        recompute();
    });
    add_covered_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (!load_inputs()) return;
        const Framework& fw = scored_ ? *scored_->framework : *inputs_->framework;
        std::vector<const Responsibility*> open;
        wxArrayString names;
        for (const auto& r : fw.responsibilities)
            if (std::find(covered_.begin(), covered_.end(), r.id) == covered_.end()) {
                open.push_back(&r);
                names.push_back(wxs(r.name));
            }
        if (open.empty()) {
            show_info(this, _("Responsibilities already covered"), _("Every responsibility of the framework is already marked as covered."));
            return;
        }
        FormDialog dlg(this, _("A responsibility already covered"),
                       _("Carried some other way, such as by a partner, a contract or a post outside the catalogue: the roadmap adds no role for it."));
        auto* r = dlg.add_choice(_("Responsibility:"), names, 0);
        dlg.finish();
        if (dlg.ShowModal() != wxID_OK || r->GetSelection() < 0) return;
        covered_.push_back(open[static_cast<std::size_t>(r->GetSelection())]->id);
        fill_covered();
        recompute();
    });
    remove_covered_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (!erase_selected(covered_list_, covered_)) return;
        fill_covered();
        recompute();
    });
    dated_copy_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        std::string dir = host_.session().dirs().user.empty() ? std::string() : host_.session().dirs().user + "/assumptions";
        std::error_code ec;
        if (!dir.empty()) fs::create_directories(dir, ec);
        wxFileDialog dlg(this, _("Save a dated copy of the assumptions"), wxs(dir), wxs(dated_copy_name()),
                         _("Assumptions (*.json)|*.json"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
        if (dlg.ShowModal() == wxID_OK) save_dated_copy(path_u8(dlg.GetPath()));
    });
    open_assumptions_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (assumptions_file_ == host_.session().shipped_assumptions_file()) {
            show_info(this, _("Edit assumptions"),
                      _("The shipped assumptions are not edited in place: save a dated copy first, then edit the copy."));
            return;
        }
        if (!wxLaunchDefaultApplication(wxs(assumptions_file_)))
            show_error(this, _("Edit assumptions"), _("No application could open the file."), wxs(assumptions_file_));
        loaded_key_.clear();  // read again when next costed
    });
    phases_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
        e.Skip();
        show_why();
    });
    Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) {
        e.Skip();
        remove_post_->Enable(team_list_->GetSelectedItemCount() > 0);
        remove_share_->Enable(shared_list_->GetSelectedItemCount() > 0);
        remove_upskill_->Enable(upskill_list_->GetSelectedItemCount() > 0);
        remove_covered_->Enable(covered_list_->GetSelectedItemCount() > 0);
    });
    // Coming back to the page after editing the assumptions costs them again.
    Bind(wxEVT_SHOW, [this](wxShowEvent& e) {
        e.Skip();
        if (e.IsShown() && loaded_key_.empty() && !org_.empty()) CallAfter([this] { recompute(); });
    });

    std::string configured;
    if (auto* cfg = wxConfigBase::Get()) configured = path_u8(cfg->Read(wxS("/Roadmap/Assumptions"), wxEmptyString));
    std::error_code ec;
    assumptions_file_ = !configured.empty() && fs::exists(configured, ec) ? configured : host_.session().shipped_assumptions_file();
    assumptions_->SetPath(wxs(assumptions_file_));
    Layout();
    Thaw();
}

wxString RoadmapPage::summary_text() const {
    if (!summary_) return {};
    wxString text = summary_->GetLabel();  // as read aloud: the line breaks of wrapping are only for the eye
    text.Replace(wxS("\n"), wxS(" "));
    return text;
}

std::string RoadmapPage::dated_copy_name() const {
    std::string stem = fs::path(assumptions_file_).stem().string();
    // A copy of a copy keeps one date: "x-2026-11-21" becomes "x-<today>".
    if (stem.size() > 11 && stem[stem.size() - 11] == '-' && is_iso_date(stem.substr(stem.size() - 10)))
        stem = stem.substr(0, stem.size() - 11);
    return stem + "-" + today_iso_date() + ".json";
}

void RoadmapPage::set_assumptions_file(const std::string& path) {
    build();
    assumptions_file_ = path;
    assumptions_->SetPath(wxs(path));
    if (auto* cfg = wxConfigBase::Get()) {
        cfg->Write(wxS("/Roadmap/Assumptions"), wxs(path == host_.session().shipped_assumptions_file() ? std::string() : path));
        cfg->Flush();
    }
    loaded_key_.clear();
    recompute();
}

bool RoadmapPage::save_dated_copy(const std::string& path) {
    build();
    std::string text, error;
    if (!read_text_file(assumptions_file_, 64u * 1024u * 1024u, text, error)) {
        show_error(this, _("Copy not saved"), _("The assumptions file could not be read."), wxs(error), exit_code::invalid_input);
        return false;
    }
    // Not over the assumptions being copied, nor the open database.
    OutputCheck check = check_outputs({{{"The copy", path}}, {{"the assumptions", assumptions_file_}}, host_.session().path()});
    if (!check.ok()) {
        show_error(this, _("Copy not saved"), _("The copy would replace a file Yardstick is using."), wxs(check.message),
                   exit_code::usage);
        return false;
    }
    if (!write_file_atomic(path, text, error)) {
        show_error(this, _("Copy not saved"), _("The copy could not be written."), wxs(error), exit_code::output_failed);
        return false;
    }
    set_assumptions_file(path);
    host_.set_status(wxString::Format(_("Saved %s; the roadmap is now costed with it."), wxs(path)));
    return true;
}

bool RoadmapPage::load_inputs() {
    Session& s = host_.session();
    const std::string key = s.shipped_roles_file() + "|" + assumptions_file_;
    if (key == loaded_key_ && inputs_) return true;
    inputs_.reset();
    Diagnostics diags;
    inputs_ = load_roadmap_inputs(s.shipped_roles_file(), assumptions_file_, s.library_dirs(), diags);
    loaded_key_ = key;
    if (!inputs_) {
        wxString detail;
        for (const auto& d : diags.items()) detail += wxs(to_string(d)) + wxS("\n");
        error_ = u8(_("The role catalogue or the cost assumptions could not be read:")) + "\n" + u8(detail);
        return false;
    }
    return true;
}

void RoadmapPage::refresh() {
    build();
    Session& s = host_.session();
    wxString keep = round_->GetStringSelection();
    round_->Clear();
    rounds_.clear();
    scored_.reset();
    scored_round_.clear();
    if (s.is_open() && !org_.empty()) {
        guarded(this, s.path(), _("The rounds could not be read."), [&] {
            rounds_ = store::list_rounds(s.db(), org_, false);
            std::stable_sort(rounds_.begin(), rounds_.end(), [](const auto& a, const auto& b) { return a.period > b.period; });
        });
    }
    round_->Append(_("None: nothing known yet"));
    for (const auto& r : rounds_) round_->Append(wxs(r.period) + wxS(" \u2013 ") + wxs(r.questionnaire_id));
    int i = keep.empty() ? wxNOT_FOUND : round_->FindString(keep);
    round_->SetSelection(i != wxNOT_FOUND ? i : (rounds_.empty() ? 0 : 1));
    fill_team();
    fill_shared();
    fill_upskill();
    fill_covered();
    recompute();
}

void RoadmapPage::fill_team() {
    team_list_->DeleteAllItems();
    for (const auto& m : team_) {
        wxString title = wxs(m.role);
        if (inputs_)
            if (const Role* r = inputs_->roles.find(m.role)) title = wxs(r->title);
        long row = team_list_->InsertItem(team_list_->GetItemCount(), title);
        team_list_->SetItem(row, 1, wxs(plain(m.fte, 2)));
    }
}

void RoadmapPage::fill_shared() {
    shared_list_->DeleteAllItems();
    for (const auto& sh : shared_) {
        wxString title = wxs(sh.role);
        if (inputs_)
            if (const Role* r = inputs_->roles.find(sh.role)) title = wxs(r->title);
        long row = shared_list_->InsertItem(shared_list_->GetItemCount(), title);
        shared_list_->SetItem(row, 1, wxString::Format(wxS("%d"), sh.councils));
    }
}

void RoadmapPage::fill_upskill() {
    upskill_list_->DeleteAllItems();
    auto title = [&](const std::string& id) {
        const Role* r = inputs_ ? inputs_->roles.find(id) : nullptr;
        return wxs(r ? r->title : id);
    };
    for (const auto& u : upskill_) {
        long row = upskill_list_->InsertItem(upskill_list_->GetItemCount(), title(u.from));
        upskill_list_->SetItem(row, 1, title(u.to));
    }
}

void RoadmapPage::fill_covered() {
    covered_list_->DeleteAllItems();
    const Framework* fw = scored_ ? scored_->framework.get() : inputs_ ? inputs_->framework.get() : nullptr;
    for (const auto& id : covered_) {
        const Responsibility* r = fw ? fw->find_responsibility(id) : nullptr;
        covered_list_->InsertItem(covered_list_->GetItemCount(), wxs(r ? r->name : id));
    }
}

RoadmapRequest RoadmapPage::options() {
    build();
    RoadmapRequest req;
    req.team = team_;
    req.shared = shared_;
    req.upskill = upskill_;
    req.covered = covered_;
    req.structure = static_cast<TeamStructure>(std::max(0, structure_->GetSelection()));
    req.departments = departments_->GetValue();
    req.horizon_years = horizon_->GetValue();
    req.start = u8(start_->GetValue().Strip(wxString::both));
    req.london = london_->GetValue();
    req.levy_payer = levy_->GetValue();
    req.prefer_apprenticeships = apprenticeships_->GetValue();
    return req;
}

void RoadmapPage::recompute() {
    build();
    plan_.reset();
    error_.clear();
    Session& s = host_.session();
    if (!load_inputs()) return show();
    // The round's scores, with the organisation's targets.
    int sel = round_->GetSelection();
    std::string round = sel > 0 && sel <= static_cast<int>(rounds_.size()) ? rounds_[static_cast<std::size_t>(sel - 1)].id : std::string();
    if (round != scored_round_) {
        scored_.reset();
        scored_round_ = round;
        if (!round.empty() && s.is_open())
            guarded(this, s.path(), _("The round could not be scored."), [&] {
                ScoreReport report = store::score_stored_rounds(s.db(), {round}, ScoreOptions{false, false});
                if (report.ok() && !report.rounds.empty()) scored_ = report.rounds.front();
            });
    }
    RoadmapRequest req = options();
    req.framework = inputs_->framework.get();
    req.roles = &inputs_->roles;
    req.assumptions = &inputs_->assumptions;
    if (scored_) {
        if (scored_->framework->id != inputs_->framework->id) {
            error_ = u8(wxString::Format(_("The round measures framework \u201c%s\u201d but the role catalogue is for \u201c%s\u201d."),
                                         wxs(scored_->framework->id), wxs(inputs_->framework->id)));
            return show();
        }
        req.framework = scored_->framework.get();
        req.current = &scored_->result;
    }
    std::string why;
    plan_ = build_roadmap(req, why);
    if (!plan_) error_ = why;
    fill_team();
    fill_shared();
    fill_upskill();
    fill_covered();
    show();
}

void RoadmapPage::show_why() {
    long i = phases_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (!plan_ || i < 0 || i >= static_cast<long>(rows_.size())) {
        why_->ChangeValue(plan_ ? _("Choose a post to see why it is proposed.") : wxString());
        return;
    }
    const auto [pi, hi] = rows_[static_cast<std::size_t>(i)];
    const RoadmapPhase& p = plan_->phases[static_cast<std::size_t>(pi)];
    wxString text;
    if (hi < 0) {
        text = wxs(p.name) + wxString::Format(_(": from year %d"), p.start_year) + (p.due.empty() ? wxString() : _(", for targets due ") + wxs(p.due));
        if (!p.responsibilities.empty()) {
            text += _(". Newly needed: ");
            for (std::size_t k = 0; k < p.responsibilities.size(); ++k) text += (k ? wxS(", ") : wxString()) + wxs(p.responsibilities[k]);
        }
    } else {
        const RoadmapHire& h = plan_->hires[static_cast<std::size_t>(hi)];
        text = wxs(h.title) + wxS(" (") + wxs(h.route) + wxS("): ");
        for (std::size_t k = 0; k < h.justification.size(); ++k) text += (k ? wxS(" ") : wxString()) + wxs(h.justification[k]);
    }
    why_->ChangeValue(text);
}

void RoadmapPage::show() {
    phases_->DeleteAllItems();
    years_->DeleteAllItems();
    if (!plan_) {
        summary_->SetLabel(error_.empty() ? wxString() : wxs(error_));
        costs_->set_painter({}, _("No roadmap to chart"));
        return;
    }
    const Roadmap& r = *plan_;
    double posts = 0;
    for (const auto& h : r.hires) posts += h.fte;
    wxString text = wxString::Format(_("%s new posts in %zu phases over %d years"), wxs(plain(posts, 2)), r.phases.size(),
                                     static_cast<int>(r.years.size()));
    if (!r.years.empty()) {
        const Money& last = r.years.back().cumulative;
        text += wxString::Format(_("; %s in total at mid salaries (%s to %s)"), pounds(last.mid), pounds(last.low), pounds(last.high));
    }
    if (!scored_) text += _(". No round chosen: the roadmap starts from nothing known.");
    if (!r.uncovered.empty()) {
        text += _(".\nNo role in the catalogue carries: ");
        for (std::size_t i = 0; i < r.uncovered.size(); ++i) text += (i ? wxS(", ") : wxString()) + wxs(r.uncovered[i]);
    }
    summary_->SetLabel(text);
    summary_->Wrap(std::max(FromDIP(300), phases_->GetSize().GetWidth()));

    rows_.clear();
    wxFont bold = phases_->GetFont().Bold();
    for (std::size_t pi = 0; pi < r.phases.size(); ++pi) {
        const RoadmapPhase& p = r.phases[pi];
        long prow = phases_->InsertItem(phases_->GetItemCount(), wxString::Format(wxS("%d. "), p.number) + wxs(p.name));
        phases_->SetItem(prow, 3, wxString::Format(wxS("%d"), p.start_year));
        phases_->SetItemFont(prow, bold);
        rows_.push_back({static_cast<int>(pi), -1});
        for (std::size_t hi : p.hires) {
            const RoadmapHire& h = r.hires[hi];
            long row = phases_->InsertItem(phases_->GetItemCount(), wxS("    ") + wxs(h.title));
            phases_->SetItem(row, 1, wxs(h.route));
            phases_->SetItem(row, 2, wxs(plain(h.fte, 2)));
            phases_->SetItem(row, 3, wxString::Format(wxS("%d"), h.start_year));
            phases_->SetItem(row, 4, wxs(h.sits_in));
            rows_.push_back({static_cast<int>(pi), static_cast<int>(hi)});
        }
        if (p.hires.empty()) {
            long row = phases_->InsertItem(phases_->GetItemCount(), wxS("    ") + _("(the team covers it)"));
            rows_.push_back({static_cast<int>(pi), -1});
            (void)row;
        }
    }
    // The first post is selected, so the box below says why it is proposed.
    if (rows_.size() > 1) phases_->SetItemState(1, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    show_why();
    std::vector<CostBar> bars;
    wxString description = _("Cost per year at mid salaries.");
    for (const auto& y : r.years) {
        wxString label = wxString::Format(_("Year %d"), y.year);
        bars.push_back({label, y.total.low, y.total.mid, y.total.high});
        long row = years_->InsertItem(years_->GetItemCount(), label + wxS(" (") + wxs(y.from.substr(0, 4)) + wxS(")"));
        years_->SetItem(row, 1, pounds(y.total.low));
        years_->SetItem(row, 2, pounds(y.total.mid));
        years_->SetItem(row, 3, pounds(y.total.high));
        description += wxS(" ") + label + wxS(": ") + pounds(y.total.mid) + wxS(".");
    }
    costs_->set_painter([bars](wxGraphicsContext& gc, const wxRect& area,
                               const ChartColours& c) { draw_cost_bars(gc, area, c, bars, wxS("\u00a3")); },
                        description);
    Layout();
}

}  // namespace ys::gui
