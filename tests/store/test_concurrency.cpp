// Many yardstick-cli processes at once: generated respondent keys are chosen inside the
// write transaction that stores them (none lost, none shared), and processes creating the
// same new database together all succeed, none seeing half a schema.
#include <catch2/catch.hpp>

// POSIX only: the processes are started with fork and exec (store_test_support.h).
#ifndef _WIN32

#include <set>

#include "store_test_support.h"

using namespace ys_test;
using ys::store::Connection;

namespace {

// Starts every command at once (each its own process), then waits for them all.
std::vector<Run> run_together(const std::vector<std::vector<std::string>>& commands) {
    std::vector<Started> started;
    for (const auto& args : commands) started.push_back(start(args));
    std::vector<Run> runs;
    for (const auto& s : started) runs.push_back(finish(s));
    return runs;
}

}  // namespace

TEST_CASE("concurrency: respondents added by many processes at once all arrive, each with its own key", "[store][concurrency]") {
    Scratch db("many-adders.db");
    const std::string round = make_store(db.path);
    const int processes = 24;
    std::vector<std::vector<std::string>> commands(
        processes, {YS_CLI, "respondent", "add", round, "--role", "analyst", "--db", db.path});
    std::set<std::string> keys;
    for (const Run& r : run_together(commands)) {
        INFO(r.err);
        CHECK(r.code == 0);
        keys.insert(r.out);
    }
    CHECK(keys.size() == static_cast<std::size_t>(processes));  // printed keys: none shared
    Connection c = ys::store::open_database(db.path);
    CHECK(c.scalar_int("SELECT count(*) FROM respondent") == processes);  // stored: none lost
    CHECK(c.scalar_int("SELECT count(DISTINCT key) FROM respondent") == processes);
}

TEST_CASE("concurrency: processes creating one new database together all succeed", "[store][concurrency]") {
    for (int attempt = 0; attempt < 5; ++attempt) {
        Scratch db("fresh-race-" + std::to_string(attempt) + ".db");
        const int processes = 8;
        std::vector<std::vector<std::string>> commands;
        for (int i = 0; i < processes; ++i)
            commands.push_back({YS_CLI, "org", "add", "org" + std::to_string(i), "--name", "Org " + std::to_string(i), "--type",
                                "district", "--db", db.path});
        // Half of them on a file that exists but is still empty, as another program leaves it.
        if (attempt % 2) spill(db.path, "");
        for (const Run& r : run_together(commands)) {
            INFO("attempt " << attempt << ": " << r.err);
            CHECK(r.code == 0);
        }
        Connection c = ys::store::open_database(db.path);
        CHECK(c.scalar_int("PRAGMA user_version") == ys::store::kSchemaVersion);
        CHECK(c.scalar_int("SELECT count(*) FROM organisation") == processes);
    }
}

TEST_CASE("concurrency: processes upgrading one old database together: one upgrades, the old copy is kept", "[store][concurrency]") {
    Scratch db("upgrade-race.db");
    const std::string fixture = std::string(YS_TEST_DATA) + "/db/yardstick-v1.db";
    fs::copy_file(fixture, db.path, fs::copy_options::overwrite_existing);
    std::vector<std::vector<std::string>> commands(6, {YS_CLI, "org", "list", "--db", db.path});
    int told = 0;
    for (const Run& r : run_together(commands)) {
        INFO(r.err);
        CHECK(r.code == 0);
        if (r.err.find("upgraded from schema version 1") != std::string::npos) ++told;
    }
    CHECK(told == 1);  // one program upgraded; the others found it done
    // The copy beside it is the version 1 file as it was, not an upgraded one.
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open_v2((db.path + ".v1.bak").c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(raw, "PRAGMA user_version", -1, &st, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(st) == SQLITE_ROW);
    CHECK(sqlite3_column_int(st, 0) == 1);
    sqlite3_finalize(st);
    sqlite3_close(raw);
    std::vector<std::string> left;
    for (const auto& e : fs::directory_iterator(fs::path(db.path).parent_path()))
        if (e.path().filename().string().find(fs::path(db.path).filename().string() + ".v1.bak.tmp") == 0) left.push_back(e.path());
    CHECK(left.empty());  // no temporary copies left behind
}

TEST_CASE("concurrency: one id taken by many processes at once: one succeeds, the others are refused clearly", "[store][concurrency]") {
    Scratch db("same-id.db");
    make_store(db.path);
    std::vector<std::vector<std::string>> commands;
    for (int i = 0; i < 6; ++i)
        commands.push_back({YS_CLI, "org", "add", "twin", "--name", "Twin", "--type", "district", "--db", db.path});
    for (int i = 0; i < 6; ++i)
        commands.push_back({YS_CLI, "round", "new", "--org", "testshire", "--questionnaire", "tiny-check", "--period", "2030",
                            "--library", YS_TEST_DATA, "--db", db.path});
    int ok = 0;
    for (const Run& r : run_together(commands)) {
        INFO(r.err);
        if (r.code == 0) {
            ++ok;
            continue;
        }
        CHECK(r.code == 2);
        CHECK(r.err.find("already exists") != std::string::npos);
        CHECK(r.err.find("constraint") == std::string::npos);
    }
    CHECK(ok == 2);  // one organisation, one round
}

TEST_CASE("concurrency: moves made at once never make a loop of parents", "[store][concurrency]") {
    Scratch db("cross-moves.db");
    {
        Connection c = ys::store::open_database(db.path);
        ys::store::add_organisation(c, {"a", "A", "other", "", "", ""});
        ys::store::add_organisation(c, {"b", "B", "other", "", "", ""});
    }
    for (int attempt = 0; attempt < 4; ++attempt) {
        std::vector<std::vector<std::string>> commands;
        for (int i = 0; i < 3; ++i) {
            commands.push_back({YS_CLI, "org", "move", "a", "--parent", "b", "--db", db.path});
            commands.push_back({YS_CLI, "org", "move", "b", "--parent", "a", "--db", db.path});
        }
        run_together(commands);
        Connection c = ys::store::open_database(db.path);
        INFO("attempt " << attempt);
        CHECK(c.scalar_int("SELECT count(*) FROM organisation WHERE parent_id IS NULL") == 1);
        ys::store::move_organisation(c, "a", "");
        ys::store::move_organisation(c, "b", "");
    }
}

#endif  // _WIN32
