#include "pdf_chart_parts.h"

#include <algorithm>
#include <cmath>

namespace ys::report::pdf {

namespace chart_parts {

Colour tint(Colour c, double amount) {  // amount 0 = white, 1 = c
    auto mix = [&](std::uint8_t v) { return static_cast<std::uint8_t>(std::lround(255 - (255 - v) * amount)); };
    return Colour{mix(c.r), mix(c.g), mix(c.b)};
}

std::optional<double> finite(const std::optional<double>& v) {
    if (v && std::isfinite(*v)) return v;
    return std::nullopt;
}

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

void draw_no_data(ChartStyle& s, Page& page, const std::string& title, double x, double top, double width) {
    double y = top - draw_title(s, page, title, x, top, width);
    Line l = fit_line(s.regular, "No data to show.", 9, width);
    page.text(s.regular, 9, s.theme.muted, x, y - 10, l.bytes);
}

// ------------------------------------------------------------------ scales

double nice_step(double span, int target) {
    if (!(span > 0)) return 1;
    double raw = span / target;
    double mag = std::pow(10.0, std::floor(std::log10(raw)));
    double norm = raw / mag;
    double f = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10;
    return f * mag;
}

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

Scale data_scale(double lo, double hi, int decimals) {
    if (hi <= lo) hi = lo + 1;
    double step = nice_step(hi - lo, 5);
    step = std::max(step, std::pow(10.0, -std::clamp(decimals, 0, 6)));
    return Scale{std::floor(lo / step + 1e-9) * step, std::ceil(hi / step - 1e-9) * step, step};
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

}  // namespace chart_parts

Colour ChartStyle::series(std::size_t i) const {
    static const Colour fallback[] = {{0x1d, 0x4f, 0x91}, {0xb5, 0x3c, 0x00}, {0x2e, 0x7d, 0x32}, {0x6a, 0x1b, 0x9a}};
    if (theme.series.empty()) return fallback[i % 4];
    return theme.series[i % theme.series.size()];
}

}  // namespace ys::report::pdf
