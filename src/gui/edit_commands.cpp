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
    : wxCommand(true, wxString::Format(_("Edit action %s"), wxs(item.own() ? item.title : item.action))),
      host_(host), item_(std::move(item)) {}

bool SaveActionItemCommand::Do() {
    Session& s = host_.session();
    bool ok = guarded(host_.window(), s.path(), _("The action was not saved."), [&] {
        if (!done_once_ && item_.action.empty()) {
            // A new own action: the store chooses its id (own-N) under the write lock; a redo
            // writes it back under the same id.
            item_.action = store::add_own_action_item(s.db(), item_);
            return;
        }
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

AddOrganisationCommand::AddOrganisationCommand(Host& host, store::OrgRecord org)
    : wxCommand(true, wxString::Format(_("Add organisation %s"), wxs(org.id))), host_(host), org_(std::move(org)) {}

bool AddOrganisationCommand::Do() {
    Session& s = host_.session();
    bool ok = guarded(host_.window(), s.path(), _("The organisation was not added."), [&] { store::add_organisation(s.db(), org_); });
    if (ok) host_.organisations_changed();
    return ok;
}

bool AddOrganisationCommand::Undo() {
    Session& s = host_.session();
    bool ok = guarded(host_.window(), s.path(), _("The organisation was not removed."), [&] { store::remove_organisation(s.db(), org_.id); });
    if (ok) host_.organisations_changed();
    return ok;
}

EditOrganisationCommand::EditOrganisationCommand(Host& host, std::string id, store::OrgEdit edit)
    : wxCommand(true, wxString::Format(_("Edit organisation %s"), wxs(id))), host_(host), id_(std::move(id)), edit_(std::move(edit)) {}

bool EditOrganisationCommand::Do() {
    Session& s = host_.session();
    bool ok = guarded(host_.window(), s.path(), _("The organisation was not changed."), [&] {
        if (!before_) before_ = store::find_organisation(s.db(), id_);
        store::edit_organisation(s.db(), id_, edit_);
    });
    if (ok) host_.organisations_changed();
    return ok;
}

bool EditOrganisationCommand::Undo() {
    if (!before_) return false;
    Session& s = host_.session();
    bool ok = guarded(host_.window(), s.path(), _("The organisation was not put back."), [&] {
        store::edit_organisation(s.db(), id_, {before_->name, before_->type, before_->region, before_->ons_code});
    });
    if (ok) host_.organisations_changed();
    return ok;
}

MoveOrganisationCommand::MoveOrganisationCommand(Host& host, std::string id, std::string new_parent)
    : wxCommand(true, wxString::Format(_("Move organisation %s"), wxs(id))), host_(host), id_(std::move(id)),
      new_parent_(std::move(new_parent)) {}

bool MoveOrganisationCommand::Do() {
    Session& s = host_.session();
    bool ok = guarded(host_.window(), s.path(), _("The organisation was not moved."), [&] {
        if (!old_parent_)
            if (auto o = store::find_organisation(s.db(), id_)) old_parent_ = o->parent;
        store::move_organisation(s.db(), id_, new_parent_);
    });
    if (ok) host_.organisations_changed();
    return ok;
}

bool MoveOrganisationCommand::Undo() {
    if (!old_parent_) return false;
    Session& s = host_.session();
    bool ok = guarded(host_.window(), s.path(), _("The organisation was not moved back."),
                      [&] { store::move_organisation(s.db(), id_, *old_parent_); });
    if (ok) host_.organisations_changed();
    return ok;
}

NewRoundCommand::NewRoundCommand(Host& host, std::string organisation, std::string period, nlohmann::json framework,
                                 nlohmann::json questionnaire, std::string status, const wxString& label)
    : wxCommand(true, label), host_(host), organisation_(std::move(organisation)), period_(std::move(period)),
      status_(std::move(status)), framework_(std::move(framework)), questionnaire_(std::move(questionnaire)) {}

bool NewRoundCommand::Do() {
    Session& s = host_.session();
    bool ok = guarded(host_.window(), s.path(), _("The round was not started."), [&] {
        if (copy_) store::restore_round(s.db(), *copy_);  // a redo: the very round undone
        else id_ = store::new_round(s.db(), organisation_, period_, framework_, questionnaire_, status_).id;
    });
    if (ok) host_.data_changed();
    return ok;
}

bool NewRoundCommand::Undo() {
    Session& s = host_.session();
    bool ok = guarded(host_.window(), s.path(), _("The round was not taken away."), [&] {
        // Answers given since are never lost to an undo: deleting them is asked for by name.
        if (store::get_round(s.db(), id_).respondents > 0)
            throw store::StoreError(store::StoreError::Kind::Invalid,
                                    "round \"" + id_ + "\" has answers now; delete it with Edit > Delete round, which names what goes");
        copy_ = store::delete_round(s.db(), id_);
    });
    if (ok) host_.data_changed();
    return ok;
}

SetRoundStatusCommand::SetRoundStatusCommand(Host& host, std::string round, std::string status, const wxString& label)
    : wxCommand(true, label), host_(host), round_(std::move(round)), status_(std::move(status)) {}

bool SetRoundStatusCommand::Do() {
    Session& s = host_.session();
    bool ok = guarded(host_.window(), s.path(), _("The round's status was not changed."), [&] {
        if (!before_) before_ = store::get_round(s.db(), round_).status;
        store::set_round_status(s.db(), round_, status_);
    });
    if (ok) host_.data_changed();
    return ok;
}

bool SetRoundStatusCommand::Undo() {
    if (!before_) return false;
    Session& s = host_.session();
    bool ok = guarded(host_.window(), s.path(), _("The round's status was not put back."),
                      [&] { store::set_round_status(s.db(), round_, *before_); });
    if (ok) host_.data_changed();
    return ok;
}

}  // namespace ys::gui
