#include "answer_commands.h"

#include "wx_utf8.h"  // first: the UTF-8 _()

#include "guard.h"
#include "host.h"
#include "rounds.h"
#include "session.h"

namespace ys::gui {

SetAnswerCommand::SetAnswerCommand(Host& host, wxWindow* parent, std::string round, std::string respondent, std::string question,
                                   nlohmann::json answer, std::int64_t answered_at, const wxString& label)
    : wxCommand(true, label),
      host_(host),
      parent_(parent),
      round_(std::move(round)),
      respondent_(std::move(respondent)),
      question_(std::move(question)),
      answer_(std::move(answer)),
      answered_at_(answered_at) {}

bool SetAnswerCommand::Do() {
    Session& s = host_.session();
    wxWindow* parent = done_once_ ? host_.window() : parent_;
    bool ok = guarded(parent, s.path(), _("The answer was not saved."), [&] {
        // The earlier answer is read once: a redo must not mistake its own first write for it.
        if (!done_once_) before_ = store::find_answer(s.db(), round_, respondent_, question_);
        store::set_answer(s.db(), round_, respondent_, question_, answer_, answered_at_);
    });
    if (!ok) return false;
    // The walk-through that gave the answer keeps its own copy; a redo tells it.
    if (done_once_) host_.answer_changed(round_, respondent_, question_);
    done_once_ = true;
    return true;
}

bool SetAnswerCommand::Undo() {
    Session& s = host_.session();
    bool ok = guarded(host_.window(), s.path(), _("The earlier answer was not put back."), [&] {
        if (before_) store::set_answer(s.db(), round_, respondent_, question_, before_->answer, before_->answered_at);
        else store::remove_answer(s.db(), round_, respondent_, question_);
    });
    if (ok) host_.answer_changed(round_, respondent_, question_);
    return ok;
}

ImportCommand::ImportCommand(Host& host, store::ImportUndo undo, const wxString& label)
    : wxCommand(true, label), host_(host), undo_(std::move(undo)) {}

bool ImportCommand::Do() {
    Session& s = host_.session();
    bool ok = guarded(host_.window(), s.path(), _("The import was not put back."), [&] { store::redo_import(s.db(), undo_); });
    if (ok) host_.organisations_changed();
    return ok;
}

bool ImportCommand::Undo() {
    Session& s = host_.session();
    bool ok = guarded(host_.window(), s.path(), _("The import was not undone."), [&] { store::undo_import(s.db(), undo_); });
    if (ok) host_.organisations_changed();
    return ok;
}

}  // namespace ys::gui
