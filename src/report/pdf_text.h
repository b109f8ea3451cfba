#pragma once
// Text helpers of the PDF renderer that need no libharu: UTF-8 decoding, the
// Windows-1252 code page that base-14 fonts use, and locale-independent number text.
#include <cstddef>
#include <string>
#include <string_view>

namespace ys::report::pdf {

// Decodes the code point at `pos` and advances `pos` past it. Malformed sequences
// (overlong, surrogates, truncated, stray continuation bytes) give U+FFFD and consume
// one byte, so decoding always makes progress.
char32_t next_code_point(std::string_view utf8, std::size_t& pos);

// Appends the UTF-8 form of `cp`.
void append_utf8(std::string& out, char32_t cp);

// The Windows-1252 byte of a code point, or 0 when it has none. Control characters
// have none either (the renderer drops them or treats them as white space).
unsigned char cp1252_byte(char32_t cp);

// How the renderer treats a code point before drawing: tabs and other white space
// become spaces, control characters are dropped (returns 0), '\n' is kept.
char32_t normalise_code_point(char32_t cp);

// True when every drawable character of `utf8` exists in Windows-1252.
bool fits_cp1252(std::string_view utf8);

// "12,345.60": fixed decimals with comma thousands separators, '-' before the prefix
// for negative values ("-£1,200"); never depends on the locale.
std::string grouped_number(double value, int decimals, std::string_view prefix = {});

}  // namespace ys::report::pdf
