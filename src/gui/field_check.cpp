#include "field_check.h"

#include <algorithm>

#include <wx/checkbox.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/dialog.h>
#include <wx/dateevt.h>
#include <wx/listbox.h>
#include <wx/radiobut.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/toplevel.h>

namespace ys::gui {

namespace {

// An error colour with enough contrast on the theme's window background.
wxColour reason_colour() {
    return wxSystemSettings::GetAppearance().IsDark() ? wxColour(0xff, 0x8a, 0x80) : wxColour(0xb0, 0x00, 0x20);
}

}  // namespace

wxStaticText* make_reason_label(wxWindow* parent, const wxString& field_name) {
    auto* l = new wxStaticText(parent, wxID_ANY, wxEmptyString);
    l->SetName(field_name + wxS(" problem"));
    l->SetForegroundColour(reason_colour());
    l->Hide();
    return l;
}

FieldCheck::FieldCheck(wxWindow* dialog, wxWindow* ok) : dialog_(dialog), ok_(ok) {
    // Command events from every control reach the dialog, so one binding per kind of change
    // covers fields added later and rules that read several fields.
    dialog_->Bind(wxEVT_TEXT, &FieldCheck::on_change, this);
    dialog_->Bind(wxEVT_CHOICE, &FieldCheck::on_change, this);
    dialog_->Bind(wxEVT_COMBOBOX, &FieldCheck::on_change, this);
    dialog_->Bind(wxEVT_CHECKBOX, &FieldCheck::on_change, this);
    dialog_->Bind(wxEVT_RADIOBUTTON, &FieldCheck::on_change, this);
    dialog_->Bind(wxEVT_LISTBOX, &FieldCheck::on_change, this);
    dialog_->Bind(wxEVT_CHECKLISTBOX, &FieldCheck::on_change, this);
    dialog_->Bind(wxEVT_SPINCTRL, &FieldCheck::on_change, this);
    dialog_->Bind(wxEVT_SPINCTRLDOUBLE, &FieldCheck::on_change, this);
    dialog_->Bind(wxEVT_DATE_CHANGED, &FieldCheck::on_change, this);
}

FieldCheck::~FieldCheck() {
    // The dialog may outlive this object (a member destroyed before its window's base).
    dialog_->Unbind(wxEVT_TEXT, &FieldCheck::on_change, this);
    dialog_->Unbind(wxEVT_CHOICE, &FieldCheck::on_change, this);
    dialog_->Unbind(wxEVT_COMBOBOX, &FieldCheck::on_change, this);
    dialog_->Unbind(wxEVT_CHECKBOX, &FieldCheck::on_change, this);
    dialog_->Unbind(wxEVT_RADIOBUTTON, &FieldCheck::on_change, this);
    dialog_->Unbind(wxEVT_LISTBOX, &FieldCheck::on_change, this);
    dialog_->Unbind(wxEVT_CHECKLISTBOX, &FieldCheck::on_change, this);
    dialog_->Unbind(wxEVT_SPINCTRL, &FieldCheck::on_change, this);
    dialog_->Unbind(wxEVT_SPINCTRLDOUBLE, &FieldCheck::on_change, this);
    dialog_->Unbind(wxEVT_DATE_CHANGED, &FieldCheck::on_change, this);
}

void FieldCheck::set_ok(wxWindow* ok) { ok_ = ok; }

FieldCheck::Field* FieldCheck::find(const wxWindow* w) {
    for (auto& f : fields_)
        if (f.window == w) return &f;
    return nullptr;
}

void FieldCheck::watch(wxWindow* field, wxStaticText* reason_label, FieldRule rule) {
    if (Field* f = find(field)) {
        if (!f->label) f->label = reason_label;
        if (rule) f->rules.push_back(std::move(rule));
        return;
    }
    Field f{field, reason_label, {}, {}, {}};
    if (rule) f.rules.push_back(std::move(rule));
    fields_.push_back(std::move(f));
}

void FieldCheck::watch_form(FormRule rule) { form_rules_.push_back(std::move(rule)); }

void FieldCheck::on_change(wxCommandEvent& e) {
    e.Skip();  // the dialog's own handlers (an id suggested from a name) still run
    update();
}

FieldReason FieldCheck::update() {
    if (updating_) return {};
    updating_ = true;
    for (auto& f : fields_) {
        f.reason.clear();
        for (const auto& rule : f.rules)
            if (f.reason = rule(); !f.reason.empty()) break;
    }
    for (const auto& rule : form_rules_) {
        FieldReason p = rule();
        if (!p.field || p.reason.empty()) continue;
        Field* f = find(p.field);
        if (!f) {
            fields_.push_back(Field{p.field, nullptr, {}, {}, {}});
            f = &fields_.back();
        }
        if (f->reason.empty()) f->reason = p.reason;
    }
    bool relayout = false;
    FieldReason first;
    for (auto& f : fields_) {
        if (!f.reason.empty() && !first.field) first = {f.window, f.reason};
        if (!f.label) continue;
        if (f.shown != f.reason) {
            f.shown = f.reason;
            f.label->SetLabel(f.reason);
            f.label->Wrap(f.label->FromDIP(320));
            relayout = true;
        }
        if (f.label->IsShown() == f.reason.empty()) {
            f.label->Show(!f.reason.empty());
            relayout = true;
        }
    }
    if (ok_) ok_->Enable(first.field == nullptr);
    if (relayout) {
        // Grow the window when a reason needs room; never shrink it under the user's hands.
        // Only a dialog grows: a panel of the main window (the roadmap's editor) lays itself out
        // again inside the window the user sized.
        wxWindow* top = wxGetTopLevelParent(dialog_);
        if (top && top->GetSizer() && wxDynamicCast(top, wxDialog)) {
            wxSize want = top->GetSizer()->ComputeFittingWindowSize(top);
            wxSize now = top->GetSize();
            if (want.x > now.x || want.y > now.y) top->SetSize(std::max(want.x, now.x), std::max(want.y, now.y));
            top->Layout();
        } else {
            dialog_->Layout();
            dialog_->FitInside();
        }
    }
    updating_ = false;
    return first;
}

wxString FieldCheck::reason_for(const wxWindow* field) const {
    for (const auto& f : fields_)
        if (f.window == field) return f.reason;
    return {};
}

wxString FieldCheck::reasons() const {
    wxString out;
    for (const auto& f : fields_) {
        if (f.reason.empty()) continue;
        if (!out.empty()) out += wxS("\n");
        out += f.reason;
    }
    return out;
}

}  // namespace ys::gui
