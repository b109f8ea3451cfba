#include "dialogs.h"

#include "wx_utf8.h"  // first: the UTF-8 _()

#include <algorithm>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "date_field.h"
#include "field_check.h"

// FormDialog: the labelled rows every small form of the app is made of (dialogs.h), each
// field checked as the user types.
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
    check_ = std::make_unique<FieldCheck>(this);
}

void FormDialog::add_row(const wxString& label, wxWindow* control, bool grow) {
    auto* l = new wxStaticText(this, wxID_ANY, label);
    // The field with its reason under it (hidden while there is none).
    wxString name = label;
    name.Replace(wxS(":"), wxEmptyString);
    auto* cell = new wxBoxSizer(wxVERTICAL);
    cell->Add(control, grow ? 1 : 0, wxEXPAND);
    auto* reason = make_reason_label(this, name);
    cell->Add(reason, 0, wxTOP, FromDIP(2));
    reason_labels_[control] = reason;
    // Level with the field, not with the middle of the field and its reason.
    const int drop = std::max(0, (control->GetBestSize().y - l->GetBestSize().y) / 2);
    grid_->Add(l, 0, wxALIGN_RIGHT | wxTOP, drop);
    grid_->Add(cell, grow ? 1 : 0, wxEXPAND);
    if (grow) grid_->AddGrowableRow(grid_->GetEffectiveRowsCount() - 1, 1);
    control->SetName(name);
    // GTK reads a control's accessible name from its mnemonic label; the tooltip repeats it.
    if (control->GetToolTipText().empty()) control->SetToolTip(name);
    l->MoveBeforeInTabOrder(control);
    if (!first_field_) first_field_ = control;
    check_->watch(control, reason, {});
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
    auto* cell = new wxBoxSizer(wxVERTICAL);
    cell->Add(c, 0);
    auto* reason = make_reason_label(this, label);
    cell->Add(reason, 0, wxTOP, FromDIP(2));
    reason_labels_[c] = reason;
    grid_->Add(cell, 0);
    if (!first_field_) first_field_ = c;
    check_->watch(c, reason, {});
    return c;
}

DateField* FormDialog::add_date(const wxString& label, const std::string& iso, bool optional) {
    auto* d = new DateField(this, iso);
    add_row(label, d);
    wxString name = d->GetName();
    require(d, [d, name, optional] { return d->problem(name, optional); });
    return d;
}

void FormDialog::add_note(const wxString& text) {
    grid_->AddSpacer(0);
    auto* t = new wxStaticText(this, wxID_ANY, text);
    t->Wrap(FromDIP(320));
    grid_->Add(t, 0);
}

void FormDialog::require(wxWindow* control, FieldRule rule) {
    auto it = reason_labels_.find(control);
    check_->watch(control, it == reason_labels_.end() ? nullptr : it->second, std::move(rule));
}

void FormDialog::set_check(std::function<Problem()> check) {
    check_->watch_form([this, check = std::move(check)]() -> FieldReason {
        Problem p = check();
        if (p.text.empty()) return {};
        // A problem about no field in particular is shown beside the first one.
        return {p.control && reason_labels_.count(p.control) ? p.control : first_field_, p.text};
    });
}

wxString FormDialog::reason_for(const wxWindow* control) const { return check_->reason_for(control); }

wxString FormDialog::problem_text() const { return problem_plain_; }

bool FormDialog::run() {
    // OK is disabled while there is a problem; checking again here also covers a dialog
    // ended some other way (a test's modal hook), which then sees the reasons shown.
    while (ShowModal() == wxID_OK) {
        FieldReason p = check_->update();
        problem_plain_ = p.reason;
        if (!p.field) return true;
        p.field->SetFocus();
    }
    return false;
}

void FormDialog::finish() {
    top_->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, FromDIP(10));
    check_->set_ok(FindWindow(wxID_OK));
    problem_plain_ = check_->update().reason;
    SetSizerAndFit(top_);
    // Typing starts in the first field, never on OK. A choice cannot take the focus before
    // the dialog is on screen, and GTK then gives it to the default button (OK): the first
    // field takes it again once the dialog is shown.
    if (first_field_) first_field_->SetFocus();
    Bind(wxEVT_SHOW, [this](wxShowEvent& e) {
        e.Skip();
        if (e.IsShown() && first_field_)
            CallAfter([this] {
                if (IsShown() && first_field_->IsEnabled()) first_field_->SetFocus();
            });
    });
    CentreOnParent();
}

}  // namespace ys::gui
