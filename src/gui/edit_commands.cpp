#include "edit_commands.h"

#include "wx_utf8.h"  // first: the UTF-8 _()

#include "guard.h"
#include "host.h"
#include "session.h"

namespace ys::gui {

SetTargetCommand::SetTargetCommand(Host& host, store::TargetRecord target)
    : wxCommand(true, wxString::Format(_("Set target for %s"), wxs(target.dimension))), host_(host), target_(std::move(target)) {}

bool SetTargetCommand::Do() {
    Session& s = host_.session();
    bool ok = guarded(host_.window(), s.path(), _("The target was not set."), [&] {
        // The earlier state is read once: a redo must not mistake its own first write for it.
        if (!done_once_) {
            before_.reset();
            for (const auto& t : store::list_targets(s.db(), target_.organisation))
                if (t.framework == target_.framework && t.dimension == target_.dimension) before_ = t;
        }
        store::set_target(s.db(), target_);
    });
    if (ok) {
        done_once_ = true;
        host_.data_changed();
    }
    return ok;
}

bool SetTargetCommand::Undo() {
    Session& s = host_.session();
    bool ok = guarded(host_.window(), s.path(), _("The target was not put back."), [&] {
        if (before_) store::set_target(s.db(), *before_);
        else store::remove_target(s.db(), target_.organisation, target_.framework, target_.dimension);
    });
    if (ok) host_.data_changed();
    return ok;
}

SaveActionItemCommand::SaveActionItemCommand(Host& host, store::ActionItem item)
    : wxCommand(true, wxString::Format(_("Edit action %s"), wxs(item.action))), host_(host), item_(std::move(item)) {}

bool SaveActionItemCommand::Do() {
    Session& s = host_.session();
    bool ok = guarded(host_.window(), s.path(), _("The action was not saved."), [&] {
        if (!done_once_) before_ = store::find_action_item(s.db(), item_.round, item_.action);
        // Exactly as the form left it: a field emptied in the form is cleared in the store.
        store::replace_action_item(s.db(), item_);
    });
    if (ok) {
        done_once_ = true;
        host_.data_changed();
    }
    return ok;
}

bool SaveActionItemCommand::Undo() {
    Session& s = host_.session();
    bool ok = guarded(host_.window(), s.path(), _("The action was not put back."), [&] {
        if (before_) store::replace_action_item(s.db(), *before_);
        else store::remove_action_item(s.db(), item_.round, item_.action);
    });
    if (ok) host_.data_changed();
    return ok;
}

}  // namespace ys::gui
