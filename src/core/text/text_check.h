#pragma once
// Text checked at the door: strict UTF-8, no control characters in names and ids, one
// length limit per field (field_limits.h). Every reader and the store call text_problem(),
// so what one path accepts every other path accepts too, and nothing accepted can make a
// later JSON dump, CSV export or report fail.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "field_limits.h"

namespace ys {

// The byte offset of the first byte that does not start a valid UTF-8 sequence: overlong
// forms, surrogates (U+D800..U+DFFF), code points above U+10FFFF and truncated sequences
// are all invalid. nullopt when the whole text is valid.
std::optional<std::size_t> invalid_utf8_at(std::string_view s);
// Code points in valid UTF-8 text (continuation bytes are not counted).
std::size_t utf8_length(std::string_view s);

// "" when s is acceptable for the field, else one line starting with the field's label,
// such as: organisation name is longer than 200 characters (201); shorten it.
// An empty text is acceptable here: whether a field is required is the caller's rule.
std::string text_problem(TextField f, std::string_view s);
// The same check for text with no field of its own (any text written to a file): valid
// UTF-8 only. "" when fine.
std::string utf8_problem(std::string_view label, std::string_view s);

// The text as it may be shown on a terminal: control characters written visibly (\x1b,
// \r, \x00), C1 controls and bidirectional overrides as \u009b or \u202e, and bytes that
// are not UTF-8 as \xNN. Tab and line feed are kept, as is CR directly before LF (CSV line
// ends). Everything else is unchanged.
std::string escape_for_terminal(std::string_view s);
// How many leading bytes of s can be escaped on their own: s without a trailing
// incomplete UTF-8 sequence or a trailing CR (whose meaning depends on the next byte).
std::size_t terminal_safe_prefix(std::string_view s);

}  // namespace ys
