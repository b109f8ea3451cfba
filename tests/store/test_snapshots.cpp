// Deletes that can be undone: a round, a respondent or an organisation deleted with a copy
// of everything it held, put back exactly from that copy; refusals in one line that write
// nothing; peer groups renamed, emptied and deleted.
#include "store_test_support.h"

#include <algorithm>
#include <set>

#include "action_items.h"
#include "forms.h"
#include "peer_groups.h"
#include "scenarios.h"
#include "snapshots.h"

using namespace ys_test;
using ys::store::Connection;
using ys::store::StoreError;
using ys::store::Statement;

namespace {

// Every row of every table, as text and sorted, with the ids SQLite picks for itself left
// out and an answer's respondent named by round and key: two databases that hold the same
// things dump the same.
std::string dump(Connection& c) {
    std::vector<std::string> tables;
    Statement t = c.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
    while (t.step()) tables.push_back(t.text(0));
    std::string out;
    for (const auto& table : tables) {
        std::string sql = "SELECT * FROM " + table;
        if (table == "answer")
            sql = "SELECT p.round_id, p.key, a.question_id, a.state, a.value, a.evidence, a.confidence, a.answered_at "
                  "FROM answer a JOIN respondent p ON p.id = a.respondent_id";
        Statement s = c.prepare(sql);
        std::vector<std::string> rows;
        const bool own_id = table == "respondent" || table == "invitation" || table == "action_item" || table == "roadmap_scenario";
        while (s.step()) {
            std::string row;
            for (int i = 0; i < s.column_count(); ++i) {
                if (own_id && s.column_name(i) == "id") continue;
                row += s.column_name(i) + "=" + (s.is_null(i) ? std::string("NULL") : s.text(i)) + "|";
            }
            rows.push_back(row);
        }
        std::sort(rows.begin(), rows.end());
        out += "[" + table + "]\n";
        for (const auto& r : rows) out += r + "\n";
    }
    return out;
}

nlohmann::json value(const char* option) { return {{"value", option}}; }

// Testshire's round with two respondents and their answers, a form, an invitation, an
// adopted action, a score summary, a target, a saved scenario, a place in a peer group; and
// a second organisation with a round of its own that no delete may touch.
std::string fill(Connection& c) {
    const std::string round = ys::store::new_round(c, "testshire", "2025", tiny_framework(), tiny_questionnaire()).id;
    ys::store::add_respondent(c, round, "analyst", "Ann Analyst", "ann@example.org", "ann");
    ys::store::add_respondent(c, round, "senior-leader", "Sam Senior", "", "sam");
    ys::store::set_answer(c, round, "ann", "q-quality", value("level-2"), 1000);
    ys::store::set_answer(c, round, "sam", "q-quality", {{"value", "level-3"}, {"evidence", "Audit 2025"}, {"confidence", 0.5}}, 1001);
    ys::store::set_answer(c, round, "sam", "q-trained", {{"na", true}}, 1002);
    ys::store::record_form(c, std::string(32, 'a'), round, 900, "sent to the data team");
    c.exec("INSERT INTO invitation (round_id, name, email, role, department, added_at) VALUES ('" + round +
           "', 'Ann Analyst', 'ann@example.org', 'analyst', 'Finance', 800)");
    c.exec("INSERT INTO round_summary (round_id, engine, content, made_at) VALUES ('" + round + "', 1, '{}', 1100)");
    ys::store::ActionItem a;
    a.round = round;
    a.action = "dq-1-2";
    a.owner = "Data quality officer";
    a.due = "2027-03-31";
    a.status = "in-progress";
    ys::store::save_action_item(c, a);
    ys::store::set_target(c, {"testshire", "tiny-example", "data.quality", "2027-03-31", 3});
    c.exec("INSERT INTO roadmap_scenario (organisation_id, name, content, created_at) VALUES ('testshire', 'Plan A', '{}', 5)");
    ys::store::add_peer_group(c, "shires", "Shire counties");
    ys::store::add_peer_group_member(c, "shires", "testshire");
    ys::store::add_organisation(c, {"otherton", "Otherton (fictional)", "district", "", "", ""});
    ys::store::add_peer_group_member(c, "shires", "otherton");
    ys::store::new_round(c, "otherton", "2026", tiny_framework(), tiny_questionnaire());
    return round;
}

}  // namespace

TEST_CASE("snapshots: every table that refers to a round is copied when the round is deleted", "[store][snapshot]") {
    Scratch db("snap-tables.db");
    make_store(db.path);
    Connection c = ys::store::open_database(db.path);
    // A table added later with rows of a round must join the copy, or an undo would lose them.
    std::set<std::string> referring;
    Statement t = c.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
    while (t.step()) {
        Statement fk = c.prepare("SELECT \"table\" FROM pragma_foreign_key_list(?)");
        fk.bind(1, t.text(0));
        while (fk.step())
            if (fk.text(0) == "round" || fk.text(0) == "respondent") referring.insert(t.text(0));
    }
    const std::string round = make_store(db.path, "2027");
    auto snap = ys::store::snapshot_round(c, round);
    std::set<std::string> copied;
    for (const auto& rows : snap.tables) copied.insert(rows.table);
    for (const auto& name : referring) CHECK(copied.count(name) == 1);
    CHECK(referring.size() >= 6);  // the check found the tables it is about

    // The same for an organisation: its own rows, and its rounds copied as above.
    std::set<std::string> of_org;
    Statement t2 = c.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
    while (t2.step()) {
        Statement fk = c.prepare("SELECT \"table\" FROM pragma_foreign_key_list(?)");
        fk.bind(1, t2.text(0));
        while (fk.step())
            if (fk.text(0) == "organisation" && t2.text(0) != "organisation") of_org.insert(t2.text(0));
    }
    auto org = ys::store::snapshot_organisation(c, "testshire");
    std::set<std::string> org_copied{"round"};
    for (const auto& rows : org.tables) org_copied.insert(rows.table);
    for (const auto& name : of_org) CHECK(org_copied.count(name) == 1);
    CHECK(of_org.size() >= 4);
}

TEST_CASE("snapshots: a deleted round is put back exactly, with everything it held", "[store][snapshot]") {
    Scratch db("snap-round.db");
    make_store(db.path);
    Connection c = ys::store::open_database(db.path);
    const std::string round = fill(c);
    const std::string before = dump(c);

    auto snap = ys::store::delete_round(c, round);
    CHECK(snap.record.respondents == 2);
    CHECK(snap.record.answers == 3);
    CHECK(snap.record.period == "2025");
    const std::string deleted = dump(c);
    CHECK(deleted != before);
    CHECK(c.scalar_int("SELECT count(*) FROM round") == 2);  // the first made by make_store, and Otherton's
    CHECK(c.scalar_int("SELECT count(*) FROM respondent") == 0);
    CHECK(c.scalar_int("SELECT count(*) FROM action_item") == 0);
    CHECK(c.scalar_int("SELECT count(*) FROM invitation") == 0);
    CHECK(c.scalar_int("SELECT count(*) FROM target") == 1);  // the organisation's, not the round's

    SECTION("restore puts back every row") {
        // Another round's respondent takes the ids the deleted ones had: they are given new ones.
        const std::string other = ys::store::list_rounds(c, "otherton")[0].id;
        ys::store::add_respondent(c, other, "analyst", "Olly", "", "olly");
        ys::store::restore_round(c, snap);
        Connection again = ys::store::open_database(db.path);
        std::string after = dump(again);
        // Everything as before, and Olly besides.
        CHECK(after.find("key=olly") != std::string::npos);
        CHECK(after.size() > before.size());
        ys::store::Statement d = again.prepare("DELETE FROM respondent WHERE key = 'olly'");
        d.run();
        CHECK(dump(again) == before);
        CHECK(ys::store::load_round(again, round).answers.respondents.size() == 2);
    }
    SECTION("a round made again under the same id is not overwritten, and nothing is written") {
        ys::store::new_round(c, "testshire", "2025", tiny_framework(), tiny_questionnaire());
        const std::string now = dump(c);
        refused([&] { ys::store::restore_round(c, snap); }, StoreError::Kind::Invalid, "exists again");
        CHECK(dump(c) == now);
    }
    SECTION("a round whose organisation has gone is refused, naming it") {
        ys::store::delete_organisation(c, "testshire");
        const std::string now = dump(c);
        refused([&] { ys::store::restore_round(c, snap); }, StoreError::Kind::NotFound, "\"testshire\"");
        CHECK(dump(c) == now);
    }
    SECTION("an unknown round is NotFound") {
        refused([&] { ys::store::delete_round(c, "no-such-round"); }, StoreError::Kind::NotFound, "\"no-such-round\"");
        CHECK(dump(c) == deleted);
    }
}

TEST_CASE("snapshots: a deleted respondent is put back with their answers, and a closed round refuses", "[store][snapshot]") {
    Scratch db("snap-respondent.db");
    make_store(db.path);
    Connection c = ys::store::open_database(db.path);
    const std::string round = fill(c);
    const std::string before = dump(c);

    auto snap = ys::store::delete_respondent(c, round, "sam");
    CHECK(snap.answers == 2);
    CHECK(snap.name == "Sam Senior");
    CHECK(snap.role == "senior-leader");
    CHECK(ys::store::get_round(c, round).respondents == 1);
    CHECK(ys::store::get_round(c, round).answers == 1);
    CHECK(c.scalar_int("SELECT count(*) FROM round_summary") == 0);  // the scores changed

    ys::store::restore_respondent(c, snap);
    // As before but for the score summary, which is made again when next needed.
    c.exec("INSERT INTO round_summary (round_id, engine, content, made_at) VALUES ('" + round + "', 1, '{}', 1100)");
    CHECK(dump(c) == before);

    SECTION("unknown respondents and rounds are named") {
        refused([&] { ys::store::delete_respondent(c, round, "nobody"); }, StoreError::Kind::NotFound, "\"nobody\"");
        refused([&] { ys::store::delete_respondent(c, "no-round", "sam"); }, StoreError::Kind::NotFound, "\"no-round\"");
        CHECK(dump(c) == before);
    }
    SECTION("a closed round's respondents stay, and the message says how to reopen it") {
        ys::store::set_round_status(c, round, "closed");
        const std::string now = dump(c);
        refused([&] { ys::store::delete_respondent(c, round, "sam"); }, StoreError::Kind::Invalid, "reopen");
        CHECK(dump(c) == now);
    }
    SECTION("a key taken again is not overwritten") {
        auto again = ys::store::delete_respondent(c, round, "ann");
        ys::store::add_respondent(c, round, "analyst", "Another Ann", "", "ann");
        const std::string now = dump(c);
        refused([&] { ys::store::restore_respondent(c, again); }, StoreError::Kind::Invalid, "\"ann\" again");
        CHECK(dump(c) == now);
    }
}

TEST_CASE("snapshots: a deleted organisation comes back with its rounds, targets, scenarios and peer groups", "[store][snapshot]") {
    Scratch db("snap-org.db");
    make_store(db.path);
    Connection c = ys::store::open_database(db.path);
    fill(c);
    const std::string before = dump(c);

    auto snap = ys::store::delete_organisation(c, "testshire");
    CHECK(snap.rounds.size() == 2);
    CHECK(snap.respondents == 2);
    CHECK(snap.answers == 3);
    CHECK(snap.scenarios == 1);
    CHECK(snap.targets == 1);
    CHECK_FALSE(ys::store::find_organisation(c, "testshire"));
    CHECK(ys::store::find_peer_group(c, "shires")->members == std::vector<std::string>{"otherton"});
    CHECK(c.scalar_int("SELECT count(*) FROM round") == 1);  // Otherton's stays

    ys::store::restore_organisation(c, snap);
    CHECK(dump(c) == before);

    SECTION("one with organisations under it is refused, naming how many") {
        ys::store::add_organisation(c, {"testshire-hr", "Testshire HR", "department", "", "", "testshire"});
        const std::string now = dump(c);
        refused([&] { ys::store::delete_organisation(c, "testshire"); }, StoreError::Kind::Invalid, "1 organisation under it");
        CHECK(dump(c) == now);
    }
    SECTION("put back when it exists again is refused") {
        auto again = ys::store::delete_organisation(c, "testshire");
        ys::store::add_organisation(c, {"testshire", "Testshire again", "county", "", "", ""});
        const std::string now = dump(c);
        refused([&] { ys::store::restore_organisation(c, again); }, StoreError::Kind::Invalid, "exists again");
        CHECK(dump(c) == now);
    }
    SECTION("its place in a peer group deleted since is not put back; the rest is") {
        auto again = ys::store::delete_organisation(c, "testshire");
        ys::store::delete_peer_group(c, "shires");
        ys::store::restore_organisation(c, again);
        CHECK(ys::store::find_organisation(c, "testshire"));
        CHECK(ys::store::list_rounds(c, "testshire").size() == 2);
        CHECK(c.scalar_int("SELECT count(*) FROM peer_group_member") == 0);
    }
}

TEST_CASE("peer groups: renamed, members taken out, deleted and put back", "[store][peer-groups]") {
    Scratch db("peer-groups.db");
    make_store(db.path);
    Connection c = ys::store::open_database(db.path);
    ys::store::add_organisation(c, {"otherton", "Otherton (fictional)", "district", "", "", ""});
    CHECK(ys::store::new_peer_group_id(c, "Shire counties") == "shire-counties");
    ys::store::add_peer_group(c, "shire-counties", "Shire counties");
    CHECK(ys::store::new_peer_group_id(c, "Shire counties!") == "shire-counties-2");
    CHECK(ys::store::new_peer_group_id(c, "2025 cohort") == "group-2025-cohort");
    CHECK(ys::store::new_peer_group_id(c, "\u00c9quipe") == "quipe");  // letters outside ASCII are left out of ids
    ys::store::add_peer_group_member(c, "shire-counties", "testshire");
    ys::store::add_peer_group_member(c, "shire-counties", "otherton");

    ys::store::rename_peer_group(c, "shire-counties", "Shires and districts");
    CHECK(ys::store::find_peer_group(c, "shire-counties")->name == "Shires and districts");
    ys::store::remove_peer_group_member(c, "shire-counties", "otherton");
    CHECK(ys::store::find_peer_group(c, "shire-counties")->members == std::vector<std::string>{"testshire"});

    auto gone = ys::store::delete_peer_group(c, "shire-counties");
    CHECK(ys::store::list_peer_groups(c).empty());
    CHECK(ys::store::find_organisation(c, "testshire"));  // members are never deleted with a group
    ys::store::put_peer_group(c, gone);
    auto back = ys::store::find_peer_group(c, "shire-counties");
    REQUIRE(back);
    CHECK(back->name == "Shires and districts");
    CHECK(back->members == std::vector<std::string>{"testshire"});

    const std::string before = dump(c);
    refused([&] { ys::store::rename_peer_group(c, "nope", "x"); }, StoreError::Kind::NotFound, "\"nope\"");
    refused([&] { ys::store::rename_peer_group(c, "shire-counties", ""); }, StoreError::Kind::Invalid, "needs a name");
    refused([&] { ys::store::remove_peer_group_member(c, "shire-counties", "otherton"); }, StoreError::Kind::NotFound,
            "\"otherton\" is not in");
    refused([&] { ys::store::remove_peer_group_member(c, "nope", "otherton"); }, StoreError::Kind::NotFound, "\"nope\"");
    refused([&] { ys::store::delete_peer_group(c, "nope"); }, StoreError::Kind::NotFound, "\"nope\"");
    CHECK(dump(c) == before);
}
