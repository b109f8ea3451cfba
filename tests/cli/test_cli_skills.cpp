// yardstick-cli skills: profile and plan from answer files (a test questionnaire whose roles
// are catalogue roles), every format, anonymised output without names, refusals that write
// nothing, and compare over two councils' anonymised profiles.
#include <catch2/catch.hpp>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "cli_run.h"

using ys::test::cli;
using ys::test::Run;
using ys::test::slurp;

namespace {

const std::string kLib = "--library tests/data/skills/library ";
const std::string kAnswers = "tests/data/skills/eastmere-skills-2026.json ";

}  // namespace

TEST_CASE("cli skills plan: the worked example as JSON, by hand", "[cli][skills]") {
    Run r = cli("skills plan " + kAnswers + kLib + "--start 2026-09-01 --format json");
    INFO(r.err);
    REQUIRE(r.code == 0);
    auto j = nlohmann::json::parse(r.out);
    CHECK(j["format"] == "yardstick-skills/1");
    CHECK(j["anonymised"] == false);
    CHECK(j["people"][0]["name"] == "Ada Example");
    // Ada's three on-the-job items, Cy's 8 courses of £600; no target role given, so Dee has
    // only her 8 gaps against her role: extraction, cleaning and charts (gap 2) and five of 1.
    CHECK(j["plan"]["start"] == "2026-09-01");
    double courses = 0;
    for (const auto& it : j["plan"]["items"])
        if (it["person"] == 2) courses += it["cost"].get<double>();
    CHECK(courses == Approx(4800));
    // Cy's courses are over the training budget: a warning on stderr (the JSON went to stdout).
    CHECK(r.err.find("warning: Cy Example's short courses cost £4,800") != std::string::npos);
}

TEST_CASE("cli skills plan --target-role: the apprenticeship for everyone without a target", "[cli][skills]") {
    Run r = cli("skills plan " + kAnswers + kLib + "--start 2026-09-01 --target-role data-analyst-apprentice --format csv");
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(r.out.rfind("person,remedy,what,skills,start,end,cost,funded,employer_cost,eligible\r\n", 0) == 0);
    CHECK(r.out.find("Dee Example,apprenticeship,\"Data analyst apprenticeship (level 4, ST0118)\"") != std::string::npos);
}

TEST_CASE("cli skills plan --format scenario: a roadmap scenario that yardstick-cli roadmap costs", "[cli][skills]") {
    const std::filesystem::path dir = std::filesystem::path(YS_WORK_DIR) / "skills-scenario";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const std::string out = (dir / "growth.json").string();
    // Everyone without a target aims at senior data analyst; Ben already is one: no post for him.
    Run r = cli("skills plan " + kAnswers + kLib +
                "--start 2026-09-01 --target-role senior-data-analyst --format scenario --out " + out);
    INFO(r.err);
    REQUIRE(r.code == 0);
    auto j = nlohmann::json::parse(slurp(out));
    CHECK(j["format"] == "yardstick-roadmap-scenario/1");
    CHECK(j["team"].size() == 4);
    REQUIRE(j["posts"].size() == 3);
    for (const auto& p : j["posts"]) {
        CHECK(p["route"] == "grown-from");
        CHECK(p["role"] == "senior-data-analyst");
        CHECK(p["grown_from"] != "person-2");
    }
    Run road = cli("roadmap --scenario " + out);
    INFO(road.err);
    CHECK(road.code == 0);
    CHECK(road.out.find("Ada Example into Senior data analyst") != std::string::npos);

    // Only a plan makes a scenario; nothing is written when refused.
    const std::string before = slurp(out);
    Run profile = cli("skills profile " + kAnswers + kLib + "--format scenario --out " + out);
    CHECK(profile.code == 3);
    CHECK(profile.err.find("a roadmap scenario comes from skills plan") != std::string::npos);
    CHECK(slurp(out) == before);
}

TEST_CASE("cli skills profile --anonymise: no name anywhere, in any format", "[cli][skills]") {
    for (const char* format : {"table", "json", "csv"}) {
        Run r = cli("skills plan " + kAnswers + kLib + "--anonymise --start 2026-09-01 --format " + format);
        INFO(format << r.err);
        REQUIRE(r.code == 0);
        for (const char* name : {"Ada", "Ben", "Cy ", "Dee", "r1", "r2"}) CHECK(r.out.find(name) == std::string::npos);
        CHECK(r.out.find("Person 1") != std::string::npos);
    }
    Run p = cli("skills profile " + kAnswers + kLib + "--format table");
    REQUIRE(p.code == 0);
    CHECK(p.out.find("Ada Example") != std::string::npos);
    CHECK(p.out.find("Training plan") == std::string::npos);
}

TEST_CASE("cli skills: refusals name the problem and write nothing", "[cli][skills]") {
    const std::string dir = ys::test::work_dir("skills-refusals");
    const std::string out = dir + "/plan.json";
    Run r = cli("skills plan tests/data/skills/bad-no-role.json " + kLib + "--out " + out);
    CHECK(r.code == 2);
    CHECK(r.err.find("tests/data/skills/bad-no-role.json: /respondents/1: \"Ben Example\" (respondent \"r2\") has no role") !=
          std::string::npos);
    CHECK_FALSE(std::filesystem::exists(out));

    r = cli("skills plan " + kAnswers + kLib + "--target-role chief-wizard --out " + out);
    CHECK(r.code == 2);
    CHECK(r.err.find("--target-role: \"chief-wizard\" is not a role of the catalogue council-data-roles") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(out));

    r = cli("skills plan " + kAnswers + kLib + "--start 2026-02-30");
    CHECK(r.code == 3);
    CHECK(r.err.find("--start: expected a date as YYYY-MM-DD") != std::string::npos);
    r = cli("skills plan " + kAnswers + kLib + "--levy-payer maybe");
    CHECK(r.code == 3);
    r = cli("skills plan examples/answers/northwold-2026-quick.json");
    CHECK(r.code == 2);
    CHECK(r.err.find("is not a skills self-assessment: its audience is organisation") != std::string::npos);
    r = cli("skills teach");
    CHECK(r.code == 3);
    std::filesystem::remove_all(dir);
}

TEST_CASE("cli skills compare: two anonymised profiles pooled, a named one refused", "[cli][skills]") {
    const std::string dir = ys::test::work_dir("skills-compare");
    Run a = cli("skills plan " + kAnswers + kLib + "--anonymise --start 2026-09-01 --format json --out " + dir + "/a.json");
    Run b = cli("skills plan " + kAnswers + kLib + "--anonymise --team Nowhere --format json --out " + dir + "/x.json");
    CHECK(b.code == 2);  // no one in that team
    REQUIRE(a.code == 0);
    // A second council: the same people under another (fictional) name.
    auto other = nlohmann::json::parse(slurp(dir + "/a.json"));
    other["organisation"] = {{"id", "westby"}, {"name", "Westby District Council (fictional)"}, {"type", "district"}};
    ys::test::spit(dir + "/b.json", other.dump());
    Run c = cli("skills compare " + dir + "/a.json " + dir + "/b.json --format json");
    INFO(c.err);
    REQUIRE(c.code == 0);
    auto j = nlohmann::json::parse(c.out);
    CHECK(j["councils"].size() == 2);
    // Extraction: one person at each of levels 0 to 3 in each file: 2 at each in total.
    for (const auto& s : j["skills"])
        if (s["id"] == "data-preparation.extraction") CHECK(s["total_at_level"] == nlohmann::json({2, 2, 2, 2, 0}));
    Run named = cli("skills plan " + kAnswers + kLib + "--format json --out " + dir + "/named.json");
    REQUIRE(named.code == 0);
    Run refused = cli("skills compare " + dir + "/a.json " + dir + "/named.json --out " + dir + "/pooled.json");
    CHECK(refused.code == 2);
    CHECK(refused.err.find("named.json: /anonymised: this profile holds people's names") != std::string::npos);
    Run twice = cli("skills compare " + dir + "/a.json " + dir + "/a.json");
    CHECK(twice.code == 2);
    CHECK(twice.err.find("is already in the comparison") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir + "/pooled.json"));
    std::filesystem::remove_all(dir);
}
