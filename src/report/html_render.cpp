#include "html_render.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>
#include <type_traits>

#include "number_format.h"
#include "io/platform.h"

namespace ys::report {
namespace {

const Colour kWhite{0xff, 0xff, 0xff};
const Colour kBlack{0x00, 0x00, 0x00};

std::string esc(const std::string& s) { return html_escape(s); }

// "2026-11-21T10:00:00Z" -> "21 November 2026"; anything else is shown as given.
std::string display_date(const std::string& iso) {
    static const char* months[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};
    auto digits = [&](std::size_t from, std::size_t n) {
        if (iso.size() < from + n) return -1;
        int v = 0;
        for (std::size_t i = from; i < from + n; ++i) {
            if (iso[i] < '0' || iso[i] > '9') return -1;
            v = v * 10 + (iso[i] - '0');
        }
        return v;
    };
    int y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
    if (y < 0 || m < 1 || m > 12 || d < 1 || d > 31 || iso[4] != '-' || iso[7] != '-') return iso;
    return std::to_string(d) + " " + months[m - 1] + " " + std::to_string(y);
}

bool read_file(const std::string& path, std::string& out) {
    std::ifstream in(platform::path_from_utf8(path), std::ios::binary);
    if (!in) return false;
    out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return !in.bad();
}

// The logo as a data: URI; empty with `error` set when it cannot be used.
std::string logo_data_uri(const std::string& path, std::string& error) {
    std::string bytes;
    if (!read_file(path, bytes)) {
        error = "cannot read the logo file " + path;
        return {};
    }
    const char* mime = nullptr;
    if (bytes.size() >= 8 && bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0)
        mime = "image/png";
    else if (bytes.size() >= 3 && bytes.compare(0, 3, "\xFF\xD8\xFF") == 0)
        mime = "image/jpeg";
    if (!mime) {
        error = "the logo file " + path + " is not a PNG or JPEG image";
        return {};
    }
    return std::string("data:") + mime + ";base64," + base64_encode(bytes);
}

std::string css(const Theme& t) {
    std::string s = ":root{--text:" + colour_hex(t.text) + ";--muted:" + colour_hex(t.muted) +
                    ";--primary:" + colour_hex(t.primary) + ";--on-primary:" + colour_hex(t.on_primary) +
                    ";--accent:" + colour_hex(t.accent) + ";--grid:" + colour_hex(t.grid) + "}\n";
    s += R"CSS(*,*::before,*::after{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:100%;line-height:1.5;color:var(--text);background:#ffffff}
body{margin:0}
.inner,main{max-width:52rem;margin:0 auto;padding:0 1.25rem}
.skip-link{position:absolute;left:-9999px;top:0.5rem;background:#ffffff;color:var(--primary);padding:0.5rem 1rem;font-weight:700;z-index:10}
.skip-link:focus{left:0.5rem}
.visually-hidden{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
a{color:var(--primary)}
header.doc-header{background:var(--primary);color:var(--on-primary);padding:2rem 0 1.75rem}
header.doc-header .logo{display:block;max-height:4.5rem;max-width:14rem;background:#ffffff;padding:0.4rem;border-radius:4px;margin-bottom:1rem}
header.doc-header h1{margin:0;font-size:2.1rem;line-height:1.2;color:var(--on-primary)}
header.doc-header .subtitle{margin:0.4rem 0 0;font-size:1.25rem}
header.doc-header .created{margin:0.75rem 0 0;font-size:0.95rem}
nav.toc{border-bottom:1px solid var(--grid);padding:1rem 0 0.5rem}
nav.toc h2{font-size:1.1rem;margin:0 0 0.25rem;border:0;color:var(--text)}
nav.toc ol{margin:0 0 0.5rem;padding-left:1.5rem}
nav.toc li{margin:0.15rem 0}
main{padding-bottom:3rem}
h2,h3,h4{color:var(--primary);line-height:1.25}
h2{font-size:1.6rem;margin:2.5rem 0 0.75rem;padding-bottom:0.3rem;border-bottom:2px solid var(--primary)}
h3{font-size:1.25rem;margin:2rem 0 0.5rem}
h4{font-size:1.05rem;margin:1.5rem 0 0.5rem}
p{margin:0.6rem 0}
p.lead{font-size:1.2rem}
p.note{color:var(--muted);font-size:0.9rem}
ul{padding-left:1.5rem}
li{margin:0.2rem 0}
dl.kv{display:grid;grid-template-columns:minmax(8rem,max-content) 1fr;gap:0.35rem 1.5rem;margin:1rem 0}
dl.kv dt{font-weight:700}
dl.kv dd{margin:0}
table{border-collapse:collapse;width:100%;margin:1.25rem 0;font-variant-numeric:tabular-nums}
caption{caption-side:top;text-align:left;font-weight:700;padding:0 0 0.4rem}
th,td{padding:0.4rem 0.6rem;border-bottom:1px solid var(--grid);text-align:left;vertical-align:top;white-space:pre-line}
thead th{background:var(--primary);color:var(--on-primary);vertical-align:bottom}
tbody th{font-weight:700}
tfoot th,tfoot td{font-weight:700;border-top:2px solid var(--text);border-bottom:0}
.al-r{text-align:right}
.al-c{text-align:center}
figure.chart{margin:1.75rem 0;padding:0}
figure.chart figcaption{font-weight:700;margin-bottom:0.5rem}
figure.chart svg{display:block;width:100%;height:auto;max-width:45rem}
details.chart-data{margin-top:0.5rem}
details.chart-data summary{cursor:pointer;color:var(--primary);text-decoration:underline}
details.chart-data table{margin-top:0.5rem}
.page-break{display:none}
@media print{
@page{size:A4;margin:16mm 15mm 18mm}
html{font-size:10.5pt}
.inner,main{max-width:none;padding:0}
.skip-link,nav.toc,details.chart-data{display:none}
header.doc-header{padding:1rem 1.25rem;-webkit-print-color-adjust:exact;print-color-adjust:exact}
thead th,.heat{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.page-break{display:block;height:0;break-before:page;page-break-before:always}
figure,tr,dl.kv{break-inside:avoid;page-break-inside:avoid}
thead{display:table-header-group}
tfoot{display:table-row-group}
h2,h3,h4,caption{break-after:avoid;page-break-after:avoid}
a{color:inherit;text-decoration:none}
figure.chart svg{max-width:40rem}
}
)CSS";
    return s;
}

std::string align_class(const Table& t, std::size_t col) {
    Align a = col < t.align.size() ? t.align[col] : Align::left;
    return a == Align::right ? "al-r" : a == Align::centre ? "al-c" : "";
}

std::string cell(const Table& t, std::size_t r, std::size_t c, const std::string& text, bool row_header) {
    std::string cls = align_class(t, c);
    std::string style;
    if (r < t.fills.size() && c < t.fills[r].size() && t.fills[r][c]) {
        Colour f = *t.fills[r][c];
        cls += cls.empty() ? "heat" : " heat";
        style = " style=\"background-color:" + colour_hex(f) + ";color:" + colour_hex(text_colour_on(f)) + "\"";
    }
    std::string cls_attr = cls.empty() ? "" : " class=\"" + cls + "\"";
    if (row_header) return "<th scope=\"row\"" + cls_attr + style + ">" + esc(text) + "</th>";
    return "<td" + cls_attr + style + ">" + esc(text) + "</td>";
}

std::string table_html(const Table& t) {
    std::size_t cols = t.header.size();
    for (const auto& r : t.rows) cols = std::max(cols, r.size());
    std::string s = "<table>\n";
    if (!t.caption.empty()) s += "<caption>" + esc(t.caption) + "</caption>\n";
    if (!t.widths.empty() && t.widths.size() == cols) {
        double sum = 0;
        for (double w : t.widths) sum += w > 0 ? w : 0;
        if (sum > 0) {
            s += "<colgroup>";
            for (double w : t.widths) s += "<col style=\"width:" + ys::fixed(100 * std::max(w, 0.0) / sum, 1) + "%\">";
            s += "</colgroup>\n";
        }
    }
    if (!t.header.empty()) {
        s += "<thead><tr>";
        for (std::size_t c = 0; c < cols; ++c) {
            std::string cls = align_class(t, c);
            s += "<th scope=\"col\"" + (cls.empty() ? "" : " class=\"" + cls + "\"") + ">" +
                 esc(c < t.header.size() ? t.header[c] : std::string()) + "</th>";
        }
        s += "</tr></thead>\n";
    }
    std::size_t body_rows = t.rows.size();
    bool total = t.last_row_is_total && !t.rows.empty();
    if (total) --body_rows;
    auto row_html = [&](std::size_t r) {
        std::string x = "<tr>";
        for (std::size_t c = 0; c < cols; ++c) {
            const std::string& text = c < t.rows[r].size() ? t.rows[r][c] : std::string();
            x += cell(t, r, c, text, c == 0 && t.first_column_is_header);
        }
        return x + "</tr>\n";
    };
    if (body_rows > 0) {
        s += "<tbody>\n";
        for (std::size_t r = 0; r < body_rows; ++r) s += row_html(r);
        s += "</tbody>\n";
    }
    if (total) s += "<tfoot>\n" + row_html(t.rows.size() - 1) + "</tfoot>\n";
    return s + "</table>\n";
}

template <class Chart>
std::string figure_html(const Chart& chart, const Theme& theme, int number) {
    std::string id = "fig_" + std::to_string(number);
    std::string s = "<figure class=\"chart\">\n";
    if (!chart.title.empty()) s += "<figcaption>" + esc(chart.title) + "</figcaption>\n";
    s += chart_svg(chart, theme, id) + "\n";
    s += "<details class=\"chart-data\"><summary>Data for this chart";
    if (!chart.title.empty()) s += "<span class=\"visually-hidden\">: " + esc(chart.title) + "</span>";
    s += "</summary>\n" + table_html(chart_data_table(chart)) + "</details>\n";
    return s + "</figure>\n";
}

// A heading's id: its anchor, or section_N when it has none; a repeated anchor gets a
// suffix so ids stay unique. Anchors are [a-z0-9-], so ids with '_' (section_1, fig_1,
// toc_title, main_content) cannot clash with them.
std::string heading_id(const Heading& h, int& unnamed, std::set<std::string>& used) {
    std::string id = h.anchor.empty() ? "section_" + std::to_string(++unnamed) : h.anchor;
    for (int n = 2; !used.insert(id).second; ++n) id = h.anchor + "_" + std::to_string(n);
    return id;
}

}  // namespace

Colour text_colour_on(Colour fill) {
    return contrast_ratio(fill, kBlack) >= contrast_ratio(fill, kWhite) ? kBlack : kWhite;
}

std::string base64_encode(std::string_view bytes) {
    static const char* abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        unsigned v = static_cast<unsigned char>(bytes[i]) << 16 | static_cast<unsigned char>(bytes[i + 1]) << 8 |
                     static_cast<unsigned char>(bytes[i + 2]);
        out += abc[v >> 18 & 63];
        out += abc[v >> 12 & 63];
        out += abc[v >> 6 & 63];
        out += abc[v & 63];
    }
    if (i + 1 == bytes.size()) {
        unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
        out += abc[v >> 18 & 63];
        out += abc[v >> 12 & 63];
        out += "==";
    } else if (i + 2 == bytes.size()) {
        unsigned v = static_cast<unsigned char>(bytes[i]) << 16 | static_cast<unsigned char>(bytes[i + 1]) << 8;
        out += abc[v >> 18 & 63];
        out += abc[v >> 12 & 63];
        out += abc[v >> 6 & 63];
        out += '=';
    }
    return out;
}

std::vector<std::string> theme_contrast_problems(const Theme& t) {
    std::vector<std::string> problems;
    auto check = [&](const std::string& what, Colour fg, Colour bg, const std::string& bg_name, double needed) {
        double r = contrast_ratio(fg, bg);
        if (r + 1e-9 < needed)
            problems.push_back(what + " " + colour_hex(fg) + " on " + bg_name + " " + colour_hex(bg) + ": contrast " +
                               ys::fixed(r, 2) + ":1, needs at least " + ys::plain(needed, 1) + ":1");
    };
    check("body text", t.text, kWhite, "white", 4.5);
    check("muted text (notes, captions, chart labels)", t.muted, kWhite, "white", 4.5);
    check("heading and link text (primary)", t.primary, kWhite, "white", 4.5);
    check("header and table header text (on_primary)", t.on_primary, t.primary, "primary", 4.5);
    check("chart marker (accent)", t.accent, kWhite, "white", 3.0);
    for (std::size_t i = 0; i < t.series.size(); ++i)
        check("chart series " + std::to_string(i + 1), t.series[i], kWhite, "white", 3.0);
    return problems;
}

bool render_html(const Document& doc, std::string& html, std::string& error) {
    html.clear();
    error.clear();
    const Theme& theme = doc.theme;

    std::string logo;
    if (!theme.logo_path.empty()) {
        logo = logo_data_uri(theme.logo_path, error);
        if (logo.empty()) return false;
    }

    // Heading ids first: the contents list links the level-1 headings.
    int unnamed = 0;
    std::set<std::string> used;
    std::vector<std::string> ids;
    std::string toc;
    for (const auto& b : doc.blocks) {
        if (const auto* h = std::get_if<Heading>(&b)) {
            ids.push_back(heading_id(*h, unnamed, used));
            if (h->level <= 1) toc += "<li><a href=\"#" + esc(ids.back()) + "\">" + esc(h->text) + "</a></li>\n";
        }
    }

    std::string title = doc.title.empty() ? std::string("Report") : doc.title;
    std::string out;
    out.reserve(64 * 1024);
    out += "<!DOCTYPE html>\n<html lang=\"" + esc(doc.language.empty() ? std::string("en-GB") : doc.language) +
           "\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<title>" + esc(doc.subtitle.empty() ? title : title + " \xE2\x80\x93 " + doc.subtitle) + "</title>\n";
    if (!doc.author.empty()) out += "<meta name=\"author\" content=\"" + esc(doc.author) + "\">\n";
    out += "<meta name=\"generator\" content=\"Yardstick\">\n";
    out += "<style>\n" + css(theme) + "</style>\n</head>\n<body>\n";
    out += "<a class=\"skip-link\" href=\"#main_content\">Skip to main content</a>\n";

    out += "<header class=\"doc-header\">\n<div class=\"inner\">\n";
    if (!logo.empty()) {
        std::string owner = !doc.subtitle.empty() ? doc.subtitle : !doc.author.empty() ? doc.author : title;
        out += "<img class=\"logo\" src=\"" + logo + "\" alt=\"" + esc(owner + " logo") + "\">\n";
    }
    out += "<h1>" + esc(title) + "</h1>\n";
    if (!doc.subtitle.empty()) out += "<p class=\"subtitle\">" + esc(doc.subtitle) + "</p>\n";
    if (!doc.created.empty())
        out += "<p class=\"created\">Created <time datetime=\"" + esc(doc.created) + "\">" +
               esc(display_date(doc.created)) + "</time></p>\n";
    out += "</div>\n</header>\n";

    if (!toc.empty())
        out += "<nav class=\"toc\" aria-labelledby=\"toc_title\">\n<div class=\"inner\">\n"
               "<h2 id=\"toc_title\">Contents</h2>\n<ol>\n" + toc + "</ol>\n</div>\n</nav>\n";

    out += "<main id=\"main_content\">\n";
    int previous = 1, figures = 0;
    std::size_t heading_index = 0;
    for (const auto& block : doc.blocks) {
        std::visit(
            [&](const auto& b) {
                using T = std::decay_t<decltype(b)>;
                if constexpr (std::is_same_v<T, Heading>) {
                    // Level 1..3 -> h2..h4, never deeper than one below the previous heading.
                    int level = std::min(std::max(b.level, 1), 3) + 1;
                    level = std::min(level, previous + 1);
                    previous = level;
                    std::string tag = "h" + std::to_string(level);
                    out += "<" + tag + " id=\"" + esc(ids[heading_index++]) + "\">" + esc(b.text) + "</" + tag + ">\n";
                } else if constexpr (std::is_same_v<T, Paragraph>) {
                    const char* cls = b.style == TextStyle::lead ? " class=\"lead\"" : b.style == TextStyle::note ? " class=\"note\"" : "";
                    out += std::string("<p") + cls + ">" + esc(b.text) + "</p>\n";
                } else if constexpr (std::is_same_v<T, BulletList>) {
                    if (b.items.empty()) return;
                    out += "<ul>\n";
                    for (const auto& item : b.items) out += "<li>" + esc(item) + "</li>\n";
                    out += "</ul>\n";
                } else if constexpr (std::is_same_v<T, KeyValues>) {
                    if (b.rows.empty()) return;
                    out += "<dl class=\"kv\">\n";
                    for (const auto& [k, v] : b.rows) out += "<dt>" + esc(k) + "</dt><dd>" + esc(v) + "</dd>\n";
                    out += "</dl>\n";
                } else if constexpr (std::is_same_v<T, Table>) {
                    out += table_html(b);
                } else if constexpr (std::is_same_v<T, PageBreak>) {
                    out += "<div class=\"page-break\"></div>\n";
                } else {
                    out += figure_html(b, theme, ++figures);
                }
            },
            block);
    }
    out += "</main>\n</body>\n</html>\n";
    html = std::move(out);
    return true;
}

}  // namespace ys::report
