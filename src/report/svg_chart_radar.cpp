// The radar chart as SVG.
#include "svg_charts.h"

#include <algorithm>
#include <cmath>

#include "number_format.h"
#include "svg_chart_parts.h"

namespace ys::report {

using namespace svg;

std::string chart_svg(const RadarChart& c, const Theme& t, const std::string& id) {
    const std::size_t n = c.axes.size();
    if (n == 0) return empty_chart(id, c.title, c.alt, t);
    const double lo = c.min, hi = c.max > c.min ? c.max : c.min + 1;
    const double R = 175, gap = 12, lh = kLineHeight, font = kLabelFont;
    const std::size_t max_chars = 18, max_lines = 3;
    const double cx = kWidth / 2, cy = 14 + max_lines * lh + gap + R;
    const double pi = std::acos(-1.0);

    auto angle = [&](std::size_t i) { return 2 * pi * static_cast<double>(i) / static_cast<double>(n); };
    auto radius = [&](double v) { return R * clampd((v - lo) / (hi - lo), 0, 1); };
    auto px = [&](std::size_t i, double r) { return cx + r * std::sin(angle(i)); };
    auto py = [&](std::size_t i, double r) { return cy - r * std::cos(angle(i)); };

    std::string body;
    // Rings (polygons through the axes) at each level, the outer one darker.
    Ticks ticks = scale_ticks(lo, hi);
    for (double level : ticks.values) {
        double r = radius(level);
        if (r <= 0) continue;
        bool outer = std::fabs(r - R) < 1e-6;
        std::string pts;
        for (std::size_t i = 0; i < n; ++i) pts += (i ? " " : "") + num(px(i, r)) + "," + num(py(i, r));
        if (n >= 3)
            body += "<polygon points=\"" + pts + "\" fill=\"none\" stroke=\"" + colour_hex(outer ? t.muted : t.grid) +
                    "\" stroke-width=\"" + (outer ? "1.2" : "1") + "\"/>\n";
        else
            body += "<circle cx=\"" + num(cx) + "\" cy=\"" + num(cy) + "\" r=\"" + num(r) + "\" fill=\"none\" stroke=\"" +
                    colour_hex(outer ? t.muted : t.grid) + "\"/>\n";
    }
    for (std::size_t i = 0; i < n; ++i) body += line(cx, cy, px(i, R), py(i, R), t.grid, 1);

    // Axis labels outside the outer ring, anchored away from the centre.
    for (std::size_t i = 0; i < n; ++i) {
        auto lines = wrap(c.axes[i], max_chars, max_lines);
        double s = std::sin(angle(i)), co = std::cos(angle(i));
        double x = px(i, R + gap), y = py(i, R + gap);
        const char* anchor = s > 0.2 ? "start" : s < -0.2 ? "end" : "middle";
        double k = static_cast<double>(lines.size());
        double first;
        if (co > 0.5)
            first = y - (k - 1) * lh - 3;  // above the top
        else if (co < -0.5)
            first = y + font;  // below the bottom
        else
            first = y - (k - 1) * lh / 2 + font * 0.35;  // centred beside
        body += text_lines(lines, x, first, lh, anchor, font, t.text);
    }

    // Series: fills first, then outlines, then markers, so no fill hides a line.
    std::string fills, outlines, marks;
    for (std::size_t si = 0; si < c.series.size(); ++si) {
        const auto& s = c.series[si];
        Colour col = series_colour(t, si);
        std::size_t st = style_index(si);
        std::vector<std::optional<std::pair<double, double>>> p(n);
        bool all = n >= 3;
        for (std::size_t i = 0; i < n; ++i) {
            if (i < s.values.size() && s.values[i]) {
                double r = radius(*s.values[i]);
                p[i] = std::make_pair(px(i, r), py(i, r));
            } else {
                all = false;
            }
        }
        if (all) {
            std::string pts;
            for (std::size_t i = 0; i < n; ++i) pts += (i ? " " : "") + num(p[i]->first) + "," + num(p[i]->second);
            fills += "<polygon points=\"" + pts + "\" fill=\"" + colour_hex(col) + "\" fill-opacity=\"0.08\" stroke=\"none\"/>\n";
            outlines += "<polygon points=\"" + pts + "\" fill=\"none\" stroke=\"" + colour_hex(col) +
                        "\" stroke-width=\"2.5\" stroke-linejoin=\"round\"" + dash_attr(st) + "/>\n";
        } else {
            // Gaps where a value is missing: join only neighbours that both have one.
            std::string d;
            for (std::size_t i = 0; i < n; ++i) {
                std::size_t j = (i + 1) % n;
                if (n < 2 || (n == 2 && i == 1)) break;
                if (p[i] && p[j])
                    d += "M" + num(p[i]->first) + " " + num(p[i]->second) + "L" + num(p[j]->first) + " " +
                         num(p[j]->second);
            }
            if (!d.empty())
                outlines += "<path d=\"" + d + "\" fill=\"none\" stroke=\"" + colour_hex(col) +
                            "\" stroke-width=\"2.5\" stroke-linecap=\"round\"" + dash_attr(st) + "/>\n";
        }
        for (std::size_t i = 0; i < n; ++i)
            if (p[i]) marks += marker(st, p[i]->first, p[i]->second, col);
    }
    body += fills + outlines + marks;

    // Level labels on the rings between the first two axes (away from the series'
    // markers, which sit on the axes), with a white halo over the lines.
    for (double level : ticks.values) {
        double r = radius(level);
        if (r <= 0) continue;
        double x = cx + 5, y = cy - r + 13;
        const char* anchor = "start";
        if (n >= 3) {
            x = (px(0, r) + px(1, r)) / 2;
            y = (py(0, r) + py(1, r)) / 2 + 4;
            anchor = "middle";
        }
        body += text1(ys::fixed(level, ticks.decimals), x, y, anchor, 12, t.muted,
                      " stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\"");
    }

    std::vector<LegendItem> items;
    for (std::size_t si = 0; si < c.series.size(); ++si) items.push_back(line_item(c.series[si].name, t, si));
    double legend_top = cy + R + gap + max_lines * lh + 6;
    auto [leg, leg_h] = legend(items, legend_top, t);
    double height = legend_top + leg_h + 4;
    return open_svg(id, height, c.title, c.alt) + body + leg + "</svg>";
}

}  // namespace ys::report
