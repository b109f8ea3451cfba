#pragma once
// The charts the pages draw (radar, heatmap, yearly cost bars), with wxGraphicsContext and
// the system's text and background colours, so they read in light and dark themes. They
// draw numbers they are given; they compute nothing.
#include <functional>
#include <optional>
#include <vector>

#include <wx/colour.h>
#include <wx/geometry.h>
#include <wx/panel.h>
#include <wx/string.h>

class wxGraphicsContext;

namespace ys::gui {

struct ChartColours {
    wxColour text, muted, background, grid;
    std::vector<wxColour> series;  // distinct on this background
    bool dark = false;
    static ChartColours current();
};

// Where a chart put what it drew, in the panel's pixels (the layout tests read it).
struct ChartGeometry {
    wxRect2DDouble plot;                 // the chart's own area (the radar's rim, the heatmap's grid)
    double radius = 0;                   // the radar's
    std::vector<wxRect2DDouble> texts;   // each block of text drawn horizontally
};

enum class SeriesStyle { Filled, Line, Dashed };

struct RadarSeries {
    wxString name;
    std::vector<std::optional<double>> values;  // one per axis; gaps are left open
    SeriesStyle style = SeriesStyle::Line;
    int colour = 0;  // index into ChartColours::series
};

// Axis labels wrap onto up to three lines; the radius is the largest at which every label
// fits the area without overlapping another, with the label width that gives the largest.
ChartGeometry draw_radar(wxGraphicsContext& gc, const wxRect& area, const ChartColours& colours, const std::vector<wxString>& axes,
                double lo, double hi, const std::vector<RadarSeries>& series);

// Cells row-major (rows x columns); empty cells are shown as such. Values between lo and
// hi take a colour from a sequential scale; each cell also shows its value as text (whole
// numbers without decimals) when the cell is big enough, and a legend under the grid gives
// each whole value's colour, so the chart never relies on colour alone.
struct Heatmap {
    std::vector<wxString> rows, columns;
    std::vector<std::optional<double>> cells;
    double lo = 1, hi = 5;
    int highlight_row = -1;  // drawn with a frame (the viewer)
    wxString legend_title;   // before the legend's swatches ("Level", "Score")
};
ChartGeometry draw_heatmap(wxGraphicsContext& gc, const wxRect& area, const ChartColours& colours, const Heatmap& h);
// The panel height at which draw_heatmap has room for every cell's number, the column
// headings and the legend, in `window`'s font (the cells share whatever width there is).
int heatmap_min_height(const wxWindow& window, const Heatmap& h);

// One bar per year at the middle value, with a whisker from low to high.
struct CostBar {
    wxString label;
    double low = 0, mid = 0, high = 0;
};
ChartGeometry draw_cost_bars(wxGraphicsContext& gc, const wxRect& area, const ChartColours& colours, const std::vector<CostBar>& bars,
                    const wxString& unit_prefix);

// A panel that paints with a function; redrawn on resize and when the system colours change.
class ChartPanel : public wxPanel {
public:
    using Painter = std::function<ChartGeometry(wxGraphicsContext&, const wxRect&, const ChartColours&)>;
    ChartPanel(wxWindow* parent, const wxString& accessible_name, const wxSize& min_size);
    // `description` says in words what the chart shows (read by screen readers as its tooltip).
    void set_painter(Painter p, const wxString& description);
    // What the last paint drew (empty before the first, or with no painter).
    const ChartGeometry& geometry() const { return geometry_; }

private:
    void on_paint(wxPaintEvent&);
    Painter painter_;
    ChartGeometry geometry_;
};

// A colour with enough contrast for text drawn on `background`.
wxColour text_colour_on(const wxColour& background);

}  // namespace ys::gui
