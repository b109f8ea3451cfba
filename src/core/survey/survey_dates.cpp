#include <string>

#include "survey_import.h"
#include "survey_text.h"
#include "timestamps.h"

namespace ys {

using survey::is_digit;
using survey::trim;

std::optional<std::int64_t> parse_survey_timestamp(const std::string& text, DateOrder order) {
    const std::string s = trim(text);
    if (auto t = parse_iso_datetime(s)) return t;
    std::size_t i = 0;
    // Reads 1..max digits; fails when more follow.
    auto number = [&](std::size_t max, int& value, std::size_t& count) {
        value = 0;
        count = 0;
        while (i < s.size() && is_digit(s[i])) {
            if (++count > max) return false;
            value = value * 10 + (s[i++] - '0');
        }
        return count > 0;
    };
    auto skip_spaces = [&]() {
        while (i < s.size() && s[i] == ' ') ++i;
    };
    auto word = [&](const char* w) {  // case-insensitive
        std::size_t k = 0;
        for (; w[k]; ++k) {
            if (i + k >= s.size()) return false;
            char c = s[i + k];
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
            if (c != w[k]) return false;
        }
        i += k;
        return true;
    };
    int a, b, c;
    std::size_t na, nb, nc;
    if (!number(4, a, na) || i >= s.size()) return std::nullopt;
    const char sep = s[i];
    if (sep != '/' && sep != '-' && sep != '.') return std::nullopt;
    ++i;
    if (!number(2, b, nb) || i >= s.size() || s[i] != sep) return std::nullopt;
    ++i;
    if (!number(4, c, nc)) return std::nullopt;
    int y, m, d;
    if (na == 4) {
        if (nc > 2) return std::nullopt;
        y = a, m = b, d = c;
    } else {
        if (na > 2 || (nc != 4 && nc != 2)) return std::nullopt;
        y = nc == 2 ? 2000 + c : c;
        if (order == DateOrder::DayMonthYear) d = a, m = b;
        else m = a, d = b;
    }
    if (!valid_date(y, m, d)) return std::nullopt;
    int h = 0, mi = 0, se = 0;
    std::int64_t offset = 0;
    if (i < s.size() && s[i] == ',') ++i;
    skip_spaces();
    if (i < s.size()) {
        std::size_t nh, nm, ns;
        if (!number(2, h, nh) || i >= s.size() || s[i] != ':') return std::nullopt;
        ++i;
        if (!number(2, mi, nm) || nm != 2) return std::nullopt;
        if (i < s.size() && s[i] == ':') {
            ++i;
            if (!number(2, se, ns) || ns != 2) return std::nullopt;
            if (i < s.size() && s[i] == '.') {
                ++i;
                if (i >= s.size() || !is_digit(s[i])) return std::nullopt;
                while (i < s.size() && is_digit(s[i])) ++i;
            }
        }
        skip_spaces();
        int half = -1;  // 0 am, 1 pm
        if (word("am") || word("a.m.")) half = 0;
        else if (word("pm") || word("p.m.")) half = 1;
        if (half >= 0) {
            if (h < 1 || h > 12) return std::nullopt;
            h = h % 12 + (half == 1 ? 12 : 0);
        }
        if (h > 23 || mi > 59 || se > 60) return std::nullopt;
        skip_spaces();
        bool zone = false;
        if (word("gmt") || word("utc")) {
            zone = true;
        } else if (word("bst")) {
            offset = 3600;
            zone = true;
        } else if (i < s.size() && s[i] == 'Z') {
            ++i;
            zone = true;
        }
        if (i < s.size() && (s[i] == '+' || s[i] == '-') && offset == 0 && !(zone && s[i - 1] == 'Z')) {
            const int sign = s[i] == '+' ? 1 : -1;
            ++i;
            int oh = 0, om = 0;
            std::size_t noh, nom;
            if (!number(4, oh, noh)) return std::nullopt;
            if (noh == 4) {  // +0100
                om = oh % 100;
                oh /= 100;
            } else if (noh == 3) {
                return std::nullopt;
            } else if (i < s.size() && s[i] == ':') {
                ++i;
                if (!number(2, om, nom) || nom != 2) return std::nullopt;
            }
            if (oh > 14 || om > 59) return std::nullopt;
            offset = sign * (oh * 3600 + om * 60);
        }
        skip_spaces();
        if (i != s.size()) return std::nullopt;
    }
    const std::int64_t t =
        days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d)) * 86400 + h * 3600 + mi * 60 + se - offset;
    if (!time_in_range(t)) return std::nullopt;
    return t;
}

}  // namespace ys
