#pragma once
// Assessments: the selected organisation's rounds with their status and counts; start a
// round, open one to answer, close or reopen it, set its scope. Answer files (such as those colleagues
// return from the offline form) dropped onto the page are imported.
#include <functional>
#include <string>
#include <vector>

#include "page.h"
#include "rounds.h"

class wxButton;
class wxWindow;
class wxListCtrl;
class wxStaticText;
class wxFileDropTarget;

namespace ys::gui {

class AssessmentsPage : public Page {
public:
    AssessmentsPage(wxWindow* parent, Host& host);
    void refresh() override;
    // The round chosen in the list ("" when none).
    std::string selected_round() const;
    // The list's tooltip, naming the round id (for the command line) when one is chosen.
    static wxString round_tooltip(const std::string& id);
    // The chosen round's record (nullptr when none is chosen).
    const store::RoundRecord* selected_record() const;
    // Whether the chosen round is open (answers may still come in).
    bool selected_round_is_open() const;
    void select_round(const std::string& id);
    const std::vector<store::RoundRecord>& rounds() const { return rounds_; }
    // Called to open the walk-through of a round (set by the main window).
    std::function<void(const std::string& round)> on_answer;
    // Called when another round is chosen in the list.
    std::function<void(const std::string& round)> on_round_selected;
    // Called to send a round's questionnaire as an offline form (set by the main window).
    std::function<void(const std::string& round)> on_send;
    // Called to show who has answered a round (set by the main window).
    std::function<void(const std::string& round)> on_status;
    // Called with the files dropped onto the page (set by the main window: it imports them);
    // returns whether it took them.
    std::function<bool(const std::vector<std::string>& files)> on_files_dropped;
    // The drop target of the round list (tests drop files through it).
    wxFileDropTarget* drop_target() const { return drop_target_; }

    void new_round();
    void set_status_of_selected(const std::string& status);

private:
    wxStaticText* heading_;
    wxListCtrl* list_;
    wxButton *new_, *answer_, *close_, *send_, *status_, *scope_;
    wxFileDropTarget* drop_target_ = nullptr;  // owned by the list
    std::vector<store::RoundRecord> rounds_;
};

}  // namespace ys::gui
