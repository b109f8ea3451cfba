#pragma once
// A report Document as one self-contained, accessible HTML5 file: embedded CSS, charts as
// inline SVG each followed by its data as a table, the logo as a data: URI, no scripts and
// no external resources. Headings never skip a level (the title is the only h1; Heading
// levels 1..3 become h2..h4), tables have captions and header cells, and @media print
// lays it out on A4.
#include <string>
#include <string_view>
#include <vector>

#include "document.h"
#include "svg_charts.h"

namespace ys::report {

// Fills `html` (UTF-8) and returns true; on failure (the theme's logo cannot be read or
// is not a PNG or JPEG) returns false with a one-line `error` and leaves `html` empty.
// The same Document always gives the same bytes.
bool render_html(const Document& doc, std::string& html, std::string& error);

// The theme's colours checked against WCAG 2.2 AA: 4.5:1 for text (body, muted and
// heading colours on white, text on the primary fill), 3:1 for chart graphics (series
// and accent against white). One line per problem; empty when the theme passes.
// The grid colour is decorative and not checked; heatmap text is chosen black or white,
// which always reaches 4.5:1.
std::vector<std::string> theme_contrast_problems(const Theme& theme);

// The text colour (black or white) with the higher contrast on a fill.
Colour text_colour_on(Colour fill);

// RFC 4648 base64 with padding.
std::string base64_encode(std::string_view bytes);

}  // namespace ys::report
