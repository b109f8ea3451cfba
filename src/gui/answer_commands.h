#pragma once
// Answers coming in, as undoable edits. An answer given in the walk-through: Edit > Undo puts back the answer
// (and note) the respondent had before, or the blank when there was none; Redo gives the answer
// again. Each answer stored is one step (a note saved with its answer is its own step).
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>
#include <wx/cmdproc.h>

#include "answer_edits.h"
#include "import_undo.h"

class wxWindow;

namespace ys::gui {

class Host;

class SetAnswerCommand : public wxCommand {
public:
    // `answer` as store::set_answer takes it; `parent` shows a first refusal (the walk-through).
    SetAnswerCommand(Host& host, wxWindow* parent, std::string round, std::string respondent, std::string question,
                     nlohmann::json answer, std::int64_t answered_at, const wxString& label);
    bool Do() override;
    bool Undo() override;

private:
    Host& host_;
    wxWindow* parent_;  // only for the first Do: it may be gone by an undo
    std::string round_, respondent_, question_;
    nlohmann::json answer_;
    std::int64_t answered_at_;
    std::optional<store::StoredAnswerEntry> before_;  // nothing: the question was blank
    bool done_once_ = false;
};

// An import already done (on the worker thread), stored in the undo list as one step: Undo
// takes back what it created and puts every round it changed back as it was; Redo puts the
// import's result back. Both refused, changing nothing, when a round changed since.
class ImportCommand : public wxCommand {
public:
    ImportCommand(Host& host, store::ImportUndo undo, const wxString& label);
    bool Do() override;  // only ever a redo: the import itself ran before
    bool Undo() override;

private:
    Host& host_;
    store::ImportUndo undo_;
};

}  // namespace ys::gui
