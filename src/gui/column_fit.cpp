#include "column_fit.h"

#include "wx_utf8.h"  // first: the UTF-8 _()

#include <algorithm>
#include <memory>

#include <wx/listctrl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/scrolwin.h>

namespace ys::gui {

int natural_column_width(wxListCtrl& list, int column) {
    wxListItem head;
    head.SetMask(wxLIST_MASK_TEXT);
    list.GetColumn(column, head);
    // A heading and a cell have the same left and right margins (no list sorts, so no
    // heading needs a sort arrow's room).
    const int pad = list.FromDIP(16);
    int width = list.GetTextExtent(head.GetText()).GetWidth() + pad;
    for (long row = 0; row < list.GetItemCount(); ++row)
        width = std::max(width, list.GetTextExtent(list.GetItemText(row, column)).GetWidth() + pad);
    return width;
}

void fit_columns(wxListCtrl& list, int stretch_column) {
    const int columns = list.GetColumnCount();
    if (columns == 0) return;
    std::vector<int> widths(static_cast<std::size_t>(columns));
    int total = 0;
    for (int c = 0; c < columns; ++c) total += widths[static_cast<std::size_t>(c)] = natural_column_width(list, c);
    // Room for a vertical scroll bar is always kept, so that one appearing cuts nothing.
    const int available = list.GetClientSize().GetWidth() - wxSystemSettings::GetMetric(wxSYS_VSCROLL_X, &list) - list.FromDIP(4);
    // Extra width goes to the stretch column; a list too narrow for every column whole
    // scrolls sideways rather than cut a name.
    if (stretch_column >= 0 && stretch_column < columns && available > total)
        widths[static_cast<std::size_t>(stretch_column)] += available - total;
    for (int c = 0; c < columns; ++c)
        if (list.GetColumnWidth(c) != widths[static_cast<std::size_t>(c)]) list.SetColumnWidth(c, widths[static_cast<std::size_t>(c)]);
}

void keep_columns_fitted(wxListCtrl& list, int stretch_column) {
    // One refit after a burst of inserts (a page fills its rows, then sets their cells).
    auto pending = std::make_shared<bool>(false);
    wxListCtrl* l = &list;
    auto later = [l, stretch_column, pending] {
        if (*pending) return;
        *pending = true;
        l->CallAfter([l, stretch_column, pending] {
            *pending = false;
            fit_columns(*l, stretch_column);
        });
    };
    for (auto type : {wxEVT_LIST_INSERT_ITEM, wxEVT_LIST_DELETE_ITEM, wxEVT_LIST_DELETE_ALL_ITEMS})
        list.Bind(type, [later](wxListEvent& e) {
            e.Skip();
            later();
        });
    list.Bind(wxEVT_SIZE, [later](wxSizeEvent& e) {
        e.Skip();
        later();
    });
    fit_columns(list, stretch_column);
}

void side_by_side_when_wide(wxWindow& page, wxBoxSizer& row, wxListCtrl& list, wxWindow& chart) {
    wxWindow* p = &page;
    wxBoxSizer* r = &row;
    wxListCtrl* l = &list;
    wxWindow* c = &chart;
    auto arrange = [p, r, l, c] {
        int needed = c->GetMinSize().GetWidth() + p->FromDIP(40) + 2 * wxSystemSettings::GetMetric(wxSYS_VSCROLL_X, l);
        for (int col = 0; col < l->GetColumnCount(); ++col) needed += natural_column_width(*l, col);
        const int orientation = p->GetClientSize().GetWidth() >= needed ? wxHORIZONTAL : wxVERTICAL;
        if (r->GetOrientation() == orientation) return;
        r->SetOrientation(orientation);
        // The gap between the two goes on the first one's right, or under it.
        for (wxSizerItem* item : r->GetChildren()) {
            int flags = item->GetFlag() & ~(wxRIGHT | wxBOTTOM);
            if (item == r->GetChildren().GetFirst()->GetData()) flags |= orientation == wxHORIZONTAL ? wxRIGHT : wxBOTTOM;
            item->SetFlag(flags | wxEXPAND);
            item->SetProportion(1);
        }
        if (dynamic_cast<wxScrollHelper*>(p)) p->FitInside();
        p->Layout();
    };
    p->Bind(wxEVT_SIZE, [p, arrange](wxSizeEvent& e) {
        e.Skip();
        p->CallAfter(arrange);
    });
    for (auto type : {wxEVT_LIST_INSERT_ITEM, wxEVT_LIST_DELETE_ALL_ITEMS})
        l->Bind(type, [l, arrange](wxListEvent& e) {
            e.Skip();
            l->CallAfter(arrange);
        });
}

}  // namespace ys::gui
