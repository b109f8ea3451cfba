#pragma once
// The walk-through's question list: each section with the questions asked now (numbered as
// "Question n of m" counts them), a tick before each answered one and "answered/asked" after
// each section. Choosing a question goes to it; choosing a section goes to its first
// unanswered question (its first question when all are answered).
#include <functional>
#include <vector>

#include <wx/treectrl.h>

#include "answers.h"
#include "questionnaire.h"

namespace ys::gui {

class QuestionList : public wxTreeCtrl {
public:
    explicit QuestionList(wxWindow* parent);

    // The questions asked now (`shown`, in order), which of them are answered (`answer`) and
    // the current one (-1: none, such as when finished). Rebuilds only when `shown` changed,
    // so that the list keeps its scroll position while answers come in.
    void fill(const Questionnaire& q, const std::vector<int>& shown, const std::function<const Answer*(int)>& answer,
              int current);

    // A question's and a section's row as shown (tests); empty when not listed.
    wxString question_label(int question) const;
    wxString section_label(int section) const;
    // The rows themselves (tests click them); not ok when not listed.
    wxTreeItemId question_item(int question) const;
    wxTreeItemId section_item(int section) const;
    // Where choosing a section goes (-1 when none of its questions is asked).
    int section_target(int section) const;

    std::function<void(int question)> on_jump;  // a question was chosen, or a section's target

private:
    struct Row {
        wxTreeItemId item;
        int question = -1;  // -1 for a section row
        int section = -1;
        int target = -1;  // the question this row goes to
        wxString tip;     // the whole question
    };
    const Row* row_of(const wxTreeItemId& item) const;
    void select_current(int current);

    std::vector<Row> rows_;
    std::vector<int> shown_;
    bool filling_ = false;  // selection changes made here are not the user's
};

}  // namespace ys::gui
