#pragma once
// Undoable deletes (Edit > Undo / Redo) and peer-group edits. A delete copies what it
// takes in the same store transaction (snapshots.h); Undo puts the copy back exactly, Redo
// deletes again (copying afresh, so a redo after other edits copies what is there then).
#include <functional>
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

// A record deleted whole and put back by Undo: the two store steps and what to say when each fails.
class DeleteRecordCommand : public wxCommand {
public:
    using Step = std::function<void(store::Connection&)>;
    DeleteRecordCommand(Host& host, const wxString& label, Step remove, Step put_back, wxString not_removed, wxString not_put_back);
    bool Do() override;
    bool Undo() override;

private:
    Host& host_;
    Step remove_, put_back_;
    wxString not_removed_, not_put_back_;
};

class DeleteTargetCommand : public DeleteRecordCommand {
public:
    DeleteTargetCommand(Host& host, const store::TargetRecord& target, const wxString& dimension_name);
};

class DeleteActionItemCommand : public DeleteRecordCommand {
public:
    DeleteActionItemCommand(Host& host, const store::ActionItem& item, const wxString& title);
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
