// Roadmap scenarios saved per organisation: save, list, load, rename and delete, each
// refusal one line that writes nothing, and scenarios never leaving in a bundle.
#include "store_test_support.h"

#include "bundle.h"
#include "bundle_io.h"
#include "json_read.h"
#include "scenarios.h"

using namespace ys_test;
using ys::RoadmapScenario;
using ys::store::Connection;
using ys::store::StoreError;

namespace {

RoadmapScenario example(const std::string& file = "northmoor-full.json") {
    ys::Diagnostics d(file);
    auto doc = ys::parse_json_text(slurp(std::string(YS_TEST_DATA) + "/scenarios/" + file), d);
    REQUIRE(doc);
    auto s = ys::parse_scenario(*doc, d);
    REQUIRE(s);
    return *s;
}

std::int64_t rows(Connection& c) { return c.scalar_int("SELECT count(*) FROM roadmap_scenario"); }
std::string contents(Connection& c) {
    std::string all;
    ys::store::Statement s = c.prepare("SELECT organisation_id, name, content, created_at FROM roadmap_scenario ORDER BY id");
    while (s.step()) all += s.text(0) + "|" + s.text(1) + "|" + s.text(2) + "|" + std::to_string(s.integer(3)) + "\n";
    return all;
}

}  // namespace

TEST_CASE("scenarios: saved per organisation, listed, loaded back exactly", "[store][scenario]") {
    Scratch db("scenarios.db");
    make_store(db.path);
    Connection c = ys::store::open_database(db.path);
    ys::store::add_organisation(c, {"eastmere", "Eastmere (fictional)", "district", "", "", ""});
    RoadmapScenario s = example();
    ys::store::save_scenario(c, "testshire", s, false);
    ys::store::save_scenario(c, "testshire", example("regional-scheme.json"), false);
    ys::store::save_scenario(c, "eastmere", s, false);  // the same name in another organisation

    auto list = ys::store::list_scenarios(c, "testshire");
    REQUIRE(list.size() == 2);
    CHECK(list[0].name == "Moorland region analyst scheme");  // by name
    CHECK(list[0].start == "2027-04-01");
    CHECK(list[0].horizon_years == 2);
    CHECK(list[1].name == s.name);
    CHECK(list[1].horizon_years == 3);
    CHECK(list[1].saved_at > 1'700'000'000);
    CHECK_FALSE(list[1].damaged);
    CHECK(ys::store::list_scenarios(c, "eastmere").size() == 1);

    RoadmapScenario back = ys::store::load_scenario(c, "testshire", s.name);
    CHECK(ys::scenario_json(back) == ys::scenario_json(s));
    CHECK(back.inflation == 0.1);

    SECTION("replace overwrites; without it a clash is refused and nothing changes") {
        RoadmapScenario changed = s;
        changed.horizon_years = 5;
        const std::string before = contents(c);
        refused([&] { ys::store::save_scenario(c, "testshire", changed, false); }, StoreError::Kind::Invalid,
                "a scenario named \"Northmoor data team, 3 years\" is already saved for organisation \"testshire\"");
        CHECK(contents(c) == before);
        ys::store::save_scenario(c, "testshire", changed, true);
        CHECK(ys::store::load_scenario(c, "testshire", s.name).horizon_years == 5);
        CHECK(ys::store::load_scenario(c, "eastmere", s.name).horizon_years == 3);  // never shared
        CHECK(rows(c) == 3);
    }
    SECTION("an unknown organisation, or a scenario that would not read back, is refused") {
        const std::string before = contents(c);
        refused([&] { ys::store::save_scenario(c, "nowhere", s, false); }, StoreError::Kind::NotFound,
                "organisation \"nowhere\" does not exist");
        refused([&] { ys::store::list_scenarios(c, "nowhere"); }, StoreError::Kind::NotFound, "\"nowhere\" does not exist");
        RoadmapScenario bad = s;
        bad.horizon_years = 0;
        refused([&] { ys::store::save_scenario(c, "testshire", bad, true); }, StoreError::Kind::Invalid,
                "/horizon_years: expected a number of years from 1 to 20, found 0");
        RoadmapScenario unnamed = s;
        unnamed.name = "";
        refused([&] { ys::store::save_scenario(c, "testshire", unnamed, true); }, StoreError::Kind::Invalid,
                "/name: expected a non-empty string");
        CHECK(contents(c) == before);
    }
    SECTION("load, rename and delete say which scenario is missing") {
        refused([&] { ys::store::load_scenario(c, "testshire", "Plan B"); }, StoreError::Kind::NotFound,
                "no scenario named \"Plan B\" is saved for organisation \"testshire\"");
        refused([&] { ys::store::rename_scenario(c, "testshire", "Plan B", "Plan C"); }, StoreError::Kind::NotFound,
                "no scenario named \"Plan B\"");
        refused([&] { ys::store::delete_scenario(c, "testshire", "Plan B"); }, StoreError::Kind::NotFound,
                "no scenario named \"Plan B\"");
        CHECK(rows(c) == 3);
    }
    SECTION("rename moves the name and the stored content's name; a taken name is refused") {
        ys::store::rename_scenario(c, "testshire", s.name, "Plan B");
        RoadmapScenario renamed = ys::store::load_scenario(c, "testshire", "Plan B");
        CHECK(renamed.name == "Plan B");
        renamed.name = s.name;
        CHECK(ys::scenario_json(renamed) == ys::scenario_json(s));
        const std::string before = contents(c);
        refused([&] { ys::store::rename_scenario(c, "testshire", "Plan B", "Moorland region analyst scheme"); },
                StoreError::Kind::Invalid, "a scenario named \"Moorland region analyst scheme\" is already saved");
        refused([&] { ys::store::rename_scenario(c, "testshire", "Plan B", "two\nlines"); }, StoreError::Kind::Invalid,
                "scenario name holds a control character");
        CHECK(contents(c) == before);
    }
    SECTION("an organisation with saved scenarios is not removed (they would go with it)") {
        refused([&] { ys::store::remove_organisation(c, "eastmere"); }, StoreError::Kind::Invalid,
                "organisation \"eastmere\" has 1 saved roadmap scenario; delete them first");
        CHECK(ys::store::scenario_exists(c, "eastmere", s.name));
        ys::store::delete_scenario(c, "eastmere", s.name);
        CHECK_FALSE(ys::store::scenario_exists(c, "eastmere", s.name));
        ys::store::remove_organisation(c, "eastmere");
        CHECK_FALSE(ys::store::find_organisation(c, "eastmere"));
    }
    SECTION("delete removes one organisation's scenario only") {
        ys::store::delete_scenario(c, "testshire", s.name);
        CHECK(ys::store::list_scenarios(c, "testshire").size() == 1);
        CHECK(ys::store::list_scenarios(c, "eastmere").size() == 1);
    }
}

TEST_CASE("scenarios: a damaged stored scenario is reported as Corrupt in one line", "[store][scenario]") {
    Scratch db("scenarios-damaged.db");
    make_store(db.path);
    {
        Connection c = ys::store::open_database(db.path);
        ys::store::save_scenario(c, "testshire", example(), false);
    }
    raw_exec(db.path,
             "INSERT INTO roadmap_scenario (organisation_id, name, content, created_at) VALUES "
             "('testshire', 'Not JSON', '{\"format\": ', 1), "
             "('testshire', 'No start', '{\"format\": \"yardstick-roadmap-scenario/1\", \"name\": \"No start\"}', 1)");
    Connection c = ys::store::open_database(db.path);
    auto list = ys::store::list_scenarios(c, "testshire");
    REQUIRE(list.size() == 3);
    CHECK(list[0].damaged);        // "No start"
    CHECK_FALSE(list[1].damaged);  // "Northmoor data team, 3 years"
    CHECK(list[2].damaged);        // "Not JSON"
    refused([&] { ys::store::load_scenario(c, "testshire", "No start"); }, StoreError::Kind::Corrupt,
            "scenario \"No start\" of organisation \"testshire\": /start: missing; expected a string");
    refused([&] { ys::store::load_scenario(c, "testshire", "Not JSON"); }, StoreError::Kind::Corrupt,
            "the stored scenario is damaged; delete it and save it again");
    ys::store::delete_scenario(c, "testshire", "Not JSON");  // what the message advises works
    CHECK(ys::store::list_scenarios(c, "testshire").size() == 2);
}

TEST_CASE("scenarios: an exported bundle carries no scenario", "[store][scenario][bundle]") {
    Scratch db("scenarios-bundle.db");
    std::string round = make_store(db.path);
    Connection c = ys::store::open_database(db.path);
    RoadmapScenario s = example();
    s.name = "Secret scenario zq7";
    s.description = "Marker text xk9 that must never leave the database.";
    ys::store::save_scenario(c, "testshire", s, false);
    for (bool anonymise : {false, true}) {
        const std::string text = ys::bundle_to_json(ys::store::export_bundle(c, {round}), anonymise).dump();
        CHECK(text.find("zq7") == std::string::npos);
        CHECK(text.find("xk9") == std::string::npos);
        CHECK(text.find("yardstick-roadmap-scenario") == std::string::npos);
        CHECK(text.find("roadmap") == std::string::npos);
    }
}
