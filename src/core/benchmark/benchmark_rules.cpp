// How rounds are ordered and named, and the inclusion rules in words.
#include <cctype>
#include <cmath>

#include "benchmark.h"
#include "benchmark_parts.h"
#include "number_format.h"

namespace ys {

using namespace benchmark_parts;

std::string benchmark_letters(std::size_t index) {
    std::string s;
    ++index;
    while (index > 0) {
        --index;
        s.insert(s.begin(), static_cast<char>('A' + index % 26));
        index /= 26;
    }
    return s;
}

bool period_less(const std::string& a, const std::string& b) {
    std::size_t i = 0, j = 0;
    auto digit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
    while (i < a.size() && j < b.size()) {
        if (digit(a[i]) && digit(b[j])) {
            std::size_t i2 = i, j2 = j;
            while (i2 < a.size() && a[i2] == '0') ++i2;
            while (j2 < b.size() && b[j2] == '0') ++j2;
            std::size_t ie = i2, je = j2;
            while (ie < a.size() && digit(a[ie])) ++ie;
            while (je < b.size() && digit(b[je])) ++je;
            if (ie - i2 != je - j2) return ie - i2 < je - j2;
            int c = a.compare(i2, ie - i2, b, j2, je - j2);
            if (c != 0) return c < 0;
            i = ie;
            j = je;
        } else {
            if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
            ++i;
            ++j;
        }
    }
    if ((a.size() - i) != (b.size() - j)) return a.size() - i < b.size() - j;
    return a < b;  // equal by the natural order ("01" and "1"): fall back to plain order
}

bool InclusionRules::default_minimums() const {
    return std::fabs(min_coverage - kDefaultMinCoverage) < kTie && min_respondents == kDefaultMinRespondents;
}

std::string inclusion_rules_text(const InclusionRules& rules) {
    std::string text = "Compared: ";
    text += rules.pick == InclusionRules::Pick::Period ? "each organisation's round for " + rules.period
                                                       : std::string("each organisation's latest round");
    std::vector<std::string> minimums;
    if (rules.min_coverage > kTie) minimums.push_back("at least " + plain(rules.min_coverage * 100, 2) + "% of its questions answered");
    // Every scored round has a respondent: a minimum of 1 (or 0) asks for nothing.
    if (rules.min_respondents > 1) minimums.push_back("at least " + count_of(rules.min_respondents, "respondent", "respondents"));
    if (minimums.empty()) {
        text += ", with no minimum coverage or number of respondents";
    } else {
        text += " with " + joined_list(minimums) + "; a round below " + (minimums.size() > 1 ? "these" : "this") +
                " is left out of ranks and medians";
    }
    if (!rules.default_minimums())
        text += ". The defaults are " + plain(InclusionRules::kDefaultMinCoverage * 100, 2) + "% coverage and " +
                count_of(InclusionRules::kDefaultMinRespondents, "respondent", "respondents");
    return text + ".";
}

}  // namespace ys
