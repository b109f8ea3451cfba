#include "svg_chart_parts.h"

#include <algorithm>
#include <cmath>

#include "number_format.h"
#include "svg_charts.h"

namespace ys::report::svg {

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

std::string text_lines(const std::vector<std::string>& lines, double x, double first_baseline, double line_height,
                       const char* anchor, double font_size, Colour fill, const std::string& extra) {
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
                  const std::string& extra) {
    return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\" font-size=\"" +
           num(font_size) + "\" fill=\"" + colour_hex(fill) + "\"" + extra + ">" + esc(t) + "</text>\n";
}

std::string line(double x1, double y1, double x2, double y2, Colour c, double w, const std::string& extra) {
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

std::size_t style_index(std::size_t i) { return (i + i / 4) % 4; }

std::string dash_attr(std::size_t i) {
    static const char* dashes[] = {"", "9 5", "2 4", "12 4 3 4"};
    const char* d = dashes[i % 4];
    return *d ? std::string(" stroke-dasharray=\"") + d + "\"" : std::string();
}

std::string marker(std::size_t shape, double x, double y, Colour c, double size) {
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

Ticks nice_ticks(double lo, double hi, int target) {
    if (!(hi > lo)) hi = lo + 1;
    double raw = (hi - lo) / target;
    double mag = std::pow(10.0, std::floor(std::log10(raw)));
    double norm = raw / mag;
    double step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10) * mag;
    double a = std::floor(lo / step + 1e-9) * step, b = std::ceil(hi / step - 1e-9) * step;
    return make_ticks(a, b, step);
}

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

}  // namespace ys::report::svg
