// The range chart in the PDF, drawn in parts when it is longer than a page.
#include "pdf_charts.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "number_format.h"
#include "pdf_chart_parts.h"
#include "pdf_text.h"

namespace ys::report::pdf {

using namespace chart_parts;

namespace {
constexpr double kRangeLabel = 8, kRangeLead = 9.5, kRangeAxisH = 16;

std::vector<LegendItem> range_legend(ChartStyle& s, const RangeChart& c) {
    std::vector<LegendItem> items{{"Lowest to highest", Swatch::whisker, s.theme.text, 0},
                                  {"Middle half", Swatch::box, s.theme.primary, 0},
                                  {"Median", Swatch::median, s.theme.text, 0}};
    bool any_marker = std::any_of(c.rows.begin(), c.rows.end(), [](const RangeRow& r) { return finite(r.marker); });
    if (any_marker && !c.marker_label.empty()) items.push_back({c.marker_label, Swatch::marker, s.theme.accent, 0});
    return items;
}
}  // namespace

RangeLayout layout_range(ChartStyle& s, const RangeChart& c, double width) {
    RangeLayout l;
    l.title_h = title_height(s, c.title, width);
    l.axis_h = kRangeAxisH;
    l.legend_h = legend_height(s, range_legend(s, c), width);
    l.label_w = std::round(width * 0.34);
    l.labels.reserve(c.rows.size());
    for (const RangeRow& row : c.rows) {
        l.labels.push_back(wrap_limited(s.regular, row.label, kRangeLabel, l.label_w, 3));
        l.row_h.push_back(std::max(20.0, static_cast<double>(l.labels.back().size()) * kRangeLead + 7));
    }
    return l;
}

double draw_range(ChartStyle& s, Page& page, const RangeChart& c, const RangeLayout& l, std::size_t first,
                  std::size_t last, bool title, bool legend, double x, double top, double width) {
    const Theme& t = s.theme;
    double y = top;
    if (title) y -= draw_title(s, page, c.title, x, top, width);
    Scale sc = fixed_scale(c.scale_min, c.scale_max);
    const double sx0 = x + l.label_w + 12, sx1 = x + width - 8;
    auto fx = [&](double v) { return sx0 + (std::clamp(v, sc.lo, sc.hi) - sc.lo) / (sc.hi - sc.lo) * (sx1 - sx0); };

    double rows_h = 0;
    for (std::size_t i = first; i < last; ++i) rows_h += l.row_h[i];
    const double rows_top = y - l.axis_h, rows_bottom = rows_top - rows_h;
    for_each_tick(sc, [&](double v) {
        Line label = s.regular.encode(tick_text(v));
        put(page, s.regular, kLabel, t.muted, fx(v), rows_top + 5, label, 0);
        page.vline(fx(v), rows_top, rows_bottom, t.grid, 0.5);
    });
    page.hline(sx0, sx1, rows_bottom, t.grid, 0.5);

    double ry = rows_top;
    for (std::size_t i = first; i < last; ++i) {
        const RangeRow& row = c.rows[i];
        const double h = l.row_h[i], cy = ry - h / 2;
        const auto& lines = l.labels[i];
        double block_top = cy + lines.size() * kRangeLead / 2;
        for (std::size_t k = 0; k < lines.size(); ++k) {
            page.text(s.regular, kRangeLabel, t.text, x, block_top - 7.2 - k * kRangeLead, lines[k].bytes);
        }
        double vals[5] = {row.min, row.q1, row.median, row.q3, row.max};
        bool ok = std::all_of(vals, vals + 5, [](double v) { return std::isfinite(v); });
        if (ok) {
            std::sort(vals, vals + 5);
            double x_min = fx(vals[0]), x_q1 = fx(vals[1]), x_med = fx(row.median), x_q3 = fx(vals[3]),
                   x_max = fx(vals[4]);
            if (!std::isfinite(row.median)) x_med = fx(vals[2]);
            page.stroke_style(t.text, 0.8);
            page.move_to(x_min, cy);
            page.line_to(x_max, cy);
            page.move_to(x_min, cy - 3.5);
            page.line_to(x_min, cy + 3.5);
            page.move_to(x_max, cy - 3.5);
            page.line_to(x_max, cy + 3.5);
            page.stroke();
            page.fill_colour(tint(t.primary, 0.3));
            page.stroke_style(t.primary, 0.8);
            page.rect(x_q1, cy - 5, std::max(0.8, x_q3 - x_q1), 10);
            page.fill_stroke();
            page.vline(x_med, cy - 6.5, cy + 6.5, t.text, 2);
        }
        if (auto m = finite(row.marker)) marker(page, 3, fx(*m), cy, 4.2, t.accent, kWhite);
        ry -= h;
    }
    double used = top - rows_bottom;
    if (legend) {
        draw_legend(s, page, range_legend(s, c), x, rows_bottom, width);
        used += l.legend_h;
    }
    return used;
}

}  // namespace ys::report::pdf
