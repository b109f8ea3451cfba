#include "pdf_text.h"

#include "number_format.h"

#include <cmath>

namespace ys::report::pdf {

char32_t next_code_point(std::string_view s, std::size_t& pos) {
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    unsigned char b0 = byte(pos);
    if (b0 < 0x80) {
        ++pos;
        return b0;
    }
    int extra;
    char32_t cp;
    char32_t min;
    if ((b0 & 0xE0) == 0xC0) {
        extra = 1, cp = b0 & 0x1F, min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        extra = 2, cp = b0 & 0x0F, min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        extra = 3, cp = b0 & 0x07, min = 0x10000;
    } else {
        ++pos;
        return 0xFFFD;
    }
    if (pos + extra >= s.size()) {  // truncated at the end
        ++pos;
        return 0xFFFD;
    }
    for (int i = 1; i <= extra; ++i) {
        unsigned char b = byte(pos + i);
        if ((b & 0xC0) != 0x80) {
            ++pos;
            return 0xFFFD;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++pos;
        return 0xFFFD;
    }
    pos += extra + 1;
    return cp;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

unsigned char cp1252_byte(char32_t cp) {
    if (cp >= 0x20 && cp <= 0x7E) return static_cast<unsigned char>(cp);
    if (cp >= 0xA0 && cp <= 0xFF) return static_cast<unsigned char>(cp);
    switch (cp) {
        case 0x20AC: return 0x80;  // €
        case 0x201A: return 0x82;
        case 0x0192: return 0x83;
        case 0x201E: return 0x84;
        case 0x2026: return 0x85;  // …
        case 0x2020: return 0x86;
        case 0x2021: return 0x87;
        case 0x02C6: return 0x88;
        case 0x2030: return 0x89;
        case 0x0160: return 0x8A;
        case 0x2039: return 0x8B;
        case 0x0152: return 0x8C;
        case 0x017D: return 0x8E;
        case 0x2018: return 0x91;  // ‘
        case 0x2019: return 0x92;  // ’
        case 0x201C: return 0x93;  // “
        case 0x201D: return 0x94;  // ”
        case 0x2022: return 0x95;  // •
        case 0x2013: return 0x96;  // –
        case 0x2014: return 0x97;  // —
        case 0x02DC: return 0x98;
        case 0x2122: return 0x99;
        case 0x0161: return 0x9A;
        case 0x203A: return 0x9B;
        case 0x0153: return 0x9C;
        case 0x017E: return 0x9E;
        case 0x0178: return 0x9F;
        default: return 0;
    }
}

char32_t normalise_code_point(char32_t cp) {
    if (cp == '\n') return cp;
    if (cp == '\t' || cp == '\r' || cp == 0x2028 || cp == 0x2029 || cp == 0x85) return ' ';
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return 0;
    if (cp == 0xAD || cp == 0x200B || cp == 0xFEFF) return 0;  // soft hyphen, zero-width space, BOM
    return cp;
}

bool fits_cp1252(std::string_view s) {
    std::size_t pos = 0;
    while (pos < s.size()) {
        unsigned char b = static_cast<unsigned char>(s[pos]);
        if (b < 0x80) {  // fast path for ASCII
            ++pos;
            continue;
        }
        char32_t cp = normalise_code_point(next_code_point(s, pos));
        if (cp != 0 && cp != '\n' && cp1252_byte(cp) == 0) return false;
    }
    return true;
}

std::string grouped_number(double value, int decimals, std::string_view prefix) {
    if (decimals < 0) decimals = 0;
    if (decimals > 6) decimals = 6;
    if (!std::isfinite(value)) return std::string(prefix) + "-";
    std::string digits = ys::fixed(std::fabs(value), decimals);
    bool zero = digits.find_first_not_of("0.") == std::string::npos;
    std::size_t dot = digits.find('.');
    std::size_t int_len = dot == std::string::npos ? digits.size() : dot;
    std::string out;
    out.reserve(digits.size() + digits.size() / 3 + prefix.size() + 1);
    if (value < 0 && !zero) out += '-';
    out += prefix;
    for (std::size_t i = 0; i < int_len; ++i) {
        if (i > 0 && (int_len - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    out.append(digits, int_len, std::string::npos);
    return out;
}

}  // namespace ys::report::pdf
