// The bar chart (grouped or stacked) as SVG.
#include "svg_charts.h"

#include <algorithm>
#include <cmath>

#include "number_format.h"
#include "svg_chart_parts.h"

namespace ys::report {

using namespace svg;

std::string chart_svg(const BarChart& c, const Theme& t, const std::string& id) {
    const std::size_t n = c.categories.size(), ns = c.series.size();
    if (n == 0 || ns == 0) return empty_chart(id, c.title, c.alt, t);
    auto value = [&](std::size_t si, std::size_t ci) -> std::optional<double> {
        const auto& v = c.series[si].values;
        return ci < v.size() ? v[ci] : std::nullopt;
    };
    double lo = 0, hi = 0;
    for (std::size_t ci = 0; ci < n; ++ci) {
        double pos = 0, neg = 0;
        for (std::size_t si = 0; si < ns; ++si) {
            auto v = value(si, ci);
            if (!v) continue;
            if (c.stacked) {
                (*v >= 0 ? pos : neg) += *v;
            } else {
                pos = std::max(pos, *v);
                neg = std::min(neg, *v);
            }
        }
        hi = std::max(hi, pos);
        lo = std::min(lo, neg);
    }
    Ticks ticks = nice_ticks(lo, hi, 5);
    int tick_dec = std::max(ticks.decimals, 0);
    std::vector<std::string> tick_labels;
    double label_w = 0;
    for (double v : ticks.values) {
        tick_labels.push_back(format_value(v, tick_dec, c.value_prefix));
        label_w = std::max(label_w, text_width(tick_labels.back(), kTickFont));
    }
    const double left = 14 + label_w + 8, right = kWidth - 16, top = 14, plot_h = 260, base = top + plot_h;
    const double gw = (right - left) / static_cast<double>(n);
    auto y_of = [&](double v) { return base - plot_h * (v - ticks.lo) / (ticks.hi - ticks.lo); };

    std::string body = hatch_defs(id, t, ns);
    for (std::size_t k = 0; k < ticks.values.size(); ++k) {
        double y = y_of(ticks.values[k]);
        if (std::fabs(ticks.values[k]) > 1e-12) body += line(left, y, right, y, t.grid, 1);
        body += text1(tick_labels[k], left - 8, y + 4.5, "end", kTickFont, t.muted);
    }

    // Category labels under the groups.
    const std::size_t max_chars = static_cast<std::size_t>(std::max(4.0, (gw - 6) / (kLabelFont * kCharWidth)));
    std::size_t most_lines = 1;
    for (std::size_t ci = 0; ci < n; ++ci) {
        auto lines = wrap(c.categories[ci], max_chars, 3);
        most_lines = std::max(most_lines, lines.size());
        body += text_lines(lines, left + gw * (static_cast<double>(ci) + 0.5), base + 20, kLineHeight, "middle",
                           kLabelFont, t.text);
    }

    for (std::size_t ci = 0; ci < n; ++ci) {
        double xc = left + gw * (static_cast<double>(ci) + 0.5);
        if (c.stacked) {
            double bw = std::min(gw * 0.55, 72.0);
            double pos = 0, neg = 0;
            for (std::size_t si = 0; si < ns; ++si) {
                auto v = value(si, ci);
                if (!v || *v == 0) continue;
                double from = *v >= 0 ? pos : neg, to = from + *v;
                (*v >= 0 ? pos : neg) = to;
                double y1 = y_of(std::max(from, to)), y2 = y_of(std::min(from, to));
                body += bar_rect(id, t, si, xc - bw / 2, y1, bw, y2 - y1);
            }
        } else {
            double bw = std::min(gw * 0.75 / static_cast<double>(ns), 48.0);
            double x0 = xc - bw * static_cast<double>(ns) / 2;
            for (std::size_t si = 0; si < ns; ++si) {
                auto v = value(si, ci);
                if (!v) continue;
                double y1 = y_of(std::max(*v, 0.0)), y2 = y_of(std::min(*v, 0.0));
                body += bar_rect(id, t, si, x0 + bw * static_cast<double>(si), y1, bw, std::max(y2 - y1, 0.0));
            }
        }
    }
    // The zero line over the bars' feet, and the y axis.
    body += line(left, y_of(0), right, y_of(0), t.muted, 1.5);
    body += line(left, top, left, base, t.muted, 1);

    std::vector<LegendItem> items;
    for (std::size_t si = 0; si < ns; ++si) items.push_back(bar_item(c.series[si].name, t, id, si));
    double legend_top = base + 20 + static_cast<double>(most_lines) * kLineHeight + 4;
    auto [leg, leg_h] = legend(items, legend_top, t);
    return open_svg(id, legend_top + leg_h + 4, c.title, c.alt) + body + leg + "</svg>";
}

}  // namespace ys::report
