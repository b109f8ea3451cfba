#include "dialogs.h"

#include <algorithm>
#include <cctype>
#include <functional>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "catalogue.h"
#include "field_check.h"
#include "text_check.h"
#include "org_tree.h"
#include "wx_utf8.h"

namespace ys::gui {

FormDialog::FormDialog(wxWindow* parent, const wxString& title, const wxString& intro)
    : wxDialog(parent, wxID_ANY, title, wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    SetName(title);
    top_ = new wxBoxSizer(wxVERTICAL);
    if (!intro.empty()) {
        auto* t = new wxStaticText(this, wxID_ANY, intro);
        t->Wrap(FromDIP(440));
        top_->Add(t, 0, wxALL, FromDIP(10));
    }
    grid_ = new wxFlexGridSizer(2, FromDIP(6), FromDIP(10));
    grid_->AddGrowableCol(1, 1);
    top_->Add(grid_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(10));
}

void FormDialog::add_row(const wxString& label, wxWindow* control, bool grow) {
    auto* l = new wxStaticText(this, wxID_ANY, label);
    grid_->Add(l, 0, wxALIGN_CENTER_VERTICAL | wxALIGN_RIGHT);
    grid_->Add(control, grow ? 1 : 0, wxEXPAND);
    if (grow) grid_->AddGrowableRow(grid_->GetEffectiveRowsCount() - 1, 1);
    wxString name = label;
    name.Replace(wxS(":"), wxEmptyString);
    control->SetName(name);
    // GTK reads a control's accessible name from its mnemonic label; the tooltip repeats it.
    if (control->GetToolTipText().empty()) control->SetToolTip(name);
    l->MoveBeforeInTabOrder(control);
}

wxTextCtrl* FormDialog::add_text(const wxString& label, const wxString& value, const wxString& hint, bool multiline) {
    auto* t = new wxTextCtrl(this, wxID_ANY, value, wxDefaultPosition, multiline ? FromDIP(wxSize(360, 90)) : FromDIP(wxSize(300, -1)),
                             multiline ? wxTE_MULTILINE : 0);
    if (!hint.empty()) t->SetHint(hint);
    add_row(label, t, multiline);
    return t;
}

wxChoice* FormDialog::add_choice(const wxString& label, const wxArrayString& items, int selection) {
    auto* c = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, items);
    if (selection >= 0 && selection < static_cast<int>(items.size())) c->SetSelection(selection);
    add_row(label, c);
    return c;
}

wxSpinCtrl* FormDialog::add_integer(const wxString& label, int value, int min, int max) {
    auto* s = new wxSpinCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, min, max, value);
    add_row(label, s);
    return s;
}

wxSpinCtrlDouble* FormDialog::add_number(const wxString& label, double value, double min, double max, double step) {
    auto* s = new wxSpinCtrlDouble(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, min, max,
                                   value, step);
    s->SetDigits(step < 1 ? 2 : 0);
    add_row(label, s);
    return s;
}

wxCheckBox* FormDialog::add_check(const wxString& label, bool value) {
    grid_->AddSpacer(0);
    auto* c = new wxCheckBox(this, wxID_ANY, label);
    c->SetValue(value);
    c->SetName(label);
    grid_->Add(c, 0);
    return c;
}

void FormDialog::add_note(const wxString& text) {
    grid_->AddSpacer(0);
    auto* t = new wxStaticText(this, wxID_ANY, text);
    t->Wrap(FromDIP(320));
    grid_->Add(t, 0);
}

wxStaticText* FormDialog::add_reason(const wxString& field_name) {
    grid_->AddSpacer(0);
    wxStaticText* t = make_reason_label(this, field_name);
    grid_->Add(t, 0);
    return t;
}

wxString FormDialog::problem_text() const { return problem_plain_; }

void FormDialog::show_problem(const Problem& p) {
    problem_plain_ = p.text;
    problem_->SetLabel(p.text);
    problem_->Wrap(FromDIP(440));
    problem_->Show(!p.text.empty());
    if (p.control) p.control->SetFocus();
    Fit();
    Layout();
}

bool FormDialog::run() {
    // The OK button already refuses a problem; checking again here also covers a dialog
    // ended some other way (a test's modal hook).
    while (ShowModal() == wxID_OK) {
        Problem p = check_ ? check_() : Problem{};
        if (p.text.empty()) return true;
        show_problem(p);
    }
    return false;
}

void FormDialog::finish() {
    problem_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    problem_->SetName(_("Problem"));
    problem_->SetForegroundColour(wxColour(0xb0, 0x00, 0x20));
    problem_->Hide();
    top_->Add(problem_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(10));
    Bind(wxEVT_BUTTON, [this](wxCommandEvent& e) {
        if (e.GetId() != wxID_OK || !check_) return e.Skip();
        Problem p = check_();
        if (p.text.empty()) return e.Skip();
        show_problem(p);
    });
    top_->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, FromDIP(10));
    SetSizerAndFit(top_);
    CentreOnParent();
}

const char* const* organisation_types() {
    static const char* const types[] = {"region", "london-borough", "metropolitan-district", "county", "unitary",
                                        "district", "department", "other", nullptr};
    return types;
}

wxString status_label(const std::string& status) {
    if (status == "not-started") return _("Not started");
    if (status == "in-progress") return _("In progress");
    if (status == "done") return _("Done");
    if (status == "dropped") return _("Dropped");
    if (status == "open") return _("Open");
    if (status == "closed") return _("Closed");
    if (status == "draft") return _("Draft");
    return wxs(status);
}

std::optional<store::OrgRecord> ask_organisation(wxWindow* parent, const std::vector<store::OrgRecord>& existing,
                                                 const std::string& parent_id) {
    FormDialog dlg(parent, _("New organisation"),
                   _("A region, a council, or a department within a council. The id is how files and the command "
                     "line name it: lower case letters, digits and dashes."));
    auto* name = dlg.add_text(_("Name:"), {}, _("Westford London Borough Council"));
    auto* id = dlg.add_text(_("Id:"), {}, _("westford"));
    wxArrayString types;
    for (auto t = organisation_types(); *t; ++t) types.push_back(wxs(*t));
    auto* type = dlg.add_choice(_("Type:"), types, parent_id.empty() ? 0 : 1);
    wxArrayString parents;
    parents.push_back(_("(none: at the top)"));
    int sel = 0;
    for (const auto& o : existing) {
        parents.push_back(wxs(o.name) + wxS(" (") + wxs(o.id) + wxS(")"));
        if (o.id == parent_id) sel = static_cast<int>(parents.size()) - 1;
    }
    auto* par = dlg.add_choice(_("Part of:"), parents, sel);
    auto* region = dlg.add_text(_("Region:"), {}, _("London"));
    auto* ons = dlg.add_text(_("ONS code:"), {}, _("E09000001"));
    // Suggest an id from the name while the id has not been typed.
    name->Bind(wxEVT_TEXT, [name, id](wxCommandEvent&) {
        std::string s;
        for (char ch : u8(name->GetValue())) {
            unsigned char c = static_cast<unsigned char>(ch);
            if (std::isalnum(c) && c < 128) s += static_cast<char>(std::tolower(c));
            else if (!s.empty() && s.back() != '-') s += '-';
        }
        while (!s.empty() && s.back() == '-') s.pop_back();
        id->ChangeValue(wxs(s));
    });
    dlg.finish();
    if (dlg.ShowModal() != wxID_OK) return std::nullopt;
    store::OrgRecord o;
    o.id = u8(id->GetValue().Strip(wxString::both));
    o.name = u8(name->GetValue().Strip(wxString::both));
    o.type = organisation_types()[type->GetSelection() < 0 ? 0 : type->GetSelection()];
    o.region = u8(region->GetValue().Strip(wxString::both));
    o.ons_code = u8(ons->GetValue().Strip(wxString::both));
    int p = par->GetSelection();
    if (p > 0) o.parent = existing[static_cast<std::size_t>(p - 1)].id;
    return o;
}

std::optional<store::OrgEdit> ask_edit_organisation(wxWindow* parent, const store::OrgRecord& org) {
    FormDialog dlg(parent, _("Edit organisation"),
                   wxString::Format(_("The details of %s. Its id (%s) does not change: files and the command line "
                                      "know it by that. Move organisation changes what it is part of."),
                                    wxs(org.name), wxs(org.id)));
    auto* name = dlg.add_text(_("Name:"), wxs(org.name), _("Westford London Borough Council"));
    wxArrayString types;
    int sel = -1;
    for (auto t = organisation_types(); *t; ++t) {
        if (org.type == *t) sel = static_cast<int>(types.size());
        types.push_back(wxs(*t));
    }
    auto* type = dlg.add_choice(_("Type:"), types, sel < 0 ? 0 : sel);
    auto* region = dlg.add_text(_("Region:"), wxs(org.region), _("London"));
    auto* ons = dlg.add_text(_("ONS code:"), wxs(org.ons_code), _("E09000001"));
    dlg.finish();
    name->SetFocus();
    name->SelectAll();
    if (dlg.ShowModal() != wxID_OK) return std::nullopt;
    store::OrgEdit e;
    e.name = u8(name->GetValue().Strip(wxString::both));
    e.type = organisation_types()[type->GetSelection() < 0 ? 0 : type->GetSelection()];
    e.region = u8(region->GetValue().Strip(wxString::both));
    e.ons_code = u8(ons->GetValue().Strip(wxString::both));
    return e;
}

std::vector<ParentChoice> parent_choices(const std::vector<store::OrgRecord>& orgs, const std::string& id) {
    std::vector<ParentChoice> out;
    // Depth first from the top, as the tree shows them (org_tree.h walks without recursion;
    // those whose parent is missing are at the top); the branch under `id` is left out, and
    // so is a loop of parents made by hand (a move under it is refused).
    std::vector<OrgLink> links;
    for (const auto& o : orgs) links.push_back({o.id, o.parent});
    int skipping_below = 0;  // the level of `id` while its branch is passed over
    for (const auto& row : walk_org_tree(links).rows) {
        if (skipping_below && row.level > skipping_below) continue;
        skipping_below = 0;
        if (orgs[row.index].id == id) {
            skipping_below = row.level;
            continue;
        }
        out.push_back({&orgs[row.index], std::min(row.level, kMaxOrganisationDepth) - 1});
    }
    return out;
}

std::optional<std::string> ask_move_organisation(wxWindow* parent, const std::vector<store::OrgRecord>& orgs,
                                                 const store::OrgRecord& org) {
    FormDialog dlg(parent, _("Move organisation"),
                   wxString::Format(_("What %s is part of: a region for a council, a council for a department. "
                                      "Its rounds, targets and action plans move with it."),
                                    wxs(org.name)));
    std::vector<ParentChoice> choices = parent_choices(orgs, org.id);
    wxArrayString items;
    items.push_back(_("(none: at the top)"));
    int sel = 0;
    for (const auto& c : choices) {
        // Indented as in the tree (figure spaces keep their width in any font).
        items.push_back(wxString(wxUniChar(0x2007), static_cast<size_t>(3 * c.depth)) + wxs(c.org->name) + wxS(" (") +
                        wxs(c.org->id) + wxS(")"));
        if (c.org->id == org.parent) sel = static_cast<int>(items.size()) - 1;
    }
    auto* where = dlg.add_choice(_("Part of:"), items, sel);
    dlg.finish();
    where->SetFocus();
    if (dlg.ShowModal() != wxID_OK || where->GetSelection() < 0) return std::nullopt;
    int i = where->GetSelection();
    return i == 0 ? std::string() : choices[static_cast<std::size_t>(i - 1)].org->id;
}

std::optional<RoundForm> ask_new_round(wxWindow* parent, const Catalogue& catalogue, const wxString& organisation_name,
                                       const std::string& default_period) {
    std::vector<const CatalogueEntry*> qs;
    wxArrayString items;
    for (const auto& e : catalogue.entries())
        if (e.kind == DocKind::Questionnaire && e.valid) {
            qs.push_back(&e);
            items.push_back(wxs(e.title) + wxS(" (") + wxs(e.id) + wxS(" ") + wxs(e.version) + wxS(", ") +
                            wxString::Format(_("%zu questions"), e.question_count) + wxS(")"));
        }
    if (qs.empty()) return std::nullopt;
    FormDialog dlg(parent, _("New assessment round"),
                   wxString::Format(_("A round of %s: one questionnaire, one period, any number of respondents. The "
                                      "questionnaire and its framework are copied into the database."),
                                    organisation_name));
    int sel = 0;
    for (std::size_t i = 0; i < qs.size(); ++i)
        if (qs[i]->id == "council-quick-check") sel = static_cast<int>(i);
    auto* q = dlg.add_choice(_("Questionnaire:"), items, sel);
    auto* period = dlg.add_text(_("Period:"), wxs(default_period), _("2026 or 2026-Q1"));
    wxArrayString statuses;
    statuses.push_back(_("Open: answers can be given now"));
    statuses.push_back(_("Draft"));
    auto* status = dlg.add_choice(_("Status:"), statuses, 0);
    dlg.finish();
    if (dlg.ShowModal() != wxID_OK || q->GetSelection() < 0) return std::nullopt;
    const auto* e = qs[static_cast<std::size_t>(q->GetSelection())];
    return RoundForm{e->id, e->version, u8(period->GetValue().Strip(wxString::both)),
                     status->GetSelection() == 1 ? "draft" : "open"};
}

std::optional<RespondentForm> ask_respondent(wxWindow* parent, const Questionnaire& q) {
    FormDialog dlg(parent, _("Add a respondent"),
                   _("Each respondent answers on their own; their answers are combined in the results. The name and "
                     "email are optional and are left out of anonymised exports."));
    wxArrayString roles;
    for (const auto& r : q.roles) roles.push_back(wxs(r.name));
    roles.push_back(_("(no role)"));
    auto* role = dlg.add_choice(_("Role:"), roles, 0);
    auto* name = dlg.add_text(_("Name:"), {});
    auto* email = dlg.add_text(_("Email:"), {});
    dlg.finish();
    if (dlg.ShowModal() != wxID_OK) return std::nullopt;
    RespondentForm f;
    int r = role->GetSelection();
    if (r >= 0 && r < static_cast<int>(q.roles.size())) f.role = q.roles[static_cast<std::size_t>(r)].id;
    f.name = u8(name->GetValue().Strip(wxString::both));
    f.email = u8(email->GetValue().Strip(wxString::both));
    return f;
}

std::optional<TargetForm> ask_target(wxWindow* parent, const Framework& fw, const Dimension& d, std::optional<int> level,
                                     const std::string& by) {
    FormDialog dlg(parent, _("Set target"), wxString::Format(_("The level %s aims for, and by when."), wxs(d.name)));
    wxArrayString levels;
    int sel = static_cast<int>(fw.levels.size()) - 1;
    for (std::size_t i = 0; i < fw.levels.size(); ++i) {
        levels.push_back(wxString::Format(wxS("%d "), fw.levels[i].value) + wxs(fw.levels[i].name));
        if (level && fw.levels[i].value == *level) sel = static_cast<int>(i);
    }
    auto* lv = dlg.add_choice(_("Target level:"), levels, sel);
    auto* date = dlg.add_text(_("By:"), wxs(by), _("YYYY-MM-DD"));
    dlg.finish();
    if (dlg.ShowModal() != wxID_OK || lv->GetSelection() < 0) return std::nullopt;
    return TargetForm{fw.levels[static_cast<std::size_t>(lv->GetSelection())].value,
                      u8(date->GetValue().Strip(wxString::both))};
}

std::optional<store::ActionItem> ask_action_item(wxWindow* parent, const Framework& fw, const store::ActionItem& item,
                                                 const std::vector<const Action*>& offered) {
    const bool adding = item.action.empty();
    FormDialog dlg(parent, adding ? _("Adopt an action") : _("Edit action"),
                   adding ? _("Choose one of the framework's recommended actions for the action plan, or write your own.")
                          : wxString());
    wxChoice* which = nullptr;
    if (adding) {
        wxArrayString items;
        for (const Action* a : offered) {
            wxString dim;
            for (const auto& d : fw.dimensions)
                for (const auto& x : d.actions)
                    if (&x == a) dim = wxs(d.name);
            items.push_back(dim + wxString::Format(wxS(" %d\u2192%d: "), a->from, a->to) + wxs(a->title));
        }
        items.push_back(_("Write your own action"));  // always last, so offered[i] is row i
        which = dlg.add_choice(_("Action:"), items, 0);
    } else if (!item.own()) {
        for (const auto& d : fw.dimensions)
            for (const auto& x : d.actions)
                if (x.id == item.action) dlg.add_note(wxs(x.title));
    }
    // The council's own action: its title and, if it chooses, a dimension.
    wxTextCtrl* title = nullptr;
    wxChoice* dimension = nullptr;
    wxStaticText* title_reason = nullptr;
    if (adding || item.own()) {
        title = dlg.add_text(_("Title:"), wxs(item.title), _("what is to be done"));
        title->SetName(_("Title"));
        title_reason = dlg.add_reason(_("Title"));
        wxArrayString dims;
        dims.push_back(_("No dimension"));
        int dim_sel = 0;
        for (std::size_t i = 0; i < fw.dimensions.size(); ++i) {
            dims.push_back(wxs(fw.dimensions[i].name));
            if (fw.dimensions[i].id == item.dimension) dim_sel = static_cast<int>(i) + 1;
        }
        dimension = dlg.add_choice(_("Dimension:"), dims, dim_sel);
    }
    auto own_chosen = [&] { return which ? which->GetSelection() == static_cast<int>(offered.size()) : item.own(); };
    auto* owner = dlg.add_text(_("Owner:"), wxs(item.owner), _("who is responsible"));
    auto* due = dlg.add_text(_("Due:"), wxs(item.due), _("YYYY-MM-DD"));
    const char* statuses[] = {"not-started", "in-progress", "done", "dropped"};
    wxArrayString st;
    int sel = 0;
    for (int i = 0; i < 4; ++i) {
        st.push_back(status_label(statuses[i]));
        if (item.status == statuses[i]) sel = i;
    }
    auto* status = dlg.add_choice(_("Status:"), st, sel);
    auto* notes = dlg.add_text(_("Notes:"), wxs(item.notes), {}, true);
    dlg.finish();
    std::optional<FieldCheck> check;
    if (title) {
        check.emplace(&dlg, dlg.FindWindow(wxID_OK));
        check->watch(title, title_reason, [&]() -> wxString {
            const bool own = own_chosen();
            title->Enable(own);
            dimension->Enable(own);
            if (!own) return {};
            const std::string text = u8(title->GetValue().Strip(wxString::both));
            if (text.empty()) return _("Write what is to be done.");
            return wxs(text_problem(TextField::ActionTitle, text));
        });
        if (which) which->Bind(wxEVT_CHOICE, [&](wxCommandEvent& e) {
            check->update();
            e.Skip();
        });
        check->update();
    }
    if (dlg.ShowModal() != wxID_OK) return std::nullopt;
    store::ActionItem out = item;
    if (own_chosen()) {
        if (check && !check->valid()) return std::nullopt;
        out.title = u8(title->GetValue().Strip(wxString::both));
        const int d = dimension->GetSelection();
        out.dimension = d > 0 ? fw.dimensions[static_cast<std::size_t>(d - 1)].id : std::string();
    } else if (which) {
        if (which->GetSelection() < 0) return std::nullopt;
        out.action = offered[static_cast<std::size_t>(which->GetSelection())]->id;
    }
    out.owner = u8(owner->GetValue().Strip(wxString::both));
    out.due = u8(due->GetValue().Strip(wxString::both));
    out.status = statuses[status->GetSelection() < 0 ? 0 : status->GetSelection()];
    out.notes = u8(notes->GetValue());
    return out;
}

std::optional<CsvImportForm> ask_csv_import(wxWindow* parent, const std::vector<store::OrgRecord>& orgs,
                                            const std::string& organisation, const wxArrayString& questionnaires) {
    FormDialog dlg(parent, _("Import a survey CSV"),
                   _("A Microsoft Forms, Google Forms or SurveyMonkey export, one row per respondent, into one round. "
                     "Nothing is written unless the whole file is valid (or invalid rows are skipped and listed)."));
    wxArrayString names;
    int sel = 0;
    for (std::size_t i = 0; i < orgs.size(); ++i) {
        names.push_back(wxs(orgs[i].name));
        if (orgs[i].id == organisation) sel = static_cast<int>(i);
    }
    auto* org = dlg.add_choice(_("Organisation:"), names, sel);
    auto* period = dlg.add_text(_("Period:"), {}, _("2026"));
    wxArrayString qs = questionnaires;
    qs.Insert(_("(named in the mapping file)"), 0);
    auto* q = dlg.add_choice(_("Questionnaire:"), qs, qs.size() > 1 ? 1 : 0);
    auto* mapping = dlg.add_text(_("Mapping file:"), {}, _("optional: a yardstick-csv-mapping/1 file"));
    auto* skip = dlg.add_check(_("Import the valid rows and list the skipped ones"), false);
    dlg.finish();
    if (dlg.ShowModal() != wxID_OK || org->GetSelection() < 0) return std::nullopt;
    CsvImportForm f;
    f.organisation = orgs[static_cast<std::size_t>(org->GetSelection())].id;
    f.period = u8(period->GetValue().Strip(wxString::both));
    if (q->GetSelection() > 0) {
        wxString s = qs[static_cast<std::size_t>(q->GetSelection())];
        f.questionnaire = u8(s.BeforeFirst(' '));
    }
    f.mapping = u8(mapping->GetValue().Strip(wxString::both));
    f.skip_invalid = skip->GetValue();
    return f;
}

}  // namespace ys::gui
