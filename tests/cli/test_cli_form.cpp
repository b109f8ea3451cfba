// yardstick-cli form: the offline HTML form, its usage errors and exit codes.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "cli_run.h"

using namespace ys::test;

TEST_CASE("cli: form writes the offline form and says what to do next", "[cli][form]") {
    NorthmoorDb db("form", "writes");
    const std::string out = db.dir + "/form.html";
    Run r = cli("form council-quick-check --org northmoor --period 2026 --out " + out + " --db " + db.path +
                " --note \"Please reply by 16 January\" --reply-to \"Jo Smith\"");
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(r.err.empty());
    CHECK(r.out.find("wrote " + out + " (14 questions)") != std::string::npos);
    CHECK(r.out.find("form id ") != std::string::npos);
    CHECK(r.out.find("yardstick-cli import") != std::string::npos);
    const std::string html = slurp(out);
    CHECK(html.find("\"round\":\"northmoor.2026.council-quick-check\"") != std::string::npos);
    CHECK(html.find("Please reply by 16 January") != std::string::npos);
    Run listed = cli("round list --db " + db.path);
    CHECK(listed.out.find("northmoor.2026.council-quick-check  open") != std::string::npos);

    Run by_round = cli("form --round northmoor.2026.council-quick-check --out " + db.dir + "/again.html --db " + db.path);
    INFO(by_round.err);
    CHECK(by_round.code == 0);
    CHECK(std::filesystem::exists(db.dir + "/again.html"));
}

TEST_CASE("cli: form's usage errors exit 3, bad input 2, each on one line", "[cli][form]") {
    NorthmoorDb db("form", "errors");
    Run help = cli("form --help");
    CHECK(help.code == 0);
    CHECK(help.out.find("Usage: yardstick-cli form (--round ID | QUESTIONNAIRE --org ID --period P) --out FORM.html") !=
          std::string::npos);
    for (const std::string& args : {std::string("form council-quick-check --org northmoor --period 2026"),
                                    std::string("form council-quick-check --org northmoor --out x.html"),
                                    std::string("form --out x.html"),
                                    std::string("form --round r --org northmoor --out x.html"),
                                    std::string("form a b --org northmoor --period 2026 --out x.html"),
                                    std::string("form --bogus")}) {
        Run r = cli(args + " --db " + db.path);
        INFO(args << "\n" << r.err);
        CHECK(r.code == 3);
        CHECK(count_lines(r.err) == 1);
        CHECK(r.err.rfind("yardstick-cli form: ", 0) == 0);
    }
    Run org = cli("form council-quick-check --org nowhere --period 2026 --out " + db.dir + "/f.html --db " + db.path);
    CHECK(org.code == 2);
    CHECK(org.err == "yardstick-cli form: organisation \"nowhere\" does not exist; add it first with yardstick-cli org add\n");
    Run q = cli("form no-such --org northmoor --period 2026 --out " + db.dir + "/f.html --db " + db.path);
    CHECK(q.code == 2);
    CHECK(q.err.find("questionnaire \"no-such\" was not found") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(db.dir + "/f.html"));
    // The database is not an output.
    const std::string before = slurp(db.path);
    Run self = cli("form council-quick-check --org northmoor --period 2026 --out " + db.path + " --db " + db.path);
    CHECK(self.code == 3);
    CHECK(count_lines(self.err) == 1);
    CHECK(slurp(db.path) == before);
    // A closed round.
    REQUIRE(cli("round new --org northmoor --questionnaire council-quick-check --period 2025 --db " + db.path).code == 0);
    REQUIRE(cli("round close northmoor.2025.council-quick-check --db " + db.path).code == 0);
    Run closed = cli("form --round northmoor.2025.council-quick-check --out " + db.dir + "/c.html --db " + db.path);
    CHECK(closed.code == 2);
    CHECK(closed.err.find("is closed, so no form can be made for it; reopen it first with: yardstick-cli round reopen") !=
          std::string::npos);
    CHECK_FALSE(std::filesystem::exists(db.dir + "/c.html"));
}
