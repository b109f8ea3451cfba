#include "diagnostics.h"

namespace ys {
namespace {

// Length of the valid UTF-8 sequence starting at s[i], or 0 when it is not valid
// (overlong forms, surrogates and code points above U+10FFFF are not valid).
std::size_t utf8_length(const std::string& s, std::size_t i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) return 1;
    std::size_t n;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) n = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        return 0;
    }
    if (i + n > s.size()) return 0;
    unsigned char second = static_cast<unsigned char>(s[i + 1]);
    if (second < lo || second > hi) return 0;
    for (std::size_t k = 2; k < n; ++k)
        if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
    return n;
}

}  // namespace

// Text from input files ends up in messages; keep each message one line of valid UTF-8.
std::string printable(const std::string& s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        std::size_t n = utf8_length(s, i);
        if (n == 1 && c >= 0x20 && c != 0x7F) {
            out += s[i];
        } else if (n > 1) {
            out.append(s, i, n);
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else {
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 0xF];
        }
        i += n ? n : 1;
    }
    return out;
}

std::string to_string(const Diagnostic& d) {
    std::string s = d.file;
    if (!d.where.empty()) s += (s.empty() ? "" : ": ") + d.where;
    s += s.empty() ? "" : ": ";
    if (d.severity == Severity::Warning) s += "warning: ";
    s += d.message;
    return printable(s);
}

void Diagnostics::error(const std::string& where, const std::string& message) {
    items_.push_back({Severity::Error, file_, where, message});
}

void Diagnostics::warning(const std::string& where, const std::string& message) {
    items_.push_back({Severity::Warning, file_, where, message});
}

void Diagnostics::append(const Diagnostics& other) {
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

std::size_t Diagnostics::error_count() const {
    std::size_t n = 0;
    for (const auto& d : items_)
        if (d.severity == Severity::Error) ++n;
    return n;
}

}  // namespace ys
