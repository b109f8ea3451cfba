// Invitation lists through yardstick-cli: `round invite` with every bad row named, re-imports
// counted, `round status` matching returns by email or name, and its pending list.
#include <catch2/catch.hpp>

#include "cli_run.h"

using ys::test::cli;
using ys::test::Run;
using ys::test::slurp;

namespace {

const std::string kForms = "tests/data/forms/";
const std::string kRound = "westford.2026.council-quick-check";

struct Folder : ys::test::WorkFolder {
    explicit Folder(const std::string& name) : WorkFolder("invitations", name) {}
};

}  // namespace

TEST_CASE("cli invitations: every bad row is named by row and column, and nothing is written", "[cli][invitations]") {
    Folder f("invite-bad");
    REQUIRE(cli("import " + kForms + "bob-dec05.json --db " + f.db).code == 0);
    const std::string csv = kForms + "invitations-bad.csv";
    const std::string before = slurp(f.db);
    Run r = cli("round invite " + kRound + " --csv " + csv + " --db " + f.db);
    CHECK(r.code == 2);
    CHECK(r.err.find(csv + ": row 2, column 2 (email): no email; every person invited needs one") != std::string::npos);
    CHECK(r.err.find(csv + ": row 3, column 2 (email): \"not-an-email\" is not an email address") != std::string::npos);
    CHECK(r.err.find(csv + ": row 4, column 3 (role): \"chief\" is not a role of questionnaire \"council-quick-check\"") !=
          std::string::npos);
    CHECK(r.err.find(csv + ": row 5, column 2 (email): CAROL.WHITE@westford.example is already on row 4") != std::string::npos);
    CHECK(r.err.find("row 6") == std::string::npos);
    CHECK(r.err.find("nothing was imported: 4 problems") != std::string::npos);
    CHECK(slurp(f.db) == before);
    Run list = cli("round invitations " + kRound + " --db " + f.db);
    CHECK(list.out == "(no invitation list)\n");

    Run none = cli("round invite " + kRound + " --csv " + kForms + "ann-dec05.json --db " + f.db);
    CHECK(none.code == 2);
    CHECK(none.err.find("row 1: no email column") != std::string::npos);
}

TEST_CASE("cli invitations: status matches returns by email or name, counts coverage and writes the pending list",
          "[cli][invitations]") {
    Folder f("status");
    REQUIRE(cli("import " + kForms + "ann-dec05.json " + kForms + "bob-dec05.json " + kForms + "anonymous-dec05.json --db " +
                f.db)
                .code == 0);
    Run invite = cli("round invite " + kRound + " --csv " + kForms + "invitations.csv --db " + f.db);
    INFO(invite.err);
    REQUIRE(invite.code == 0);
    CHECK(invite.out == "invited: 4 new, 0 updated, 0 unchanged (4 in the file)\n");

    const std::string pending = f.dir + "/pending.csv";
    Run status = cli("round status " + kRound + " --pending-csv " + pending + " --db " + f.db);
    INFO(status.err);
    REQUIRE(status.code == 0);
    CHECK(status.out.find("2 of 4 invited have returned answers (50%); 3 respondents in all, 1 not on the list") !=
          std::string::npos);
    CHECK(status.out.find("Analyst or data specialist  1 of 2 (50%)") != std::string::npos);
    CHECK(status.out.find("Service manager             1 of 1 (100%)") != std::string::npos);
    CHECK(status.out.find("(matched by name)") != std::string::npos);  // Ann's form gave another email
    CHECK(status.out.find("f-0123456789abcdef") != std::string::npos);
    CHECK(status.out.find("wrote 2 still to reply to " + pending) != std::string::npos);
    // A name a spreadsheet would run as a formula, neutralised, and Carol (by name).
    CHECK(slurp(pending) ==
          "name,email,role,department\r\n"
          "\"'=HYPERLINK(\"\"http://x\"\")\",dave@westford.example,,Housing\r\n"
          "Carol White,carol.white@westford.example,Analyst or data specialist,Finance\r\n");

    Run json = cli("round status " + kRound + " --json --db " + f.db);
    REQUIRE(json.code == 0);
    CHECK(json.out.find("\"invited\": 4") != std::string::npos);
    CHECK(json.out.find("\"returned\": 2") != std::string::npos);
    CHECK(json.out.find("\"matched_by\": \"email\"") != std::string::npos);  // Bob, whatever the case

    // The pending list read back as an invitation list: the same four, nothing changed.
    Run again = cli("round invite " + kRound + " --csv " + pending + " --db " + f.db);
    CHECK(again.out == "invited: 0 new, 0 updated, 2 unchanged (2 in the file)\n");

    // A changed department and a new person: counted apart.
    const std::string more = f.dir + "/more.csv";
    {
        std::ofstream out(more);
        out << "email,department,name\ncarol.white@westford.example,Children's services,Carol White\n"
               "frank@westford.example,Housing,Frank Hill\n";
    }
    Run update = cli("round invite " + kRound + " --csv " + more + " --db " + f.db);
    CHECK(update.out == "invited: 1 new, 1 updated, 0 unchanged (2 in the file)\n");

    Run gone = cli("round uninvite " + kRound + " FRANK@westford.example --db " + f.db);
    CHECK(gone.code == 0);
    CHECK(cli("round uninvite " + kRound + " frank@westford.example --db " + f.db).code == 2);
    CHECK(cli("round invitations " + kRound + " --db " + f.db).out.find("Frank") == std::string::npos);

    // The pending list may not overwrite the database.
    CHECK(cli("round status " + kRound + " --pending-csv " + f.db + " --db " + f.db).code == 3);

    // A closed round takes no invitation list.
    REQUIRE(cli("round close " + kRound + " --db " + f.db).code == 0);
    Run closed = cli("round invite " + kRound + " --csv " + more + " --db " + f.db);
    CHECK(closed.code == 2);
    CHECK(closed.err.find("is closed, so its invitation list cannot change") != std::string::npos);
}
