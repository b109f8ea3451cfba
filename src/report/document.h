#pragma once
// A report as a sequence of blocks, independent of its output format. The content
// builders (action_plan, benchmark_report, business_case) fill one from the engines'
// results; render_pdf and render_html turn it into a file. Neither renderer computes
// anything that is not layout: every figure arrives here as text already formatted.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace ys::report {

struct Colour {
    std::uint8_t r = 0, g = 0, b = 0;
};
inline bool operator==(Colour a, Colour b) { return a.r == b.r && a.g == b.g && a.b == b.b; }

// Parses "#rrggbb" (case-insensitive); nullopt otherwise.
std::optional<Colour> parse_colour(const std::string& hex);
std::string colour_hex(Colour c);  // "#rrggbb"
// WCAG 2.2 contrast ratio of two colours, 1 to 21.
double contrast_ratio(Colour a, Colour b);

struct Theme {
    Colour text{0x1b, 0x1b, 0x1b};
    Colour muted{0x50, 0x5a, 0x5f};      // notes, captions, running header
    Colour primary{0x1d, 0x4f, 0x91};    // headings, rules, table header fill
    Colour on_primary{0xff, 0xff, 0xff}; // text drawn on primary
    Colour accent{0xb5, 0x3c, 0x00};     // the viewing organisation's marker
    Colour grid{0xc8, 0xcd, 0xd0};       // table rules, chart grid
    // Chart series in order; each has a distinct dash pattern too (series index), so a
    // chart also reads in greyscale.
    std::vector<Colour> series{{0x1d, 0x4f, 0x91}, {0xb5, 0x3c, 0x00}, {0x2e, 0x7d, 0x32}, {0x6a, 0x1b, 0x9a}};
    // Heatmap cells from lowest to highest value; text on them is chosen black or white
    // for contrast by the renderer.
    Colour heat_low{0xf4, 0xc7, 0xa1};
    Colour heat_high{0x1d, 0x4f, 0x91};
    std::string logo_path;  // PNG or JPEG, empty for none; resolved to an absolute path
};

struct Heading {
    int level = 1;  // 1 to 3; levels 1 and 2 become PDF bookmarks and the HTML outline
    std::string text;
    std::string anchor;  // unique id within the document, [a-z0-9-]
};

enum class TextStyle { body, lead, note };
struct Paragraph {
    std::string text;
    TextStyle style = TextStyle::body;
};

struct BulletList {
    std::vector<std::string> items;
};

// Facts in two columns, e.g. the cover: "Organisation" | "Eastmere District Council".
struct KeyValues {
    std::vector<std::pair<std::string, std::string>> rows;
};

enum class Align { left, right, centre };
struct Table {
    std::string caption;                  // shown above; also the HTML <caption>
    std::vector<std::string> header;      // one header row, repeated on each PDF page
    std::vector<std::vector<std::string>> rows;
    std::vector<Align> align;             // per column; left when missing
    std::vector<double> widths;           // relative column widths; equal when empty
    bool first_column_is_header = false;  // row headers (<th scope="row">)
    bool last_row_is_total = false;       // drawn bold with a rule above
    // Optional fill per cell (heatmaps): same shape as rows, nullopt for none.
    std::vector<std::vector<std::optional<Colour>>> fills;
};

// Charts are drawn as vectors. Every chart carries its data, so the HTML version can
// give it as a table for readers who cannot see the picture.
struct Series {
    std::string name;
    std::vector<std::optional<double>> values;  // parallel to the chart's categories
};

// Current against target and previous, one axis per category, scaled min..max.
struct RadarChart {
    std::string title;
    std::string alt;  // one sentence saying what the chart shows
    std::vector<std::string> axes;
    double min = 0, max = 5;
    std::vector<Series> series;
};

// Vertical bars per category, series side by side or stacked (costs per year).
struct BarChart {
    std::string title;
    std::string alt;
    std::vector<std::string> categories;
    std::vector<Series> series;
    bool stacked = false;
    std::string value_prefix;  // "£" for money: axis labels as £12,000
    int decimals = 0;
};

// One line per series over categories in order (scores across rounds).
struct LineChart {
    std::string title;
    std::string alt;
    std::vector<std::string> categories;
    double min = 0, max = 5;
    std::vector<Series> series;
};

// One horizontal bar per row: whiskers min..max, box q1..q3, a tick at the median and a
// marker at the viewing organisation's value (when set).
struct RangeRow {
    std::string label;
    double min = 0, q1 = 0, median = 0, q3 = 0, max = 0;
    std::optional<double> marker;
};
struct RangeChart {
    std::string title;
    std::string alt;
    std::string marker_label;  // "Eastmere District Council (fictional)"
    double scale_min = 0, scale_max = 5;
    std::vector<RangeRow> rows;
};

struct PageBreak {};

using Block = std::variant<Heading, Paragraph, BulletList, KeyValues, Table, RadarChart, BarChart, LineChart,
                           RangeChart, PageBreak>;

struct Document {
    std::string title;           // cover title and PDF/HTML title
    std::string subtitle;        // e.g. the organisation
    std::string running_header;  // top of every PDF page after the cover
    std::string author;          // PDF metadata
    std::string language = "en-GB";
    // ISO date-time "2026-11-21T10:00:00Z" written as the PDF creation date; with
    // fixed-date mode the builders put a constant here so output is byte-identical.
    std::string created;
    Theme theme;
    std::vector<Block> blocks;
};

}  // namespace ys::report
