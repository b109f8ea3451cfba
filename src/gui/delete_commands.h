#pragma once
// Undoable deletes (Edit > Undo / Redo) and peer-group edits. A delete copies what it
// takes in the same store transaction (snapshots.h); Undo puts the copy back exactly, Redo
// deletes again (copying afresh, so a redo after other edits copies what is there then).
#include <optional>
#include <string>

#include <wx/cmdproc.h>

#include "action_items.h"
#include "peer_groups.h"
#include "rounds.h"
#include "snapshots.h"

namespace ys::gui {

class Host;

class DeleteRoundCommand : public wxCommand {
public:
    DeleteRoundCommand(Host& host, std::string round, const wxString& label);
    bool Do() override;
    bool Undo() override;

private:
    Host& host_;
    std::string round_;
    std::optional<store::RoundSnapshot> copy_;
};

class DeleteRespondentCommand : public wxCommand {
public:
    DeleteRespondentCommand(Host& host, std::string round, std::string key, const wxString& label);
    bool Do() override;
    bool Undo() override;

private:
    Host& host_;
    std::string round_, key_;
    std::optional<store::RespondentSnapshot> copy_;
};

class DeleteOrganisationCommand : public wxCommand {
public:
    DeleteOrganisationCommand(Host& host, std::string id, const wxString& label);
    bool Do() override;
    bool Undo() override;

private:
    Host& host_;
    std::string id_;
    std::optional<store::OrganisationSnapshot> copy_;
};

class DeleteTargetCommand : public wxCommand {
public:
    DeleteTargetCommand(Host& host, store::TargetRecord target, const wxString& dimension_name);
    bool Do() override;
    bool Undo() override;

private:
    Host& host_;
    store::TargetRecord target_;  // as it was, to put back
};

class DeleteActionItemCommand : public wxCommand {
public:
    DeleteActionItemCommand(Host& host, store::ActionItem item, const wxString& title);
    bool Do() override;
    bool Undo() override;

private:
    Host& host_;
    store::ActionItem item_;  // as it was, to put back
};

// Makes a peer group exactly `after` (a new group, a new name, a member added or taken
// out); Undo puts back what it was, or deletes a group this made.
class PutPeerGroupCommand : public wxCommand {
public:
    PutPeerGroupCommand(Host& host, store::PeerGroup after, const wxString& label);
    bool Do() override;
    bool Undo() override;

private:
    Host& host_;
    store::PeerGroup after_;
    std::optional<store::PeerGroup> before_;
    bool done_once_ = false;
};

class DeletePeerGroupCommand : public wxCommand {
public:
    DeletePeerGroupCommand(Host& host, std::string id, const wxString& label);
    bool Do() override;
    bool Undo() override;

private:
    Host& host_;
    std::string id_;
    std::optional<store::PeerGroup> copy_;
};

}  // namespace ys::gui
