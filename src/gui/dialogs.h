#pragma once
// Small forms: each asks for what one store operation needs and returns it, or nothing
// when cancelled. Each field is checked as the user types (field_check.h): the reason shows
// beside the field and OK stays disabled until the form is valid, so the store's own
// refusals are left for what only it can know.
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <wx/arrstr.h>
#include <wx/dialog.h>

#include "action_items.h"
#include "field_check.h"
#include "field_limits.h"
#include "framework.h"
#include "organisations.h"
#include "questionnaire.h"

class wxBoxSizer;
class wxCheckBox;
class wxTextCtrl;
class wxChoice;
class wxFlexGridSizer;
class wxSpinCtrl;
class wxSpinCtrlDouble;
class wxStaticText;
class wxTextCtrl;

namespace ys {
class Catalogue;
}

namespace ys::gui {

class DateField;

// A dialog of labelled rows. Each control is named after its label, so a screen reader
// (and a test) finds it by name.
class FormDialog : public wxDialog {
public:
    FormDialog(wxWindow* parent, const wxString& title, const wxString& intro = {});
    wxTextCtrl* add_text(const wxString& label, const wxString& value, const wxString& hint = {}, bool multiline = false);
    wxChoice* add_choice(const wxString& label, const wxArrayString& items, int selection);
    wxSpinCtrl* add_integer(const wxString& label, int value, int min, int max);
    wxSpinCtrlDouble* add_number(const wxString& label, double value, double min, double max, double step);
    wxCheckBox* add_check(const wxString& label, bool value);
    // A date shown and typed as dd/mm/yyyy with a calendar to pick from; `iso` YYYY-MM-DD or "".
    // Checked as the user types: a real date, or empty when `optional`.
    DateField* add_date(const wxString& label, const std::string& iso, bool optional);
    void add_note(const wxString& text);
    // A rule for one field, checked as the user types: its reason (empty when fine) shows
    // beside the field and OK is disabled while any rule has one.
    void require(wxWindow* control, FieldRule rule);
    // A rule over the whole form, checked as the user types: a problem in plain words and
    // the control it is about (one added to this form), shown beside that control.
    struct Problem {
        wxWindow* control = nullptr;
        wxString text;
    };
    void set_check(std::function<Problem()> check);
    // The reason shown beside `control` now (empty when none), and the first reason shown
    // in the form (empty when the form is valid).
    wxString reason_for(const wxWindow* control) const;
    wxString problem_text() const;
    FieldCheck& field_check() { return *check_; }
    // Shows the dialog until it is cancelled or OK is pressed with no problem; true for OK.
    bool run();
    // Adds OK and Cancel, checks the form once, focuses the first field and fits the dialog; call last.
    void finish();

private:
    void add_row(const wxString& label, wxWindow* control, bool grow = false);
    wxBoxSizer* top_;
    wxFlexGridSizer* grid_;
    std::unique_ptr<FieldCheck> check_;  // before the fields: it unbinds from this dialog when destroyed
    std::map<const wxWindow*, wxStaticText*> reason_labels_;
    wxWindow* first_field_ = nullptr;
    wxString problem_plain_;  // the first reason at the last check
};

std::optional<store::OrgRecord> ask_organisation(wxWindow* parent, const std::vector<store::OrgRecord>& existing,
                                                 const std::string& parent_id);

// The details of an existing organisation (name, type, region, ONS code), as when adding
// one; the id stays. Every field is set in the edit returned.
std::optional<store::OrgEdit> ask_edit_organisation(wxWindow* parent, const store::OrgRecord& org);

// Where `org` may move: every organisation in tree order with its depth, except itself and
// those under it (the store would refuse them as cycles).
struct ParentChoice {
    const store::OrgRecord* org;
    int depth;
};
std::vector<ParentChoice> parent_choices(const std::vector<store::OrgRecord>& orgs, const std::string& id);

// A new parent for `org`: an organisation's id, or "" for the top.
std::optional<std::string> ask_move_organisation(wxWindow* parent, const std::vector<store::OrgRecord>& orgs,
                                                 const store::OrgRecord& org);

struct RoundForm {
    std::string questionnaire_id, version, period, status;
};
std::optional<RoundForm> ask_new_round(wxWindow* parent, const Catalogue& catalogue, const wxString& organisation_name,
                                       const std::string& default_period);

struct RespondentForm {
    std::string role, name, email;
    std::string team, target_role, age_band;  // asked for an individual (skills) questionnaire only
};
std::optional<RespondentForm> ask_respondent(wxWindow* parent, const Questionnaire& q);

struct TargetForm {
    double level = 0;  // a level or half-way between two (2.5): the framework's scores are medians
    std::string by;
};
// Offers each level and each half-way point between two; a target set elsewhere at another
// fraction (2.3, from a targets file or the CLI) is offered as it is.
std::optional<TargetForm> ask_target(wxWindow* parent, const Framework& fw, const Dimension& d, std::optional<double> level,
                                     const std::string& by);

// An action-plan item: when `item.action` is empty the user picks one of `offered`, or
// "Write your own action" (a title, checked as typed, and a dimension or none); the result
// then has an empty action and a title (SaveActionItemCommand has the store choose its id).
std::optional<store::ActionItem> ask_action_item(wxWindow* parent, const Framework& fw, const store::ActionItem& item,
                                                 const std::vector<const Action*>& offered);

struct CsvImportForm {
    std::string organisation, period, questionnaire, mapping;
    bool skip_invalid = false;
};
std::optional<CsvImportForm> ask_csv_import(wxWindow* parent, const std::vector<store::OrgRecord>& orgs,
                                            const std::string& organisation, const Catalogue& catalogue);

const char* const* organisation_types();  // null-terminated, the store's list
// A text field's rule for FormDialog::require / FieldCheck: the store's limits for `field`
// (length, control characters), and when `required_reason` is given, not empty.
FieldRule text_rule(wxTextCtrl* t, TextField field, const wxString& required_reason = {});
wxString status_label(const std::string& status);  // "not-started" -> "Not started"

}  // namespace ys::gui
