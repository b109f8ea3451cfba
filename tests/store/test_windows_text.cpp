// Files as Windows programs save them: CRLF line ends and a UTF-8 byte order mark (Excel's
// "CSV UTF-8", Notepad). The store's CSV readers read them as they read the same file with
// LF line ends and no mark; so does an answer file in JSON.
#include <catch2/catch.hpp>

#include <fstream>

#include "../support/portable_test.h"
#include "import_csv.h"
#include "invitations.h"
#include "store_test_support.h"

using namespace ys_test;
using ys::store::Connection;

namespace {

const std::string kBom = "\xEF\xBB\xBF";

// "a\nb\n" as Windows writes it.
std::string windows_text(const std::string& lf) {
    std::string out = kBom;
    for (char ch : lf) {
        if (ch == '\n') out += '\r';
        out += ch;
    }
    return out;
}

}  // namespace

TEST_CASE("windows text: an invitation list with CRLF line ends and a byte order mark reads as with LF",
          "[store][invitations][windows]") {
    Scratch db("invite-crlf.db");
    const std::string round = make_store(db.path);
    Connection c = ys::store::open_database(db.path);
    const std::string lf = "name,email,role,department\nAnn Smith,ann@x.example,analyst,Finance\n"
                           "\"Jones, Bob\",bob@x.example,,\"Housing, North\"\n";
    ScratchTextFile crlf("invite-crlf.csv", windows_text(lf));
    auto r = ys::store::import_invitations(c, {round, crlf.path, false});
    INFO(all_diagnostics(r.diagnostics));
    REQUIRE(r.ok());
    CHECK(r.added == 2);
    auto people = ys::store::list_invitations(c, round);
    REQUIRE(people.size() == 2);
    // The first column is "name", not "\xEF\xBB\xBFname"; no field keeps a CR.
    CHECK(people[0].name == "Ann Smith");
    CHECK(people[0].department == "Finance");
    CHECK(people[0].role == "analyst");
    CHECK(people[1].name == "Jones, Bob");
    CHECK(people[1].department == "Housing, North");

    ScratchTextFile same("invite-lf.csv", lf);
    auto again = ys::store::import_invitations(c, {round, same.path, false});
    REQUIRE(again.ok());
    CHECK(again.unchanged == 2);
}

TEST_CASE("windows text: a long CSV with CRLF line ends and a byte order mark imports as with LF", "[store][import][windows]") {
    Scratch db("long-crlf.db");
    make_store(db.path);
    ScratchTextFile crlf("long-crlf.csv", windows_text("organisation,period,questionnaire,respondent,question,answer\n"
                                                "testshire,2027,tiny-check,r1,q-quality,level-2\n"
                                                "testshire,2027,tiny-check,r2,q-quality,level-3\n"));
    Connection c = ys::store::open_database(db.path);
    ys::store::ImportReport r = ys::store::import_long_csv(c, crlf.path, {YS_TEST_DATA}, false);
    INFO(all_diagnostics(r.diagnostics));
    REQUIRE(r.ok());
    CHECK(r.counts.respondents_added == 2);
    CHECK(c.scalar_int("SELECT count(*) FROM answer WHERE value LIKE '%level-3%'") == 1);
    CHECK(c.scalar_int("SELECT count(*) FROM answer WHERE value LIKE '%' || char(13) || '%'") == 0);
}

TEST_CASE("windows text: a survey CSV with CRLF line ends and a byte order mark imports as with LF", "[store][import][windows]") {
    Scratch db("survey-crlf.db");
    make_store(db.path);
    const std::string lf = "ID,Name,q-quality\n1,Ann,level-1\n2,\"Jones, Bob\",level-3\n";
    for (const std::string& text : {windows_text(lf), lf}) {
        ScratchTextFile csv("survey-crlf.csv", text);
        Connection c = ys::store::open_database(db.path);
        ys::store::ImportCsvRequest req;
        req.csv_file = csv.path;
        req.organisation = "testshire";
        req.period = text == lf ? "2028" : "2027";
        req.questionnaire = "tiny-check";
        req.library_dirs = {YS_TEST_DATA};
        ys::store::ImportCsvReport r = ys::store::import_survey_csv(c, req);
        INFO(all_diagnostics(r.import.diagnostics));
        REQUIRE(r.import.ok());
        CHECK(r.rows_read == 2);
        CHECK(r.import.counts.respondents_added == 2);
    }
    Connection c = ys::store::open_database(db.path);
    // Both rounds hold the same answers and names: no CR and no byte order mark kept anywhere.
    CHECK(c.scalar_int("SELECT count(*) FROM answer WHERE value LIKE '%' || char(13) || '%'") == 0);
    CHECK(c.scalar_int("SELECT count(*) FROM respondent WHERE name LIKE '%' || char(13) || '%'") == 0);
    CHECK(c.scalar_int("SELECT count(*) FROM respondent WHERE name = 'Jones, Bob'") == 2);
}
