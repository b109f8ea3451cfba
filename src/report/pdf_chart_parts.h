#pragma once
// Drawing parts the PDF charts share: titles, scales, markers and hatching, legends and the
// axes of bar and line charts. Internal to src/report (pdf_chart_*.cpp).
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "number_format.h"
#include "pdf_charts.h"
#include "pdf_text.h"

namespace ys::report::pdf::chart_parts {

constexpr double kPi = 3.14159265358979323846;
constexpr double kTitleSize = 10.5, kTitleLead = 14, kTitleGap = 6;
constexpr double kLabel = 7.5, kLabelLead = 9;
constexpr double kLegend = 8, kLegendRow = 14, kLegendGap = 8;
constexpr double kSwatch = 22;
constexpr Colour kWhite{255, 255, 255};
Colour tint(Colour c, double amount);
std::optional<double> finite(const std::optional<double>& v);
// Text placed by its baseline and horizontal anchor: -1 left edge, 0 centre, 1 right edge.
void put(Page& page, Face& face, double size, Colour colour, double x, double baseline, const Line& line, int anchor);

// ------------------------------------------------------------------ titles
std::vector<Line> title_lines(ChartStyle& s, const std::string& title, double width);
double title_height(ChartStyle& s, const std::string& title, double width);
double draw_title(ChartStyle& s, Page& page, const std::string& title, double x, double top, double width);
constexpr double kNoDataH = 16;
void draw_no_data(ChartStyle& s, Page& page, const std::string& title, double x, double top, double width);

// ------------------------------------------------------------------ scales
struct Scale {
    double lo = 0, hi = 1, step = 1;
};
double nice_step(double span, int target);
// Ticks inside a fixed range (scores 0 to 5): whole steps when the span is small.
Scale fixed_scale(double lo, double hi);
// Ticks that include the data, extended to whole steps (money on a bar chart).
Scale data_scale(double lo, double hi, int decimals);
template <typename F>
void for_each_tick(const Scale& sc, F f) {
    double first = std::ceil(sc.lo / sc.step - 1e-9) * sc.step;
    for (int i = 0; i < 200; ++i) {
        double v = first + i * sc.step;
        if (v > sc.hi + sc.step * 1e-6) break;
        if (std::fabs(v) < sc.step * 1e-9) v = 0;
        f(v);
    }
}
std::string tick_text(double v);

// ------------------------------------------------------------------ markers and fills
void marker(Page& page, std::size_t shape, double x, double y, double r, Colour fill, Colour edge);
// White hatching over a filled bar so series differ in greyscale too.
void hatch(Page& page, std::size_t pattern, double x, double y, double w, double h);

// ------------------------------------------------------------------ legends
enum class Swatch { line, bar, whisker, box, median, marker, none };
struct LegendItem {
    std::string text;
    Swatch kind;
    Colour colour;
    std::size_t index = 0;
};
struct LegendPlace {
    Line text;
    double x = 0;  // relative to the legend's left edge
    int row = 0;
};
std::vector<LegendPlace> place_legend(ChartStyle& s, const std::vector<LegendItem>& items, double width, int& rows);
double legend_height(ChartStyle& s, const std::vector<LegendItem>& items, double width);
void draw_legend(ChartStyle& s, Page& page, const std::vector<LegendItem>& items, double x, double top, double width);
// Named series, at most 24 of them (a legend taller than that would push the chart off
// its page); the rest are counted in a last entry.
std::vector<LegendItem> series_legend(ChartStyle& s, const std::vector<Series>& series, Swatch kind);

// ------------------------------------------------------------------ axes for bar and line charts
struct Plot {
    double left;            // the chart's left edge, where the axis labels may start
    double x0, x1, y0, y1;  // plot area (y0 bottom)
    Scale scale;
    double y(double v) const {
        double t = (std::clamp(v, scale.lo, scale.hi) - scale.lo) / (scale.hi - scale.lo);
        return y0 + t * (y1 - y0);
    }
};
constexpr double kPlotH = 170;
// Widest y-axis label, for the left margin of the plot (a third of the width at most).
template <typename Fmt>
double y_labels_width(ChartStyle& s, const Scale& sc, Fmt fmt, double width) {
    double w = 0;
    for_each_tick(sc, [&](double v) { w = std::max(w, s.regular.measure(fmt(v), kLabel)); });
    return std::min(w, width / 3);
}
template <typename Fmt>
void draw_y_axis(ChartStyle& s, Page& page, const Plot& p, Fmt fmt) {
    const Theme& t = s.theme;
    for_each_tick(p.scale, [&](double v) {
        double y = p.y(v);
        page.hline(p.x0, p.x1, y, t.grid, 0.5);
        Line l = fit_line(s.regular, fmt(v), kLabel, p.x0 - 6 - p.left);
        put(page, s.regular, kLabel, t.muted, p.x0 - 4, y - 2.6, l, 1);
    });
}
// Labels under the categories: wrapped to their slot in up to three lines, or, when a
// word would have to be broken (narrow slots, long names), turned to read upwards.
struct CategoryLabels {
    std::vector<std::vector<Line>> lines;
    bool rotated = false;
    double height = 0;  // below the axis
};
constexpr double kRotatedMax = 110;
CategoryLabels category_labels(ChartStyle& s, const std::vector<std::string>& categories, double slot);
void draw_category_labels(ChartStyle& s, Page& page, const CategoryLabels& labels, double x0, double slot,
                          double axis_y);
std::size_t category_count(const std::vector<std::string>& categories, const std::vector<Series>& series);
// A value to draw: present, finite and not absurdly large (sums of them stay finite).
std::optional<double> value_at(const Series& se, std::size_t i);
Scale bar_scale(const BarChart& c, std::size_t n);

}  // namespace ys::report::pdf::chart_parts
