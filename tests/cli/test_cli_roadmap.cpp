// yardstick-cli roadmap with scenarios: from a file, from the store, two or more side by
// side, and the refusals a tired user meets (a missing file, a bad one, a name not saved,
// a file mixed with plan options).
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>
#include <unistd.h>

#include "cli_run.h"

namespace fs = std::filesystem;
using namespace ys::test;

namespace {

const std::string kNorthmoor = "examples/scenarios/northmoor-data-team.json";
const std::string kRegional = "examples/scenarios/regional-analyst-scheme.json";

struct Db : NorthmoorDb {
    explicit Db(const std::string& name) : NorthmoorDb("roadmap", name) {}
};

}  // namespace

TEST_CASE("cli roadmap: a scenario file is the plan, costed as entered", "[cli][roadmap]") {
    Run r = cli("roadmap --scenario " + kNorthmoor + " --format json");
    INFO(r.err);
    REQUIRE(r.code == 0);
    auto doc = nlohmann::json::parse(r.out);
    // The planned posts come first, as entered: two apprentices are one line of headcount 2.
    REQUIRE(doc["posts"].size() >= 4);
    CHECK(doc["posts"][1]["id"] == "apprentices");
    CHECK(doc["posts"][1]["headcount"] == 2);
    CHECK(doc["posts"][1]["origin"] == "planned");
    CHECK(doc["posts"][2]["shared_with"] == 3);
    CHECK(doc["team"].size() == 2);
    // Every responsibility the plan needs is reported as covered, partly covered or not covered.
    for (const auto& c : doc["cover"]) {
        const std::string text = c["text"];
        CHECK((text.rfind("covered", 0) == 0 || text.rfind("partly covered: ", 0) == 0 || text == "not covered"));
    }

    Run table = cli("roadmap --scenario " + kRegional);
    INFO(table.err);
    REQUIRE(table.code == 0);
    CHECK(table.out.find("50 x Performance and information analyst (planned, new post") != std::string::npos);
    CHECK(table.out.find("proposed by Yardstick") == std::string::npos);  // the scheme proposes none
    CHECK(table.out.find("Programme management and administration (a year)") != std::string::npos);
}

TEST_CASE("cli roadmap: scenarios side by side, from files and from the store", "[cli][roadmap]") {
    Run both = cli("roadmap --scenario " + kNorthmoor + " --scenario " + kRegional);
    INFO(both.err);
    REQUIRE(both.code == 0);
    CHECK(both.out.find("Northmoor data team, 3 years") != std::string::npos);
    CHECK(both.out.find("Moorland region analyst scheme") != std::string::npos);
    CHECK(both.out.find("Fully covered") != std::string::npos);
    CHECK(both.out.find("Year 3 (mid)") != std::string::npos);  // the longer plan's years

    Db db("saved");
    REQUIRE(cli("scenario save --org northmoor " + kNorthmoor + " --db " + db.path).code == 0);
    REQUIRE(cli("scenario save --org northmoor " + kRegional + " --db " + db.path).code == 0);
    Run saved = cli("roadmap --org northmoor --saved \"Northmoor data team, 3 years\" --saved \"Moorland region analyst scheme\""
                    " --format json --db " + db.path);
    INFO(saved.err);
    REQUIRE(saved.code == 0);
    auto doc = nlohmann::json::parse(saved.out);
    CHECK(doc["format"] == "yardstick-roadmap-comparison/1");
    REQUIRE(doc["scenarios"].size() == 2);
    // The stored plan costs exactly as the file does.
    Run file = cli("roadmap --org northmoor --scenario " + kNorthmoor + " --format json --db " + db.path);
    REQUIRE(file.code == 0);
    auto one = nlohmann::json::parse(file.out);
    CHECK(doc["scenarios"][0]["total"]["mid"] == one["years"].back()["cumulative"]["mid"]);

    Run csv = cli("roadmap --org northmoor --saved \"Northmoor data team, 3 years\" --saved \"Moorland region analyst scheme\""
                  " --format csv --db " + db.path);
    REQUIRE(csv.code == 0);
    CHECK(csv.out.rfind("scenario,year,low,mid,high,", 0) == 0);
}

TEST_CASE("cli roadmap: scenario refusals say what to do and write nothing", "[cli][roadmap]") {
    Run missing = cli("roadmap --scenario no-such-plan.json");
    CHECK(missing.code == 2);
    CHECK(missing.err.find("no-such-plan.json") != std::string::npos);

    Run bad = cli("roadmap --scenario tests/data/scenarios/bad/bad-route.json");
    CHECK(bad.code == 2);
    CHECK(bad.err.find("bad-route.json: /posts/") != std::string::npos);
    Run role = cli("roadmap --scenario tests/data/scenarios/bad/unknown-role.json");  // checked against the catalogue
    CHECK(role.code == 2);
    CHECK(role.err.find("unknown-role.json: /posts/") != std::string::npos);
    Run mixed = cli("roadmap --scenario " + kNorthmoor + " --post head-of-data");
    CHECK(mixed.code == 3);
    CHECK(mixed.err.find("the scenario file holds the plan") != std::string::npos);
    CHECK(cli("roadmap --saved \"Plan A\"").code == 3);  // no organisation named

    Db db("refusals");
    Run unknown = cli("roadmap --org northmoor --saved \"Plan A\" --db " + db.path);
    CHECK(unknown.code == 2);
    CHECK(unknown.err.find("has no saved scenario \"Plan A\"; `yardstick-cli scenario list --org northmoor` shows them") !=
          std::string::npos);
    Run no_org = cli("roadmap --org nowhere --db " + db.path);
    CHECK(no_org.code == 2);
    CHECK(no_org.err.find("there is no organisation \"nowhere\"") != std::string::npos);

    // The plan's output cannot be the scenario it reads.
    const std::string copy = db.dir + "/plan.json";
    fs::copy_file(std::string(YS_SOURCE_DIR) + "/" + kNorthmoor, copy);
    const std::string before = slurp(copy);
    Run onto = cli("roadmap --scenario " + copy + " --out " + copy);
    CHECK(onto.code == 3);
    CHECK(slurp(copy) == before);
}
