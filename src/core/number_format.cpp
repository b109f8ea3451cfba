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

}  // namespace ys
