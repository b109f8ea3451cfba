#pragma once
// Figures in words for plan text, the same whatever the locale.
#include <string>

namespace ys {

// "£50,270", "£1,234.50", "-£3,000": pence only when there are any.
std::string money_words(double pounds);
// "1 year", "3 years"; "1 post", "2 posts"
std::string count_of(long long n, const std::string& singular, const std::string& plural);
// "0.3", "1.0", "1.25": up to two decimals, no trailing zeros, at least one decimal.
std::string fte_number(double fte);
// "0.3 FTE"
std::string fte_words(double fte);
// "a data architect", "an information governance lead": the article a title takes.
std::string with_article(const std::string& title);

}  // namespace ys
