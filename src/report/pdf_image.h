#pragma once
// Checks logo images before libharu sees them. libharu 2.3.0 decodes PNG with libpng,
// but its libpng error callback returns instead of jumping out, so libpng aborts the
// whole process on a truncated or corrupt PNG; interlaced PNGs crash it too. These
// checks decode what libpng would decode (chunk CRCs, header fields, the zlib stream and
// every row's filter byte) and refuse interlacing, so a file that passes cannot reach
// those paths, and a file that fails gives a one-line error instead of a crash.
#include <string>
#include <string_view>

namespace ys::report::pdf {

// On success returns true and sets `clean` to the PNG with only the chunks libharu uses
// (IHDR, PLTE, tRNS, IDAT, IEND); otherwise false with a short reason in `error`.
bool sanitise_png(std::string_view file, std::string& clean, std::string& error);

// Checks the marker structure of a JPEG file up to its scan and that it ends with EOI.
bool check_jpeg(std::string_view file, std::string& error);

}  // namespace ys::report::pdf
