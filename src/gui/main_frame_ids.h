#pragma once
// What MainFrame's files share: the menu command ids (the menu bar and the tree's right-click
// menu use the same ones) and the tree's item data.
#include <string>
#include <utility>

#include <wx/string.h>
#include <wx/treectrl.h>

namespace ys::gui {

enum {
    ID_IMPORT = wxID_HIGHEST + 100,
    ID_SEND_FORM,
    ID_IMPORT_CSV,
    ID_IMPORT_LONG,
    ID_EXPORT_BUNDLE,
    ID_EXPORT_CSV,
    ID_EXPORT_XLSX,
    ID_REPORTS,
    ID_NEW_ORG,
    ID_EDIT_ORG,
    ID_MOVE_ORG,
    ID_NEW_ROUND,
    ID_ANSWER,
    ID_ROUND_STATUS,
    ID_PAGE_FIRST,
    ID_PAGE_LAST = ID_PAGE_FIRST + 4,
    ID_REFRESH,
};

class OrgItem : public wxTreeItemData {
public:
    OrgItem(std::string id, wxString name) : id(std::move(id)), name(std::move(name)) {}
    std::string id;
    wxString name;  // whole: the tree may show it shortened (tree_names.h)
};

// An item's whole name (its text may be shortened to fit).
wxString org_name(wxTreeCtrl* tree, const wxTreeItemId& item);

}  // namespace ys::gui
