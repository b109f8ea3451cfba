// A closed round is closed to every path: answer set, respondent add, every import and
// bundles refuse to change it, name it and say how to reopen it, and leave the file as it
// was. Within an open round an import tells new, changed and unchanged respondents apart.
#include <catch2/catch.hpp>

#include "action_items.h"
#include "bundle.h"
#include "bundle_io.h"
#include "import_answers.h"
#include "import_csv.h"
#include "store_test_support.h"

using namespace ys_test;
using ys::store::Connection;
using ys::store::StoreError;

namespace {

// The message every refusal must carry: which round (by name), that it is closed, how to reopen.
void check_closed_message(const std::string& what, const std::string& round) {
    INFO(what);
    CHECK(one_line(what));
    CHECK(what.find("\"" + round + "\"") != std::string::npos);
    CHECK(what.find("is closed") != std::string::npos);
    CHECK(what.find("yardstick-cli round reopen " + round) != std::string::npos);
}

const std::string kAnswers = std::string(YS_TEST_DATA) + "/answers/tiny-good.json";
const std::string kEastmere = "fictional-borough-of-eastmere.2026.tiny-check";

// The answer file with r01's first answer changed.
std::string changed_answer_file(const std::string& dir) {
    nlohmann::json doc = nlohmann::json::parse(slurp(kAnswers));
    doc["respondents"][0]["answers"]["q-quality"]["value"] = "level-3";
    std::string path = dir + "-changed.json";
    spill(path, doc.dump(2));
    return path;
}

std::string long_csv(const std::string& path, const std::string& answer) {
    spill(path, "organisation,period,questionnaire,respondent,question,answer\n"
                "testshire,2026,tiny-check,r1,q-quality," + answer + "\n");
    return path;
}

// The database file's bytes once every connection is closed (SQLite folds the WAL back in).
std::string settled_bytes(const std::string& path) { return slurp(path) + "|wal:" + slurp(path + "-wal"); }

}  // namespace

TEST_CASE("closed rounds: every store write refuses a closed round, naming it, and changes nothing", "[store][closed]") {
    Scratch db("closed-store.db");
    const std::string round = make_store(db.path);
    {
        Connection c = ys::store::open_database(db.path);
        ys::store::add_respondent(c, round, "analyst", "Ann", "", "r1");
        ys::store::set_answer(c, round, "r1", "q-quality", {{"value", "level-2"}}, 1767225600);
        ys::store::set_round_status(c, round, "closed");
    }
    const std::string before = settled_bytes(db.path);
    auto refused = [&](const std::function<void(Connection&)>& write) {
        Connection c = ys::store::open_database(db.path);
        try {
            write(c);
            FAIL("a write to the closed round was accepted");
        } catch (const StoreError& e) {
            check_closed_message(e.what(), round);
            CHECK(std::string(e.what()).find("Testshire (fictional)") != std::string::npos);
            CHECK(std::string(e.what()).find("tiny-check") != std::string::npos);
            CHECK(std::string(e.what()).find("2026") != std::string::npos);
        }
    };
    SECTION("answer set") { refused([&](Connection& c) { ys::store::set_answer(c, round, "r1", "q-quality", {{"value", "level-3"}}, 0); }); }
    SECTION("respondent add, new") { refused([&](Connection& c) { ys::store::add_respondent(c, round, "analyst", "", "", ""); }); }
    SECTION("respondent add --update") {
        refused([&](Connection& c) { ys::store::add_respondent(c, round, "analyst", "Bob", "", "r1", true); });
    }
    SECTION("write_respondents with a changed answer") {
        refused([&](Connection& c) {
            auto lr = ys::store::load_round(c, round);
            lr.answers.respondents[0].answers[0].choice = 2;
            ys::store::write_respondents(c, round, *lr.questionnaire, lr.answers.respondents);
        });
    }
    SECTION("round upgrade") {
        refused([&](Connection& c) { ys::store::upgrade_round(c, round, tiny_framework(), tiny_questionnaire()); });
    }
    SECTION("long CSV import") {
        std::string csv = long_csv(db.path + ".csv", "level-3");
        refused([&](Connection& c) { ys::store::import_long_csv(c, csv, {YS_TEST_DATA}, false); });
    }
    SECTION("survey CSV import") {
        refused([&](Connection& c) {
            ys::store::ImportCsvRequest req;
            req.csv_file = std::string(YS_TEST_DATA) + "/csv/google-forms.csv";
            req.organisation = "testshire";
            req.period = "2026";
            req.questionnaire = "tiny-check";
            req.library_dirs = {YS_TEST_DATA};
            req.skip_invalid = true;
            ys::store::import_survey_csv(c, req);
        });
    }
    // Action items are the round's plan, followed after the answers are closed: they stay editable.
    SECTION("but not action items") {
        Connection c = ys::store::open_database(db.path);
        ys::store::save_action_item(c, {round, "dq-1-2", "data.quality", "", "", "not-started", "", ""});
        return;
    }
    CHECK(settled_bytes(db.path) == before);
}

TEST_CASE("closed rounds: answer files and bundles refuse changes to a closed round, but not a repeat", "[store][closed]") {
    Scratch db("closed-import.db");
    {
        Connection c = ys::store::open_database(db.path);
        auto r = ys::store::import_files(c, {{kAnswers}, {YS_TEST_DATA}, false});
        REQUIRE(r.ok());
        ys::store::set_round_status(c, kEastmere, "closed");
    }
    const std::string before = settled_bytes(db.path);
    SECTION("a changed answer file is refused with the file and the round named") {
        std::string changed = changed_answer_file(db.path);
        Connection c = ys::store::open_database(db.path);
        auto r = ys::store::import_files(c, {{changed}, {YS_TEST_DATA}, false});
        REQUIRE_FALSE(r.ok());
        REQUIRE(r.diagnostics.items().size() == 1);
        CHECK(r.diagnostics.items()[0].file == changed);
        check_closed_message(r.diagnostics.items()[0].message, kEastmere);
        CHECK(r.diagnostics.items()[0].message.find("Eastmere (fictional)") != std::string::npos);
    }
    SECTION("the same file again changes nothing, so it is allowed and reported unchanged") {
        Connection c = ys::store::open_database(db.path);
        auto r = ys::store::import_files(c, {{kAnswers}, {YS_TEST_DATA}, false});
        REQUIRE(r.ok());
        CHECK(r.counts.respondents_unchanged == 2);
        CHECK(r.counts.respondents_added + r.counts.respondents_updated + r.counts.answers_written == 0);
    }
    SECTION("a bundle with other answers for the closed round is refused") {
        // This database's own bundle, its answers changed since (one from another database
        // would be refused before this, as a clash of organisations: test_bundle_origin.cpp).
        Scratch other("closed-import-other.db");
        std::string bundle_path = other.path + ".bundle.json";
        {
            Connection c = ys::store::open_database(db.path);
            nlohmann::json b = ys::bundle_to_json(ys::store::export_bundle(c, {kEastmere}), false);
            b["rounds"][0]["respondents"][0]["answers"]["q-quality"]["value"] = "level-3";
            spill(bundle_path, b.dump());
        }
        Connection c = ys::store::open_database(db.path);
        auto r = ys::store::import_files(c, {{bundle_path}, {YS_TEST_DATA}, false});
        REQUIRE_FALSE(r.ok());
        check_closed_message(r.diagnostics.items().back().message, kEastmere);
    }
    SECTION("a bundle of the closed round itself imports twice, the round arriving closed") {
        Scratch other("closed-import-copy.db");
        std::string bundle_path = other.path + ".bundle.json";
        {
            Connection c = ys::store::open_database(db.path);
            spill(bundle_path, ys::bundle_to_json(ys::store::export_bundle(c, {kEastmere}), false).dump());
        }
        Connection o = ys::store::open_database(other.path);
        for (int i = 0; i < 2; ++i) {
            auto r = ys::store::import_files(o, {{bundle_path}, {YS_TEST_DATA}, false});
            INFO(i);
            REQUIRE(r.ok());
            CHECK(r.counts.respondents_added == (i == 0 ? 2u : 0u));
            CHECK(r.counts.respondents_unchanged == (i == 0 ? 0u : 2u));
        }
        CHECK(ys::store::get_round(o, kEastmere).status == "closed");
        return;
    }
    CHECK(settled_bytes(db.path) == before);
}

TEST_CASE("imports into an open round tell new, changed and unchanged respondents apart", "[store][import]") {
    Scratch db("changes.db");
    Connection c = ys::store::open_database(db.path);
    auto first = ys::store::import_files(c, {{kAnswers}, {YS_TEST_DATA}, false});
    REQUIRE(first.ok());
    CHECK(first.counts.added_keys == std::vector<std::string>{"r01", "r02"});
    auto stamp = [&] { return c.scalar_int("SELECT sum(answered_at) FROM answer"); };
    const auto stamped = stamp();

    auto dry = ys::store::import_files(c, {{changed_answer_file(db.path)}, {YS_TEST_DATA}, true});
    REQUIRE(dry.ok());
    REQUIRE(dry.by_round.size() == 1);
    CHECK(dry.by_round[0].first == kEastmere);
    CHECK(dry.by_round[0].second.changed_keys == std::vector<std::string>{"r01"});
    CHECK(dry.by_round[0].second.unchanged_keys == std::vector<std::string>{"r02"});
    CHECK(dry.counts.answers_written == 1);
    CHECK(c.scalar_int("SELECT count(*) FROM answer WHERE value = '\"level-3\"'") == 0);  // a dry run writes nothing

    auto again = ys::store::import_files(c, {{kAnswers}, {YS_TEST_DATA}, false});
    REQUIRE(again.ok());
    CHECK(again.counts.respondents_unchanged == 2);
    CHECK(again.counts.answers_written == 0);
    CHECK(stamp() == stamped);  // unchanged answers keep their times: nothing was rewritten

    std::string csv = long_csv(db.path + ".csv", "level-1");
    spill(csv, "organisation,period,questionnaire,respondent,question,answer\n"
               "fictional-borough-of-eastmere,2026,tiny-check,r02,q-quality,level-1\n"
               "fictional-borough-of-eastmere,2026,tiny-check,r03,q-quality,level-1\n");
    auto long_dry = ys::store::import_long_csv(c, csv, {YS_TEST_DATA}, true);
    REQUIRE(long_dry.ok());
    REQUIRE(long_dry.by_round.size() == 1);
    CHECK(long_dry.by_round[0].second.changed_keys == std::vector<std::string>{"r02"});
    CHECK(long_dry.by_round[0].second.added_keys == std::vector<std::string>{"r03"});
}

#ifndef _WIN32  // yardstick-cli is run by fork and exec (store_test_support.h)
TEST_CASE("CLI: respondent add refuses an existing key unless --update, a closed round refuses, saying how to reopen",
          "[store][closed][cli]") {
    Scratch db("closed-cli.db");
    const std::string round = make_store(db.path);
    auto cli = [&](std::vector<std::string> args) {
        args.insert(args.begin(), YS_CLI);
        args.push_back("--db");
        args.push_back(db.path);
        return run(args);
    };
    REQUIRE(cli({"respondent", "add", round, "--role", "analyst", "--key", "r1", "--name", "Ann"}).code == 0);
    Run again = cli({"respondent", "add", round, "--role", "senior-leader", "--key", "r1"});
    CHECK(again.code != 0);
    CHECK(again.err.find("already in round") != std::string::npos);
    CHECK(again.err.find("--update") != std::string::npos);
    {
        Connection c = ys::store::open_database(db.path);
        CHECK(ys::store::load_round(c, round).answers.respondents.at(0).role == ys::store::load_round(c, round).questionnaire->find_role("analyst"));
    }
    CHECK(cli({"respondent", "add", round, "--role", "senior-leader", "--key", "r1", "--update"}).code == 0);
    {
        Connection c = ys::store::open_database(db.path);
        auto lr = ys::store::load_round(c, round);
        CHECK(lr.answers.respondents.at(0).role == lr.questionnaire->find_role("senior-leader"));
        CHECK(lr.answers.respondents.at(0).name == "Ann");  // not given again: kept
    }
    CHECK(cli({"respondent", "add", round, "--role", "senior-leader", "--key", "r9", "--update"}).code != 0);

    REQUIRE(cli({"round", "close", round}).code == 0);
    const std::string before = settled_bytes(db.path);
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"respondent", "add", round, "--role", "analyst"},
             {"answer", "set", round, "r1", "q-quality", "--value", "level-1"},
             {"import", "--csv-long", long_csv(db.path + ".csv", "level-3"), "--library", YS_TEST_DATA},
         }) {
        Run r = cli(args);
        INFO(args[0] << " " << args[1] << ": " << r.err);
        CHECK(r.code != 0);
        CHECK(r.err.find("is closed") != std::string::npos);
        CHECK(r.err.find("yardstick-cli round reopen " + round) != std::string::npos);
    }
    CHECK(settled_bytes(db.path) == before);
    REQUIRE(cli({"round", "reopen", round}).code == 0);
    Run dry = cli({"import", "--dry-run", "--csv-long", long_csv(db.path + ".csv", "level-3"), "--library", YS_TEST_DATA});
    INFO(dry.out << dry.err);
    CHECK(dry.code == 0);
    CHECK(dry.out.find("round " + round + ":") != std::string::npos);
    CHECK(dry.out.find("changed (1): r1") != std::string::npos);  // r1 had no answer to q-quality yet
}
#endif
