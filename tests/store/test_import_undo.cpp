// An import undone as one step: what it created goes, every round it changed is as it was
// before (answers and notes), Redo puts the import back; both refused, changing nothing,
// when a round was changed since.
#include "store_test_support.h"

#include "import_undo.h"

using namespace ys_test;
using ys::store::Connection;
using ys::store::StoreError;

namespace {

const std::string kAnswers = std::string(YS_TEST_DATA) + "/answers/tiny-good.json";
const std::string kEastmere = "fictional-borough-of-eastmere.2026.tiny-check";

// Organisations, rounds, respondents and answers as text, without SQLite's own ids.
std::string contents(Connection& c) {
    std::string out;
    for (const char* sql :
         {"SELECT id, name, type, ifnull(parent_id, '') FROM organisation ORDER BY id",
          "SELECT id, organisation_id, period, status FROM round ORDER BY id",
          "SELECT round_id, key, role, ifnull(name, '') FROM respondent ORDER BY round_id, key",
          "SELECT p.round_id, p.key, a.question_id, a.state, ifnull(a.value, ''), ifnull(a.evidence, ''), "
          "ifnull(a.confidence, ''), a.answered_at FROM answer a JOIN respondent p ON p.id = a.respondent_id "
          "ORDER BY 1, 2, 3"}) {
        ys::store::Statement s = c.prepare(sql);
        while (s.step()) {
            for (int i = 0; i < s.column_count(); ++i) out += s.text(i) + "|";
            out += "\n";
        }
    }
    return out;
}

// Imports `file` as the app does, keeping what Undo needs.
ys::store::ImportUndo import_undoable(const std::string& db, const std::string& file) {
    ys::store::ViewBefore view(db);
    Connection c = ys::store::open_database(db);
    ys::store::Transaction t(c);
    auto r = ys::store::import_files(c, {{file}, {YS_TEST_DATA}, false});
    REQUIRE(r.ok());
    REQUIRE(ys::store::import_is_undoable(r));
    auto u = ys::store::record_import(view.c, c, r);
    t.commit();
    return u;
}

std::string changed_answer_file(const std::string& dir) {
    nlohmann::json doc = nlohmann::json::parse(slurp(kAnswers));
    doc["respondents"][0]["answers"]["q-quality"] = {{"value", "level-3"}};
    doc["respondents"].push_back({{"id", "r99"}, {"role", "analyst"}, {"answers", {{"q-quality", {{"value", "level-1"}}}}}});
    std::string path = dir + "-changed.json";
    spill(path, doc.dump(2));
    return path;
}

}  // namespace

TEST_CASE("import undo: an import that made an organisation and a round is taken back whole, and redone", "[store][undo]") {
    Scratch db("import-undo-new.db");
    make_store(db.path);
    Connection c = ys::store::open_database(db.path);
    const std::string before = contents(c);
    auto u = import_undoable(db.path, kAnswers);
    const std::string after = contents(c);
    REQUIRE(after != before);
    REQUIRE(u.rounds_created == std::vector<std::string>{kEastmere});
    REQUIRE(u.organisations_created.size() == 1);
    CHECK(u.before.empty());
    ys::store::undo_import(c, u);
    CHECK(contents(c) == before);
    ys::store::redo_import(c, u);
    CHECK(contents(c) == after);
    ys::store::undo_import(c, u);
    CHECK(contents(c) == before);
}

TEST_CASE("import undo: a round the import changed gets its answers and notes back, and a change since refuses", "[store][undo]") {
    Scratch db("import-undo-changed.db");
    make_store(db.path);
    {
        Connection c = ys::store::open_database(db.path);
        REQUIRE(ys::store::import_files(c, {{kAnswers}, {YS_TEST_DATA}, false}).ok());
    }
    Connection c = ys::store::open_database(db.path);
    const std::string before = contents(c);
    REQUIRE(before.find("Monthly checks since March.") != std::string::npos);
    auto u = import_undoable(db.path, changed_answer_file(db.path));
    const std::string after = contents(c);
    REQUIRE(after.find("r99") != std::string::npos);
    CHECK(u.rounds_created.empty());
    REQUIRE(u.before.size() == 1);

    SECTION("undone: the earlier answer with its note, and no new respondent; redone: as imported") {
        ys::store::undo_import(c, u);
        CHECK(contents(c) == before);
        ys::store::redo_import(c, u);
        CHECK(contents(c) == after);
    }
    SECTION("an answer changed since: the undo is refused in one line naming the round, nothing changes") {
        ys::store::set_answer(c, kEastmere, "r01", "q-trained", {{"value", 40}}, 5);
        const std::string now = contents(c);
        refused([&] { ys::store::undo_import(c, u); }, StoreError::Kind::Invalid, "round \"" + kEastmere + "\" (period 2026) has changed since");
        CHECK(contents(c) == now);
    }
    SECTION("undone, then changed: the redo is refused, nothing changes") {
        ys::store::undo_import(c, u);
        ys::store::set_answer(c, kEastmere, "r01", "q-trained", {{"value", 40}}, 5);
        const std::string now = contents(c);
        refused([&] { ys::store::redo_import(c, u); }, StoreError::Kind::Invalid, "has changed since");
        CHECK(contents(c) == now);
    }
}

TEST_CASE("import undo: a bundle is not undoable, nor a failed import", "[store][undo]") {
    ys::store::ImportReport ok;
    CHECK(ys::store::import_is_undoable(ok));
    ys::store::ImportReport bundle;
    bundle.bundles = 1;
    CHECK_FALSE(ys::store::import_is_undoable(bundle));
    ys::store::ImportReport failed;
    failed.diagnostics.error({}, "bad");
    CHECK_FALSE(ys::store::import_is_undoable(failed));
}
