#include "pdf_charts.h"

#include "number_format.h"
#include "pdf_text.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace ys::report::pdf {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kTitleSize = 10.5, kTitleLead = 14, kTitleGap = 6;
constexpr double kLabel = 7.5, kLabelLead = 9;
constexpr double kLegend = 8, kLegendRow = 14, kLegendGap = 8;
constexpr double kSwatch = 22;
constexpr Colour kWhite{255, 255, 255};

Colour tint(Colour c, double amount) {  // amount 0 = white, 1 = c
    auto mix = [&](std::uint8_t v) { return static_cast<std::uint8_t>(std::lround(255 - (255 - v) * amount)); };
    return Colour{mix(c.r), mix(c.g), mix(c.b)};
}

std::optional<double> finite(const std::optional<double>& v) {
    if (v && std::isfinite(*v)) return v;
    return std::nullopt;
}

// Text placed by its baseline and horizontal anchor: -1 left edge, 0 centre, 1 right edge.
void put(Page& page, Face& face, double size, Colour colour, double x, double baseline, const Line& line, int anchor) {
    double w = line.width(size);
    double left = anchor < 0 ? x : anchor == 0 ? x - w / 2 : x - w;
    page.text(face, size, colour, left, baseline, line.bytes);
}

// ------------------------------------------------------------------ titles

std::vector<Line> title_lines(ChartStyle& s, const std::string& title, double width) {
    if (title.empty()) return {};
    return wrap_limited(s.bold, title, kTitleSize, width, 2);
}

double title_height(ChartStyle& s, const std::string& title, double width) {
    auto lines = title_lines(s, title, width);
    return lines.empty() ? 0 : static_cast<double>(lines.size()) * kTitleLead + kTitleGap;
}

double draw_title(ChartStyle& s, Page& page, const std::string& title, double x, double top, double width) {
    auto lines = title_lines(s, title, width);
    double y = top;
    for (const Line& l : lines) {
        page.text(s.bold, kTitleSize, s.theme.text, x, y - 10.5, l.bytes);
        y -= kTitleLead;
    }
    return lines.empty() ? 0 : top - y + kTitleGap;
}

constexpr double kNoDataH = 16;

void draw_no_data(ChartStyle& s, Page& page, const std::string& title, double x, double top, double width) {
    double y = top - draw_title(s, page, title, x, top, width);
    Line l = fit_line(s.regular, "No data to show.", 9, width);
    page.text(s.regular, 9, s.theme.muted, x, y - 10, l.bytes);
}

// ------------------------------------------------------------------ scales

struct Scale {
    double lo = 0, hi = 1, step = 1;
};

double nice_step(double span, int target) {
    if (!(span > 0)) return 1;
    double raw = span / target;
    double mag = std::pow(10.0, std::floor(std::log10(raw)));
    double norm = raw / mag;
    double f = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10;
    return f * mag;
}

// Ticks inside a fixed range (scores 0 to 5): whole steps when the span is small.
Scale fixed_scale(double lo, double hi) {
    if (!std::isfinite(lo)) lo = 0;
    if (!std::isfinite(hi)) hi = lo + 1;
    if (hi < lo) std::swap(lo, hi);
    if (hi == lo) hi = lo + 1;
    double span = hi - lo;
    double step = nice_step(span, 5);
    if (span <= 10 && span >= 2 && std::fabs(span - std::round(span)) < 1e-9) step = 1;
    return Scale{lo, hi, step};
}

// Ticks that include the data, extended to whole steps (money on a bar chart).
Scale data_scale(double lo, double hi, int decimals) {
    if (hi <= lo) hi = lo + 1;
    double step = nice_step(hi - lo, 5);
    step = std::max(step, std::pow(10.0, -std::clamp(decimals, 0, 6)));
    return Scale{std::floor(lo / step + 1e-9) * step, std::ceil(hi / step - 1e-9) * step, step};
}

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

std::string tick_text(double v) { return ys::plain(v, 4); }

// ------------------------------------------------------------------ markers and fills

void marker(Page& page, std::size_t shape, double x, double y, double r, Colour fill, Colour edge) {
    page.fill_colour(fill);
    page.stroke_style(edge, 0.7);
    switch (shape % 4) {
        case 0: page.circle(x, y, r); break;
        case 1: page.rect(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7); break;
        case 2:
            page.move_to(x, y + r * 1.1);
            page.line_to(x + r, y - r * 0.75);
            page.line_to(x - r, y - r * 0.75);
            page.close_path();
            break;
        default:
            page.move_to(x, y + r * 1.15);
            page.line_to(x + r * 1.15, y);
            page.line_to(x, y - r * 1.15);
            page.line_to(x - r * 1.15, y);
            page.close_path();
            break;
    }
    page.fill_stroke();
}

// White hatching over a filled bar so series differ in greyscale too.
void hatch(Page& page, std::size_t pattern, double x, double y, double w, double h) {
    pattern %= 5;
    if (pattern == 0 || w <= 0.5 || h <= 0.5) return;
    constexpr double gap = 4.5;
    page.clip_rect(x, y, w, h);
    page.stroke_style(kWhite, 0.9);
    bool any = false;
    auto seg = [&](double x1, double y1, double x2, double y2) {
        page.move_to(x1, y1);
        page.line_to(x2, y2);
        any = true;
    };
    if (pattern == 1 || pattern == 3) {
        for (double t = -h; t < w; t += gap) seg(x + t, y, x + t + h, y + h);
    }
    if (pattern == 3 || pattern == 4) {
        for (double t = 0; t < w + h; t += gap) seg(x + t, y, x + t - h, y + h);
    }
    if (pattern == 2) {
        for (double t = gap / 2; t < h; t += gap * 0.8) seg(x, y + t, x + w, y + t);
    }
    if (any) page.stroke();
    page.restore();
}

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

std::vector<LegendPlace> place_legend(ChartStyle& s, const std::vector<LegendItem>& items, double width, int& rows) {
    std::vector<LegendPlace> out;
    rows = 0;
    if (items.empty()) return out;
    std::vector<double> row_w;
    double cx = 0;
    rows = 1;
    row_w.push_back(0);
    for (const LegendItem& item : items) {
        LegendPlace p;
        p.text = fit_line(s.regular, item.text, kLegend, std::max(20.0, width - kSwatch - 4));
        double w = kSwatch + 4 + p.text.width(kLegend);
        if (cx > 0 && cx + w > width) {
            ++rows;
            cx = 0;
            row_w.push_back(0);
        }
        p.x = cx;
        p.row = rows - 1;
        cx += w + 14;
        row_w.back() = cx - 14;
        out.push_back(std::move(p));
    }
    for (LegendPlace& p : out) p.x += std::max(0.0, (width - row_w[p.row]) / 2);  // centre each row
    return out;
}

double legend_height(ChartStyle& s, const std::vector<LegendItem>& items, double width) {
    int rows = 0;
    place_legend(s, items, width, rows);
    return rows == 0 ? 0 : kLegendGap + rows * kLegendRow;
}

void draw_legend(ChartStyle& s, Page& page, const std::vector<LegendItem>& items, double x, double top, double width) {
    int rows = 0;
    auto places = place_legend(s, items, width, rows);
    const Theme& t = s.theme;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const LegendItem& item = items[i];
        const LegendPlace& p = places[i];
        double sx = x + p.x;
        double cy = top - kLegendGap - p.row * kLegendRow - kLegendRow / 2;
        switch (item.kind) {
            case Swatch::line:
                page.stroke_style(item.colour, 1.6, static_cast<int>(item.index % kDashPatterns));
                page.move_to(sx, cy);
                page.line_to(sx + kSwatch, cy);
                page.stroke();
                marker(page, item.index, sx + kSwatch / 2, cy, 2.4, item.colour, kWhite);
                break;
            case Swatch::bar:
                page.fill_rect(sx + 3, cy - 4.5, kSwatch - 6, 9, item.colour);
                hatch(page, item.index, sx + 3, cy - 4.5, kSwatch - 6, 9);
                break;
            case Swatch::whisker:
                page.stroke_style(t.text, 0.8);
                page.move_to(sx + 1, cy);
                page.line_to(sx + kSwatch - 1, cy);
                page.move_to(sx + 1, cy - 3.5);
                page.line_to(sx + 1, cy + 3.5);
                page.move_to(sx + kSwatch - 1, cy - 3.5);
                page.line_to(sx + kSwatch - 1, cy + 3.5);
                page.stroke();
                break;
            case Swatch::box:
                page.fill_colour(tint(t.primary, 0.3));
                page.stroke_style(t.primary, 0.8);
                page.rect(sx + 2, cy - 4.5, kSwatch - 4, 9);
                page.fill_stroke();
                break;
            case Swatch::median: page.vline(sx + kSwatch / 2, cy - 5.5, cy + 5.5, t.text, 2); break;
            case Swatch::marker: marker(page, 3, sx + kSwatch / 2, cy, 3.8, item.colour, kWhite); break;
            case Swatch::none: break;
        }
        page.text(s.regular, kLegend, t.text, sx + kSwatch + 4, cy - 2.8, p.text.bytes);
    }
}

// Named series, at most 24 of them (a legend taller than that would push the chart off
// its page); the rest are counted in a last entry.
std::vector<LegendItem> series_legend(ChartStyle& s, const std::vector<Series>& series, Swatch kind) {
    constexpr std::size_t kMaxItems = 24;
    std::vector<LegendItem> items;
    std::size_t named = 0;
    for (const Series& se : series) named += se.name.empty() ? 0 : 1;
    for (std::size_t i = 0; i < series.size(); ++i) {
        if (series[i].name.empty()) continue;
        if (named > kMaxItems && items.size() == kMaxItems - 1) {
            items.push_back(
                LegendItem{"and " + std::to_string(named - items.size()) + " more", Swatch::none, s.theme.text, 0});
            break;
        }
        items.push_back(LegendItem{series[i].name, kind, s.series(i), i});
    }
    return items;
}

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

CategoryLabels category_labels(ChartStyle& s, const std::vector<std::string>& categories, double slot) {
    CategoryLabels out;
    const double room = std::max(8.0, slot - 4);
    for (const std::string& c : categories) {
        std::size_t start = 0;
        while (start <= c.size() && !out.rotated) {
            std::size_t end = c.find(' ', start);
            if (end == std::string::npos) end = c.size();
            if (end > start && s.regular.measure(std::string_view(c).substr(start, end - start), kLabel) > room) {
                out.rotated = true;
            }
            start = end + 1;
        }
    }
    std::size_t max_lines = 0;
    double max_w = 0;
    out.lines.reserve(categories.size());
    for (const std::string& c : categories) {
        if (out.rotated) {
            out.lines.push_back({fit_line(s.regular, c, kLabel, kRotatedMax)});
            max_w = std::max(max_w, out.lines.back()[0].width(kLabel));
        } else {
            out.lines.push_back(wrap_limited(s.regular, c, kLabel, room, 3));
            max_lines = std::max(max_lines, out.lines.back().size());
        }
    }
    out.height = out.rotated ? max_w + 8 : static_cast<double>(max_lines) * kLabelLead + 6;
    return out;
}

void draw_category_labels(ChartStyle& s, Page& page, const CategoryLabels& labels, double x0, double slot,
                          double axis_y) {
    for (std::size_t i = 0; i < labels.lines.size(); ++i) {
        double cx = x0 + (i + 0.5) * slot;
        if (labels.rotated) {
            if (labels.lines[i].empty()) continue;
            const Line& l = labels.lines[i][0];
            page.text_up(s.regular, kLabel, s.theme.text, cx + kLabel * 0.35, axis_y - 6 - l.width(kLabel), l.bytes);
            continue;
        }
        for (std::size_t k = 0; k < labels.lines[i].size(); ++k) {
            put(page, s.regular, kLabel, s.theme.text, cx, axis_y - 10 - k * kLabelLead, labels.lines[i][k], 0);
        }
    }
}

std::size_t category_count(const std::vector<std::string>& categories, const std::vector<Series>& series) {
    std::size_t n = categories.size();
    for (const Series& se : series) n = std::max(n, se.values.size());
    return n;
}

// A value to draw: present, finite and not absurdly large (sums of them stay finite).
std::optional<double> value_at(const Series& se, std::size_t i) {
    if (i >= se.values.size()) return std::nullopt;
    auto v = finite(se.values[i]);
    return v && std::fabs(*v) <= 1e15 ? v : std::nullopt;
}

Scale bar_scale(const BarChart& c, std::size_t n) {
    double lo = 0, hi = 0;
    for (std::size_t i = 0; i < n; ++i) {
        double pos = 0, neg = 0;
        for (const Series& se : c.series) {
            auto v = value_at(se, i);
            if (!v) continue;
            if (c.stacked) {
                (*v >= 0 ? pos : neg) += *v;
            } else {
                hi = std::max(hi, *v);
                lo = std::min(lo, *v);
            }
        }
        hi = std::max(hi, pos);
        lo = std::min(lo, neg);
    }
    return data_scale(lo, hi, c.decimals);
}

}  // namespace

Colour ChartStyle::series(std::size_t i) const {
    static const Colour fallback[] = {{0x1d, 0x4f, 0x91}, {0xb5, 0x3c, 0x00}, {0x2e, 0x7d, 0x32}, {0x6a, 0x1b, 0x9a}};
    if (theme.series.empty()) return fallback[i % 4];
    return theme.series[i % theme.series.size()];
}

// ================================================================== radar

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

// ================================================================== bar

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

// ================================================================== line

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

// ================================================================== range

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
