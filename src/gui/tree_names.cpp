#include "tree_names.h"

#include "wx_utf8.h"  // first: the UTF-8 _()

#include <algorithm>
#include <memory>

#include <wx/settings.h>
#include <wx/treectrl.h>

namespace ys::gui {
namespace {

// What keep_tree_names_fitted set up for a tree, found again by fit_tree_names.
struct Fitting {
    std::function<wxString(const wxTreeItemId&)> full_name;
    bool busy = false;
};

// The text shortened with an ellipsis to at most `room` pixels (whole when it fits).
wxString shortened(wxTreeCtrl& tree, const wxString& text, int room) {
    if (tree.GetTextExtent(text).GetWidth() <= room) return text;
    const wxString dots = wxS("\u2026");
    std::size_t lo = 0, hi = text.length();
    // The longest beginning that fits with the ellipsis.
    while (lo < hi) {
        const std::size_t mid = (lo + hi + 1) / 2;
        if (tree.GetTextExtent(text.Left(mid) + dots).GetWidth() <= room) lo = mid;
        else hi = mid - 1;
    }
    return wxString(text.Left(lo)).Trim() + dots;
}

void fit_item(wxTreeCtrl& tree, Fitting& f, const wxTreeItemId& item, int right) {
    if (item != tree.GetRootItem() || !tree.HasFlag(wxTR_HIDE_ROOT)) {
        const wxString full = f.full_name(item);
        wxRect r;
        if (!full.empty() && tree.GetBoundingRect(item, r, true)) {
            const wxString want = shortened(tree, full, std::max(tree.FromDIP(40), right - r.x - tree.FromDIP(6)));
            if (tree.GetItemText(item) != want) tree.SetItemText(item, want);
        }
    }
    wxTreeItemIdValue cookie;
    for (wxTreeItemId c = tree.GetFirstChild(item, cookie); c.IsOk(); c = tree.GetNextChild(item, cookie)) fit_item(tree, f, c, right);
}

}  // namespace

void keep_tree_names_fitted(wxTreeCtrl& tree, std::function<wxString(const wxTreeItemId&)> full_name) {
    auto f = std::make_shared<Fitting>();
    f->full_name = std::move(full_name);
    // Found again by fit_tree_names; owned by the handlers below, which live as long as the tree.
    tree.SetClientData(f.get());
    wxTreeCtrl* t = &tree;
    tree.Bind(wxEVT_SIZE, [t, f](wxSizeEvent& e) {
        e.Skip();
        t->CallAfter([t] { fit_tree_names(*t); });
    });
    // The whole name where it was shortened.
    tree.Bind(wxEVT_TREE_ITEM_GETTOOLTIP, [t, f](wxTreeEvent& e) {
        const wxString full = e.GetItem().IsOk() ? f->full_name(e.GetItem()) : wxString();
        if (!full.empty() && t->GetItemText(e.GetItem()) != full) e.SetToolTip(full);
        else e.Skip();
    });
}

void fit_tree_names(wxTreeCtrl& tree) {
    auto* f = static_cast<Fitting*>(tree.GetClientData());
    if (!f || f->busy || !tree.GetRootItem().IsOk()) return;
    f->busy = true;
    fit_item(tree, *f, tree.GetRootItem(), tree.GetClientSize().GetWidth());
    f->busy = false;
}

wxString whole_name(wxTreeCtrl& tree, const wxTreeItemId& item) {
    auto* f = static_cast<Fitting*>(tree.GetClientData());
    const wxString full = f ? f->full_name(item) : wxString();
    return full.empty() ? tree.GetItemText(item) : full;
}

}  // namespace ys::gui
