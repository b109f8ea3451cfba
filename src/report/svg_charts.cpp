// Charts as SVG: the public helpers (escaping, number formats) and each chart's data as a table;
// the charts are drawn in svg_chart_radar.cpp, svg_chart_bars.cpp, svg_chart_lines.cpp and
// svg_chart_ranges.cpp.
#include "svg_charts.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <utility>
#include <vector>

#include "number_format.h"
#include "svg_chart_parts.h"

namespace ys::report {

using namespace svg;

// ---- Public helpers ------------------------------------------------------------------

std::string html_escape(const std::string& s) {
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    const std::size_t n = s.size();
    for (std::size_t i = 0; i < n;) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            switch (c) {
                case '&': out += "&amp;"; break;
                case '<': out += "&lt;"; break;
                case '>': out += "&gt;"; break;
                case '"': out += "&quot;"; break;
                case '\'': out += "&#39;"; break;
                default:
                    if (c >= 0x20 && c != 0x7f)
                        out += static_cast<char>(c);
                    else if (c == '\t' || c == '\n')
                        out += static_cast<char>(c);
                    // other controls (NUL, CR, ESC, DEL...) are dropped
            }
            ++i;
            continue;
        }
        // Multi-byte UTF-8: check the sequence strictly (no overlongs, no surrogates).
        std::size_t len = 0;
        unsigned char lo = 0x80, hi = 0xbf;
        if (c >= 0xc2 && c <= 0xdf) len = 2;
        else if (c >= 0xe0 && c <= 0xef) {
            len = 3;
            if (c == 0xe0) lo = 0xa0;
            if (c == 0xed) hi = 0x9f;
        } else if (c >= 0xf0 && c <= 0xf4) {
            len = 4;
            if (c == 0xf0) lo = 0x90;
            if (c == 0xf4) hi = 0x8f;
        }
        bool ok = len > 0 && i + len <= n;
        for (std::size_t k = 1; ok && k < len; ++k) {
            unsigned char cc = static_cast<unsigned char>(s[i + k]);
            unsigned char l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xbf;
            if (cc < l || cc > h) ok = false;
        }
        if (!ok) {
            out += "\xEF\xBF\xBD";
            ++i;
            continue;
        }
        // C1 controls (U+0080..U+009F) are dropped like the C0 ones.
        if (!(c == 0xc2 && static_cast<unsigned char>(s[i + 1]) < 0xa0)) out.append(s, i, len);
        i += len;
    }
    return out;
}

std::string format_value(double value, int decimals, const std::string& prefix) {
    decimals = std::max(0, std::min(decimals, 9));
    double r = ys::round_to(value, decimals);
    std::string digits = ys::fixed(std::fabs(r), decimals);
    std::size_t dot = digits.find('.');
    std::string whole = digits.substr(0, dot), frac = dot == std::string::npos ? "" : digits.substr(dot);
    std::string grouped;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0) grouped += ',';
        grouped += whole[i];
    }
    return (r < 0 ? "-" : "") + prefix + grouped + frac;
}

// ---- Data tables -------------------------------------------------------------------------

namespace {

Table series_table(const std::string& caption, const std::vector<std::string>& rows_labels,
                   const std::vector<Series>& series,
                   const std::function<std::string(const std::optional<double>&)>& fmt) {
    Table tb;
    tb.caption = caption;
    tb.first_column_is_header = true;
    tb.header.push_back("Category");
    tb.align.push_back(Align::left);
    for (const auto& s : series) {
        tb.header.push_back(s.name);
        tb.align.push_back(Align::right);
    }
    for (std::size_t i = 0; i < rows_labels.size(); ++i) {
        std::vector<std::string> row{rows_labels[i]};
        for (const auto& s : series) row.push_back(fmt(i < s.values.size() ? s.values[i] : std::nullopt));
        tb.rows.push_back(std::move(row));
    }
    return tb;
}

}  // namespace

Table chart_data_table(const RadarChart& c) { return series_table(c.title, c.axes, c.series, value_text); }

Table chart_data_table(const LineChart& c) { return series_table(c.title, c.categories, c.series, value_text); }

Table chart_data_table(const BarChart& c) {
    auto fmt = [&](const std::optional<double>& v) {
        return v ? format_value(*v, c.decimals, c.value_prefix) : std::string("No data");
    };
    Table tb = series_table(c.title, c.categories, c.series, fmt);
    if (c.stacked && c.series.size() > 1) {
        tb.header.push_back("Total");
        tb.align.push_back(Align::right);
        for (std::size_t i = 0; i < c.categories.size(); ++i) {
            double sum = 0;
            bool any = false;
            for (const auto& s : c.series)
                if (i < s.values.size() && s.values[i]) {
                    sum += *s.values[i];
                    any = true;
                }
            tb.rows[i].push_back(fmt(any ? std::optional<double>(sum) : std::nullopt));
        }
    }
    return tb;
}

Table chart_data_table(const RangeChart& c) {
    Table tb;
    tb.caption = c.title;
    tb.first_column_is_header = true;
    tb.header = {"Category", "Lowest", "Lower quartile", "Median", "Upper quartile", "Highest"};
    bool any_marker = std::any_of(c.rows.begin(), c.rows.end(), [](const RangeRow& r) { return r.marker.has_value(); });
    if (any_marker) tb.header.push_back(c.marker_label.empty() ? std::string("Marker") : c.marker_label);
    tb.align.assign(tb.header.size(), Align::right);
    tb.align[0] = Align::left;
    for (const auto& r : c.rows) {
        std::vector<std::string> row{r.label,           ys::plain(r.min, 2), ys::plain(r.q1, 2),
                                     ys::plain(r.median, 2), ys::plain(r.q3, 2),  ys::plain(r.max, 2)};
        if (any_marker) row.push_back(value_text(r.marker));
        tb.rows.push_back(std::move(row));
    }
    return tb;
}

}  // namespace ys::report
