// Schema version 4 (forms, form stamps on respondents, invitations): a version 3 database
// is copied beside itself and upgraded with everything it held intact.
#include <catch2/catch.hpp>

#include "forms.h"
#include "store_test_support.h"

using namespace ys_test;
using ys::store::Connection;

TEST_CASE("schema v4: a version 3 database upgrades with its data intact and takes forms and invitations",
          "[store][schema]") {
    const std::string fixture = std::string(YS_TEST_DATA) + "/db/yardstick-v3.db";
    Scratch db("v3-to-v4.db");
    fs::copy_file(fixture, db.path);
    ys::store::OpenReport report;
    Connection c = ys::store::open_database(db.path, {}, &report);
    CHECK(report.upgraded_from == 3);
    REQUIRE(report.backup_path == db.path + ".v3.bak");
    {
        // The copy beside it is the version 3 database as it was (VACUUM INTO: same content, not bytes).
        Connection backup = Connection::open(report.backup_path, false, 1000);
        CHECK(backup.scalar_int("PRAGMA user_version") == 3);
        CHECK(backup.scalar_int("SELECT count(*) FROM answer") == 11);
        CHECK(backup.scalar_int("SELECT count(*) FROM sqlite_master WHERE name IN ('form', 'invitation')") == 0);
    }
    CHECK(c.scalar_int("PRAGMA user_version") == ys::store::kSchemaVersion);
    CHECK(c.scalar_int("SELECT count(*) FROM pragma_foreign_key_check") == 0);

    // What version 3 held, as it was.
    CHECK(c.scalar_int("SELECT count(*) FROM organisation") == 4);
    CHECK(c.scalar_int("SELECT count(*) FROM respondent WHERE round_id = 'northwold.2026.council-quick-check'") == 3);
    CHECK(c.scalar_int("SELECT count(*) FROM answer") == 11);
    CHECK(c.scalar_int("SELECT count(*) FROM round_summary") == 1);
    ys::store::Statement who = c.prepare("SELECT name, email FROM respondent WHERE key = 'r1'");
    REQUIRE(who.step());
    CHECK(who.text(0) == "Alex Example");
    CHECK(who.text(1) == "alex@example.org");
    who.reset();

    // The new parts: empty, and no respondent came from a form.
    CHECK(c.scalar_int("SELECT count(*) FROM form") == 0);
    CHECK(c.scalar_int("SELECT count(*) FROM invitation") == 0);
    CHECK(c.scalar_int("SELECT count(*) FROM respondent WHERE form_id IS NOT NULL OR saved_at IS NOT NULL") == 0);

    // And they work.
    ys::store::record_form(c, "0f3c6a1e9b2d4c5f8a7e6d5c4b3a2910", "northwold.2026.council-quick-check", 1796467327, "");
    CHECK(c.scalar_int("SELECT count(*) FROM form") == 1);
    c.exec("INSERT INTO invitation (round_id, name, email, added_at) VALUES "
           "('northwold.2026.council-quick-check', 'A', 'a@example.org', 1)");
    // Unique per round whatever the case.
    CHECK_THROWS(c.exec("INSERT INTO invitation (round_id, name, email, added_at) VALUES "
                        "('northwold.2026.council-quick-check', 'A', 'A@Example.ORG', 1)"));
}
