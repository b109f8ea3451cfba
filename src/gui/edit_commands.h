#pragma once
// Undoable edits (Edit > Undo / Redo): each remembers what was stored before and puts it
// back, or removes what it added when there was nothing before (a new target, a newly
// adopted action). Every such edit can be undone and redone.
#include <optional>
#include <string>

#include <wx/cmdproc.h>

#include "action_items.h"
#include "rounds.h"

namespace ys::gui {

class Host;

class SetTargetCommand : public wxCommand {
public:
    SetTargetCommand(Host& host, store::TargetRecord target);
    bool Do() override;
    bool Undo() override;

private:
    Host& host_;
    store::TargetRecord target_;
    std::optional<store::TargetRecord> before_;  // nothing: the target did not exist
    bool done_once_ = false;
};

class SaveActionItemCommand : public wxCommand {
public:
    SaveActionItemCommand(Host& host, store::ActionItem item);
    bool Do() override;
    bool Undo() override;

private:
    Host& host_;
    store::ActionItem item_;
    std::optional<store::ActionItem> before_;  // nothing: the action was not in the plan
    bool done_once_ = false;
};

}  // namespace ys::gui
