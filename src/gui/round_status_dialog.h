#pragma once
// Who has answered a round: its invitation list with whether and when each person
// returned answers, respondents who are not on the list, and coverage overall, by role and
// by department; importing the list from CSV and saving those still to reply as CSV for a
// mail merge (Yardstick sends no email). Everything shown comes from store::round_status.
#include <string>
#include <vector>

#include <wx/dialog.h>

#include "round_status.h"

class wxListCtrl;
class wxListEvent;
class wxStaticText;

namespace ys::gui {

class Host;

class RoundStatusDialog : public wxDialog {
public:
    RoundStatusDialog(wxWindow* parent, Host& host, const std::string& round);

    // Reads the status again and shows it; false (after saying why) when it could not.
    bool reload();
    // Imports an invitation list (CSV); every bad row is shown by row and column and
    // nothing is written. Returns whether the list went in.
    bool import_list(const std::string& csv_file);
    // Writes the CSV of those still to reply to `path` (refused when unsafe, asked before
    // replacing a file). Returns whether it was written.
    bool save_pending(const std::string& path);

    const store::RoundStatus& status() const { return status_; }
    wxListCtrl* invitees() const { return invitees_; }
    wxListCtrl* others() const { return others_; }
    wxListCtrl* coverage() const { return coverage_; }
    wxString summary_text() const;

private:
    void fill();
    void sort_invitees(int column);

    Host& host_;
    std::string round_;
    store::RoundStatus status_;
    int sort_column_ = 0;
    bool sort_ascending_ = true;
    wxStaticText* summary_ = nullptr;
    wxListCtrl *coverage_ = nullptr, *invitees_ = nullptr, *others_ = nullptr;
};

// The Assessments page's "Who has answered" for `round`, shown modally.
void show_round_status(Host& host, const std::string& round);

}  // namespace ys::gui
