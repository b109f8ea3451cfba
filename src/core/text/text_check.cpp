#include "text_check.h"

#include <cstdio>

namespace ys {
namespace {

// Length of the valid UTF-8 sequence at s[i], with its code point; 0 when invalid.
// The ranges are those of RFC 3629's table: no overlongs, surrogates or code points above
// U+10FFFF.
std::size_t decode(std::string_view s, std::size_t i, char32_t& cp) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = b(i);
    if (c < 0x80) {
        cp = c;
        return 1;
    }
    std::size_t n;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) n = 2, cp = c & 0x1F;
    else if (c == 0xE0) n = 3, lo = 0xA0, cp = c & 0x0F;
    else if (c == 0xED) n = 3, hi = 0x9F, cp = c & 0x0F;
    else if (c >= 0xE1 && c <= 0xEF) n = 3, cp = c & 0x0F;
    else if (c == 0xF0) n = 4, lo = 0x90, cp = c & 0x07;
    else if (c == 0xF4) n = 4, hi = 0x8F, cp = c & 0x07;
    else if (c >= 0xF1 && c <= 0xF3) n = 4, cp = c & 0x07;
    else return 0;
    if (i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k) {
        const unsigned char x = b(i + k);
        if (x < (k == 1 ? lo : 0x80) || x > (k == 1 ? hi : 0xBF)) return 0;
        cp = (cp << 6) | (x & 0x3F);
    }
    return n;
}

bool is_control(char32_t cp) { return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F); }

bool is_bidi_control(char32_t cp) { return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069); }

std::string hex(const char* format, unsigned value) {
    char buf[16];
    std::snprintf(buf, sizeof buf, format, value);
    return buf;
}

bool is_id_char(char c, bool first) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (!first && (c == '-' || c == '_' || c == '.'));
}

}  // namespace

std::optional<std::size_t> invalid_utf8_at(std::string_view s) {
    char32_t cp;
    for (std::size_t i = 0; i < s.size();) {
        // ASCII runs are the common case.
        if (static_cast<unsigned char>(s[i]) < 0x80) {
            ++i;
            continue;
        }
        std::size_t n = decode(s, i, cp);
        if (n == 0) return i;
        i += n;
    }
    return std::nullopt;
}

std::size_t utf8_length(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

std::string utf8_problem(std::string_view label, std::string_view s) {
    if (auto at = invalid_utf8_at(s))
        return std::string(label) + " is not valid UTF-8 (byte " + std::to_string(*at + 1) + " is " +
               hex("0x%02X", static_cast<unsigned char>(s[*at])) + "); save the text as UTF-8";
    return {};
}

std::string text_problem(TextField f, std::string_view s) {
    // One pass, allocating nothing unless there is a problem: imports call this for every
    // name and note they read.
    const FieldRule& rule = field_rule(f);
    const bool id = rule.kind == TextKind::Id, note = rule.kind == TextKind::Note;
    std::size_t chars = 0, control_at = 0;
    char32_t control = 0;
    bool has_control = false, id_ok = true;
    for (std::size_t i = 0; i < s.size(); ++chars) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c < 0x7F) {  // printable ASCII, the common case
            if (id && !is_id_char(static_cast<char>(c), i == 0)) id_ok = false;
            ++i;
            continue;
        }
        char32_t cp;
        const std::size_t n = decode(s, i, cp);
        if (n == 0) return utf8_problem(rule.label, s);
        id_ok = id_ok && !id;
        const bool allowed = !is_control(cp) ||
                             (note && (cp == '\t' || cp == '\n' || (cp == '\r' && i + 1 < s.size() && s[i + 1] == '\n')));
        if (!allowed && !has_control) has_control = true, control = cp, control_at = chars;
        i += n;
    }
    const std::string label = rule.label;
    if (chars > rule.max_chars)
        return label + " is longer than " + std::to_string(rule.max_chars) + " characters (" + std::to_string(chars) +
               "); shorten it";
    if (has_control)
        return label + " holds a control character (" + hex("U+%04X", static_cast<unsigned>(control)) + ") at character " +
               std::to_string(control_at + 1) + "; " +
               (note ? "only tabs and line breaks are allowed in notes"
                     : "names and ids cannot hold tabs, line breaks or other control characters");
    if (!id_ok)
        return label + " \"" + escape_for_terminal(s) +
               "\" is not a valid id; expected lower case letters, digits, '-', '_' or '.', starting with a letter or digit";
    return {};
}

std::string escape_for_terminal(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    char32_t cp;
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c < 0x7F) {  // printable ASCII, the common case
            out += s[i++];
            continue;
        }
        std::size_t n = decode(s, i, cp);
        if (n == 0) {
            out += hex("\\x%02x", c);
            ++i;
            continue;
        }
        if (cp == '\n' || cp == '\t' || (cp == '\r' && i + 1 < s.size() && s[i + 1] == '\n')) out += s[i];
        else if (cp == '\r') out += "\\r";
        else if (cp < 0x20 || cp == 0x7F) out += hex("\\x%02x", static_cast<unsigned>(cp));
        else if (is_control(cp) || is_bidi_control(cp)) out += hex("\\u%04x", static_cast<unsigned>(cp));
        else out.append(s.substr(i, n));
        i += n;
    }
    return out;
}

std::size_t terminal_safe_prefix(std::string_view s) {
    std::size_t end = s.size();
    if (end > 0 && s[end - 1] == '\r') return end - 1;
    // A lead byte among the last three whose sequence runs past the end.
    for (std::size_t back = 1; back <= 3 && back <= end; ++back) {
        const unsigned char c = static_cast<unsigned char>(s[end - back]);
        if ((c & 0xC0) == 0x80) continue;  // a continuation byte: look further back
        std::size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        return need > back ? end - back : end;
    }
    return end;
}

}  // namespace ys
