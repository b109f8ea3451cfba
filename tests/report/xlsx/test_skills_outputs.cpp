// The skills report and workbook as a user makes them: `yardstick-cli report skills` (PDF
// checked by qpdf and pdftotext, HTML by check_html.py) and `export --xlsx --skills` (read
// back cell by cell), from answer files and from a stored round; an anonymised output holds
// no name; bad inputs are refused with one line and leave every file as it was.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "../../support/portable_test.h"
#include "cli_run.h"
#include "xlsx_read.h"

using namespace ys::test;

namespace {

// A skills round of four fictional analysts of Eastmere, answered through a copy of the
// shipped self-assessment whose respondent roles are catalogue roles (as version 1.2 has
// them), kept in a library folder of the test's own.
struct SkillsFiles {
    std::string dir, lib, answers, db;
    explicit SkillsFiles(const std::string& name) {
        dir = std::string(YS_WORK_DIR) + "/skills-" + name + "-" + pid_text();
        std::filesystem::remove_all(dir);
        lib = dir + "/lib";
        std::filesystem::create_directories(lib + "/questionnaires");
        nlohmann::json q = nlohmann::json::parse(slurp(std::string(YS_SOURCE_DIR) + "/questionnaires/analyst-skills-self-assessment.json"));
        q["id"] = "skills-report-test";
        q["version"] = "1.0";
        q["respondent_roles"] = nlohmann::json::array();
        for (const char* id : {"performance-information-analyst", "senior-data-analyst", "data-quality-officer"})
            q["respondent_roles"].push_back({{"id", id}, {"name", id}});
        spit(lib + "/questionnaires/skills-report-test.json", q.dump(2));
        struct P {
            const char* id;
            const char* name;
            const char* role;
            int level;
        };
        const std::vector<P> people = {{"r1", "Asha Example", "performance-information-analyst", 1},
                                       {"r2", "Ben Sample", "performance-information-analyst", 3},
                                       {"r3", "Cy Placeholder", "data-quality-officer", 2},
                                       {"r4", "Dee Fictional", "senior-data-analyst", 4}};
        nlohmann::json a = {{"format", "yardstick-answers/1"},
                            {"questionnaire", {{"id", "skills-report-test"}, {"version", "1.0"}}},
                            {"organisation", {{"id", "eastmere"}, {"name", "Eastmere District Council (fictional)"}, {"type", "district"}}},
                            {"period", "2026"},
                            {"respondents", nlohmann::json::array()}};
        for (const auto& p : people) {
            nlohmann::json r = {{"id", p.id}, {"name", p.name}, {"role", p.role}, {"answers", nlohmann::json::object()}};
            for (const auto& section : q["sections"])
                for (const auto& question : section["questions"]) {
                    const nlohmann::json* options = question.contains("options") ? &question["options"] : nullptr;
                    if (!options && question.contains("scale")) options = &q["scales"][question["scale"].get<std::string>()];
                    if (!options) continue;
                    for (const auto& o : *options)
                        if (o.value("score", -1.0) == p.level) r["answers"][question["id"].get<std::string>()] = {{"value", o["id"]}};
                }
            a["respondents"].push_back(r);
        }
        answers = dir + "/skills-2026.json";
        spit(answers, a.dump(2));
        db = dir + "/skills.db";
    }
    ~SkillsFiles() { std::filesystem::remove_all(dir); }
    std::string from_files() const { return answers + " --library " + lib + " --start 2026-09-01"; }
};

std::string pdf_text(const std::string& pdf) {
    REQUIRE(std::system(("pdftotext -layout " + pdf + " " + pdf + ".txt").c_str()) == 0);
    return slurp(pdf + ".txt");
}

const char* kNames[] = {"Asha Example", "Ben Sample", "Cy Placeholder", "Dee Fictional"};

}  // namespace

TEST_CASE("report skills: from answer files, a PDF qpdf accepts and checked HTML naming the team for the data lead",
          "[cli][report][skills]") {
    SkillsFiles f("named");
    const std::string pdf = f.dir + "/team.pdf", html = f.dir + "/team.html";
    Run r = cli("report skills " + f.from_files() + " --target-role senior-data-analyst --out " + pdf + " --html " + html +
                " --fixed-date");
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(r.out.find("wrote " + pdf) != std::string::npos);
    CHECK(std::system(("qpdf --check " + pdf + " > /dev/null 2>&1").c_str()) == 0);
    CHECK(std::system(("python3 " + std::string(YS_SOURCE_DIR) + "/tests/report/check_html.py " + html + " > /dev/null").c_str()) == 0);
    const std::string text = pdf_text(pdf), page = slurp(html);
    for (const char* h : {"Team skills profile and training plan", "Skills by person", "Gaps against roles",
                          "Readiness for target roles", "Training plan", "How the figures are worked out", "Assumptions"}) {
        INFO(h);
        CHECK(text.find(h) != std::string::npos);
        CHECK(page.find(h) != std::string::npos);
    }
    for (const char* name : kNames) {
        INFO(name);
        CHECK(page.find(name) != std::string::npos);
    }
    CHECK(page.find("Eastmere District Council (fictional)") != std::string::npos);
    CHECK(page.find("answer file skills-2026.json") != std::string::npos);
#ifndef _WIN32
    // Personal data: a named report is for its owner only.
    CHECK((std::filesystem::status(pdf).permissions() & std::filesystem::perms::others_read) == std::filesystem::perms::none);
#endif
}

TEST_CASE("report skills and export --skills: anonymised outputs hold no name, and the same input gives the same bytes",
          "[cli][report][skills][xlsx]") {
    SkillsFiles f("anon");
    const std::string pdf = f.dir + "/team.pdf", html = f.dir + "/team.html", xlsx = f.dir + "/team.xlsx";
    const std::string args = "report skills " + f.from_files() + " --anonymise --out " + pdf + " --html " + html + " --fixed-date";
    Run r = cli(args);
    INFO(r.err);
    REQUIRE(r.code == 0);
    const std::string text = pdf_text(pdf), page = slurp(html), first = slurp(pdf);
    Run x = cli("export --xlsx " + xlsx + " --skills " + f.from_files() + " --anonymise --date 2026-12-05");
    INFO(x.err);
    REQUIRE(x.code == 0);
    const std::string book = zip_everything(xlsx);
    for (const char* name : kNames) {
        INFO(name);
        CHECK(text.find(name) == std::string::npos);
        CHECK(page.find(name) == std::string::npos);
        CHECK(book.find(name) == std::string::npos);
    }
    CHECK(page.find("Person 1") != std::string::npos);
    CHECK(book.find("Person 1") != std::string::npos);
    REQUIRE(cli(args).code == 0);
    CHECK(slurp(pdf) == first);
}

TEST_CASE("export --xlsx --skills: the sheets, each person's levels and the plan's totals as numbers",
          "[cli][xlsx][skills]") {
    SkillsFiles f("book");
    const std::string xlsx = f.dir + "/team.xlsx";
    Run r = cli("export --xlsx " + xlsx + " --skills " + f.from_files() + " --date 2026-12-05");
    INFO(r.err);
    REQUIRE(r.code == 0);
    const std::string wb = zip_part(xlsx, "xl/workbook.xml");
    for (const char* sheet : {"About", "People", "Spread", "Gaps", "Readiness", "Training plan", "Summary", "Assumptions"}) {
        INFO(sheet);
        CHECK(wb.find(std::string("name=\"") + sheet + "\"") != std::string::npos);
    }
    const std::string all = zip_everything(xlsx);
    CHECK(all.find("Asha Example") != std::string::npos);
    CHECK(all.find("Short course") != std::string::npos);
    CHECK(all.find("Extracting data from source systems") != std::string::npos);
}

TEST_CASE("report skills: from a stored round, by round or by the organisation's latest skills round",
          "[cli][report][skills]") {
    SkillsFiles f("stored");
    Run imp = cli("import --db " + f.db + " --library " + f.lib + " " + f.answers);
    INFO(imp.err);
    REQUIRE(imp.code == 0);
    const std::string pdf = f.dir + "/team.pdf";
    Run r = cli("report skills --db " + f.db + " --org eastmere --library " + f.lib + " --start 2026-09-01 --out " + pdf);
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(pdf_text(pdf).find("Asha Example") != std::string::npos);
    Run none = cli("report skills --db " + f.db + " --round eastmere.2030.nothing --library " + f.lib + " --out " + pdf);
    CHECK(none.code != 0);
    CHECK(none.err.find("eastmere.2030.nothing") != std::string::npos);
}

TEST_CASE("report skills: refusals are one line and leave every file as it was", "[cli][report][skills]") {
    SkillsFiles f("refusals");
    const std::string pdf = f.dir + "/team.pdf";
    const std::string before = slurp(f.answers);
    // No source, two sources, no output.
    Run r = cli("report skills --out " + pdf);
    CHECK(r.code == 3);
    CHECK(r.err.find("--round ID, --org ID") != std::string::npos);
    r = cli("report skills --round x " + f.from_files() + " --out " + pdf);
    CHECK(r.code == 3);
    r = cli("report skills " + f.from_files());
    CHECK(r.code == 3);
    CHECK(r.err.find("--out FILE.pdf, --html FILE.html or both") != std::string::npos);
    // Bad options.
    r = cli("report skills " + f.from_files() + " --levy-payer maybe --out " + pdf);
    CHECK(r.code == 3);
    CHECK(r.err.find("--levy-payer") != std::string::npos);
    r = cli("report skills " + f.answers + " --library " + f.lib + " --start 2026-02-30 --out " + pdf);
    CHECK(r.code == 3);
    CHECK(r.err.find("--start") != std::string::npos);
    // The output may not be an input: the answer file is left byte for byte.
    r = cli("report skills " + f.from_files() + " --html " + f.answers);
    CHECK(r.code == 3);
    CHECK(slurp(f.answers) == before);
    // A target role the catalogue lacks; a round of the maturity questionnaire, not a skills round.
    r = cli("report skills " + f.from_files() + " --target-role astronaut --out " + pdf);
    CHECK(r.code == 2);
    CHECK(r.err.find("astronaut") != std::string::npos);
    r = cli("report skills examples/answers/eastmere-2026-full.json --start 2026-09-01 --out " + pdf);
    CHECK(r.code == 2);
    CHECK(r.err.find("not a skills round") != std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK_FALSE(std::filesystem::exists(pdf));
    // The workbook likewise.
    r = cli("export --xlsx " + f.dir + "/x.xlsx --skills");
    CHECK(r.code == 3);
    CHECK_FALSE(std::filesystem::exists(f.dir + "/x.xlsx"));
}
