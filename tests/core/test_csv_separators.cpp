// The CSV reader with another separator (semicolons, tabs), and what kind of problem
// stopped it, which the survey import uses to name a file's encoding.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "csv.h"

using namespace ys;
using Rows = std::vector<std::vector<std::string>>;

namespace {

struct Read {
    Rows rows;
    std::string error;
    CsvProblem problem = CsvProblem::None;
};

Read read_all(const std::string& text, char sep, CsvLimits limits = {}) {
    std::istringstream in(text);
    CsvReader r(in, limits, sep);
    Read out;
    std::vector<std::string> f;
    while (r.next(f)) out.rows.push_back(f);
    out.error = r.error();
    out.problem = r.problem();
    return out;
}

}  // namespace

TEST_CASE("CSV: semicolon- and tab-separated records", "[csv][separator]") {
    Read semi = read_all("\xEF\xBB\xBF" "a;\"b;c\";d,e\r\n\"x \"\"y\"\"\";;z\r\n", ';');
    REQUIRE(semi.error.empty());
    CHECK(semi.rows == Rows{{"a", "b;c", "d,e"}, {"x \"y\"", "", "z"}});
    Read tab = read_all("a\tb, c;d\t\"e\tf\"\n", '\t');
    REQUIRE(tab.error.empty());
    CHECK(tab.rows == Rows{{"a", "b, c;d", "e\tf"}});
    // Long runs of plain text (read in bulk) still stop at the separator.
    const std::string run(70000, 'x');
    Read bulk = read_all(run + ";" + run + "," + run + "\n", ';');
    REQUIRE(bulk.error.empty());
    REQUIRE(bulk.rows.size() == 1);
    CHECK(bulk.rows[0].size() == 2);
    CHECK(bulk.rows[0][1].size() == 2 * run.size() + 1);
    // Text after a closing quote names the separator expected.
    Read bad = read_all("\"a\",b\n", ';');
    CHECK(bad.error.find("text after the closing quote of a field; expected a semicolon or the end of the line") !=
          std::string::npos);
    CHECK(bad.problem == CsvProblem::Syntax);
    CHECK(csv_separator_name(',') == "comma");
    CHECK(csv_separator_name('\t') == "tab");
    CHECK(csv_separator_name('|') == "'|'");
}

TEST_CASE("CSV: what kind of problem stopped the reader", "[csv][encoding]") {
    CHECK(read_all("a,b\n", ',').problem == CsvProblem::None);
    CHECK(read_all("a,b\"\n", ',').problem == CsvProblem::Syntax);
    CsvLimits small;
    small.max_field_bytes = 4;
    CHECK(read_all("abcdef\n", ',', small).problem == CsvProblem::Limit);
    CHECK(read_all("caf\xE9\n", ',').problem == CsvProblem::NotUtf8);
    CHECK(read_all("\xFF\xFE" "a", ',').problem == CsvProblem::Utf16);
    CHECK(read_all(std::string("a\0b", 3), ',').problem == CsvProblem::NotText);
}

TEST_CASE("CSV: the likely encoding of a file that is not UTF-8", "[csv][encoding]") {
    CHECK(not_utf8_advice(0xE9, false).find("Windows-1252 or Latin-1 (ISO-8859-1), where byte 0xE9 is \"\xC3\xA9\"") !=
          std::string::npos);
    CHECK(not_utf8_advice(0xA3, false).find("byte 0xA3 is \"\xC2\xA3\"") != std::string::npos);
    CHECK(not_utf8_advice(0xA0, false).find("byte 0xA0 is a no-break space") != std::string::npos);
    CHECK(not_utf8_advice(0x80, false).find("Windows-1252 (Excel's \"CSV (Comma delimited)\" on Windows), where byte "
                                            "0x80 is \"\xE2\x82\xAC\"") != std::string::npos);
    for (unsigned char undefined : {0x81, 0x8D, 0x8F, 0x90, 0x9D})
        CHECK(not_utf8_advice(undefined, false).find("nor Windows-1252") != std::string::npos);
    CHECK(not_utf8_advice(0xE9, true).find("UTF-8 before this point") != std::string::npos);
    for (unsigned char b : {0x80, 0x9F, 0xE9})
        CHECK(not_utf8_advice(b, false).find("CSV UTF-8 (Comma delimited)") != std::string::npos);
    // Every message is one line of valid UTF-8, whichever byte it names.
    for (int b = 0x80; b <= 0xFF; ++b) {
        const std::string s = not_utf8_advice(static_cast<unsigned char>(b), false);
        CHECK(s.find('\n') == std::string::npos);
        std::istringstream in(csv_cell(s, CsvText::Raw));
        CsvReader check(in);  // reads the message as UTF-8 text
        std::vector<std::string> f;
        check.next(f);
        CHECK(check.problem() == CsvProblem::None);
    }
}
