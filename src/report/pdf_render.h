#pragma once
// Renders a report Document to PDF with libharu: A4 portrait, the title (and logo) at
// the top of page 1, the running header on every later page, "Page n of m" footers,
// bookmarks for headings of level 1 and 2, tables that break across pages with their
// header row repeated, and vector charts.
//
// Fonts are chosen per document: when all of its text exists in Windows-1252 the
// base-14 Helvetica fonts are used (small and fast); otherwise DejaVu Sans is embedded.
// The same Document gives byte-identical output: the creation date comes from
// Document::created and libharu writes no file identifier.
#include "document.h"

#include <string>

namespace ys::report {

// A font Yardstick embeds: fonts/ beside the executable first (Windows, installed or
// unzipped), else the system's DejaVu (/usr/share/fonts/truetype/dejavu, Debian's
// fonts-dejavu-core). The system path when neither exists, so an error names it.
std::string default_font_file(const std::string& file_name);

struct PdfOptions {
    // TrueType fonts embedded when the text needs more than Windows-1252 (e.g. ŵ, ŷ).
    std::string font_path = default_font_file("DejaVuSans.ttf");
    std::string bold_font_path = default_font_file("DejaVuSans-Bold.ttf");
    // Use the embedded fonts even when base-14 would do.
    bool always_embed_fonts = false;
};

// Renders to memory. On failure returns false, leaves pdf_bytes empty and sets `error`
// to one line, e.g. "logo image /x/y.png: not a PNG or JPEG file". Never throws.
bool render_pdf(const Document& doc, const PdfOptions& options, std::string& pdf_bytes, std::string& error);

// True when every piece of text the PDF would show (including the title, running
// header, author and bookmarks) exists in Windows-1252, so base-14 fonts can be used.
bool pdf_fits_base14(const Document& doc);

}  // namespace ys::report
