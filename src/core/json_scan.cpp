#include "json_scan.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <vector>

namespace ys {
namespace {

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

void append_utf8(std::string& out, std::uint32_t cp) {
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

bool in(unsigned char c, unsigned lo, unsigned hi) { return c >= lo && c <= hi; }

}  // namespace

char JsonScan::peek() {
    if (!ok_) return '\0';
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
    return p_ < end_ ? *p_ : '\0';
}

bool JsonScan::eat(char c) {
    if (peek() != c || c == '\0') return false;
    ++p_;
    return true;
}

bool JsonScan::at_end() { return peek() == '\0' && ok_ && p_ == end_; }

// The UTF-8 ranges of RFC 3629, as nlohmann's lexer checks them.
bool JsonScan::string(std::string& out, std::string_view& view) {
    if (!eat('"')) return fail();
    const char* start = p_;
    bool escaped = false;
    out.clear();
    while (true) {
        // Plain ASCII, nearly all of an id or a value: passed over with one test a byte.
        if (!escaped)
            while (p_ < end_) {
                const auto b = static_cast<unsigned char>(*p_);
                if (b == '"' || b == '\\' || b < 0x20 || b >= 0x80) break;
                ++p_;
            }
        if (p_ >= end_) return fail();
        auto c = static_cast<unsigned char>(*p_);
        if (c == '"') break;
        if (c < 0x20) return fail();
        if (c == '\\') {
            if (!escaped) out.assign(start, p_);
            escaped = true;
            if (++p_ >= end_) return fail();
            switch (*p_++) {
                case '"': out += '"'; break;
                case '\\': out += '\\'; break;
                case '/': out += '/'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'n': out += '\n'; break;
                case 'r': out += '\r'; break;
                case 't': out += '\t'; break;
                case 'u': {
                    auto read4 = [&](std::uint32_t& v) {
                        if (end_ - p_ < 4) return false;
                        v = 0;
                        for (int i = 0; i < 4; ++i) {
                            int h = hex_digit(p_[i]);
                            if (h < 0) return false;
                            v = v * 16 + static_cast<std::uint32_t>(h);
                        }
                        p_ += 4;
                        return true;
                    };
                    std::uint32_t cp = 0;
                    if (!read4(cp)) return fail();
                    if (cp >= 0xDC00 && cp <= 0xDFFF) return fail();
                    if (cp >= 0xD800 && cp <= 0xDBFF) {
                        std::uint32_t low = 0;
                        if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return fail();
                        p_ += 2;
                        if (!read4(low) || low < 0xDC00 || low > 0xDFFF) return fail();
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    }
                    append_utf8(out, cp);
                    break;
                }
                default: return fail();
            }
            continue;
        }
        const char* from = p_;
        if (c < 0x80) {
            ++p_;
        } else {
            auto at = [&](std::ptrdiff_t i) { return p_ + i < end_ ? static_cast<unsigned char>(p_[i]) : 0u; };
            bool good;
            std::ptrdiff_t n;
            if (in(c, 0xC2, 0xDF)) n = 2, good = in(at(1), 0x80, 0xBF);
            else if (c == 0xE0) n = 3, good = in(at(1), 0xA0, 0xBF) && in(at(2), 0x80, 0xBF);
            else if (in(c, 0xE1, 0xEC) || in(c, 0xEE, 0xEF)) n = 3, good = in(at(1), 0x80, 0xBF) && in(at(2), 0x80, 0xBF);
            else if (c == 0xED) n = 3, good = in(at(1), 0x80, 0x9F) && in(at(2), 0x80, 0xBF);
            else if (c == 0xF0) n = 4, good = in(at(1), 0x90, 0xBF) && in(at(2), 0x80, 0xBF) && in(at(3), 0x80, 0xBF);
            else if (in(c, 0xF1, 0xF3)) n = 4, good = in(at(1), 0x80, 0xBF) && in(at(2), 0x80, 0xBF) && in(at(3), 0x80, 0xBF);
            else if (c == 0xF4) n = 4, good = in(at(1), 0x80, 0x8F) && in(at(2), 0x80, 0xBF) && in(at(3), 0x80, 0xBF);
            else n = 1, good = false;
            if (!good) return fail();
            p_ += n;
        }
        if (escaped) out.append(from, p_);
    }
    const std::size_t raw = static_cast<std::size_t>(p_ - start);
    if (escaped) view = out;
    else view = std::string_view(start, raw);
    ++p_;  // the closing quote
    if (view.size() > limits_.max_string_bytes) return fail();
    return true;
}

bool JsonScan::number(double& out) {
    char c = peek();
    if (c != '-' && (c < '0' || c > '9')) return fail();
    const char* start = p_;
    auto digit = [&] { return p_ < end_ && *p_ >= '0' && *p_ <= '9'; };
    if (*p_ == '-') ++p_;
    if (!digit()) return fail();
    if (*p_ == '0') ++p_;
    else while (digit()) ++p_;
    bool integer = true;
    if (p_ < end_ && *p_ == '.') {
        integer = false;
        ++p_;
        if (!digit()) return fail();
        while (digit()) ++p_;
    }
    if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
        integer = false;
        ++p_;
        if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
        if (!digit()) return fail();
        while (digit()) ++p_;
    }
    // As nlohmann stores it: a 64-bit integer when it fits (so "-0" is 0), else a double.
    if (integer) {
        if (*start == '-') {
            std::int64_t v = 0;
            auto r = std::from_chars(start, p_, v);
            if (r.ec == std::errc() && r.ptr == p_) return out = static_cast<double>(v), true;
        } else {
            std::uint64_t v = 0;
            auto r = std::from_chars(start, p_, v);
            if (r.ec == std::errc() && r.ptr == p_) return out = static_cast<double>(v), true;
        }
    }
    std::string text(start, p_);
    char* stop = nullptr;
    out = std::strtod(text.c_str(), &stop);
    if (stop != text.c_str() + text.size() || !std::isfinite(out)) return fail();
    return true;
}

bool JsonScan::literal(const char* word) {
    for (const char* w = word; *w; ++w, ++p_)
        if (p_ >= end_ || *p_ != *w) return fail();
    return true;
}

bool JsonScan::boolean(bool& out) {
    char c = peek();
    if (c == 't') return out = true, literal("true");
    if (c == 'f') return out = false, literal("false");
    return fail();
}

bool JsonScan::skip_value(int depth) {
    if (depth >= limits_.max_depth) return fail();
    std::string text;
    std::string_view view;
    double d;
    switch (peek()) {
        case '"': return string(text, view);
        case 't': return literal("true");
        case 'f': return literal("false");
        case 'n': return literal("null");
        case '[': {
            ++p_;
            if (eat(']')) return true;
            do {
                if (!skip_value(depth + 1)) return false;
            } while (eat(','));
            return eat(']') || fail();
        }
        case '{': {
            ++p_;
            if (eat('}')) return true;
            std::vector<std::string> keys;
            do {
                if (!string(text, view)) return false;
                for (const auto& k : keys)
                    if (k == view) return fail();
                keys.emplace_back(view);
                if (!eat(':') || !skip_value(depth + 1)) return fail();
            } while (eat(','));
            return eat('}') || fail();
        }
        default: return number(d);
    }
}

}  // namespace ys
