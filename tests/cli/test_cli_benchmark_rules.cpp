// yardstick-cli benchmark's inclusion rules: the defaults (60% coverage, 3 respondents) in
// every output format, a round below them listed and marked, the options that change them
// and their bad values.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>
#include <unistd.h>

#include "cli_run.h"

using namespace ys::test;

namespace {

const std::string kDefaults =
    "Compared: each organisation's latest round with at least 60% of its questions answered and at least 3 respondents; "
    "a round below these is left out of ranks and medians.";
const std::string kThree = " --org eastmere --org northwold --org ashby-vale";

// The example councils, and an empty 2027 round of Eastmere: its latest round, below the rules.
struct RulesDb {
    std::string db;
    RulesDb() {
        std::filesystem::create_directories(YS_WORK_DIR);
        db = std::string(YS_WORK_DIR) + "/bench-rules-" + std::to_string(::getpid()) + ".db";
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
        REQUIRE(cli("import --db " + db +
                    " examples/answers/eastmere-2025-full.json examples/answers/eastmere-2026-full.json"
                    " examples/answers/northwold-2026-quick.json examples/answers/ashby-vale-2026-full.json")
                    .code == 0);
        REQUIRE(cli("round new --org eastmere --questionnaire council-full --period 2027 --db " + db).code == 0);
    }
    ~RulesDb() {
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
    }
};

}  // namespace

TEST_CASE("cli benchmark: the default rules, printed, and a round below them marked", "[cli][benchmark][rules]") {
    RulesDb d;
    SECTION("table") {
        Run r = cli("benchmark" + kThree + " --db " + d.db);
        INFO(r.out << r.err);
        REQUIRE(r.code == 0);
        CHECK(r.out.find("3 organisations compared, 2 rounds left out.\n" + kDefaults + "\n") != std::string::npos);
        // Eastmere is compared by its 2026 round; its empty 2027 one is shown beside it, marked.
        CHECK(r.out.find("Eastmere London Borough Council (fictional) 2026") != std::string::npos);
        CHECK(r.out.find("2027      council-full 1.1            0            0%        below the rules, not compared\n") !=
              std::string::npos);
        CHECK(r.out.find("Eastmere London Borough Council (fictional), 2027, council-full 1.1: coverage 0% below the 60% "
                         "minimum; 0 respondents, fewer than 3\n") != std::string::npos);
    }
    SECTION("JSON") {
        Run r = cli("benchmark" + kThree + " --format json --db " + d.db);
        REQUIRE(r.code == 0);
        auto j = nlohmann::json::parse(r.out);
        CHECK(j["rules"]["min_coverage"] == 0.6);
        CHECK(j["rules"]["min_respondents"] == 3);
        CHECK(j["rules"]["defaults"] == true);
        CHECK(j["rules"]["text"] == kDefaults);
        REQUIRE(j["excluded"].size() == 2);
        for (const auto& x : j["excluded"]) CHECK(x["below_rules"] == (x["period"] == "2027"));
    }
    SECTION("CSV") {
        Run r = cli("benchmark" + kThree + " --format csv --db " + d.db);
        REQUIRE(r.code == 0);
        CHECK(r.out.find(",change,change_from,included,reasons,min_coverage,min_respondents\r\n") != std::string::npos);
        CHECK(r.out.find("eastmere,Eastmere London Borough Council (fictional),no,2027,council-full,1.1,overall,,,,,,,,,,,,,,"
                         "no,\"coverage 0% below the 60% minimum; 0 respondents, fewer than 3\",0.6,3\r\n") != std::string::npos);
    }
}

TEST_CASE("cli benchmark: the rules overridden, and their bad values refused", "[cli][benchmark][rules]") {
    RulesDb d;
    Run seven = cli("benchmark" + kThree + " --min-respondents 7 --format json --db " + d.db);
    REQUIRE(seven.code == 0);
    auto j = nlohmann::json::parse(seven.out);
    CHECK(j["rules"]["defaults"] == false);
    CHECK(j["rules"]["text"].get<std::string>().find("at least 7 respondents") != std::string::npos);
    CHECK(j["rules"]["text"].get<std::string>().find("The defaults are 60% coverage and 3 respondents.") != std::string::npos);
    CHECK(j["organisations"].size() == 2);  // Northwold's 6 respondents are below 7
    bool northwold_marked = false;
    for (const auto& x : j["excluded"])
        if (x["id"] == "northwold") northwold_marked = x["below_rules"] == true;
    CHECK(northwold_marked);

    Run none = cli("benchmark" + kThree + " --min-coverage 0 --min-respondents 1 --db " + d.db);
    REQUIRE(none.code == 0);
    CHECK(none.out.find("with no minimum coverage or number of respondents") != std::string::npos);
    CHECK(none.out.find("0 respondents, fewer than 1") != std::string::npos);  // the empty round: still nothing to rank

    for (const auto& [option, message] : std::vector<std::pair<std::string, std::string>>{
             {"--min-coverage 60", "--min-coverage must be a number from 0 to 1, not \"60\""},
             {"--min-coverage 60%", "--min-coverage must be a number from 0 to 1, not \"60%\""},
             {"--min-respondents 2.5", "--min-respondents must be a whole number, not \"2.5\""},
             {"--min-respondents -1", "--min-respondents must be a whole number, not \"-1\""}}) {
        Run bad = cli("benchmark" + kThree + " " + option + " --db " + d.db);
        INFO(option);
        CHECK(bad.code == 3);
        CHECK(bad.err == "yardstick-cli benchmark: " + message + "\n");
        CHECK(bad.out.empty());
    }
}

TEST_CASE("cli benchmark --help names the defaults", "[cli][benchmark][rules]") {
    Run r = cli("benchmark --help");
    REQUIRE(r.code == 0);
    CHECK(r.out.find("least 60% of its questions answered and at least 3 respondents") != std::string::npos);
    CHECK(r.out.find("(default 0.6)") != std::string::npos);
    CHECK(r.out.find("(default 3)") != std::string::npos);
}
