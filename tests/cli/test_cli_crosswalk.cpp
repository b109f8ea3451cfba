// yardstick-cli crosswalk and score --crosswalk: a round in CDDO's and Data Orchard's
// terms, marked as an approximation; refusals that leave every file as it was.
#include <catch2/catch.hpp>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "cli_run.h"

using ys::test::cli;
using ys::test::Run;
using ys::test::slurp;

namespace {

const std::string kRound = "eastmere.2026.council-full";

struct Folder : ys::test::WorkFolder {
    explicit Folder(const std::string& name) : WorkFolder("crosswalk", name) {
        Run r = cli("import examples/answers/eastmere-2026-full.json examples/answers/northwold-2026-quick.json --db " + db);
        INFO(r.err);
        REQUIRE(r.code == 0);
    }
};

}  // namespace

TEST_CASE("cli crosswalk: a CDDO-style return as CSV and JSON, every row marked as an approximation", "[cli][crosswalk]") {
    Folder f("return");
    Run csv = cli("crosswalk " + kRound + " --to cddo --format csv --db " + f.db);
    INFO(csv.err);
    REQUIRE(csv.code == 0);
    CHECK(csv.out.rfind("organisation_id,organisation,period,questionnaire,crosswalk,crosswalk_version,axis,item_id,item,"
                        "score,level,level_name,coverage,based_on,approximation\r\n", 0) == 0);
    CHECK(csv.out.find("eastmere,Eastmere") != std::string::npos);
    CHECK(csv.out.find(",topic,protecting-your-data,Protecting your data,") != std::string::npos);
    CHECK(csv.out.find(",theme,theme-uses,Uses,") != std::string::npos);
    CHECK(csv.out.find(",topic x theme,") != std::string::npos);
    // Ten topics and six themes, each on a row of its own, all scored from a complete round.
    int topics = 0, themes = 0;
    std::size_t at = 0;
    while ((at = csv.out.find(",topic,", at)) != std::string::npos) ++topics, ++at;
    at = 0;
    while ((at = csv.out.find(",theme,", at)) != std::string::npos) ++themes, ++at;
    CHECK(topics == 10);
    CHECK(themes == 6);
    CHECK(csv.out.find(",,,,") == std::string::npos);  // no topic or theme left without a score

    Run json = cli("crosswalk " + kRound + " --to cddo --format json --db " + f.db);
    REQUIRE(json.code == 0);
    auto j = nlohmann::json::parse(json.out);
    CHECK(j["format"] == "yardstick-crosswalk-return/1");
    REQUIRE(j["rounds"].size() == 1);
    CHECK(j["rounds"][0]["approximation"] == true);
    CHECK(j["rounds"][0]["approximation_note"].get<std::string>().find("An approximation") == 0);
    CHECK(j["rounds"][0]["to"]["name"] == "Data Maturity Assessment for Government");
    CHECK(j["rounds"][0]["axes"][0]["items"].size() == 10);

    Run table = cli("crosswalk " + kRound + " --to data-orchard --db " + f.db);
    REQUIRE(table.code == 0);
    CHECK(table.out.find("In the terms of Data Maturity Framework (Data Orchard CIC, 2022), an approximation") !=
          std::string::npos);
    CHECK(table.out.find("Analysis") != std::string::npos);
}

TEST_CASE("cli crosswalk: score --crosswalk adds the approximation to the table and the JSON", "[cli][crosswalk]") {
    Run table = cli("score examples/answers/eastmere-2026-full.json --crosswalk cddo --crosswalk data-orchard");
    INFO(table.err);
    REQUIRE(table.code == 0);
    CHECK(table.out.find("In the terms of Data Maturity Assessment for Government (Central Digital and Data Office (CDDO), "
                         "2023), an approximation") != std::string::npos);
    CHECK(table.out.find("In the terms of Data Maturity Framework (Data Orchard CIC, 2022)") != std::string::npos);
    CHECK(table.out.find("Setting your data direction") != std::string::npos);

    Run json = cli("score examples/answers/eastmere-2026-full.json --crosswalk cddo --format json");
    REQUIRE(json.code == 0);
    auto j = nlohmann::json::parse(json.out);
    REQUIRE(j["rounds"][0]["crosswalks"].size() == 1);
    CHECK(j["rounds"][0]["crosswalks"][0]["crosswalk"]["id"] == "cddo-dma-2023");

    // Without --crosswalk, score's output is as it was.
    Run plain = cli("score examples/answers/eastmere-2026-full.json --format json");
    REQUIRE(plain.code == 0);
    CHECK(!nlohmann::json::parse(plain.out)["rounds"][0].contains("crosswalks"));
}

TEST_CASE("cli crosswalk: an unknown name, a bad file, CSV from score, no round: refused, nothing written",
          "[cli][crosswalk]") {
    Folder f("refused");
    const std::string out = f.dir + "/return.csv";
    auto bytes_before = slurp(f.db);

    Run unknown = cli("crosswalk " + kRound + " --to lga --out " + out + " --db " + f.db);
    CHECK(unknown.code == 3);
    CHECK(unknown.err.find("--to: no crosswalk \"lga\" was found; expected one of cddo (cddo-dma-2023), data-orchard "
                           "(data-orchard-2022), or a crosswalk file's path") != std::string::npos);

    Run bad = cli("crosswalk " + kRound + " --to tests/data/crosswalks/bad-weight.json --out " + out + " --db " + f.db);
    CHECK(bad.code == 2);
    CHECK(bad.err.find("tests/data/crosswalks/bad-weight.json: /mappings/0/to/t1: expected a weight above 0 and at most 1") !=
          std::string::npos);

    Run missing = cli("crosswalk " + kRound + " --to tests/data/crosswalks/nothing-here.json --out " + out + " --db " + f.db);
    CHECK(missing.code == 2);
    CHECK(missing.err.find("tests/data/crosswalks/nothing-here.json") != std::string::npos);

    Run version = cli("crosswalk " + kRound + " --to tests/data/crosswalks/other-version.json --out " + out + " --db " + f.db);
    CHECK(version.code == 2);
    CHECK(version.err.find("tests/data/crosswalks/other-version.json: /framework/versions: does not map version 1.1 of "
                           "\"council-data-maturity\", which the round Eastmere London Borough Council (fictional) 2026 "
                           "(Council data maturity: full assessment) uses") != std::string::npos);

    Run no_round = cli("crosswalk nowhere.2026.council-full --to cddo --out " + out + " --db " + f.db);
    CHECK(no_round.code == 2);
    CHECK(no_round.err.find("nowhere.2026.council-full") != std::string::npos);

    Run csv = cli("score examples/answers/eastmere-2026-full.json --crosswalk cddo --format csv --out " + out);
    CHECK(csv.code == 3);
    CHECK(csv.err.find("--crosswalk shows with --format table or json") != std::string::npos);

    Run none = cli("crosswalk " + kRound + " --db " + f.db);
    CHECK(none.code == 3);
    Run help = cli("crosswalk --help");
    CHECK(help.code == 0);
    CHECK(help.out.find("Crosswalks found: cddo (cddo-dma-2023) data-orchard (data-orchard-2022)") != std::string::npos);

    CHECK(!std::filesystem::exists(out));
    CHECK(slurp(f.db) == bytes_before);
}

TEST_CASE("cli crosswalk: validate checks crosswalks, unmapped dimensions are warnings", "[cli][crosswalk]") {
    Run shipped = cli("validate frameworks/crosswalks/cddo-dma-2023.json frameworks/crosswalks/data-orchard-2022.json");
    INFO(shipped.err);
    CHECK(shipped.code == 0);
    CHECK(shipped.out.find("cddo-dma-2023.json: ok (crosswalk") != std::string::npos);
    CHECK(shipped.err.empty());

    Run partial = cli("validate tests/data/crosswalks/partial.json");
    CHECK(partial.code == 0);
    CHECK(partial.err.find("tests/data/crosswalks/partial.json: /mappings: warning: dimension \"culture\" (Culture and "
                           "decision-making) is mapped to no topic of Partial; add a mapping for it") != std::string::npos);

    Run bad = cli("validate tests/data/crosswalks/bad-weight.json");
    CHECK(bad.code == 2);
    CHECK(bad.err.find("tests/data/crosswalks/bad-weight.json: /mappings/0/to/t1: expected a weight above 0") !=
          std::string::npos);
}
