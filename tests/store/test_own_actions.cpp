// Action items the council writes itself (schema v5): a title, an id "own-N" the store
// chooses, a dimension only if one is named; and a version 4 database upgraded to hold them.
#include <catch2/catch.hpp>

#include "action_items.h"
#include "store_test_support.h"

using namespace ys_test;
using ys::store::Connection;
using ys::store::StoreError;

namespace {
std::string refusal(const std::function<void()>& f) {
    try {
        f();
    } catch (const StoreError& e) {
        return e.what();
    }
    return "(no error)";
}
}  // namespace

TEST_CASE("own actions: added with a title and ids own-1, own-2, read back whole", "[store][own-actions]") {
    Scratch db("own-actions.db");
    const std::string round = make_store(db.path);
    Connection c = ys::store::open_database(db.path);
    ys::store::ActionItem a;
    a.round = round;
    a.title = "Publish the data catalogue — “Äpfel” ✓";
    a.owner = "Head of data";
    a.due = "2027-03-31";
    a.status = "in-progress";
    a.notes = "two\nlines";
    CHECK(ys::store::add_own_action_item(c, a) == "own-1");
    ys::store::ActionItem b;
    b.round = round;
    b.title = "Train the skills leads";
    b.dimension = "data.skills";
    CHECK(ys::store::add_own_action_item(c, b) == "own-2");
    // And one from the framework beside them.
    ys::store::save_action_item(c, {round, "dq-1-2", "", "", "", "not-started", "", ""});

    auto one = ys::store::find_action_item(c, round, "own-1");
    REQUIRE(one);
    CHECK(one->title == a.title);
    CHECK(one->dimension.empty());
    CHECK(one->owner == "Head of data");
    CHECK(one->due == "2027-03-31");
    CHECK(one->status == "in-progress");
    CHECK(one->notes == "two\nlines");
    CHECK(one->own());
    auto two = ys::store::find_action_item(c, round, "own-2");
    REQUIRE(two);
    CHECK(two->dimension == "data.skills");
    auto fw = ys::store::find_action_item(c, round, "dq-1-2");
    REQUIRE(fw);
    CHECK_FALSE(fw->own());
    CHECK(fw->dimension == "data.quality");
    CHECK(ys::store::list_action_items(c, round).size() == 3);

    // An edit that says nothing of the title keeps it; a new title replaces it.
    ys::store::ActionItem edit = *one;
    edit.title.clear();
    edit.status = "done";
    ys::store::replace_action_item(c, edit);
    CHECK(ys::store::find_action_item(c, round, "own-1")->title == a.title);
    CHECK(ys::store::find_action_item(c, round, "own-1")->status == "done");
    edit.title = "Publish the catalogue";
    ys::store::replace_action_item(c, edit);
    CHECK(ys::store::find_action_item(c, round, "own-1")->title == "Publish the catalogue");

    // Ids are never reused while a higher one stands, and removal works as for any action.
    ys::store::remove_action_item(c, round, "own-1");
    CHECK(ys::store::add_own_action_item(c, b) == "own-3");
}

TEST_CASE("own actions: bad titles, dimensions and ids are refused and nothing is written", "[store][own-actions]") {
    Scratch db("own-actions-bad.db");
    const std::string round = make_store(db.path);
    Connection c = ys::store::open_database(db.path);
    ys::store::ActionItem a;
    a.round = round;
    auto count = [&] { return c.scalar_int("SELECT count(*) FROM action_item"); };

    CHECK(refusal([&] { ys::store::add_own_action_item(c, a); }) == "an own action needs a title: write what is to be done");
    a.title = "   ";
    CHECK(refusal([&] { ys::store::add_own_action_item(c, a); }) == "an own action needs a title: write what is to be done");
    a.title = std::string(201, 'x');
    CHECK_THAT(refusal([&] { ys::store::add_own_action_item(c, a); }), Catch::Contains("action title"));
    CHECK_THAT(refusal([&] { ys::store::add_own_action_item(c, a); }), Catch::Contains("200"));
    a.title = "bad \x1b control";
    CHECK_THAT(refusal([&] { ys::store::add_own_action_item(c, a); }), Catch::Contains("action title"));
    a.title = "Fine";
    a.dimension = "no.such";
    CHECK(refusal([&] { ys::store::add_own_action_item(c, a); }) ==
          "unknown dimension \"no.such\" in framework \"tiny-example\"");
    CHECK(count() == 0);

    // A framework action takes no title, and an "own-N" not made by add needs one.
    CHECK_THAT(refusal([&] { ys::store::save_action_item(c, {round, "dq-1-2", "", "", "", "not-started", "", "Mine"}); }),
               Catch::Contains("take no title"));
    CHECK(refusal([&] { ys::store::replace_action_item(c, {round, "own-7", "", "", "", "not-started", "", ""}); }) ==
          "an own action needs a title: write what is to be done");
    CHECK(refusal([&] { ys::store::replace_action_item(c, {round, "mine", "", "", "", "not-started", "", "Mine"}); }) ==
          "unknown action \"mine\" in framework \"tiny-example\"");
    CHECK(count() == 0);
}

TEST_CASE("own actions: an own id never clashes with a framework action named own-N", "[store][own-actions]") {
    Scratch db("own-actions-clash.db");
    Connection c = ys::store::open_database(db.path);
    ys::store::add_organisation(c, {"testshire", "Testshire (fictional)", "county", "", "", ""});
    nlohmann::json fw = tiny_framework();
    fw["id"] = "odd-example";
    fw["dimensions"][0]["children"][0]["actions"].push_back(
        {{"id", "own-1"}, {"from", 1}, {"to", 2}, {"title", "A framework action oddly named"}, {"effort", "small"},
         {"timescale", "1 month"}, {"owner", "x"}, {"responsibilities", {"data-quality"}}});
    nlohmann::json q = tiny_questionnaire();
    q["framework"]["id"] = "odd-example";
    const std::string round = ys::store::new_round(c, "testshire", "2026", fw, q).id;
    ys::store::save_action_item(c, {round, "own-1", "", "", "", "not-started", "", ""});
    ys::store::ActionItem a;
    a.round = round;
    a.title = "Ours";
    CHECK(ys::store::add_own_action_item(c, a) == "own-2");
    CHECK(ys::store::find_action_item(c, round, "own-1")->dimension == "data.quality");
    CHECK(ys::store::find_action_item(c, round, "own-1")->title.empty());
}

TEST_CASE("schema v5: a version 4 database upgrades with its action plan intact and takes own actions", "[store][schema]") {
    const std::string fixture = std::string(YS_TEST_DATA) + "/db/yardstick-v4.db";
    Scratch db("v4-to-v5.db");
    fs::copy_file(fixture, db.path);
    // The fixture's round with an adopted action, written as version 4 would (no title column).
    raw_exec(db.path,
             "INSERT INTO action_item (round_id, action_id, dimension_id, owner, due_date, status, notes) "
             "SELECT id, 'keep-me', 'data.quality', 'Alex', '2027-01-31', 'in-progress', 'a note' FROM round LIMIT 1");
    const std::string round = [&] {
        Connection raw = Connection::open(db.path, false, 1000);
        CHECK(raw.scalar_int("PRAGMA user_version") == 4);
        ys::store::Statement s = raw.prepare("SELECT id FROM round LIMIT 1");
        REQUIRE(s.step());
        return s.text(0);
    }();
    ys::store::OpenReport report;
    Connection c = ys::store::open_database(db.path, {}, &report);
    CHECK(report.upgraded_from == 4);
    REQUIRE(report.backup_path == db.path + ".v4.bak");
    {
        Connection backup = Connection::open(report.backup_path, false, 1000);
        CHECK(backup.scalar_int("PRAGMA user_version") == 4);
        CHECK(backup.scalar_int("SELECT count(*) FROM pragma_table_info('action_item') WHERE name = 'title'") == 0);
    }
    CHECK(c.scalar_int("PRAGMA user_version") == ys::store::kSchemaVersion);
    CHECK(c.scalar_int("SELECT count(*) FROM pragma_foreign_key_check") == 0);
    CHECK(c.scalar_int("SELECT count(*) FROM invitation") == 2);  // what version 4 held
    ys::store::Statement s = c.prepare(
        "SELECT action_id, dimension_id, owner, due_date, status, notes, title IS NULL FROM action_item WHERE round_id = ?");
    s.bind(1, round);
    REQUIRE(s.step());
    CHECK(s.text(0) == "keep-me");
    CHECK(s.text(1) == "data.quality");
    CHECK(s.text(2) == "Alex");
    CHECK(s.text(3) == "2027-01-31");
    CHECK(s.text(4) == "in-progress");
    CHECK(s.text(5) == "a note");
    CHECK(s.integer(6) == 1);
    CHECK_FALSE(s.step());
    s.reset();

    ys::store::ActionItem a;
    a.round = round;
    a.title = "Written after the upgrade";
    CHECK(ys::store::add_own_action_item(c, a) == "own-1");
    CHECK(ys::store::find_action_item(c, round, "own-1")->title == "Written after the upgrade");
}
