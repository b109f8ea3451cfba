#pragma once
// List columns as wide as what they hold: every column at least as wide as its heading and
// its longest cell, never cut; one stretch column (the names, the free text) takes the width
// left over. A list too narrow for all its columns scrolls sideways. Refitted when rows are
// inserted or deleted and when the list is resized.
#include <vector>

class wxBoxSizer;
class wxListCtrl;
class wxWindow;

namespace ys::gui {

// The width a column needs so that neither its heading nor any cell is cut.
int natural_column_width(wxListCtrl& list, int column);
// Sets the widths now (what the automatic refit does).
void fit_columns(wxListCtrl& list, int stretch_column);
// Fits now and whenever rows come and go or the list changes size.
void keep_columns_fitted(wxListCtrl& list, int stretch_column);

// A list and a chart side by side in `row` when the page is wide enough for the list's
// columns whole and the chart at its minimum width; one under the other (the page then
// scrolls) when not. Checked when the page is resized and when the list's rows change.
void side_by_side_when_wide(wxWindow& page, wxBoxSizer& row, wxListCtrl& list, wxWindow& chart);

}  // namespace ys::gui
