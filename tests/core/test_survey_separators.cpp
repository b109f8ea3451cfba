// Survey exports that are not comma-separated UTF-8: semicolons (Excel in many European
// locales) and tabs, decided by the header row; files in Windows-1252, Latin-1 or UTF-16,
// refused with the likely encoding, where, and how to save as UTF-8.
#include "survey_test_support.h"

using namespace ys;
using namespace ys::survey_test;

TEST_CASE("Survey CSV: a semicolon-separated export (byte order mark, CRLF, quoted semicolons)", "[survey][separator]") {
    SurveyImport imp = import_fixture("semicolon.csv");
    INFO(test::all_problems(imp.diags));
    REQUIRE(imp.ok());
    REQUIRE(imp.columns.size() == 9);
    CHECK(imp.columns[0].header == "ID");  // the byte order mark is gone
    CHECK(imp.columns[4].target == "q-quality");
    CHECK(imp.columns[8].target == "q-trained");
    REQUIRE(imp.respondents.size() == 2);
    const Respondent& anna = imp.respondents[0];
    CHECK(anna.name == "Anna, Example");  // a comma needs no quotes here
    CHECK(answer(anna, "q-quality")->choice == 1);
    CHECK(answer(anna, "q-checks")->choice == 1);          // "Yes;No;", quoted
    CHECK(answer(anna, "q-practices")->ticked == 0b011);   // quoted, with ";" between options
    CHECK(answer(anna, "q-trained")->number == 12);
    CHECK(answer(anna, "q-quality")->answered_at == 1773483720);  // 14/03/2026 10:22
    const Respondent& ben = imp.respondents[1];
    CHECK(ben.name == "Ben; \"BJ\" Example");
    CHECK(answer(ben, "q-checks")->choice == 2);
    CHECK(answer(ben, "q-trained")->number == 4.5);
    CHECK(contains(all_notes(imp), "read as semicolon-separated: the header row splits into 9 columns at semicolons, "
                                   "5 of them questions, against 0 at commas"));
}

TEST_CASE("Survey CSV: a tab-separated export", "[survey][separator]") {
    SurveyImport imp = import_fixture("tab.csv");
    INFO(test::all_problems(imp.diags));
    REQUIRE(imp.ok());
    REQUIRE(imp.respondents.size() == 1);
    CHECK(imp.respondents[0].name == "Anna, Example");
    CHECK(answer(imp.respondents[0], "q-practices")->ticked == 0b101);
    CHECK(contains(all_notes(imp), "read as tab-separated"));
}

TEST_CASE("Survey CSV: in a semicolon-separated file a comma in a number is refused", "[survey][separator][bad]") {
    SurveyImport imp = import_fixture("semicolon-decimal-comma.csv");
    CHECK_FALSE(imp.ok());
    expect_one(imp, "row 4, column 9",
               {"\"1,5\" holds a comma, which in a semicolon-separated file may be a decimal comma",
                "'.' for decimals and no thousands separator"});
    // The same number in a comma-separated file is still read with thousands commas.
    SurveyImport comma = import_text("ID,q-trained\n1,\"1,5\"\n2,\"1,000\"\n");
    expect_one(comma, "row 2, column 2", {"\"1,5\" is not a number"});
}

TEST_CASE("Survey CSV: the separator is decided by the header row", "[survey][separator]") {
    SECTION("a quoted semicolon in a comma-separated file") {
        SurveyImport imp = import_text("ID,\"Notes; comments\",q-practices\n1,\"a;b\",\"A data dictionary;Named data owners\"\n");
        INFO(test::all_problems(imp.diags));
        REQUIRE(imp.ok());
        CHECK(imp.columns.size() == 3);
        CHECK(answer(imp.respondents[0], "q-practices")->ticked == 0b101);
        CHECK(imp.notes.empty());
    }
    SECTION("a quoted comma in a semicolon-separated file") {
        SurveyImport imp = import_text("ID;q-quality;\"Name, in full\";q-trained\r\n1;level-1;\"Smith, Ann\";3\r\n");
        INFO(test::all_problems(imp.diags));
        REQUIRE(imp.ok());
        REQUIRE(imp.columns.size() == 4);
        CHECK(imp.columns[2].header == "Name, in full");
        CHECK(answer(imp.respondents[0], "q-trained")->number == 3);
    }
    SECTION("both characters, unquoted: the split with more question columns wins") {
        SurveyImport imp = import_text("ID;q-quality,q-trained,Name\n1;x,7,Ann\n");
        INFO(test::all_problems(imp.diags));
        REQUIRE(imp.columns.size() == 3);  // at commas: "ID;q-quality", q-trained, Name
        CHECK(imp.columns[1].target == "q-trained");
    }
    SECTION("a line end inside a quoted header") {
        SurveyImport imp = import_text("ID;\"Which statement\r\nfits best?\"\r\n1;level-2\r\n");
        INFO(test::all_problems(imp.diags));
        REQUIRE(imp.ok());
        CHECK(imp.columns[1].target == "q-quality");
        CHECK(answer(imp.respondents[0], "q-quality")->choice == 1);
        CHECK(imp.records == std::vector<std::size_t>{2});  // records, as a spreadsheet numbers its rows
    }
    SECTION("a header row only, and blank lines before it") {
        SurveyImport imp = import_text("\xEF\xBB\xBF\r\n\r\nID;q-quality\r\n");
        INFO(test::all_problems(imp.diags));
        CHECK(imp.ok());
        CHECK(imp.respondents.empty());
        CHECK(imp.columns.size() == 2);
    }
    SECTION("an empty file, or one with a byte order mark only") {
        for (const char* text : {"", "\xEF\xBB\xBF", "\n\n"}) {
            SurveyImport imp = import_text(text);
            expect_one(imp, "row 1", {"the file is empty"});
        }
    }
}

TEST_CASE("Survey CSV: when no separator finds a question, the error says what each makes of the header",
          "[survey][separator][bad]") {
    SurveyImport imp = import_text("Colour;Size;Shape;Weight\n" "red;9;round;2\n");
    SurveyImport longer = import_text("Colour;Size;Shape;Weight;Age\n");
    expect_one(longer, "row 1", {"(\"Colour\", \"Size\", \"Shape\", \"Weight\", ...)"});
    CHECK_FALSE(imp.ok());
    expect_one(imp, "row 1",
               {"no column matches a question of \"tiny-check\"",
                "the header row has one column with 3 semicolons in it: the file looks semicolon-separated, but split "
                "at semicolons no column matches either (\"Colour\", \"Size\", \"Shape\", \"Weight\")",
                "expected headers that are the questions' ids or texts"});
    SurveyImport tabs = import_text("Colour\tSize\tShape\n");
    expect_one(tabs, "row 1", {"one column with 2 tabs in it: the file looks tab-separated"});
    SurveyImport one = import_text("ID;Colour\n");
    expect_one(one, "row 1", {"the header row has one column with 1 semicolon in it: the file looks semicolon-separated"});
    // A comma file that simply has no question says nothing about separators.
    SurveyImport plain = import_text("Colour,Size;x\n");
    expect_one(plain, "row 1", {"no column matches a question"});
    CHECK_FALSE(contains(to_string(plain.diags.items()[0]), "separated"));
}

TEST_CASE("Survey CSV: a row split differently from the header is an error, not a row of empty answers",
          "[survey][separator][bad]") {
    SurveyImport imp = import_text("ID;q-quality;q-trained\n1;level-1;4\n2,level-2,5\n3;level-3;6\n");
    CHECK_FALSE(imp.ok());
    expect_one(imp, "row 3, column 1",
               {"the row has one column with 2 commas in it, but the header row is semicolon-separated",
                "expected the same separator in every row"});
    CHECK(imp.respondents.size() == 2);
    SurveyImport skip = import_text("ID;q-quality;q-trained\n1;level-1;4\n2,level-2,5\n", true);
    CHECK(skip.ok());
    REQUIRE(skip.skipped.size() == 1);
    CHECK(skip.skipped[0].record == 3);
}

TEST_CASE("Survey CSV: limits hold with any separator", "[survey][separator][bad]") {
    SurveyImportOptions opts;
    opts.limits.max_field_bytes = 1000;
    opts.limits.max_record_bytes = 4000;
    SECTION("a huge field in a row") {
        std::istringstream in("ID;q-quality\r\n1;" + std::string(5000, 'x') + "\r\n");
        SurveyImport imp = read_survey_csv(in, "big.csv", tiny(), nullptr, opts);
        expect_one(imp, "row 2, column 2", {"a field longer than 1000 bytes"});
    }
    SECTION("a header row longer than a record may be") {
        std::string header = "ID";
        for (int i = 0; i < 600; ++i) header += ";q-quality";
        std::istringstream in(header + "\n1;level-1\n");
        SurveyImport imp = read_survey_csv(in, "big.csv", tiny(), nullptr, opts);
        CHECK_FALSE(imp.ok());
        INFO(test::all_problems(imp.diags));
        // No separator reads it within the limits: read at the one the line holds most of.
        expect_one(imp, "row 1, column 401", {"a record longer than 4000 bytes", "(line 1, character 4001)"});
    }
    SECTION("an unclosed quote in the header") {
        std::istringstream in("ID;\"q-quality\n1;level-1\n");
        SurveyImport imp = read_survey_csv(in, "q.csv", tiny(), nullptr, opts);
        expect_one(imp, "row 1, column 2", {"has no closing quote"});
    }
}

TEST_CASE("Survey CSV: a Windows-1252 file is refused, naming the encoding, where, and how to save as UTF-8",
          "[survey][encoding][bad]") {
    for (bool skip : {false, true}) {
        SurveyImport imp = import_fixture("windows-1252.csv", skip);
        CHECK_FALSE(imp.ok());
        expect_one(imp, "row 3, column 3",
                   {"invalid UTF-8 (byte 0xEB starts a character that byte 0x20 does not continue)",
                    "the file looks like Windows-1252 or Latin-1 (ISO-8859-1), where byte 0xEB is \"\xC3\xAB\"",
                    "nothing is imported from it", "\"CSV UTF-8 (Comma delimited) (*.csv)\"",
                    "Google Sheets, use File > Download > \"Comma Separated Values (.csv)\"", "(line 3, character 22)",
                    "(\"Name\")"});
    }
}

TEST_CASE("Survey CSV: the likely encoding of a byte that is not UTF-8", "[survey][encoding][bad]") {
    SECTION("a byte only Windows-1252 has: its curly apostrophe") {
        SurveyImport imp = import_text("ID,q-skills-agree\n1,Don\x92t know\n");
        expect_one(imp, "row 2, column 2",
                   {"invalid UTF-8 (byte 0x92)", "Windows-1252 (Excel's \"CSV (Comma delimited)\" on Windows), where "
                                                 "byte 0x92 is \"\xE2\x80\x99\""});
    }
    SECTION("a byte Windows-1252 leaves undefined") {
        SurveyImport imp = import_text("ID,q-quality\n1,a\x81z\n");
        expect_one(imp, "row 2, column 2", {"not UTF-8, nor Windows-1252 (byte 0x81 means nothing there)"});
    }
    SECTION("a file that is UTF-8 until one bad byte") {
        SurveyImport imp = import_text("ID,Name,q-quality\n1,Zo\xC3\xAB,level-1\n2,Zo\xEB,level-2\n");
        expect_one(imp, "row 3, column 2", {"the file is UTF-8 before this point, so it is damaged"});
    }
    SECTION("one bad byte at the very end of the last row, without a line end") {
        SurveyImport imp = import_text("ID,q-quality,Name\n1,level-1,Caf\xE9");
        expect_one(imp, "row 2, column 3",
                   {"a character cut short at the end of the input", "byte 0xE9 is \"\xC3\xA9\"", "CSV UTF-8"});
    }
    SECTION("UTF-16 with a byte order mark: Excel's Unicode Text") {
        SurveyImport le = import_fixture("utf16le.txt");
        expect_one(le, "row 1, column 1",
                   {"the file is UTF-16 little-endian text", "\"Unicode Text\"", "CSV UTF-8 (Comma delimited)"});
        SurveyImport be = import_text(std::string("\xFE\xFF\0I\0D", 6));
        expect_one(be, "row 1, column 1", {"the file is UTF-16 big-endian text"});
    }
    SECTION("UTF-16 without a byte order mark") {
        SurveyImport imp = import_text(std::string("I\0D\0,\0q\0", 8));
        expect_one(imp, "row 1, column 1", {"a NUL byte", "UTF-16 without a byte order mark", "CSV UTF-8"});
    }
    SECTION("a UTF-8 byte order mark is accepted without a word") {
        SurveyImport imp = import_text("\xEF\xBB\xBFID,q-quality\n1,level-1\n");
        SurveyImport without = import_text("ID,q-quality\n1,level-1\n");
        CHECK(imp.ok());
        CHECK(test::all_problems(imp.diags) == test::all_problems(without.diags));  // the header's warnings only
        CHECK(imp.notes.empty());
    }
}
