#include "money_text.h"

#include <cctype>
#include <cmath>

#include "number_format.h"

namespace ys {

std::string money_words(double v) {
    const double a = std::round(std::fabs(v) * 100) / 100;
    const bool pence = std::fabs(a - std::round(a)) > 0.004;
    std::string text = fixed(a, pence ? 2 : 0), whole = text.substr(0, text.find('.')), rest;
    if (pence) rest = text.substr(text.find('.'));
    std::string out;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i && (whole.size() - i) % 3 == 0) out += ',';
        out += whole[i];
    }
    return (v < 0 && a > 0 ? "-\xC2\xA3" : "\xC2\xA3") + out + rest;
}

std::string count_of(long long n, const std::string& singular, const std::string& plural) {
    return std::to_string(n) + " " + (n == 1 ? singular : plural);
}

std::string fte_number(double fte) {
    std::string s = plain(fte, 2);
    if (s.find('.') == std::string::npos) s += ".0";
    return s;
}

std::string fte_words(double fte) { return fte_number(fte) + " FTE"; }

std::string with_article(const std::string& title) {
    if (title.empty()) return title;
    const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(title[0])));
    const bool vowel = c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    std::string t = title;
    // "Head of data" reads "a head of data"; keep acronyms ("BI developer") as they are.
    if (t.size() > 1 && std::isupper(static_cast<unsigned char>(t[0])) && !std::isupper(static_cast<unsigned char>(t[1])))
        t[0] = c;
    return (vowel ? "an " : "a ") + t;
}

}  // namespace ys
