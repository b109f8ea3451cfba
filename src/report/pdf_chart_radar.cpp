// The radar chart in the PDF.
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
constexpr double kLabelRoom = 125;
double radar_radius(double width) { return std::clamp((width - 2 * kLabelRoom) / 2, 40.0, 110.0); }

struct RadarLabel {
    std::vector<Line> lines;
    double px = 0, top = 0;  // anchor x and block top, relative to the centre
    int anchor = 0;
};

struct RadarLayout {
    double r = 0;
    double above = 0, below = 0;  // extent of rings and labels above and below the centre
    std::vector<RadarLabel> labels;
};

double radar_angle(std::size_t i, std::size_t n) {
    return kPi / 2 - 2 * kPi * static_cast<double>(i) / static_cast<double>(n);
}

RadarLayout layout_radar(ChartStyle& s, const RadarChart& c, double width) {
    RadarLayout l;
    l.r = radar_radius(width);
    l.above = l.below = l.r + 4;
    const std::size_t n = c.axes.size();
    const double half = width / 2;
    for (std::size_t i = 0; i < n; ++i) {
        double a = radar_angle(i, n), ca = std::cos(a), sa = std::sin(a);
        RadarLabel lab;
        lab.px = (l.r + 8) * ca;
        double py = (l.r + 8) * sa;
        lab.anchor = ca > 0.25 ? -1 : ca < -0.25 ? 1 : 0;
        double room = lab.anchor < 0 ? half - lab.px : lab.anchor > 0 ? half + lab.px : 2 * (half - std::fabs(lab.px));
        double cap = 150.0;
        if (lab.anchor == 0)
            cap = std::min(cap, std::max(40.0, 1.6 * l.r * std::sin(2 * kPi / std::max<double>(n, 3))));
        lab.lines = wrap_limited(s.regular, c.axes[i], kLabel, std::max(20.0, std::min(room, cap)), 3);
        double h = static_cast<double>(lab.lines.size()) * kLabelLead;
        lab.top = sa > 0.25 ? py + h : sa < -0.25 ? py : py + h / 2;
        l.above = std::max(l.above, lab.top + 2);
        l.below = std::max(l.below, h - lab.top + 2);
        l.labels.push_back(std::move(lab));
    }
    return l;
}
}  // namespace

double chart_height(ChartStyle& s, const RadarChart& c, double width) {
    if (c.axes.empty()) return title_height(s, c.title, width) + kNoDataH;
    RadarLayout l = layout_radar(s, c, width);
    return title_height(s, c.title, width) + l.above + l.below +
           legend_height(s, series_legend(s, c.series, Swatch::line), width);
}

void draw_chart(ChartStyle& s, Page& page, const RadarChart& c, double x, double top, double width) {
    const Theme& t = s.theme;
    if (c.axes.empty()) return draw_no_data(s, page, c.title, x, top, width);
    RadarLayout lay = layout_radar(s, c, width);
    double y = top - draw_title(s, page, c.title, x, top, width);
    const double r = lay.r;
    const double cx = x + width / 2, cy = y - lay.above;
    const std::size_t n = c.axes.size();
    Scale sc = fixed_scale(c.min, c.max);
    auto radius = [&](double v) { return (std::clamp(v, sc.lo, sc.hi) - sc.lo) / (sc.hi - sc.lo) * r; };
    auto angle = [&](std::size_t i) { return radar_angle(i, n); };

    // Rings per level and spokes.
    for_each_tick(sc, [&](double v) {
        double rr = radius(v);
        if (rr <= 0) return;
        page.stroke_style(t.grid, 0.6);
        if (n >= 3) {
            for (std::size_t i = 0; i < n; ++i) {
                double a = angle(i);
                if (i == 0)
                    page.move_to(cx + rr * std::cos(a), cy + rr * std::sin(a));
                else
                    page.line_to(cx + rr * std::cos(a), cy + rr * std::sin(a));
            }
            page.close_path();
        } else {
            page.circle(cx, cy, rr);
        }
        page.stroke();
    });
    if (n > 0) {
        page.stroke_style(t.grid, 0.6);
        for (std::size_t i = 0; i < n; ++i) {
            page.move_to(cx, cy);
            page.line_to(cx + r * std::cos(angle(i)), cy + r * std::sin(angle(i)));
        }
        page.stroke();
    }
    // Level labels beside the first spoke (not the centre).
    for_each_tick(sc, [&](double v) {
        if (radius(v) <= 0) return;
        Line l = s.regular.encode(tick_text(v));
        page.text(s.regular, 6.5, t.muted, cx + 2.5, cy + radius(v) - 7.5, l.bytes);
    });

    // Axis labels around the outside.
    for (const RadarLabel& lab : lay.labels) {
        for (std::size_t k = 0; k < lab.lines.size(); ++k) {
            put(page, s.regular, kLabel, t.text, cx + lab.px, cy + lab.top - 6.8 - k * kLabelLead, lab.lines[k],
                lab.anchor);
        }
    }

    // One polygon per series, with its dash pattern and marker shape.
    for (std::size_t si = 0; si < c.series.size(); ++si) {
        const Series& se = c.series[si];
        Colour col = s.series(si);
        std::vector<std::optional<std::pair<double, double>>> pts(n);
        for (std::size_t i = 0; i < n; ++i) {
            auto v = value_at(se, i);
            if (v) pts[i] = std::make_pair(cx + radius(*v) * std::cos(angle(i)), cy + radius(*v) * std::sin(angle(i)));
        }
        page.stroke_style(col, 1.6, static_cast<int>(si % kDashPatterns), true);
        bool drew = false;
        bool all = n >= 3 && std::all_of(pts.begin(), pts.end(), [](const auto& pt) { return pt.has_value(); });
        if (all) {  // one closed path, so dashes and corners run on around it
            page.move_to(pts[0]->first, pts[0]->second);
            for (std::size_t i = 1; i < n; ++i) page.line_to(pts[i]->first, pts[i]->second);
            page.close_path();
            drew = true;
        }
        for (std::size_t i = 0; i < n && n >= 2 && !all; ++i) {
            std::size_t j = (i + 1) % n;
            if (n == 2 && j == 0) break;
            if (!pts[i] || !pts[j]) continue;
            page.move_to(pts[i]->first, pts[i]->second);
            page.line_to(pts[j]->first, pts[j]->second);
            drew = true;
        }
        if (drew) page.stroke();
        for (std::size_t i = 0; i < n; ++i) {
            if (pts[i]) marker(page, si, pts[i]->first, pts[i]->second, 2.4, col, kWhite);
        }
    }

    draw_legend(s, page, series_legend(s, c.series, Swatch::line), x, cy - lay.below, width);
}

}  // namespace ys::report::pdf
