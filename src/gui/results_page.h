#pragma once
// Results of a round: per dimension the score, level, target, gap and change since the
// previous round (scored by the store, store::score_stored_rounds), a radar chart of
// current, target and previous, targets set by editing, and the action plan.
#include <optional>
#include <string>
#include <vector>

#include "action_items.h"
#include "page.h"
#include "rounds.h"
#include "score_files.h"

class wxButton;
class wxChoice;
class wxListCtrl;
class wxListEvent;
class wxStaticText;

namespace ys::gui {

class ChartPanel;
class WrappingText;

class ResultsPage : public Page {
public:
    ResultsPage(wxWindow* parent, Host& host);
    void refresh() override;
    void select_round(const std::string& id);
    std::string round() const;
    const std::optional<ScoredRound>& scored() const { return scored_; }
    wxString summary_text() const;
    // The table as shown: one line per dimension, cells separated by tabs (tests, copying).
    wxString table_text() const;

    void edit_target();  // for the selected dimension
    void adopt_action();
    void edit_action();
    // Undoable (Edit > Undo): the selected dimension's target, the selected action.
    void delete_target();
    void delete_action();

private:
    void fill_table();
    void fill_actions();
    void draw_radar();
    int selected_dimension() const;

    wxChoice* rounds_choice_;
    WrappingText* summary_;
    wxListCtrl* table_;
    ChartPanel* radar_;
    wxListCtrl* actions_;
    wxButton *target_, *adopt_, *edit_;
    wxButton *untarget_ = nullptr, *remove_ = nullptr;
    std::vector<store::RoundRecord> rounds_;
    std::string wanted_round_;
    std::optional<ScoredRound> scored_;
    std::vector<store::ActionItem> items_;
    std::vector<int> rows_;  // framework dimension per table row
};

}  // namespace ys::gui
