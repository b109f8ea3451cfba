#include "charts.h"

#include "wx_utf8.h"  // first: the UTF-8 _()

#include <algorithm>
#include <cmath>
#include <memory>

#include <wx/dcbuffer.h>
#include <wx/graphics.h>
#include <wx/settings.h>

namespace ys::gui {
namespace {

constexpr double kPi = 3.14159265358979323846;

double luminance(const wxColour& c) {
    auto lin = [](unsigned char v) {
        double x = v / 255.0;
        return x <= 0.03928 ? x / 12.92 : std::pow((x + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * lin(c.Red()) + 0.7152 * lin(c.Green()) + 0.0722 * lin(c.Blue());
}

wxColour mix(const wxColour& a, const wxColour& b, double t) {
    auto m = [t](unsigned char x, unsigned char y) { return static_cast<unsigned char>(std::lround(x + (y - x) * t)); };
    return wxColour(m(a.Red(), b.Red()), m(a.Green(), b.Green()), m(a.Blue(), b.Blue()));
}

// A sequential scale from low (warm) to high (blue-green), readable on both themes.
wxColour scale_colour(double t) {
    static const wxColour stops[] = {wxColour(0xd7, 0x30, 0x27), wxColour(0xfc, 0x8d, 0x59), wxColour(0xfe, 0xe0, 0x8b),
                                     wxColour(0x91, 0xcf, 0x60), wxColour(0x1a, 0x98, 0x50)};
    t = std::clamp(t, 0.0, 1.0) * 4;
    int i = std::min(3, static_cast<int>(t));
    return mix(stops[i], stops[i + 1], t - i);
}

wxString number_text(double v, int decimals) {
    // Locale-independent: the C locale is kept for numbers throughout.
    return wxString::FromCDouble(v, decimals);
}

// Greedy word wrap to `max_w`; a word longer than the line is cut with an ellipsis.
std::vector<wxString> fit_lines(wxGraphicsContext& gc, const wxString& text, double max_w, std::size_t max_lines = 3) {
    std::vector<wxString> lines;
    wxString line;
    for (const auto& word : wxSplit(text, ' ', '\0')) {
        wxString candidate = line.empty() ? word : line + wxS(" ") + word;
        double w = 0;
        gc.GetTextExtent(candidate, &w, nullptr);
        if (w <= max_w || line.empty()) {
            line = candidate;
        } else {
            lines.push_back(line);
            line = word;
        }
    }
    if (!line.empty()) lines.push_back(line);
    if (lines.size() > max_lines) {
        lines.resize(max_lines);
        lines.back() += wxS("\u2026");
    }
    for (auto& l : lines) {
        double w = 0;
        gc.GetTextExtent(l, &w, nullptr);
        while (w > max_w && l.length() > 2) {
            l = l.Left(l.length() - 2) + wxS("\u2026");
            gc.GetTextExtent(l, &w, nullptr);
        }
    }
    return lines;
}

wxString ellipsize(wxGraphicsContext& gc, const wxString& text, double max_w) {
    wxString t = text;
    double w = 0;
    gc.GetTextExtent(t, &w, nullptr);
    if (w <= max_w) return t;
    while (t.length() > 1 && w > max_w) {
        t.RemoveLast();
        gc.GetTextExtent(t + wxS("\u2026"), &w, nullptr);
    }
    return t + wxS("\u2026");
}

void text_centred(wxGraphicsContext& gc, const wxString& s, double cx, double cy) {
    double w = 0, h = 0;
    gc.GetTextExtent(s, &w, &h);
    gc.DrawText(s, cx - w / 2, cy - h / 2);
}

}  // namespace

wxColour text_colour_on(const wxColour& background) {
    return luminance(background) > 0.35 ? wxColour(0x11, 0x11, 0x11) : wxColour(0xf5, 0xf5, 0xf5);
}

ChartColours ChartColours::current() {
    ChartColours c;
    c.background = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW);
    c.text = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT);
    c.dark = luminance(c.background) < 0.2;
    c.muted = mix(c.text, c.background, 0.45);
    c.grid = mix(c.text, c.background, 0.78);
    if (c.dark)
        c.series = {wxColour(0x6c, 0xb4, 0xff), wxColour(0xff, 0xb3, 0x47), wxColour(0xbf, 0xbf, 0xbf), wxColour(0x7d, 0xe0, 0x9a)};
    else
        c.series = {wxColour(0x1f, 0x5f, 0xbf), wxColour(0xc4, 0x5a, 0x00), wxColour(0x70, 0x70, 0x70), wxColour(0x1a, 0x80, 0x40)};
    return c;
}

ChartGeometry draw_radar(wxGraphicsContext& gc, const wxRect& area, const ChartColours& colours, const std::vector<wxString>& axes,
                         double lo, double hi, const std::vector<RadarSeries>& series) {
    ChartGeometry geometry;
    const std::size_t n = axes.size();
    if (n < 3 || hi <= lo) return geometry;
    double lh = 0, legend_h = 0;
    gc.SetFont(gc.CreateFont(wxSystemSettings::GetFont(wxSYS_DEFAULT_GUI_FONT), colours.text));
    gc.GetTextExtent(wxS("Hg"), nullptr, &lh);
    // The legend: one entry after another, onto a new line when the width runs out.
    struct Entry {
        wxString text;
        double x, y, w;
    };
    std::vector<Entry> legend;
    {
        double x = 0, y = 0;
        for (const auto& s : series) {
            wxString t = ellipsize(gc, s.name, std::max(60.0, area.width - 50.0));
            double w = 0;
            gc.GetTextExtent(t, &w, nullptr);
            if (x > 0 && x + 28 + w > area.width - 8) {
                x = 0;
                y += lh * 1.3;
            }
            legend.push_back({t, x, y, w});
            x += 28 + w + 18;
        }
        legend_h = y + lh * 1.6;
    }
    auto angle_of = [n](std::size_t i) { return -kPi / 2 + 2 * kPi * static_cast<double>(i) / static_cast<double>(n); };
    // Each label's block of lines, placed outside the rim: to the right of its spoke's end on
    // the right, to the left on the left, centred at the top and bottom.
    struct Label {
        std::vector<wxString> lines;
        double w = 0, h = 0;
    };
    // Labels at the top and bottom (centred on their spoke) may wrap narrower than the rest:
    // a wide one there runs into its neighbours when the area is short and wide.
    auto wrap_labels = [&](double max_w, double centred_max_w) {
        std::vector<Label> out;
        for (std::size_t i = 0; i < n; ++i) {
            const wxString& a = axes[i];
            Label l;
            l.lines = fit_lines(gc, a, std::abs(std::cos(angle_of(i))) <= 0.2 ? centred_max_w : max_w);
            for (const auto& line : l.lines) {
                double w = 0;
                gc.GetTextExtent(line, &w, nullptr);
                l.w = std::max(l.w, w);
            }
            l.h = lh * l.lines.size();
            out.push_back(l);
        }
        return out;
    };
    auto label_box = [&](const Label& l, std::size_t i, double cx, double cy, double r) {
        const double a = angle_of(i), c = std::cos(a), sn = std::sin(a);
        double x = cx + (r + 8) * c, y = cy + (r + 8) * sn;
        x -= c < -0.2 ? l.w : (c <= 0.2 ? l.w / 2 : 0.0);
        y -= sn < -0.2 ? l.h : (sn <= 0.2 ? l.h / 2 : 0.0);
        return wxRect2DDouble(x, y, l.w, l.h);
    };
    // The space for the chart and its labels: the area above the legend.
    const wxRect2DDouble box(area.x, area.y, area.width, std::max(0.0, area.height - legend_h));
    const double bcx = box.m_x + box.m_width / 2, bcy = box.m_y + box.m_height / 2;
    auto inside = [&](const wxRect2DDouble& b) {
        return b.m_x >= box.m_x - 0.5 && b.m_y >= box.m_y - 0.5 && b.GetRight() <= box.GetRight() + 0.5 &&
               b.GetBottom() <= box.GetBottom() + 0.5;
    };
    auto overlapping = [&](const std::vector<Label>& ls, double r) {
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t k = i + 1; k < n; ++k) {
                wxRect2DDouble a = label_box(ls[i], i, bcx, bcy, r), b = label_box(ls[k], k, bcx, bcy, r);
                if (a.m_x < b.GetRight() && b.m_x < a.GetRight() && a.m_y < b.GetBottom() && b.m_y < a.GetBottom()) return true;
            }
        return false;
    };
    // The largest radius at which every label is inside the box (bisection: a larger rim
    // only pushes labels outwards).
    auto largest_radius = [&](const std::vector<Label>& ls) {
        double good = 0, bad = std::min(box.m_width, box.m_height) / 2;
        for (int step = 0; step < 30; ++step) {
            double mid = (good + bad) / 2;
            bool fits = true;
            for (std::size_t i = 0; i < n && fits; ++i) fits = inside(label_box(ls[i], i, bcx, bcy, mid));
            (fits ? good : bad) = mid;
        }
        return good;
    };
    // Wider labels take fewer lines but push the rim inwards: the width whose radius is largest
    // wins, among those whose labels keep clear of each other.
    // Never narrower than the longest word: labels wrap between words, never inside one.
    double longest_word = 0;
    for (const auto& a : axes)
        for (const auto& word : wxSplit(a, ' ', '\0')) {
            double w = 0;
            gc.GetTextExtent(word, &w, nullptr);
            longest_word = std::max(longest_word, w);
        }
    std::vector<Label> labels;
    double r = -1;
    bool clear = false;
    for (double share : {0.34, 0.28, 0.22, 0.17, 0.13})
        for (double centred_share : {share, 0.13}) {
            const double narrowest = std::max(64.0, longest_word);
            auto ls = wrap_labels(std::max(narrowest, area.width * share), std::max(narrowest, area.width * std::min(share, centred_share)));
            double rr = largest_radius(ls);
            bool ok = !overlapping(ls, rr);
            if ((ok && !clear) || (ok == clear && rr > r)) {
                labels = std::move(ls);
                r = rr;
                clear = ok;
            }
        }
    r = std::max(r, 4.0);
    // The chart sits at the top of the area with the legend under it, not at the foot of a tall panel.
    double top = bcy - r, bottom = bcy + r;
    for (std::size_t i = 0; i < n; ++i) {
        auto b = label_box(labels[i], i, bcx, bcy, r);
        top = std::min(top, b.m_y);
        bottom = std::max(bottom, b.GetBottom());
    }
    const double cx = bcx, cy = bcy - (top - box.m_y);
    geometry.radius = r;
    geometry.plot = wxRect2DDouble(cx - r, cy - r, 2 * r, 2 * r);
    auto point = [&](std::size_t i, double v) {
        double angle = angle_of(i);
        double rr = r * std::clamp((v - lo) / (hi - lo), 0.0, 1.0);
        return wxPoint2DDouble(cx + rr * std::cos(angle), cy + rr * std::sin(angle));
    };
    // Rings at each whole level, and spokes.
    gc.SetPen(wxPen(colours.grid, 1));
    gc.SetBrush(*wxTRANSPARENT_BRUSH);
    for (int level = static_cast<int>(std::ceil(lo)); level <= static_cast<int>(std::floor(hi)); ++level) {
        wxGraphicsPath ring = gc.CreatePath();
        for (std::size_t i = 0; i < n; ++i) {
            auto p = point(i, level);
            if (i == 0) ring.MoveToPoint(p);
            else ring.AddLineToPoint(p);
        }
        ring.CloseSubpath();
        gc.StrokePath(ring);
    }
    for (std::size_t i = 0; i < n; ++i) {
        auto p = point(i, hi);
        gc.StrokeLine(cx, cy, p.m_x, p.m_y);
    }
    gc.SetFont(gc.CreateFont(wxSystemSettings::GetFont(wxSYS_DEFAULT_GUI_FONT), colours.muted));
    // Level numbers along the middle of the first sector, clear of the axis labels.
    for (int level = static_cast<int>(std::ceil(lo)); level <= static_cast<int>(std::floor(hi)); ++level) {
        double angle = -kPi / 2 + kPi / static_cast<double>(n);
        double rr = r * std::clamp((level - lo) / (hi - lo), 0.0, 1.0);
        wxString t = wxString::Format(wxS("%d"), level);
        double w = 0;
        gc.GetTextExtent(t, &w, nullptr);
        gc.DrawText(t, cx + rr * std::cos(angle) - w / 2, cy + rr * std::sin(angle) - lh / 2);
    }
    // Axis labels outside the rim.
    gc.SetFont(gc.CreateFont(wxSystemSettings::GetFont(wxSYS_DEFAULT_GUI_FONT), colours.text));
    for (std::size_t i = 0; i < n; ++i) {
        const double c = std::cos(angle_of(i));
        const int align = c < -0.2 ? -1 : (c <= 0.2 ? 0 : 1);
        const wxRect2DDouble b = label_box(labels[i], i, cx, cy, r);
        geometry.texts.push_back(b);
        for (std::size_t k = 0; k < labels[i].lines.size(); ++k) {
            double w = 0;
            gc.GetTextExtent(labels[i].lines[k], &w, nullptr);
            double lx = align < 0 ? b.GetRight() - w : (align == 0 ? b.m_x + (b.m_width - w) / 2 : b.m_x);
            gc.DrawText(labels[i].lines[k], lx, b.m_y + k * lh);
        }
    }
    // Series: filled first so lines stay visible.
    for (int pass = 0; pass < 2; ++pass) {
        for (const auto& s : series) {
            if ((s.style == SeriesStyle::Filled) != (pass == 0)) continue;
            const wxColour& col = colours.series[static_cast<std::size_t>(s.colour) % colours.series.size()];
            wxPen pen(col, 2, s.style == SeriesStyle::Dashed ? wxPENSTYLE_SHORT_DASH : wxPENSTYLE_SOLID);
            gc.SetPen(pen);
            bool all = std::all_of(s.values.begin(), s.values.end(), [](const auto& v) { return v.has_value(); });
            wxGraphicsPath path = gc.CreatePath();
            bool open = false;
            for (std::size_t i = 0; i < n && i < s.values.size(); ++i) {
                if (!s.values[i]) {
                    open = false;
                    continue;
                }
                auto p = point(i, *s.values[i]);
                if (!open) path.MoveToPoint(p);
                else path.AddLineToPoint(p);
                open = true;
            }
            if (all && s.values.size() >= n) path.CloseSubpath();
            if (s.style == SeriesStyle::Filled && all) {
                gc.SetBrush(wxBrush(wxColour(col.Red(), col.Green(), col.Blue(), 60)));
                gc.DrawPath(path);
            } else {
                gc.SetBrush(*wxTRANSPARENT_BRUSH);
                gc.StrokePath(path);
            }
            gc.SetBrush(wxBrush(col));
            for (std::size_t i = 0; i < n && i < s.values.size(); ++i)
                if (s.values[i]) {
                    auto p = point(i, *s.values[i]);
                    gc.DrawEllipse(p.m_x - 3, p.m_y - 3, 6, 6);
                }
        }
    }
    // Legend along the bottom.
    const double legend_top = area.y + (bottom - top) + lh * 0.3;
    for (std::size_t k = 0; k < series.size(); ++k) {
        const auto& s = series[k];
        const wxColour& col = colours.series[static_cast<std::size_t>(s.colour) % colours.series.size()];
        double x = area.x + 8 + legend[k].x, y = legend_top + legend[k].y;
        gc.SetPen(wxPen(col, 3, s.style == SeriesStyle::Dashed ? wxPENSTYLE_SHORT_DASH : wxPENSTYLE_SOLID));
        gc.StrokeLine(x, y + lh / 2, x + 22, y + lh / 2);
        gc.SetFont(gc.CreateFont(wxSystemSettings::GetFont(wxSYS_DEFAULT_GUI_FONT), colours.text));
        gc.DrawText(legend[k].text, x + 28, y);
        geometry.texts.push_back(wxRect2DDouble(x + 28, y, legend[k].w, lh));
    }
    return geometry;
}

namespace {

// Whole levels are shown as "3", scores as "3.6".
int heatmap_decimals(const Heatmap& h) {
    for (const auto& v : h.cells)
        if (v && std::abs(*v - std::round(*v)) > 1e-9) return 1;
    return 0;
}

// The whole values the legend gives a swatch each (none when there would be too many).
std::vector<int> legend_values(const Heatmap& h) {
    std::vector<int> out;
    const int from = static_cast<int>(std::ceil(h.lo)), to = static_cast<int>(std::floor(h.hi));
    if (to - from > 10) return out;
    for (int v = from; v <= to; ++v) out.push_back(v);
    return out;
}

constexpr double kMaxHeadingWidth = 190;

}  // namespace

int heatmap_min_height(const wxWindow& window, const Heatmap& h) {
    const int lh = window.GetTextExtent(wxS("Hg")).GetHeight();
    int head_w = 0;
    for (const auto& c : h.columns) head_w = std::max(head_w, window.GetTextExtent(c).GetWidth());
    head_w = std::min(head_w, static_cast<int>(kMaxHeadingWidth));
    // What draw_heatmap takes: headings rising at 45 degrees, rows a line and a half high,
    // the legend's line, and the panel's margins.
    const int rise = static_cast<int>(head_w * 0.71) + lh;
    return rise + static_cast<int>(h.rows.size() * lh * 1.5) + 2 * lh + 30;
}

ChartGeometry draw_heatmap(wxGraphicsContext& gc, const wxRect& area, const ChartColours& colours, const Heatmap& h) {
    ChartGeometry geometry;
    if (h.rows.empty() || h.columns.empty()) return geometry;
    const wxFont font = wxSystemSettings::GetFont(wxSYS_DEFAULT_GUI_FONT);
    gc.SetFont(gc.CreateFont(font, colours.text));
    double lh = 0, row_label_w = 0;
    gc.GetTextExtent(wxS("Hg"), nullptr, &lh);
    for (const auto& r : h.rows) {
        double w = 0;
        gc.GetTextExtent(r, &w, nullptr);
        row_label_w = std::max(row_label_w, w);
    }
    row_label_w = std::min(row_label_w, area.width * 0.3) + 10;
    const int decimals = heatmap_decimals(h);
    double number_w = 0;
    for (const auto& v : h.cells) {
        double w = 0;
        if (v) gc.GetTextExtent(number_text(*v, decimals), &w, nullptr);
        number_w = std::max(number_w, w);
    }
    // The legend's line under the grid: its title, then a swatch per whole value.
    const std::vector<int> legend = legend_values(h);
    double title_w = 0, swatch_w = 0;
    if (!h.legend_title.empty()) gc.GetTextExtent(h.legend_title, &title_w, nullptr);
    for (int v : legend) {
        double w = 0;
        gc.GetTextExtent(number_text(v, 0), &w, nullptr);
        swatch_w = std::max(swatch_w, w + 14);
    }
    const double legend_w = title_w + 8 + swatch_w * legend.size();
    bool show_legend = !legend.empty() && legend_w <= area.width && area.height > lh * 6;
    double legend_h = show_legend ? lh + 12 : 0;
    // Column headings run up at 45 degrees from the top of their column: they need room
    // above the grid and, for the last ones, to its right.
    const double min_grid_h = h.rows.size() * std::min(lh * 1.6, 14.0) + 8;
    const double max_head_w =
        std::max(60.0, std::min({(area.height - legend_h - min_grid_h - lh) / 0.71, area.width * 0.3, kMaxHeadingWidth}));
    std::vector<wxString> heads;
    double head_w = 0;
    for (const auto& c : h.columns) {
        heads.push_back(ellipsize(gc, c, max_head_w));
        double w = 0;
        gc.GetTextExtent(heads.back(), &w, nullptr);
        head_w = std::max(head_w, w);
    }
    const double rise = head_w * 0.71 + lh;
    // The legend only where it leaves each row a line's height.
    if (show_legend && (area.height - rise - 4 - legend_h) / h.rows.size() < lh) {
        show_legend = false;
        legend_h = 0;
    }
    const double right_reserve = std::max(0.0, head_w * 0.71 - 10);
    const double cell_w = std::max(16.0, (area.width - row_label_w - right_reserve) / h.columns.size());
    const double cell_h = std::clamp((area.height - rise - 4 - legend_h) / h.rows.size(), 10.0, lh * 2.0);
    const double top = area.y + rise, left = area.x + row_label_w;
    for (std::size_t c = 0; c < heads.size(); ++c) {
        gc.PushState();
        // The text's own height falls below its baseline's line: lift it clear of the grid.
        gc.Translate(left + (c + 0.5) * cell_w - lh * 0.71, top - 4 - lh * 0.71);
        gc.Rotate(-kPi / 4);
        gc.DrawText(heads[c], 0, 0);
        gc.PopState();
    }
    const bool show_numbers = cell_w >= number_w + 6 && cell_h >= lh;
    for (std::size_t r = 0; r < h.rows.size(); ++r) {
        double y = top + r * cell_h;
        if (cell_h >= lh * 0.8) {
            gc.SetFont(gc.CreateFont(font, colours.text));
            const wxString label = ellipsize(gc, h.rows[r], row_label_w - 10);
            double w = 0;
            gc.GetTextExtent(label, &w, nullptr);
            gc.DrawText(label, area.x, y + (cell_h - lh) / 2);
            geometry.texts.push_back(wxRect2DDouble(area.x, y + (cell_h - lh) / 2, w, lh));
        }
        for (std::size_t c = 0; c < h.columns.size(); ++c) {
            std::size_t i = r * h.columns.size() + c;
            double x = left + c * cell_w;
            const bool has = i < h.cells.size() && h.cells[i].has_value();
            const double value = has ? *h.cells[i] : 0.0;
            wxColour fill = has ? scale_colour((value - h.lo) / (h.hi - h.lo)) : colours.background;
            gc.SetPen(wxPen(colours.background, 1));
            gc.SetBrush(wxBrush(fill));
            gc.DrawRectangle(x, y, cell_w, cell_h);
            if (show_numbers) {
                gc.SetFont(gc.CreateFont(font, has ? text_colour_on(fill) : colours.muted));
                text_centred(gc, has ? number_text(value, decimals) : wxString(wxS("\u2013")), x + cell_w / 2, y + cell_h / 2);
            }
        }
        if (static_cast<int>(r) == h.highlight_row) {
            gc.SetPen(wxPen(colours.text, 2));
            gc.SetBrush(*wxTRANSPARENT_BRUSH);
            gc.DrawRectangle(left + 1, y + 1, cell_w * h.columns.size() - 2, cell_h - 2);
        }
    }
    geometry.plot = wxRect2DDouble(left, top, cell_w * h.columns.size(), cell_h * h.rows.size());
    if (show_legend) {
        const double y = std::min(top + cell_h * h.rows.size() + 8, area.GetBottom() - lh - 4.0);
        double x = area.x;
        if (!h.legend_title.empty()) {
            gc.SetFont(gc.CreateFont(font, colours.text));
            gc.DrawText(h.legend_title, x, y + 2);
            geometry.texts.push_back(wxRect2DDouble(x, y + 2, title_w, lh));
            x += title_w + 8;
        }
        for (int v : legend) {
            const wxColour fill = scale_colour((v - h.lo) / (h.hi - h.lo));
            gc.SetPen(wxPen(colours.background, 1));
            gc.SetBrush(wxBrush(fill));
            gc.DrawRectangle(x, y, swatch_w, lh + 4);
            gc.SetFont(gc.CreateFont(font, text_colour_on(fill)));
            const wxString t = number_text(v, 0);
            double w = 0;
            gc.GetTextExtent(t, &w, nullptr);
            gc.DrawText(t, x + (swatch_w - w) / 2, y + 2);
            geometry.texts.push_back(wxRect2DDouble(x + (swatch_w - w) / 2, y + 2, w, lh));
            x += swatch_w;
        }
    }
    return geometry;
}

ChartGeometry draw_cost_bars(wxGraphicsContext& gc, const wxRect& area, const ChartColours& colours, const std::vector<CostBar>& bars,
                             const wxString& unit_prefix) {
    ChartGeometry geometry;
    if (bars.empty()) return geometry;
    gc.SetFont(gc.CreateFont(wxSystemSettings::GetFont(wxSYS_DEFAULT_GUI_FONT), colours.text));
    double lh = 0;
    gc.GetTextExtent(wxS("Hg"), nullptr, &lh);
    double top_value = 0;
    for (const auto& b : bars) top_value = std::max({top_value, b.high, b.mid});
    if (top_value <= 0) top_value = 1;
    // A round step for the axis: 1, 2 or 5 times a power of ten.
    double raw = top_value / 4, mag = std::pow(10.0, std::floor(std::log10(raw))), step = mag;
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * mag >= raw) {
            step = m * mag;
            break;
        }
    double axis_top = std::ceil(top_value / step) * step;
    auto money = [&](double v) {
        if (v >= 1e6) return unit_prefix + number_text(v / 1e6, 2) + wxS("m");
        if (v >= 1e3) return unit_prefix + number_text(v / 1e3, 0) + wxS("k");
        return unit_prefix + number_text(v, 0);
    };
    double axis_w = 0;
    gc.GetTextExtent(money(axis_top), &axis_w, nullptr);
    const double left = area.x + axis_w + 10, bottom = area.y + area.height - lh * 1.6, top = area.y + lh;
    const double plot_h = bottom - top, plot_w = area.x + area.width - left - 8;
    auto y_of = [&](double v) { return bottom - plot_h * v / axis_top; };
    gc.SetFont(gc.CreateFont(wxSystemSettings::GetFont(wxSYS_DEFAULT_GUI_FONT), colours.muted));
    for (double v = 0; v <= axis_top + step / 2; v += step) {
        gc.SetPen(wxPen(colours.grid, 1));
        gc.StrokeLine(left, y_of(v), left + plot_w, y_of(v));
        double w = 0;
        gc.GetTextExtent(money(v), &w, nullptr);
        gc.DrawText(money(v), left - w - 6, y_of(v) - lh / 2);
    }
    const double slot = plot_w / bars.size(), bar_w = std::min(slot * 0.55, 90.0);
    const wxColour& col = colours.series[0];
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const auto& b = bars[i];
        double x = left + slot * (i + 0.5);
        gc.SetPen(*wxTRANSPARENT_PEN);
        gc.SetBrush(wxBrush(col));
        gc.DrawRectangle(x - bar_w / 2, y_of(b.mid), bar_w, bottom - y_of(b.mid));
        gc.SetPen(wxPen(colours.text, 2));
        gc.StrokeLine(x, y_of(b.low), x, y_of(b.high));
        gc.StrokeLine(x - 6, y_of(b.low), x + 6, y_of(b.low));
        gc.StrokeLine(x - 6, y_of(b.high), x + 6, y_of(b.high));
        gc.SetFont(gc.CreateFont(wxSystemSettings::GetFont(wxSYS_DEFAULT_GUI_FONT), colours.text));
        // Labels that do not fit their slot are shortened ("Year 3" to "3"), values left out.
        double w = 0;
        gc.GetTextExtent(b.label, &w, nullptr);
        wxString label = b.label;
        if (w > slot * 0.95) label = b.label.AfterLast(' ');
        text_centred(gc, label, x, bottom + lh * 0.8);
        gc.GetTextExtent(money(b.mid), &w, nullptr);
        if (w <= slot * 0.95) text_centred(gc, money(b.mid), x, std::min(y_of(b.high), y_of(b.mid)) - lh * 0.7);
    }
    geometry.plot = wxRect2DDouble(left, top, plot_w, plot_h);
    return geometry;
}

ChartPanel::ChartPanel(wxWindow* parent, const wxString& accessible_name, const wxSize& min_size)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, min_size, wxFULL_REPAINT_ON_RESIZE | wxTAB_TRAVERSAL, accessible_name) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetMinSize(min_size);
    Bind(wxEVT_PAINT, &ChartPanel::on_paint, this);
    Bind(wxEVT_SYS_COLOUR_CHANGED, [this](wxSysColourChangedEvent& e) {
        Refresh();
        e.Skip();
    });
}

void ChartPanel::set_painter(Painter p, const wxString& description) {
    painter_ = std::move(p);
    SetToolTip(description);
    SetHelpText(description);
    Refresh();
}

void ChartPanel::on_paint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    ChartColours colours = ChartColours::current();
    dc.SetBackground(wxBrush(colours.background));
    dc.Clear();
    geometry_ = ChartGeometry();
    if (!painter_) return;
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
    if (!gc) return;
    wxRect area = GetClientRect().Deflate(FromDIP(8));
    geometry_ = painter_(*gc, area, colours);
}

}  // namespace ys::gui
