#pragma once
// Drawing parts the SVG charts share: text measuring and wrapping, series styles, legends,
// scales and the chart frame. Internal to src/report (svg_chart_*.cpp).
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "document.h"

namespace ys::report::svg {

constexpr double kWidth = 720;          // every chart's viewBox is this wide
constexpr double kCharWidth = 0.58;     // average glyph width in em, for layout estimates
constexpr const char* kFont = "Arial, Helvetica, sans-serif";
constexpr double kTickFont = 13, kLabelFont = 14, kLineHeight = 17;
const Colour kWhite{0xff, 0xff, 0xff};
// Coordinates: at most two decimals, '.' whatever the locale.
std::string num(double v);
std::string esc(const std::string& s);

// ---- UTF-8 text measuring and wrapping -------------------------------------------
std::vector<std::string> code_points(const std::string& s);
std::size_t length(const std::string& s);
double text_width(const std::string& s, double font_size);
std::string join(const std::vector<std::string>& cps, std::size_t from, std::size_t to);
// Breaks a label into lines of at most max_chars code points at spaces (splitting words
// longer than a line); more than max_lines lines end the last one with an ellipsis.
std::vector<std::string> wrap(const std::string& text, std::size_t max_chars, std::size_t max_lines);
// <text> with one <tspan> per line; `first_baseline` is the first line's y.
std::string text_lines(const std::vector<std::string>& lines, double x, double first_baseline, double line_height,
                       const char* anchor, double font_size, Colour fill, const std::string& extra = "");
std::string text1(const std::string& t, double x, double y, const char* anchor, double font_size, Colour fill,
                  const std::string& extra = "");
std::string line(double x1, double y1, double x2, double y2, Colour c, double w, const std::string& extra = "");
Colour tint(Colour c, double towards_white);

// ---- Series styles: colour, dash pattern, marker shape, hatching --------------------
Colour series_colour(const Theme& t, std::size_t i);
// Dash and marker cycle at different rates from the colours, so a fifth series is not a
// copy of the first.
std::size_t style_index(std::size_t i);
std::string dash_attr(std::size_t i);
std::string marker(std::size_t shape, double x, double y, Colour c, double size = 4.5);
// Bar fills: solid, diagonal hatching, dots, cross-hatching (white over the colour).
std::string hatch_defs(const std::string& id, const Theme& t, std::size_t series_count);
std::string bar_fill(const std::string& id, std::size_t i);
std::string bar_rect(const std::string& id, const Theme& t, std::size_t i, double x, double y, double w, double h);

// ---- Legend ------------------------------------------------------------------------
struct LegendItem {
    std::string label;
    std::function<std::string(double x, double y)> swatch;  // 28 wide, centred on y
};
// Flows the items in centred rows from `top`; returns the SVG and the height used.
std::pair<std::string, double> legend(const std::vector<LegendItem>& items, double top, const Theme& t);
LegendItem line_item(const std::string& name, const Theme& t, std::size_t i);
LegendItem bar_item(const std::string& name, const Theme& t, const std::string& id, std::size_t i);

// ---- Scales ------------------------------------------------------------------------
struct Ticks {
    double lo = 0, hi = 1, step = 1;
    std::vector<double> values;
    int decimals = 0;
};
int step_decimals(double step);
Ticks make_ticks(double lo, double hi, double step);
// Round steps of 1, 2, 2.5 or 5 times a power of ten covering lo..hi in about `target`.
Ticks nice_ticks(double lo, double hi, int target = 5);
// A given scale (scores 0..5): whole steps when that gives 2 to 10 of them, else nice ones.
Ticks scale_ticks(double lo, double hi);
double clampd(double v, double lo, double hi);

// ---- SVG frame -----------------------------------------------------------------------
std::string open_svg(const std::string& id, double height, const std::string& title, const std::string& alt);
std::string empty_chart(const std::string& id, const std::string& title, const std::string& alt, const Theme& t);
std::string value_text(const std::optional<double>& v);

}  // namespace ys::report::svg
