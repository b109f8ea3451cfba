// Text checked at the door (core/text): strict UTF-8, control characters, one limit per
// field, terminal escaping and CSV formula neutralising.
#include <catch2/catch.hpp>

#include <string>

#include "csv.h"
#include "field_limits.h"
#include "text_check.h"

using namespace ys;

namespace {
std::string repeat(const std::string& s, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}
}  // namespace

TEST_CASE("text: UTF-8 is checked strictly", "[text]") {
    CHECK_FALSE(invalid_utf8_at(""));
    CHECK_FALSE(invalid_utf8_at("plain ASCII"));
    CHECK_FALSE(invalid_utf8_at("Llan\xC5\xB5 \xE2\x80\x94 \xF0\x9F\x98\x80"));  // ŵ, em dash, an emoji
    CHECK_FALSE(invalid_utf8_at("\xF4\x8F\xBF\xBF"));                          // U+10FFFF, the last code point
    CHECK_FALSE(invalid_utf8_at("\xED\x9F\xBF"));                              // U+D7FF, just below the surrogates
    CHECK_FALSE(invalid_utf8_at("\xEE\x80\x80"));                              // U+E000, just above them

    CHECK(invalid_utf8_at("ab\xC0\xAF") == 2u);          // overlong '/'
    CHECK(invalid_utf8_at("\xC1\xBF") == 0u);            // overlong, two bytes
    CHECK(invalid_utf8_at("\xE0\x80\xAF") == 0u);        // overlong, three bytes
    CHECK(invalid_utf8_at("\xF0\x80\x80\xAF") == 0u);    // overlong, four bytes
    CHECK(invalid_utf8_at("x\xED\xA0\x80") == 1u);       // U+D800, a surrogate
    CHECK(invalid_utf8_at("\xED\xBF\xBF") == 0u);        // U+DFFF
    CHECK(invalid_utf8_at("\xF4\x90\x80\x80") == 0u);    // U+110000, above the last code point
    CHECK(invalid_utf8_at("\xF5\x80\x80\x80") == 0u);
    CHECK(invalid_utf8_at("\xFF") == 0u);
    CHECK(invalid_utf8_at("abc\x80") == 3u);             // a lone continuation byte
    CHECK(invalid_utf8_at("\xE2\x80") == 0u);            // cut short at the end
    CHECK(invalid_utf8_at("\xE2\x80x") == 0u);           // cut short by another character

    CHECK(utf8_length("Llan\xC5\xB5") == 5u);
}

TEST_CASE("text: names and ids refuse NUL and control characters, notes allow tab and line breaks", "[text]") {
    using std::string_literals::operator""s;
    for (std::string bad : {"a\x1b[31m"s, "a\0b"s, "a\tb"s, "a\nb"s, "a\rb"s, "a\x7f"s, "a\xC2\x9B"s /* U+009B, CSI */}) {
        INFO(bad);
        CHECK_THAT(text_problem(TextField::OrganisationName, bad), Catch::StartsWith("organisation name holds a control character"));
        CHECK_THAT(text_problem(TextField::RespondentName, bad), Catch::Contains("control character"));
        CHECK_FALSE(text_problem(TextField::OrganisationId, bad).empty());
    }
    CHECK_THAT(text_problem(TextField::OrganisationName, "Lon\x1b" "don"), Catch::Contains("(U+001B) at character 4"));
    CHECK(text_problem(TextField::Evidence, "line one\nline two\r\n\tindented") == "");
    CHECK_THAT(text_problem(TextField::Evidence, "a\x1b[2J"), Catch::Contains("only tabs and line breaks"));
    CHECK_THAT(text_problem(TextField::Evidence, "a\rb"), Catch::Contains("U+000D"));  // a CR not before LF
    CHECK_THAT(text_problem(TextField::ActionNotes, std::string("a\0b", 3)), Catch::Contains("U+0000"));
    CHECK_THAT(text_problem(TextField::Evidence, "bad \xC3("), Catch::StartsWith("evidence note is not valid UTF-8 (byte 5 is 0xC3)"));
    CHECK(text_problem(TextField::OrganisationName, "Ynys M\xC3\xB4n (fictional) \xE2\x80\x94 \"quoted\", 'too'") == "");
    CHECK(text_problem(TextField::OrganisationName, "") == "");  // required or not is the caller's rule
}

TEST_CASE("text: ids take lower case letters, digits, '-', '_' and '.'", "[text]") {
    CHECK(text_problem(TextField::OrganisationId, "west-ford_2.a") == "");
    for (const char* bad : {"Westford", "west ford", "-west", "west/ford", "w\xC3\xA9st"}) {
        INFO(bad);
        CHECK_THAT(text_problem(TextField::OrganisationId, bad), Catch::Contains("is not a valid id"));
    }
    CHECK_THAT(text_problem(TextField::PeerGroupId, "A"), Catch::StartsWith("peer group id \"A\""));
}

TEST_CASE("text: one limit per field, counted in characters, at the limit accepted and one over refused", "[text]") {
    CHECK(field_rules().size() == static_cast<std::size_t>(TextField::ActionTitle) + 1);
    for (const FieldRule& r : field_rules()) {
        INFO(r.label);
        CHECK(&field_rule(r.field) == &r);  // the table is in the order of TextField
        // Ids are ASCII; everything else is counted in characters, so use a two-byte one.
        const std::string unit = r.kind == TextKind::Id ? "a" : "\xC3\xA9";
        CHECK(text_problem(r.field, repeat(unit, r.max_chars)) == "");
        std::string over = text_problem(r.field, repeat(unit, r.max_chars + 1));
        CHECK(over == std::string(r.label) + " is longer than " + std::to_string(r.max_chars) + " characters (" +
                          std::to_string(r.max_chars + 1) + "); shorten it");
    }
    CHECK(field_rule(TextField::OrganisationName).max_chars == 200);
    CHECK(field_rule(TextField::Evidence).max_chars == 20000);
    CHECK(field_rule(TextField::ActionNotes).max_chars == 20000);
    CHECK(field_rule(TextField::OrganisationId).max_chars == 128);
}

TEST_CASE("text: terminal output shows control characters escaped", "[text]") {
    CHECK(escape_for_terminal("plain text, \xC5\xB5 and \xE2\x80\x94") == "plain text, \xC5\xB5 and \xE2\x80\x94");
    CHECK(escape_for_terminal("Evil\x1b[31mRED") == "Evil\\x1b[31mRED");
    CHECK(escape_for_terminal("over\rwrite") == "over\\rwrite");
    CHECK(escape_for_terminal("csv line\r\nnext\tcell\n") == "csv line\r\nnext\tcell\n");  // CR LF, tab and LF kept
    CHECK(escape_for_terminal(std::string("nul\0here", 8)) == "nul\\x00here");
    CHECK(escape_for_terminal("del\x7f") == "del\\x7f");
    CHECK(escape_for_terminal("csi\xC2\x9B" "2J") == "csi\\u009b2J");
    CHECK(escape_for_terminal("rtl\xE2\x80\xAEtxt.exe") == "rtl\\u202etxt.exe");  // a bidirectional override
    CHECK(escape_for_terminal("bad \xC3( \xFF") == "bad \\xc3( \\xff");
    CHECK(escape_for_terminal("trailing\r") == "trailing\\r");

    CHECK(terminal_safe_prefix("abc") == 3u);
    CHECK(terminal_safe_prefix("abc\r") == 3u);
    CHECK(terminal_safe_prefix("ab\xE2\x80") == 2u);
    CHECK(terminal_safe_prefix("ab\xE2\x80\x94") == 5u);
    CHECK(terminal_safe_prefix("ab\xF0\x9F\x98") == 2u);
}

TEST_CASE("csv: text cells a spreadsheet would run as a formula get an apostrophe, and read back exactly", "[text][csv]") {
    CHECK(csv_neutralise("=HYPERLINK(\"http://x\",\"y\")") == "'=HYPERLINK(\"http://x\",\"y\")");
    CHECK(csv_neutralise("-dash") == "'-dash");
    CHECK(csv_neutralise("+44 20 7946 0000") == "'+44 20 7946 0000");
    CHECK(csv_neutralise("@x") == "'@x");
    CHECK(csv_neutralise("\tnote") == "'\tnote");
    CHECK(csv_neutralise("\rnote") == "'\rnote");
    CHECK(csv_neutralise("'quoted") == "''quoted");  // an apostrophe that starts a text is doubled
    CHECK(csv_neutralise("plain") == "plain");
    CHECK(csv_neutralise("") == "");
    // Numbers stay numbers.
    for (const char* n : {"-0.5", "+3", "12", "1e-05", "-2.5E+3", ".5"}) {
        INFO(n);
        CHECK(is_plain_number(n));
        CHECK(csv_neutralise(n) == n);
    }
    for (const char* t : {"-", "+", "-e5", "1e", "--1", "-1-1", "-1,5"}) {
        INFO(t);
        CHECK_FALSE(is_plain_number(t));
    }
    CHECK(csv_cell("=1+2,3") == "\"'=1+2,3\"");
    CHECK(csv_cell("=1+2", CsvText::Raw) == "=1+2");

    // Every text comes back as it was.
    for (std::string s : {"=HYPERLINK(\"x\")", "-dash", "@x", "+44 20", "\tnote", "\rx", "'", "''", "'=x", "''=x", "'abc",
                          "-0.5", "it's", "plain", "", "=", "'\t"}) {
        INFO(s);
        CHECK(csv_restore(csv_neutralise(s)) == s);
    }
    // Apostrophes from elsewhere that do not guard a formula are kept.
    CHECK(csv_restore("'abc") == "'abc");
    CHECK(csv_restore("'") == "'");
}
