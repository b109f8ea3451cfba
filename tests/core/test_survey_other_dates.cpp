// Survey exports: free text under "Other" (left out, with a warning, the rest of the row
// imported), and a column of dates whose order (day/month or month/day) is decided by all
// its dates.
#include "survey_test_support.h"

#include "timestamps.h"

using namespace ys;
using namespace ys::survey_test;

namespace {

std::int64_t utc(int y, int m, int d, int h, int mi) {
    return days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d)) * 86400 + h * 3600 + mi * 60;
}

}  // namespace

TEST_CASE("Survey CSV: free text under \"Other\" is left out, the rest of the respondent imported", "[survey][other]") {
    SECTION("without --skip-invalid, a typo in an option label is still an error") {
        SurveyImport imp = import_fixture("other-answers.csv");
        CHECK_FALSE(imp.ok());
        CHECK(imp.diags.error_count() == 1);
        expect_one(imp, "row 4, column 2", {"\"Key fields are checkd monthly.\" is not an option of \"q-quality\""});
        expect_one(imp, "row 2, column 2",
                   {"\"Other: we check when something breaks\" is free text (the respondent's own words under "
                    "\"Other\"), not an option of \"q-quality\"",
                    "\"q-quality\" is left unanswered for this respondent; the rest of the row is imported",
                    "(\"q-quality\")"},
                   Severity::Warning);
        expect_one(imp, "row 2, column 3",
                   {"holds free text (the respondent's own words under \"Other\"), not an option of \"q-practices\"",
                    "the options ticked beside it are"},
                   Severity::Warning);
        expect_one(imp, "row 3, column 3", {"\"Other (please specify): spreadsheets\" is free text", "q-practices"},
                   Severity::Warning);
    }
    SECTION("with --skip-invalid, only the row with the typo is left out") {
        SurveyImport imp = import_fixture("other-answers.csv", true);
        INFO(test::all_problems(imp.diags));
        REQUIRE(imp.ok());
        REQUIRE(imp.respondents.size() == 2);
        CHECK(imp.records == std::vector<std::size_t>{2, 3});
        REQUIRE(imp.skipped.size() == 1);
        CHECK(imp.skipped[0].record == 4);
        const Respondent& one = imp.respondents[0];
        CHECK(answer(one, "q-quality") == nullptr);                  // only free text: unanswered
        CHECK(answer(one, "q-practices")->ticked == 0b101);          // the wiki left out, the commas in it too
        CHECK(answer(one, "q-skills-agree")->choice == 2);
        const Respondent& two = imp.respondents[1];
        CHECK(answer(two, "q-quality")->choice == 1);
        CHECK(answer(two, "q-practices") == nullptr);                // not "nothing ticked"
    }
    SECTION("the forms of \"Other\" that are free text, and those that are not") {
        for (const char* other : {"Other", "other:", "Other - kept on paper", "OTHER (please specify)", "Other, please specify: x"}) {
            SurveyImport imp = import_text(std::string("ID,q-quality,q-trained\n1,\"") + other + "\",4\n");
            INFO(other << "\n" << test::all_problems(imp.diags));
            CHECK(imp.ok());
            REQUIRE(imp.respondents.size() == 1);
            CHECK(answer(imp.respondents[0], "q-trained")->number == 4);
            expect_one(imp, "row 2, column 2", {"is free text", "left unanswered"}, Severity::Warning);
        }
        for (const char* not_other : {"Otherwise fine", "Others", "The other one"}) {
            SurveyImport imp = import_text(std::string("ID,q-quality\n1,") + not_other + "\n");
            expect_one(imp, "row 2, column 2", {"is not an option of \"q-quality\""});
        }
        // A number or a chain question has no "Other".
        SurveyImport num = import_text("ID,q-trained\n1,Other: five\n");
        expect_one(num, "row 2, column 2", {"is not a number"});
    }
    SECTION("a checklist item that is not an option is an error, before free text or without it") {
        SurveyImport imp = import_text("ID,q-practices\n1,\"A data dictonary;Other: a wiki\"\n2,Named data owner\n");
        expect_one(imp, "row 2, column 2", {"\"A data dictonary\" is not an option of \"q-practices\""});
        expect_one(imp, "row 3, column 2", {"\"Named data owner\" is not an option of \"q-practices\""});
        // After "Other", words up to the next option are the respondent's own (they may hold separators).
        SurveyImport after = import_text("ID,q-practices\n1,\"Other: a wiki; a dictonary;Named data owners\"\n");
        expect_one(after, "row 2, column 2", {"holds free text"}, Severity::Warning);
        CHECK(answer(after.respondents[0], "q-practices")->ticked == 0b100);
    }
    SECTION("free text between options") {
        SurveyImport imp = import_text("ID,q-practices\n1,\"Named data owners, Other: lists, tables, A data dictionary\"\n");
        INFO(test::all_problems(imp.diags));
        REQUIRE(imp.ok());
        CHECK(answer(imp.respondents[0], "q-practices")->ticked == 0b101);
    }
}

TEST_CASE("Survey CSV: a column of dates is read in the one order that fits them all", "[survey][dates]") {
    SECTION("month/day/year, shown by a later row: the earlier dates wait for it") {
        SurveyImport imp = import_fixture("dates-month-first.csv");
        INFO(test::all_problems(imp.diags));
        REQUIRE(imp.ok());
        REQUIRE(imp.respondents.size() == 3);
        CHECK(answer(imp.respondents[0], "q-quality")->answered_at == utc(2026, 3, 4, 10, 0));
        CHECK(answer(imp.respondents[1], "q-quality")->answered_at == utc(2026, 4, 5, 14, 30));
        CHECK(answer(imp.respondents[2], "q-quality")->answered_at == utc(2026, 4, 13, 9, 15));
        CHECK(contains(all_notes(imp), "dates in column 2 (\"Date Submitted\") are read as month/day/year: row 4's "
                                       "\"04/13/2026 09:15:00 AM\" only reads that way (dates such as row 2's "
                                       "\"03/04/2026 10:00:00 AM\" would read either way)"));
    }
    SECTION("day/month/year, shown by an early row: later dates follow it") {
        SurveyImport imp = import_text("ID,Timestamp,q-quality\n1,13/04/2026 08:00,level-1\n2,03/04/2026 10:00,level-1\n");
        REQUIRE(imp.ok());
        CHECK(answer(imp.respondents[1], "q-quality")->answered_at == utc(2026, 4, 3, 10, 0));
        CHECK(contains(all_notes(imp), "are read as day/month/year: row 2's \"13/04/2026 08:00\" only reads that way"));
    }
    SECTION("every date reads either way: the UK order, and a note says so") {
        SurveyImport imp = import_text("ID,Timestamp,q-quality\n1,03/04/2026 10:00,level-1\n2,05/06/2026,level-2\n");
        REQUIRE(imp.ok());
        CHECK(answer(imp.respondents[0], "q-quality")->answered_at == utc(2026, 4, 3, 10, 0));
        CHECK(answer(imp.respondents[1], "q-quality")->answered_at == utc(2026, 6, 5, 0, 0));
        CHECK(contains(all_notes(imp), "are read as day/month/year, the UK order: every one of them reads either way "
                                       "(such as row 2's \"03/04/2026 10:00\"); if the file is month/day/year, set "
                                       "\"date_order\": \"mdy\" in a mapping file"));
    }
    SECTION("dates that read one way only, or are the same either way, need no note") {
        for (const char* dates : {"14/03/2026,15/03/2026", "2026-03-04T10:00:00Z,2026/03/04 10:00 AM GMT",
                                  "01/01/2026,12/12/2026"}) {
            std::string text = "ID,Timestamp,q-quality\n";
            std::string d = dates;
            const auto comma = d.find(',');
            text += "1," + d.substr(0, comma) + ",level-1\n2," + d.substr(comma + 1) + ",level-1\n";
            SurveyImport imp = import_text(text);
            INFO(text << test::all_problems(imp.diags));
            CHECK(imp.ok());
            CHECK(imp.notes.empty());
        }
    }
    SECTION("dates in both orders: an error at each row against the first, naming it") {
        SurveyImport imp =
            import_text("ID,Timestamp,q-quality\n1,03/04/2026,level-1\n2,14/03/2026,level-1\n3,03/14/2026,level-2\n"
                        "4,04/15/2026,level-2\n5,16/04/2026,level-3\n");
        CHECK_FALSE(imp.ok());
        CHECK(imp.diags.error_count() == 2);
        expect_one(imp, "row 4, column 2",
                   {"\"03/14/2026\" only reads as month/day/year, but row 3 (\"14/03/2026\") only reads as "
                    "day/month/year", "expected every date of the column in one order", "\"date_order\": \"mdy\"",
                    "(\"Timestamp\")"});
        expect_one(imp, "row 5, column 2", {"\"04/15/2026\" only reads as month/day/year, but row 3"});
        // Skipping invalid rows leaves out those two; row 2 is read as day/month/year.
        SurveyImport skip = import_text("ID,Timestamp,q-quality\n1,03/04/2026,level-1\n2,14/03/2026,level-1\n"
                                        "3,03/14/2026,level-2\n", true);
        REQUIRE(skip.ok());
        CHECK(skip.records == std::vector<std::size_t>{2, 3});
        CHECK(answer(skip.respondents[0], "q-quality")->answered_at == utc(2026, 4, 3, 0, 0));
    }
    SECTION("an order given in a mapping file is kept: dates that only read the other way are errors") {
        Diagnostics d("m.json");
        auto m = parse_survey_mapping({{"format", "yardstick-csv-mapping/1"}, {"date_order", "mdy"}}, d);
        REQUIRE(m);
        SurveyImport imp = import_text("ID,Timestamp,q-quality\n1,03/04/2026,level-1\n2,13/04/2026,level-1\n", false, &*m);
        expect_one(imp, "row 3, column 2",
                   {"\"13/04/2026\" is not a date and time", "it reads as day/month/year: the mapping file's "
                                                             "\"date_order\" is \"mdy\""});
        CHECK(answer(imp.respondents[0], "q-quality")->answered_at == utc(2026, 3, 4, 0, 0));
        CHECK(imp.notes.empty());
    }
    SECTION("a date that reads neither way") {
        SurveyImport imp = import_text("ID,Timestamp,q-quality\n1,31/31/2026,level-1\n");
        expect_one(imp, "row 2, column 2",
                   {"\"31/31/2026\" is not a date and time; expected one such as \"14/03/2026 10:22:05\" "
                    "(day/month/year), \"3/14/2026 10:22:05 AM\" (month/day/year)"});
    }
}
