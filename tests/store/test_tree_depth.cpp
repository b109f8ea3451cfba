// Organisation hierarchies, deep or looping, from any source: walked without recursion,
// refused past kMaxOrganisationDepth at every entry point, listed (never a crash or a hang)
// when a database edited by hand holds a 10,000-deep chain or a loop of parents.
#include <catch2/catch.hpp>

#include "bundle.h"
#include "bundle_io.h"
#include "import_answers.h"
#include "org_tree.h"
#include "store_test_support.h"

using namespace ys_test;
using ys::store::Connection;
using ys::store::StoreError;

namespace {

// o1 > o2 > ... > o<n>, written straight into the file as sqlite3 would.
void insert_chain(const std::string& path, int n) {
    raw_exec(path, "WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < " + std::to_string(n) +
                       ") INSERT INTO organisation (id, name, type, parent_id) SELECT 'o' || i, 'Org ' || i, 'other', "
                       "CASE WHEN i = 1 THEN NULL ELSE 'o' || (i - 1) END FROM k");
}

#ifndef _WIN32
std::vector<std::string> cli_db(const std::string& db, std::vector<std::string> args) {
    args.insert(args.begin(), YS_CLI);
    args.push_back("--db");
    args.push_back(db);
    return args;
}
#endif

}  // namespace

TEST_CASE("org tree: a 100,000-deep chain and loops are walked without recursion", "[store][tree]") {
    std::vector<ys::OrgLink> links;
    for (int i = 1; i <= 100000; ++i) links.push_back({"o" + std::to_string(i), i == 1 ? "" : "o" + std::to_string(i - 1)});
    links.push_back({"x", "y"});
    links.push_back({"y", "x"});
    links.push_back({"z", "x"});     // under a loop
    links.push_back({"self", "self"});
    links.push_back({"orphan", "gone"});  // a parent not there: shown at the top
    ys::OrgTree t = ys::walk_org_tree(links);
    REQUIRE(t.rows.size() == 100001);
    CHECK(t.rows[0].index == 0);
    CHECK(t.rows[99999].level == 100000);
    CHECK(t.rows[100000].index == 100004);
    CHECK(t.rows[100000].level == 1);
    CHECK(t.deeper_than_limit == static_cast<std::size_t>(100000 - ys::kMaxOrganisationDepth));
    CHECK(t.in_cycle == std::vector<std::size_t>{100000, 100001, 100002, 100003});
}

TEST_CASE("org tree: add and move keep to the depth limit and never make a loop", "[store][tree]") {
    Scratch db("depth.db");
    Connection c = ys::store::open_database(db.path);
    for (int i = 1; i <= ys::kMaxOrganisationDepth; ++i)
        ys::store::add_organisation(c, {"o" + std::to_string(i), "Org", "other", "", "", i == 1 ? "" : "o" + std::to_string(i - 1)});
    CHECK(ys::store::organisation_level(c, "o32") == 32);
    try {
        ys::store::add_organisation(c, {"o33", "Org", "other", "", "", "o32"});
        FAIL("a 33rd level was accepted");
    } catch (const StoreError& e) {
        INFO(e.what());
        CHECK(e.kind() == StoreError::Kind::Invalid);
        CHECK(std::string(e.what()).find("at most 32 levels") != std::string::npos);
    }
    ys::store::add_organisation(c, {"a", "A", "other", "", "", ""});
    ys::store::add_organisation(c, {"b", "B", "other", "", "", "a"});
    CHECK_THROWS_AS(ys::store::move_organisation(c, "a", "o31"), StoreError);  // a > b would reach level 33
    ys::store::move_organisation(c, "a", "o30");                                // level 31 and 32: fine
    CHECK(ys::store::organisation_level(c, "b") == 32);
    CHECK_THROWS_AS(ys::store::move_organisation(c, "o1", "b"), StoreError);    // under itself
    CHECK(c.scalar_int("SELECT count(*) FROM organisation") == 34);
}

#ifndef _WIN32  // yardstick-cli is run by fork and exec (store_test_support.h)
TEST_CASE("org tree: a loop of parents made by hand is refused by move, broken by --top, and listed", "[store][tree]") {
    Scratch db("loop.db");
    make_store(db.path);
    raw_exec(db.path, "INSERT INTO organisation (id, name, type, parent_id) VALUES ('x', 'X', 'other', 'y'), "
                      "('y', 'Y', 'other', 'x'), ('under', 'Under', 'other', 'x')");
    {
        Connection c = ys::store::open_database(db.path);
        try {
            ys::store::move_organisation(c, "testshire", "under");
            FAIL("a move under a loop was accepted");
        } catch (const StoreError& e) {
            INFO(e.what());
            CHECK(std::string(e.what()).find("loop of parents") != std::string::npos);
            CHECK(std::string(e.what()).find("--top") != std::string::npos);
        }
        CHECK_THROWS_AS(ys::store::add_organisation(c, {"new", "New", "other", "", "", "under"}), StoreError);
    }
    Run list = run(cli_db(db.path, {"org", "list"}));
    INFO(list.out << list.err);
    CHECK(list.code == 0);
    CHECK(list.out.find("testshire") != std::string::npos);
    CHECK(list.out.find("form a loop") != std::string::npos);
    for (const char* id : {"x  X", "y  Y", "under  Under"}) CHECK(list.out.find(id) != std::string::npos);
    CHECK(list.err.find("3 organisations") != std::string::npos);
    CHECK(run(cli_db(db.path, {"org", "list", "--format", "json"})).code == 0);

    CHECK(run(cli_db(db.path, {"org", "move", "x", "--top"})).code == 0);
    Run fixed = run(cli_db(db.path, {"org", "list"}));
    CHECK(fixed.code == 0);
    CHECK(fixed.err.empty());
    CHECK(fixed.out.find("\n  y  Y") != std::string::npos);
}
#endif

#ifndef _WIN32  // yardstick-cli is run by fork and exec (store_test_support.h)
TEST_CASE("org tree: a 10,000-deep chain made by hand lists without a crash and refuses more depth", "[store][tree]") {
    Scratch db("chain.db");
    make_store(db.path);
    insert_chain(db.path, 10000);
    Run list = run(cli_db(db.path, {"org", "list"}));
    INFO(list.err);
    REQUIRE(list.code == 0);
    std::size_t lines = 0, longest = 0;
    for (std::size_t at = 0, nl; (nl = list.out.find('\n', at)) != std::string::npos; at = nl + 1) {
        ++lines;
        longest = std::max(longest, nl - at);
    }
    CHECK(lines == 10001);
    CHECK(longest < 2 * ys::kMaxOrganisationDepth + 40);  // indents stop at the limit
    CHECK(list.err.find("9968 organisations sit deeper than the limit of 32") != std::string::npos);
    Run add = run(cli_db(db.path, {"org", "add", "deeper", "--name", "Deeper", "--type", "other", "--parent", "o10000"}));
    CHECK(add.code != 0);
    CHECK(add.err.find("at most 32 levels") != std::string::npos);
}
#endif

TEST_CASE("org tree: a bundle bringing a hierarchy deeper than the limit is refused whole", "[store][tree]") {
    Scratch from("deep-from.db"), to("deep-to.db");
    make_store(from.path);
    insert_chain(from.path, 40);
    const std::string bundle = from.path + ".bundle.json";
    {
        Connection c = ys::store::open_database(from.path);
        auto r = ys::store::new_round(c, "o40", "2026", tiny_framework(), tiny_questionnaire());
        spill(bundle, ys::bundle_to_json(ys::store::export_bundle(c, {r.id}), false).dump());
    }
    make_store(to.path);
    Connection c = ys::store::open_database(to.path);
    auto r = ys::store::import_files(c, {{bundle}, {YS_TEST_DATA}, false});
    REQUIRE_FALSE(r.ok());
    INFO(r.diagnostics.items().back().message);
    CHECK(r.diagnostics.items().back().file == bundle);
    CHECK(r.diagnostics.items().back().message.find("at most 32 levels") != std::string::npos);
    CHECK(c.scalar_int("SELECT count(*) FROM organisation") == 1);
}
