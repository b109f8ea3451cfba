#include "peer_groups_dialog.h"

#include "wx_utf8.h"  // first: the UTF-8 _()

#include <algorithm>

#include <wx/button.h>
#include <wx/checklst.h>
#include <wx/cmdproc.h>
#include <wx/listbox.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "delete_commands.h"
#include "dialogs.h"
#include "field_check.h"
#include "guard.h"
#include "host.h"
#include "messages.h"
#include "peer_groups.h"
#include "session.h"

namespace ys::gui {

namespace {

// Asks for a group's name; empty when cancelled.
std::string ask_group_name(wxWindow* parent, const wxString& title, const std::string& value) {
    FormDialog dlg(parent, title, _("Organisations in a group are compared with one another on the Benchmark page."));
    auto* t = dlg.add_text(_("Name:"), wxs(value), _("Shire counties"));
    auto empty = [t] { return wxString(t->GetValue()).Strip(wxString::both).empty(); };
    dlg.set_check([t, empty]() -> FormDialog::Problem {
        if (empty()) return {t, _("Name: give the group a name.")};
        return {};
    });
    dlg.finish();
    // Checked as the user types: OK waits for a name, and the reason shows under the form.
    auto* reason = make_reason_label(&dlg, _("Name"));
    wxSizer* top = dlg.GetSizer();
    top->Insert(top->GetItemCount() - 2, reason, 0, wxLEFT | wxRIGHT | wxTOP, dlg.FromDIP(10));
    FieldCheck check(&dlg, dlg.FindWindow(wxID_OK));
    check.watch(t, reason, [empty] { return empty() ? _("Type a name for the group.") : wxString(); });
    check.update();
    dlg.Fit();
    t->SetFocus();
    t->SelectAll();
    if (!dlg.run()) return {};
    return u8(t->GetValue().Strip(wxString::both));
}

}  // namespace

PeerGroupsDialog::PeerGroupsDialog(wxWindow* parent, Host& host)
    : wxDialog(parent, wxID_ANY, _("Peer groups"), wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      host_(host) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* intro = new wxStaticText(this, wxID_ANY,
                                   _("Choose a group on the left; tick the organisations in it on the right. Every change is kept at once."));
    intro->Wrap(FromDIP(520));
    top->Add(intro, 0, wxALL, FromDIP(10));
    auto* body = new wxBoxSizer(wxHORIZONTAL);
    auto* left = new wxBoxSizer(wxVERTICAL);
    left->Add(new wxStaticText(this, wxID_ANY, _("&Groups:")), 0, wxBOTTOM, FromDIP(4));
    list_ = new wxListBox(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(220, 260)));
    list_->SetName(_("Groups"));
    left->Add(list_, 1, wxEXPAND);
    auto* gbar = new wxBoxSizer(wxHORIZONTAL);
    auto* add = new wxButton(this, wxID_ANY, _("&New\u2026"));
    rename_ = new wxButton(this, wxID_ANY, _("&Rename\u2026"));
    delete_ = new wxButton(this, wxID_ANY, _("&Delete"));
    add->SetName(_("New group"));
    rename_->SetName(_("Rename group"));
    delete_->SetName(_("Delete group"));
    for (auto* b : {add, rename_, delete_}) gbar->Add(b, 0, wxTOP | wxRIGHT, FromDIP(6));
    left->Add(gbar, 0);
    body->Add(left, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(10));
    auto* right = new wxBoxSizer(wxVERTICAL);
    members_label_ = new wxStaticText(this, wxID_ANY, _("&Members:"));
    right->Add(members_label_, 0, wxBOTTOM, FromDIP(4));
    members_ = new wxCheckListBox(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(300, 260)));
    members_->SetName(_("Members"));
    right->Add(members_, 1, wxEXPAND);
    body->Add(right, 1, wxEXPAND | wxRIGHT, FromDIP(10));
    top->Add(body, 1, wxEXPAND);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    undo_ = new wxButton(this, wxID_UNDO, _("&Undo"));
    buttons->Add(undo_, 0);
    buttons->AddStretchSpacer();
    buttons->Add(new wxButton(this, wxID_CLOSE, _("Close")), 0);
    top->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(10));
    SetSizerAndFit(top);
    SetEscapeId(wxID_CLOSE);
    SetAffirmativeId(wxID_CLOSE);

    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        std::string name = ask_group_name(this, _("New peer group"), {});
        if (!name.empty()) new_group(name);
    });
    rename_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        int g = selected_group();
        if (g < 0) return;
        std::string name = ask_group_name(this, _("Rename peer group"), groups_[static_cast<std::size_t>(g)].name);
        if (!name.empty()) rename_group(name);
    });
    delete_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        int g = selected_group();
        if (g < 0) return;
        const auto& group = groups_[static_cast<std::size_t>(g)];
        wxString text = wxString::Format(_("Delete the peer group \u201c%s\u201d? Its %zu organisations stay; only the group goes."),
                                         wxs(group.name), group.members.size());
        if (group.members.size() == 1)
            text = wxString::Format(_("Delete the peer group \u201c%s\u201d? Its one organisation stays; only the group goes."), wxs(group.name));
        if (ask(this, _("Delete peer group"), text, {_("Delete group")}) == 0) delete_group();
    });
    undo_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { undo(); });
    list_->Bind(wxEVT_LISTBOX, [this](wxCommandEvent&) { show_members(); });
    members_->Bind(wxEVT_CHECKLISTBOX, [this](wxCommandEvent& e) {
        int i = e.GetInt();
        if (i < 0 || i >= static_cast<int>(orgs_.size())) return;
        if (!set_member(orgs_[static_cast<std::size_t>(i)].id, members_->IsChecked(static_cast<unsigned>(i)))) show_members();
    });
    Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent&) {
        bool chosen = selected_group() >= 0;
        rename_->Enable(chosen);
        delete_->Enable(chosen);
        members_->Enable(chosen);
        undo_->Enable(host_.commands().CanUndo());
    });
    reload({});
    // Wide enough for the longest organisation name (a check box and a scroll bar beside it).
    members_->SetMinSize(wxSize(std::max(members_->GetBestSize().x + FromDIP(28), FromDIP(300)), FromDIP(260)));
    GetSizer()->SetSizeHints(this);
    list_->SetFocus();
}

int PeerGroupsDialog::selected_group() const {
    int i = list_->GetSelection();
    return i >= 0 && i < static_cast<int>(groups_.size()) ? i : -1;
}

void PeerGroupsDialog::select_group(int index) {
    list_->SetSelection(index);
    show_members();
}

void PeerGroupsDialog::reload(const std::string& keep_group) {
    Session& s = host_.session();
    groups_.clear();
    orgs_.clear();
    guarded(this, s.path(), _("The peer groups could not be read."), [&] {
        groups_ = store::list_peer_groups(s.db());
        orgs_ = store::list_organisations(s.db());
    });
    std::stable_sort(groups_.begin(), groups_.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    std::stable_sort(orgs_.begin(), orgs_.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    list_->Clear();
    int keep = groups_.empty() ? -1 : 0;
    for (std::size_t i = 0; i < groups_.size(); ++i) {
        const auto& g = groups_[i];
        list_->Append(wxString::Format(wxS("%s (%zu)"), wxs(g.name), g.members.size()));
        if (g.id == keep_group) keep = static_cast<int>(i);
    }
    members_->Clear();
    for (const auto& o : orgs_) members_->Append(wxs(o.name.empty() ? o.id : o.name));
    if (keep >= 0) list_->SetSelection(keep);
    show_members();
}

void PeerGroupsDialog::show_members() {
    int g = selected_group();
    for (unsigned i = 0; i < members_->GetCount(); ++i) {
        bool in = g >= 0 && std::count(groups_[static_cast<std::size_t>(g)].members.begin(),
                                       groups_[static_cast<std::size_t>(g)].members.end(), orgs_[i].id) > 0;
        members_->Check(i, in);
    }
    members_label_->SetLabel(g < 0 ? _("&Members: create or choose a group first")
                                   : wxString::Format(_("&Members of %s:"), wxs(groups_[static_cast<std::size_t>(g)].name)));
}

bool PeerGroupsDialog::submit(wxCommand* command, const std::string& keep_group) {
    bool ok = host_.commands().Submit(command);
    reload(keep_group);
    return ok;
}

bool PeerGroupsDialog::new_group(const std::string& name) {
    store::PeerGroup g;
    g.name = name;
    if (!guarded(this, host_.session().path(), _("The peer group was not created."),
                 [&] { g.id = store::new_peer_group_id(host_.session().db(), name); }))
        return false;
    return submit(new PutPeerGroupCommand(host_, g, wxString::Format(_("New peer group %s"), wxs(name))), g.id);
}

bool PeerGroupsDialog::rename_group(const std::string& name) {
    int i = selected_group();
    if (i < 0) return false;
    store::PeerGroup g = groups_[static_cast<std::size_t>(i)];
    if (g.name == name) return false;
    const wxString label = wxString::Format(_("Rename peer group %s"), wxs(g.name));
    g.name = name;
    return submit(new PutPeerGroupCommand(host_, g, label), g.id);
}

bool PeerGroupsDialog::delete_group() {
    int i = selected_group();
    if (i < 0) return false;
    const store::PeerGroup& g = groups_[static_cast<std::size_t>(i)];
    return submit(new DeletePeerGroupCommand(host_, g.id, wxString::Format(_("Delete peer group %s"), wxs(g.name))), {});
}

bool PeerGroupsDialog::set_member(const std::string& organisation, bool member) {
    int i = selected_group();
    if (i < 0) return false;
    store::PeerGroup g = groups_[static_cast<std::size_t>(i)];
    auto at = std::find(g.members.begin(), g.members.end(), organisation);
    if ((at != g.members.end()) == member) return false;
    auto org = std::find_if(orgs_.begin(), orgs_.end(), [&](const auto& o) { return o.id == organisation; });
    const wxString who = wxs(org != orgs_.end() ? org->name : organisation);
    if (member) g.members.push_back(organisation);
    else g.members.erase(at);
    wxString label = member ? wxString::Format(_("Add %s to %s"), who, wxs(g.name))
                            : wxString::Format(_("Take %s out of %s"), who, wxs(g.name));
    return submit(new PutPeerGroupCommand(host_, g, label), g.id);
}

bool PeerGroupsDialog::undo() {
    int i = selected_group();
    std::string keep = i >= 0 ? groups_[static_cast<std::size_t>(i)].id : std::string();
    bool ok = host_.commands().Undo();
    reload(keep);
    return ok;
}

void show_peer_groups(Host& host, wxWindow* parent) {
    if (!host.session().is_open()) return;
    PeerGroupsDialog dlg(parent, host);
    dlg.ShowModal();
}

}  // namespace ys::gui
