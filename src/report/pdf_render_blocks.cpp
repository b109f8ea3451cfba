// The PDF renderer's blocks other than tables: headings, paragraphs, lists, key values,
// charts and page breaks.
#include "pdf_renderer.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace ys::report::pdf_renderer {

Table key_values_table(const KeyValues& kv) {
    Table t;
    t.widths = {0.32, 0.68};
    t.first_column_is_header = true;
    for (const auto& [k, v] : kv.rows) t.rows.push_back({k, v});
    return t;
}

// The whole range chart when it fits on a page, else its title, scale and first rows.
double range_lead_in(const pdf::RangeLayout& l) {
    double total = l.title_h + l.axis_h + l.legend_h;
    for (double h : l.row_h) total += h;
    if (total <= kTop - kBottom) return total;
    double h = l.title_h + l.axis_h;
    for (std::size_t i = 0; i < l.row_h.size() && i < 3; ++i) h += l.row_h[i];
    return h;
}

void Renderer::block(const Heading& h) {
    const int level = std::clamp(h.level, 1, 3);
    static const Style styles[] = {{16, 20}, {13, 17}, {11, 14.5}};
    static const double before[] = {18, 14, 10};
    const Style& st = styles[level - 1];
    auto lines = pdf::wrap(*bold_, h.text, st.size, kContentW);
    double height = static_cast<double>(lines.size()) * st.lead;
    space(before[level - 1]);
    // Keep the heading with the start of what follows (when that fits on a page at all).
    double follow = lead_in(index_ + 1);
    double keep = height;
    if (keep + follow > kTop - kBottom) {  // too much to keep together: two lines of each
        keep = std::min(height, 2 * st.lead);
        follow = 2 * 14;
    }
    ensure(keep + follow);
    if (level <= 2 && !h.text.empty()) {
        std::string title = regular_->encode(clipped(h.text)).bytes;
        HPDF_Outline parent = level == 2 ? last_level1_ : nullptr;
        // Plain ASCII needs no encoder: libharu then writes the title as it is, not as UTF-16 hex.
        bool ascii = std::all_of(h.text.begin(), h.text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
        HPDF_Outline outline = HPDF_CreateOutline(hd(), parent, title.c_str(), ascii ? nullptr : outline_encoder_);
        check("bookmark");
        HPDF_Destination dest = HPDF_Page_CreateDestination(page().handle());
        check("bookmark");
        HPDF_Destination_SetFitH(dest, static_cast<HPDF_REAL>(std::min(kPageH, y_ + 12)));
        check("bookmark");
        HPDF_Outline_SetDestination(outline, dest);
        check("bookmark");
        if (level == 1) {
            HPDF_Outline_SetOpened(outline, HPDF_TRUE);
            check("bookmark");
            last_level1_ = outline;
        }
        any_outline_ = true;
    }
    flow_lines(lines, *bold_, st.size, st.lead, level <= 2 ? doc_.theme.primary : doc_.theme.text, kLeft);
    pending_after_ = level == 1 ? 6 : 4;
}

double Renderer::lead_in(std::size_t index, int depth) {
    if (index >= doc_.blocks.size() || depth > 3) return 0;
    pdf::ChartStyle style{doc_.theme, *regular_, *bold_};
    return std::visit(
        [&](const auto& b) -> double {
            using T = std::decay_t<decltype(b)>;
            if constexpr (std::is_same_v<T, Heading>) {
                static const double size[] = {16, 13, 11}, lead[] = {20, 17, 14.5}, before[] = {18, 14, 10};
                int level = std::clamp(b.level, 1, 3) - 1;
                auto lines = pdf::wrap(*bold_, b.text, size[level], kContentW);
                return before[level] + static_cast<double>(lines.size()) * lead[level] + lead_in(index + 1, depth + 1);
            } else if constexpr (std::is_same_v<T, Table>) {
                return prepare(b).lead_in + 6;
            } else if constexpr (std::is_same_v<T, KeyValues>) {
                return prepare(key_values_table(b)).lead_in + 6;
            } else if constexpr (std::is_same_v<T, RadarChart> || std::is_same_v<T, BarChart> ||
                                 std::is_same_v<T, LineChart>) {
                return pdf::chart_height(style, b, kContentW) + 8;
            } else if constexpr (std::is_same_v<T, RangeChart>) {
                return range_lead_in(pdf::layout_range(style, b, kContentW)) + 8;
            } else if constexpr (std::is_same_v<T, PageBreak>) {
                return 0;
            } else {
                return 3 * 14;  // two or three lines of text
            }
        },
        doc_.blocks[index]);
}

void Renderer::block(const Paragraph& p) {
    Style st{10, 14};
    Colour colour = doc_.theme.text;
    if (p.style == TextStyle::lead) st = {12, 16.5};
    if (p.style == TextStyle::note) st = {8.5, 11.5}, colour = doc_.theme.muted;
    auto lines = pdf::wrap(*regular_, p.text, st.size, kContentW);
    if (lines.empty()) return;
    space(0);
    ensure(std::min<double>(2, static_cast<double>(lines.size())) * st.lead);  // no single orphaned line
    flow_lines(lines, *regular_, st.size, st.lead, colour, kLeft);
    pending_after_ = 8;
}

void Renderer::block(const BulletList& b) {
    if (b.items.empty()) return;
    constexpr double size = 10, lead = 14, indent = 16;
    space(0);
    Line bullet = regular_->encode("\xE2\x80\xA2");  // •
    for (std::size_t i = 0; i < b.items.size(); ++i) {
        auto lines = pdf::wrap(*regular_, b.items[i], size, kContentW - indent);
        if (lines.empty()) continue;
        if (i > 0) y_ -= 3;
        ensure(std::min<double>(2, static_cast<double>(lines.size())) * lead);
        if (y_ - lead < kBottom) new_page();
        page().text(*regular_, size, doc_.theme.primary, kLeft + 4, baseline(y_, size, lead), bullet.bytes);
        flow_lines(lines, *regular_, size, lead, doc_.theme.text, kLeft + indent);
    }
    pending_after_ = 8;
}

void Renderer::block(const KeyValues& kv) {
    if (kv.rows.empty()) return;
    block(key_values_table(kv));
}

void Renderer::block(const RangeChart& c) {
    pdf::ChartStyle style{doc_.theme, *regular_, *bold_};
    pdf::RangeLayout l = pdf::layout_range(style, c, kContentW);
    double rows_h = 0;
    for (double h : l.row_h) rows_h += h;
    const double total = l.title_h + l.axis_h + rows_h + l.legend_h;
    space(8);
    ensure(range_lead_in(l));
    if (y_ - total >= kBottom) {
        y_ -= pdf::draw_range(style, page(), c, l, 0, c.rows.size(), true, true, kLeft, y_, kContentW);
        fresh_ = false;
        pending_after_ = 12;
        return;
    }
    // Longer than a page: parts of whole rows, the scale repeated on each page.
    const std::size_t n = c.rows.size();
    std::size_t first = 0;
    bool title = true;
    while (first < n) {
        double avail = y_ - kBottom - (title ? l.title_h : 0) - l.axis_h;
        std::size_t last = first;
        double used = 0;
        while (last < n && used + l.row_h[last] <= avail) used += l.row_h[last++];
        if (last == n && used + l.legend_h > avail) --last;  // the legend goes with the last row
        if (last == first) {
            if (!fresh_) {
                new_page();
                continue;
            }
            last = first + 1;  // cannot happen: a row has three lines at most
        }
        const bool legend = last == n;
        y_ -= pdf::draw_range(style, page(), c, l, first, last, title, legend, kLeft, y_, kContentW);
        fresh_ = false;
        title = false;
        first = last;
        if (first < n) new_page();
    }
    pending_after_ = 12;
}

void Renderer::block(const PageBreak&) {
    if (!fresh_) new_page();
}

}  // namespace ys::report::pdf_renderer
