// A round's scope (schema v6): dimensions declared out of scope for one round, stored, left
// out of its scores and benchmark summaries, copied by snapshots and carried in bundles; and
// a version 5 database upgraded to hold them.
#include <catch2/catch.hpp>

#include <functional>

#include "benchmark_rounds.h"
#include "bundle_io.h"
#include "round_scopes.h"
#include "round_status.h"
#include "round_summaries.h"
#include "scored_rounds.h"
#include "snapshots.h"
#include "store_test_support.h"

using namespace ys_test;
using ys::store::Connection;
using ys::store::StoreError;

namespace {

std::string refusal(const std::function<void()>& f, StoreError::Kind want = StoreError::Kind::Invalid) {
    try {
        f();
    } catch (const StoreError& e) {
        CHECK(e.kind() == want);
        CHECK(one_line(e.what()));
        return e.what();
    }
    return "(no error)";
}

// Two respondents: quality at level 3 and 1 (median 2), skills' training plan "yes".
std::string filled_round(Connection& c, const std::string& path) {
    const std::string round = make_store(path);
    ys::store::add_respondent(c, round, "analyst", "", "", "r1");
    ys::store::add_respondent(c, round, "analyst", "", "", "r2");
    ys::store::set_answer(c, round, "r1", "q-quality", {{"value", "level-3"}}, 0);
    ys::store::set_answer(c, round, "r2", "q-quality", {{"value", "level-1"}}, 0);
    ys::store::set_answer(c, round, "r1", "q-training-plan", {{"value", "yes"}}, 0);
    return round;
}

}  // namespace

TEST_CASE("round scope: set by id or name, shown, and refused with one line for every mistake", "[store][scope]") {
    Scratch db("scope-set.db");
    const std::string round = make_store(db.path);
    Connection c = ys::store::open_database(db.path);
    CHECK(ys::store::round_exclusions(c, round).empty());
    CHECK(ys::store::set_round_scope(c, round, {"Skills"}, {}) == std::vector<std::string>{"data.skills"});
    CHECK(ys::store::set_round_scope(c, round, {"data.skills"}, {}) == std::vector<std::string>{"data.skills"});
    CHECK(ys::store::load_round(c, round).excluded == std::vector<std::string>{"data.skills"});

    const std::string before = slurp(db.path);
    auto unchanged = [&] {
        Connection again = ys::store::open_database(db.path);
        CHECK(ys::store::round_exclusions(again, round) == std::vector<std::string>{"data.skills"});
    };
    SECTION("an unknown dimension names the framework and says where to look") {
        std::string e = refusal([&] { ys::store::set_round_scope(c, round, {"data.quality", "housing"}, {}); });
        CHECK_THAT(e, Catch::Contains("has no dimension \"housing\""));
        CHECK_THAT(e, Catch::Contains("one of: data, data.quality, data.skills"));
        unchanged();
    }
    SECTION("one dimension both excluded and included") {
        CHECK_THAT(refusal([&] { ys::store::set_round_scope(c, round, {"data.quality"}, {"Quality"}); }),
                   Catch::Contains("\"Quality\" is both excluded and included"));
        unchanged();
    }
    SECTION("nothing left to score") {
        CHECK_THAT(refusal([&] { ys::store::set_round_scope(c, round, {"data"}, {}); }),
                   Catch::Contains("no dimension left to score"));
        unchanged();
    }
    SECTION("a dimension under one that stays excluded") {
        // Excluding "data" alone is refused above, so make the parent's exclusion by hand.
        raw_exec(db.path, "INSERT INTO round_scope (round_id, dimension_id) VALUES ('" + round + "', 'data')");
        Connection again = ys::store::open_database(db.path);
        CHECK_THAT(refusal([&] { ys::store::set_round_scope(again, round, {}, {"data.quality"}); }),
                   Catch::Contains("is under \"Data\", which stays excluded"));
    }
    SECTION("a closed round keeps its scope") {
        ys::store::set_round_status(c, round, "closed");
        const std::string closed = slurp(db.path);
        CHECK_THAT(refusal([&] { ys::store::set_round_scope(c, round, {}, {"data.skills"}); }),
                   Catch::Contains("is closed, so its scope cannot change"));
        CHECK(slurp(db.path) == closed);
    }
    SECTION("an unknown round") {
        CHECK_THAT(refusal([&] { ys::store::set_round_scope(c, "no-such-round", {"data.skills"}, {}); },
                           StoreError::Kind::NotFound),
                   Catch::Contains("no-such-round"));
    }
    SECTION("include takes it back") {
        CHECK(ys::store::set_round_scope(c, round, {}, {"data.skills"}).empty());
        CHECK(ys::store::round_exclusions(c, round).empty());
    }
    (void)before;
}

TEST_CASE("round scope: scores, coverage and the stored summary leave the dimension out", "[store][scope]") {
    Scratch db("scope-score.db");
    Connection c = ys::store::open_database(db.path);
    const std::string round = filled_round(c, db.path);
    auto score = [&] { return ys::store::score_stored_rounds(c, {round}, ys::ScoreOptions{false, false}).rounds.at(0).result; };
    ys::RoundResult all = score();
    REQUIRE(all.overall.score);
    CHECK(ys::store::round_status(c, round).questions == 6);
    CHECK(ys::store::round_status(c, round).not_invited.at(0).answered == 2);
    // A benchmark stores the summary of the whole round.
    auto bench = ys::store::benchmark_inputs(c, ys::store::BenchmarkSelection{{"testshire"}, "", ""});
    REQUIRE(bench.size() == 1);
    CHECK(bench[0].result.excluded.empty());
    CHECK(c.scalar_int("SELECT count(*) FROM round_summary") == 1);

    ys::store::set_round_scope(c, round, {"data.skills"}, {});
    // The summary made with the old scope is gone, in the same transaction.
    CHECK(c.scalar_int("SELECT count(*) FROM round_summary") == 0);
    ys::RoundResult scoped = score();
    CHECK(scoped.excluded == std::vector<std::string>{"data.skills"});
    const ys::store::LoadedRound loaded = ys::store::load_round(c, round);
    const ys::Framework& fw = *loaded.framework;
    const std::size_t skills = static_cast<std::size_t>(fw.find_dimension("data.skills"));
    const std::size_t quality = static_cast<std::size_t>(fw.find_dimension("data.quality"));
    CHECK_FALSE(scoped.dimensions[skills].score);
    CHECK(scoped.dimensions[skills].applicable() == 0);
    // Overall is quality's alone, and coverage counts quality's questions only.
    CHECK(*scoped.overall.score == Approx(*scoped.dimensions[quality].score));
    CHECK(scoped.overall.applicable() == scoped.dimensions[quality].applicable());
    CHECK(scoped.overall.applicable() < all.overall.applicable());

    // Round status counts the questions in scope only: 6 less skills' 3; r1 answered quality
    // and the training plan, of which quality alone is still asked.
    ys::store::RoundStatus status = ys::store::round_status(c, round);
    CHECK(status.questions == 3);
    REQUIRE(status.not_invited.size() == 2);  // no invitation list: both respondents are listed here
    CHECK(status.not_invited[0].key == "r1");
    CHECK(status.not_invited[0].answered == 1);
    // The benchmark's summary is made again with the scope, and read back with it.
    bench = ys::store::benchmark_inputs(c, ys::store::BenchmarkSelection{{"testshire"}, "", ""});
    CHECK(bench[0].result.excluded == std::vector<std::string>{"data.skills"});
    auto summary = ys::store::load_round_summary(c, round, fw);
    REQUIRE(summary);
    CHECK(summary->excluded == std::vector<std::string>{"data.skills"});
    CHECK(summary->is_out_of_scope(skills));
    CHECK(*summary->overall.score == Approx(*scoped.overall.score));
}

TEST_CASE("round scope: a deleted round comes back with its scope, and bundles carry it", "[store][scope][snapshot]") {
    Scratch db("scope-snap.db");
    Connection c = ys::store::open_database(db.path);
    const std::string round = filled_round(c, db.path);
    ys::store::set_round_scope(c, round, {"data.skills"}, {});

    auto snap = ys::store::delete_round(c, round);
    CHECK(c.scalar_int("SELECT count(*) FROM round_scope") == 0);
    ys::store::restore_round(c, snap);
    CHECK(ys::store::round_exclusions(c, round) == std::vector<std::string>{"data.skills"});

    ys::Bundle b = ys::store::export_bundle(c, {round});
    REQUIRE(b.rounds.size() == 1);
    CHECK(b.rounds[0].excluded == std::vector<std::string>{"data.skills"});
    nlohmann::json j = ys::bundle_to_json(b, false);
    CHECK(j["rounds"][0]["excluded"] == nlohmann::json({"data.skills"}));
    ys::Diagnostics d("scope.bundle.json");
    auto back = ys::parse_bundle(j, d);
    INFO(all_diagnostics(d));
    REQUIRE(back);
    CHECK(back->rounds[0].excluded == std::vector<std::string>{"data.skills"});

    SECTION("imported into another database, the new round has the scope") {
        Scratch other("scope-other.db");
        Connection o = ys::store::open_database(other.path);
        auto report = ys::store::import_bundle(o, *back, "scope.bundle.json", false);
        REQUIRE(report.rounds_created.size() == 1);
        CHECK(ys::store::round_exclusions(o, report.rounds_created[0]) == std::vector<std::string>{"data.skills"});
    }
    SECTION("a bundle naming a dimension the framework lacks is refused, at its place") {
        j["rounds"][0]["excluded"] = nlohmann::json({"data.skills", "housing"});
        ys::Diagnostics bad("scope.bundle.json");
        CHECK_FALSE(ys::parse_bundle(j, bad));
        CHECK_THAT(all_diagnostics(bad), Catch::Contains("/rounds/0/excluded/1"));
        CHECK_THAT(all_diagnostics(bad), Catch::Contains("no dimension \"housing\""));
    }
}

TEST_CASE("schema v6: a version 5 database is backed up and upgraded, and takes a round scope", "[store][schema]") {
    const std::string fixture = std::string(YS_TEST_DATA) + "/db/yardstick-v5.db";
    const std::string fixture_bytes = slurp(fixture);
    Scratch db("v5-to-v6.db");
    fs::copy_file(fixture, db.path);
    ys::store::OpenReport report;
    {
        Connection c = ys::store::open_database(db.path, {}, &report);
        CHECK(report.upgraded_from == 5);
        REQUIRE(report.backup_path == db.path + ".v5.bak");
        CHECK(c.scalar_int("PRAGMA user_version") == ys::store::kSchemaVersion);
        CHECK(c.scalar_int("SELECT count(*) FROM round_scope") == 0);
        CHECK(c.scalar_int("SELECT count(*) FROM pragma_foreign_key_check") == 0);
        // What version 5 held is all there: its own action, its invitations.
        CHECK(c.scalar_int("SELECT count(*) FROM action_item WHERE title = 'Publish a data quality dashboard'") == 1);
        CHECK(c.scalar_int("SELECT count(*) FROM invitation") == 2);
        const std::string round = "northwold.2026.council-quick-check";
        ys::store::set_round_scope(c, round, {"analytics"}, {});
        CHECK(ys::store::load_round(c, round).excluded == std::vector<std::string>{"analytics"});
    }
    {
        Connection backup = Connection::open(report.backup_path, false, 1000);
        CHECK(backup.scalar_int("PRAGMA user_version") == 5);
        CHECK(backup.scalar_int("SELECT count(*) FROM sqlite_master WHERE name = 'round_scope'") == 0);
    }
    std::error_code ec;
    fs::remove(report.backup_path, ec);
    CHECK(slurp(fixture) == fixture_bytes);
}
