// export --xlsx --round: a round's results as a workbook, read back cell by cell: the
// sheets, the About sheet, typed scores equal to `score --format json`, counts, respondents
// with and without names, formula-like names kept as text.
#include <catch2/catch.hpp>

#include <filesystem>

#include <nlohmann/json.hpp>
#ifndef _WIN32
#include <sys/stat.h>
#endif

#include "../../support/portable_test.h"
#include "cli_run.h"
#include "xlsx_read.h"

using namespace ys::test;

namespace {

const char* kRound = "eastmere.2026.council-full";
const char* kFormulaName = "=HYPERLINK(\"http://evil.invalid\",\"x\")";

// A database with the examples and two named respondents, one of them named like a formula.
struct ResultsDb {
    std::string dir, db;
    ResultsDb() {
        dir = std::string(YS_WORK_DIR) + "/results-" + ys::test::pid_text();
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        db = dir + "/councils.db";
        REQUIRE(cli("import --db " + db +
                    " examples/answers/eastmere-2025-full.json examples/answers/eastmere-2026-full.json")
                    .code == 0);
        Run a = cli("respondent add " + std::string(kRound) + " --db " + db +
                    " --role manager --name 'Priya Testname' --email priya.testname@example.invalid");
        INFO(a.err);
        REQUIRE(a.code == 0);
        const std::string key = a.out.substr(0, a.out.find('\n'));
        REQUIRE(cli("answer set " + std::string(kRound) + " " + key + " --db " + db + " full-lead-strategy --value l4").code == 0);
        Run b = cli("respondent add " + std::string(kRound) + " --db " + db + " --role analyst --name '" + kFormulaName +
                    "' --email formula.person@example.invalid");
        INFO(b.err);
        REQUIRE(b.code == 0);
    }
    ~ResultsDb() { std::filesystem::remove_all(dir); }
};

}  // namespace

TEST_CASE("export --xlsx --round: sheets, About, typed scores equal to the score command's", "[xlsx][cli]") {
    ResultsDb d;
    const std::string file = d.dir + "/results.xlsx";
    Run r = cli("export --db " + d.db + " --xlsx " + file + " --round " + kRound + " --date 2026-12-05");
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(r.out == "wrote " + file + " (results workbook)\n");
    XBook book(file);
    CHECK(book.names == std::vector<std::string>{"About", "Dimensions", "Questions", "Respondents"});

    XSheet about = book.sheet("About");
    CHECK(about.row(2) == std::vector<std::string>{"Contents", "Round results"});
    CHECK(about.row(3) == std::vector<std::string>{"Source database", "councils.db"});  // its name, not its folder
    CHECK(about.xml.find(d.dir) == std::string::npos);
    CHECK(about.row(4) == std::vector<std::string>{"Organisation", "Eastmere London Borough Council (fictional) (eastmere)"});
    CHECK(about.row(5) == std::vector<std::string>{"Round", kRound});
    CHECK(about.row(6) == std::vector<std::string>{"Period", "2026"});
    CHECK(about.row(7)[1].find("council-full version 1.1") != std::string::npos);
    CHECK(about.row(8)[1].find("version 1.1") != std::string::npos);
    CHECK(about.row(10) == std::vector<std::string>{"Previous round", "2025"});
    CHECK(about.row(11)[0] == "Made by");
    CHECK(about.row(11)[1].rfind("Yardstick ", 0) == 0);
    CHECK(about.row(12)[0] == "Date made");
    CHECK(about.at("B12").type.empty());
    CHECK(about.at("B12").number() == 46361);  // 5 December 2026 as a real date
    CHECK(book.format_of(about.at("B12")) == "d mmm yyyy");
    CHECK(about.row(13) == std::vector<std::string>{"Anonymised", "No"});

    // The score command's figures (JSON rounds to 4 places).
    Run score = cli("score --db " + d.db + " --round " + kRound + " --format json");
    REQUIRE(score.code == 0);
    const auto json = nlohmann::json::parse(score.out)["rounds"][0];
    XSheet dims = book.sheet("Dimensions");
    CHECK(dims.frozen_header());
    CHECK(dims.columns_with_width() == 16);
    const int last = dims.rows();
    CHECK(dims.autofilter() == "A1:P" + std::to_string(last));
    CHECK(dims.at("A" + std::to_string(last)).value == "overall");
    const XCell& overall = dims.at(dims.column("Score") + std::to_string(last));
    CHECK(overall.type.empty());
    CHECK(book.format_of(overall) == "0.00");
    CHECK(overall.number() == Approx(json["overall"]["score"].get<double>()).margin(5e-5));
    CHECK(dims.at(dims.column("Level") + std::to_string(last)).number() == json["overall"]["level"].get<int>());
    CHECK(dims.at(dims.column("Previous round (2025)") + std::to_string(last)).number() ==
          Approx(json["overall"]["previous"].get<double>()).margin(5e-5));
    CHECK(dims.at(dims.column("Change") + std::to_string(last)).number() ==
          Approx(json["overall"]["change"].get<double>()).margin(5e-5));
    CHECK(dims.at(dims.column("Answered") + std::to_string(last)).number() == json["overall"]["answered"].get<int>());
    CHECK(book.format_of(dims.at(dims.column("Coverage") + std::to_string(last))) == "0%");
    // Each dimension row, by id, against the JSON.
    int matched = 0;
    for (const auto& jd : json["dimensions"])
        for (int row = 2; row < last; ++row)
            if (dims.at("A" + std::to_string(row)).value == jd["id"].get<std::string>() && !jd["score"].is_null()) {
                CHECK(dims.at("D" + std::to_string(row)).number() == Approx(jd["score"].get<double>()).margin(5e-5));
                ++matched;
            }
    CHECK(matched == last - 2);

    XSheet qs = book.sheet("Questions");
    CHECK(qs.frozen_header());
    CHECK(!qs.autofilter().empty());
    CHECK(qs.at("A1").value == "Question id");
    const std::string answered = qs.column("Answered"), na = qs.column("N/A"), dk = qs.column("Don't know");
    REQUIRE(!answered.empty());
    REQUIRE(!na.empty());
    REQUIRE(!dk.empty());
    CHECK(qs.at(answered + "2").type.empty());
    CHECK(book.format_of(qs.at(answered + "2")) == "0");
    CHECK(book.format_of(qs.at(qs.column("Mean score") + "2")) == "0.00");

    XSheet resp = book.sheet("Respondents");
    CHECK(resp.row(1)[2] == "Name");
    CHECK(resp.row(1)[3] == "Email");
    CHECK(resp.rows() == 1 + 12 + 2);
    bool priya = false;
    for (int row = 2; row <= resp.rows(); ++row)
        if (resp.at("C" + std::to_string(row)).value == "Priya Testname") {
            priya = true;
            CHECK(resp.at("D" + std::to_string(row)).value == "priya.testname@example.invalid");
            // Her one answer is a typed score in the question's column.
            const XCell& a = resp.at(resp.column("full-lead-strategy") + std::to_string(row));
            CHECK(a.type.empty());
            CHECK(a.number() == 4);
        }
    CHECK(priya);
    // Names and emails: a new file is for its owner's eyes only.
#ifndef _WIN32  // no mode bits on Windows
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
#endif
}

TEST_CASE("export --xlsx --round: a name that looks like a formula is written as text", "[xlsx][cli]") {
    ResultsDb d;
    const std::string file = d.dir + "/results.xlsx";
    REQUIRE(cli("export --db " + d.db + " --xlsx " + file + " --round " + kRound).code == 0);
    XBook book(file);
    XSheet resp = book.sheet("Respondents");
    bool found = false;
    for (const auto& [ref, c] : resp.cells)
        if (c.value == kFormulaName) {
            found = true;
            CHECK(c.type == "s");
            CHECK_FALSE(c.formula);
        }
    CHECK(found);
    CHECK(resp.xml.find("<f>") == std::string::npos);
}

TEST_CASE("export --xlsx --round --anonymise: no name or email anywhere in the file", "[xlsx][cli]") {
    ResultsDb d;
    const std::string file = d.dir + "/anon.xlsx";
    Run r = cli("export --db " + d.db + " --xlsx " + file + " --round " + kRound + " --anonymise");
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(r.out.find("anonymised") != std::string::npos);
    const std::string all = zip_everything(file);
    REQUIRE(all.find("Round results") != std::string::npos);  // the reader sees the text parts
    for (const char* secret : {"Priya", "Testname", "priya.testname", "example.invalid", "HYPERLINK", "evil.invalid"})
        CHECK(all.find(secret) == std::string::npos);
    XBook book(file);
    XSheet resp = book.sheet("Respondents");
    CHECK(resp.column("Name").empty());
    CHECK(resp.column("Email").empty());
    CHECK(resp.rows() == 1 + 12 + 2);  // every respondent, by key
    CHECK(book.sheet("About").row(13) == std::vector<std::string>{"Anonymised", "Yes"});
}
