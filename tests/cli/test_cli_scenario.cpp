// yardstick-cli scenario: save, list, show, export, rename and delete, as a user runs
// them; every refusal is one line per problem, its exit code, and a database (and any
// output) byte-identical afterwards.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>
#include <unistd.h>

#include "cli_run.h"
#include "json_read.h"
#include "scenario.h"

namespace fs = std::filesystem;
using namespace ys::test;

namespace {

const std::string kGood = "tests/data/scenarios/northmoor-full.json";
const std::string kRegional = "tests/data/scenarios/regional-scheme.json";
const std::string kName = "\"Northmoor data team, 3 years\"";

// A database with the organisation "northmoor" and no scenario.
struct Db : NorthmoorDb {
    explicit Db(const std::string& name) : NorthmoorDb("scenario", name) {}
    Run run(const std::string& args) const { return cli("scenario " + args + " --db " + path); }
    std::string bytes() const { return slurp(path) + "|wal:" + slurp(path + "-wal"); }
};

ys::RoadmapScenario read_scenario_text(const std::string& text) {
    ys::Diagnostics d("text");
    auto doc = ys::parse_json_text(text, d);
    REQUIRE(doc);
    auto s = ys::parse_scenario(*doc, d);
    REQUIRE(s);
    return *s;
}

ys::RoadmapScenario read_scenario_path(const std::string& path) { return read_scenario_text(slurp(path)); }

}  // namespace

TEST_CASE("cli scenario: save, list, show, export, rename and delete", "[cli][scenario]") {
    Db db("good");
    Run saved = db.run("save --org northmoor " + kGood);
    INFO(saved.err);
    REQUIRE(saved.code == 0);
    CHECK(saved.out == "saved " + kName + " for northmoor\n");
    REQUIRE(db.run("save --org northmoor " + kRegional).code == 0);

    Run list = db.run("list --org northmoor");
    REQUIRE(list.code == 0);
    CHECK(count_lines(list.out) == 2);
    CHECK(list.out.rfind("Moorland region analyst scheme  from 2027-04-01, 2 years  saved ", 0) == 0);
    CHECK(list.out.find("\nNorthmoor data team, 3 years  from 2027-04-01, 3 years  saved ") != std::string::npos);
    Run json = db.run("list --org northmoor --format json");
    REQUIRE(json.code == 0);
    auto j = nlohmann::json::parse(json.out);
    REQUIRE(j.size() == 2);
    CHECK(j[1]["name"] == "Northmoor data team, 3 years");
    CHECK(j[1]["horizon_years"] == 3);
    CHECK(j[1]["start"] == "2027-04-01");

    // show and export give back exactly what was saved.
    const ys::RoadmapScenario original = read_scenario_path(std::string(YS_SOURCE_DIR) + "/" + kGood);
    Run show = db.run("show --org northmoor --name " + kName);
    REQUIRE(show.code == 0);
    CHECK(ys::scenario_json(read_scenario_text(show.out)) == ys::scenario_json(original));
    const std::string out = db.dir + "/exported.json";
    Run exp = db.run("export --org northmoor --name " + kName + " --out " + out);
    INFO(exp.err);
    REQUIRE(exp.code == 0);
    CHECK(ys::scenario_json(read_scenario_path(out)) == ys::scenario_json(original));
    Run valid = cli("validate " + out);  // an exported scenario is a valid scenario file
    CHECK(valid.code == 0);
    CHECK(valid.out == out + ": ok (roadmap scenario Northmoor data team, 3 years)\n");

    // --replace overwrites; the exported file, saved again under the same name, round-trips.
    Run again = db.run("save --org northmoor " + out + " --replace");
    CHECK(again.code == 0);

    Run renamed = db.run("rename --org northmoor --name " + kName + " --to \"Plan B\"");
    CHECK(renamed.code == 0);
    CHECK(renamed.out == "renamed " + kName + " to \"Plan B\"\n");
    Run shown = db.run("show --org northmoor --name \"Plan B\"");
    REQUIRE(shown.code == 0);
    CHECK(read_scenario_text(shown.out).name == "Plan B");
    Run deleted = db.run("delete --org northmoor --name \"Plan B\"");
    CHECK(deleted.code == 0);
    CHECK(count_lines(db.run("list --org northmoor").out) == 1);
}

TEST_CASE("cli scenario: a bad file is refused, one line per problem, nothing saved", "[cli][scenario]") {
    Db db("bad");
    const std::string before = db.bytes();
    SECTION("a problem in the file itself") {
        const std::string file = "tests/data/scenarios/bad/grown-twice.json";
        Run r = db.run("save --org northmoor " + file);
        CHECK(r.code == 2);
        CHECK(r.err == file + ": /posts/1/grown_from: team post \"pi-analyst\" is already grown into at "
                              "/posts/0/grown_from; one holder can move into one post\n"
                              "yardstick-cli scenario save: nothing was saved\n");
    }
    SECTION("a role the catalogue does not have, and several problems at once") {
        const std::string file = db.dir + "/two.json";
        auto doc = nlohmann::json::parse(slurp(std::string(YS_SOURCE_DIR) + "/tests/data/scenarios/bad/unknown-role.json"));
        doc["covered"] = {{{"responsibility", "open-date"}}};
        std::ofstream(file) << doc.dump();
        Run r = db.run("save --org northmoor " + file);
        CHECK(r.code == 2);
        CHECK(count_lines(r.err) == 3);
        CHECK(r.err.find(file + ": /posts/0/role: unknown role \"chief-data-wizard\"") != std::string::npos);
        CHECK(r.err.find(file + ": /covered/0/responsibility: unknown responsibility \"open-date\"") != std::string::npos);
    }
    SECTION("not JSON, or no such file") {
        const std::string file = db.dir + "/broken.json";
        std::ofstream(file) << "{\"format\": \"yardstick-roadmap-scenario/1\",";
        Run r = db.run("save --org northmoor " + file);
        CHECK(r.code == 2);
        CHECK(r.err.rfind(file + ": ", 0) == 0);
        CHECK(count_lines(r.err) == 2);
        Run missing = db.run("save --org northmoor " + db.dir + "/missing.json");
        CHECK(missing.code == 2);
        CHECK(missing.err.find("missing.json") != std::string::npos);
    }
    SECTION("checked against another role catalogue with --roles") {
        Run r = db.run("save --org northmoor " + kGood + " --roles " + db.dir + "/no-such-roles.json");
        CHECK(r.code == 2);
        CHECK(r.err.rfind(db.dir + "/no-such-roles.json: ", 0) == 0);
    }
    CHECK(db.bytes() == before);
    CHECK(db.run("list --org northmoor").out == "no scenarios saved for northmoor\n");
}

TEST_CASE("cli scenario: unknown organisation, name clash, missing scenario", "[cli][scenario]") {
    Db db("refusals");
    REQUIRE(db.run("save --org northmoor " + kGood).code == 0);
    const std::string before = db.bytes();

    Run org = db.run("save --org southmoor " + kGood);
    CHECK(org.code == 2);
    CHECK(org.err == "yardstick-cli scenario save: organisation \"southmoor\" does not exist\n");
    Run clash = db.run("save --org northmoor " + kGood);
    CHECK(clash.code == 2);
    CHECK(clash.err == "yardstick-cli scenario save: a scenario named " + kName +
                           " is already saved for organisation \"northmoor\"; add --replace to overwrite it, or change "
                           "\"name\" in " + kGood + "\n");
    Run show = db.run("show --org northmoor --name \"Plan Z\"");
    CHECK(show.code == 2);
    CHECK(show.err == "yardstick-cli scenario show: no scenario named \"Plan Z\" is saved for organisation \"northmoor\"\n");
    CHECK(db.run("delete --org northmoor --name \"Plan Z\"").code == 2);
    CHECK(db.run("rename --org northmoor --name \"Plan Z\" --to \"Plan Y\"").code == 2);
    CHECK(db.run("list --org southmoor").code == 2);
    CHECK(db.bytes() == before);

    // Another organisation never sees northmoor's scenario.
    REQUIRE(cli("org add southmoor --name Southmoor --type district --db " + db.path).code == 0);
    CHECK(db.run("list --org southmoor").out == "no scenarios saved for southmoor\n");
    CHECK(db.run("show --org southmoor --name " + kName).code == 2);
}

TEST_CASE("cli scenario: usage errors exit 3 before the database is touched", "[cli][scenario]") {
    Db db("usage");
    const std::string before = db.bytes();
    struct Case {
        std::string args, says;
    };
    const Case cases[] = {
        {"show --org northmoor", "--name is required"},
        {"save " + kGood, "--org is required"},
        {"save --org northmoor", "expected 1 argument"},
        {"rename --org northmoor --name A", "--to is required"},
        {"export --org northmoor --name A", "--out is required"},
        {"list --org northmoor --format csv", "--format must be table or json, not \"csv\""},
        {"list --org northmoor --colour", "unknown option"},
        {"frobnicate", "unknown subcommand \"frobnicate\""},
    };
    for (const auto& c : cases) {
        INFO(c.args);
        Run r = db.run(c.args);
        CHECK(r.code == 3);
        CHECK_THAT(r.err, Catch::Contains(c.says));
    }
    CHECK(cli("scenario").code == 3);
    CHECK(cli("scenario --help").code == 0);
    CHECK(cli("scenario save --help").out.find("--replace") != std::string::npos);
    // No database is created by a scenario command.
    Run none = cli("scenario list --org northmoor --db " + db.dir + "/none.db");
    CHECK(none.code != 0);
    CHECK_FALSE(fs::exists(db.dir + "/none.db"));
    CHECK(db.bytes() == before);
}

TEST_CASE("cli scenario: export refuses an unsafe output and keeps files byte-identical", "[cli][scenario]") {
    Db db("export");
    REQUIRE(db.run("save --org northmoor " + kGood).code == 0);
    const std::string before = db.bytes();
    Run onto_db = db.run("export --org northmoor --name " + kName + " --out " + db.path);
    CHECK(onto_db.code == 3);
    CHECK(count_lines(onto_db.err) == 1);
    CHECK(onto_db.err.find("--out") != std::string::npos);
    Run folder = db.run("export --org northmoor --name " + kName + " --out " + db.dir);
    CHECK(folder.code == 3);
    // A missing scenario writes no file.
    const std::string out = db.dir + "/kept.json";
    std::ofstream(out) << "keep me\n";
    Run missing = db.run("export --org northmoor --name \"Plan Z\" --out " + out);
    CHECK(missing.code == 2);
    CHECK(slurp(out) == "keep me\n");
    CHECK(db.bytes() == before);
}

TEST_CASE("cli validate: scenarios, one line per problem", "[cli][scenario]") {
    Run good = cli("validate " + kGood + " " + kRegional);
    CHECK(good.code == 0);
    Run bad = cli("validate tests/data/scenarios/bad/unknown-responsibility.json tests/data/scenarios/bad/cost-negative.json");
    CHECK(bad.code == 2);
    CHECK(bad.err ==
          "tests/data/scenarios/bad/unknown-responsibility.json: /covered/0/responsibility: unknown responsibility "
          "\"open-date\" in framework \"council-data-maturity\"\n"
          "tests/data/scenarios/bad/cost-negative.json: /costs/0/amount: expected an amount in GBP of 0 or more, found -5\n");
}
