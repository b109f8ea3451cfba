// The PDF renderer's tables: column widths, wrapped cells, rows split across pages with the
// header repeated.
#include "pdf_renderer.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace ys::report::pdf_renderer {

RowBox Renderer::make_row(const std::vector<std::string>& cells, const TableGeometry& g, const Table& t,
                          std::size_t row, bool header, bool total) {
    const Theme& th = doc_.theme;
    RowBox r;
    r.header = header;
    r.total = total;
    r.cells.resize(g.w.size());
    for (std::size_t c = 0; c < g.w.size(); ++c) {
        CellText& cell = r.cells[c];
        bool bold = header || total || (c == 0 && t.first_column_is_header);
        cell.face = bold ? bold_.get() : regular_.get();
        cell.align = c < t.align.size() ? t.align[c] : Align::left;
        cell.colour = header ? th.on_primary : th.text;
        if (!header && row < t.fills.size() && c < t.fills[row].size() && t.fills[row][c]) {
            Colour fill = *t.fills[row][c];
            cell.fill = fill;
            const Colour black{0, 0, 0}, white{255, 255, 255};
            cell.colour = contrast_ratio(fill, black) >= contrast_ratio(fill, white) ? black : white;
        }
        if (c < cells.size()) cell.lines = pdf::wrap(*cell.face, cells[c], g.size, g.w[c] - 2 * g.pad_x);
        r.lines = std::max(r.lines, cell.lines.size());
    }
    return r;
}

void Renderer::draw_row(const RowBox& r, const TableGeometry& g, std::size_t from, std::size_t to) {
    const Theme& th = doc_.theme;
    const double h = static_cast<double>(to - from) * g.lead + 2 * g.pad_y;
    const double top = y_, bottom = y_ - h;
    if (r.header) page().fill_rect(kLeft, bottom, kContentW, h, th.primary);
    for (std::size_t c = 0; c < r.cells.size(); ++c) {
        if (r.cells[c].fill) page().fill_rect(g.x[c], bottom, g.w[c], h, *r.cells[c].fill);
    }
    if (r.total && from == 0) page().hline(kLeft, kRight, top, th.text, 1);
    for (std::size_t c = 0; c < r.cells.size(); ++c) {
        const CellText& cell = r.cells[c];
        for (std::size_t k = from; k < to && k < cell.lines.size(); ++k) {
            const Line& l = cell.lines[k];
            double w = l.width(g.size);
            double x = g.x[c] + g.pad_x;
            if (cell.align == Align::right) x = g.x[c] + g.w[c] - g.pad_x - w;
            if (cell.align == Align::centre) x = g.x[c] + (g.w[c] - w) / 2;
            double line_top = top - g.pad_y - static_cast<double>(k - from) * g.lead;
            page().text(*cell.face, g.size, cell.colour, x, baseline(line_top, g.size, g.lead), l.bytes);
        }
    }
    if (!r.header) page().hline(kLeft, kRight, bottom, th.grid, 0.5);
    y_ = bottom;
    fresh_ = false;
}

TablePrep Renderer::prepare(const Table& t) {
    TablePrep p;
    std::size_t ncols = t.header.size();
    for (const auto& row : t.rows) ncols = std::max(ncols, row.size());
    if (ncols == 0) return p;
    TableGeometry& g = p.g;
    std::vector<double> rel(ncols, 1.0);
    if (!t.widths.empty()) {
        double known = 0;
        std::size_t count = 0;
        for (std::size_t c = 0; c < ncols && c < t.widths.size(); ++c) {
            if (std::isfinite(t.widths[c]) && t.widths[c] > 0) known += t.widths[c], ++count;
        }
        double fallback = count > 0 ? known / static_cast<double>(count) : 1.0;
        for (std::size_t c = 0; c < ncols; ++c) {
            bool ok = c < t.widths.size() && std::isfinite(t.widths[c]) && t.widths[c] > 0;
            rel[c] = ok ? t.widths[c] : fallback;
        }
    }
    // No column narrower than a few characters (or its share when there are very many).
    const double min_w = std::min(28.0, kContentW / static_cast<double>(ncols));
    std::vector<double> w(ncols, min_w);
    std::vector<bool> pinned(ncols, false);
    for (std::size_t pass = 0; pass <= ncols; ++pass) {
        double free_rel = 0, fixed = 0;
        for (std::size_t c = 0; c < ncols; ++c) {
            if (pinned[c])
                fixed += min_w;
            else
                free_rel += rel[c];
        }
        bool changed = false;
        for (std::size_t c = 0; c < ncols; ++c) {
            if (pinned[c]) continue;
            w[c] = free_rel > 0 ? rel[c] / free_rel * (kContentW - fixed) : min_w;
            if (w[c] < min_w) pinned[c] = changed = true;
        }
        for (std::size_t c = 0; c < ncols; ++c) {
            if (pinned[c]) w[c] = min_w;
        }
        if (!changed) break;
    }
    // A word ("Respondents", "Apprenticeship") breaks inside itself only when the other
    // columns cannot spare the room: columns wider than their own longest word give some up.
    // Words longer than a quarter of the page (web addresses) still break; the first 200 rows
    // are enough to see what a column holds.
    {
        std::vector<double> need(ncols, min_w);
        auto longest_word = [&](std::size_t c, const std::string& text, Face& face) {
            for (std::size_t at = 0; at < text.size();) {
                std::size_t end = text.find_first_of(" \n", at);
                if (end == std::string::npos) end = text.size();
                if (end > at) {
                    double wd = face.measure(std::string_view(text).substr(at, end - at), 9.0) + 2 * 5.0 + 1;
                    need[c] = std::max(need[c], std::min(wd, kContentW / 4));
                }
                at = end + 1;
            }
        };
        for (std::size_t c = 0; c < t.header.size(); ++c) longest_word(c, t.header[c], *bold_);
        for (std::size_t r = 0; r < t.rows.size() && r < 200; ++r)
            for (std::size_t c = 0; c < t.rows[r].size(); ++c)
                longest_word(c, t.rows[r][c], c == 0 && t.first_column_is_header ? *bold_ : *regular_);
        double short_by = 0, spare = 0;
        for (std::size_t c = 0; c < ncols; ++c) {
            short_by += std::max(0.0, need[c] - w[c]);
            spare += std::max(0.0, w[c] - need[c]);
        }
        if (short_by > 0 && spare > 0) {
            const double give = std::min(short_by, spare);
            for (std::size_t c = 0; c < ncols; ++c) {
                if (w[c] < need[c]) w[c] += (need[c] - w[c]) * give / short_by;
                else w[c] -= (w[c] - need[c]) * give / spare;
            }
        }
    }
    // Narrow columns get less padding and, when even so one wide character (W, @, an em
    // dash) would not fit, a smaller type size: nothing may cross a cell or the margin.
    const double narrowest = *std::min_element(w.begin(), w.end());
    g.pad_x = std::min(5.0, narrowest * 0.15);
    g.size = std::min(9.0, (narrowest - 2 * g.pad_x) / 1.02);
    g.lead = g.size * 11.5 / 9;
    g.pad_y = g.size * 4 / 9;
    double x = kLeft;
    for (std::size_t c = 0; c < ncols; ++c) {
        g.x.push_back(x);
        g.w.push_back(w[c]);
        x += w[c];
    }

    p.has_header = !t.header.empty();
    if (p.has_header) p.header = make_row(t.header, g, t, 0, true, false);
    p.header_h = p.has_header ? g.height(p.header) : 0;
    // A header taller than a third of the page is drawn once, not repeated.
    p.repeat_header = p.has_header && p.header_h <= (kTop - kBottom) / 3;
    p.caption = pdf::wrap(*bold_, t.caption, 9.5, kContentW);
    p.caption_h = p.caption.empty() ? 0 : static_cast<double>(p.caption.size()) * kCaptionLead + 3;
    if (!t.rows.empty()) {
        RowBox first = make_row(t.rows[0], g, t, 0, false, t.last_row_is_total && t.rows.size() == 1);
        // A row that fits on a page is never split, so all of it must follow the header; a
        // taller one is split and needs only its first two lines there.
        double room = kTop - kBottom - (p.repeat_header ? p.header_h : 0);
        double h = g.height(first);
        p.first_row_h = h <= room ? h : std::min(h, 2 * g.lead + 2 * g.pad_y);
    }
    p.lead_in = p.caption_h + (p.repeat_header ? p.header_h : 0) + p.first_row_h;
    p.ok = true;
    return p;
}

void Renderer::block(const Table& t) {
    TablePrep prep = prepare(t);
    if (!prep.ok) return;
    const TableGeometry& g = prep.g;
    const RowBox& header = prep.header;
    const bool has_header = prep.has_header, repeat_header = prep.repeat_header;
    const double header_h = prep.header_h;

    space(prep.caption.empty() ? 4 : 6);
    ensure(prep.lead_in);
    flow_lines(prep.caption, *bold_, 9.5, kCaptionLead, doc_.theme.text, kLeft);
    if (!prep.caption.empty()) y_ -= 3;
    auto draw_header = [&] {
        if (repeat_header) draw_row(header, g, 0, header.lines);
    };
    if (has_header && !repeat_header) {  // huge header: flows like a tall row, once
        for (std::size_t a = 0; a < header.lines;) {
            double avail = y_ - kBottom - 2 * g.pad_y;
            std::size_t k = avail >= g.lead ? static_cast<std::size_t>(avail / g.lead) : 0;
            if (k == 0) {
                new_page();
                continue;
            }
            std::size_t b = std::min(header.lines, a + k);
            draw_row(header, g, a, b);
            a = b;
        }
    } else {
        draw_header();
    }

    const double page_room = kTop - kBottom - (repeat_header ? header_h : 0);
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        bool total = t.last_row_is_total && i + 1 == t.rows.size();
        RowBox r = make_row(t.rows[i], g, t, i, false, total);
        double h = g.height(r);
        if (y_ - h >= kBottom) {
            draw_row(r, g, 0, r.lines);
            continue;
        }
        if (h <= page_room) {
            new_page();
            draw_header();
            draw_row(r, g, 0, r.lines);
            continue;
        }
        // Taller than a page: split it line by line, the header repeated on each page.
        for (std::size_t a = 0; a < r.lines;) {
            double avail = y_ - kBottom - 2 * g.pad_y;
            std::size_t k = avail >= g.lead ? static_cast<std::size_t>(avail / g.lead) : 0;
            if (k < std::min<std::size_t>(2, r.lines - a)) {
                new_page();
                draw_header();
                continue;
            }
            std::size_t b = std::min(r.lines, a + k);
            draw_row(r, g, a, b);
            a = b;
        }
    }
    pending_after_ = 12;
}

}  // namespace ys::report::pdf_renderer
