#pragma once
// A thin, checked C++ layer over libharu for the PDF renderer: the document handle and
// its error state, fonts with cached widths and their text encoding, line wrapping, and
// a page wrapper that tracks the graphics state so each operator is written only when
// it changes.
//
// libharu reports errors through a C callback. The callback only records the first
// error in the Hpdf object; every wrapper checks that record after its call and throws
// Failure from our own code, so nothing ever unwinds through libharu's frames.
#include "document.h"

#include <hpdf.h>

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <vector>

namespace ys::report::pdf {

class Failure : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct ErrorRecord {
    HPDF_STATUS code = HPDF_OK;
    HPDF_STATUS detail = 0;
};

// A one-line description of a libharu error code, e.g. "not a valid PNG image (libharu 0x103B)".
std::string describe_hpdf_error(HPDF_STATUS code, HPDF_STATUS detail);

struct DocDeleter {
    void operator()(HPDF_Doc doc) const noexcept { HPDF_Free(doc); }
};
using DocPtr = std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, DocDeleter>;

// Owns the libharu document and the record its error callback writes into.
class Hpdf {
public:
    Hpdf();  // throws Failure when libharu cannot allocate a document
    Hpdf(const Hpdf&) = delete;
    Hpdf& operator=(const Hpdf&) = delete;

    HPDF_Doc get() const { return doc_.get(); }
    bool failed() const { return record_.code != HPDF_OK; }
    // Throws Failure("context: description") when libharu has recorded an error.
    void check(std::string_view context = {}) const {
        if (record_.code != HPDF_OK) fail(context);
    }
    [[noreturn]] void fail(std::string_view context) const;
    void clear_error();

private:
    ErrorRecord record_;  // before doc_: the callback may run while doc_ is freed
    DocPtr doc_;
};

// One line of text, already encoded for the face that measured it.
struct Line {
    std::string bytes;
    double units = 0;        // advance width in 1/1000 em
    std::size_t source = 0;  // offset in the UTF-8 source where the line starts
    double width(double size) const { return units * size / 1000.0; }
};

// A font as used by the renderer: base-14 with WinAnsiEncoding (text converted to
// Windows-1252) or an embedded TrueType font with libharu's UTF-8 encoder.
class Face {
public:
    Face(const Hpdf& doc, HPDF_Font font, bool utf8);

    HPDF_Font font() const { return font_; }
    bool utf8() const { return utf8_; }

    // Code point actually drawn for a normalised one ('?' when the encoding lacks it).
    char32_t drawable(char32_t cp) const;
    int width(char32_t drawable_cp);  // 1/1000 em, cached
    void append(std::string& out, char32_t drawable_cp) const;

    // Whole string on one line (newlines become spaces).
    Line encode(std::string_view utf8);
    double measure(std::string_view utf8, double size) { return encode(utf8).width(size); }

private:
    const Hpdf* doc_;
    HPDF_Font font_;
    bool utf8_;
    std::array<std::int16_t, 256> narrow_;  // code points below 256; -1 when not yet known
    std::unordered_map<char32_t, int> wide_;
};

// Breaks text into lines no wider than max_width: at spaces, after '-' and '/', at
// '\n', and between characters when a word alone is too wide. Linear in the length.
std::vector<Line> wrap(Face& face, std::string_view utf8, double size, double max_width);
// At most max_lines lines; the last ends with an ellipsis when text was left out.
std::vector<Line> wrap_limited(Face& face, std::string_view utf8, double size, double max_width, std::size_t max_lines);
// Shortens an encoded line to max_width, ending it with an ellipsis when shortened.
Line fit_line(Face& face, std::string_view utf8, double size, double max_width);

// Dash patterns by index: 0 solid, then dashes and dots that differ in greyscale.
constexpr int kDashPatterns = 5;

// A page and its graphics state as last written, so unchanged settings are not repeated.
class Page {
public:
    Page(const Hpdf& doc, HPDF_Page page) : doc_(&doc), page_(page) {}

    HPDF_Page handle() const { return page_; }

    void text(Face& face, double size, Colour colour, double x, double y, const std::string& bytes);
    // Text turned a quarter left, reading upwards from (x, y) on its baseline.
    void text_up(Face& face, double size, Colour colour, double x, double y, const std::string& bytes);
    void fill_rect(double x, double y, double w, double h, Colour colour);
    void hline(double x1, double x2, double y, Colour colour, double width);
    void vline(double x, double y1, double y2, Colour colour, double width);

    // Path drawing: set the style first, then build the path, then paint it.
    void stroke_style(Colour colour, double width, int dash = 0, bool round = false);
    void fill_colour(Colour colour);
    void move_to(double x, double y);
    void line_to(double x, double y);
    void rect(double x, double y, double w, double h);
    void circle(double x, double y, double r);
    void close_path();
    void stroke();
    void fill();
    void fill_stroke();
    void clip_rect(double x, double y, double w, double h);  // GSave, then clip; undo with restore()
    void save();
    void restore();
    void image(HPDF_Image image, double x, double y, double w, double h);
    void end_text();  // closes an open text object

private:
    void text_state(Face& face, double size, Colour colour);  // in a text object, with this font
    void graphics();                                          // leaves any text object or unpainted path
    void path();                                              // leaves any text object
    void check() const { doc_->check(); }

    struct State {
        const Face* font;
        double size;
        std::optional<Colour> fill, stroke;
        double line_width;
        int dash, cap;
    };

    const Hpdf* doc_;
    HPDF_Page page_;
    bool in_text_ = false;
    bool in_path_ = false;
    const Face* font_ = nullptr;
    double size_ = 0;
    std::optional<Colour> fill_, stroke_;
    double line_width_ = -1;
    int dash_ = -1;
    int cap_ = -1;
    std::vector<State> saved_;
};

}  // namespace ys::report::pdf
