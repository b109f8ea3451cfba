// The line chart as SVG.
#include "svg_charts.h"

#include <algorithm>
#include <cmath>

#include "number_format.h"
#include "svg_chart_parts.h"

namespace ys::report {

using namespace svg;

std::string chart_svg(const LineChart& c, const Theme& t, const std::string& id) {
    const std::size_t n = c.categories.size(), ns = c.series.size();
    if (n == 0 || ns == 0) return empty_chart(id, c.title, c.alt, t);
    const double lo = c.min, hi = c.max > c.min ? c.max : c.min + 1;
    Ticks ticks = scale_ticks(lo, hi);
    double label_w = 0;
    for (double v : ticks.values) label_w = std::max(label_w, text_width(ys::fixed(v, ticks.decimals), kTickFont));
    const double left = 14 + label_w + 8, right = kWidth - 16, top = 14, plot_h = 240, base = top + plot_h;
    const double gw = (right - left) / static_cast<double>(n);
    auto y_of = [&](double v) { return base - plot_h * clampd((v - lo) / (hi - lo), 0, 1); };
    auto x_of = [&](std::size_t i) { return left + gw * (static_cast<double>(i) + 0.5); };

    std::string body;
    for (double v : ticks.values) {
        double y = y_of(v);
        body += line(left, y, right, y, std::fabs(y - base) < 1e-6 ? t.muted : t.grid, 1);
        body += text1(ys::fixed(v, ticks.decimals), left - 8, y + 4.5, "end", kTickFont, t.muted);
    }
    body += line(left, top, left, base, t.muted, 1);
    const std::size_t max_chars = static_cast<std::size_t>(std::max(4.0, (gw - 6) / (kLabelFont * kCharWidth)));
    std::size_t most_lines = 1;
    for (std::size_t ci = 0; ci < n; ++ci) {
        auto lines = wrap(c.categories[ci], max_chars, 3);
        most_lines = std::max(most_lines, lines.size());
        body += line(x_of(ci), base, x_of(ci), base + 5, t.muted, 1);
        body += text_lines(lines, x_of(ci), base + 22, kLineHeight, "middle", kLabelFont, t.text);
    }

    std::string paths, marks;
    for (std::size_t si = 0; si < ns; ++si) {
        Colour col = series_colour(t, si);
        std::size_t st = style_index(si);
        const auto& v = c.series[si].values;
        std::string d;
        bool pen_down = false;
        for (std::size_t ci = 0; ci < n; ++ci) {
            if (ci < v.size() && v[ci]) {
                d += (pen_down ? "L" : "M") + num(x_of(ci)) + " " + num(y_of(*v[ci]));
                pen_down = true;
                marks += marker(st, x_of(ci), y_of(*v[ci]), col);
            } else {
                pen_down = false;  // a gap where the value is missing
            }
        }
        if (!d.empty())
            paths += "<path d=\"" + d + "\" fill=\"none\" stroke=\"" + colour_hex(col) +
                     "\" stroke-width=\"2.5\" stroke-linejoin=\"round\" stroke-linecap=\"round\"" + dash_attr(st) + "/>\n";
    }
    body += paths + marks;

    std::vector<LegendItem> items;
    for (std::size_t si = 0; si < ns; ++si) items.push_back(line_item(c.series[si].name, t, si));
    double legend_top = base + 22 + static_cast<double>(most_lines) * kLineHeight + 4;
    auto [leg, leg_h] = legend(items, legend_top, t);
    return open_svg(id, legend_top + leg_h + 4, c.title, c.alt) + body + leg + "</svg>";
}

}  // namespace ys::report
