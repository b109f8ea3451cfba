// MainFrame's organisation tree: filling it from the store, the selection the pages follow,
// and Organisation > New, Edit and Move (through the undo list).
#include "main_frame.h"

#include "wx_utf8.h"  // first: the UTF-8 _()
#include "display_names.h"

#include <algorithm>

#include <wx/config.h>
#include <wx/splitter.h>

#include "dialogs.h"
#include "edit_commands.h"
#include "guard.h"
#include "main_frame_ids.h"
#include "org_tree.h"
#include "organisations.h"
#include "page.h"
#include "tree_names.h"

namespace ys::gui {

wxString org_name(wxTreeCtrl* tree, const wxTreeItemId& item) {
    auto* d = dynamic_cast<OrgItem*>(tree->GetItemData(item));
    return d ? d->name : tree->GetItemText(item);
}

void MainFrame::fill_tree() {
    std::string keep = selected_organisation();
    tree_->DeleteAllItems();
    wxTreeItemId root = tree_->AddRoot(_("Organisations"));
    if (!session_.is_open()) return;
    std::vector<store::OrgRecord> orgs;
    if (!guarded(this, session_.path(), _("The organisations could not be read."), [&] { orgs = store::list_organisations(session_.db()); }))
        return;
    // Walked without recursion (org_tree.h): organisations whose parent is missing appear at
    // the top; a chain deeper than the limit (made by hand) stops indenting at the limit, and
    // a loop of parents (also by hand) is shown at the top, so every one can be moved.
    std::vector<OrgLink> links;
    for (const auto& o : orgs) links.push_back({o.id, o.parent});
    OrgTree walked = walk_org_tree(links);
    std::vector<wxTreeItemId> last_at_level{root};  // [level]: the item most recently added there
    for (const auto& row : walked.rows) {
        std::size_t level = static_cast<std::size_t>(std::min(row.level, kMaxOrganisationDepth));
        const auto& o = orgs[row.index];
        wxTreeItemId item = tree_->AppendItem(last_at_level[level - 1], wxs(o.name), -1, -1, new OrgItem(o.id, wxs(o.name)));
        last_at_level.resize(level);
        last_at_level.push_back(item);
    }
    for (std::size_t i : walked.in_cycle) tree_->AppendItem(root, wxs(orgs[i].name), -1, -1, new OrgItem(orgs[i].id, wxs(orgs[i].name)));
    tree_->ExpandAll();
    tree_->InvalidateBestSize();
    splitter_->SendSizeEvent(wxSEND_EVENT_POST);  // the default sash, for these names
    CallAfter([this] { fit_tree_names(*tree_); });
    if (keep.empty())
        if (auto* cfg = wxConfigBase::Get()) keep = u8(cfg->Read(wxS("/Organisation/Last"), wxEmptyString));
    if (!keep.empty()) select_organisation(keep);
    if (selected_organisation().empty()) {
        wxTreeItemIdValue cookie;
        wxTreeItemId first = tree_->GetFirstChild(root, cookie);
        // The first council rather than a region, when there is one.
        if (first.IsOk() && tree_->ItemHasChildren(first)) {
            wxTreeItemIdValue c2;
            wxTreeItemId child = tree_->GetFirstChild(first, c2);
            if (child.IsOk()) first = child;
        }
        if (first.IsOk()) tree_->SelectItem(first);
    }
    if (orgs.empty()) set_status(_("The database is empty: add an organisation (Organisation > New organisation), or import answers."));
}

void MainFrame::select_organisation(const std::string& id) {
    std::function<wxTreeItemId(wxTreeItemId)> find = [&](wxTreeItemId at) -> wxTreeItemId {
        wxTreeItemIdValue cookie;
        for (wxTreeItemId c = tree_->GetFirstChild(at, cookie); c.IsOk(); c = tree_->GetNextChild(at, cookie)) {
            auto* d = dynamic_cast<OrgItem*>(tree_->GetItemData(c));
            if (d && d->id == id) return c;
            wxTreeItemId in = find(c);
            if (in.IsOk()) return in;
        }
        return {};
    };
    if (!tree_->GetRootItem().IsOk()) return;
    wxTreeItemId item = find(tree_->GetRootItem());
    if (item.IsOk()) {
        tree_->SelectItem(item);
        tree_->EnsureVisible(item);
    }
}

std::string MainFrame::selected_organisation() const {
    wxTreeItemId sel = tree_->GetSelection();
    if (!sel.IsOk()) return {};
    auto* d = dynamic_cast<OrgItem*>(tree_->GetItemData(sel));
    return d ? d->id : std::string();
}

void MainFrame::on_selection(wxTreeEvent& e) {
    e.Skip();
    std::string id = selected_organisation();
    for (Page* p : pages_) p->set_organisation(id);
    if (auto* cfg = wxConfigBase::Get(); cfg && !id.empty()) cfg->Write(wxS("/Organisation/Last"), wxs(id));
    set_status(tree_->GetSelection().IsOk() ? org_name(tree_, tree_->GetSelection()) : wxString());
    refresh_visible();
}

void MainFrame::new_organisation() {
    if (!session_.is_open()) return;
    std::vector<store::OrgRecord> orgs;
    if (!guarded(this, session_.path(), _("The organisations could not be read."), [&] { orgs = store::list_organisations(session_.db()); }))
        return;
    auto org = ask_organisation(this, orgs, selected_organisation());
    if (!org) return;
    // Edit > Undo removes it again.
    if (commands_.Submit(new AddOrganisationCommand(*this, *org))) select_organisation(org->id);
}

void MainFrame::edit_selected_organisation() {
    std::string id = selected_organisation();
    if (!session_.is_open() || id.empty()) return;
    std::optional<store::OrgRecord> org;
    if (!guarded(this, session_.path(), _("The organisation could not be read."), [&] { org = store::find_organisation(session_.db(), id); }))
        return;
    if (!org) return;
    if (auto edit = ask_edit_organisation(this, *org)) edit_organisation(id, *edit);
}

void MainFrame::move_selected_organisation() {
    std::string id = selected_organisation();
    if (!session_.is_open() || id.empty()) return;
    std::vector<store::OrgRecord> orgs;
    if (!guarded(this, session_.path(), _("The organisations could not be read."), [&] { orgs = store::list_organisations(session_.db()); }))
        return;
    auto org = std::find_if(orgs.begin(), orgs.end(), [&](const auto& o) { return o.id == id; });
    if (org == orgs.end()) return;
    if (auto parent = ask_move_organisation(this, orgs, *org)) move_organisation(id, *parent);
}

bool MainFrame::edit_organisation(const std::string& id, const store::OrgEdit& edit) {
    if (!session_.is_open()) return false;
    // Edit > Undo puts the earlier details back.
    if (!commands_.Submit(new EditOrganisationCommand(*this, id, edit))) return false;
    select_organisation(id);
    set_status(wxString::Format(_("%s changed."), wxs(edit.name.value_or(id))));
    return true;
}

bool MainFrame::move_organisation(const std::string& id, const std::string& new_parent) {
    if (!session_.is_open()) return false;
    if (!commands_.Submit(new MoveOrganisationCommand(*this, id, new_parent))) return false;
    select_organisation(id);
    // Names as the tree shows them, now that it holds the organisation in its new place.
    wxTreeItemId at = tree_->GetSelection();
    wxString name = at.IsOk() ? org_name(tree_, at) : wxs(id);
    wxString under = at.IsOk() && tree_->GetItemParent(at).IsOk() ? org_name(tree_, tree_->GetItemParent(at)) : wxs(new_parent);
    set_status(new_parent.empty() ? wxString::Format(_("%s moved to the top."), name)
                                  : wxString::Format(_("%s moved under %s."), name, under));
    return true;
}

}  // namespace ys::gui
