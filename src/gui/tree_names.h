#pragma once
// Names in a tree that fit its width: a name too long for the room beside its indent is
// shortened with an ellipsis ("Eastmere London Borough Cou…") and shown whole in the item's
// tooltip, instead of being cut at the edge or making the tree scroll sideways. Fitted again
// when the tree is resized.
#include <functional>

#include <wx/string.h>
#include <wx/treebase.h>

class wxTreeCtrl;

namespace ys::gui {

// `full_name` gives an item's whole name (the text it was added with).
void keep_tree_names_fitted(wxTreeCtrl& tree, std::function<wxString(const wxTreeItemId&)> full_name);
// Fits every item now (after the tree is filled).
void fit_tree_names(wxTreeCtrl& tree);
// An item's whole name (its text when the tree does not fit names).
wxString whole_name(wxTreeCtrl& tree, const wxTreeItemId& item);

}  // namespace ys::gui
