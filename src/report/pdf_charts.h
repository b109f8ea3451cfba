#pragma once
// Vector charts of the PDF renderer, drawn with libharu paths. Each chart measures its
// height for a given width first, so the layout can keep it on one page; a range chart
// with more rows than a page holds is drawn in parts, its scale repeated on each.
#include "document.h"
#include "pdf_canvas.h"

#include <cstddef>
#include <vector>

namespace ys::report::pdf {

struct ChartStyle {
    const Theme& theme;
    Face& regular;
    Face& bold;
    Colour series(std::size_t i) const;  // theme.series cycled, a default when it is empty
};

double chart_height(ChartStyle& s, const RadarChart& chart, double width);
double chart_height(ChartStyle& s, const BarChart& chart, double width);
double chart_height(ChartStyle& s, const LineChart& chart, double width);
// `top` is the y of the chart's top edge; the chart fills width and its measured height.
void draw_chart(ChartStyle& s, Page& page, const RadarChart& chart, double x, double top, double width);
void draw_chart(ChartStyle& s, Page& page, const BarChart& chart, double x, double top, double width);
void draw_chart(ChartStyle& s, Page& page, const LineChart& chart, double x, double top, double width);

struct RangeLayout {
    double title_h = 0;   // title, when drawn
    double axis_h = 0;    // scale labels above the rows
    double legend_h = 0;  // below the rows
    std::vector<double> row_h;
    std::vector<std::vector<Line>> labels;
    double label_w = 0;
};
RangeLayout layout_range(ChartStyle& s, const RangeChart& chart, double width);
// Draws rows [first, last) with the scale; the title and legend when asked. Returns the
// height used.
double draw_range(ChartStyle& s, Page& page, const RangeChart& chart, const RangeLayout& layout, std::size_t first,
                  std::size_t last, bool title, bool legend, double x, double top, double width);

}  // namespace ys::report::pdf
