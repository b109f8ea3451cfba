// The council's own action items through yardstick-cli: action add with --title, listed,
// carried by a bundle to another database, printed by the action plan; bad titles refused.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <functional>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli_run.h"
#include "sqlite_handle.h"

namespace fs = std::filesystem;
using namespace ys::test;

namespace {

std::string work(const std::string& name) {
    fs::create_directories(YS_WORK_DIR);
    return std::string(YS_WORK_DIR) + "/own-action-" + std::to_string(::getpid()) + "-" + name;
}

int lines(const std::string& s) { return count_lines(s); }

std::string fresh_db(const std::string& name) {
    std::string db = work(name + ".db");
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db + suffix);
    return db;
}

std::size_t snapshot(const std::string& db) { return database_hash(db); }

const std::string kRound = "northwold.2026.council-quick-check";

std::string northwold_db(const std::string& name) {
    std::string db = fresh_db(name);
    Run r = cli({"import", "examples/answers/northwold-2026-quick.json", "--db", db});
    REQUIRE(r.code == 0);
    return db;
}

}  // namespace

TEST_CASE("cli own actions: action add with a title, listed, in a bundle, and in the action plan", "[cli][own-actions]") {
    std::string db = northwold_db("own-add");
    Run a = cli({"action", "add", kRound, "--title", "Publish the data catalogue", "--owner", "Head of data", "--due",
                 "2027-03-31", "--db", db});
    REQUIRE(a.code == 0);
    CHECK(a.out == "added own-1\n");
    Run b = cli({"action", "add", kRound, "--title", "Train the leads", "--dimension", "skills", "--db", db});
    INFO(b.err);
    REQUIRE(b.code == 0);
    CHECK(b.out == "added own-2\n");
    Run list = cli({"action", "list", kRound, "--db", db});
    CHECK(list.out.find("(no dimension)  own-1  not-started  \"Publish the data catalogue\"  owner: Head of data  due 2027-03-31") !=
          std::string::npos);
    CHECK(list.out.find("skills  own-2  not-started  \"Train the leads\"") != std::string::npos);
    // action set edits it, keeping its title.
    REQUIRE(cli({"action", "set", kRound, "own-1", "--status", "in-progress", "--db", db}).code == 0);
    CHECK(cli({"action", "list", kRound, "--db", db}).out.find("own-1  in-progress  \"Publish the data catalogue\"") !=
          std::string::npos);

    // A bundle carries it to another database whole.
    const std::string bundle = work("own.json");
    REQUIRE(cli({"export", "--bundle", bundle, "--round", kRound, "--db", db}).code == 0);
    nlohmann::json items = nlohmann::json::parse(slurp(bundle))["rounds"][0]["action_items"];
    REQUIRE(items.size() == 2);
    CHECK(items[0]["title"] == "Publish the data catalogue");
    CHECK_FALSE(items[0].contains("dimension"));
    std::string other = fresh_db("own-other");
    Run imported = cli({"import", bundle, "--db", other});
    INFO(imported.err);
    REQUIRE(imported.code == 0);
    CHECK(cli({"action", "list", kRound, "--db", other}).out == cli({"action", "list", kRound, "--db", db}).out);

    // The action plan prints own actions by their title, "No dimension" where none.
    const std::string pdf = work("plan.pdf"), html = work("plan.html");
    Run rep = cli({"report", "action-plan", "--round", kRound, "--out", pdf, "--html", html, "--db", db});
    INFO(rep.err);
    REQUIRE(rep.code == 0);
    const std::string page = slurp(html);
    CHECK(page.find("Publish the data catalogue") != std::string::npos);
    CHECK(page.find("Own actions in no dimension") != std::string::npos);
    CHECK(page.find("Train the leads (own action)") != std::string::npos);
    CHECK(page.find("No dimension") != std::string::npos);
    for (const auto& f : {bundle, pdf, html}) fs::remove(f);
}

TEST_CASE("cli own actions: a missing, empty, too long or non-UTF-8 title is refused in one line, nothing changes",
          "[cli][own-actions]") {
    std::string db = northwold_db("own-bad");
    const std::size_t before = snapshot(db);
    Run none = cli({"action", "add", kRound, "--db", db});
    CHECK(none.code == 3);
    CHECK(none.err == "yardstick-cli action add: --title TEXT is needed (what is to be done)\n");
    Run empty = cli({"action", "add", kRound, "--title", "", "--db", db});
    CHECK(empty.code == 2);
    CHECK(lines(empty.err) == 1);
    CHECK(empty.err.find("needs a title") != std::string::npos);
    Run blank = cli({"action", "add", kRound, "--title", "   ", "--db", db});
    CHECK(blank.code == 2);
    CHECK(lines(blank.err) == 1);
    Run longer = cli({"action", "add", kRound, "--title", repeat("é", 201), "--db", db});
    CHECK(longer.code == 2);
    CHECK(lines(longer.err) == 1);
    CHECK(longer.err.find("--title") != std::string::npos);
    CHECK(longer.err.find("200") != std::string::npos);
    Run bad = cli({"action", "add", kRound, "--title", "Over\xC0\xAFlong", "--db", db});
    CHECK(bad.code == 3);
    CHECK(lines(bad.err) == 1);
    CHECK(bad.err.find("--title") != std::string::npos);
    Run dim = cli({"action", "add", kRound, "--title", "Fine", "--dimension", "no-such", "--db", db});
    CHECK(dim.code == 2);
    CHECK(lines(dim.err) == 1);
    CHECK(snapshot(db) == before);
    // A title at the limit is accepted.
    CHECK(cli({"action", "add", kRound, "--title", repeat("é", 200), "--db", db}).code == 0);
}

TEST_CASE("cli own actions: a bundle with an own action missing its title is refused at its JSON pointer", "[cli][own-actions]") {
    std::string db = northwold_db("own-bundle-src");
    REQUIRE(cli({"action", "add", kRound, "--title", "Ours", "--db", db}).code == 0);
    const std::string bundle = work("own-untitled.json");
    REQUIRE(cli({"export", "--bundle", bundle, "--round", kRound, "--db", db}).code == 0);
    nlohmann::json j = nlohmann::json::parse(slurp(bundle));
    j["rounds"][0]["action_items"][0].erase("title");
    spit(bundle, j.dump(2));
    std::string other = fresh_db("own-bundle-dst");
    Run r = cli({"import", bundle, "--db", other});
    CHECK(r.code == 2);
    INFO(r.err);
    // One line for the problem, then import's summary line.
    CHECK(lines(r.err) == 2);
    CHECK(r.err.find(bundle + ": /rounds/0/action_items/0/title: missing; expected a string\n") == 0);
    CHECK(cli({"org", "list", "--db", other}).out.find("northwold") == std::string::npos);
    fs::remove(bundle);
}
