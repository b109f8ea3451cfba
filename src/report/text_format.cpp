#include "text_format.h"

#include <cmath>
#include <cstdio>

#include "number_format.h"
#include "targets.h"  // is_iso_date

namespace ys::report {
namespace {

const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                               "July",    "August",   "September", "October", "November", "December"};

bool name_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }

}  // namespace

std::string thousands(long long value) {
    bool negative = value < 0;
    unsigned long long v = negative ? 0ULL - static_cast<unsigned long long>(value) : static_cast<unsigned long long>(value);
    std::string digits = std::to_string(v);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return negative ? "-" + out : out;
}

std::string money(double value, int decimals) {
    if (decimals < 0) decimals = 0;
    if (decimals > 2) decimals = 2;
    const long long scale = decimals == 2 ? 100 : decimals == 1 ? 10 : 1;
    // Rounded half away from zero in the smallest unit shown.
    long long units = std::llround(value * static_cast<double>(scale));
    bool negative = units < 0;
    unsigned long long u = negative ? 0ULL - static_cast<unsigned long long>(units) : static_cast<unsigned long long>(units);
    std::string out = "\xC2\xA3" + thousands(static_cast<long long>(u / scale));
    if (decimals > 0) {
        std::string frac = std::to_string(u % scale);
        while (static_cast<int>(frac.size()) < decimals) frac = "0" + frac;
        out += "." + frac;
    }
    return negative ? "-" + out : out;
}

std::string percent(double share) { return thousands(std::llround(share * 100)) + "%"; }

std::string score_text(double score) { return fixed(score, 1); }

std::string signed_change(double change, int decimals) {
    std::string s = fixed(change, decimals);
    if (s[0] == '-') return s;
    bool zero = true;
    for (char c : s)
        if (c >= '1' && c <= '9') zero = false;
    return zero ? s : "+" + s;
}

std::string long_date(const std::string& iso) {
    if (!is_iso_date(iso)) return iso;
    int day = std::stoi(iso.substr(8, 2)), month = std::stoi(iso.substr(5, 2));
    return std::to_string(day) + " " + kMonths[month - 1] + " " + iso.substr(0, 4);
}

std::string month_year(const std::string& iso) {
    if (!is_iso_date(iso)) return iso;
    return std::string(kMonths[std::stoi(iso.substr(5, 2)) - 1]) + " " + iso.substr(0, 4);
}

bool find_placeholders(const std::string& text, std::vector<std::string>& names, std::string& error) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '}') {
            if (i + 1 < text.size() && text[i + 1] == '}') {
                ++i;
                continue;
            }
            error = "a '}' at character " + std::to_string(i + 1) + " closes no placeholder; write \"}}\" for a brace";
            return false;
        }
        if (c != '{') continue;
        if (i + 1 < text.size() && text[i + 1] == '{') {
            ++i;
            continue;
        }
        std::size_t close = text.find('}', i + 1);
        if (close == std::string::npos) {
            error = "the '{' at character " + std::to_string(i + 1) + " is not closed; write \"{{\" for a brace";
            return false;
        }
        std::string name = text.substr(i + 1, close - i - 1);
        if (name.empty()) {
            error = "an empty placeholder \"{}\" at character " + std::to_string(i + 1);
            return false;
        }
        for (char n : name)
            if (!name_char(n)) {
                error = "\"{" + name + "}\" is not a placeholder name; expected lower case letters, digits and '_'";
                return false;
            }
        names.push_back(name);
        i = close;
    }
    return true;
}

std::string substitute(const std::string& text, const std::map<std::string, std::string>& values) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
            out += c;
            ++i;
            continue;
        }
        if (c == '{') {
            std::size_t close = text.find('}', i + 1);
            if (close != std::string::npos) {
                auto it = values.find(text.substr(i + 1, close - i - 1));
                if (it != values.end()) out += it->second;
                i = close;
                continue;
            }
        }
        out += c;
    }
    return out;
}

std::string anchor_text(const std::string& text) {
    std::string out;
    for (char c : text) {
        char l = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        bool ok = (l >= 'a' && l <= 'z') || (l >= '0' && l <= '9');
        if (ok) out += l;
        else if (!out.empty() && out.back() != '-') out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "section" : out;
}

std::string join_words(const std::vector<std::string>& items, const std::string& last) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += i + 1 == items.size() ? " " + last + " " : ", ";
        out += items[i];
    }
    return out;
}

}  // namespace ys::report
