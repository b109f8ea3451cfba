// The line chart in the PDF.
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
struct LineLayout {
    std::size_t n = 0;
    Scale scale;
    double label_w = 0;
    double slot = 0;
    CategoryLabels labels;
};

LineLayout layout_line(ChartStyle& s, const LineChart& c, double width) {
    LineLayout l;
    l.n = category_count(c.categories, c.series);
    l.scale = fixed_scale(c.min, c.max);
    l.label_w = y_labels_width(s, l.scale, tick_text, width);
    double plot_w = width - l.label_w - 6;
    l.slot = l.n > 0 ? plot_w / static_cast<double>(l.n) : plot_w;
    std::vector<std::string> cats = c.categories;
    cats.resize(l.n);
    l.labels = category_labels(s, cats, l.slot);
    return l;
}
constexpr double kLinePlotH = 160;
}  // namespace

double chart_height(ChartStyle& s, const LineChart& c, double width) {
    LineLayout l = layout_line(s, c, width);
    if (l.n == 0) return title_height(s, c.title, width) + kNoDataH;
    return title_height(s, c.title, width) + 6 + kLinePlotH + l.labels.height +
           legend_height(s, series_legend(s, c.series, Swatch::line), width);
}

void draw_chart(ChartStyle& s, Page& page, const LineChart& c, double x, double top, double width) {
    const Theme& t = s.theme;
    LineLayout l = layout_line(s, c, width);
    if (l.n == 0) return draw_no_data(s, page, c.title, x, top, width);
    double y = top - draw_title(s, page, c.title, x, top, width) - 6;
    Plot p{x, x + l.label_w + 6, x + width, y - kLinePlotH, y, l.scale};
    draw_y_axis(s, page, p, tick_text);
    page.hline(p.x0, p.x1, p.y0, t.text, 0.8);
    for (std::size_t i = 0; i < l.n; ++i) {  // category ticks
        double cx = p.x0 + (i + 0.5) * l.slot;
        page.vline(cx, p.y0, p.y0 - 3, t.text, 0.6);
    }
    for (std::size_t si = 0; si < c.series.size(); ++si) {
        const Series& se = c.series[si];
        Colour col = s.series(si);
        page.stroke_style(col, 1.6, static_cast<int>(si % kDashPatterns), true);
        bool open = false, started = false;
        for (std::size_t i = 0; i < l.n; ++i) {
            auto v = value_at(se, i);
            if (!v) {
                open = false;
                continue;
            }
            double px = p.x0 + (i + 0.5) * l.slot, py = p.y(*v);
            if (open) {
                page.line_to(px, py);
            } else {
                page.move_to(px, py);
                open = started = true;
            }
        }
        if (started) page.stroke();
        for (std::size_t i = 0; i < l.n; ++i) {
            auto v = value_at(se, i);
            if (v) marker(page, si, p.x0 + (i + 0.5) * l.slot, p.y(*v), 2.6, col, kWhite);
        }
    }
    draw_category_labels(s, page, l.labels, p.x0, l.slot, p.y0);
    double legend_top = p.y0 - l.labels.height;
    draw_legend(s, page, series_legend(s, c.series, Swatch::line), x, legend_top, width);
}

}  // namespace ys::report::pdf
