// The PDF renderer: pages, fonts, metadata, the cover, footers and saving; the blocks are drawn in
// pdf_render_blocks.cpp and pdf_render_tables.cpp.
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

#include "pdf_renderer.h"

namespace ys::report {
namespace {

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

}  // namespace

namespace pdf_renderer {

// ------------------------------------------------------------------ the renderer

// The first 500 code points: libharu refuses strings over 64 KB in bookmarks and metadata.
std::string_view clipped(std::string_view s) {
    std::size_t pos = 0;
    for (int n = 0; n < 500 && pos < s.size(); ++n) pdf::next_code_point(s, pos);
    return s.substr(0, pos);
}

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

}  // namespace pdf_renderer

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
        pdf_renderer::Renderer r(doc, options);
        pdf_bytes = r.run();
        return true;
    } catch (const pdf::Failure& e) {
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
