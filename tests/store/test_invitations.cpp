// A round's invitation list (store/invitations.h) and who has answered (store/round_status.h):
// files refused whole with every bad row named, dry runs, closed rounds, re-imports by email
// whatever its case, and matching respondents by email, else by exact name, once each.
#include <catch2/catch.hpp>

#include "invitations.h"
#include "round_status.h"
#include "store_test_support.h"

using namespace ys_test;
using ys::store::Connection;

namespace {

ys::store::InviteReport invite(Connection& c, const std::string& round, const ScratchTextFile& f, bool dry_run = false) {
    return ys::store::import_invitations(c, {round, f.path, dry_run});
}

}  // namespace

TEST_CASE("invitations: an empty file, a broken quote and a repeated column are refused where they are", "[store][invitations]") {
    Scratch db("invite-refused.db");
    const std::string round = make_store(db.path);
    Connection c = ys::store::open_database(db.path);
    ScratchTextFile empty("empty.csv", "");
    auto r = invite(c, round, empty);
    CHECK_FALSE(r.ok());
    CHECK(all_diagnostics(r.diagnostics) == empty.path + ": row 1: the file is empty; expected a header row with the columns name, "
                                             "email, role, department\n");
    ScratchTextFile quote("quote.csv", "name,email\nAnn,\"ann@x.example\nBob,bob@x.example\n");
    r = invite(c, round, quote);
    CHECK_FALSE(r.ok());
    CHECK(all_diagnostics(r.diagnostics).find(quote.path + ": row 2 (line ") != std::string::npos);
    ScratchTextFile twice("twice.csv", "email,Email\nann@x.example,ann@x.example\n");
    r = invite(c, round, twice);
    CHECK_FALSE(r.ok());
    CHECK(all_diagnostics(r.diagnostics).find("row 1, column 2: the column \"Email\" is given twice (also column 1)") != std::string::npos);
    ScratchTextFile missing_role("role.csv", "email,role\nann@x.example,Senior Leader\nbob@x.example,boss\n");
    r = invite(c, round, missing_role);
    CHECK_FALSE(r.ok());
    // A role by its name, whatever its case, is fine; "boss" is not a role.
    CHECK(all_diagnostics(r.diagnostics) == missing_role.path + ": row 3, column 2 (role): \"boss\" is not a role of questionnaire "
                                                    "\"tiny-check\"; expected one of: senior-leader (Senior leader), "
                                                    "analyst (Analyst), or nothing\n");
    CHECK(c.scalar_int("SELECT count(*) FROM invitation") == 0);
}

TEST_CASE("invitations: a dry run writes nothing, a closed round is refused, re-imports update by email",
          "[store][invitations]") {
    Scratch db("invite-flow.db");
    const std::string round = make_store(db.path);
    Connection c = ys::store::open_database(db.path);
    ScratchTextFile list("list.csv", "Department,Name,EMAIL,Notes\nFinance,Ann Smith,Ann@X.example,first\n,Bob Jones,bob@x.example,\n");
    auto dry = invite(c, round, list, true);
    REQUIRE(dry.ok());
    CHECK(dry.added == 2);
    CHECK(c.scalar_int("SELECT count(*) FROM invitation") == 0);

    auto real = invite(c, round, list);
    REQUIRE(real.ok());
    CHECK(real.added == 2);
    auto people = ys::store::list_invitations(c, round);
    REQUIRE(people.size() == 2);
    CHECK(people[0].name == "Ann Smith");
    CHECK(people[0].department == "Finance");
    CHECK(people[0].email == "Ann@X.example");

    ScratchTextFile again("again.csv", "email,name,department\nann@x.example,Ann Smith,Housing\nBOB@x.example,Bob Jones,\n");
    auto second = invite(c, round, again);
    REQUIRE(second.ok());
    CHECK(second.added == 0);
    CHECK(second.updated == 2);  // Ann's department; Bob's email spelt another way
    CHECK(c.scalar_int("SELECT count(*) FROM invitation") == 2);
    CHECK(ys::store::list_invitations(c, round)[0].department == "Housing");

    ys::store::remove_invitation(c, round, "ANN@x.example");
    CHECK(ys::store::list_invitations(c, round).size() == 1);
    CHECK_THROWS_WITH(ys::store::remove_invitation(c, round, "ann@x.example"), Catch::Contains("is not on the invitation list"));

    ys::store::set_round_status(c, round, "closed");
    CHECK_THROWS_WITH(invite(c, round, again), Catch::Contains("is closed, so its invitation list cannot change"));
    CHECK(ys::store::list_invitations(c, round).size() == 1);
}

TEST_CASE("round status: respondents are matched by email whatever its case, else by exact name, each once",
          "[store][invitations]") {
    Scratch db("status.db");
    const std::string round = make_store(db.path);
    Connection c = ys::store::open_database(db.path);
    const std::string ann = ys::store::add_respondent(c, round, "analyst", "Ann Smith", "ANN@x.example");
    ys::store::set_answer(c, round, ann, "q-quality", {{"value", "level-2"}}, 1796467327);
    ys::store::set_answer(c, round, ann, "q-skills-agree", {{"dont_know", true}}, 1796467000);
    ys::store::add_respondent(c, round, "senior-leader", "Bob Jones", "");
    ys::store::add_respondent(c, round, "analyst", "Someone Else", "else@x.example");
    ScratchTextFile list("status.csv",
                 "name,email,role,department\nAnn Smith,ann@x.example,analyst,Finance\nBob Jones,bob@x.example,senior-leader,\n"
                 "Bob Jones,bob2@x.example,senior-leader,Housing\nCarol White,carol@x.example,analyst,Finance\n");
    REQUIRE(invite(c, round, list).ok());

    ys::store::RoundStatus s = ys::store::round_status(c, round);
    CHECK(s.respondents == 3);
    CHECK(s.overall.invited == 4);
    CHECK(s.overall.returned == 2);
    REQUIRE(s.invitees.size() == 4);
    const auto& a = s.invitees[0];
    CHECK(a.invitation.name == "Ann Smith");
    CHECK(a.returned);
    CHECK(a.matched_by == "email");
    CHECK(a.respondent.answered == 1);  // "don't know" is not an answer
    CHECK(a.respondent.returned_at == 1796467327);
    // Two Bob Joneses invited, one Bob Jones answered (without an email): matched once.
    CHECK(s.invitees[1].returned + s.invitees[2].returned == 1);
    CHECK_FALSE(s.invitees[3].returned);
    REQUIRE(s.not_invited.size() == 1);
    CHECK(s.not_invited[0].name == "Someone Else");
    REQUIRE(s.by_role.size() == 2);
    CHECK(s.by_role[0].label == "Analyst");
    CHECK(s.by_role[0].invited == 2);
    CHECK(s.by_role[0].returned == 1);
    REQUIRE(s.by_department.size() == 3);
    CHECK(s.by_department.back().label == "(no department)");

    const std::string pending = ys::store::pending_csv(s);
    CHECK(pending.rfind("name,email,role,department\r\n", 0) == 0);
    CHECK(pending.find("Carol White,carol@x.example,Analyst,Finance\r\n") != std::string::npos);
    CHECK(pending.find("Ann Smith") == std::string::npos);
    CHECK(a.role_name == "Analyst");
    CHECK(s.not_invited[0].role_name == "Analyst");

    // The list of those still to reply, roles by name, reads back as the same people.
    ScratchTextFile again("status-pending.csv", pending);
    auto back = invite(c, round, again);
    REQUIRE(back.ok());
    CHECK(back.unchanged == back.rows);
    CHECK(back.added + back.updated == 0);

    CHECK_THROWS_AS(ys::store::round_status(c, "nowhere.2026.x"), ys::store::StoreError);
}
