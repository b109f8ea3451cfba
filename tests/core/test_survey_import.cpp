// Survey tools' CSV exports (Microsoft Forms, Google Forms, SurveyMonkey) imported as
// respondents of the tiny-check questionnaire, and every way a row can be wrong, each
// reported at its row and column.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "json_read.h"
#include "survey_import.h"
#include "survey_test_support.h"
#include "test_helpers.h"

using namespace ys;

namespace {

const std::string kData = YS_TEST_DATA;

using survey_test::tiny;

SurveyImport import_text(const std::string& text, const SurveyMapping* mapping = nullptr, bool skip = false,
                         const Questionnaire& q = tiny()) {
    std::istringstream in(text);
    SurveyImportOptions opts;
    opts.skip_invalid = skip;
    return read_survey_csv(in, "survey.csv", q, mapping, opts);
}

SurveyImport import_file(const std::string& name, const SurveyMapping* mapping = nullptr, bool skip = false) {
    std::ifstream in(kData + "/csv/" + name, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + name);
    SurveyImportOptions opts;
    opts.skip_invalid = skip;
    return read_survey_csv(in, name, tiny(), mapping, opts);
}

std::optional<SurveyMapping> mapping_from(const nlohmann::json& j, Diagnostics& d) { return parse_survey_mapping(j, d); }

SurveyMapping load_mapping(const std::string& name) {
    Diagnostics d(name);
    auto j = read_json_file(kData + "/csv/" + name, d);
    if (!j) throw std::runtime_error(test::all_problems(d));
    auto m = parse_survey_mapping(*j, d);
    if (!m) throw std::runtime_error(test::all_problems(d));
    return *m;
}

const Answer* answer(const Respondent& r, const std::string& qid) {
    int qi = tiny().find_question(qid);
    for (const auto& a : r.answers)
        if (a.question == qi) return &a;
    return nullptr;
}

std::vector<Diagnostic> at(const SurveyImport& imp, const std::string& where) {
    std::vector<Diagnostic> out;
    for (const auto& d : imp.diags.items())
        if (d.where == where) out.push_back(d);
    return out;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// The one diagnostic at `where`, with its message containing each of `words`.
void expect_one(const SurveyImport& imp, const std::string& where, std::initializer_list<const char*> words,
                Severity sev = Severity::Error) {
    INFO(test::all_problems(imp.diags));
    auto found = at(imp, where);
    REQUIRE(found.size() == 1);
    CHECK(found[0].severity == sev);
    for (const char* w : words) {
        INFO("expected \"" << w << "\" in: " << found[0].message);
        CHECK(contains(found[0].message, w));
    }
}

constexpr std::int64_t k20260314T102205 = 1773483725;  // 2026-03-14T10:22:05Z
constexpr std::int64_t k20260314 = 1773446400;          // 2026-03-14T00:00:00Z

}  // namespace

TEST_CASE("Survey CSV: a Microsoft Forms export", "[survey]") {
    SurveyImport imp = import_file("ms-forms.csv");
    INFO(test::all_problems(imp.diags));
    REQUIRE(imp.ok());
    REQUIRE(imp.respondents.size() == 3);
    CHECK(imp.records == std::vector<std::size_t>{2, 3, 4});

    SECTION("columns: numbered question texts, respondent columns, the rest ignored") {
        REQUIRE(imp.columns.size() == 13);
        CHECK(imp.columns[0].header == "ID");  // the byte order mark is gone
        CHECK(imp.columns[0].target == "respondent id");
        CHECK(imp.columns[1].target.empty());
        CHECK(imp.columns[1].how == "ignored: column 3 (\"Completion time\") gives the submission time");
        CHECK(imp.columns[2].target == "submitted");
        CHECK(imp.columns[3].target == "email");
        CHECK(imp.columns[4].target == "name");
        CHECK(imp.columns[5].how == "ignored: a survey tool's column");
        CHECK(imp.columns[6].target == "role");
        const char* qids[] = {"q-quality", "q-checks", "q-practices", "q-skills-agree", "q-trained", "q-training-plan"};
        for (std::size_t i = 0; i < 6; ++i) {
            CHECK(imp.columns[7 + i].column == 8 + i);
            CHECK(imp.columns[7 + i].target == qids[i]);
            CHECK(imp.columns[7 + i].how == "text");
        }
    }
    SECTION("respondents") {
        const Respondent& anna = imp.respondents[0];
        CHECK(anna.id == "1");
        CHECK(anna.role == 0);
        CHECK(anna.name == "Anna Example");
        CHECK(anna.email == "anna@eastmere.example");
        REQUIRE(anna.answers.size() == 6);
        CHECK(answer(anna, "q-quality")->choice == 1);
        CHECK(answer(anna, "q-checks")->choice == 1);        // "Yes;No;"
        CHECK(answer(anna, "q-practices")->ticked == 0b011);  // "A data dictionary;Routine quality checks;"
        CHECK(answer(anna, "q-skills-agree")->choice == 2);
        CHECK(answer(anna, "q-trained")->number == 12);
        CHECK(answer(anna, "q-training-plan")->choice == 1);
        for (const auto& a : anna.answers) CHECK(a.answered_at == k20260314T102205);  // the completion time

        const Respondent& ben = imp.respondents[1];
        CHECK(ben.id == "2");
        CHECK(ben.role == 1);  // "analyst", by id
        CHECK(ben.name == "Ben \"BJ\" Example");
        CHECK(answer(ben, "q-quality")->choice == 2);
        CHECK(answer(ben, "q-checks")->choice == 2);
        CHECK(answer(ben, "q-practices")->ticked == 0b100);
        CHECK(answer(ben, "q-trained")->state == AnswerState::NotApplicable);
        CHECK(answer(ben, "q-training-plan") == nullptr);  // its condition does not hold
        CHECK(answer(ben, "q-quality")->answered_at == k20260314T102205 + 43 * 60 + 25);

        const Respondent& chris = imp.respondents[2];
        CHECK(chris.name == "Chris, Example");
        CHECK(answer(chris, "q-quality")->choice == 0);  // by option id
        CHECK(answer(chris, "q-checks")->choice == 0);   // "No;"
        CHECK(answer(chris, "q-practices") == nullptr);  // empty cell: unanswered
        CHECK(answer(chris, "q-trained")->number == 0);
        CHECK(answer(chris, "q-trained")->answered_at == k20260314 + 12 * 3600 + 600);
        CHECK(chris.answers.size() == 4);
    }
    SECTION("an answer to a question not asked is dropped with a warning") {
        expect_one(imp, "row 3, column 13", {"answer ignored", "q-training-plan", "q-skills-agree",
                                             "(\"6. Is there a plan to keep those skills up to date?\")"},
                   Severity::Warning);
        CHECK(imp.diags.items().size() == 1);
    }
}

TEST_CASE("Survey CSV: a Google Forms export", "[survey]") {
    SurveyImport imp = import_file("google-forms.csv");
    INFO(test::all_problems(imp.diags));
    REQUIRE(imp.ok());
    CHECK(imp.diags.items().empty());
    REQUIRE(imp.respondents.size() == 3);
    CHECK(imp.columns[0].target == "submitted");
    CHECK(imp.columns[1].target == "email");
    CHECK(imp.columns[9].header == "Score");
    CHECK(imp.columns[9].how == "ignored: a survey tool's column");

    const Respondent& dee = imp.respondents[0];
    CHECK(dee.id == "row-2");  // no id column: keys by row, the same on every import
    CHECK(dee.role == 0);
    CHECK(dee.email == "dee@example.org");
    CHECK(answer(dee, "q-quality")->choice == 0);
    CHECK(answer(dee, "q-checks")->choice == 1);         // the text of the last step answered yes
    CHECK(answer(dee, "q-practices")->ticked == 0b101);  // ", " between options
    CHECK(answer(dee, "q-trained")->number == 7);
    CHECK(answer(dee, "q-training-plan")->choice == 1);
    CHECK(answer(dee, "q-quality")->answered_at == k20260314T102205);  // "2026/03/14 10:22:05 AM GMT"

    const Respondent& fay = imp.respondents[1];
    CHECK(fay.id == "row-3");
    CHECK(answer(fay, "q-checks")->choice == 0);  // "None"
    CHECK(answer(fay, "q-practices")->ticked == 0b111);
    CHECK(answer(fay, "q-skills-agree")->state == AnswerState::DontKnow);  // curly apostrophe
    CHECK(answer(fay, "q-trained") == nullptr);
    CHECK(answer(fay, "q-quality")->answered_at == k20260314T102205 - 3600);  // "am GMT+1"

    const Respondent& gus = imp.respondents[2];
    CHECK(answer(gus, "q-checks")->choice == 2);
    CHECK(answer(gus, "q-trained")->number == 3.5);
    CHECK(answer(gus, "q-quality")->answered_at == k20260314 + 86400 + 14 * 3600 + 5 * 60);  // "2:05:00 PM"
}

TEST_CASE("Survey CSV: a SurveyMonkey export with a mapping file", "[survey]") {
    SurveyMapping m = load_mapping("surveymonkey-mapping.json");
    CHECK(m.source == "surveymonkey-mapping.json");
    CHECK(m.date_order == DateOrder::MonthDayYear);
    SurveyImport imp = import_file("surveymonkey.csv", &m);
    INFO(test::all_problems(imp.diags));
    REQUIRE(imp.ok());
    CHECK(imp.diags.items().empty());
    REQUIRE(imp.respondents.size() == 2);
    CHECK(imp.records == std::vector<std::size_t>{3, 4});  // the second header row is skipped

    CHECK(imp.columns[0].target == "respondent id");
    CHECK(imp.columns[0].how == "mapping");
    CHECK(imp.columns[1].how == "ignored: a survey tool's column");  // Collector ID
    CHECK(imp.columns[2].target.empty());                            // Start Date
    CHECK(imp.columns[3].target == "submitted");
    CHECK(imp.columns[3].how == "mapping");
    CHECK(imp.columns[9].target == "role");
    CHECK(imp.columns[10].target == "q-quality");
    CHECK(imp.columns[10].how == "mapping");

    const Respondent& eve = imp.respondents[0];
    CHECK(eve.id == "114227001");
    CHECK(eve.role == 0);  // "Head of service", by the mapping
    CHECK(eve.email == "eve@example.org");
    CHECK(answer(eve, "q-quality")->choice == 1);  // "Sometimes checked", by the mapping
    CHECK(answer(eve, "q-checks")->choice == 2);
    CHECK(answer(eve, "q-practices")->ticked == 0b101);
    CHECK(answer(eve, "q-trained")->number == 40);
    CHECK(answer(eve, "q-training-plan")->choice == 0);  // "Not yet", by the mapping
    CHECK(answer(eve, "q-quality")->answered_at == k20260314T102205);  // "03/14/2026 10:22:05 AM"

    const Respondent& hal = imp.respondents[1];
    CHECK(hal.role == 1);
    CHECK(answer(hal, "q-quality")->choice == 2);
    CHECK(answer(hal, "q-checks")->choice == 1);  // a step id
    CHECK(answer(hal, "q-skills-agree")->choice == 1);
    CHECK(answer(hal, "q-trained")->state == AnswerState::NotApplicable);
    CHECK(answer(hal, "q-quality")->answered_at == k20260314 + 14 * 3600 + 5 * 60);  // "02:05:00 PM"

    SECTION("without the mapping nothing matches, which is an error") {
        SurveyImport none = import_file("surveymonkey.csv");
        CHECK_FALSE(none.ok());
        expect_one(none, "row 1", {"no column matches a question of \"tiny-check\"", "mapping"});
    }
}

TEST_CASE("Survey CSV: quoted fields, extra and duplicate columns", "[survey]") {
    SurveyImport imp = import_file("quoted-and-duplicates.csv");
    REQUIRE(imp.columns.size() == 7);
    CHECK(imp.columns[2].target == "q-quality");
    CHECK(imp.columns[2].how == "id");
    CHECK(imp.columns[4].how == "ignored: not a question of \"tiny-check\"");
    CHECK(imp.columns[5].target == "q-quality");
    REQUIRE(imp.respondents.size() == 3);
    CHECK(imp.respondents[0].id == "r1");
    CHECK(answer(imp.respondents[0], "q-quality")->choice == 0);
    CHECK(answer(imp.respondents[0], "q-practices")->ticked == 0b101);
    CHECK(answer(imp.respondents[0], "q-trained")->number == 5);
    CHECK(answer(imp.respondents[1], "q-quality")->choice == 1);  // from the second column
    CHECK(answer(imp.respondents[2], "q-quality")->choice == 2);  // both columns agree
    CHECK(imp.records == std::vector<std::size_t>{2, 3, 4});
    // Both columns answered, differently: an error for that row (record 5: r1 spans two lines).
    CHECK_FALSE(imp.ok());
    expect_one(imp, "row 5, column 6",
               {"\"level-2\" differs from \"level-1\" in column 3 (\"q-quality\")", "same question \"q-quality\"",
                "expected one of them empty, or both the same (\"q-quality\")"});
}

TEST_CASE("Survey CSV: lone CR line ends", "[survey]") {
    SurveyImport imp = import_file("cr-line-ends.csv");
    INFO(test::all_problems(imp.diags));
    REQUIRE(imp.ok());
    REQUIRE(imp.respondents.size() == 2);
    CHECK(imp.records == std::vector<std::size_t>{2, 3});
    CHECK(answer(imp.respondents[1], "q-quality")->choice == 1);
}

TEST_CASE("Survey CSV: every bad row is reported at its row and column", "[survey][bad]") {
    SurveyImport imp = import_file("bad-rows.csv");
    CHECK_FALSE(imp.ok());
    CHECK(imp.diags.error_count() == 16);
    for (const auto& d : imp.diags.items()) CHECK(d.file == "bad-rows.csv");
    expect_one(imp, "row 2, column 4",
               {"\"Sometimes\" is not an option of \"q-quality\"; expected one of: level-1, level-2, level-3",
                "(\"q-quality\")"});
    expect_one(imp, "row 3, column 4", {"question \"q-quality\" does not allow \"not applicable\"", "\"N/A\""});
    expect_one(imp, "row 4, column 5", {"question \"q-checks\" does not allow \"don't know\"", "(\"q-checks\")"});
    expect_one(imp, "row 5, column 6", {"\"Spreadsheets\" is not an option of \"q-practices\"", "dictionary"});
    expect_one(imp, "row 6, column 8", {"expected a number from 0 up to 100, found \"150\""});
    expect_one(imp, "row 7, column 8", {"\"1,5\" is not a number", "'.' for decimals"});
    expect_one(imp, "row 8, column 5", {"step 2 of \"q-checks\" is only asked after a yes to step 1"});
    expect_one(imp, "row 9, column 3",
               {"\"Manager\" is not a respondent role of \"tiny-check\"",
                "expected one of: Senior leader (senior-leader), Analyst (analyst) (\"Role\")"});
    expect_one(imp, "row 10, column 2", {"\"yesterday\" is not a date and time", "14/03/2026", "(\"Timestamp\")"});
    expect_one(imp, "row 11, column 2", {"\"3/14/2026 10:00\"", "month/day/year", "\"date_order\": \"mdy\""});
    expect_one(imp, "row 12, column 1", {"duplicate respondent id \"a\", first in row 2", "(\"ID\")"});
    expect_one(imp, "row 13, column 10", {"a value in a column with no header", "at most 9 columns"});
    expect_one(imp, "row 14, column 5", {"\"q-checks\" has 2 steps, but 3 answers were given"});
    expect_one(imp, "row 15, column 6", {"option \"dictionary\" is ticked twice"});
    expect_one(imp, "row 16, column 9", {"\"Maybe\" is not an option of \"q-training-plan\"; expected one of: no, yes"});
    expect_one(imp, "row 17, column 8", {"\"12 staff\" is not a number"});
    // Only the good row is kept (callers write nothing when ok() is false).
    REQUIRE(imp.respondents.size() == 1);
    CHECK(imp.records[0] == 18);
    CHECK(imp.skipped.empty());
    // Every message is one line.
    for (const auto& d : imp.diags.items()) CHECK(to_string(d).find('\n') == std::string::npos);
}

TEST_CASE("Survey CSV: --skip-invalid leaves bad rows out, as warnings", "[survey][bad]") {
    SurveyImport imp = import_file("bad-rows.csv", nullptr, true);
    CHECK(imp.ok());
    CHECK(imp.diags.error_count() == 0);
    std::vector<std::size_t> skipped;
    for (const auto& s : imp.skipped) skipped.push_back(s.record);
    // Row 12 repeats row 2's id, but row 2 was left out, so row 12 stays.
    CHECK(skipped == std::vector<std::size_t>{2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16, 17});
    CHECK(imp.skipped[0].reason ==
          "\"Sometimes\" is not an option of \"q-quality\"; expected one of: level-1, level-2, level-3 (or their "
          "labels) (\"q-quality\")");
    REQUIRE(imp.respondents.size() == 2);
    CHECK(imp.records == std::vector<std::size_t>{12, 18});
    CHECK(imp.respondents[0].id == "a");
    const Respondent& o = imp.respondents[1];
    CHECK(o.role == 1);
    CHECK(answer(o, "q-checks")->choice == 1);
    CHECK(answer(o, "q-practices")->ticked == 0b100);
    CHECK(answer(o, "q-training-plan")->choice == 1);
    expect_one(imp, "row 2, column 4", {"row skipped: \"Sometimes\" is not an option"}, Severity::Warning);
    expect_one(imp, "row 9, column 3", {"row skipped: \"Manager\""}, Severity::Warning);
}

TEST_CASE("Survey CSV: a file that is not UTF-8 is an error, even when skipping rows", "[survey][bad]") {
    for (bool skip : {false, true}) {
        SurveyImport imp = import_file("bad-utf8.csv", nullptr, skip);
        CHECK_FALSE(imp.ok());
        expect_one(imp, "row 3, column 2",
                   {"invalid UTF-8 (byte 0xA3)", "(line 3, character 4)", "(\"q-quality\")"});
        CHECK(imp.respondents.size() == 1);  // read before the problem; callers write nothing
    }
}

TEST_CASE("Survey CSV: header-level problems", "[survey][bad]") {
    SECTION("an empty file") {
        for (const char* text : {"", "\xEF\xBB\xBF", "\r\n\r\n"}) {
            SurveyImport imp = import_text(text);
            CHECK_FALSE(imp.ok());
            expect_one(imp, "row 1", {"the file is empty; expected a header row"});
        }
    }
    SECTION("no column matches a question") {
        SurveyImport imp = import_text("Timestamp,Colour,Size\n2026-03-14,red,9\n");
        CHECK_FALSE(imp.ok());
        expect_one(imp, "row 1", {"no column matches a question of \"tiny-check\""});
        CHECK(imp.respondents.empty());
    }
    SECTION("a header and no rows is fine, and questions with no column are named") {
        SurveyImport imp = import_text("ID,q-quality\n");
        CHECK(imp.ok());
        CHECK(imp.respondents.empty());
        std::string all = test::all_problems(imp.diags);
        CHECK(contains(all, "survey.csv: row 1: warning: no column for questions q-checks, q-practices"));
        CHECK(contains(all, "warning: no role column"));
    }
    SECTION("a CSV syntax error names its row, column and header") {
        SurveyImport imp = import_text("id,q-quality\nr1,level-1\nr2,lev\"el\n", nullptr, true);
        CHECK_FALSE(imp.ok());
        expect_one(imp, "row 3, column 2", {"a quote inside an unquoted field", "(line 3, character 7)", "(\"q-quality\")"});
    }
    SECTION("an endless line stops at the limit") {
        std::istringstream in("id,q-quality\nr1," + std::string(5000, 'x') + "\n");
        SurveyImportOptions opts;
        opts.limits.max_field_bytes = 1000;
        SurveyImport imp = read_survey_csv(in, "big.csv", tiny(), nullptr, opts);
        CHECK_FALSE(imp.ok());
        expect_one(imp, "row 2, column 2", {"a field longer than 1000 bytes", "(line 2, character 1004)"});
    }
}

TEST_CASE("Survey CSV: respondent keys", "[survey]") {
    SurveyImport imp = import_text("Respondent ID,q-quality\nABC 12,level-1\n#7,level-2\n,level-3\nR_3kX.9,level-1\n");
    INFO(test::all_problems(imp.diags));
    REQUIRE(imp.respondents.size() == 4);
    CHECK(imp.respondents[0].id == "abc-12");
    CHECK(imp.respondents[1].id == "r--7");
    CHECK(imp.respondents[2].id == "row-4");  // empty id cell
    CHECK(imp.respondents[3].id == "r_3kx.9");
    for (const auto& r : imp.respondents) CHECK(is_valid_id(r.id));

    SurveyImport dup = import_text("ID,q-quality\nabc 1,level-1\nABC-1,level-2\n");
    expect_one(dup, "row 3, column 1", {"duplicate respondent id \"abc-1\", first in row 2"});
    SurveyImport longer = import_text("ID,q-quality\n" + std::string(200, 'a') + ",level-1\n");
    expect_one(longer, "row 2, column 1", {"longer than 128 characters"});
}

TEST_CASE("Survey CSV: answer text", "[survey]") {
    SECTION("options by id or label, case and spaces ignored; N/A and don't know words") {
        SurveyImport imp = import_text(
            "q-quality,q-skills-agree,q-trained\n"
            "  LEVEL-2 ,neither   AGREE nor disagree,n/a\n"
            "quality is measured and owned.,Do not know,Not applicable\n"
            "Level-1,Dont know,\"1,000\"\n");
        INFO(test::all_problems(imp.diags));
        REQUIRE(imp.respondents.size() == 2);
        CHECK(answer(imp.respondents[0], "q-quality")->choice == 1);
        CHECK(answer(imp.respondents[0], "q-skills-agree")->choice == 1);
        CHECK(answer(imp.respondents[0], "q-trained")->state == AnswerState::NotApplicable);
        CHECK(answer(imp.respondents[1], "q-quality")->choice == 2);
        CHECK(answer(imp.respondents[1], "q-skills-agree")->state == AnswerState::DontKnow);
        expect_one(imp, "row 4, column 3", {"expected a number from 0 up to 100, found \"1,000\""});
    }
    SECTION("checklist labels holding commas, Google Forms style") {
        Framework fw = test::make_framework({{"format", "yardstick-framework/1"},
                                             {"id", "fw"},
                                             {"version", "1.0"},
                                             {"title", "F"},
                                             {"licence", "CC BY 4.0"},
                                             {"levels", test::levels(1, 3)},
                                             {"scoring", {{"aggregation", "mean"}}},
                                             {"dimensions", {{{"id", "d"}, {"name", "D"}, {"descriptors", test::descriptors(1, 3)}}}}});
        nlohmann::json tools = {{"id", "q-tools"},
                                {"kind", "checklist"},
                                {"text", "Which tools do you use?"},
                                {"dimension", "d"},
                                {"options",
                                 {{{"id", "dash"}, {"label", "Dashboards, reports and maps"}},
                                  {{"id", "reports"}, {"label", "Reports"}},
                                  {{"id", "maps"}, {"label", "Maps"}},
                                  {{"id", "sql"}, {"label", "SQL; or Python"}}}},
                                {"scoring", {{"method", "sum"}}}};
        Questionnaire q = test::make_questionnaire(test::questionnaire("fw", {tools}), fw);
        SurveyImport imp = import_text(
            "Which tools do you use?\n"
            "\"Dashboards, reports and maps, Maps\"\n"
            "\"Reports, Maps, Dashboards, reports and maps\"\n"
            "SQL; or Python;Reports\n"
            "None of these\n"
            "\"Reports, Spreadsheets\"\n",
            nullptr, false, q);
        INFO(test::all_problems(imp.diags));
        REQUIRE(imp.respondents.size() == 4);
        CHECK(imp.respondents[0].answers[0].ticked == 0b0101);
        CHECK(imp.respondents[1].answers[0].ticked == 0b0111);
        CHECK(imp.respondents[2].answers[0].ticked == 0b1010);
        CHECK(imp.respondents[3].answers[0].state == AnswerState::Given);
        CHECK(imp.respondents[3].answers[0].ticked == 0);
        expect_one(imp, "row 6, column 1", {"\"Spreadsheets\" is not an option of \"q-tools\"", "dash, reports, maps, sql"});
    }
    SECTION("chains") {
        SurveyImport imp = import_text(
            "q-checks\nYes;Yes\n\"yes, no\"\nNo\nnone\nmeasured\nIs quality measured and reported?\nMaybe\n");
        REQUIRE(imp.respondents.size() == 6);
        std::vector<int> want = {2, 1, 0, 0, 2, 2};
        for (std::size_t i = 0; i < 6; ++i) CHECK(imp.respondents[i].answers[0].choice == want[i]);
        expect_one(imp, "row 8, column 1",
                   {"\"Maybe\" is not an answer to chain question \"q-checks\"", "\"Yes;No\"", "checked, measured", "None"});
    }
}

TEST_CASE("Survey CSV: mapping files", "[survey][mapping]") {
    auto base = [] {
        return nlohmann::json{{"format", "yardstick-csv-mapping/1"}, {"questionnaire", "tiny-check"}};
    };
    SECTION("a complete mapping reads") {
        Diagnostics d("m.json");
        nlohmann::json j = base();
        j["columns"] = {{"Q1", "q-quality"}};
        j["respondent"] = {{"id", "Ref"}, {"role", "Job"}, {"name", "Who"}, {"email", "Mail"}, {"submitted", "When"}};
        j["roles"] = {{"Boss", "senior-leader"}};
        j["options"] = {{"q-quality", {{"Meh", "level-2"}}}, {"q-trained", {{"Skip", "na"}}}};
        j["date_order"] = "dmy";
        auto m = mapping_from(j, d);
        INFO(test::all_problems(d));
        REQUIRE(m);
        CHECK(m->columns.at("Q1") == "q-quality");
        CHECK(m->respondent.submitted == "When");
        SurveyImport imp = import_text("Ref,Job,Who,Mail,When,Q1,q-trained\nx1,Boss,Al,al@x,14/03/2026 10:22:05,Meh,Skip\n", &*m);
        INFO(test::all_problems(imp.diags));
        REQUIRE(imp.ok());
        REQUIRE(imp.respondents.size() == 1);
        const Respondent& r = imp.respondents[0];
        CHECK(r.id == "x1");
        CHECK(r.role == 0);
        CHECK(r.name == "Al");
        CHECK(answer(r, "q-quality")->choice == 1);
        CHECK(answer(r, "q-trained")->state == AnswerState::NotApplicable);
        CHECK(answer(r, "q-quality")->answered_at == k20260314T102205);
    }
    SECTION("malformed mappings name the JSON pointer") {
        struct Case {
            nlohmann::json patch;
            const char* where;
            const char* words;
        };
        std::vector<Case> cases = {
            {{{"format", "yardstick-csv-mapping/2"}}, "/format", "expected \"yardstick-csv-mapping/1\""},
            {{{"colums", nlohmann::json::object()}}, "/colums", "unknown key \"colums\""},
            {{{"date_order", "ymd"}}, "/date_order", "expected \"dmy\" (day/month/year) or \"mdy\""},
            {{{"columns", {{"Q1", "Q-Quality"}}}}, "/columns/Q1", "is not a valid id"},
            {{{"columns", {{"Q1", 3}}}}, "/columns/Q1", "expected a string, found a number"},
            {{{"columns", {{"3. Role?", "q-quality"}, {"role", "q-checks"}}}}, "/columns/role",
             "the same as \"3. Role?\""},
            {{{"respondent", {{"id", ""}}}}, "/respondent/id", "expected the text of a column's header"},
            {{{"options", {{"Q", {{"a", "b"}}}}}}, "/options/Q", "is not a valid question id"},
            {{{"questionnaire", "Tiny Check"}}, "/questionnaire", "is not a valid id"},
        };
        for (const auto& c : cases) {
            Diagnostics d("m.json");
            nlohmann::json j = base();
            j.update(c.patch);
            auto m = mapping_from(j, d);
            INFO(c.where << ": " << test::all_problems(d));
            CHECK_FALSE(m);
            REQUIRE(d.items().size() >= 1);
            CHECK(d.items()[0].where == c.where);
            CHECK(contains(d.items()[0].message, c.words));
        }
    }
    SECTION("a mapping that does not fit the questionnaire") {
        Diagnostics d("m.json");
        nlohmann::json j = base();
        j["questionnaire"] = "council-quick-check";
        j["columns"] = {{"Q1", "q-nope"}, {"Q2", "q-quality"}, {"Gone", "q-checks"}};
        j["roles"] = {{"Boss", "chief"}};
        j["options"] = {{"q-quality", {{"Meh", "level-9"}, {"Skip", "na"}}}, {"q-nope", {{"x", "y"}}},
                        {"q-checks", {{"Unsure", "dont_know"}}}};
        j["respondent"] = {{"email", "Mail"}};
        auto m = mapping_from(j, d);
        REQUIRE(m);
        SurveyImport imp = import_text("Q1,Q2\na,level-1\n", &*m);
        CHECK_FALSE(imp.ok());
        for (const auto& x : imp.diags.items())
            if (x.where.rfind("/", 0) == 0) CHECK(x.file == "m.json");
        expect_one(imp, "/questionnaire", {"the mapping is for questionnaire \"council-quick-check\"; expected \"tiny-check\""});
        expect_one(imp, "/columns/Q1", {"unknown question \"q-nope\" in questionnaire \"tiny-check\""});
        expect_one(imp, "/columns/Gone", {"no column \"Gone\" in survey.csv"}, Severity::Warning);
        expect_one(imp, "/respondent/email", {"no column \"Mail\""}, Severity::Warning);
        expect_one(imp, "/roles/Boss", {"unknown role \"chief\"; expected one of: senior-leader, analyst"});
        expect_one(imp, "/options/q-quality/Meh", {"\"level-9\" is not an option of \"q-quality\"", "level-1"});
        expect_one(imp, "/options/q-quality/Skip", {"question \"q-quality\" does not allow \"not applicable\""});
        expect_one(imp, "/options/q-nope", {"unknown question \"q-nope\""});
        expect_one(imp, "/options/q-checks/Unsure", {"does not allow \"don't know\""});
        CHECK(imp.columns[0].how == "ignored: not a question of \"tiny-check\"");
        CHECK(imp.columns[1].how == "mapping");
    }
}

TEST_CASE("Survey CSV: timestamps, numbers and header text", "[survey]") {
    const auto dmy = DateOrder::DayMonthYear, mdy = DateOrder::MonthDayYear;
    const std::int64_t t = k20260314T102205;
    CHECK(parse_survey_timestamp("2026-03-14T10:22:05Z", dmy) == t);
    CHECK(parse_survey_timestamp("2026-03-14T11:22:05+01:00", dmy) == t);
    CHECK(parse_survey_timestamp("14/03/2026 10:22:05", dmy) == t);
    CHECK(parse_survey_timestamp("14/03/2026 10:22", dmy) == t - 5);
    CHECK(parse_survey_timestamp("14/03/2026", dmy) == k20260314);
    CHECK(parse_survey_timestamp("14.03.2026 10:22:05", dmy) == t);
    CHECK(parse_survey_timestamp("3/14/2026 10:22:05 AM", mdy) == t);
    CHECK(parse_survey_timestamp("3/14/26 10:22:05 am", mdy) == t);
    CHECK(parse_survey_timestamp("3/14/2026 12:00:00 AM", mdy) == k20260314);
    CHECK(parse_survey_timestamp("3/14/2026 12:30:00 PM", mdy) == k20260314 + 12 * 3600 + 1800);
    CHECK(parse_survey_timestamp("2026/03/14 10:22:05 AM GMT", dmy) == t);
    CHECK(parse_survey_timestamp("2026/03/14 10:22:05 am GMT+1", dmy) == t - 3600);
    CHECK(parse_survey_timestamp("2026/03/14 10:22:05 AM GMT-05:30", dmy) == t + 5 * 3600 + 1800);
    CHECK(parse_survey_timestamp("2026/03/14 11:22:05 BST", dmy) == t);
    CHECK(parse_survey_timestamp("2026/03/14 10:22:05.250 UTC", dmy) == t);
    for (const char* bad : {"", "yesterday", "14/03/2026 25:00", "3/14/2026 10:22:05", "31/02/2026", "14/03/2026 13:00 PM",
                            "14/03/2026 10:22 EST", "2026/03/14 10:22:05 AM GMT+1x", "14/03/202", "14-03/2026",
                            "0/03/2026", "14/03/2026 10:2"})
        CHECK_FALSE(parse_survey_timestamp(bad, dmy));
    CHECK_FALSE(parse_survey_timestamp("14/03/2026 10:22", mdy));

    CHECK(parse_survey_number("12") == 12);
    CHECK(parse_survey_number(" 1,234.5 ") == 1234.5);
    CHECK(parse_survey_number("-3") == -3);
    CHECK(parse_survey_number("+.5") == 0.5);
    CHECK(parse_survey_number("1,000,000") == 1000000);
    for (const char* bad : {"", "1,5", "1,23", "1234,567", ",123", "1.", "1.2.3", "1e3", "inf", "nan", "12 staff",
                            "£5", "0x10", "- 3", "1,234,56"})
        CHECK_FALSE(parse_survey_number(bad));

    CHECK(normalise_header("3. Which statement  fits best? ") == "which statement fits best");
    CHECK(normalise_header("Email *") == "email");
    CHECK(normalise_header("Role:") == "role");
    CHECK(normalise_header("1.5 days") == "1.5 days");
    CHECK(normalise_answer_text("Don\xE2\x80\x99t\xC2\xA0Know") == "don't know");
}
