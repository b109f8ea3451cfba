// The HTML renderer: one self-contained, accessible file per Document. Structure and
// accessibility are checked by tests/report/check_html.py (Python's html.parser), which is
// itself tested against broken pages so it cannot pass vacuously.
#include <catch2/catch.hpp>


#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "../support/portable_test.h"
#include "html_render.h"
#include "svg_charts.h"

namespace fs = std::filesystem;
using namespace ys::report;

namespace {

std::string work_dir() {
    fs::path p = fs::path(YS_WORK_DIR) / "html";
    fs::create_directories(p);
    return p.string();
}

void write_file(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::size_t count(const std::string& hay, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + needle.size())) ++n;
    return n;
}

struct CheckResult {
    int status = -1;
    std::string output;
};

// Runs check_html.py on a file; the exit status and what it printed.
CheckResult check_html_file(const std::string& path) {
    std::string out = path + ".check.txt";
    std::string cmd = std::string("python3 \"") + YS_SOURCE_DIR + "/tests/report/check_html.py\" \"" + path +
                      "\" > \"" + out + "\" 2>&1";
    int raw = std::system(cmd.c_str());
    CheckResult r;
    r.status = ys::test::system_exit_code(raw);
    r.output = slurp(out);
    return r;
}

[[maybe_unused]] CheckResult check_html_text(const std::string& name, const std::string& html) {
    std::string path = work_dir() + "/" + name + ".html";
    write_file(path, html);
    return check_html_file(path);
}

std::string render(const Document& doc) {
    std::string html, error;
    bool ok = render_html(doc, html, error);
    INFO(error);
    REQUIRE(ok);
    REQUIRE(error.empty());
    return html;
}

RadarChart sample_radar() {
    RadarChart r;
    r.title = "Maturity by theme";
    r.alt = "Current scores are below target in every theme, furthest in data quality.";
    r.axes = {"Leadership and culture", "Data quality", "Skills and capability", "Tools and infrastructure",
              "Governance", "Use of insight in decisions"};
    r.min = 0;
    r.max = 5;
    r.series = {{"Current (2026)", {2.4, 1.8, 2.9, 3.1, 2.0, 2.6}},
                {"Target", {4, 4, 4, 4, 3.5, 4}},
                {"Previous (2025)", {2.0, 1.5, std::nullopt, 2.8, 1.9, 2.2}}};
    return r;
}

BarChart sample_bars(bool stacked) {
    BarChart b;
    b.title = stacked ? "Costs per year by type" : "Costs per year";
    b.alt = "Costs rise from £18,500 in the first year to £41,200 in the third.";
    b.categories = {"2026/27", "2027/28", "2028/29"};
    b.series = {{"Staff", {12000, 24000, 31000}}, {"Training", {4500, 6000, 7200}}, {"Tools", {2000, 2500, 3000}}};
    b.stacked = stacked;
    b.value_prefix = "\xC2\xA3";  // £
    return b;
}

LineChart sample_lines() {
    LineChart l;
    l.title = "Overall score across rounds";
    l.alt = "The overall score has risen in each round.";
    l.categories = {"Spring 2025", "Autumn 2025", "Spring 2026", "Autumn 2026"};
    l.series = {{"Eastmere", {1.9, 2.2, 2.5, 2.8}},
                {"Peer median", {2.1, 2.3, 2.4, 2.6}},
                {"Target", {3, 3, 3.5, 4}},
                {"England average", {2.0, std::nullopt, 2.3, 2.5}}};
    return l;
}

RangeChart sample_ranges() {
    RangeChart c;
    c.title = "Scores across the peer group";
    c.alt = "Eastmere is above the median in two of three themes.";
    c.marker_label = "Eastmere District Council (fictional)";
    c.rows = {{"Leadership and culture", 1.2, 2.0, 2.5, 3.1, 4.2, 2.8},
              {"Data quality", 0.8, 1.5, 2.1, 2.6, 3.9, 1.8},
              {"Skills and capability", 1.0, 2.2, 2.7, 3.3, 4.5, 2.9}};
    return c;
}

Table sample_table() {
    Table t;
    t.caption = "Scores by theme";
    t.header = {"Theme", "Score", "Target", "Gap"};
    t.rows = {{"Leadership", "2.4", "4.0", "1.6"}, {"Data quality", "1.8", "4.0", "2.2"}, {"Overall", "2.1", "4.0", "1.9"}};
    t.align = {Align::left, Align::right, Align::right, Align::right};
    t.widths = {3, 1, 1, 1};
    t.first_column_is_header = true;
    t.last_row_is_total = true;
    return t;
}

Table heatmap_table() {
    Theme th;
    Table t;
    t.caption = "Peer scores (heatmap)";
    t.header = {"Council", "Leadership", "Data quality"};
    t.rows = {{"Council A", "1.2", "4.6"}, {"Council B", "3.0", "2.5"}};
    t.align = {Align::left, Align::centre, Align::centre};
    t.first_column_is_header = true;
    t.fills = {{std::nullopt, th.heat_low, th.heat_high}, {std::nullopt, Colour{0x89, 0x8a, 0x99}, std::nullopt}};
    return t;
}

Document sample_document() {
    Document d;
    d.title = "Data maturity action plan";
    d.subtitle = "Eastmere District Council (fictional)";
    d.running_header = "Action plan \xE2\x80\x94 Eastmere";
    d.author = "Yardstick";
    d.created = "2026-11-21T10:00:00Z";
    d.theme.logo_path = std::string(YS_TEST_DATA) + "/report/html/logo.png";
    d.blocks = {
        Heading{1, "Summary", "summary"},
        Paragraph{"This plan sets out where the council stands and what it will do next, costing \xC2\xA3"
                  "41,200 over three years. Caf\xC3\xA9 and Llanrhaeadr-ym-Mochnant: \xC5\xB5 \xC5\xB7.",
                  TextStyle::lead},
        KeyValues{{{"Organisation", "Eastmere District Council (fictional)"},
                   {"Round", "Autumn 2026"},
                   {"Respondents", "42"}}},
        Paragraph{"Scores run from 0 (not started) to 5 (leading).", TextStyle::body},
        Paragraph{"All organisations in this report are fictional.", TextStyle::note},
        Heading{2, "Where we are", "where-we-are"},
        sample_radar(),
        sample_table(),
        Heading{3, "Peers", "peers"},
        heatmap_table(),
        sample_ranges(),
        PageBreak{},
        Heading{1, "What we will do", "actions"},
        BulletList{{"Appoint a data quality lead.", "Train 30 staff in analysis.", "Publish a data strategy."}},
        sample_bars(false),
        sample_bars(true),
        Heading{1, "Progress", "progress"},
        sample_lines(),
    };
    return d;
}

// The heading tags in order: "h1", "h2", ...
[[maybe_unused]] std::vector<std::string> heading_tags(const std::string& html) {
    std::vector<std::string> out;
    for (std::size_t p = html.find("<h"); p != std::string::npos; p = html.find("<h", p + 2)) {
        if (p + 3 < html.size() && html[p + 2] >= '1' && html[p + 2] <= '6' && (html[p + 3] == ' ' || html[p + 3] == '>'))
            out.push_back(html.substr(p + 1, 2));
    }
    return out;
}

// Every value of attribute `name` (as ` name="..."`) in the text.
std::vector<std::string> attribute_values(const std::string& text, const std::string& name) {
    std::vector<std::string> out;
    const std::string key = " " + name + "=\"";
    for (std::size_t p = text.find(key); p != std::string::npos; p = text.find(key, p + 1)) {
        std::size_t from = p + key.size(), to = text.find('"', from);
        out.push_back(text.substr(from, to - from));
    }
    return out;
}

// A decimal number as the charts write it: optional '-', digits, optional '.' and digits.
bool plain_number(const std::string& s) {
    std::size_t i = s[0] == '-' ? 1 : 0, digits = 0, dot = 0;
    for (; i < s.size(); ++i) {
        if (s[i] >= '0' && s[i] <= '9')
            ++digits;
        else if (s[i] == '.' && dot == 0 && digits > 0 && i + 1 < s.size())
            ++dot;
        else
            return false;
    }
    return digits > 0;
}

// A small valid page; the broken samples change one thing each.
[[maybe_unused]] std::string page(const std::string& body, const std::string& lang = " lang=\"en-GB\"",
                 const std::string& head_extra = "") {
    return "<!DOCTYPE html>\n<html" + lang + ">\n<head>\n<meta charset=\"utf-8\">\n<title>T</title>\n" + head_extra +
           "</head>\n<body>\n<main>\n<h1>Title</h1>\n" + body + "</main>\n</body>\n</html>\n";
}

}  // namespace

#ifndef _WIN32  // runs the host's qpdf, pdftotext or python3, which a Windows program cannot
TEST_CASE("An HTML report with every block kind passes the structure and accessibility checker", "[html]") {
    Document doc = sample_document();
    std::string html = render(doc);
    std::string path = work_dir() + "/sample.html";
    write_file(path, html);
    auto r = check_html_file(path);
    INFO(r.output);
    CHECK(r.status == 0);

    CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en-GB\">", 0) == 0);
    CHECK(count(html, "<meta charset=\"utf-8\">") == 1);
    CHECK(count(html, "<title>Data maturity action plan \xE2\x80\x93 Eastmere District Council (fictional)</title>") == 1);
    CHECK(count(html, "<style>") == 1);
    CHECK(count(html, "<header class=\"doc-header\">") == 1);
    CHECK(count(html, "<main id=\"main_content\">") == 1);
    CHECK(count(html, "<a class=\"skip-link\" href=\"#main_content\">") == 1);
    CHECK(count(html, "<h1>") == 1);
    CHECK(count(html, "<h1>Data maturity action plan</h1>") == 1);
    CHECK(count(html, "<time datetime=\"2026-11-21T10:00:00Z\">21 November 2026</time>") == 1);
    // Every block kind
    CHECK(count(html, "<p class=\"lead\">") == 1);
    CHECK(count(html, "<p class=\"note\">") == 1);
    CHECK(count(html, "<dl class=\"kv\">") == 1);
    CHECK(count(html, "<dt>Organisation</dt><dd>Eastmere District Council (fictional)</dd>") == 1);
    CHECK(count(html, "<ul>") == 1);
    CHECK(count(html, "<li>Train 30 staff in analysis.</li>") == 1);
    CHECK(count(html, "<div class=\"page-break\"></div>") == 1);
    CHECK(count(html, "<figure class=\"chart\">") == 5);
    CHECK(count(html, "<svg ") == 5);
    CHECK(count(html, "role=\"img\"") == 5);
    CHECK(count(html, "<figcaption>") == 5);
    CHECK(count(html, "<details class=\"chart-data\"><summary>Data for this chart") == 5);
    CHECK(count(html, "<table>") == 2 + 5);
    // Print styles
    CHECK(html.find("@media print") != std::string::npos);
    CHECK(html.find("size:A4") != std::string::npos);
    CHECK(html.find("page-break-before:always") != std::string::npos);
    CHECK(html.find("thead{display:table-header-group}") != std::string::npos);
    CHECK(html.find("break-inside:avoid") != std::string::npos);
    CHECK(html.find("nav.toc") != std::string::npos);
    // Self-contained
    CHECK(html.find("src=\"http") == std::string::npos);
    CHECK(html.find("href=\"http") == std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("<link") == std::string::npos);
}
#endif

#ifndef _WIN32  // runs the host's qpdf, pdftotext or python3, which a Windows program cannot
TEST_CASE("The checker fails broken pages", "[html][checker]") {
    // The base page passes, so each failure below comes from its one defect.
    auto good = check_html_text("good", page("<p>Fine</p>\n"));
    INFO(good.output);
    REQUIRE(good.status == 0);

    struct Broken {
        const char* name;
        std::string html;
        const char* expect;
    };
    const std::vector<Broken> broken = {
        {"unclosed-div", page("<div><p>Text</p>\n"), "</main> closes <div>"},
        {"unclosed-at-end", page("<p>Text</p>\n") + "<div>\n", "<div> is never closed"},
        {"misnested", page("<p><em>Text</p></em>\n"), "closes <em>"},
        {"stray-end", page("<p>Text</p></section>\n"), "closes <main>"},
        {"self-closed-div", page("<div/>\n"), "self-closed"},
        {"two-h1", page("<h1>Again</h1>\n"), "2 h1 headings"},
        {"skipped-level", page("<h3>Deep</h3>\n"), "h3 skips a level after h1"},
        {"img-no-alt", page("<img src=\"data:image/png;base64,AAAA\">\n"), "without alt"},
        {"img-empty-alt", page("<img src=\"data:image/png;base64,AAAA\" alt=\" \">\n"), "without alt"},
        {"svg-no-role", page("<svg viewBox=\"0 0 1 1\"><title>x</title></svg>\n"), "role=\"img\""},
        {"svg-no-title", page("<svg role=\"img\" viewBox=\"0 0 1 1\"><desc>x</desc></svg>\n"), "non-empty <title>"},
        {"svg-empty-title", page("<svg role=\"img\"><title> </title></svg>\n"), "non-empty <title>"},
        {"table-no-th", page("<table><tr><td>1</td></tr></table>\n"), "without <th>"},
        {"external-img", page("<img src=\"https://example.org/x.png\" alt=\"x\">\n"), "external resource"},
        {"protocol-relative", page("<a href=\"//example.org/\">x</a>\n"), "external resource"},
        {"external-css", page("<p>x</p>\n", " lang=\"en\"", "<style>@import \"x.css\";</style>\n"), "external resource"},
        {"external-bg", page("<p style=\"background:url(http://x/y.png)\">x</p>\n"), "external resource"},
        {"script", page("<script>alert(1)</script>\n"), "<script> is not allowed"},
        {"no-lang", page("<p>x</p>\n", ""), "no lang"},
        {"empty-lang", page("<p>x</p>\n", " lang=\"\""), "no lang"},
        {"duplicate-id", page("<p id=\"a\">x</p><p id=\"a\">y</p>\n"), "duplicate id"},
        {"broken-fragment", page("<a href=\"#nowhere\">x</a>\n"), "missing id"},
        {"missing-labelledby", page("<svg role=\"img\" aria-labelledby=\"t9\"><title>x</title></svg>\n"), "missing id"},
    };
    for (const auto& b : broken) {
        auto r = check_html_text(std::string("broken-") + b.name, b.html);
        INFO(b.name << ": " << r.output);
        CHECK(r.status == 1);
        CHECK(r.output.find(b.expect) != std::string::npos);
    }
    // No doctype, no charset, no title: all three reported.
    auto bare = check_html_text("broken-bare", "<html lang=\"en\"><body><h1>x</h1></body></html>\n");
    CHECK(bare.status == 1);
    CHECK(bare.output.find("DOCTYPE") != std::string::npos);
    CHECK(bare.output.find("charset") != std::string::npos);
    CHECK(bare.output.find("<title>") != std::string::npos);
    // A file that is not there is a usage error, not a pass.
    CHECK(check_html_file(work_dir() + "/does-not-exist.html").status == 2);
}
#endif

#ifndef _WIN32  // runs the host's qpdf, pdftotext or python3, which a Windows program cannot
TEST_CASE("Text is escaped everywhere it appears", "[html]") {
    const std::string nasty = "Council <script>alert('x')</script> & \"quotes\"";
    const std::string escaped = "Council &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;";
    Document d;
    d.title = nasty;
    d.subtitle = nasty;
    d.author = nasty;
    d.language = "en-GB\"><script>";
    d.created = nasty;
    Table t;
    t.caption = nasty;
    t.header = {nasty, nasty};
    t.rows = {{nasty, nasty}};
    t.first_column_is_header = true;
    RadarChart r = sample_radar();
    r.title = nasty;
    r.alt = nasty;
    r.axes[0] = nasty;
    r.series[0].name = nasty;
    BarChart b = sample_bars(false);
    b.categories[0] = nasty;
    b.series[1].name = nasty;
    RangeChart rc = sample_ranges();
    rc.marker_label = nasty;
    rc.rows[0].label = nasty;
    d.blocks = {Heading{1, nasty, "a-b"}, Paragraph{nasty}, BulletList{{nasty}}, KeyValues{{{nasty, nasty}}}, t, r, b,
                rc, sample_lines()};
    std::string html = render(d);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("'x'") == std::string::npos);
    CHECK(html.find("\"quotes\"") == std::string::npos);
    CHECK(count(html, escaped) >= 15);
    CHECK(html.find("<html lang=\"en-GB&quot;&gt;&lt;script&gt;\">") != std::string::npos);
    auto res = check_html_text("escaping", html);
    INFO(res.output);
    CHECK(res.status == 0);

    CHECK(html_escape("a&b<c>d\"e'f") == "a&amp;b&lt;c&gt;d&quot;e&#39;f");
    CHECK(html_escape("tab\tnew\nline") == "tab\tnew\nline");
    CHECK(html_escape(std::string("nul\0esc\x1b del\x7f", 13)) == "nulesc del");
}
#endif

#ifndef _WIN32  // runs the host's qpdf, pdftotext or python3, which a Windows program cannot
TEST_CASE("UTF-8 text is kept and invalid bytes are replaced", "[html]") {
    Document d;
    d.title = "Cynllun gweithredu \xE2\x80\x94 \xC5\xB5 \xC5\xB7";        // — ŵ ŷ
    d.subtitle = "Caf\xC3\xA9 Council";                                    // é
    d.language = "cy";
    BarChart b = sample_bars(true);
    b.categories[0] = "Blwyddyn \xC5\xB5";
    d.blocks = {Heading{1, "Costau \xC2\xA3", "costau"}, Paragraph{"\xC2\xA3" "12,000 a caf\xC3\xA9"}, b};
    std::string html = render(d);
    CHECK(html.find("<html lang=\"cy\">") != std::string::npos);
    CHECK(html.find("<h1>Cynllun gweithredu \xE2\x80\x94 \xC5\xB5 \xC5\xB7</h1>") != std::string::npos);
    CHECK(html.find("Caf\xC3\xA9 Council") != std::string::npos);
    CHECK(html.find("<p>\xC2\xA3" "12,000 a caf\xC3\xA9</p>") != std::string::npos);
    CHECK(html.find("Blwyddyn \xC5\xB5") != std::string::npos);
    CHECK(html.find(">\xC2\xA3" "40,000<") != std::string::npos);  // axis label with the £ prefix

    // Invalid sequences become U+FFFD, so the file is always valid UTF-8.
    CHECK(html_escape("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
    CHECK(html_escape("\xC3") == "\xEF\xBF\xBD");                 // truncated
    CHECK(html_escape("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong '/'
    CHECK(html_escape("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
    CHECK(html_escape("\xF0\x9F\x93\x8A") == "\xF0\x9F\x93\x8A");  // 📊 kept
    auto res = check_html_text("utf8", html);  // the checker also refuses a file that is not UTF-8
    INFO(res.output);
    CHECK(res.status == 0);
}
#endif

TEST_CASE("The same document renders to the same bytes", "[html]") {
    Document a = sample_document();
    Document b = sample_document();
    std::string first = render(a), second = render(a), third = render(b);
    CHECK(first == second);
    CHECK(first == third);
}

#ifndef _WIN32  // runs the host's qpdf, pdftotext or python3, which a Windows program cannot
TEST_CASE("Headings start at h2 under the title and never skip a level", "[html]") {
    Document d;
    d.title = "T";
    d.blocks = {Heading{3, "Deep first", "a"}, Heading{1, "One", "b"},       Heading{3, "Three under one", "c"},
                Heading{2, "Two", "d"},        Heading{3, "Three", "e"},    Heading{1, "One again", "f"},
                Heading{7, "Out of range", "g"}, Heading{0, "Zero", ""},    Heading{2, "Two", ""}};
    std::string html = render(d);
    std::vector<std::string> expected = {"h1", "h2" /* Contents */, "h2", "h2", "h3", "h3", "h4", "h2", "h3", "h2", "h3"};
    CHECK(heading_tags(html) == expected);
    CHECK(html.find("<h2 id=\"a\">Deep first</h2>") != std::string::npos);
    CHECK(html.find("<h3 id=\"c\">Three under one</h3>") != std::string::npos);
    CHECK(html.find("<h4 id=\"e\">Three</h4>") != std::string::npos);
    // Headings without an anchor get an id that cannot clash with one ([a-z0-9-]).
    CHECK(html.find("<h2 id=\"section_1\">Zero</h2>") != std::string::npos);
    CHECK(html.find("<h3 id=\"section_2\">Two</h3>") != std::string::npos);
    // Repeated anchors are made unique, and an anchor cannot take the page's own ids.
    Document dup;
    dup.title = "T";
    dup.blocks = {Heading{1, "A", "main"}, Heading{1, "B", "main"}, Heading{1, "C", "main"}, sample_radar()};
    std::string dup_html = render(dup);
    CHECK(dup_html.find("<h2 id=\"main\">A</h2>") != std::string::npos);
    CHECK(dup_html.find("<h2 id=\"main_2\">B</h2>") != std::string::npos);
    CHECK(dup_html.find("<h2 id=\"main_3\">C</h2>") != std::string::npos);
    CHECK(dup_html.find("href=\"#main_3\"") != std::string::npos);
    auto dup_check = check_html_text("duplicate-anchors", dup_html);
    INFO(dup_check.output);
    CHECK(dup_check.status == 0);
    auto res = check_html_text("headings", html);
    INFO(res.output);
    CHECK(res.status == 0);
}
#endif

TEST_CASE("The contents list links the level-1 headings only", "[html]") {
    std::string html = render(sample_document());
    auto nav_start = html.find("<nav class=\"toc\" aria-labelledby=\"toc_title\">");
    auto nav_end = html.find("</nav>");
    REQUIRE(nav_start != std::string::npos);
    REQUIRE(nav_end != std::string::npos);
    REQUIRE(nav_start < html.find("<main"));
    std::string nav = html.substr(nav_start, nav_end - nav_start);
    CHECK(nav.find("<li><a href=\"#summary\">Summary</a></li>") != std::string::npos);
    CHECK(nav.find("<li><a href=\"#actions\">What we will do</a></li>") != std::string::npos);
    CHECK(nav.find("<li><a href=\"#progress\">Progress</a></li>") != std::string::npos);
    CHECK(nav.find("#where-we-are") == std::string::npos);
    CHECK(nav.find("#peers") == std::string::npos);
    CHECK(count(nav, "<li>") == 3);

    Document none;
    none.title = "No headings";
    none.blocks = {Paragraph{"Just text."}};
    CHECK(render(none).find("<nav") == std::string::npos);
}

TEST_CASE("Tables have a caption, column and row headers and the total row in tfoot", "[html]") {
    Document d;
    d.title = "T";
    d.blocks = {sample_table()};
    std::string html = render(d);
    CHECK(html.find("<caption>Scores by theme</caption>") != std::string::npos);
    CHECK(html.find("<colgroup><col style=\"width:50.0%\"><col style=\"width:16.7%\"><col style=\"width:16.7%\">"
                    "<col style=\"width:16.7%\"></colgroup>") != std::string::npos);
    CHECK(html.find("<thead><tr><th scope=\"col\">Theme</th><th scope=\"col\" class=\"al-r\">Score</th>") !=
          std::string::npos);
    CHECK(html.find("<tr><th scope=\"row\">Leadership</th><td class=\"al-r\">2.4</td>") != std::string::npos);
    CHECK(html.find("<tfoot>\n<tr><th scope=\"row\">Overall</th><td class=\"al-r\">2.1</td>") != std::string::npos);
    CHECK(count(html, "<tfoot>") == 1);
    // The total is not in the body as well.
    auto tbody = html.substr(html.find("<tbody>"), html.find("</tbody>") - html.find("<tbody>"));
    CHECK(tbody.find("Overall") == std::string::npos);

    // Without row headers: plain cells. Short rows are padded to the header's width.
    Table plain;
    plain.caption = "Plain";
    plain.header = {"A", "B", "C"};
    plain.rows = {{"1"}, {"2", "3", "4"}};
    d.blocks = {plain};
    html = render(d);
    CHECK(html.find("scope=\"row\"") == std::string::npos);
    CHECK(html.find("<tr><td>1</td><td></td><td></td></tr>") != std::string::npos);
    CHECK(html.find("<tfoot>") == std::string::npos);
}

TEST_CASE("Heatmap cells keep their value as text with a readable text colour", "[html]") {
    Theme th;
    CHECK(text_colour_on(th.heat_high) == Colour{0xff, 0xff, 0xff});
    CHECK(text_colour_on(th.heat_low) == Colour{0, 0, 0});
    CHECK(text_colour_on(Colour{0xff, 0xff, 0xff}) == Colour{0, 0, 0});
    CHECK(text_colour_on(Colour{0, 0, 0}) == Colour{0xff, 0xff, 0xff});
    // Whichever is chosen reaches AA on any fill.
    for (int v = 0; v < 256; v += 5) {
        Colour c{static_cast<std::uint8_t>(v), static_cast<std::uint8_t>(255 - v), static_cast<std::uint8_t>(v / 2)};
        CHECK(contrast_ratio(c, text_colour_on(c)) >= 4.5);
    }
    Document d;
    d.title = "T";
    d.blocks = {heatmap_table()};
    std::string html = render(d);
    CHECK(html.find("<td class=\"al-c heat\" style=\"background-color:#f4c7a1;color:#000000\">1.2</td>") !=
          std::string::npos);
    CHECK(html.find("<td class=\"al-c heat\" style=\"background-color:#1d4f91;color:#ffffff\">4.6</td>") !=
          std::string::npos);
    CHECK(html.find(">3.0</td>") != std::string::npos);
    CHECK(html.find("<td class=\"al-c\">2.5</td>") != std::string::npos);
}

TEST_CASE("Each chart is an SVG with a title and description and its data as a table", "[html][svg]") {
    Theme theme;
    std::vector<std::string> svgs = {chart_svg(sample_radar(), theme, "fig_1"), chart_svg(sample_bars(false), theme, "fig_2"),
                                     chart_svg(sample_lines(), theme, "fig_3"), chart_svg(sample_ranges(), theme, "fig_4")};
    for (std::size_t i = 0; i < svgs.size(); ++i) {
        const auto& s = svgs[i];
        std::string id = "fig_" + std::to_string(i + 1);
        INFO(id);
        CHECK(s.rfind("<svg ", 0) == 0);
        CHECK(s.find("role=\"img\"") != std::string::npos);
        CHECK(s.find("aria-labelledby=\"" + id + "_title " + id + "_desc\"") != std::string::npos);
        CHECK(s.find("<title id=\"" + id + "_title\">") != std::string::npos);
        CHECK(s.find("<desc id=\"" + id + "_desc\">") != std::string::npos);
        CHECK(s.find("viewBox=\"0 0 720 ") != std::string::npos);
        CHECK(s.find("width=\"100%\"") != std::string::npos);
        CHECK(s.substr(s.size() - 6) == "</svg>");
    }
    CHECK(svgs[0].find("<desc id=\"fig_1_desc\">Current scores are below target") != std::string::npos);

    Table radar = chart_data_table(sample_radar());
    CHECK(radar.caption == "Maturity by theme");
    CHECK(radar.header == std::vector<std::string>{"Category", "Current (2026)", "Target", "Previous (2025)"});
    REQUIRE(radar.rows.size() == 6);
    CHECK(radar.rows[0] == std::vector<std::string>{"Leadership and culture", "2.4", "4", "2"});
    CHECK(radar.rows[2][3] == "No data");
    CHECK(radar.first_column_is_header);
    CHECK(radar.align[1] == Align::right);

    Table bars = chart_data_table(sample_bars(false));
    CHECK(bars.header.size() == 4);
    CHECK(bars.rows[2] == std::vector<std::string>{"2028/29", "\xC2\xA3" "31,000", "\xC2\xA3" "7,200", "\xC2\xA3" "3,000"});
    Table stacked = chart_data_table(sample_bars(true));
    CHECK(stacked.header.back() == "Total");
    CHECK(stacked.rows[0].back() == "\xC2\xA3" "18,500");

    Table lines = chart_data_table(sample_lines());
    CHECK(lines.rows.size() == 4);
    CHECK(lines.rows[1][4] == "No data");

    Table ranges = chart_data_table(sample_ranges());
    CHECK(ranges.header == std::vector<std::string>{"Category", "Lowest", "Lower quartile", "Median", "Upper quartile",
                                                     "Highest", "Eastmere District Council (fictional)"});
    CHECK(ranges.rows[1] == std::vector<std::string>{"Data quality", "0.8", "1.5", "2.1", "2.6", "3.9", "1.8"});
    RangeChart no_marker = sample_ranges();
    for (auto& r : no_marker.rows) r.marker.reset();
    CHECK(chart_data_table(no_marker).header.size() == 6);
    CHECK(chart_svg(no_marker, theme, "x").find("Eastmere District Council") == std::string::npos);

    // In the page, the data table follows its chart inside the figure.
    Document d;
    d.title = "T";
    d.blocks = {sample_radar()};
    std::string html = render(d);
    auto fig = html.find("<figure class=\"chart\">");
    auto svg = html.find("<svg ", fig);
    auto details = html.find("<details class=\"chart-data\">", svg);
    auto table = html.find("<caption>Maturity by theme</caption>", details);
    auto end = html.find("</figure>", table);
    CHECK(fig < svg);
    CHECK(svg < details);
    CHECK(details < table);
    CHECK(table < end);
    CHECK(end != std::string::npos);
    CHECK(html.find("<th scope=\"row\">Use of insight in decisions</th>") != std::string::npos);
}

TEST_CASE("Series differ by dash pattern, marker or hatching as well as colour", "[svg]") {
    Theme theme;
    std::string lines = chart_svg(sample_lines(), theme, "l");
    CHECK(count(lines, "stroke-dasharray=\"9 5\"") >= 1);
    CHECK(count(lines, "stroke-dasharray=\"2 4\"") >= 1);
    CHECK(count(lines, "stroke-dasharray=\"12 4 3 4\"") >= 1);
    CHECK(count(lines, "<circle ") >= 4);
    CHECK(count(lines, "<rect ") >= 4);
    CHECK(count(lines, "<polygon ") >= 8);
    for (const auto& c : theme.series) CHECK(lines.find(colour_hex(c)) != std::string::npos);
    // A missing value breaks the line: two separate runs for the fourth series.
    std::string fourth;
    for (std::size_t p = lines.find("<path d=\""); p != std::string::npos; p = lines.find("<path d=\"", p + 1)) {
        std::string tag = lines.substr(p, lines.find('>', p) - p);
        if (tag.find("stroke=\"#6a1b9a\"") != std::string::npos) fourth = tag;
    }
    REQUIRE(!fourth.empty());
    CHECK(count(fourth, "M") == 2);

    std::string bars = chart_svg(sample_bars(false), theme, "b");
    CHECK(bars.find("<pattern id=\"b_p1\"") != std::string::npos);
    CHECK(bars.find("<pattern id=\"b_p2\"") != std::string::npos);
    CHECK(bars.find("fill=\"url(#b_p1)\"") != std::string::npos);
    CHECK(bars.find("<pattern id=\"b_p0\"") == std::string::npos);  // the first series is solid

    std::string radar = chart_svg(sample_radar(), theme, "r");
    CHECK(count(radar, "stroke-dasharray=\"9 5\"") >= 1);
    CHECK(radar.find("stroke-dasharray=\"2 4\"") != std::string::npos);  // the gappy series as a path
}

TEST_CASE("Chart coordinates are plain decimal numbers", "[svg]") {
    Theme theme;
    std::string all = chart_svg(sample_radar(), theme, "a") + chart_svg(sample_bars(true), theme, "b") +
                      chart_svg(sample_lines(), theme, "c") + chart_svg(sample_ranges(), theme, "d");
    std::size_t n = 0;
    for (const char* name : {"x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "height", "dy", "stroke-width"}) {
        for (const auto& v : attribute_values(all, name)) {
            INFO(name << "=\"" << v << '"');
            CHECK(plain_number(v));
            ++n;
        }
    }
    CHECK(n > 100);
    // points="x,y x,y ..." and viewBox="0 0 w h"
    std::size_t pairs = 0;
    for (const auto& v : attribute_values(all, "points")) {
        INFO("points=\"" << v << '"');
        std::size_t start = 0;
        while (start <= v.size()) {
            std::size_t end = v.find(' ', start);
            if (end == std::string::npos) end = v.size();
            std::string pair = v.substr(start, end - start);
            std::size_t comma = pair.find(',');
            REQUIRE(comma != std::string::npos);
            CHECK(plain_number(pair.substr(0, comma)));
            CHECK(plain_number(pair.substr(comma + 1)));
            ++pairs;
            start = end + 1;
        }
    }
    CHECK(pairs > 20);
    for (const auto& v : attribute_values(all, "viewBox")) {
        INFO(v);
        CHECK(v.rfind("0 0 720 ", 0) == 0);
        CHECK(plain_number(v.substr(8)));
    }
}

TEST_CASE("Bar chart axes use the value prefix and thousands separators", "[svg]") {
    Theme theme;
    // Grouped: the tallest bar is 31,000, so the axis runs to 40,000 in steps of 10,000.
    std::string grouped = chart_svg(sample_bars(false), theme, "g");
    CHECK(grouped.find(">\xC2\xA3" "0<") != std::string::npos);
    CHECK(grouped.find(">\xC2\xA3" "10,000<") != std::string::npos);
    CHECK(grouped.find(">\xC2\xA3" "40,000<") != std::string::npos);
    CHECK(grouped.find(">\xC2\xA3" "50,000<") == std::string::npos);
    // Stacked: the tallest stack is 41,200, so the axis goes on to 50,000.
    std::string stacked = chart_svg(sample_bars(true), theme, "s");
    CHECK(stacked.find(">\xC2\xA3" "50,000<") != std::string::npos);
    // Small amounts with decimals get decimal ticks.
    BarChart small = sample_bars(false);
    small.series = {{"Pence", {0.4, 1.2, 0.9}}};
    small.decimals = 2;
    std::string pence = chart_svg(small, theme, "p");
    CHECK(pence.find(">\xC2\xA3" "0.25<") != std::string::npos);
    CHECK(pence.find(">\xC2\xA3" "1.25<") != std::string::npos);
}

TEST_CASE("format_value groups thousands and places the prefix after the sign", "[svg]") {
    CHECK(format_value(12000, 0, "\xC2\xA3") == "\xC2\xA3" "12,000");
    CHECK(format_value(999, 0, "\xC2\xA3") == "\xC2\xA3" "999");
    CHECK(format_value(1000, 0) == "1,000");
    CHECK(format_value(1234567.891, 2) == "1,234,567.89");
    CHECK(format_value(-1500.5, 1, "\xC2\xA3") == "-\xC2\xA3" "1,500.5");
    CHECK(format_value(0, 0, "\xC2\xA3") == "\xC2\xA3" "0");
    CHECK(format_value(-0.001, 2) == "0.00");
    CHECK(format_value(100000, 0) == "100,000");
}

TEST_CASE("Long radar axis labels are wrapped and shortened in the picture but whole in the table", "[svg]") {
    RadarChart r = sample_radar();
    r.axes[1] = "A very long axis label that goes on and on well past anything that fits beside a chart";
    std::string s = chart_svg(r, Theme{}, "r");
    CHECK(s.find("\xE2\x80\xA6") != std::string::npos);  // …
    CHECK(s.find(r.axes[1]) == std::string::npos);
    CHECK(count(s, "<tspan") >= 8);
    CHECK(chart_data_table(r).rows[1][0] == r.axes[1]);
}

TEST_CASE("The range chart marks the viewer in the accent colour with a legend entry", "[svg]") {
    Theme theme;
    std::string s = chart_svg(sample_ranges(), theme, "rg");
    CHECK(count(s, "fill=\"" + colour_hex(theme.accent) + "\"") == 3 + 1);  // three rows and the legend
    CHECK(s.find(">Eastmere District Council (fictional)</text>") != std::string::npos);
    CHECK(s.find(">Median</text>") != std::string::npos);
    CHECK(s.find(">Leadership and culture</tspan>") != std::string::npos);
}

TEST_CASE("A missing or unusable logo is an error, a good one is embedded", "[html][logo]") {
    Document d = sample_document();
    std::string html = "stale", error;

    d.theme.logo_path = work_dir() + "/no-such-logo.png";
    CHECK_FALSE(render_html(d, html, error));
    CHECK(html.empty());
    CHECK(error.find("no-such-logo.png") != std::string::npos);

    std::string text_file = work_dir() + "/not-a-logo.png";
    write_file(text_file, "this is not an image");
    d.theme.logo_path = text_file;
    CHECK_FALSE(render_html(d, html, error));
    CHECK(error.find("not a PNG or JPEG") != std::string::npos);

    std::string logo = std::string(YS_TEST_DATA) + "/report/html/logo.png";
    d.theme.logo_path = logo;
    REQUIRE(render_html(d, html, error));
    CHECK(error.empty());
    std::string expected = "<img class=\"logo\" src=\"data:image/png;base64," + base64_encode(slurp(logo)) +
                           "\" alt=\"Eastmere District Council (fictional) logo\">";
    CHECK(html.find(expected) != std::string::npos);

    d.theme.logo_path.clear();
    html = render(d);
    CHECK(html.find("<img") == std::string::npos);
}

TEST_CASE("base64 encodes the RFC 4648 test vectors", "[html]") {
    CHECK(base64_encode("") == "");
    CHECK(base64_encode("f") == "Zg==");
    CHECK(base64_encode("fo") == "Zm8=");
    CHECK(base64_encode("foo") == "Zm9v");
    CHECK(base64_encode("foob") == "Zm9vYg==");
    CHECK(base64_encode("fooba") == "Zm9vYmE=");
    CHECK(base64_encode("foobar") == "Zm9vYmFy");
    CHECK(base64_encode(std::string("\xff\xfe\x00", 3)) == "//4A");
}

TEST_CASE("The default theme meets WCAG 2.2 AA contrast", "[html][contrast]") {
    Theme theme;
    auto problems = theme_contrast_problems(theme);
    std::string all;
    for (const auto& p : problems) all += p + "\n";
    INFO(all);
    CHECK(problems.empty());
    CHECK(contrast_ratio(theme.text, Colour{255, 255, 255}) >= 4.5);
    CHECK(contrast_ratio(theme.on_primary, theme.primary) >= 4.5);
    for (const auto& c : theme.series) CHECK(contrast_ratio(c, Colour{255, 255, 255}) >= 3.0);
}

TEST_CASE("A theme with poor contrast is reported one line per problem", "[html][contrast]") {
    Theme theme;
    theme.text = Colour{0xaa, 0xaa, 0xaa};  // light grey body text
    auto problems = theme_contrast_problems(theme);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].find("body text #aaaaaa on white #ffffff") != std::string::npos);
    CHECK(problems[0].find("needs at least 4.5:1") != std::string::npos);

    theme.on_primary = Colour{0x30, 0x60, 0xa0};  // close to the primary
    theme.series[2] = Colour{0xff, 0xcc, 0x00};   // yellow line on white
    theme.accent = Colour{0xf0, 0xb0, 0x90};
    problems = theme_contrast_problems(theme);
    CHECK(problems.size() == 4);
    std::string all;
    for (const auto& p : problems) {
        CHECK(p.find('\n') == std::string::npos);
        all += p + "\n";
    }
    CHECK(all.find("on primary #1d4f91") != std::string::npos);
    CHECK(all.find("chart series 3 #ffcc00") != std::string::npos);
    CHECK(all.find("needs at least 3:1") != std::string::npos);
    CHECK(all.find("accent") != std::string::npos);
}

#ifndef _WIN32  // runs the host's qpdf, pdftotext or python3, which a Windows program cannot
TEST_CASE("Empty documents and charts without data still give valid pages", "[html]") {
    Document empty;
    empty.title = "";
    std::string html = render(empty);
    CHECK(html.find("<h1>Report</h1>") != std::string::npos);
    auto r1 = check_html_text("empty-doc", html);
    INFO(r1.output);
    CHECK(r1.status == 0);

    Document d;
    d.title = "Nothing to chart";
    RadarChart radar;
    radar.title = "Radar";
    BarChart bars;
    LineChart lines;
    lines.title = "Lines";
    lines.categories = {"A"};
    RangeChart ranges;
    ranges.title = "Ranges";
    RadarChart two_axes = sample_radar();
    two_axes.axes.resize(2);
    Table empty_table;
    empty_table.header = {"Only a header"};
    d.blocks = {radar, bars, lines, ranges, two_axes, empty_table, BulletList{}, KeyValues{}, Heading{1, "", "x"}};
    html = render(d);
    CHECK(count(html, "No data to show") == 4);
    auto r2 = check_html_text("empty-charts", html);
    INFO(r2.output);
    CHECK(r2.status == 0);
}
#endif
