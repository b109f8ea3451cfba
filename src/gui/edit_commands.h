#pragma once
// Undoable edits (Edit > Undo / Redo): each remembers what was stored before and puts it
// back, or removes what it added when there was nothing before (a new target, a newly
// adopted action). Every such edit can be undone and redone.
#include <optional>
#include <string>

#include <wx/cmdproc.h>

#include "action_items.h"
#include "organisations.h"
#include "rounds.h"
#include "snapshots.h"

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

// Adds an organisation; Undo removes it again (it holds nothing yet).
class AddOrganisationCommand : public wxCommand {
public:
    AddOrganisationCommand(Host& host, store::OrgRecord org);
    bool Do() override;
    bool Undo() override;

private:
    Host& host_;
    store::OrgRecord org_;
};

// Changes an organisation's name, type, region or ONS code; Undo writes the earlier ones back.
class EditOrganisationCommand : public wxCommand {
public:
    EditOrganisationCommand(Host& host, std::string id, store::OrgEdit edit);
    bool Do() override;
    bool Undo() override;

private:
    Host& host_;
    std::string id_;
    store::OrgEdit edit_;
    std::optional<store::OrgRecord> before_;
};

// Moves an organisation under another ("" for the top); Undo puts it back under its old parent.
class MoveOrganisationCommand : public wxCommand {
public:
    MoveOrganisationCommand(Host& host, std::string id, std::string new_parent);
    bool Do() override;
    bool Undo() override;

private:
    Host& host_;
    std::string id_, new_parent_;
    std::optional<std::string> old_parent_;
};

// Starts a round; Undo takes it away again while it holds no answers (one answered since
// is deleted with Edit > Delete round, which names what goes). Redo puts back the same round.
class NewRoundCommand : public wxCommand {
public:
    NewRoundCommand(Host& host, std::string organisation, std::string period, nlohmann::json framework,
                    nlohmann::json questionnaire, std::string status, const wxString& label);
    bool Do() override;
    bool Undo() override;
    const std::string& round() const { return id_; }

private:
    Host& host_;
    std::string organisation_, period_, status_;
    nlohmann::json framework_, questionnaire_;
    std::string id_;
    std::optional<store::RoundSnapshot> copy_;
};

// Closes or reopens a round; Undo puts the earlier status back.
class SetRoundStatusCommand : public wxCommand {
public:
    SetRoundStatusCommand(Host& host, std::string round, std::string status, const wxString& label);
    bool Do() override;
    bool Undo() override;

private:
    Host& host_;
    std::string round_, status_;
    std::optional<std::string> before_;
};

}  // namespace ys::gui
