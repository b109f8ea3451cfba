#pragma once
// Undoable edits (Edit > Undo / Redo): each remembers what was stored before and puts it
// back through the same store function. An edit whose earlier state the store cannot
// express again (a target that did not exist, a field that was empty) is done but says it
// cannot be undone, rather than pretending.
#include <functional>
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
    bool CanUndo() const override { return before_.has_value() || !done_once_; }

private:
    Host& host_;
    store::TargetRecord target_;
    std::optional<store::TargetRecord> before_;
    bool done_once_ = false;
};

class SaveActionItemCommand : public wxCommand {
public:
    SaveActionItemCommand(Host& host, store::ActionItem item);
    bool Do() override;
    bool Undo() override;
    bool CanUndo() const override;

private:
    Host& host_;
    store::ActionItem item_;
    std::optional<store::ActionItem> before_;
    bool done_once_ = false;
};

}  // namespace ys::gui
