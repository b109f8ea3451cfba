// One answer read back as stored and taken away again (what Edit > Undo of an answer given
// in the walk-through uses): written back, it is the same row; a closed round refuses the
// removal in one line and changes nothing.
#include "store_test_support.h"

#include "answer_edits.h"

using namespace ys_test;
using ys::store::Connection;
using ys::store::StoreError;

namespace {

// The answer's row as stored, every column.
std::string row(Connection& c, const std::string& question) {
    ys::store::Statement s = c.prepare(
        "SELECT a.state, ifnull(a.value, '-'), ifnull(a.evidence, '-'), ifnull(a.confidence, '-'), a.answered_at FROM answer a "
        "JOIN respondent r ON r.id = a.respondent_id WHERE r.key = 'r1' AND a.question_id = ?");
    s.bind(1, question);
    if (!s.step()) return "none";
    return s.text(0) + "|" + s.text(1) + "|" + s.text(2) + "|" + s.text(3) + "|" + std::to_string(s.integer(4));
}

}  // namespace

TEST_CASE("answer edits: an answer read back and written again is the same row, and removed it is gone", "[store][undo]") {
    Scratch db("answer-edits.db");
    const std::string round = make_store(db.path);
    Connection c = ys::store::open_database(db.path);
    ys::store::add_respondent(c, round, "analyst", "Alex", "", "r1");

    CHECK_FALSE(ys::store::find_answer(c, round, "r1", "q-quality"));
    CHECK_FALSE(ys::store::find_answer(c, round, "nobody", "q-quality"));

    // One of each shape: a choice with a note and a confidence, a checklist, N/A, a yes/no choice.
    ys::store::set_answer(c, round, "r1", "q-quality", {{"value", "level-2"}, {"evidence", "Audit, May \u2013 \"draft\""}, {"confidence", 0.7}}, 100);
    ys::store::set_answer(c, round, "r1", "q-practices", {{"value", {"dictionary", "owners"}}}, 101);
    ys::store::set_answer(c, round, "r1", "q-trained", {{"na", true}}, 102);
    ys::store::set_answer(c, round, "r1", "q-training-plan", {{"value", "yes"}}, 103);
    for (const char* q : {"q-quality", "q-practices", "q-trained", "q-training-plan"}) {
        INFO(q);
        const std::string stored = row(c, q);
        auto e = ys::store::find_answer(c, round, "r1", q);
        REQUIRE(e);
        ys::store::remove_answer(c, round, "r1", q);
        CHECK(row(c, q) == "none");
        CHECK_FALSE(ys::store::find_answer(c, round, "r1", q));
        ys::store::set_answer(c, round, "r1", q, e->answer, e->answered_at);
        CHECK(row(c, q) == stored);
    }
    auto e = ys::store::find_answer(c, round, "r1", "q-quality");
    REQUIRE(e);
    CHECK(e->answer["value"] == "level-2");
    CHECK(e->answer["evidence"] == "Audit, May \u2013 \"draft\"");
    CHECK(e->answered_at == 100);

    // Nothing to remove is not an error, and changes nothing.
    const std::string before = row(c, "q-checks");
    ys::store::remove_answer(c, round, "r1", "q-checks");
    ys::store::remove_answer(c, round, "nobody", "q-quality");
    CHECK(row(c, "q-checks") == before);
    CHECK(row(c, "q-quality") != "none");
}

TEST_CASE("answer edits: a closed round refuses the removal, naming the round, and keeps the answer", "[store][undo]") {
    Scratch db("answer-edits-closed.db");
    const std::string round = make_store(db.path);
    Connection c = ys::store::open_database(db.path);
    ys::store::add_respondent(c, round, "analyst", "Alex", "", "r1");
    ys::store::set_answer(c, round, "r1", "q-quality", {{"value", "level-3"}}, 100);
    ys::store::set_round_status(c, round, "closed");
    const std::string before = row(c, "q-quality");
    refused([&] { ys::store::remove_answer(c, round, "r1", "q-quality"); }, StoreError::Kind::Invalid, "is closed, so its answers cannot change");
    CHECK(row(c, "q-quality") == before);
    refused([&] { ys::store::remove_answer(c, "no-such-round", "r1", "q-quality"); }, StoreError::Kind::NotFound, "\"no-such-round\"");
}
