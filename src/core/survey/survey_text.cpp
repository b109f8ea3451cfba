#include "survey_text.h"

#include <charconv>
#include <cmath>
#include <optional>
#include <system_error>

#include "survey_import.h"

namespace ys::survey {

bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

std::string trim(const std::string& s) {
    std::size_t b = 0, e = s.size();
    while (b < e && is_space(static_cast<unsigned char>(s[b]))) ++b;
    while (e > b && is_space(static_cast<unsigned char>(s[e - 1]))) --e;
    return s.substr(b, e - b);
}

std::string in_quotes(const std::string& s) {
    const std::size_t max = 80;
    if (s.size() <= max) return "\"" + s + "\"";
    std::size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    return "\"" + s.substr(0, cut) + "...\"";
}

std::string join(const std::vector<std::string>& items, const char* sep) {
    std::string s;
    for (const auto& x : items) s += (s.empty() ? "" : sep) + x;
    return s;
}

Special special_words(const std::string& n) {
    if (n == "n/a" || n == "na" || n == "not applicable") return Special::NotApplicable;
    if (n == "don't know" || n == "dont know" || n == "do not know" || n == "i don't know") return Special::DontKnow;
    return Special::None;
}

bool is_none_word(const std::string& n) {
    return n == "none" || n == "none of these" || n == "none of the above";
}

bool is_other_text(const std::string& n, std::size_t from) {
    if (n.compare(from, 5, "other") != 0) return false;
    std::size_t i = from + 5;
    if (i == n.size()) return true;
    if (n[i] == ' ') ++i;
    return i < n.size() && (n[i] == ':' || n[i] == '-' || n[i] == '(' || n[i] == ',' || n[i] == ';');
}

int yes_no(const std::string& n) {
    if (n == "yes" || n == "y" || n == "true") return 1;
    if (n == "no" || n == "n" || n == "false") return 0;
    return -1;
}
std::string respondent_key(const std::string& text) {
    std::string k;
    for (std::size_t i = 0; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if ((c & 0xC0) == 0x80) continue;  // the rest of a character already replaced
        if ((c >= 'a' && c <= 'z') || is_digit(static_cast<char>(c)) || c == '-' || c == '_' || c == '.')
            k += static_cast<char>(c);
        else if (c >= 'A' && c <= 'Z')
            k += static_cast<char>(c - 'A' + 'a');
        else
            k += '-';
    }
    if (k.empty() || !((k[0] >= 'a' && k[0] <= 'z') || is_digit(k[0]))) k = "r-" + k;
    return k;
}


}  // namespace ys::survey

namespace ys {

using survey::is_digit;
using survey::is_space;
using survey::trim;

std::string normalise_answer_text(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    bool space = false;
    for (std::size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (is_space(c)) {
            space = true;
            ++i;
            continue;
        }
        if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {  // no-break space
            space = true;
            i += 2;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
            unsigned char d = static_cast<unsigned char>(s[i + 2]);
            if (d == 0x98 || d == 0x99) {  // curly single quotes
                out += '\'';
                i += 3;
                continue;
            }
            if (d == 0x9C || d == 0x9D) {  // curly double quotes
                out += '"';
                i += 3;
                continue;
            }
        }
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
        ++i;
    }
    return out;
}

std::string normalise_header(const std::string& text) {
    std::string n = normalise_answer_text(text);
    // Microsoft Forms numbers its questions: "3. Which statement ...".
    std::size_t d = 0;
    while (d < n.size() && d < 4 && is_digit(n[d])) ++d;
    if (d > 0 && d + 1 < n.size() && n[d] == '.' && n[d + 1] == ' ') n.erase(0, d + 2);
    while (!n.empty() && (n.back() == '?' || n.back() == ':' || n.back() == '*' || n.back() == ' ')) n.pop_back();
    return n;
}

std::optional<double> parse_survey_number(const std::string& text) {
    const std::string s = trim(text);
    std::size_t i = 0;
    std::string clean;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) {
        if (s[i] == '-') clean += '-';
        ++i;
    }
    std::string whole, frac;
    std::size_t group = 0;
    bool commas = false;
    for (; i < s.size() && (is_digit(s[i]) || s[i] == ','); ++i) {
        if (s[i] == ',') {
            // Thousands separators: a first group of 1 to 3 digits, then groups of 3.
            if (group == 0 || (!commas && group > 3) || (commas && group != 3)) return std::nullopt;
            commas = true;
            group = 0;
        } else {
            whole += s[i];
            ++group;
        }
    }
    if (commas && group != 3) return std::nullopt;
    if (i < s.size() && s[i] == '.') {
        for (++i; i < s.size() && is_digit(s[i]); ++i) frac += s[i];
        if (frac.empty()) return std::nullopt;
    }
    if (i != s.size() || (whole.empty() && frac.empty())) return std::nullopt;
    clean += whole.empty() ? "0" : whole;
    if (!frac.empty()) clean += "." + frac;
    double v = 0;
    auto [ptr, ec] = std::from_chars(clean.data(), clean.data() + clean.size(), v);
    if (ec != std::errc() || ptr != clean.data() + clean.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

}  // namespace ys
