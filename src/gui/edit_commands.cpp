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
    if (!before_) return false;
    Session& s = host_.session();
    bool ok = guarded(host_.window(), s.path(), _("The target was not put back."), [&] { store::set_target(s.db(), *before_); });
    if (ok) host_.data_changed();
    return ok;
}

SaveActionItemCommand::SaveActionItemCommand(Host& host, store::ActionItem item)
    : wxCommand(true, wxString::Format(_("Edit action %s"), wxs(item.action))), host_(host), item_(std::move(item)) {}

bool SaveActionItemCommand::Do() {
    Session& s = host_.session();
    bool ok = guarded(host_.window(), s.path(), _("The action was not saved."), [&] {
        if (!done_once_) {
            before_.reset();
            for (const auto& a : store::list_action_items(s.db(), item_.round))
                if (a.action == item_.action) before_ = a;
        }
        store::save_action_item(s.db(), item_);
    });
    if (ok) {
        done_once_ = true;
        host_.data_changed();
    }
    return ok;
}

bool SaveActionItemCommand::CanUndo() const {
    if (!done_once_) return true;
    // The store keeps a field when given an empty one, so an empty field cannot come back.
    if (!before_) return false;
    auto restorable = [](const std::string& was, const std::string& now) { return !was.empty() || now.empty(); };
    return restorable(before_->owner, item_.owner) && restorable(before_->due, item_.due) &&
           restorable(before_->notes, item_.notes);
}

bool SaveActionItemCommand::Undo() {
    if (!CanUndo()) return false;
    Session& s = host_.session();
    bool ok = guarded(host_.window(), s.path(), _("The action was not put back."), [&] { store::save_action_item(s.db(), *before_); });
    if (ok) host_.data_changed();
    return ok;
}

}  // namespace ys::gui
