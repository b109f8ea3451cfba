#pragma once
// Small forms: each asks for what one store operation needs and returns it, or nothing
// when cancelled. They check nothing the store checks; its message is shown instead.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <wx/arrstr.h>
#include <wx/dialog.h>

#include "action_items.h"
#include "framework.h"
#include "organisations.h"
#include "questionnaire.h"

class wxBoxSizer;
class wxCheckBox;
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
    void add_note(const wxString& text);
    // A label under the last row for FieldCheck's reason (field_check.h), hidden until needed.
    wxStaticText* add_reason(const wxString& field_name);
    // Checked when OK is pressed: a problem in plain words and the control it is about keep
    // the dialog open, with the words shown under the form and that control focused.
    struct Problem {
        wxWindow* control = nullptr;
        wxString text;
    };
    void set_check(std::function<Problem()> check) { check_ = std::move(check); }
    // The words of the last problem shown (empty when none).
    wxString problem_text() const;
    // Shows the dialog until it is cancelled or OK is pressed with no problem; true for OK.
    bool run();
    // Adds OK and Cancel and fits the dialog; call last.
    void finish();

private:
    void add_row(const wxString& label, wxWindow* control, bool grow = false);
    void show_problem(const Problem& p);
    wxBoxSizer* top_;
    wxFlexGridSizer* grid_;
    wxStaticText* problem_ = nullptr;
    wxString problem_plain_;  // unwrapped
    std::function<Problem()> check_;
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
};
std::optional<RespondentForm> ask_respondent(wxWindow* parent, const Questionnaire& q);

struct TargetForm {
    int level = 0;
    std::string by;
};
std::optional<TargetForm> ask_target(wxWindow* parent, const Framework& fw, const Dimension& d, std::optional<int> level,
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
                                            const std::string& organisation, const wxArrayString& questionnaires);

const char* const* organisation_types();  // null-terminated, the store's list
wxString status_label(const std::string& status);  // "not-started" -> "Not started"

}  // namespace ys::gui
