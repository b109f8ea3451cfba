// The PDF renderer, checked as a reader would: qpdf --check for the file's structure,
// pdftotext for the words and figures (and -bbox for where each word sits), pdffonts for
// the fonts, qpdf --json for the bookmarks. Poppler's warning about libharu's ToUnicode
// CMap ("begincidrange") is the one line of stderr the checks let through.
#include <catch2/catch.hpp>


#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "../support/portable_test.h"
#include "pdf_canvas.h"
#include "pdf_image.h"
#include "pdf_render.h"
#include "pdf_text.h"

namespace fs = std::filesystem;
using namespace ys::report;

namespace {

constexpr double kMargin = 56.69;  // the renderer's 20 mm side margins

fs::path work_dir() {
    fs::path p = fs::path(YS_WORK_DIR) / "pdf";
    fs::create_directories(p);
    return p;
}

fs::path data_dir() { return fs::path(YS_TEST_DATA) / "report" / "pdf"; }

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void write_file(const fs::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
}

std::string quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

std::size_t count(const std::string& hay, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + needle.size())) ++n;
    return n;
}

struct Run {
    int status = -1;
    std::string out, err;
};

// Runs a command with stdout and stderr captured in files named after `tag`.
Run run(const std::string& cmd, const std::string& tag) {
    fs::path out = work_dir() / (tag + ".out"), err = work_dir() / (tag + ".err");
    int raw = std::system((cmd + " > " + quote(out.string()) + " 2> " + quote(err.string())).c_str());
    Run r;
    r.status = ys::test::system_exit_code(raw);
    r.out = slurp(out);
    r.err = slurp(err);
    return r;
}

// stderr without Poppler's known complaint about libharu's ToUnicode CMap.
std::string unexpected_stderr(const std::string& err) {
    std::string kept;
    std::size_t start = 0;
    while (start < err.size()) {
        std::size_t end = err.find('\n', start);
        if (end == std::string::npos) end = err.size();
        std::string line = err.substr(start, end - start);
        if (!line.empty() && line.find("begincidrange") == std::string::npos) kept += line + "\n";
        start = end + 1;
    }
    return kept;
}

[[maybe_unused]] std::string render_to_file(const Document& doc, const std::string& name, const PdfOptions& options = {}) {
    std::string bytes, error;
    bool ok = render_pdf(doc, options, bytes, error);
    INFO(error);
    REQUIRE(ok);
    REQUIRE(error.empty());
    REQUIRE(bytes.compare(0, 5, "%PDF-") == 0);
    fs::path path = work_dir() / (name + ".pdf");
    write_file(path, bytes);
    return path.string();
}

[[maybe_unused]] void require_qpdf_check(const std::string& pdf) {
    Run r = run("qpdf --check " + quote(pdf), fs::path(pdf).stem().string() + ".qpdf");
    INFO(r.out << r.err);
    REQUIRE(r.status == 0);  // 2 means errors, 3 warnings
    REQUIRE(r.out.find("No syntax or stream encoding errors") != std::string::npos);
}

// Text of all pages; pages are separated by form feeds.
[[maybe_unused]] std::string pdf_text(const std::string& pdf) {
    Run r = run("pdftotext -enc UTF-8 " + quote(pdf) + " -", fs::path(pdf).stem().string() + ".text");
    INFO(r.err);
    REQUIRE(r.status == 0);
    REQUIRE(unexpected_stderr(r.err).empty());
    return r.out;
}

[[maybe_unused]] std::vector<std::string> pages_of(const std::string& text) {
    std::vector<std::string> pages;
    std::size_t start = 0;
    for (std::size_t ff = text.find('\f'); ff != std::string::npos; ff = text.find('\f', start)) {
        pages.push_back(text.substr(start, ff - start));
        start = ff + 1;
    }
    return pages;
}

[[maybe_unused]] std::string page_text(const std::string& pdf, int page) {
    std::string n = std::to_string(page);
    Run r = run("pdftotext -enc UTF-8 -f " + n + " -l " + n + " " + quote(pdf) + " -",
                fs::path(pdf).stem().string() + ".page" + n);
    REQUIRE(r.status == 0);
    REQUIRE(unexpected_stderr(r.err).empty());
    return r.out;
}

[[maybe_unused]] std::string pdffonts(const std::string& pdf) {
    Run r = run("pdffonts " + quote(pdf), fs::path(pdf).stem().string() + ".fonts");
    REQUIRE(r.status == 0);
    REQUIRE(unexpected_stderr(r.err).empty());
    return r.out;
}

[[maybe_unused]] nlohmann::json outlines(const std::string& pdf) {
    Run r = run("qpdf --json --json-key=outlines " + quote(pdf), fs::path(pdf).stem().string() + ".outlines");
    REQUIRE(r.status == 0);
    return nlohmann::json::parse(r.out).at("outlines");
}

double attr(const std::string& tag, const char* name) {
    std::string key = std::string(name) + "=\"";
    std::size_t p = tag.find(key);
    REQUIRE(p != std::string::npos);
    p += key.size();
    double v = std::numeric_limits<double>::quiet_NaN();
    std::from_chars(tag.data() + p, tag.data() + tag.size(), v);
    return v;
}

// Every word of every page lies inside the page's margins (left and right) and inside
// the page (top and bottom). Returns the number of words seen.
[[maybe_unused]] std::size_t require_words_inside(const std::string& pdf) {
    Run r = run("pdftotext -bbox " + quote(pdf) + " -", fs::path(pdf).stem().string() + ".bbox");
    REQUIRE(r.status == 0);
    REQUIRE(unexpected_stderr(r.err).empty());
    const std::string& html = r.out;
    double width = 0, height = 0;
    std::size_t words = 0, bad = 0;
    std::string first_bad;
    for (std::size_t p = html.find('<'); p != std::string::npos; p = html.find('<', p + 1)) {
        std::size_t e = html.find('>', p);
        if (e == std::string::npos) break;
        std::string tag = html.substr(p, e - p);
        if (tag.compare(0, 6, "<page ") == 0) {
            width = attr(tag, "width");
            height = attr(tag, "height");
        } else if (tag.compare(0, 6, "<word ") == 0) {
            ++words;
            double x0 = attr(tag, "xMin"), y0 = attr(tag, "yMin"), x1 = attr(tag, "xMax"), y1 = attr(tag, "yMax");
            bool inside = x0 >= kMargin - 1.5 && x1 <= width - kMargin + 1.5 && y0 >= 10 && y1 <= height - 10 &&
                          x0 <= x1 && y0 <= y1;
            if (!inside) {
                if (bad++ == 0) first_bad = html.substr(p, html.find("</word>", p) - p);
            }
        }
    }
    INFO("first word outside: " << first_bad);
    CHECK(bad == 0);
    REQUIRE(width > 590);
    REQUIRE(height > 840);
    return words;
}

[[maybe_unused]] int page_count(const std::string& pdf) {
    Run r = run("pdfinfo " + quote(pdf), fs::path(pdf).stem().string() + ".info");
    REQUIRE(r.status == 0);
    std::size_t p = r.out.find("Pages:");
    REQUIRE(p != std::string::npos);
    return std::atoi(r.out.c_str() + p + 6);
}

std::string words(int n, const std::string& stem = "word") {
    std::string s;
    for (int i = 0; i < n; ++i) s += (i ? " " : "") + stem + std::to_string(i % 97);
    return s;
}

// A plan shaped like the action plan builder's: cover facts, a summary with a radar chart,
// one section per dimension, a timeline table and an appendix of answers.
Document action_plan_like(const std::string& organisation) {
    Document d;
    d.title = "Data maturity action plan";
    d.subtitle = organisation;
    d.running_header = "Action plan: " + organisation;
    d.author = "Yardstick";
    d.created = "2026-11-21T10:00:00Z";
    const std::vector<std::string> dims = {"Data governance",     "Data quality", "Skills and culture",
                                           "Tools and systems",   "Leadership",   "Use of data in decisions",
                                           "Openness and sharing"};
    d.blocks.push_back(KeyValues{{{"Organisation", organisation},
                                  {"Assessment round", "Autumn 2026"},
                                  {"Date of this plan", "21 November 2026"},
                                  {"Framework", "Data Maturity Assessment for Government, version 1.0"},
                                  {"Respondents", "42"},
                                  {"Coverage", "96% of the questions that applied were answered"},
                                  {"Overall score", "2.4 out of 5"},
                                  {"Change since Spring 2026", "+0.3 (from 2.1)"}}});
    d.blocks.push_back(Heading{1, "Summary", "summary"});
    d.blocks.push_back(
        Paragraph{"The council is at level 2 of 5 overall: data is managed well in places, but not yet "
                  "consistently. The plan below sets out 42 actions, quick wins first.",
                  TextStyle::lead});
    RadarChart radar;
    radar.title = "Scores by dimension: now, target and last round";
    radar.axes = dims;
    radar.series = {{"Now", {2.4, 2.1, 3.0, 1.8, 2.9, 2.2, 3.4}},
                    {"Target", {3.5, 3.0, 3.5, 3.0, 4.0, 3.0, 4.0}},
                    {"Spring 2026", {2.0, 1.9, 2.8, 1.5, 2.5, 2.0, 3.0}}};
    d.blocks.push_back(radar);
    d.blocks.push_back(BulletList{{"Strongest: Openness and sharing (3.4)", "Strongest: Skills and culture (3.0)",
                                   "Weakest: Tools and systems (1.8) – the first actions start here"}});
    for (std::size_t i = 0; i < dims.size(); ++i) {
        d.blocks.push_back(Heading{2, dims[i], "dim-" + std::to_string(i)});
        d.blocks.push_back(KeyValues{{{"Current level", "2: Emerging (score 2.4)"},
                                      {"Target", "3: Defined by 31 March 2027"},
                                      {"Gap to target", "1.1"},
                                      {"Answers", "95% coverage: 40 answered, 2 not answered"}}});
        d.blocks.push_back(Paragraph{"At the next level, " + dims[i] +
                                     " is planned and owned: roles are clear, standards are written down and "
                                     "followed, and problems are found before they reach residents."});
        Table t;
        t.caption = "Actions for " + dims[i];
        t.header = {"Action", "Owner", "Effort", "Timescale", "Status", "Due"};
        t.widths = {4, 2, 1, 1.4, 1.3, 1.5};
        for (int a = 0; a < 6; ++a) {
            t.rows.push_back({"Agree and publish a standard for " + dims[i] + " number " + std::to_string(a + 1),
                              "Head of digital (suggested)", "Low", "1-3 months", "Not started", "28 Feb 2027"});
        }
        d.blocks.push_back(t);
    }
    d.blocks.push_back(Heading{1, "Timeline", "timeline"});
    Table timeline;
    timeline.header = {"Quarter", "Action", "Dimension", "Owner", "Status"};
    timeline.widths = {2.2, 4, 2, 2, 1.4};
    for (int a = 0; a < 30; ++a) {
        timeline.rows.push_back({"Q4 2026-27 (January to March 2027)", "Action number " + std::to_string(a + 1),
                                 dims[a % dims.size()], "Data lead", a % 3 ? "Not started" : "In progress"});
    }
    d.blocks.push_back(timeline);
    d.blocks.push_back(Heading{1, "Answers", "answers"});
    for (int a = 0; a < 30; ++a) {
        d.blocks.push_back(Heading{3, "Question " + std::to_string(a + 1) + ": how is data quality checked?", ""});
        d.blocks.push_back(
            Paragraph{"Level 2. Evidence: quality checks are run monthly by the performance team, "
                      "and results are reported to the data board.",
                      TextStyle::note});
    }
    return d;
}

}  // namespace

TEST_CASE("pdf text maps to Windows-1252 and groups numbers without the locale") {
    using namespace ys::report::pdf;
    CHECK(cp1252_byte(U'\u20ac') == 0x80);  // €
    CHECK(cp1252_byte(U'\u00a3') == 0xA3);  // £
    CHECK(cp1252_byte(U'\u2013') == 0x96);  // –
    CHECK(cp1252_byte(U'\u2014') == 0x97);  // —
    CHECK(cp1252_byte(U'\u2018') == 0x91);
    CHECK(cp1252_byte(U'\u201d') == 0x94);
    CHECK(cp1252_byte(U'\u2026') == 0x85);  // …
    CHECK(cp1252_byte(U'\u2022') == 0x95);  // •
    CHECK(cp1252_byte(U'\u00e9') == 0xE9);  // é
    CHECK(cp1252_byte(U'\u0175') == 0);     // ŵ
    CHECK(cp1252_byte(U'\u0177') == 0);     // ŷ
    CHECK(fits_cp1252("Café £12 – “quoted” … €5 • naïve"));
    CHECK_FALSE(fits_cp1252("Gwasanaethau ŵ"));
    CHECK_FALSE(fits_cp1252("minus \u2212"));
    CHECK(fits_cp1252("tab\tand\nnewline"));

    std::string s = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";
    std::size_t pos = 0;
    CHECK(next_code_point(s, pos) == U'a');
    CHECK(next_code_point(s, pos) == U'\u00e9');
    CHECK(next_code_point(s, pos) == U'\u20ac');
    CHECK(next_code_point(s, pos) == U'\U0001F600');
    CHECK(pos == s.size());
    std::string bad = "\xC3(\xE2\x82";  // truncated and stray bytes decode as U+FFFD, one byte each
    pos = 0;
    CHECK(next_code_point(bad, pos) == 0xFFFD);
    CHECK(next_code_point(bad, pos) == U'(');
    CHECK(next_code_point(bad, pos) == 0xFFFD);
    CHECK(next_code_point(bad, pos) == 0xFFFD);
    CHECK(pos == bad.size());

    CHECK(grouped_number(1234567, 0, "£") == "£1,234,567");
    CHECK(grouped_number(-1200, 0, "£") == "-£1,200");
    CHECK(grouped_number(999.5, 0) == "1,000");
    CHECK(grouped_number(12.345, 2) == "12.35");
    CHECK(grouped_number(0, 1, "£") == "£0.0");
    CHECK(grouped_number(-0.0001, 2) == "0.00");
    CHECK(grouped_number(100, 0) == "100");
}

TEST_CASE("pdf lines fit their width and words too long for a line break by character") {
    using namespace ys::report::pdf;
    Hpdf doc;
    HPDF_Font font = HPDF_GetFont(doc.get(), "Helvetica", "WinAnsiEncoding");
    doc.check();
    Face face(doc, font, false);

    std::string text = "The quick brown fox jumps over the lazy dog. " + std::string(300, 'W') + " café – £12";
    auto lines = wrap(face, text, 10, 120);
    REQUIRE(lines.size() > 5);
    std::string joined;
    for (const Line& l : lines) {
        CHECK(l.width(10) <= 120.0 + 1e-9);
        CHECK(!l.bytes.empty());
        CHECK(l.bytes.front() != ' ');
        CHECK(l.bytes.back() != ' ');
        joined += l.bytes;
    }
    std::string expected;  // the text in Windows-1252 without the spaces at the breaks
    for (char c : face.encode(text).bytes) expected += c;
    std::string squeezed_joined, squeezed_expected;
    for (char c : joined)
        if (c != ' ') squeezed_joined += c;
    for (char c : expected)
        if (c != ' ') squeezed_expected += c;
    CHECK(squeezed_joined == squeezed_expected);
    CHECK(count(joined,
                "\xA3"
                "12") == 1);  // £ as one Windows-1252 byte

    // Explicit newlines, hyphen breaks and a limit on lines with an ellipsis.
    auto two = wrap(face, "first\nsecond", 10, 500);
    REQUIRE(two.size() == 2);
    CHECK(two[1].bytes == "second");
    auto hyphen = wrap(face, "well-known-long-compound-words", 10, 60);
    REQUIRE(hyphen.size() > 1);
    CHECK(hyphen[0].bytes.back() == '-');
    auto limited = wrap_limited(face, words(200), 10, 100, 2);
    REQUIRE(limited.size() == 2);
    CHECK(limited[1].bytes.back() == '\x85');  // …
    CHECK(limited[1].width(10) <= 100.0 + 1e-9);
    Line fitted = fit_line(face, "A heading far too long for the space it has", 10, 60);
    CHECK(fitted.width(10) <= 60.0 + 1e-9);
    CHECK(fitted.bytes.back() == '\x85');
    CHECK(wrap(face, "", 10, 100).empty());
    CHECK(wrap(face, "   ", 10, 100).empty());

    // The widths agree with libharu's own measure of the encoded bytes, in both encodings.
    std::string sample = "Café £12 – “quoted” … €5 • naïve WAVE";
    Line encoded = face.encode(sample);
    HPDF_TextWidth tw =
        HPDF_Font_TextWidth(font, reinterpret_cast<const HPDF_BYTE*>(encoded.bytes.data()), encoded.bytes.size());
    CHECK(tw.width == Approx(encoded.units));
    {
        Hpdf utf;
        HPDF_UseUTFEncodings(utf.get());
        const char* name = HPDF_LoadTTFontFromFile(utf.get(), PdfOptions{}.font_path.c_str(), HPDF_TRUE);
        utf.check();
        HPDF_Font dejavu = HPDF_GetFont(utf.get(), name, "UTF-8");
        utf.check();
        Face uface(utf, dejavu, true);
        Line u = uface.encode(sample + " ŵ ŷ");
        CHECK(u.bytes == sample + " ŵ ŷ");
        HPDF_TextWidth utw =
            HPDF_Font_TextWidth(dejavu, reinterpret_cast<const HPDF_BYTE*>(u.bytes.data()), u.bytes.size());
        CHECK(utw.width == Approx(u.units));
        CHECK(uface.drawable(U'\U0001F600') == U'?');  // beyond what libharu's UTF-8 encoder maps
    }

    // A megabyte of text wraps into many lines (its speed is bench_reports' business).
    std::string big = words(120000);
    auto many = wrap(face, big, 10, 480);
    CHECK(many.size() > 1000);
}

#ifndef _WIN32  // runs the host's qpdf, pdftotext or python3, which a Windows program cannot
TEST_CASE("pdf of a report in base-14 fonts passes qpdf and shows its words and figures") {
    Document d = action_plan_like("Eastmere District Council (fictional)");
    d.blocks.insert(d.blocks.begin() + 2, Paragraph{"Costs of £1,234,000 – a café’s “résumé” at €5 • naïve…"});
    BarChart bars;
    bars.title = "Costs per year";
    bars.categories = {"2026/27", "2027/28", "2028/29"};
    bars.series = {{"Staff", {120000, 180000, 190000}}, {"Training", {20000, 15000, 10000}}};
    bars.value_prefix = "£";
    bars.stacked = true;
    d.blocks.push_back(bars);
    LineChart line;
    line.title = "Overall score across rounds";
    line.categories = {"Spring 2025", "Autumn 2025", "Spring 2026"};
    line.series = {{"Eastmere", {1.8, std::nullopt, 2.4}}, {"Peer median", {2.0, 2.1, 2.2}}};
    d.blocks.push_back(line);
    RangeChart range;
    range.title = "How you compare";
    range.marker_label = "Eastmere District Council (fictional)";
    range.rows = {{"Data governance", 1, 1.8, 2.3, 2.9, 4.1, 2.4}, {"Data quality", 1.2, 2, 2.5, 3, 3.9, std::nullopt}};
    d.blocks.push_back(range);
    REQUIRE(pdf_fits_base14(d));

    std::string pdf = render_to_file(d, "base14");
    require_qpdf_check(pdf);
    std::string text = pdf_text(pdf);
    for (const char* expected : {"Data maturity action plan",
                                 "Eastmere District Council (fictional)",
                                 "Costs of £1,234,000",
                                 "café’s",
                                 "“résumé”",
                                 "€5",
                                 "• naïve…",
                                 "Data governance",
                                 "Openness and sharing",
                                 "Agree and publish a standard",
                                 "Q4 2026-27",
                                 "£200,000",
                                 "£0",
                                 "2026/27",
                                 "Staff",
                                 "Training",
                                 "Peer median",
                                 "Lowest to highest",
                                 "Middle half",
                                 "Median",
                                 "Question 30: how is data quality checked?"}) {
        INFO(expected);
        CHECK(text.find(expected) != std::string::npos);
    }
    const int pages = page_count(pdf);
    CHECK(pages >= 8);
    CHECK(text.find("Page 1 of " + std::to_string(pages)) != std::string::npos);
    CHECK(text.find("Page " + std::to_string(pages) + " of " + std::to_string(pages)) != std::string::npos);
    // The running header on every page after the first, not on the first.
    auto per_page = pages_of(text);
    REQUIRE(per_page.size() == static_cast<std::size_t>(pages));
    CHECK(per_page[0].find("Action plan: Eastmere") == std::string::npos);
    for (int p = 1; p < pages; ++p)
        CHECK(per_page[p].find("Action plan: Eastmere District Council") != std::string::npos);

    std::string fonts = pdffonts(pdf);
    CHECK(fonts.find("Helvetica ") != std::string::npos);
    CHECK(fonts.find("Helvetica-Bold") != std::string::npos);
    CHECK(fonts.find("WinAnsi") != std::string::npos);
    CHECK(fonts.find("DejaVu") == std::string::npos);
    CHECK(fonts.find(" yes ") == std::string::npos);  // nothing embedded
    require_words_inside(pdf);

    Run info = run("pdfinfo " + quote(pdf), "base14.meta");
    CHECK(info.out.find("Title:           Data maturity action plan") != std::string::npos);
    CHECK(info.out.find("Subject:         Eastmere District Council (fictional)") != std::string::npos);
    CHECK(info.out.find("Author:          Yardstick") != std::string::npos);
    CHECK(info.out.find("Creator:         Yardstick") != std::string::npos);
    CHECK(info.out.find("2026") != std::string::npos);
    CHECK(info.out.find("Page size:       595.276 x 841.89 pts (A4)") != std::string::npos);
}
#endif

#ifndef _WIN32  // runs the host's qpdf, pdftotext or python3, which a Windows program cannot
TEST_CASE("pdf text outside Windows-1252 embeds DejaVu Sans and keeps every character") {
    Document d = action_plan_like("Cyngor Gwynedd — ŵ ŷ (fictional)");
    d.blocks.push_back(Heading{1, "Gwasanaethau’r cyngor: ŵ ŷ £ é", "welsh"});
    d.blocks.push_back(Paragraph{"Cost £1,200 – café – Llŷn – dŵr – “quoted” – minus \u2212 sign."});
    REQUIRE_FALSE(pdf_fits_base14(d));

    std::string pdf = render_to_file(d, "dejavu");
    require_qpdf_check(pdf);
    std::string text = pdf_text(pdf);
    for (const char* expected : {"Cyngor Gwynedd — ŵ ŷ (fictional)", "Gwasanaethau’r cyngor: ŵ ŷ £ é", "Cost £1,200",
                                 "café", "Llŷn", "dŵr", "“quoted”", "\u2212", "Page 1 of"}) {
        INFO(expected);
        CHECK(text.find(expected) != std::string::npos);
    }
    std::string fonts = pdffonts(pdf);
    CHECK(fonts.find("DejaVuSans") != std::string::npos);
    CHECK(fonts.find("DejaVuSans-Bold") != std::string::npos);
    CHECK(fonts.find("Helvetica") == std::string::npos);
    require_words_inside(pdf);

    // Bookmark titles keep their characters too.
    auto marks = outlines(pdf);
    bool found = false;
    for (const auto& m : marks) found = found || m.at("title") == "Gwasanaethau’r cyngor: ŵ ŷ £ é";
    CHECK(found);
    Run info = run("pdfinfo " + quote(pdf), "dejavu.meta");
    CHECK(info.out.find("Subject:         Cyngor Gwynedd — ŵ ŷ (fictional)") != std::string::npos);

    // A base-14 document can be told to embed as well.
    PdfOptions embed;
    embed.always_embed_fonts = true;
    Document plain;
    plain.title = "Plain";
    plain.blocks.push_back(Paragraph{"café"});
    std::string forced = render_to_file(plain, "forced-embed", embed);
    CHECK(pdffonts(forced).find("DejaVuSans") != std::string::npos);
    CHECK(pdf_text(forced).find("café") != std::string::npos);
}
#endif

#ifndef _WIN32  // runs the host's qpdf, pdftotext or python3, which a Windows program cannot
TEST_CASE("pdf sixty headings become nested bookmarks pointing at their pages") {
    Document d;
    d.title = "Sixty headings";
    d.running_header = "Sixty headings";
    d.created = "2026-01-02T03:04:05Z";
    for (int c = 1; c <= 20; ++c) {
        d.blocks.push_back(Heading{1, "Chapter " + std::to_string(c), "c" + std::to_string(c)});
        d.blocks.push_back(Paragraph{words(60)});
        for (int s = 1; s <= 2; ++s) {
            d.blocks.push_back(
                Heading{2, "Section " + std::to_string(c) + "." + std::to_string(s), "s" + std::to_string(c)});
            d.blocks.push_back(Paragraph{words(80)});
            d.blocks.push_back(Heading{3, "Level three is not a bookmark " + std::to_string(c), ""});
            d.blocks.push_back(Paragraph{words(20)});
        }
    }
    std::string pdf = render_to_file(d, "headings");
    require_qpdf_check(pdf);
    const int pages = page_count(pdf);
    CHECK(pages > 5);
    auto pages_text = pages_of(pdf_text(pdf));
    auto marks = outlines(pdf);
    REQUIRE(marks.size() == 20);
    int last_page = 0;
    for (int c = 1; c <= 20; ++c) {
        const auto& m = marks[static_cast<std::size_t>(c - 1)];
        CHECK(m.at("title") == "Chapter " + std::to_string(c));
        REQUIRE(m.at("kids").size() == 2);
        int page = m.at("destpageposfrom1").get<int>();
        CHECK(page >= last_page);
        last_page = page;
        CHECK(pages_text.at(static_cast<std::size_t>(page - 1)).find("Chapter " + std::to_string(c) + "\n") !=
              std::string::npos);
        for (int s = 1; s <= 2; ++s) {
            const auto& k = m.at("kids")[static_cast<std::size_t>(s - 1)];
            std::string title = "Section " + std::to_string(c) + "." + std::to_string(s);
            CHECK(k.at("title") == title);
            CHECK(k.at("kids").empty());
            int kp = k.at("destpageposfrom1").get<int>();
            CHECK(pages_text.at(static_cast<std::size_t>(kp - 1)).find(title) != std::string::npos);
        }
    }
    // No heading is left alone at the foot of a page: each page's last line is not a heading.
    for (const std::string& p : pages_text) {
        std::string body = p.substr(0, p.rfind("Page "));
        while (!body.empty() && (body.back() == '\n' || body.back() == ' ')) body.pop_back();
        std::string last = body.substr(body.rfind('\n') + 1);
        CHECK(last.rfind("Chapter ", 0) != 0);
        CHECK(last.rfind("Section ", 0) != 0);
    }
    require_words_inside(pdf);
}
#endif

#ifndef _WIN32  // runs the host's qpdf, pdftotext or python3, which a Windows program cannot
TEST_CASE("pdf long paragraphs, a 5000-character cell and a 500-row table break across pages") {
    Document d;
    d.title = "Long content";
    d.running_header = "Long content";
    d.created = "2026-11-21T10:00:00Z";
    d.blocks.push_back(Paragraph{words(3000, "paragraph")});
    d.blocks.push_back(Paragraph{std::string(3000, 'm'), TextStyle::lead});  // one word longer than many lines

    Table big;
    big.caption = "Five hundred rows";
    big.header = {"Reference", "Description", "Amount", "Closing"};
    big.align = {Align::left, Align::left, Align::right, Align::centre};
    big.widths = {1, 3, 1, 1};
    big.first_column_is_header = true;
    big.last_row_is_total = true;
    for (int i = 1; i <= 500; ++i) {
        std::string n = std::to_string(i);
        big.rows.push_back({"Row" + n, i % 7 == 0 ? words(40, "lorem") : "Item " + n, "£" + n + ",000", "End" + n});
        std::optional<Colour> fill;
        if (i % 5 == 0) fill = Colour{0x1d, 0x4f, 0x91};
        if (i % 5 == 1) fill = Colour{0xf4, 0xc7, 0xa1};
        big.fills.push_back({std::nullopt, std::nullopt, fill, std::nullopt});
    }
    d.blocks.push_back(big);

    Table cell;
    cell.caption = "A cell of five thousand characters";
    cell.header = {"Label", "Huge cell"};
    cell.widths = {1, 2};
    cell.rows = {{"Huge", std::string(5000, 'Z')}, {"After", "the huge row"}};
    d.blocks.push_back(cell);
    d.blocks.push_back(Paragraph{"The end."});

    std::string pdf = render_to_file(d, "long");
    require_qpdf_check(pdf);
    const int pages = page_count(pdf);
    CHECK(pages > 20);
    std::string text = pdf_text(pdf);
    auto per_page = pages_of(text);
    REQUIRE(per_page.size() == static_cast<std::size_t>(pages));
    CHECK(count(text, "Z") == 5000);
    CHECK(count(text, "m") >= 3000);
    CHECK(text.find("The end.") != std::string::npos);

    // Every page with rows of the big table starts with its header, and no row is split:
    // each page holds the first and last cell of the same rows.
    int table_pages = 0;
    std::set<int> seen;
    for (int p = 0; p < pages; ++p) {
        const std::string& t = per_page[static_cast<std::size_t>(p)];
        std::set<int> starts, ends;
        for (std::size_t at = t.find("Row"); at != std::string::npos; at = t.find("Row", at + 3)) {
            starts.insert(std::atoi(t.c_str() + at + 3));
        }
        for (std::size_t at = t.find("End"); at != std::string::npos; at = t.find("End", at + 3)) {
            ends.insert(std::atoi(t.c_str() + at + 3));
        }
        CHECK(starts == ends);
        if (!starts.empty()) {
            ++table_pages;
            CHECK(t.find("Reference") != std::string::npos);
            CHECK(t.find("Description") != std::string::npos);
            seen.insert(starts.begin(), starts.end());
        }
        if (t.find("ZZZZ") != std::string::npos) {  // pages of the huge cell repeat that table's header
            CHECK(t.find("Huge cell") != std::string::npos);
        }
    }
    CHECK(seen.size() == 500);
    CHECK(table_pages > 10);
    CHECK(count(text, "Huge cell") >= 2);
    // Per-page extraction agrees with the split text.
    CHECK(page_text(pdf, pages).find("The end.") != std::string::npos);
    require_words_inside(pdf);
}
#endif

#ifndef _WIN32  // runs the host's qpdf, pdftotext or python3, which a Windows program cannot
TEST_CASE("pdf a table header never ends a page without the start of its first row") {
    // Tables whose first row is tall (but shorter than a page) or taller than a page, placed
    // at many heights down the page: wherever a header lands, rows follow it on that page.
    Document d;
    d.title = "Headers";
    d.created = "2026-11-21T10:00:00Z";
    for (int i = 0; i < 40; ++i) {
        d.blocks.push_back(Paragraph{words(20 + 37 * i, "filler")});
        Table t;
        t.caption = "Table " + std::to_string(i);
        t.header = {"HeadQuestion", "HeadAnswers"};
        t.widths = {1, 1};
        int lines = i % 4 == 3 ? 400 : 12 + 3 * (i % 5);  // every fourth taller than a page
        t.rows = {{"RowStart " + words(lines, "tall"), "short"}, {"RowNext", "short"}};
        d.blocks.push_back(t);
    }
    std::string pdf = render_to_file(d, "orphan-headers");
    require_qpdf_check(pdf);
    const std::string text = pdf_text(pdf);
    CHECK(count(text, "HeadQuestion") >= 40);
    auto per_page = pages_of(text);
    for (std::size_t p = 0; p < per_page.size(); ++p) {
        const std::string& t = per_page[p];
        if (t.find("HeadQuestion") == std::string::npos) continue;
        INFO("page " << p + 1);
        CHECK((t.find("RowStart") != std::string::npos || t.find("tall") != std::string::npos ||
               t.find("RowNext") != std::string::npos));
    }
    require_words_inside(pdf);
}
#endif

#ifndef _WIN32  // runs the host's qpdf, pdftotext or python3, which a Windows program cannot
TEST_CASE("pdf a narrow column gets the room for its longest word when the others can spare it") {
    Document d;
    d.title = "Headers";
    d.created = "2026-11-21T10:00:00Z";
    Table t;
    t.caption = "Rounds included";
    t.header = {"Organisation", "Questionnaire", "Respondents", "Coverage"};
    t.widths = {3.0, 5.0, 0.5, 0.5};  // the last two far too narrow for their one word
    t.rows = {{"Eastmere (fictional)", "council-full 1.0", "12", "95%"}};
    d.blocks.push_back(t);
    Table sources;  // a bold first column of long words beside one of long text and web addresses
    sources.header = {"Assumption", "Source"};
    sources.widths = {0.6, 5.0};
    sources.first_column_is_header = true;
    sources.rows = {{"Apprenticeship levy", words(80, "source") + " https://www.example.gov.uk/" + std::string(300, 'x')}};
    d.blocks.push_back(sources);
    std::string pdf = render_to_file(d, "header-words");
    require_qpdf_check(pdf);
    std::string text = pdf_text(pdf);
    INFO(text);
    CHECK(text.find("Respondents") != std::string::npos);
    CHECK(text.find("Coverage") != std::string::npos);
    CHECK(text.find("Apprenticeship") != std::string::npos);
    CHECK(count(text, std::string(40, 'x')) >= 1);  // the address itself still breaks where it must
    require_words_inside(pdf);
}
#endif

TEST_CASE("pdf the same document gives byte-identical files") {
    Document d = action_plan_like("Eastmere District Council (fictional)");
    d.theme.logo_path = (data_dir() / "logo.png").string();
    std::string a, b, error;
    REQUIRE(render_pdf(d, PdfOptions{}, a, error));
    REQUIRE(render_pdf(d, PdfOptions{}, b, error));
    CHECK(a == b);
    CHECK(a.find("/CreationDate (D:20261121100000Z") != std::string::npos);
    CHECK(a.find("/ID") == std::string::npos);
    CHECK(a.find("/ModDate") == std::string::npos);

    Document w = action_plan_like("Cyngor Gwynedd — ŵ (fictional)");
    std::string c, e;
    REQUIRE(render_pdf(w, PdfOptions{}, c, error));
    REQUIRE(render_pdf(w, PdfOptions{}, e, error));
    CHECK(c == e);
    CHECK(c.find("/ID") == std::string::npos);

    d.created = "2027-01-01T00:00:00Z";
    std::string later;
    REQUIRE(render_pdf(d, PdfOptions{}, later, error));
    CHECK(later != a);
    CHECK(later.find("/CreationDate (D:20270101000000Z") != std::string::npos);
}

#ifndef _WIN32  // runs the host's qpdf, pdftotext or python3, which a Windows program cannot
TEST_CASE("pdf logos in PNG and JPEG are drawn and a missing or broken logo is an error not a crash") {
    for (const char* name : {"logo.png", "logo.jpg"}) {
        Document d;
        d.title = "A report with a logo and a title long enough to wrap beside it on the cover page";
        d.subtitle = "Eastmere District Council (fictional)";
        d.theme.logo_path = (data_dir() / name).string();
        d.blocks.push_back(Paragraph{"Body."});
        std::string pdf = render_to_file(d, std::string("logo-") + name);
        require_qpdf_check(pdf);
        Run images = run("pdfimages -list " + quote(pdf), std::string("logo-images-") + name);
        REQUIRE(images.status == 0);
        CHECK(images.out.find(" 240 ") != std::string::npos);  // the logo at its own size in pixels
        require_words_inside(pdf);
    }

    const std::string png = slurp(data_dir() / "logo.png");
    const std::string jpg = slurp(data_dir() / "logo.jpg");
    std::string interlaced_error;
    struct Case {
        std::string name, bytes, message;
    };
    std::string png_bad_crc = png;
    png_bad_crc[40] = static_cast<char>(png_bad_crc[40] ^ 0x55);
    std::vector<Case> cases = {
        {"text.png", "this is not an image", "not a PNG or JPEG file"},
        {"empty.png", "", "not a PNG or JPEG file"},
        {"truncated.png", png.substr(0, png.size() / 2), "truncated PNG file"},
        {"no-iend.png", png.substr(0, png.size() - 12), "no IEND"},
        {"bad-crc.png", png_bad_crc, "corrupt PNG file"},
        {"truncated.jpg", jpg.substr(0, jpg.size() / 2), "truncated JPEG file"},
        {"header-only.jpg", jpg.substr(0, 20), "JPEG file"},
    };
    for (const Case& c : cases) {
        fs::path path = work_dir() / c.name;
        write_file(path, c.bytes);
        Document d;
        d.title = "Bad logo";
        d.theme.logo_path = path.string();
        std::string bytes = "stale", error;
        INFO(c.name);
        CHECK_FALSE(render_pdf(d, PdfOptions{}, bytes, error));
        CHECK(bytes.empty());
        CHECK(error.rfind("logo image " + path.string() + ": ", 0) == 0);
        CHECK(error.find(c.message) != std::string::npos);
        CHECK(error.find('\n') == std::string::npos);
    }
    Document missing;
    missing.theme.logo_path = (work_dir() / "no-such-logo.png").string();
    std::string bytes, error;
    CHECK_FALSE(render_pdf(missing, PdfOptions{}, bytes, error));
    CHECK(error == "logo image " + missing.theme.logo_path + ": No such file or directory");
}
#endif

TEST_CASE("pdf png checks accept what libharu draws and refuse what would crash it") {
    using ys::report::pdf::sanitise_png;
    const std::string png = slurp(data_dir() / "logo.png");
    std::string clean, error;
    REQUIRE(sanitise_png(png, clean, error));
    CHECK(clean.size() <= png.size());
    CHECK(clean.compare(0, 8, png, 0, 8) == 0);
    // Every single-byte corruption is either refused or harmless to libpng (the CRCs catch
    // nearly all of them); none of them may reach libharu unchecked.
    std::size_t refused = 0;
    for (std::size_t i = 8; i < png.size(); i += 7) {
        std::string bad = png;
        bad[i] = static_cast<char>(bad[i] ^ 0x5A);
        if (!sanitise_png(bad, clean, error)) ++refused;
    }
    CHECK(refused > png.size() / 7 - 3);
    // Interlaced PNGs crash libharu 2.3.0, so they are refused with a reason.
    std::string interlaced = png;
    interlaced[8 + 8 + 12] = 1;  // the IHDR interlace byte, then fix the chunk's CRC below
    {
        std::uint32_t c = 0xFFFFFFFFu;
        for (std::size_t i = 12; i < 12 + 17; ++i) {
            c ^= static_cast<unsigned char>(interlaced[i]);
            for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }
        c ^= 0xFFFFFFFFu;
        for (int k = 0; k < 4; ++k) interlaced[29 + k] = static_cast<char>((c >> (24 - 8 * k)) & 0xFF);
    }
    CHECK_FALSE(sanitise_png(interlaced, clean, error));
    CHECK(error.find("interlaced") != std::string::npos);
}

TEST_CASE("pdf a bad font path or creation date is an error") {
    Document d;
    d.title = "Dŵr";  // needs the embedded font
    PdfOptions options;
    options.font_path = (work_dir() / "missing-font.ttf").string();
    std::string bytes, error;
    CHECK_FALSE(render_pdf(d, options, bytes, error));
    CHECK(error == "font " + options.font_path + ": No such file or directory");

    fs::path not_font = work_dir() / "not-a-font.ttf";
    write_file(not_font, std::string(4096, 'x'));
    options.font_path = not_font.string();
    CHECK_FALSE(render_pdf(d, options, bytes, error));
    CHECK(error.rfind("font " + not_font.string() + ": ", 0) == 0);

    // One file for both faces is allowed (no bold then).
    options.font_path = options.bold_font_path;
    REQUIRE(render_pdf(d, options, bytes, error));
    CHECK(error.empty());

    // The base-14 path never reads the font files.
    options.font_path = not_font.string();
    Document plain;
    plain.title = "Plain";
    CHECK(render_pdf(plain, options, bytes, error));

    plain.created = "21/11/2026";
    CHECK_FALSE(render_pdf(plain, PdfOptions{}, bytes, error));
    CHECK(error == "created date '21/11/2026': expected YYYY-MM-DDTHH:MM:SSZ");
    plain.created = "2026-02-30T10:00:00Z";
    CHECK_FALSE(render_pdf(plain, PdfOptions{}, bytes, error));
    plain.created = "2026-11-21";
    CHECK(render_pdf(plain, PdfOptions{}, bytes, error));
    CHECK(bytes.find("/CreationDate (D:20261121000000Z") != std::string::npos);
}

#ifndef _WIN32  // runs the host's qpdf, pdftotext or python3, which a Windows program cannot
TEST_CASE("pdf charts and tables with odd data still give valid pages") {
    Document d;
    d.title = "Odd data";
    d.created = "2026-11-21T10:00:00Z";
    d.theme.series.clear();  // the renderer falls back to its own colours
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();

    RadarChart empty_radar;
    empty_radar.title = "No axes";
    d.blocks.push_back(empty_radar);
    RadarChart two;
    two.title = "Two axes, reversed scale, gaps";
    two.axes = {"One axis with a very long label that has to wrap onto more lines than allowed here", "Two"};
    two.min = 5;
    two.max = 1;
    two.series = {{"A", {nan, 3}}, {"", {inf, std::nullopt}}, {"C", {}}};
    d.blocks.push_back(two);
    RadarChart many;
    many.title = "Twelve axes";
    for (int i = 0; i < 12; ++i) many.axes.push_back("Axis number " + std::to_string(i + 1) + " of twelve");
    for (int s = 0; s < 6; ++s) {
        Series se{"Series " + std::to_string(s), {}};
        for (int i = 0; i < 12; ++i) se.values.push_back((i + s) % 6);
        many.series.push_back(se);
    }
    d.blocks.push_back(many);

    BarChart bars;
    bars.title = "Negative, missing and many";
    for (int i = 0; i < 40; ++i) bars.categories.push_back("Category " + std::to_string(i));
    Series up{"Up", {}}, down{"Down", {}};
    for (int i = 0; i < 40; ++i) {
        up.values.push_back(i % 5 ? std::optional<double>(i * 1000.5) : std::nullopt);
        down.values.push_back(-i * 250.25);
    }
    bars.series = {up, down, {"Nothing", {}}};
    bars.value_prefix = "£";
    bars.decimals = 2;
    d.blocks.push_back(bars);
    bars.stacked = true;
    bars.title = "Stacked with negatives";
    d.blocks.push_back(bars);
    BarChart no_data;
    no_data.title = "No data";
    d.blocks.push_back(no_data);
    BarChart huge;
    huge.title = "Huge values are left out";
    huge.categories = {"A", "B"};
    huge.series = {{"Huge", {1e300, 5e14}}, {"More", {1e15, -1e308}}};
    huge.stacked = true;
    d.blocks.push_back(huge);
    BarChart zeros;
    zeros.title = "All zero";
    zeros.categories = {"A"};
    zeros.series = {{"Zero", {0.0}}};
    d.blocks.push_back(zeros);

    LineChart lines;
    lines.title = "Lines with gaps";
    lines.categories = {"A", "B", "C", "D"};
    lines.series = {{"One", {1, std::nullopt, 3, nan}}, {"Two", {std::nullopt}}, {"Three", {10, -10, 2, 2}}};
    lines.min = 0;
    lines.max = 0;
    d.blocks.push_back(lines);

    RangeChart range;
    range.title = "A hundred rows";
    range.marker_label = "Us";
    for (int i = 0; i < 100; ++i) {
        range.rows.push_back({"Row label " + std::to_string(i) + (i % 10 == 0 ? " " + words(30) : ""), 4, 3, 2.5, 2, 1,
                              i % 3 ? std::optional<double>(i % 6) : std::nullopt});
    }
    range.rows.push_back({"Not a number", nan, 1, 2, 3, 4, nan});
    d.blocks.push_back(range);

    Table empty;
    empty.caption = "An empty table";
    d.blocks.push_back(empty);
    Table ragged;
    ragged.caption = "Ragged rows and odd widths";
    ragged.header = {"A"};
    ragged.rows = {{"1", "2", "3"}, {}, {"only one"}};
    ragged.widths = {-1, 0, nan};
    ragged.align = {Align::right};
    ragged.fills.push_back({std::optional<Colour>(Colour{0, 0, 0})});
    d.blocks.push_back(ragged);
    Table wide;
    wide.caption = "Forty columns";
    wide.header.resize(40, "Header");
    wide.rows.push_back(std::vector<std::string>(40, "WWWWWW"));
    d.blocks.push_back(wide);
    d.blocks.push_back(Heading{7, "A heading of level seven is drawn as level three", ""});
    d.blocks.push_back(Heading{0, "", ""});
    d.blocks.push_back(BulletList{});
    d.blocks.push_back(BulletList{{"", "Item after an empty one"}});
    d.blocks.push_back(KeyValues{});
    d.blocks.push_back(PageBreak{});
    d.blocks.push_back(PageBreak{});
    d.blocks.push_back(Paragraph{"Control\x01 characters\tand\r\nnewlines, bad UTF-8 \xC3( and \xF0\x9F\x98\x80."});

    std::string pdf = render_to_file(d, "odd");
    require_qpdf_check(pdf);
    std::string text = pdf_text(pdf);
    CHECK(text.find("Row label 99") != std::string::npos);
    CHECK(text.find("Item after an empty one") != std::string::npos);
    CHECK(text.find("£10,000.00") != std::string::npos);
    CHECK(text.find("-£10,000.00") != std::string::npos);
    // The range chart's scale is repeated on each of its pages, its legend drawn once.
    CHECK(count(text, "Lowest to highest") == 1);
    int range_pages = 0;
    for (const std::string& p : pages_of(text)) {
        if (p.find("Row label") != std::string::npos) ++range_pages;
    }
    CHECK(range_pages >= 2);
    require_words_inside(pdf);
}
#endif

#ifndef _WIN32  // runs the host's qpdf, pdftotext or python3, which a Windows program cannot
TEST_CASE("pdf extreme sizes stay inside the page") {
    Document d;
    d.title = words(3000, "title");        // the cover shows four lines of it
    d.subtitle = words(3000, "subtitle");  // and three of this
    d.author = std::string(70000, 'a');    // metadata and bookmarks are clipped to what libharu takes
    d.blocks.push_back(Heading{1, std::string(70000, 'h'), "long"});
    BarChart bars;
    bars.title = "Sixty series";
    bars.categories = {"One", "Two"};
    for (int i = 0; i < 60; ++i)
        bars.series.push_back({"Series with a long name number " + std::to_string(i), {1.0 * i, 2.0}});
    d.blocks.push_back(bars);
    RadarChart radar;
    radar.title = "Two hundred axes";
    for (int i = 0; i < 200; ++i) radar.axes.push_back("Axis " + std::to_string(i));
    radar.series = {{"All", std::vector<std::optional<double>>(200, 3.0)}};
    d.blocks.push_back(radar);
    std::string pdf = render_to_file(d, "extreme");
    require_qpdf_check(pdf);
    std::string text = pdf_text(pdf);
    CHECK(text.find("and 37 more") != std::string::npos);
    CHECK(count(text, "title") < 200);
    CHECK(outlines(pdf).size() == 1);
    require_words_inside(pdf);
}
#endif

#ifndef _WIN32  // runs the host's qpdf, pdftotext or python3, which a Windows program cannot
TEST_CASE("pdf a ten-page action plan in base-14 fonts stays small") {
    Document d = action_plan_like("Eastmere District Council (fictional)");
    std::string bytes, error;
    REQUIRE(render_pdf(d, PdfOptions{}, bytes, error));
    std::string pdf = render_to_file(d, "size");
    const int pages = page_count(pdf);
    INFO("base-14: " << pages << " pages, " << bytes.size() << " bytes");
    CHECK(pages >= 8);
    CHECK(pages <= 14);
    CHECK(bytes.size() < 60 * 1024);
    require_qpdf_check(pdf);
}
#endif
