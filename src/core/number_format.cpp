#include "number_format.h"

#include <charconv>
#include <cmath>

namespace ys {

double round_to(double value, int decimals) {
    double f = std::pow(10.0, decimals);
    double r = std::round(value * f) / f;
    return r == 0 ? 0 : r;  // no "-0"
}

std::string fixed(double value, int decimals) {
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, round_to(value, decimals), std::chars_format::fixed, decimals);
    return std::string(buf, res.ptr);
}

std::string plain(double value, int decimals) {
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, round_to(value, decimals));
    return std::string(buf, res.ptr);
}

std::string format_count(std::size_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

std::string format_bytes(std::uint64_t n) {
    if (n < 1000000) return format_count(static_cast<std::size_t>(n)) + (n == 1 ? " byte" : " bytes");
    double mb = static_cast<double>(n) / 1e6;
    if (mb >= 1000) return plain(mb / 1000, 1) + " GB";
    return plain(mb, 1) + " MB";
}

}  // namespace ys
