#pragma once
// Text for reports: money, scores, percentages and dates written the same way whatever the
// user's locale, and the {placeholder} substitution used by report templates.
#include <map>
#include <string>
#include <vector>

namespace ys::report {

// "£53,370" (decimals 0) or "£53,370.00" (decimals 2): rounded half away from zero, commas
// between thousands, "-£1,200" when negative, never "-£0".
std::string money(double value, int decimals = 0);
// "53,370": a whole number with commas between thousands.
std::string thousands(long long value);
// "83%": a share from 0 to 1 as a whole percentage.
std::string percent(double share);
// "2.4": a score (or level) with one decimal place.
std::string score_text(double score);
// "+0.3", "-0.2", "0.0": a change with its sign.
std::string signed_change(double change, int decimals = 1);
// "21 November 2026" for "2026-11-21"; text that is not a date comes back unchanged.
std::string long_date(const std::string& iso_date);
// "November 2026" for "2026-11-21".
std::string month_year(const std::string& iso_date);

// Placeholders are written {name}, with name made of lower case letters, digits and '_';
// "{{" and "}}" stand for literal braces. Collects the names in order of appearance.
// Returns false with a one-line reason on an unclosed or empty brace or a bad name.
bool find_placeholders(const std::string& text, std::vector<std::string>& names, std::string& error);
// Replaces each {name} with values.at(name) ("" when the map has no such name) and the
// doubled braces with single ones. Text is substituted once: a value is never re-scanned.
std::string substitute(const std::string& text, const std::map<std::string, std::string>& values);

// "leadership" -> "leadership"; "data.quality" -> "data-quality": a string made fit for a
// Heading anchor ([a-z0-9-]).
std::string anchor_text(const std::string& text);

// "a, b and c"
std::string join_words(const std::vector<std::string>& items, const std::string& last = "and");

}  // namespace ys::report
