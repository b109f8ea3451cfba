#include "returns_support.h"

#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

namespace ys::gui::test {

void spill_file(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    REQUIRE(out.good());
}

std::string slurp_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void write_answer_file(const std::string& path, const std::string& respondent, const std::string& level) {
    spill_file(path, R"J({
  "format": "yardstick-answers/1",
  "questionnaire": {"id": "council-quick-check", "version": "1.1"},
  "organisation": {"id": "westford", "name": "Westford (fictional)", "type": "london-borough"},
  "period": "2026",
  "respondents": [{"id": ")J" + respondent + R"J(", "role": "analyst",
                   "answers": {"qc-strategy": {"value": ")J" + level + R"J("}}}]
}
)J");
}

}  // namespace ys::gui::test
