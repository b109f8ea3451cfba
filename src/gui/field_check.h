#pragma once
// Checks a dialog's fields as the user types, instead of refusing the whole form after OK.
// A dialog registers each field with a rule (empty text when the value is fine, else the
// reason in plain words, e.g. "Type a date as dd/mm/yyyy"); every text, choice, date, spin
// or tick-box change anywhere in the dialog checks every rule again, shows each reason in a
// label beside its field and enables OK only when no rule has a reason. Nothing typed is
// ever changed or cleared: the user corrects it in place.
//
//   FieldCheck check(dialog, dialog->FindWindow(wxID_OK));
//   check.watch(name_ctrl, name_reason_label, [=] { return name_ctrl->IsEmpty() ? _("Type a name.") : wxString(); });
//   check.update();   // once the form is filled, before ShowModal
//
// FormDialog (dialogs.h) holds one and places the reason labels itself (FormDialog::require).
#include <functional>
#include <vector>

#include <wx/string.h>

class wxCommandEvent;
class wxStaticText;
class wxWindow;

namespace ys::gui {

// A rule: empty when the field is fine, else why not and what to type instead.
using FieldRule = std::function<wxString()>;

// A rule about several fields at once (e.g. "ends before it starts"): the field to mark
// (one of those watched) and the reason, or a null field and empty text when all is well.
struct FieldReason {
    wxWindow* field = nullptr;
    wxString reason;
};
using FormRule = std::function<FieldReason()>;

// A label for a field's reason: empty and hidden until there is one, in an error colour
// readable on light and dark themes, named "<field name> problem" for screen readers and tests.
wxStaticText* make_reason_label(wxWindow* parent, const wxString& field_name);

class FieldCheck {
public:
    // `dialog` is the window whose changes are watched (events from its children reach it);
    // `ok` is enabled only while every rule is satisfied (may be null, or set later).
    explicit FieldCheck(wxWindow* dialog, wxWindow* ok = nullptr);
    ~FieldCheck();
    FieldCheck(const FieldCheck&) = delete;
    FieldCheck& operator=(const FieldCheck&) = delete;

    void set_ok(wxWindow* ok);
    // A field, the label its reason is shown in, and its rule. Several rules may watch one field
    // (the first reason is shown).
    void watch(wxWindow* field, wxStaticText* reason_label, FieldRule rule);
    // A rule over several fields; its reason goes to the label of the field it names (which
    // must be watched, possibly with a rule that is always fine).
    void watch_form(FormRule rule);

    // Checks every rule now: shows or hides each reason, enables or disables OK. Returns the
    // first problem in the order the fields were watched (null field when none).
    FieldReason update();
    bool valid() { return update().field == nullptr; }
    // The reason shown for `field` now (empty when none).
    wxString reason_for(const wxWindow* field) const;
    // Every reason shown now, one per line, in field order (empty when the form is valid).
    wxString reasons() const;

private:
    struct Field {
        wxWindow* window;
        wxStaticText* label;
        std::vector<FieldRule> rules;
        wxString reason;
    };
    Field* find(const wxWindow* w);
    void on_change(wxCommandEvent& e);
    wxWindow* dialog_;
    wxWindow* ok_;
    std::vector<Field> fields_;
    std::vector<FormRule> form_rules_;
    bool updating_ = false;
};

}  // namespace ys::gui
