#pragma once
// Assessments: the selected organisation's rounds with their status and counts; start a
// round, open one to answer, close or reopen it.
#include <functional>
#include <string>
#include <vector>

#include "page.h"
#include "rounds.h"

class wxButton;
class wxListCtrl;
class wxStaticText;

namespace ys::gui {

class AssessmentsPage : public Page {
public:
    AssessmentsPage(wxWindow* parent, Host& host);
    void refresh() override;
    // The round chosen in the list ("" when none).
    std::string selected_round() const;
    void select_round(const std::string& id);
    const std::vector<store::RoundRecord>& rounds() const { return rounds_; }
    // Called to open the walk-through of a round (set by the main window).
    std::function<void(const std::string& round)> on_answer;
    // Called when another round is chosen in the list.
    std::function<void(const std::string& round)> on_round_selected;

    void new_round();
    void set_status_of_selected(const std::string& status);

private:
    wxStaticText* heading_;
    wxListCtrl* list_;
    wxButton *new_, *answer_, *close_;
    std::vector<store::RoundRecord> rounds_;
};

}  // namespace ys::gui
