#include "pdf_canvas.h"

#include "pdf_text.h"

#include <cmath>
#include <cstdio>

namespace ys::report::pdf {

extern "C" {
// libharu's error callback: records the first error and returns. It must never throw or
// longjmp; the C++ wrappers look at the record after each call.
static void record_hpdf_error(HPDF_STATUS code, HPDF_STATUS detail, void* user_data) {
    auto* record = static_cast<ErrorRecord*>(user_data);
    if (record != nullptr && record->code == HPDF_OK) {
        record->code = code;
        record->detail = detail;
    }
}
}

std::string describe_hpdf_error(HPDF_STATUS code, HPDF_STATUS detail) {
    const char* text = nullptr;
    switch (code) {
        case HPDF_FAILD_TO_ALLOC_MEM: text = "out of memory"; break;
        case HPDF_FILE_IO_ERROR: text = "file read error"; break;
        case HPDF_FILE_OPEN_ERROR: text = "cannot open file"; break;
        case HPDF_INVALID_IMAGE: text = "invalid image"; break;
        case HPDF_INVALID_JPEG_DATA: text = "invalid JPEG data"; break;
        case HPDF_UNSUPPORTED_JPEG_FORMAT: text = "unsupported JPEG format"; break;
        case HPDF_INVALID_PNG_IMAGE: text = "invalid PNG image"; break;
        case HPDF_LIBPNG_ERROR: text = "PNG decoding failed"; break;
        case HPDF_INVALID_COLOR_SPACE: text = "unsupported colour space"; break;
        case HPDF_INVALID_BIT_PER_COMPONENT: text = "unsupported bits per component"; break;
        case HPDF_TTF_CANNOT_EMBEDDING_FONT: text = "font licence forbids embedding"; break;
        case HPDF_TTF_INVALID_CMAP: text = "font has no usable Unicode cmap"; break;
        case HPDF_TTF_INVALID_FOMAT: text = "not a TrueType font"; break;
        case HPDF_TTF_MISSING_TABLE: text = "font is missing a required table"; break;
        case HPDF_INVALID_FONTDEF_DATA: text = "invalid font data"; break;
        case HPDF_INVALID_DATE_TIME: text = "invalid date"; break;
        case HPDF_REAL_OUT_OF_RANGE: text = "coordinate out of range"; break;
        case HPDF_STRING_OUT_OF_RANGE: text = "text too long"; break;
        case HPDF_PAGE_INVALID_GMODE: text = "drawing operator used in the wrong state"; break;
        case HPDF_PAGE_INVALID_PARAM_COUNT: text = "invalid dash pattern"; break;
        case HPDF_EXCEED_GSTATE_LIMIT: text = "graphics states nested too deeply"; break;
        case HPDF_ZLIB_ERROR: text = "compression failed"; break;
        default: break;
    }
    char hex[64];
    std::snprintf(hex, sizeof hex, "libharu error 0x%04X, detail %u", static_cast<unsigned>(code),
                  static_cast<unsigned>(detail));
    return text ? std::string(text) + " (" + hex + ")" : std::string(hex);
}

Hpdf::Hpdf() : doc_(HPDF_New(record_hpdf_error, &record_)) {
    if (!doc_) throw Failure("cannot create a PDF document (out of memory)");
}

void Hpdf::fail(std::string_view context) const {
    std::string message(context);
    if (!message.empty()) message += ": ";
    message += describe_hpdf_error(record_.code, record_.detail);
    throw Failure(message);
}

void Hpdf::clear_error() {
    record_ = ErrorRecord{};
    HPDF_ResetError(doc_.get());
}

// ---------------------------------------------------------------------------------- Face

Face::Face(const Hpdf& doc, HPDF_Font font, bool utf8) : doc_(&doc), font_(font), utf8_(utf8) { narrow_.fill(-1); }

char32_t Face::drawable(char32_t cp) const {
    if (utf8_) {
        // libharu's UTF-8 CMap covers one- to three-byte sequences up to U+CFFF only.
        return cp <= 0xCFFF ? cp : U'?';
    }
    return cp1252_byte(cp) != 0 ? cp : U'?';
}

int Face::width(char32_t cp) {
    if (cp < 256) {
        std::int16_t& slot = narrow_[cp];
        if (slot < 0) {
            slot = static_cast<std::int16_t>(HPDF_Font_GetUnicodeWidth(font_, static_cast<HPDF_UNICODE>(cp)));
            doc_->check("font metrics");
            if (slot < 0) slot = 0;
        }
        return slot;
    }
    auto it = wide_.find(cp);
    if (it != wide_.end()) return it->second;
    int w = HPDF_Font_GetUnicodeWidth(font_, static_cast<HPDF_UNICODE>(cp));
    doc_->check("font metrics");
    if (w < 0) w = 0;
    wide_.emplace(cp, w);
    return w;
}

void Face::append(std::string& out, char32_t cp) const {
    if (utf8_) {
        append_utf8(out, cp);
    } else {
        out += static_cast<char>(cp1252_byte(cp));
    }
}

Line Face::encode(std::string_view s) {
    Line line;
    line.bytes.reserve(s.size());
    std::size_t pos = 0;
    while (pos < s.size()) {
        char32_t cp = normalise_code_point(next_code_point(s, pos));
        if (cp == 0) continue;
        if (cp == '\n') cp = ' ';
        cp = drawable(cp);
        append(line.bytes, cp);
        line.units += width(cp);
    }
    return line;
}

// ---------------------------------------------------------------------------------- wrapping

namespace {
bool breaks_after(char32_t cp) { return cp == '-' || cp == '/' || cp == 0x2013 || cp == 0x2014; }
}  // namespace

std::vector<Line> wrap(Face& face, std::string_view s, double size, double max_width) {
    std::vector<Line> lines;
    const double max_units = size > 0 ? max_width * 1000.0 / size : 0;
    const int space_w = face.width(U' ');

    std::string cur;
    double w = 0;
    std::size_t cur_src = 0;    // source offset of the line's first character
    std::size_t end_bytes = 0;  // content end, without trailing spaces
    double end_w = 0;
    bool have_brk = false, prev_space = false;  // last break opportunity in `cur`
    std::size_t brk_end = 0, brk_next = 0, brk_next_src = 0;
    double brk_end_w = 0, brk_next_w = 0;

    auto emit = [&](std::size_t bytes, double units) {
        Line line;
        line.bytes.assign(cur, 0, bytes);
        line.units = units;
        line.source = cur_src;
        lines.push_back(std::move(line));
    };
    auto reset = [&] {
        cur.clear();
        w = end_w = 0;
        end_bytes = 0;
        have_brk = prev_space = false;
    };

    std::size_t pos = 0;
    while (pos < s.size()) {
        std::size_t at = pos;
        char32_t cp = normalise_code_point(next_code_point(s, pos));
        if (cp == 0) continue;
        if (cp == '\n') {
            emit(end_bytes, end_w);
            reset();
            continue;
        }
        if (cp == ' ' || cp == 0x3000) {
            if (cur.empty()) continue;  // no spaces at the start of a line
            if (!prev_space) {
                brk_end = end_bytes;
                brk_end_w = end_w;
            }
            face.append(cur, U' ');
            w += space_w;
            brk_next = cur.size();
            brk_next_w = w;
            brk_next_src = pos;
            have_brk = prev_space = true;
            continue;
        }
        cp = face.drawable(cp);
        const int cw = face.width(cp);
        if (w + cw > max_units && !cur.empty()) {
            if (have_brk) {
                emit(brk_end, brk_end_w);
                cur.erase(0, brk_next);
                w -= brk_next_w;
                cur_src = brk_next_src;
                end_bytes = cur.size();  // the remainder has no trailing spaces
                end_w = w;
                have_brk = prev_space = false;
            }
            if (w + cw > max_units && !cur.empty()) {  // a word wider than the line: break it here
                emit(cur.size(), w);
                reset();
            }
        }
        if (cur.empty()) cur_src = at;
        face.append(cur, cp);
        w += cw;
        end_bytes = cur.size();
        end_w = w;
        prev_space = false;
        if (breaks_after(cp) && end_w > cw) {
            have_brk = true;
            brk_end = brk_next = cur.size();
            brk_end_w = brk_next_w = w;
            brk_next_src = pos;
        }
    }
    if (end_bytes > 0) emit(end_bytes, end_w);
    return lines;
}

Line fit_line(Face& face, std::string_view s, double size, double max_width) {
    const double max_units = size > 0 ? max_width * 1000.0 / size : 0;
    const char32_t ellipsis = face.drawable(0x2026);
    const int ell_w = face.width(ellipsis);
    Line out;
    std::size_t fit_bytes = 0;  // longest prefix that leaves room for the ellipsis
    double fit_units = 0;
    bool pending_space = false;
    std::size_t pos = 0;
    while (pos < s.size()) {
        char32_t cp = normalise_code_point(next_code_point(s, pos));
        if (cp == 0) continue;
        if (cp == '\n' || cp == ' ') {
            if (!out.bytes.empty()) pending_space = true;
            continue;
        }
        if (pending_space) {
            pending_space = false;
            face.append(out.bytes, U' ');
            out.units += face.width(U' ');
        }
        cp = face.drawable(cp);
        const int cw = face.width(cp);
        if (out.units + cw > max_units) {  // does not fit: cut back and add the ellipsis
            out.bytes.resize(fit_bytes);
            out.units = fit_units;
            while (!out.bytes.empty() && out.bytes.back() == ' ') {
                out.bytes.pop_back();
                out.units -= face.width(U' ');
            }
            face.append(out.bytes, ellipsis);
            out.units += ell_w;
            return out;
        }
        face.append(out.bytes, cp);
        out.units += cw;
        if (out.units + ell_w <= max_units) {
            fit_bytes = out.bytes.size();
            fit_units = out.units;
        }
    }
    return out;
}

std::vector<Line> wrap_limited(Face& face, std::string_view s, double size, double max_width, std::size_t max_lines) {
    std::vector<Line> lines = wrap(face, s, size, max_width);
    if (max_lines == 0) return {};
    if (lines.size() > max_lines) {
        std::size_t src = lines[max_lines - 1].source;
        lines.resize(max_lines);
        Line last = fit_line(face, s.substr(src), size, max_width);
        last.source = src;
        lines.back() = std::move(last);
    }
    return lines;
}

// ---------------------------------------------------------------------------------- Page

namespace {
const HPDF_UINT16 kDash1[] = {6, 3};
const HPDF_UINT16 kDash2[] = {2, 2};
const HPDF_UINT16 kDash3[] = {8, 3, 2, 3};
const HPDF_UINT16 kDash4[] = {12, 3};

HPDF_REAL r(double v) { return static_cast<HPDF_REAL>(v); }
// A position on a grid of 1/8 pt (0.04 mm, invisible): libharu prints a float with up to five
// decimals, and "769.39001" repeated on every line of every page is a tenth of a report's size.
HPDF_REAL at(double v) { return static_cast<HPDF_REAL>(std::round(v * 8) / 8); }
HPDF_REAL c(std::uint8_t v) { return static_cast<HPDF_REAL>(v / 255.0); }
}  // namespace

void Page::graphics() {
    if (in_text_) end_text();
    if (in_path_) {  // a path left unpainted: discard it rather than fail the next operator
        HPDF_Page_EndPath(page_);
        in_path_ = false;
        check();
    }
}

void Page::path() {
    if (in_text_) end_text();
}

void Page::end_text() {
    if (!in_text_) return;
    HPDF_Page_EndText(page_);
    in_text_ = false;
    check();
}

void Page::text_state(Face& face, double size, Colour colour) {
    if (in_path_) graphics();
    if (!in_text_) {
        HPDF_Page_BeginText(page_);
        in_text_ = true;
        check();
    }
    if (font_ != &face || size_ != size) {
        HPDF_Page_SetFontAndSize(page_, face.font(), r(size));
        font_ = &face;
        size_ = size;
        check();
    }
    if (!fill_ || !(*fill_ == colour)) {
        HPDF_Page_SetRGBFill(page_, c(colour.r), c(colour.g), c(colour.b));
        fill_ = colour;
        check();
    }
}

void Page::text(Face& face, double size, Colour colour, double x, double y, const std::string& bytes) {
    if (bytes.empty()) return;
    text_state(face, size, colour);
    HPDF_Page_TextOut(page_, at(x), at(y), bytes.c_str());
    check();
}

void Page::text_up(Face& face, double size, Colour colour, double x, double y, const std::string& bytes) {
    if (bytes.empty()) return;
    text_state(face, size, colour);
    HPDF_Page_SetTextMatrix(page_, 0, 1, -1, 0, at(x), at(y));
    check();
    HPDF_Page_ShowText(page_, bytes.c_str());
    check();
    HPDF_Page_SetTextMatrix(page_, 1, 0, 0, 1, 0, 0);  // TextOut expects an unrotated matrix
    check();
}

void Page::fill_colour(Colour colour) {
    graphics();
    if (!fill_ || !(*fill_ == colour)) {
        HPDF_Page_SetRGBFill(page_, c(colour.r), c(colour.g), c(colour.b));
        fill_ = colour;
        check();
    }
}

void Page::stroke_style(Colour colour, double width, int dash, bool round) {
    graphics();
    if (!stroke_ || !(*stroke_ == colour)) {
        HPDF_Page_SetRGBStroke(page_, c(colour.r), c(colour.g), c(colour.b));
        stroke_ = colour;
        check();
    }
    if (line_width_ != width) {
        HPDF_Page_SetLineWidth(page_, r(width));
        line_width_ = width;
        check();
    }
    dash = dash % kDashPatterns;
    if (dash_ != dash) {
        switch (dash) {
            case 1: HPDF_Page_SetDash(page_, kDash1, 2, 0); break;
            case 2: HPDF_Page_SetDash(page_, kDash2, 2, 0); break;
            case 3: HPDF_Page_SetDash(page_, kDash3, 4, 0); break;
            case 4: HPDF_Page_SetDash(page_, kDash4, 2, 0); break;
            default: HPDF_Page_SetDash(page_, nullptr, 0, 0); break;
        }
        dash_ = dash;
        check();
    }
    int cap = round ? 1 : 0;
    if (cap_ != cap) {
        HPDF_Page_SetLineCap(page_, round ? HPDF_ROUND_END : HPDF_BUTT_END);
        HPDF_Page_SetLineJoin(page_, round ? HPDF_ROUND_JOIN : HPDF_MITER_JOIN);
        cap_ = cap;
        check();
    }
}

void Page::fill_rect(double x, double y, double w, double h, Colour colour) {
    fill_colour(colour);
    rect(x, y, w, h);
    fill();
}

void Page::hline(double x1, double x2, double y, Colour colour, double width) {
    stroke_style(colour, width);
    move_to(x1, y);
    line_to(x2, y);
    stroke();
}

void Page::vline(double x, double y1, double y2, Colour colour, double width) {
    stroke_style(colour, width);
    move_to(x, y1);
    line_to(x, y2);
    stroke();
}

void Page::move_to(double x, double y) {
    path();
    HPDF_Page_MoveTo(page_, at(x), at(y));
    in_path_ = true;
    check();
}

void Page::line_to(double x, double y) {
    HPDF_Page_LineTo(page_, at(x), at(y));
    check();
}

void Page::rect(double x, double y, double w, double h) {
    path();
    HPDF_Page_Rectangle(page_, at(x), at(y), at(w), at(h));
    in_path_ = true;
    check();
}

void Page::circle(double x, double y, double radius) {
    path();
    HPDF_Page_Circle(page_, at(x), at(y), r(radius));
    in_path_ = true;
    check();
}

void Page::close_path() {
    HPDF_Page_ClosePath(page_);
    check();
}

void Page::stroke() {
    HPDF_Page_Stroke(page_);
    in_path_ = false;
    check();
}

void Page::fill() {
    HPDF_Page_Fill(page_);
    in_path_ = false;
    check();
}

void Page::fill_stroke() {
    HPDF_Page_FillStroke(page_);
    in_path_ = false;
    check();
}

void Page::save() {
    graphics();
    HPDF_Page_GSave(page_);
    check();
    saved_.push_back(State{font_, size_, fill_, stroke_, line_width_, dash_, cap_});
}

void Page::restore() {
    graphics();
    HPDF_Page_GRestore(page_);
    check();
    if (saved_.empty()) return;
    const State& s = saved_.back();
    font_ = s.font;
    size_ = s.size;
    fill_ = s.fill;
    stroke_ = s.stroke;
    line_width_ = s.line_width;
    dash_ = s.dash;
    cap_ = s.cap;
    saved_.pop_back();
}

void Page::clip_rect(double x, double y, double w, double h) {
    save();
    rect(x, y, w, h);
    HPDF_Page_Clip(page_);
    check();
    HPDF_Page_EndPath(page_);
    in_path_ = false;
    check();
}

void Page::image(HPDF_Image image, double x, double y, double w, double h) {
    graphics();
    HPDF_Page_DrawImage(page_, image, at(x), at(y), at(w), at(h));
    check();
}

}  // namespace ys::report::pdf
