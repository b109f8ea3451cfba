// The range chart (lowest, quartiles, median and highest per row) as SVG.
#include "svg_charts.h"

#include <algorithm>
#include <cmath>

#include "number_format.h"
#include "svg_chart_parts.h"

namespace ys::report {

using namespace svg;

std::string chart_svg(const RangeChart& c, const Theme& t, const std::string& id) {
    const std::size_t n = c.rows.size();
    if (n == 0) return empty_chart(id, c.title, c.alt, t);
    const double lo = c.scale_min, hi = c.scale_max > c.scale_min ? c.scale_max : c.scale_min + 1;
    const double label_col = 220, left = label_col + 14, right = kWidth - 20, top = 10, row_h = 42;
    const double base = top + row_h * static_cast<double>(n);
    auto x_of = [&](double v) { return left + (right - left) * clampd((v - lo) / (hi - lo), 0, 1); };
    Ticks ticks = scale_ticks(lo, hi);
    const Colour box_fill = tint(t.primary, 0.78);
    bool any_marker = false;

    std::string body;
    for (double v : ticks.values) {
        double x = x_of(v);
        body += line(x, top, x, base, t.grid, 1);
        body += line(x, base, x, base + 5, t.muted, 1);
        body += text1(ys::fixed(v, ticks.decimals), x, base + 20, "middle", kTickFont, t.muted);
    }
    body += line(left, base, right, base, t.muted, 1);

    auto whisker = [&](double x1, double x2, double y) {
        return line(x1, y, x2, y, t.text, 1.5) + line(x1, y - 6, x1, y + 6, t.text, 1.5) +
               line(x2, y - 6, x2, y + 6, t.text, 1.5);
    };
    auto box = [&](double x1, double x2, double y) {
        return "<rect x=\"" + num(x1) + "\" y=\"" + num(y - 8) + "\" width=\"" + num(std::max(x2 - x1, 1.0)) +
               "\" height=\"16\" fill=\"" + colour_hex(box_fill) + "\" stroke=\"" + colour_hex(t.primary) +
               "\" stroke-width=\"1.5\"/>\n";
    };
    auto median = [&](double x, double y) { return line(x, y - 11, x, y + 11, t.text, 3); };
    auto viewer = [&](double x, double y) {
        return "<polygon points=\"" + num(x) + "," + num(y - 8) + " " + num(x + 8) + "," + num(y) + " " + num(x) + "," +
               num(y + 8) + " " + num(x - 8) + "," + num(y) + "\" fill=\"" + colour_hex(t.accent) + "\" stroke=\"" +
               colour_hex(t.text) + "\" stroke-width=\"1\"/>\n";
    };

    for (std::size_t i = 0; i < n; ++i) {
        const auto& r = c.rows[i];
        double y = top + row_h * (static_cast<double>(i) + 0.5);
        auto lines = wrap(r.label, static_cast<std::size_t>(label_col / (kLabelFont * kCharWidth)), 2);
        double k = static_cast<double>(lines.size());
        body += text_lines(lines, label_col, y - (k - 1) * kLineHeight / 2 + 5, kLineHeight, "end", kLabelFont, t.text);
        body += whisker(x_of(r.min), x_of(r.max), y);
        body += box(x_of(r.q1), x_of(r.q3), y);
        body += median(x_of(r.median), y);
        if (r.marker) {
            any_marker = true;
            body += viewer(x_of(*r.marker), y);
        }
    }

    std::vector<LegendItem> items;
    items.push_back({"Lowest to highest", [&](double x, double y) { return whisker(x + 2, x + 26, y); }});
    items.push_back({"Middle half (quartiles)", [&](double x, double y) { return box(x + 2, x + 26, y); }});
    items.push_back({"Median", [&](double x, double y) { return median(x + 14, y); }});
    if (any_marker)
        items.push_back({c.marker_label.empty() ? std::string("Marker") : c.marker_label,
                         [&](double x, double y) { return viewer(x + 14, y); }});
    double legend_top = base + 32;
    auto [leg, leg_h] = legend(items, legend_top, t);
    return open_svg(id, legend_top + leg_h + 4, c.title, c.alt) + body + leg + "</svg>";
}

}  // namespace ys::report
