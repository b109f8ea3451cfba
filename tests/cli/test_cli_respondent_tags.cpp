// A skills round's respondent tags through yardstick-cli: `respondent tag` sets, shows and
// clears them and refuses bad ones leaving the database byte-identical; an answer file's tags
// are imported; `round upgrade` of a 1.1 skills round says where each old role went.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <string>

#include "cli_run.h"

namespace fs = std::filesystem;
using namespace ys::test;

namespace {

std::string fresh_db(const std::string& name) {
    fs::create_directories(YS_WORK_DIR);
    std::string db = std::string(YS_WORK_DIR) + "/tags-" + std::to_string(::getpid()) + "-" + name + ".db";
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db + suffix);
    return db;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("cli: respondent tag sets, shows and clears a skills round's tags, and refuses bad ones", "[cli][tags]") {
    const std::string db = fresh_db("tag");
    const std::string at = " --db " + db;
    REQUIRE(cli("org add skillshire --name \"Skillshire (fictional)\" --type county" + at).code == 0);
    Run made = cli("round new --org skillshire --questionnaire analyst-skills-self-assessment --period 2026" + at);
    REQUIRE(made.code == 0);
    const std::string round = "skillshire.2026.analyst-skills-self-assessment";
    REQUIRE(cli("respondent add " + round + " --role data-technician-apprentice --key p1" + at).code == 0);

    Run set = cli("respondent tag " + round + " p1 --team \"Children's analytics\" --target-role data-analyst-apprentice "
                  "--age-band 19-21" + at);
    INFO(set.err);
    REQUIRE(set.code == 0);
    CHECK(has(set.out, "p1 (changed):"));
    CHECK(has(set.out, "team:         Children's analytics"));
    CHECK(has(set.out, "target role:  Data analyst apprentice (level 4) (data-analyst-apprentice)"));
    CHECK(has(set.out, "age band:     19-21"));
    Run shown = cli("respondent tag " + round + " p1" + at);
    REQUIRE(shown.code == 0);
    CHECK(has(shown.out, "p1:"));
    CHECK(has(shown.out, "Children's analytics"));

    const std::size_t before = database_hash(db);
    struct Bad {
        std::string args, says;
        int code;
    };
    const Bad bads[] = {
        {"p1 --age-band 30-40", "unknown age band \"30-40\"; expected 16-18, 19-21, 22-24 or 25-plus", 2},
        {"p1 --target-role astronaut", "unknown target role \"astronaut\"; expected one of the questionnaire's roles: "
                                       "performance-information-analyst", 2},
        {"p1 --team " + repeat("t", 101), "team name is longer than 100 characters (101); shorten it", 2},
        {"p9 --team North", "respondent \"p9\" is not in round", 2},
    };
    for (const Bad& b : bads) {
        Run r = cli("respondent tag " + round + " " + b.args + at);
        INFO(b.args << "\n" << r.err);
        CHECK(r.code == b.code);
        CHECK(has(r.err, b.says));
        CHECK(count_lines(r.err) == 1);
        CHECK(database_hash(db) == before);  // a refusal leaves the database as it was
    }
    // Invalid UTF-8 in a team, as raw argument bytes.
    Run bad_utf8 = cli(std::vector<std::string>{"respondent", "tag", round, "p1", "--team", "Data \xC3\x28", "--db", db});
    CHECK(bad_utf8.code != 0);
    CHECK(has(bad_utf8.err, "--team is not valid UTF-8"));
    CHECK(database_hash(db) == before);

    Run cleared = cli("respondent tag " + round + " p1 --team \"\" --age-band \"\"" + at);
    REQUIRE(cleared.code == 0);
    CHECK(has(cleared.out, "team:         (none)"));
    CHECK(has(cleared.out, "age band:     (not given)"));
    CHECK(has(cleared.out, "data-analyst-apprentice"));  // not given: kept
}

TEST_CASE("cli: round upgrade moves a 1.1 skills round to the catalogue's roles and names those left blank", "[cli][tags][upgrade]") {
    const std::string db = fresh_db("upgrade");
    const std::string at = " --db " + db;
    const std::string lib = " --library tests/data/skills-1.1";
    REQUIRE(cli("org add skillshire --name \"Skillshire (fictional)\" --type county" + at).code == 0);
    Run made = cli("round new --org skillshire --questionnaire analyst-skills-self-assessment@1.1 --period 2026" + lib + at);
    INFO(made.err);
    REQUIRE(made.code == 0);
    const std::string round = "skillshire.2026.analyst-skills-self-assessment";
    REQUIRE(cli("respondent add " + round + " --role analyst --key p1" + at).code == 0);
    REQUIRE(cli("respondent add " + round + " --role apprentice --key p2" + at).code == 0);
    Run up = cli("round upgrade " + round + at);
    INFO(up.err);
    REQUIRE(up.code == 0);
    CHECK(has(up.out, "questionnaire 1.1 -> 1.2"));
    CHECK(has(up.out, "role \"analyst\" is now \"performance-information-analyst\" (1 respondent)"));
    CHECK(has(up.out, "role \"apprentice\" is not in version 1.2 and no role clearly replaces it: left blank (1 respondent)"));
    CHECK(has(up.out, "respondent add " + round + " --key KEY --role ROLE --update"));
}
