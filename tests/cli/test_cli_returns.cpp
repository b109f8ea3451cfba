// Returned forms through yardstick-cli: many files at once (and patterns the shell left
// alone), newer saves replacing older ones, a file for another round, a targets file refused.
#include <catch2/catch.hpp>

#include "cli_run.h"

using ys::test::cli;
using ys::test::Run;
using ys::test::slurp;

namespace {

const std::string kForms = "tests/data/forms/";
const std::string kRound = "westford.2026.council-quick-check";

struct Folder : ys::test::WorkFolder {
    explicit Folder(const std::string& name) : WorkFolder("returns", name) {}
};

}  // namespace

TEST_CASE("cli returns: a newer save replaces an older one and the import says so, an older one is skipped",
          "[cli][returns]") {
    Folder f("replace");
    Run first = cli("import " + kForms + "ann-dec04.json " + kForms + "bob-dec05.json --db " + f.db);
    INFO(first.err);
    REQUIRE(first.code == 0);
    CHECK(first.out.find("2 new respondents") != std::string::npos);

    Run dry = cli("import " + kForms + "ann-dec05.json --dry-run --db " + f.db);
    REQUIRE(dry.code == 0);
    CHECK(dry.out.find(kForms + "ann-dec05.json: Ann Smith's answers saved 5 Dec 10:42 replace those saved 4 Dec 16:03") !=
          std::string::npos);
    CHECK(dry.out.find("1 answer to remove") != std::string::npos);

    Run newer = cli("import " + kForms + "ann-dec05.json --db " + f.db);
    REQUIRE(newer.code == 0);
    CHECK(newer.out.find("Ann Smith's answers saved 5 Dec 10:42 replace those saved 4 Dec 16:03") != std::string::npos);
    CHECK(newer.out.find("1 answer removed") != std::string::npos);

    Run older = cli("import " + kForms + "ann-dec04.json --db " + f.db);
    REQUIRE(older.code == 0);
    CHECK(older.out.find("Ann Smith's answers saved 4 Dec 16:03 are skipped: those saved 5 Dec 10:42 are already imported") !=
          std::string::npos);
    CHECK(older.out.find("0 answers written") != std::string::npos);
}

TEST_CASE("cli returns: a pattern the shell left alone is expanded, one that matches nothing is refused", "[cli][returns]") {
    Folder f("glob");
    // Quoted, so the shell passes the pattern as Windows' would.
    Run r = cli("import '" + kForms + "ann-dec0?.json' '" + kForms + "bob-*.json' --db " + f.db);
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(r.out.find("2 new respondents") != std::string::npos);
    // Both of Ann's saves were in it: the newer was imported, the other named.
    CHECK(r.out.find(kForms + "ann-dec04.json: Ann Smith's answers saved 4 Dec 16:03 are skipped: " + kForms +
                     "ann-dec05.json holds a newer one, saved 5 Dec 10:42") != std::string::npos);

    Folder g("glob-none");
    Run none = cli("import '" + kForms + "nobody-*.json' --db " + g.db);
    CHECK(none.code == 2);
    CHECK(none.err == "yardstick-cli import: " + kForms + "nobody-*.json: no file matches this pattern; check the folder "
                      "and the name (* is any run of characters, ? one character)\n");
    CHECK_FALSE(std::filesystem::exists(g.db));
    Run folder = cli("import 'tests/data/f*/ann-dec05.json' --db " + g.db);
    CHECK(folder.code == 2);
    CHECK(folder.err.find("only be in the file's name") != std::string::npos);
}

TEST_CASE("cli returns: a form file for another round is refused with nothing written", "[cli][returns]") {
    Folder f("wrong-round");
    REQUIRE(cli("import " + kForms + "ann-dec04.json --db " + f.db).code == 0);
    const std::string before = slurp(f.db);
    Run r = cli("import " + kForms + "ann-dec05.json " + kForms + "wrong-round.json --db " + f.db);
    CHECK(r.code == 2);
    CHECK(r.err.find(kForms + "wrong-round.json: /form/round: this form was made for round "
                              "\"westford.2025.council-quick-check\"") != std::string::npos);
    CHECK(slurp(f.db) == before);
}

TEST_CASE("cli returns: a targets file given to import is refused, pointing at target import, the database unchanged",
          "[cli][returns]") {
    Folder f("targets");
    REQUIRE(cli("import " + kForms + "bob-dec05.json --db " + f.db).code == 0);
    const std::string before = slurp(f.db);
    Run r = cli("import examples/targets/eastmere-2027.json --db " + f.db);
    CHECK(r.code == 2);
    CHECK(r.err.find("examples/targets/eastmere-2027.json: /format: this is a targets file (yardstick-targets/1), which "
                     "import does not take; set its targets with yardstick-cli target import") != std::string::npos);
    CHECK(ys::test::count_lines(r.err) == 2);  // the problem, and "nothing was imported"
    CHECK(slurp(f.db) == before);

    // What it points at works.
    Run set = cli("target import examples/targets/eastmere-2027.json --org westford --db " + f.db);
    INFO(set.err);
    REQUIRE(set.code == 0);
    CHECK(set.out.find("targets of westford (framework council-data-maturity)") != std::string::npos);
    Run list = cli("target list westford --db " + f.db);
    CHECK(list.out.find("leadership  5  by 2027-03-31") != std::string::npos);
}

TEST_CASE("cli returns: validate reads a form file's stamp, and refuses a bad one at its JSON pointer", "[cli][returns]") {
    Run good = cli("validate " + kForms + "ann-dec05.json");
    INFO(good.err);
    CHECK(good.code == 0);
    Run two = cli("validate " + kForms + "two-respondents.json");
    CHECK(two.code == 2);
    CHECK(two.err.find(kForms + "two-respondents.json: /respondents: a file saved by a form holds exactly one respondent; "
                               "found 2") != std::string::npos);
    Run bad = cli("validate " + kForms + "bad-stamp.json");
    CHECK(bad.code == 2);
    CHECK(bad.err.find("/form/id: expected a form id of 32 lower case hexadecimal characters, found \"0F3C-not-hex\"") !=
          std::string::npos);
    CHECK(bad.err.find("/form/saved_at: expected the date and time of saving such as \"2026-12-05T10:42:07Z\", found "
                       "\"5 December 2026\"") != std::string::npos);
}
