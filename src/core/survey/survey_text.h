#pragma once
// The survey import's small text helpers, shared by its parts (not a public API).
#include <cstddef>
#include <string>
#include <vector>

namespace ys::survey {

bool is_space(unsigned char c);
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
std::string trim(const std::string& s);
// Input text quoted for a message, cut short (at a character boundary) when long.
std::string in_quotes(const std::string& s);
std::string join(const std::vector<std::string>& items, const char* sep = ", ");

// How a cell can be read without looking at the question's options.
enum class Special { None, NotApplicable, DontKnow };
Special special_words(const std::string& normalised);
bool is_none_word(const std::string& normalised);
// An answer in the respondent's own words under "Other" ("Other: ...", "Other (please
// specify): ...", or "Other" alone), as survey tools write it, at the start of `normalised`.
bool is_other_text(const std::string& normalised, std::size_t from = 0);
// Yes/no words in a chain's list of answers: 1 yes, 0 no, -1 neither.
int yes_no(const std::string& normalised);

// A respondent id made from an id cell ("ABC 12" -> "abc-12"); see docs/survey-csv-import.md.
std::string respondent_key(const std::string& text);

}  // namespace ys::survey
