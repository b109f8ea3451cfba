#pragma once
// Answer files as colleagues send them back from the offline form, for the GUI tests.
#include <string>

namespace ys::gui::test {

// Writes a yardstick-answers/1 file for Westford's 2026 quick check with one respondent
// (`respondent`, role analyst) who answered the strategy question with `level` ("l1".."l5").
void write_answer_file(const std::string& path, const std::string& respondent, const std::string& level);

// Writes a whole file (tests' fixtures).
void spill_file(const std::string& path, const std::string& text);
std::string slurp_file(const std::string& path);

}  // namespace ys::gui::test
