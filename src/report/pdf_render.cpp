#include "pdf_render.h"

#include "pdf_canvas.h"
#include "pdf_charts.h"
#include "pdf_image.h"
#include "pdf_text.h"

#include <hpdf.h>

#include "io/platform.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <new>
#include <optional>
#include <system_error>
#include <type_traits>

namespace ys::report {
namespace {

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
double baseline(double top, double size, double lead) { return top - (lead - size) / 2 - 0.8 * size; }

// ------------------------------------------------------------------ text of a document

template <typename F>
void for_each_text(const Document& doc, F&& f) {
    f(doc.title);
    f(doc.subtitle);
    f(doc.running_header);
    f(doc.author);
    auto each = [&](const std::vector<std::string>& v) {
        for (const auto& s : v) f(s);
    };
    auto series = [&](const std::vector<Series>& v) {
        for (const auto& s : v) f(s.name);
    };
    for (const Block& block : doc.blocks) {
        std::visit(
            [&](const auto& b) {
                using T = std::decay_t<decltype(b)>;
                if constexpr (std::is_same_v<T, Heading> || std::is_same_v<T, Paragraph>) {
                    f(b.text);
                } else if constexpr (std::is_same_v<T, BulletList>) {
                    each(b.items);
                } else if constexpr (std::is_same_v<T, KeyValues>) {
                    for (const auto& [k, v] : b.rows) {
                        f(k);
                        f(v);
                    }
                } else if constexpr (std::is_same_v<T, Table>) {
                    f(b.caption);
                    each(b.header);
                    for (const auto& row : b.rows) each(row);
                } else if constexpr (std::is_same_v<T, RadarChart>) {
                    f(b.title);
                    each(b.axes);
                    series(b.series);
                } else if constexpr (std::is_same_v<T, BarChart>) {
                    f(b.title);
                    f(b.value_prefix);
                    each(b.categories);
                    series(b.series);
                } else if constexpr (std::is_same_v<T, LineChart>) {
                    f(b.title);
                    each(b.categories);
                    series(b.series);
                } else if constexpr (std::is_same_v<T, RangeChart>) {
                    f(b.title);
                    f(b.marker_label);
                    for (const auto& r : b.rows) f(r.label);
                }
            },
            block);
    }
}

// The first 500 code points: libharu refuses strings over 64 KB in bookmarks and metadata.
std::string_view clipped(std::string_view s) {
    std::size_t pos = 0;
    for (int n = 0; n < 500 && pos < s.size(); ++n) pdf::next_code_point(s, pos);
    return s.substr(0, pos);
}

// "2026-11-21T10:00:00Z" or "2026-11-21" (midnight UTC).
bool parse_created(const std::string& s, HPDF_Date& date) {
    auto num = [&](std::size_t at, std::size_t len, int& out) {
        if (at + len > s.size()) return false;
        out = 0;
        for (std::size_t i = at; i < at + len; ++i) {
            if (s[i] < '0' || s[i] > '9') return false;
            out = out * 10 + (s[i] - '0');
        }
        return true;
    };
    int y, mo, d, h = 0, mi = 0, se = 0;
    if (!num(0, 4, y) || s.size() < 10 || s[4] != '-' || !num(5, 2, mo) || s[7] != '-' || !num(8, 2, d)) return false;
    const bool date_only = s.size() == 10;
    const bool date_time = s.size() == 20 && s[10] == 'T' && num(11, 2, h) && s[13] == ':' && num(14, 2, mi) &&
                           s[16] == ':' && num(17, 2, se) && s[19] == 'Z';
    if (!date_only && !date_time) return false;
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (mo < 1 || mo > 12 || d < 1 || d > days[mo - 1] || h > 23 || mi > 59 || se > 59) return false;
    if (mo == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return false;
    date = HPDF_Date{y, mo, d, h, mi, se, 'Z', 0, 0};
    return true;
}

// ------------------------------------------------------------------ the renderer

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

std::string Renderer::run() {
    setup();
    cover();
    for (index_ = 0; index_ < doc_.blocks.size(); ++index_) {
        std::visit([&](const auto& v) { block(v); }, doc_.blocks[index_]);
    }
    footers();
    if (any_outline_) {
        HPDF_SetPageMode(hd(), HPDF_PAGE_MODE_USE_OUTLINE);
        check("page mode");
    }
    return save();
}

void Renderer::setup() {
    HPDF_SetCompressionMode(hd(), HPDF_COMP_ALL);
    check("compression");
    load_fonts(options_.always_embed_fonts || !pdf_fits_base14(doc_));
    set_info();
    load_logo();
}

void Renderer::load_fonts(bool embed) {
    if (!embed) {
        HPDF_Font regular = HPDF_GetFont(hd(), "Helvetica", "WinAnsiEncoding");
        check("font Helvetica");
        HPDF_Font bold = HPDF_GetFont(hd(), "Helvetica-Bold", "WinAnsiEncoding");
        check("font Helvetica-Bold");
        regular_ = std::make_unique<Face>(pdf_, regular, false);
        bold_ = std::make_unique<Face>(pdf_, bold, false);
        outline_encoder_ = HPDF_GetEncoder(hd(), "WinAnsiEncoding");
        check("encoder WinAnsiEncoding");
        HPDF_SetCurrentEncoder(hd(), "WinAnsiEncoding");
        check("encoder WinAnsiEncoding");
        return;
    }
    HPDF_UseUTFEncodings(hd());
    check("UTF-8 encoder");
    auto load = [&](const std::string& path) {
        std::string context = "font " + path;
        if (std::FILE* f = platform::open_file(path, "rb")) {
            std::fclose(f);
        } else {
            throw Failure(context + ": " + std::generic_category().message(errno));
        }
        // libharu opens the file itself, with the C library's fopen (the ANSI code page on Windows).
        const std::string c_path = platform::c_library_path(path);
        if (c_path.empty())
            throw Failure(context + ": the folder's name has letters the PDF library cannot open on this system; "
                                    "copy the font to a folder with a plain name");
        const char* name = HPDF_LoadTTFontFromFile(hd(), c_path.c_str(), HPDF_TRUE);
        check(context);
        if (name == nullptr) throw Failure(context + ": not a TrueType font");
        HPDF_Font font = HPDF_GetFont(hd(), name, "UTF-8");
        check(context);
        return font;
    };
    HPDF_Font regular = load(options_.font_path);
    // libharu loads a file once per document: the same path for both means no bold face.
    HPDF_Font bold = options_.bold_font_path == options_.font_path ? regular : load(options_.bold_font_path);
    regular_ = std::make_unique<Face>(pdf_, regular, true);
    bold_ = std::make_unique<Face>(pdf_, bold, true);
    outline_encoder_ = HPDF_GetEncoder(hd(), "UTF-8");
    check("encoder UTF-8");
    HPDF_SetCurrentEncoder(hd(), "UTF-8");
    check("encoder UTF-8");
}

void Renderer::set_info() {
    auto attr = [&](HPDF_InfoType type, const std::string& value, const char* what) {
        if (value.empty()) return;
        std::string bytes = regular_->encode(clipped(value)).bytes;
        if (bytes.empty()) return;
        HPDF_SetInfoAttr(hd(), type, bytes.c_str());
        check(what);
    };
    attr(HPDF_INFO_TITLE, doc_.title, "title");
    attr(HPDF_INFO_AUTHOR, doc_.author, "author");
    attr(HPDF_INFO_SUBJECT, doc_.subtitle, "subject");
    attr(HPDF_INFO_CREATOR, "Yardstick", "creator");
    attr(HPDF_INFO_PRODUCER, "Yardstick (libharu)", "producer");
    if (!doc_.created.empty()) {
        HPDF_Date date{};
        if (!parse_created(doc_.created, date)) {
            throw Failure("created date '" + doc_.created + "': expected YYYY-MM-DDTHH:MM:SSZ");
        }
        HPDF_SetInfoDateAttr(hd(), HPDF_INFO_CREATION_DATE, date);
        check("created date");
    }
}

void Renderer::load_logo() {
    const std::string& path = doc_.theme.logo_path;
    if (path.empty()) return;
    const std::string context = "logo image " + path;
    std::FILE* f = platform::open_file(path, "rb");
    if (f == nullptr) throw Failure(context + ": " + std::generic_category().message(errno));
    std::string data;
    constexpr std::size_t kMaxLogo = 16u << 20;
    char buf[65536];
    std::size_t got;
    while ((got = std::fread(buf, 1, sizeof buf, f)) > 0 && data.size() <= kMaxLogo) data.append(buf, got);
    bool read_error = std::ferror(f) != 0;
    std::fclose(f);
    if (read_error) throw Failure(context + ": cannot read the file");
    if (data.size() > kMaxLogo) throw Failure(context + ": larger than 16 MB");

    std::string error;
    const auto* bytes = reinterpret_cast<const unsigned char*>(data.data());
    if (data.size() >= 8 && data.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0) {
        if (!pdf::sanitise_png(data, logo_data_, error)) throw Failure(context + ": " + error);
        logo_ = HPDF_LoadPngImageFromMem(hd(), reinterpret_cast<const HPDF_BYTE*>(logo_data_.data()),
                                         static_cast<HPDF_UINT>(logo_data_.size()));
    } else if (data.size() >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF) {
        if (!pdf::check_jpeg(data, error)) throw Failure(context + ": " + error);
        logo_data_ = std::move(data);
        logo_ = HPDF_LoadJpegImageFromMem(hd(), reinterpret_cast<const HPDF_BYTE*>(logo_data_.data()),
                                          static_cast<HPDF_UINT>(logo_data_.size()));
    } else {
        throw Failure(context + ": not a PNG or JPEG file");
    }
    check(context);
    if (logo_ == nullptr || HPDF_Image_GetWidth(logo_) == 0 || HPDF_Image_GetHeight(logo_) == 0) {
        throw Failure(context + ": the image is empty");
    }
}

void Renderer::new_page() {
    if (!pages_.empty()) page().end_text();
    HPDF_Page p = HPDF_AddPage(hd());
    check("new page");
    HPDF_Page_SetSize(p, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
    check("page size");
    pages_.push_back(std::make_unique<Page>(pdf_, p));
    fresh_ = true;
    pending_after_ = 0;
    if (pages_.size() == 1) {
        y_ = kTopFirst;
        return;
    }
    y_ = kTop;
    if (!doc_.running_header.empty()) {
        Line l = pdf::fit_line(*regular_, doc_.running_header, kSmall, kContentW);
        page().text(*regular_, kSmall, doc_.theme.muted, kLeft, kHeaderBaseline, l.bytes);
    }
    page().hline(kLeft, kRight, kHeaderBaseline - 7, doc_.theme.grid, 0.6);
}

void Renderer::space(double before) {
    if (!fresh_) y_ -= pending_after_ + before;
    pending_after_ = 0;
}

void Renderer::ensure(double h) {
    if (y_ - h < kBottom && !fresh_) new_page();
}

void Renderer::cover() {
    new_page();
    const Theme& t = doc_.theme;
    double top = y_;
    double text_w = kContentW;
    double logo_bottom = top;
    if (logo_ != nullptr) {
        double iw = HPDF_Image_GetWidth(logo_), ih = HPDF_Image_GetHeight(logo_);
        double scale = std::min(150.0 / iw, 60.0 / ih);
        double w = iw * scale, h = ih * scale;
        page().image(logo_, kRight - w, top - h, w, h);
        logo_bottom = top - h;
        text_w -= w + 18;
    }
    auto title = pdf::wrap_limited(*bold_, doc_.title, 22, text_w, 4);
    auto subtitle = pdf::wrap_limited(*regular_, doc_.subtitle, 13, text_w, 3);
    double y = top;
    for (const Line& l : title) {
        page().text(*bold_, 22, t.primary, kLeft, baseline(y, 22, 27), l.bytes);
        y -= 27;
    }
    if (!subtitle.empty()) y -= 3;
    for (const Line& l : subtitle) {
        page().text(*regular_, 13, t.muted, kLeft, baseline(y, 13, 17), l.bytes);
        y -= 17;
    }
    if (title.empty() && subtitle.empty() && logo_ == nullptr) return;  // nothing above the blocks
    y = std::min(y, logo_bottom) - 10;
    page().hline(kLeft, kRight, y, t.primary, 1.5);
    y_ = y - 8;
    fresh_ = false;
    pending_after_ = 0;
}

void Renderer::flow_lines(const std::vector<Line>& lines, Face& face, double size, double lead, Colour colour,
                          double x) {
    for (const Line& l : lines) {
        if (y_ - lead < kBottom) new_page();
        page().text(face, size, colour, x, baseline(y_, size, lead), l.bytes);
        y_ -= lead;
        fresh_ = false;
    }
}

// ------------------------------------------------------------------ blocks

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

void Renderer::footers() {
    const std::string total = std::to_string(pages_.size());
    for (std::size_t i = 0; i < pages_.size(); ++i) {
        std::string text = kPageWord + std::to_string(i + 1) + kOfWord + total;
        Line l = regular_->encode(text);
        Page& p = *pages_[i];
        p.text(*regular_, kSmall, doc_.theme.muted, kRight - l.width(kSmall), kFooterBaseline, l.bytes);
        p.end_text();
    }
}

std::string Renderer::save() {
    HPDF_SaveToStream(hd());
    check("saving the PDF");
    HPDF_UINT32 size = HPDF_GetStreamSize(hd());
    check("saving the PDF");
    std::string out(size, '\0');
    HPDF_UINT32 got = size;
    HPDF_ReadFromStream(hd(), reinterpret_cast<HPDF_BYTE*>(out.data()), &got);
    if (pdf_.failed()) {
        // Reading exactly to the end reports HPDF_STREAM_EOF; that is success.
        if (got == size && size > 0)
            pdf_.clear_error();
        else
            check("saving the PDF");
    }
    out.resize(got);
    return out;
}

}  // namespace

bool pdf_fits_base14(const Document& doc) {
    bool fits = true;
    for_each_text(doc, [&](const std::string& s) {
        if (fits && !pdf::fits_cp1252(s)) fits = false;
    });
    return fits;
}

std::string default_font_file(const std::string& file_name) {
    namespace fs = std::filesystem;
    const std::string beside = platform::executable_dir();
    if (!beside.empty()) {
        const fs::path shipped = platform::path_from_utf8(beside) / "fonts" / platform::path_from_utf8(file_name);
        std::error_code ec;
        if (fs::is_regular_file(shipped, ec)) return platform::utf8_from_path(shipped);
    }
    return "/usr/share/fonts/truetype/dejavu/" + file_name;
}

bool render_pdf(const Document& doc, const PdfOptions& options, std::string& pdf_bytes, std::string& error) {
    pdf_bytes.clear();
    error.clear();
    try {
        Renderer r(doc, options);
        pdf_bytes = r.run();
        return true;
    } catch (const Failure& e) {
        error = e.what();
    } catch (const std::bad_alloc&) {
        error = "out of memory";
    } catch (const std::exception& e) {
        error = e.what();
    }
    pdf_bytes.clear();
    return false;
}

}  // namespace ys::report
