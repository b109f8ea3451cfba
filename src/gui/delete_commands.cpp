#include "delete_commands.h"

#include "wx_utf8.h"  // first: the UTF-8 _()

#include "guard.h"
#include "host.h"
#include "session.h"

namespace ys::gui {

namespace {

// Runs one store step for a command; on success tells the window what changed.
template <class F>
bool step(Host& host, const wxString& doing, bool organisations, F&& f) {
    Session& s = host.session();
    bool ok = guarded(host.window(), s.path(), doing, std::forward<F>(f));
    if (ok) organisations ? host.organisations_changed() : host.data_changed();
    return ok;
}

}  // namespace

DeleteRoundCommand::DeleteRoundCommand(Host& host, std::string round, const wxString& label)
    : wxCommand(true, label), host_(host), round_(std::move(round)) {}

bool DeleteRoundCommand::Do() {
    return step(host_, _("The round was not deleted."), false, [&] { copy_ = store::delete_round(host_.session().db(), round_); });
}

bool DeleteRoundCommand::Undo() {
    if (!copy_) return false;
    return step(host_, _("The round was not put back."), false, [&] { store::restore_round(host_.session().db(), *copy_); });
}

DeleteRespondentCommand::DeleteRespondentCommand(Host& host, std::string round, std::string key, const wxString& label)
    : wxCommand(true, label), host_(host), round_(std::move(round)), key_(std::move(key)) {}

bool DeleteRespondentCommand::Do() {
    return step(host_, _("The respondent was not deleted."), false,
                [&] { copy_ = store::delete_respondent(host_.session().db(), round_, key_); });
}

bool DeleteRespondentCommand::Undo() {
    if (!copy_) return false;
    return step(host_, _("The respondent was not put back."), false, [&] { store::restore_respondent(host_.session().db(), *copy_); });
}

DeleteOrganisationCommand::DeleteOrganisationCommand(Host& host, std::string id, const wxString& label)
    : wxCommand(true, label), host_(host), id_(std::move(id)) {}

bool DeleteOrganisationCommand::Do() {
    return step(host_, _("The organisation was not deleted."), true,
                [&] { copy_ = store::delete_organisation(host_.session().db(), id_); });
}

bool DeleteOrganisationCommand::Undo() {
    if (!copy_) return false;
    return step(host_, _("The organisation was not put back."), true,
                [&] { store::restore_organisation(host_.session().db(), *copy_); });
}

DeleteRecordCommand::DeleteRecordCommand(Host& host, const wxString& label, Step remove, Step put_back, wxString not_removed,
                                         wxString not_put_back)
    : wxCommand(true, label),
      host_(host),
      remove_(std::move(remove)),
      put_back_(std::move(put_back)),
      not_removed_(std::move(not_removed)),
      not_put_back_(std::move(not_put_back)) {}

bool DeleteRecordCommand::Do() {
    return step(host_, not_removed_, false, [&] { remove_(host_.session().db()); });
}

bool DeleteRecordCommand::Undo() {
    return step(host_, not_put_back_, false, [&] { put_back_(host_.session().db()); });
}

// Each keeps the record as it was, to put back.
DeleteTargetCommand::DeleteTargetCommand(Host& host, const store::TargetRecord& t, const wxString& dimension_name)
    : DeleteRecordCommand(
          host, wxString::Format(_("Delete target for %s"), dimension_name),
          [t](store::Connection& c) { store::remove_target(c, t.organisation, t.framework, t.dimension); },
          [t](store::Connection& c) { store::set_target(c, t); }, _("The target was not deleted."), _("The target was not put back.")) {}

DeleteActionItemCommand::DeleteActionItemCommand(Host& host, const store::ActionItem& item, const wxString& title)
    : DeleteRecordCommand(
          host, wxString::Format(_("Delete action %s"), title),
          [item](store::Connection& c) { store::remove_action_item(c, item.round, item.action); },
          [item](store::Connection& c) { store::replace_action_item(c, item); }, _("The action was not deleted."),
          _("The action was not put back.")) {}

PutPeerGroupCommand::PutPeerGroupCommand(Host& host, store::PeerGroup after, const wxString& label)
    : wxCommand(true, label), host_(host), after_(std::move(after)) {}

bool PutPeerGroupCommand::Do() {
    bool ok = step(host_, _("The peer group was not changed."), false, [&] {
        // The earlier state is read once: a redo must not mistake its own first write for it.
        if (!done_once_) before_ = store::find_peer_group(host_.session().db(), after_.id);
        store::put_peer_group(host_.session().db(), after_);
    });
    if (ok) done_once_ = true;
    return ok;
}

bool PutPeerGroupCommand::Undo() {
    return step(host_, _("The peer group was not put back."), false, [&] {
        if (before_) store::put_peer_group(host_.session().db(), *before_);
        else store::delete_peer_group(host_.session().db(), after_.id);
    });
}

DeletePeerGroupCommand::DeletePeerGroupCommand(Host& host, std::string id, const wxString& label)
    : wxCommand(true, label), host_(host), id_(std::move(id)) {}

bool DeletePeerGroupCommand::Do() {
    return step(host_, _("The peer group was not deleted."), false, [&] { copy_ = store::delete_peer_group(host_.session().db(), id_); });
}

bool DeletePeerGroupCommand::Undo() {
    if (!copy_) return false;
    return step(host_, _("The peer group was not put back."), false, [&] { store::put_peer_group(host_.session().db(), *copy_); });
}

}  // namespace ys::gui
