// The bar chart (grouped or stacked) in the PDF.
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
struct BarLayout {
    std::size_t n = 0;
    Scale scale;
    double label_w = 0;
    double slot = 0;
    CategoryLabels labels;
};

BarLayout layout_bar(ChartStyle& s, const BarChart& c, double width) {
    BarLayout l;
    l.n = category_count(c.categories, c.series);
    l.scale = bar_scale(c, l.n);
    l.label_w =
        y_labels_width(s, l.scale, [&](double v) { return grouped_number(v, c.decimals, c.value_prefix); }, width);
    double plot_w = width - l.label_w - 6;
    l.slot = l.n > 0 ? plot_w / static_cast<double>(l.n) : plot_w;
    std::vector<std::string> cats = c.categories;
    cats.resize(l.n);
    l.labels = category_labels(s, cats, l.slot);
    return l;
}
}  // namespace

double chart_height(ChartStyle& s, const BarChart& c, double width) {
    BarLayout l = layout_bar(s, c, width);
    if (l.n == 0) return title_height(s, c.title, width) + kNoDataH;
    return title_height(s, c.title, width) + 6 + kPlotH + l.labels.height +
           legend_height(s, series_legend(s, c.series, Swatch::bar), width);
}

void draw_chart(ChartStyle& s, Page& page, const BarChart& c, double x, double top, double width) {
    const Theme& t = s.theme;
    BarLayout l = layout_bar(s, c, width);
    if (l.n == 0) return draw_no_data(s, page, c.title, x, top, width);
    double y = top - draw_title(s, page, c.title, x, top, width) - 6;
    Plot p{x, x + l.label_w + 6, x + width, y - kPlotH, y, l.scale};
    auto fmt = [&](double v) { return grouped_number(v, c.decimals, c.value_prefix); };
    draw_y_axis(s, page, p, fmt);

    const std::size_t ns = c.series.size();
    const double zero = p.y(0);
    for (std::size_t i = 0; i < l.n; ++i) {
        double group_x = p.x0 + i * l.slot;
        double area = l.slot * 0.72;
        if (c.stacked) {
            double bw = std::min(area, 48.0);
            double bx = group_x + (l.slot - bw) / 2;
            double pos = 0, neg = 0;
            for (std::size_t si = 0; si < ns; ++si) {
                auto v = value_at(c.series[si], i);
                if (!v || *v == 0) continue;
                double from = *v >= 0 ? pos : neg;
                double to = from + *v;
                (*v >= 0 ? pos : neg) = to;
                double y0 = p.y(std::min(from, to)), y1 = p.y(std::max(from, to));
                page.fill_rect(bx, y0, bw, y1 - y0, s.series(si));
                hatch(page, si, bx, y0, bw, y1 - y0);
                page.stroke_style(kWhite, 0.6);
                page.rect(bx, y0, bw, y1 - y0);
                page.stroke();
            }
        } else if (ns > 0) {
            double bw = std::min(area / static_cast<double>(ns), 36.0);
            double bx0 = group_x + (l.slot - bw * static_cast<double>(ns)) / 2;
            for (std::size_t si = 0; si < ns; ++si) {
                auto v = value_at(c.series[si], i);
                if (!v) continue;
                double bx = bx0 + si * bw;
                double y0 = std::min(zero, p.y(*v)), y1 = std::max(zero, p.y(*v));
                if (y1 - y0 < 0.01) continue;
                page.fill_rect(bx + 0.4, y0, bw - 0.8, y1 - y0, s.series(si));
                hatch(page, si, bx + 0.4, y0, bw - 0.8, y1 - y0);
            }
        }
    }
    page.hline(p.x0, p.x1, zero, t.text, 0.8);
    draw_category_labels(s, page, l.labels, p.x0, l.slot, p.y0);
    double legend_top = p.y0 - l.labels.height;
    draw_legend(s, page, series_legend(s, c.series, Swatch::bar), x, legend_top, width);
}

}  // namespace ys::report::pdf
