#pragma once
// The PDF renderer's page geometry, table boxes and class, shared by pdf_render.cpp (pages,
// fonts, cover, saving), pdf_render_blocks.cpp and pdf_render_tables.cpp. Internal to src/report.
#include <hpdf.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pdf_canvas.h"
#include "pdf_charts.h"
#include "pdf_render.h"
#include "pdf_text.h"

namespace ys::report::pdf_renderer {

using pdf::Face;
using pdf::Failure;
using pdf::Line;
using pdf::Page;

// A4 portrait in points.
constexpr double kPageW = 595.276, kPageH = 841.89;
constexpr double kMargin = 56.69;  // 20 mm
constexpr double kLeft = kMargin, kRight = kPageW - kMargin, kContentW = kRight - kLeft;
constexpr double kTopFirst = kPageH - 54;        // page 1: the title block starts here
constexpr double kTop = kPageH - 62;             // later pages: below the running header
constexpr double kBottom = 62;                   // above the footer
constexpr double kHeaderBaseline = kPageH - 38;  // running header
constexpr double kFooterBaseline = 34;
constexpr double kSmall = 8.5;  // running header, footer

const char* const kPageWord = "Page ";  // footer: "Page n of m"
const char* const kOfWord = " of ";

struct Style {
    double size, lead;
};

// Baseline of a line whose box starts at `top`.
inline double baseline(double top, double size, double lead) { return top - (lead - size) / 2 - 0.8 * size; }

struct CellText {
    std::vector<Line> lines;
    Face* face = nullptr;
    Colour colour;
    Align align = Align::left;
    std::optional<Colour> fill;
};

struct RowBox {
    std::vector<CellText> cells;
    std::size_t lines = 1;
    bool header = false, total = false;
};

struct TableGeometry {
    std::vector<double> x, w;
    double size = 9, lead = 11.5, pad_x = 5, pad_y = 4;
    double height(const RowBox& r) const { return static_cast<double>(r.lines) * lead + 2 * pad_y; }
};

struct TablePrep {
    bool ok = false;
    TableGeometry g;
    RowBox header;
    bool has_header = false, repeat_header = false;
    std::vector<Line> caption;
    double caption_h = 0, header_h = 0, first_row_h = 0;
    double lead_in = 0;  // caption, header and the start of the first row: kept together
};

constexpr double kCaptionLead = 13;

// The first 500 code points of a title or name, for bookmarks and metadata.
std::string_view clipped(std::string_view s);
// A key-value block as the two-column table it is drawn as.
Table key_values_table(const KeyValues& kv);
// The whole range chart when it fits on a page, else its title, scale and first rows.
double range_lead_in(const pdf::RangeLayout& l);

class Renderer {
public:
    Renderer(const Document& doc, const PdfOptions& options) : doc_(doc), options_(options) {}

    std::string run();

private:
    HPDF_Doc hd() const { return pdf_.get(); }
    void check(std::string_view context = {}) const { pdf_.check(context); }

    void setup();
    void load_fonts(bool embed);
    void set_info();
    void load_logo();
    void cover();
    void new_page();
    Page& page() { return *pages_.back(); }
    void space(double before);
    void ensure(double h);
    void footers();
    std::string save();

    void block(const Heading& b);
    void block(const Paragraph& b);
    void block(const BulletList& b);
    void block(const KeyValues& b);
    void block(const Table& b);
    void block(const RadarChart& b) { chart(b); }
    void block(const BarChart& b) { chart(b); }
    void block(const LineChart& b) { chart(b); }
    void block(const RangeChart& b);
    void block(const PageBreak&);

    template <typename C>
    void chart(const C& c);

    // Lines of text flowing down the column, breaking pages between lines.
    void flow_lines(const std::vector<Line>& lines, Face& face, double size, double lead, Colour colour, double x);

    TablePrep prepare(const Table& t);
    // Height the block at `index` needs at the top of its first page, so a heading
    // before it is not left alone at the bottom of a page.
    double lead_in(std::size_t index, int depth = 0);
    RowBox make_row(const std::vector<std::string>& cells, const TableGeometry& g, const Table& t, std::size_t row,
                    bool header, bool total);
    void draw_row(const RowBox& r, const TableGeometry& g, std::size_t from, std::size_t to);

    const Document& doc_;
    const PdfOptions& options_;
    pdf::Hpdf pdf_;
    std::unique_ptr<Face> regular_, bold_;
    HPDF_Encoder outline_encoder_ = nullptr;
    HPDF_Image logo_ = nullptr;
    std::string logo_data_;  // the checked image, alive while libharu may read it
    std::vector<std::unique_ptr<Page>> pages_;
    HPDF_Outline last_level1_ = nullptr;
    bool any_outline_ = false;
    double y_ = 0;
    bool fresh_ = true;         // nothing drawn yet below the top of this page
    double pending_after_ = 0;  // space the previous block asks for below it
    std::size_t index_ = 0;     // of the block being drawn
};

template <typename C>
void Renderer::chart(const C& c) {
    pdf::ChartStyle style{doc_.theme, *regular_, *bold_};
    double h = pdf::chart_height(style, c, kContentW);
    space(8);
    ensure(h);
    pdf::draw_chart(style, page(), c, kLeft, y_, kContentW);
    y_ -= h;
    fresh_ = false;
    pending_after_ = 12;
}

}  // namespace ys::report::pdf_renderer
