// Files saved by offline forms (answers with a "form" stamp), imported into the store: the
// newer save of a form's respondent replaces the older wholesale, an older one is skipped,
// the same one changes nothing, and files for another round, version or a closed round are
// refused with nothing written. Fixtures: tests/data/forms (hand-written).
#include <catch2/catch.hpp>

#include <map>

#include "forms.h"
#include "import_answers.h"
#include "store_test_support.h"

using namespace ys_test;
using ys::store::Connection;
using ys::store::ImportReport;
using ys::store::ReturnNote;

namespace {

const std::string kRound = "westford.2026.council-quick-check";

std::string form_file(const std::string& name) { return std::string(YS_TEST_DATA) + "/forms/" + name; }

// The shipped library (the repository's frameworks/ and questionnaires/).
std::vector<std::string> shipped_library() { return {std::string(YS_TEST_DATA) + "/../.."}; }

ImportReport import(Connection& c, const std::vector<std::string>& names, bool dry_run = false) {
    std::vector<std::string> files;
    for (const auto& n : names) files.push_back(form_file(n));
    ys::store::ImportAnswersRequest req{files, shipped_library(), dry_run};
    return ys::store::import_files(c, req);
}

std::string errors(const ImportReport& r) {
    std::string s;
    for (const auto& d : r.diagnostics.items()) s += ys::to_string(d) + "\n";
    return s;
}

// question id -> stored value, for one respondent
std::map<std::string, std::string> answers_of(Connection& c, const std::string& key) {
    ys::store::Statement s = c.prepare(
        "SELECT a.question_id, coalesce(a.value, a.state) FROM answer a JOIN respondent p ON p.id = a.respondent_id "
        "WHERE p.round_id = ? AND p.key = ?");
    s.bind(1, kRound).bind(2, key);
    std::map<std::string, std::string> out;
    while (s.step()) out[s.text(0)] = s.text(1);
    return out;
}

std::int64_t count(Connection& c, const std::string& sql) { return c.scalar_int(sql); }

const std::string kAnn = "f-1a2b3c4d5e6f7a8b";

}  // namespace

TEST_CASE("form returns: a newer save replaces the older one wholesale, and the import says so", "[store][forms]") {
    Scratch db("returns-newer.db");
    Connection c = ys::store::open_database(db.path);
    ImportReport first = import(c, {"ann-dec04.json"});
    INFO(errors(first));
    REQUIRE(first.ok());
    CHECK(first.counts.respondents_added == 1);
    CHECK(first.returns.empty());
    CHECK(answers_of(c, kAnn) == std::map<std::string, std::string>{{"qc-culture", "\"l2\""}, {"qc-strategy", "\"l2\""},
                                                                      {"qc-tools", "\"l3\""}});
    CHECK(count(c, "SELECT count(*) FROM respondent WHERE form_id = '0f3c6a1e9b2d4c5f8a7e6d5c4b3a2910'") == 1);

    ImportReport second = import(c, {"ann-dec05.json"});
    INFO(errors(second));
    REQUIRE(second.ok());
    REQUIRE(second.returns.size() == 1);
    CHECK(second.returns[0].kind == ReturnNote::Kind::Replaced);
    CHECK(second.returns[0].message == "Ann Smith's answers saved 5 Dec 10:42 replace those saved 4 Dec 16:03");
    CHECK(second.returns[0].round == kRound);
    CHECK(second.counts.respondents_updated == 1);
    CHECK(second.counts.answers_removed == 1);
    // qc-tools is no longer in the file, so it is gone; qc-skills is new.
    CHECK(answers_of(c, kAnn) == std::map<std::string, std::string>{{"qc-culture", "\"l2\""}, {"qc-skills", "\"l4\""},
                                                                      {"qc-strategy", "\"l3\""}});
    CHECK(count(c, "SELECT saved_at FROM respondent WHERE key = 'f-1a2b3c4d5e6f7a8b'") == 1796467327);  // 2026-12-05T10:42:07Z
    CHECK(count(c, "SELECT count(*) FROM respondent") == 1);
}

TEST_CASE("form returns: an older save than the one stored is skipped and reported, the same save changes nothing",
          "[store][forms]") {
    Scratch db("returns-older.db");
    Connection c = ys::store::open_database(db.path);
    REQUIRE(import(c, {"ann-dec05.json"}).ok());
    const auto before = answers_of(c, kAnn);

    ImportReport older = import(c, {"ann-dec04.json"});
    REQUIRE(older.ok());
    REQUIRE(older.returns.size() == 1);
    CHECK(older.returns[0].kind == ReturnNote::Kind::Older);
    CHECK(older.returns[0].message ==
          "Ann Smith's answers saved 4 Dec 16:03 are skipped: those saved 5 Dec 10:42 are already imported");
    CHECK(older.counts.answers_written == 0);
    CHECK(answers_of(c, kAnn) == before);

    ImportReport same = import(c, {"ann-dec05.json"});
    REQUIRE(same.ok());
    REQUIRE(same.returns.size() == 1);
    CHECK(same.returns[0].kind == ReturnNote::Kind::Same);
    CHECK(same.counts.respondents_unchanged == 1);
    CHECK(same.counts.answers_written == 0);
    CHECK(answers_of(c, kAnn) == before);
}

TEST_CASE("form returns: the same respondent twice in one import: the newest save wins, the other is reported",
          "[store][forms]") {
    Scratch db("returns-same-import.db");
    Connection c = ys::store::open_database(db.path);
    // The newer file first, so order is not what decides.
    ImportReport r = import(c, {"ann-dec05.json", "bob-dec05.json", "ann-dec04.json"});
    INFO(errors(r));
    REQUIRE(r.ok());
    REQUIRE(r.returns.size() == 1);
    CHECK(r.returns[0].kind == ReturnNote::Kind::Duplicate);
    CHECK(r.returns[0].file == form_file("ann-dec04.json"));
    CHECK(r.returns[0].other_file == form_file("ann-dec05.json"));
    CHECK(r.returns[0].message.find("saved 4 Dec 16:03 are skipped") != std::string::npos);
    CHECK(r.counts.respondents_added == 2);
    CHECK(answers_of(c, kAnn).count("qc-skills") == 1);
    CHECK(answers_of(c, kAnn).count("qc-tools") == 0);
}

TEST_CASE("form returns: a dry run lists replacements and writes nothing", "[store][forms]") {
    Scratch db("returns-dry.db");
    Connection c = ys::store::open_database(db.path);
    REQUIRE(import(c, {"ann-dec04.json"}).ok());
    const auto before = answers_of(c, kAnn);
    ImportReport dry = import(c, {"ann-dec05.json"}, true);
    REQUIRE(dry.ok());
    REQUIRE(dry.returns.size() == 1);
    CHECK(dry.returns[0].kind == ReturnNote::Kind::Replaced);
    CHECK(answers_of(c, kAnn) == before);
}

TEST_CASE("form returns: files for another round, another version or a closed round are refused", "[store][forms]") {
    Scratch db("returns-refused.db");
    Connection c = ys::store::open_database(db.path);
    REQUIRE(import(c, {"bob-dec05.json"}).ok());
    const std::int64_t answers = count(c, "SELECT count(*) FROM answer");

    SECTION("a stamp naming another round") {
        ImportReport r = import(c, {"wrong-round.json"});
        REQUIRE_FALSE(r.ok());
        REQUIRE(r.diagnostics.items().size() == 1);
        const auto& d = r.diagnostics.items()[0];
        CHECK(d.where == "/form/round");
        CHECK(d.message.find("westford.2025.council-quick-check") != std::string::npos);
        CHECK(d.message.find("save it again") != std::string::npos);
        CHECK(one_line(ys::to_string(d)));
    }
    SECTION("a round here of another questionnaire version") {
        // Made by hand: the round as if it had been upgraded after the form was made.
        c.exec("UPDATE definition SET version = '0.9' WHERE kind = 'questionnaire'");
        ImportReport r = import(c, {"ann-dec05.json"});
        REQUIRE_FALSE(r.ok());
        const auto& d = r.diagnostics.items().at(0);
        CHECK(d.where == "/questionnaire/version");
        CHECK(d.message.find("make a new form") != std::string::npos);
    }
    SECTION("a closed round") {
        ys::store::set_round_status(c, kRound, "closed");
        ImportReport r = import(c, {"ann-dec05.json"});
        REQUIRE_FALSE(r.ok());
        CHECK(r.diagnostics.items().at(0).message.find("is closed") != std::string::npos);
        CHECK(r.diagnostics.items().at(0).message.find("yardstick-cli round reopen") != std::string::npos);
        // Even the same save again: a closed round takes no returned form.
        CHECK_FALSE(import(c, {"bob-dec05.json"}).ok());
    }
    SECTION("a file of two respondents, a bad stamp") {
        ImportReport two = import(c, {"two-respondents.json"});
        REQUIRE_FALSE(two.ok());
        CHECK(two.diagnostics.items().at(0).where == "/respondents");
        CHECK(two.diagnostics.items().at(0).message.find("exactly one respondent") != std::string::npos);
        ImportReport bad = import(c, {"bad-stamp.json"});
        REQUIRE_FALSE(bad.ok());
        std::string all = errors(bad);
        CHECK(all.find("/form/id: expected a form id of 32 lower case hexadecimal characters") != std::string::npos);
        CHECK(all.find("/form/saved_at: expected the date and time of saving") != std::string::npos);
    }
    SECTION("a respondent key already in the round from another form") {
        c.exec("UPDATE respondent SET form_id = '00000000000000000000000000000000'");
        ImportReport r = import(c, {"bob-dec05.json"});
        REQUIRE_FALSE(r.ok());
        CHECK(r.diagnostics.items().at(0).where == "/respondents/0/id");
        CHECK(r.diagnostics.items().at(0).message.find("from another form") != std::string::npos);
    }
    CHECK(count(c, "SELECT count(*) FROM answer") == answers);
}

TEST_CASE("form returns: a good file and a refused one in one import write nothing", "[store][forms]") {
    Scratch db("returns-all-or-nothing.db");
    Connection c = ys::store::open_database(db.path);
    ImportReport r = import(c, {"ann-dec05.json", "wrong-round.json"});
    REQUIRE_FALSE(r.ok());
    CHECK(count(c, "SELECT count(*) FROM respondent") == 0);
    CHECK(count(c, "SELECT count(*) FROM round") == 0);
}

TEST_CASE("forms: record_form keeps a form made for a round, a bad or repeated id is refused", "[store][forms]") {
    Scratch db("forms-record.db");
    std::string round = make_store(db.path);
    Connection c = ys::store::open_database(db.path);
    const std::string id = "0f3c6a1e9b2d4c5f8a7e6d5c4b3a2910";
    ys::store::record_form(c, id, round, 1796467327, "sent to the analysts");
    auto f = ys::store::find_form(c, id);
    REQUIRE(f);
    CHECK(f->round == round);
    CHECK(f->created_at == 1796467327);
    CHECK(f->note == "sent to the analysts");
    CHECK(ys::store::list_forms(c, round).size() == 1);
    CHECK_THROWS_WITH(ys::store::record_form(c, id, round, 1, ""), Catch::Contains("already recorded"));
    CHECK_THROWS_WITH(ys::store::record_form(c, "ABC", round, 1, ""), Catch::Contains("32 lower case hexadecimal"));
    CHECK_THROWS_AS(ys::store::record_form(c, "1f3c6a1e9b2d4c5f8a7e6d5c4b3a2910", "nowhere.2026.x", 1, ""),
                    ys::store::StoreError);
    CHECK(ys::store::list_forms(c, round).size() == 1);
}
