#pragma once
// Organisation > Peer groups: the groups organisations are compared in, created, renamed,
// filled (an organisation ticked is a member) and deleted. Every change is stored at once as
// an undoable command of the main window (Edit > Undo after closing, or Undo here).
#include <string>
#include <vector>

#include <wx/dialog.h>

#include "organisations.h"

class wxButton;
class wxCommand;
class wxCheckListBox;
class wxListBox;
class wxStaticText;

namespace ys::gui {

class Host;

class PeerGroupsDialog : public wxDialog {
public:
    PeerGroupsDialog(wxWindow* parent, Host& host);
    // What the dialog shows (read again from the store after every change).
    const std::vector<store::PeerGroup>& groups() const { return groups_; }
    const std::vector<store::OrgRecord>& organisations() const { return orgs_; }
    int selected_group() const;
    void select_group(int index);
    // What its buttons and ticks do, for the selected group; each returns false when it
    // changed nothing (cancelled, or refused with the reason shown).
    bool new_group(const std::string& name);
    bool rename_group(const std::string& name);
    bool delete_group();
    bool set_member(const std::string& organisation, bool member);
    bool undo();

private:
    void reload(const std::string& keep_group);
    void show_members();
    bool submit(wxCommand* command, const std::string& keep_group);
    Host& host_;
    std::vector<store::PeerGroup> groups_;
    std::vector<store::OrgRecord> orgs_;
    wxListBox* list_ = nullptr;
    wxCheckListBox* members_ = nullptr;
    wxStaticText* members_label_ = nullptr;
    wxButton *rename_ = nullptr, *delete_ = nullptr, *undo_ = nullptr;
};

// Shows the dialog over `parent`.
void show_peer_groups(Host& host, wxWindow* parent);

}  // namespace ys::gui
