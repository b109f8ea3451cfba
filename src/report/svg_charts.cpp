#include "svg_charts.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <utility>
#include <vector>

#include "number_format.h"

namespace ys::report {
namespace {

constexpr double kWidth = 720;          // every chart's viewBox is this wide
constexpr double kCharWidth = 0.58;     // average glyph width in em, for layout estimates
constexpr const char* kFont = "Arial, Helvetica, sans-serif";
constexpr double kTickFont = 13, kLabelFont = 14, kLineHeight = 17;
const Colour kWhite{0xff, 0xff, 0xff};

// Coordinates: at most two decimals, '.' whatever the locale.
std::string num(double v) { return ys::plain(v, 2); }

std::string esc(const std::string& s) { return html_escape(s); }

// ---- UTF-8 text measuring and wrapping -------------------------------------------

std::vector<std::string> code_points(const std::string& s) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 1;
        len = std::min(len, s.size() - i);
        out.push_back(s.substr(i, len));
        i += len;
    }
    return out;
}

std::size_t length(const std::string& s) { return code_points(s).size(); }

double text_width(const std::string& s, double font_size) {
    return static_cast<double>(length(s)) * font_size * kCharWidth;
}

std::string join(const std::vector<std::string>& cps, std::size_t from, std::size_t to) {
    std::string r;
    for (std::size_t i = from; i < to && i < cps.size(); ++i) r += cps[i];
    return r;
}

// Breaks a label into lines of at most max_chars code points at spaces (splitting words
// longer than a line); more than max_lines lines end the last one with an ellipsis.
std::vector<std::string> wrap(const std::string& text, std::size_t max_chars, std::size_t max_lines) {
    max_chars = std::max<std::size_t>(max_chars, 3);
    std::vector<std::string> words;
    std::string word;
    for (char ch : text) {
        if (ch == ' ' || ch == '\n' || ch == '\t') {
            if (!word.empty()) words.push_back(word);
            word.clear();
        } else {
            word += ch;
        }
    }
    if (!word.empty()) words.push_back(word);

    std::vector<std::string> lines;
    std::string current;
    for (const auto& w : words) {
        auto cps = code_points(w);
        if (cps.size() > max_chars) {  // a word longer than a line: split it
            if (!current.empty()) lines.push_back(current);
            current.clear();
            std::size_t i = 0;
            for (; i + max_chars < cps.size(); i += max_chars) lines.push_back(join(cps, i, i + max_chars));
            current = join(cps, i, cps.size());
            continue;
        }
        if (current.empty()) {
            current = w;
        } else if (length(current) + 1 + cps.size() <= max_chars) {
            current += " " + w;
        } else {
            lines.push_back(current);
            current = w;
        }
    }
    if (!current.empty()) lines.push_back(current);
    if (max_lines > 0 && lines.size() > max_lines) {
        lines.resize(max_lines);
        auto cps = code_points(lines.back());
        if (cps.size() + 1 > max_chars) cps.resize(max_chars - 1);
        while (!cps.empty() && cps.back() == " ") cps.pop_back();
        lines.back() = join(cps, 0, cps.size()) + "\xE2\x80\xA6";  // …
    }
    return lines;
}

// <text> with one <tspan> per line; `first_baseline` is the first line's y.
std::string text_lines(const std::vector<std::string>& lines, double x, double first_baseline, double line_height,
                       const char* anchor, double font_size, Colour fill, const std::string& extra = "") {
    std::string s = "<text x=\"" + num(x) + "\" y=\"" + num(first_baseline) + "\" text-anchor=\"" + anchor +
                    "\" font-size=\"" + num(font_size) + "\" fill=\"" + colour_hex(fill) + "\"" + extra + ">";
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i == 0)
            s += "<tspan x=\"" + num(x) + "\">" + esc(lines[i]) + "</tspan>";
        else
            s += "<tspan x=\"" + num(x) + "\" dy=\"" + num(line_height) + "\">" + esc(lines[i]) + "</tspan>";
    }
    return s + "</text>\n";
}

std::string text1(const std::string& t, double x, double y, const char* anchor, double font_size, Colour fill,
                  const std::string& extra = "") {
    return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\" font-size=\"" +
           num(font_size) + "\" fill=\"" + colour_hex(fill) + "\"" + extra + ">" + esc(t) + "</text>\n";
}

std::string line(double x1, double y1, double x2, double y2, Colour c, double w, const std::string& extra = "") {
    return "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2) +
           "\" stroke=\"" + colour_hex(c) + "\" stroke-width=\"" + num(w) + "\"" + extra + "/>\n";
}

Colour tint(Colour c, double towards_white) {
    auto mix = [&](std::uint8_t v) {
        return static_cast<std::uint8_t>(std::lround(v + (255 - v) * towards_white));
    };
    return Colour{mix(c.r), mix(c.g), mix(c.b)};
}

// ---- Series styles: colour, dash pattern, marker shape, hatching --------------------

Colour series_colour(const Theme& t, std::size_t i) {
    return t.series.empty() ? t.primary : t.series[i % t.series.size()];
}
// Dash and marker cycle at different rates from the colours, so a fifth series is not a
// copy of the first.
std::size_t style_index(std::size_t i) { return (i + i / 4) % 4; }

std::string dash_attr(std::size_t i) {
    static const char* dashes[] = {"", "9 5", "2 4", "12 4 3 4"};
    const char* d = dashes[i % 4];
    return *d ? std::string(" stroke-dasharray=\"") + d + "\"" : std::string();
}

std::string marker(std::size_t shape, double x, double y, Colour c, double size = 4.5) {
    std::string fill = " fill=\"" + colour_hex(c) + "\" stroke=\"#ffffff\" stroke-width=\"1.2\"/>\n";
    switch (shape % 4) {
        case 0:
            return "<circle cx=\"" + num(x) + "\" cy=\"" + num(y) + "\" r=\"" + num(size) + "\"" + fill;
        case 1:
            return "<rect x=\"" + num(x - size) + "\" y=\"" + num(y - size) + "\" width=\"" + num(2 * size) +
                   "\" height=\"" + num(2 * size) + "\"" + fill;
        case 2: {
            double s = size * 1.25;
            return "<polygon points=\"" + num(x) + "," + num(y - s) + " " + num(x + s) + "," + num(y + s * 0.8) + " " +
                   num(x - s) + "," + num(y + s * 0.8) + "\"" + fill;
        }
        default: {
            double s = size * 1.3;
            return "<polygon points=\"" + num(x) + "," + num(y - s) + " " + num(x + s) + "," + num(y) + " " + num(x) +
                   "," + num(y + s) + " " + num(x - s) + "," + num(y) + "\"" + fill;
        }
    }
}

// Bar fills: solid, diagonal hatching, dots, cross-hatching (white over the colour).
std::string hatch_defs(const std::string& id, const Theme& t, std::size_t series_count) {
    std::string s;
    for (std::size_t i = 0; i < series_count; ++i) {
        std::size_t st = style_index(i);
        if (st == 0) continue;
        std::string c = colour_hex(series_colour(t, i));
        std::string pid = id + "_p" + std::to_string(i);
        if (st == 1) {
            s += "<pattern id=\"" + pid +
                 "\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
                 "<rect width=\"8\" height=\"8\" fill=\"" + c +
                 "\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#ffffff\" stroke-width=\"3\"/></pattern>\n";
        } else if (st == 2) {
            s += "<pattern id=\"" + pid +
                 "\" width=\"7\" height=\"7\" patternUnits=\"userSpaceOnUse\"><rect width=\"7\" height=\"7\" fill=\"" +
                 c + "\"/><circle cx=\"3.5\" cy=\"3.5\" r=\"1.6\" fill=\"#ffffff\"/></pattern>\n";
        } else {
            s += "<pattern id=\"" + pid +
                 "\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
                 "<rect width=\"8\" height=\"8\" fill=\"" + c +
                 "\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#ffffff\" stroke-width=\"2\"/>"
                 "<line x1=\"0\" y1=\"0\" x2=\"8\" y2=\"0\" stroke=\"#ffffff\" stroke-width=\"2\"/></pattern>\n";
        }
    }
    return s.empty() ? s : "<defs>\n" + s + "</defs>\n";
}

std::string bar_fill(const std::string& id, std::size_t i) {
    return style_index(i) == 0 ? std::string() : "url(#" + id + "_p" + std::to_string(i) + ")";
}

std::string bar_rect(const std::string& id, const Theme& t, std::size_t i, double x, double y, double w, double h) {
    std::string c = colour_hex(series_colour(t, i));
    std::string f = bar_fill(id, i);
    return "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\"" + num(h) +
           "\" fill=\"" + (f.empty() ? c : f) + "\" stroke=\"" + c + "\" stroke-width=\"1\"/>\n";
}

// ---- Legend ------------------------------------------------------------------------

struct LegendItem {
    std::string label;
    std::function<std::string(double x, double y)> swatch;  // 28 wide, centred on y
};

// Flows the items in centred rows from `top`; returns the SVG and the height used.
std::pair<std::string, double> legend(const std::vector<LegendItem>& items, double top, const Theme& t) {
    if (items.empty()) return {"", 0};
    const double font = 14, row_h = 24, margin = 16, sw = 28, gap = 8, spacing = 24;
    const double max_text = kWidth - 2 * margin - sw - gap;
    struct Placed {
        std::size_t item;
        std::string label;
        double x;  // from the row's start
    };
    std::vector<std::vector<Placed>> rows(1);
    std::vector<double> widths(1, 0);
    for (std::size_t i = 0; i < items.size(); ++i) {
        auto lines = wrap(items[i].label, static_cast<std::size_t>(max_text / (font * kCharWidth)), 1);
        std::string label = lines.empty() ? std::string() : lines[0];
        double w = sw + gap + text_width(label, font);
        double x = widths.back() > 0 ? widths.back() + spacing : 0;
        if (x > 0 && x + w > kWidth - 2 * margin) {
            rows.emplace_back();
            widths.push_back(0);
            x = 0;
        }
        rows.back().push_back({i, label, x});
        widths.back() = x + w;
    }
    std::string s = "<g class=\"legend\">\n";
    for (std::size_t r = 0; r < rows.size(); ++r) {
        double x0 = (kWidth - widths[r]) / 2, y = top + row_h * (static_cast<double>(r) + 0.5);
        for (const auto& p : rows[r]) {
            s += items[p.item].swatch(x0 + p.x, y);
            s += text1(p.label, x0 + p.x + sw + gap, y + 5, "start", font, t.text);
        }
    }
    return {s + "</g>\n", row_h * static_cast<double>(rows.size()) + 4};
}

LegendItem line_item(const std::string& name, const Theme& t, std::size_t i) {
    return {name, [&t, i](double x, double y) {
                Colour c = series_colour(t, i);
                return line(x, y, x + 28, y, c, 2.5, dash_attr(style_index(i))) + marker(style_index(i), x + 14, y, c);
            }};
}

LegendItem bar_item(const std::string& name, const Theme& t, const std::string& id, std::size_t i) {
    return {name, [&t, id, i](double x, double y) { return bar_rect(id, t, i, x + 4, y - 8, 20, 16); }};
}

// ---- Scales ------------------------------------------------------------------------

struct Ticks {
    double lo = 0, hi = 1, step = 1;
    std::vector<double> values;
    int decimals = 0;
};

int step_decimals(double step) {
    for (int d = 0; d < 6; ++d) {
        double scaled = step * std::pow(10.0, d);
        if (std::fabs(scaled - std::round(scaled)) < 1e-9 * std::max(1.0, scaled)) return d;
    }
    return 6;
}

Ticks make_ticks(double lo, double hi, double step) {
    Ticks t;
    t.lo = lo;
    t.hi = hi;
    t.step = step;
    t.decimals = step_decimals(step);
    for (int k = 0;; ++k) {
        double v = ys::round_to(lo + k * step, 9);
        if (v > hi + step * 1e-6 || k > 1000) break;
        t.values.push_back(v);
    }
    return t;
}

// Round steps of 1, 2, 2.5 or 5 times a power of ten covering lo..hi in about `target`.
Ticks nice_ticks(double lo, double hi, int target = 5) {
    if (!(hi > lo)) hi = lo + 1;
    double raw = (hi - lo) / target;
    double mag = std::pow(10.0, std::floor(std::log10(raw)));
    double norm = raw / mag;
    double step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10) * mag;
    double a = std::floor(lo / step + 1e-9) * step, b = std::ceil(hi / step - 1e-9) * step;
    return make_ticks(a, b, step);
}

// A given scale (scores 0..5): whole steps when that gives 2 to 10 of them, else nice ones.
Ticks scale_ticks(double lo, double hi) {
    if (!(hi > lo)) hi = lo + 1;
    double span = hi - lo;
    if (std::fabs(span - std::round(span)) < 1e-9 && span >= 2 && span <= 10 &&
        std::fabs(lo - std::round(lo)) < 1e-9)
        return make_ticks(lo, hi, 1);
    Ticks t = nice_ticks(lo, hi, 5);
    // keep the given ends: drop ticks outside lo..hi
    t.lo = lo;
    t.hi = hi;
    t.values.erase(std::remove_if(t.values.begin(), t.values.end(),
                                  [&](double v) { return v < lo - 1e-9 || v > hi + 1e-9; }),
                   t.values.end());
    return t;
}

double clampd(double v, double lo, double hi) { return std::max(lo, std::min(hi, v)); }

// ---- SVG frame -----------------------------------------------------------------------

std::string open_svg(const std::string& id, double height, const std::string& title, const std::string& alt) {
    std::string desc = alt.empty() ? "Chart: " + title : alt;
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"" + esc(id) + "\" class=\"chart-svg\" role=\"img\" " +
           "aria-labelledby=\"" + esc(id) + "_title " + esc(id) + "_desc\" viewBox=\"0 0 " + num(kWidth) + " " +
           num(height) + "\" width=\"100%\" preserveAspectRatio=\"xMidYMid meet\" font-family=\"" + kFont + "\">\n" +
           "<title id=\"" + esc(id) + "_title\">" + esc(title.empty() ? std::string("Chart") : title) + "</title>\n" +
           "<desc id=\"" + esc(id) + "_desc\">" + esc(desc) + "</desc>\n";
}

std::string empty_chart(const std::string& id, const std::string& title, const std::string& alt, const Theme& t) {
    return open_svg(id, 60, title, alt) + "<rect x=\"0.5\" y=\"0.5\" width=\"" + num(kWidth - 1) +
           "\" height=\"59\" fill=\"none\" stroke=\"" + colour_hex(t.grid) + "\"/>\n" +
           text1("No data to show", kWidth / 2, 35, "middle", 14, t.muted) + "</svg>";
}

std::string value_text(const std::optional<double>& v) { return v ? ys::plain(*v, 2) : std::string("No data"); }

}  // namespace

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

// ---- Radar -----------------------------------------------------------------------------

std::string chart_svg(const RadarChart& c, const Theme& t, const std::string& id) {
    const std::size_t n = c.axes.size();
    if (n == 0) return empty_chart(id, c.title, c.alt, t);
    const double lo = c.min, hi = c.max > c.min ? c.max : c.min + 1;
    const double R = 175, gap = 12, lh = kLineHeight, font = kLabelFont;
    const std::size_t max_chars = 18, max_lines = 3;
    const double cx = kWidth / 2, cy = 14 + max_lines * lh + gap + R;
    const double pi = std::acos(-1.0);

    auto angle = [&](std::size_t i) { return 2 * pi * static_cast<double>(i) / static_cast<double>(n); };
    auto radius = [&](double v) { return R * clampd((v - lo) / (hi - lo), 0, 1); };
    auto px = [&](std::size_t i, double r) { return cx + r * std::sin(angle(i)); };
    auto py = [&](std::size_t i, double r) { return cy - r * std::cos(angle(i)); };

    std::string body;
    // Rings (polygons through the axes) at each level, the outer one darker.
    Ticks ticks = scale_ticks(lo, hi);
    for (double level : ticks.values) {
        double r = radius(level);
        if (r <= 0) continue;
        bool outer = std::fabs(r - R) < 1e-6;
        std::string pts;
        for (std::size_t i = 0; i < n; ++i) pts += (i ? " " : "") + num(px(i, r)) + "," + num(py(i, r));
        if (n >= 3)
            body += "<polygon points=\"" + pts + "\" fill=\"none\" stroke=\"" + colour_hex(outer ? t.muted : t.grid) +
                    "\" stroke-width=\"" + (outer ? "1.2" : "1") + "\"/>\n";
        else
            body += "<circle cx=\"" + num(cx) + "\" cy=\"" + num(cy) + "\" r=\"" + num(r) + "\" fill=\"none\" stroke=\"" +
                    colour_hex(outer ? t.muted : t.grid) + "\"/>\n";
    }
    for (std::size_t i = 0; i < n; ++i) body += line(cx, cy, px(i, R), py(i, R), t.grid, 1);

    // Axis labels outside the outer ring, anchored away from the centre.
    for (std::size_t i = 0; i < n; ++i) {
        auto lines = wrap(c.axes[i], max_chars, max_lines);
        double s = std::sin(angle(i)), co = std::cos(angle(i));
        double x = px(i, R + gap), y = py(i, R + gap);
        const char* anchor = s > 0.2 ? "start" : s < -0.2 ? "end" : "middle";
        double k = static_cast<double>(lines.size());
        double first;
        if (co > 0.5)
            first = y - (k - 1) * lh - 3;  // above the top
        else if (co < -0.5)
            first = y + font;  // below the bottom
        else
            first = y - (k - 1) * lh / 2 + font * 0.35;  // centred beside
        body += text_lines(lines, x, first, lh, anchor, font, t.text);
    }

    // Series: fills first, then outlines, then markers, so no fill hides a line.
    std::string fills, outlines, marks;
    for (std::size_t si = 0; si < c.series.size(); ++si) {
        const auto& s = c.series[si];
        Colour col = series_colour(t, si);
        std::size_t st = style_index(si);
        std::vector<std::optional<std::pair<double, double>>> p(n);
        bool all = n >= 3;
        for (std::size_t i = 0; i < n; ++i) {
            if (i < s.values.size() && s.values[i]) {
                double r = radius(*s.values[i]);
                p[i] = std::make_pair(px(i, r), py(i, r));
            } else {
                all = false;
            }
        }
        if (all) {
            std::string pts;
            for (std::size_t i = 0; i < n; ++i) pts += (i ? " " : "") + num(p[i]->first) + "," + num(p[i]->second);
            fills += "<polygon points=\"" + pts + "\" fill=\"" + colour_hex(col) + "\" fill-opacity=\"0.08\" stroke=\"none\"/>\n";
            outlines += "<polygon points=\"" + pts + "\" fill=\"none\" stroke=\"" + colour_hex(col) +
                        "\" stroke-width=\"2.5\" stroke-linejoin=\"round\"" + dash_attr(st) + "/>\n";
        } else {
            // Gaps where a value is missing: join only neighbours that both have one.
            std::string d;
            for (std::size_t i = 0; i < n; ++i) {
                std::size_t j = (i + 1) % n;
                if (n < 2 || (n == 2 && i == 1)) break;
                if (p[i] && p[j])
                    d += "M" + num(p[i]->first) + " " + num(p[i]->second) + "L" + num(p[j]->first) + " " +
                         num(p[j]->second);
            }
            if (!d.empty())
                outlines += "<path d=\"" + d + "\" fill=\"none\" stroke=\"" + colour_hex(col) +
                            "\" stroke-width=\"2.5\" stroke-linecap=\"round\"" + dash_attr(st) + "/>\n";
        }
        for (std::size_t i = 0; i < n; ++i)
            if (p[i]) marks += marker(st, p[i]->first, p[i]->second, col);
    }
    body += fills + outlines + marks;

    // Level labels on the rings between the first two axes (away from the series'
    // markers, which sit on the axes), with a white halo over the lines.
    for (double level : ticks.values) {
        double r = radius(level);
        if (r <= 0) continue;
        double x = cx + 5, y = cy - r + 13;
        const char* anchor = "start";
        if (n >= 3) {
            x = (px(0, r) + px(1, r)) / 2;
            y = (py(0, r) + py(1, r)) / 2 + 4;
            anchor = "middle";
        }
        body += text1(ys::fixed(level, ticks.decimals), x, y, anchor, 12, t.muted,
                      " stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\"");
    }

    std::vector<LegendItem> items;
    for (std::size_t si = 0; si < c.series.size(); ++si) items.push_back(line_item(c.series[si].name, t, si));
    double legend_top = cy + R + gap + max_lines * lh + 6;
    auto [leg, leg_h] = legend(items, legend_top, t);
    double height = legend_top + leg_h + 4;
    return open_svg(id, height, c.title, c.alt) + body + leg + "</svg>";
}

// ---- Bars ------------------------------------------------------------------------------

std::string chart_svg(const BarChart& c, const Theme& t, const std::string& id) {
    const std::size_t n = c.categories.size(), ns = c.series.size();
    if (n == 0 || ns == 0) return empty_chart(id, c.title, c.alt, t);
    auto value = [&](std::size_t si, std::size_t ci) -> std::optional<double> {
        const auto& v = c.series[si].values;
        return ci < v.size() ? v[ci] : std::nullopt;
    };
    double lo = 0, hi = 0;
    for (std::size_t ci = 0; ci < n; ++ci) {
        double pos = 0, neg = 0;
        for (std::size_t si = 0; si < ns; ++si) {
            auto v = value(si, ci);
            if (!v) continue;
            if (c.stacked) {
                (*v >= 0 ? pos : neg) += *v;
            } else {
                pos = std::max(pos, *v);
                neg = std::min(neg, *v);
            }
        }
        hi = std::max(hi, pos);
        lo = std::min(lo, neg);
    }
    Ticks ticks = nice_ticks(lo, hi, 5);
    int tick_dec = std::max(ticks.decimals, 0);
    std::vector<std::string> tick_labels;
    double label_w = 0;
    for (double v : ticks.values) {
        tick_labels.push_back(format_value(v, tick_dec, c.value_prefix));
        label_w = std::max(label_w, text_width(tick_labels.back(), kTickFont));
    }
    const double left = 14 + label_w + 8, right = kWidth - 16, top = 14, plot_h = 260, base = top + plot_h;
    const double gw = (right - left) / static_cast<double>(n);
    auto y_of = [&](double v) { return base - plot_h * (v - ticks.lo) / (ticks.hi - ticks.lo); };

    std::string body = hatch_defs(id, t, ns);
    for (std::size_t k = 0; k < ticks.values.size(); ++k) {
        double y = y_of(ticks.values[k]);
        if (std::fabs(ticks.values[k]) > 1e-12) body += line(left, y, right, y, t.grid, 1);
        body += text1(tick_labels[k], left - 8, y + 4.5, "end", kTickFont, t.muted);
    }

    // Category labels under the groups.
    const std::size_t max_chars = static_cast<std::size_t>(std::max(4.0, (gw - 6) / (kLabelFont * kCharWidth)));
    std::size_t most_lines = 1;
    for (std::size_t ci = 0; ci < n; ++ci) {
        auto lines = wrap(c.categories[ci], max_chars, 3);
        most_lines = std::max(most_lines, lines.size());
        body += text_lines(lines, left + gw * (static_cast<double>(ci) + 0.5), base + 20, kLineHeight, "middle",
                           kLabelFont, t.text);
    }

    for (std::size_t ci = 0; ci < n; ++ci) {
        double xc = left + gw * (static_cast<double>(ci) + 0.5);
        if (c.stacked) {
            double bw = std::min(gw * 0.55, 72.0);
            double pos = 0, neg = 0;
            for (std::size_t si = 0; si < ns; ++si) {
                auto v = value(si, ci);
                if (!v || *v == 0) continue;
                double from = *v >= 0 ? pos : neg, to = from + *v;
                (*v >= 0 ? pos : neg) = to;
                double y1 = y_of(std::max(from, to)), y2 = y_of(std::min(from, to));
                body += bar_rect(id, t, si, xc - bw / 2, y1, bw, y2 - y1);
            }
        } else {
            double bw = std::min(gw * 0.75 / static_cast<double>(ns), 48.0);
            double x0 = xc - bw * static_cast<double>(ns) / 2;
            for (std::size_t si = 0; si < ns; ++si) {
                auto v = value(si, ci);
                if (!v) continue;
                double y1 = y_of(std::max(*v, 0.0)), y2 = y_of(std::min(*v, 0.0));
                body += bar_rect(id, t, si, x0 + bw * static_cast<double>(si), y1, bw, std::max(y2 - y1, 0.0));
            }
        }
    }
    // The zero line over the bars' feet, and the y axis.
    body += line(left, y_of(0), right, y_of(0), t.muted, 1.5);
    body += line(left, top, left, base, t.muted, 1);

    std::vector<LegendItem> items;
    for (std::size_t si = 0; si < ns; ++si) items.push_back(bar_item(c.series[si].name, t, id, si));
    double legend_top = base + 20 + static_cast<double>(most_lines) * kLineHeight + 4;
    auto [leg, leg_h] = legend(items, legend_top, t);
    return open_svg(id, legend_top + leg_h + 4, c.title, c.alt) + body + leg + "</svg>";
}

// ---- Lines -----------------------------------------------------------------------------

std::string chart_svg(const LineChart& c, const Theme& t, const std::string& id) {
    const std::size_t n = c.categories.size(), ns = c.series.size();
    if (n == 0 || ns == 0) return empty_chart(id, c.title, c.alt, t);
    const double lo = c.min, hi = c.max > c.min ? c.max : c.min + 1;
    Ticks ticks = scale_ticks(lo, hi);
    double label_w = 0;
    for (double v : ticks.values) label_w = std::max(label_w, text_width(ys::fixed(v, ticks.decimals), kTickFont));
    const double left = 14 + label_w + 8, right = kWidth - 16, top = 14, plot_h = 240, base = top + plot_h;
    const double gw = (right - left) / static_cast<double>(n);
    auto y_of = [&](double v) { return base - plot_h * clampd((v - lo) / (hi - lo), 0, 1); };
    auto x_of = [&](std::size_t i) { return left + gw * (static_cast<double>(i) + 0.5); };

    std::string body;
    for (double v : ticks.values) {
        double y = y_of(v);
        body += line(left, y, right, y, std::fabs(y - base) < 1e-6 ? t.muted : t.grid, 1);
        body += text1(ys::fixed(v, ticks.decimals), left - 8, y + 4.5, "end", kTickFont, t.muted);
    }
    body += line(left, top, left, base, t.muted, 1);
    const std::size_t max_chars = static_cast<std::size_t>(std::max(4.0, (gw - 6) / (kLabelFont * kCharWidth)));
    std::size_t most_lines = 1;
    for (std::size_t ci = 0; ci < n; ++ci) {
        auto lines = wrap(c.categories[ci], max_chars, 3);
        most_lines = std::max(most_lines, lines.size());
        body += line(x_of(ci), base, x_of(ci), base + 5, t.muted, 1);
        body += text_lines(lines, x_of(ci), base + 22, kLineHeight, "middle", kLabelFont, t.text);
    }

    std::string paths, marks;
    for (std::size_t si = 0; si < ns; ++si) {
        Colour col = series_colour(t, si);
        std::size_t st = style_index(si);
        const auto& v = c.series[si].values;
        std::string d;
        bool pen_down = false;
        for (std::size_t ci = 0; ci < n; ++ci) {
            if (ci < v.size() && v[ci]) {
                d += (pen_down ? "L" : "M") + num(x_of(ci)) + " " + num(y_of(*v[ci]));
                pen_down = true;
                marks += marker(st, x_of(ci), y_of(*v[ci]), col);
            } else {
                pen_down = false;  // a gap where the value is missing
            }
        }
        if (!d.empty())
            paths += "<path d=\"" + d + "\" fill=\"none\" stroke=\"" + colour_hex(col) +
                     "\" stroke-width=\"2.5\" stroke-linejoin=\"round\" stroke-linecap=\"round\"" + dash_attr(st) + "/>\n";
    }
    body += paths + marks;

    std::vector<LegendItem> items;
    for (std::size_t si = 0; si < ns; ++si) items.push_back(line_item(c.series[si].name, t, si));
    double legend_top = base + 22 + static_cast<double>(most_lines) * kLineHeight + 4;
    auto [leg, leg_h] = legend(items, legend_top, t);
    return open_svg(id, legend_top + leg_h + 4, c.title, c.alt) + body + leg + "</svg>";
}

// ---- Ranges ----------------------------------------------------------------------------

std::string chart_svg(const RangeChart& c, const Theme& t, const std::string& id) {
    const std::size_t n = c.rows.size();
    if (n == 0) return empty_chart(id, c.title, c.alt, t);
    const double lo = c.scale_min, hi = c.scale_max > c.scale_min ? c.scale_max : c.scale_min + 1;
    const double label_col = 220, left = label_col + 14, right = kWidth - 20, top = 10, row_h = 42;
    const double base = top + row_h * static_cast<double>(n);
    auto x_of = [&](double v) { return left + (right - left) * clampd((v - lo) / (hi - lo), 0, 1); };
    Ticks ticks = scale_ticks(lo, hi);
    const Colour box_fill = tint(t.primary, 0.78);
    bool any_marker = false;

    std::string body;
    for (double v : ticks.values) {
        double x = x_of(v);
        body += line(x, top, x, base, t.grid, 1);
        body += line(x, base, x, base + 5, t.muted, 1);
        body += text1(ys::fixed(v, ticks.decimals), x, base + 20, "middle", kTickFont, t.muted);
    }
    body += line(left, base, right, base, t.muted, 1);

    auto whisker = [&](double x1, double x2, double y) {
        return line(x1, y, x2, y, t.text, 1.5) + line(x1, y - 6, x1, y + 6, t.text, 1.5) +
               line(x2, y - 6, x2, y + 6, t.text, 1.5);
    };
    auto box = [&](double x1, double x2, double y) {
        return "<rect x=\"" + num(x1) + "\" y=\"" + num(y - 8) + "\" width=\"" + num(std::max(x2 - x1, 1.0)) +
               "\" height=\"16\" fill=\"" + colour_hex(box_fill) + "\" stroke=\"" + colour_hex(t.primary) +
               "\" stroke-width=\"1.5\"/>\n";
    };
    auto median = [&](double x, double y) { return line(x, y - 11, x, y + 11, t.text, 3); };
    auto viewer = [&](double x, double y) {
        return "<polygon points=\"" + num(x) + "," + num(y - 8) + " " + num(x + 8) + "," + num(y) + " " + num(x) + "," +
               num(y + 8) + " " + num(x - 8) + "," + num(y) + "\" fill=\"" + colour_hex(t.accent) + "\" stroke=\"" +
               colour_hex(t.text) + "\" stroke-width=\"1\"/>\n";
    };

    for (std::size_t i = 0; i < n; ++i) {
        const auto& r = c.rows[i];
        double y = top + row_h * (static_cast<double>(i) + 0.5);
        auto lines = wrap(r.label, static_cast<std::size_t>(label_col / (kLabelFont * kCharWidth)), 2);
        double k = static_cast<double>(lines.size());
        body += text_lines(lines, label_col, y - (k - 1) * kLineHeight / 2 + 5, kLineHeight, "end", kLabelFont, t.text);
        body += whisker(x_of(r.min), x_of(r.max), y);
        body += box(x_of(r.q1), x_of(r.q3), y);
        body += median(x_of(r.median), y);
        if (r.marker) {
            any_marker = true;
            body += viewer(x_of(*r.marker), y);
        }
    }

    std::vector<LegendItem> items;
    items.push_back({"Lowest to highest", [&](double x, double y) { return whisker(x + 2, x + 26, y); }});
    items.push_back({"Middle half (quartiles)", [&](double x, double y) { return box(x + 2, x + 26, y); }});
    items.push_back({"Median", [&](double x, double y) { return median(x + 14, y); }});
    if (any_marker)
        items.push_back({c.marker_label.empty() ? std::string("Marker") : c.marker_label,
                         [&](double x, double y) { return viewer(x + 14, y); }});
    double legend_top = base + 32;
    auto [leg, leg_h] = legend(items, legend_top, t);
    return open_svg(id, legend_top + leg_h + 4, c.title, c.alt) + body + leg + "</svg>";
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
