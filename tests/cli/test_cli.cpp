// yardstick-cli as a user runs it: real processes, their output and exit codes.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "cli_run.h"

using namespace ys::test;

TEST_CASE("cli: --help on every command, usage errors exit 3", "[cli]") {
    for (const char* c : {"validate", "frameworks", "score"}) {
        Run r = cli(std::string(c) + " --help");
        CHECK(r.code == 0);
        CHECK(r.out.find("Usage: yardstick-cli") != std::string::npos);
    }
    CHECK(cli("--help").code == 0);
    CHECK(cli("").code == 3);
    CHECK(cli("nonsense").code == 3);
    Run r = cli("score --format xml examples/answers/northwold-2026-quick.json");
    CHECK(r.code == 3);
    CHECK(count_lines(r.err) == 1);
    CHECK(cli("validate --bogus x.json").code == 3);
}

TEST_CASE("cli: validate accepts every shipped file and rejects a bad one with exit 2", "[cli]") {
    Run ok = cli("validate frameworks/*.json frameworks/roles/*.json questionnaires/*.json examples/answers/*.json examples/targets/*.json");
    INFO(ok.err);
    CHECK(ok.code == 0);
    CHECK(ok.err.empty());
    CHECK(ok.out.find("INVALID") == std::string::npos);

    Run bad = cli(std::string("validate ") + YS_TEST_DATA + "/bad/q-condition-forward.json " + YS_TEST_DATA +
                  "/frameworks/tiny-example.json");
    CHECK(bad.code == 2);
    CHECK(bad.err.find("q-condition-forward.json: /sections/0/questions/") != std::string::npos);
    CHECK(bad.err.find("refers forward") != std::string::npos);

    Run missing = cli("validate no-such-file.json");
    CHECK(missing.code == 2);
    CHECK(missing.err == "no-such-file.json: no such file; check the name and the folder\n");
}

TEST_CASE("cli: frameworks lists the shipped frameworks and questionnaires", "[cli]") {
    Run r = cli("frameworks");
    CHECK(r.code == 0);
    for (const char* id : {"council-data-maturity", "analyst-data-skills", "council-full", "council-quick-check",
                           "childrens-services", "analyst-skills-self-assessment"})
        CHECK(r.out.find(id) != std::string::npos);
    Run j = cli("frameworks --format json");
    REQUIRE(j.code == 0);
    auto doc = nlohmann::json::parse(j.out);
    CHECK(doc["entries"].size() >= 6);
}

TEST_CASE("cli: score as table, JSON and CSV agree", "[cli]") {
    const std::string files = "examples/answers/eastmere-2025-full.json examples/answers/eastmere-2026-full.json";
    Run table = cli("score " + files + " --targets examples/targets/eastmere-2027.json");
    INFO(table.err);
    REQUIRE(table.code == 0);
    CHECK(table.out.find("Eastmere") != std::string::npos);
    CHECK(table.out.find("Percent to target") != std::string::npos);
    CHECK(table.out.find("Change is since 2025") != std::string::npos);

    Run js = cli("score --format json --questions --roles " + files);
    REQUIRE(js.code == 0);
    auto doc = nlohmann::json::parse(js.out);
    REQUIRE(doc["rounds"].size() == 2);
    const auto& latest = doc["rounds"][1];
    CHECK(latest["period"] == "2026");
    CHECK(latest["previous_period"] == "2025");
    CHECK(latest["questions"].size() >= 50);
    double overall = latest["overall"]["score"].get<double>();
    CHECK(overall >= 1);
    CHECK(overall <= 5);

    std::string out_csv = std::string(YS_WORK_DIR) + "/scores-" + std::to_string(::getpid()) + ".csv";
    Run csv = cli("score --format csv --out " + out_csv + " " + files);
    REQUIRE(csv.code == 0);
    std::string text = slurp(out_csv);
    CHECK(text.rfind("organisation,period,questionnaire,role,dimension", 0) == 0);
    // The CSV's overall for 2026 matches the JSON's, to four decimals.
    std::ostringstream want;
    auto pos = text.find("eastmere,2026,council-full,all,overall,,");
    REQUIRE(pos != std::string::npos);
    double csv_overall = std::stod(text.substr(pos + std::string("eastmere,2026,council-full,all,overall,,").size()));
    CHECK(csv_overall == Approx(overall).margin(1e-4));
}

TEST_CASE("cli: score refuses invalid answers, writes nothing, exits 2", "[cli]") {
    std::string out_file = std::string(YS_WORK_DIR) + "/never-" + std::to_string(::getpid()) + ".json";
    std::filesystem::remove(out_file);
    Run r = cli(std::string("score --format json --out ") + out_file + " --with " + YS_TEST_DATA +
                "/frameworks/tiny-example.json --with " + YS_TEST_DATA + "/questionnaires/tiny-check.json " +
                YS_TEST_DATA + "/answers/tiny-good.json " + YS_TEST_DATA + "/bad/ans-unknown-option.json");
    CHECK(r.code == 2);
    CHECK(r.err.find("ans-unknown-option.json: /respondents/0/answers/") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(out_file));
}

TEST_CASE("cli: numbers do not follow the user's locale", "[cli]") {
    Run plain = cli("score --format csv examples/answers/northwold-2026-quick.json");
    REQUIRE(plain.code == 0);
    std::string cmd = "score --format csv examples/answers/northwold-2026-quick.json";
    setenv("LC_ALL", "de_DE.UTF-8", 1);
    Run german = cli(cmd);
    unsetenv("LC_ALL");
    CHECK(german.out == plain.out);
}

namespace {
std::string fresh_db(const std::string& name) {
    std::filesystem::create_directories(YS_WORK_DIR);
    std::string path = std::string(YS_WORK_DIR) + "/" + name + "-" + std::to_string(::getpid()) + ".db";
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
    return path;
}
const char* kExamples =
    " examples/answers/eastmere-2025-full.json examples/answers/eastmere-2026-full.json"
    " examples/answers/northwold-2026-quick.json examples/answers/ashby-vale-2026-full.json"
    " examples/answers/ashby-vale-childrens-2026.json";
}  // namespace

TEST_CASE("cli: rounds scored from the database equal the same answers scored from files", "[cli][store]") {
    std::string db = fresh_db("same-scores");
    Run imp = cli("import --db " + db + kExamples);
    INFO(imp.err);
    REQUIRE(imp.code == 0);
    CHECK(imp.out.find("imported: 52 new respondents") != std::string::npos);
    Run from_db = cli("score --format json --db " + db + " --org eastmere --org northwold --org ashby-vale --org ashby-vale-childrens");
    Run from_files = cli(std::string("score --format json") + kExamples);
    REQUIRE(from_db.code == 0);
    REQUIRE(from_files.code == 0);
    auto a = nlohmann::json::parse(from_db.out)["rounds"];
    auto b = nlohmann::json::parse(from_files.out)["rounds"];
    REQUIRE(a.size() == b.size());
    std::map<std::string, nlohmann::json> by_key;
    for (auto& r : b) by_key[r["organisation"]["id"].get<std::string>() + "/" + r["period"].get<std::string>()] = r;
    for (auto& r : a) {
        auto& other = by_key[r["organisation"]["id"].get<std::string>() + "/" + r["period"].get<std::string>()];
        CHECK(r["overall"] == other["overall"]);
        CHECK(r["dimensions"] == other["dimensions"]);
    }
}

TEST_CASE("cli: importing twice adds nothing, and a bad file in the batch writes nothing", "[cli][store]") {
    std::string db = fresh_db("twice");
    REQUIRE(cli("import --db " + db + kExamples).code == 0);
    Run again = cli("import --db " + db + kExamples);
    CHECK(again.code == 0);
    CHECK(again.out.find("0 new respondents, 0 changed, 52 unchanged") != std::string::npos);
    Run check = cli("db check --db " + db);
    CHECK(check.code == 0);
    CHECK(check.out.find("4 organisations, 5 rounds, 52 respondents, 3183 answers") != std::string::npos);

    std::string db2 = fresh_db("bad-batch");
    Run bad = cli("import --db " + db2 + " examples/answers/northwold-2026-quick.json " + YS_TEST_DATA +
                  "/bad/syntax-missing-comma.json");
    CHECK(bad.code == 2);
    CHECK(bad.err.find("syntax-missing-comma.json: 5:5:") != std::string::npos);
    CHECK(cli("db check --db " + db2).out.find("0 organisations, 0 rounds, 0 respondents, 0 answers") != std::string::npos);
}

TEST_CASE("cli: a worked example from an empty database to an export", "[cli][store]") {
    std::string db = fresh_db("walkthrough");
    CHECK(cli("org add london --name \"London (fictional)\" --type region --db " + db).code == 0);
    CHECK(cli("org add westford --name \"Westford (fictional)\" --type london-borough --parent london --ons E09999902 --db " + db).code == 0);
    Run dup = cli("org add westford --name X --type county --db " + db);
    CHECK(dup.code == 2);
    CHECK(dup.err.find("already exists") != std::string::npos);
    CHECK(cli("org add \"bad id\" --name X --type county --db " + db).code == 2);
    CHECK(cli("org move london --parent westford --db " + db).code == 2);  // a cycle
    Run round = cli("round new --org westford --questionnaire council-quick-check --period 2026 --db " + db);
    REQUIRE(round.code == 0);
    CHECK(round.out == "westford.2026.council-quick-check\n");
    Run key = cli("respondent add westford.2026.council-quick-check --role analyst --name \"Siân Example\" --db " + db);
    REQUIRE(key.code == 0);
    CHECK(key.out == "r1\n");
    CHECK(cli("answer set westford.2026.council-quick-check r1 qc-strategy --value l4 --evidence \"Strategy on the intranet\" --db " + db).code == 0);
    Run wrong = cli("answer set westford.2026.council-quick-check r1 qc-strategy --value l9 --db " + db);
    CHECK(wrong.code == 2);
    CHECK(wrong.err.find("\"l9\" is not an option") != std::string::npos);
    CHECK(cli("target set westford leadership 4 --framework council-data-maturity --by 2027-03-31 --db " + db).code == 0);
    Run scored = cli("score --db " + db + " --round westford.2026.council-quick-check");
    CHECK(scored.code == 0);
    CHECK(scored.out.find("Percent to target") != std::string::npos);
    std::string csv = std::string(YS_WORK_DIR) + "/walk-" + std::to_string(::getpid()) + ".csv";
    CHECK(cli("export --db " + db + " --csv " + csv + " --org westford --anonymise").code == 0);
    std::string text = slurp(csv);
    CHECK(text.find("qc-strategy") != std::string::npos);
    CHECK(text.find("Siân") == std::string::npos);
    CHECK(text.find("intranet") == std::string::npos);
    CHECK(cli("action set westford.2026.council-quick-check lead-1-2-name-an-accountable-lead --owner \"Head of data\" --due 2027-01-31 --db " + db).code == 0);
    CHECK(cli("action set westford.2026.council-quick-check no-such-action --db " + db).code == 2);
    CHECK(cli("action set westford.2026.council-quick-check lead-1-2-name-an-accountable-lead --status finished --db " + db).code == 2);
    CHECK(cli("action list westford.2026.council-quick-check --db " + db).out.find("owner: Head of data  due 2027-01-31") != std::string::npos);
    CHECK(cli("round close westford.2026.council-quick-check --db " + db).code == 0);
    CHECK(cli("answer set westford.2026.council-quick-check r1 qc-strategy --value l5 --db " + db).code == 2);
}

TEST_CASE("cli: a file that is not a Yardstick database is refused and left untouched", "[cli][store]") {
    std::string path = fresh_db("not-ours");
    { std::ofstream(path) << "name,score\nEastmere,3\n"; }
    std::string before = slurp(path);
    Run r = cli("org list --db " + path);
    CHECK(r.code == 6);
    CHECK(r.err.find("not a Yardstick database") != std::string::npos);
    CHECK(slurp(path) == before);
}

TEST_CASE("cli: a round moves to a newer questionnaire only by an explicit upgrade, and only when its answers fit", "[cli][store]") {
    std::string db = fresh_db("upgrade");
    REQUIRE(cli("import --db " + db + " examples/answers/northwold-2026-quick.json").code == 0);
    // A library with version 1.2 of the quick check (1.1 is shipped): one question more.
    std::string lib = std::string(YS_WORK_DIR) + "/lib-" + std::to_string(::getpid());
    std::filesystem::create_directories(lib + "/questionnaires");
    auto q = nlohmann::json::parse(slurp(std::string(YS_SOURCE_DIR) + "/questionnaires/council-quick-check.json"));
    q["version"] = "1.2";
    auto extra = q["sections"][0]["questions"][0];
    extra["id"] = "qc-extra";
    q["sections"][0]["questions"].push_back(extra);
    std::ofstream(lib + "/questionnaires/quick-1.2.json") << q.dump(2);
    Run before = cli("score --format json --db " + db + " --round northwold.2026.council-quick-check");
    Run up = cli("round upgrade northwold.2026.council-quick-check --library " + lib + " --db " + db);
    INFO(up.err);
    CHECK(up.code == 0);
    CHECK(up.out.find("questionnaire 1.1 -> 1.2") != std::string::npos);
    Run after = cli("score --format json --db " + db + " --round northwold.2026.council-quick-check");
    CHECK(nlohmann::json::parse(after.out)["rounds"][0]["questionnaire"]["version"] == "1.2");
    CHECK(nlohmann::json::parse(before.out)["rounds"][0]["questionnaire"]["version"] == "1.1");

    // Version 1.3 drops a question that was answered: refused, nothing changes.
    q["version"] = "1.3";
    q["sections"][0]["questions"].erase(0);
    std::ofstream(lib + "/questionnaires/quick-1.3.json") << q.dump(2);
    Run refused = cli("round upgrade northwold.2026.council-quick-check --to 1.3 --library " + lib + " --db " + db);
    CHECK(refused.code == 2);
    CHECK(refused.err.find("do not fit version 1.3") != std::string::npos);
    Run still = cli("score --format json --db " + db + " --round northwold.2026.council-quick-check");
    CHECK(nlohmann::json::parse(still.out)["rounds"][0]["questionnaire"]["version"] == "1.2");
}

TEST_CASE("cli: a bundle carries rounds to another database, which scores them the same", "[cli][store]") {
    std::string db = fresh_db("bundle-from");
    REQUIRE(cli("import --db " + db + kExamples).code == 0);
    REQUIRE(cli("target set eastmere leadership 5 --framework council-data-maturity --by 2027-03-31 --db " + db).code == 0);
    std::string bundle = std::string(YS_WORK_DIR) + "/all-" + std::to_string(::getpid()) + ".json";
    Run ex = cli("export --bundle " + bundle + " --org eastmere --org northwold --db " + db);
    REQUIRE(ex.code == 0);
    CHECK(ex.out.find("(3 rounds)") != std::string::npos);

    std::string other = fresh_db("bundle-to");
    REQUIRE(cli("import --db " + other + " " + bundle).code == 0);
    Run twice = cli("import --db " + other + " " + bundle);
    CHECK(twice.out.find("0 new respondents") != std::string::npos);
    CHECK(cli("db check --db " + other).out.find("2 organisations, 3 rounds, 31 respondents") != std::string::npos);
    for (const char* org : {"eastmere", "northwold"}) {
        Run a = cli(std::string("score --format json --questions --org ") + org + " --db " + db);
        Run b = cli(std::string("score --format json --questions --org ") + org + " --db " + other);
        REQUIRE(a.code == 0);
        auto ja = nlohmann::json::parse(a.out), jb = nlohmann::json::parse(b.out);
        for (auto* j : {&ja, &jb})
            for (auto& r : (*j)["rounds"]) r.erase("files");
        CHECK(ja == jb);
    }
}

TEST_CASE("cli: an anonymised bundle holds no names, emails or notes", "[cli][store]") {
    std::string db = fresh_db("anon");
    REQUIRE(cli("import --db " + db + kExamples).code == 0);
    std::string bundle = std::string(YS_WORK_DIR) + "/anon-" + std::to_string(::getpid()) + ".json";
    REQUIRE(cli("export --anonymise --bundle " + bundle + " --org eastmere --org ashby-vale --db " + db).code == 0);
    std::string text = slurp(bundle);
    // Every name, email and evidence note in the example files that were exported.
    int looked_for = 0;
    for (const char* f : {"eastmere-2025-full.json", "eastmere-2026-full.json", "ashby-vale-2026-full.json"}) {
        auto doc = nlohmann::json::parse(slurp(std::string(YS_SOURCE_DIR) + "/examples/answers/" + f));
        for (const auto& r : doc["respondents"]) {
            for (const char* key : {"name", "email"})
                if (r.contains(key)) {
                    ++looked_for;
                    CHECK(text.find(r[key].get<std::string>()) == std::string::npos);
                }
            for (const auto& [q, a] : r["answers"].items())
                if (a.contains("evidence")) {
                    ++looked_for;
                    CHECK(text.find(a["evidence"].get<std::string>()) == std::string::npos);
                }
        }
    }
    CHECK(looked_for > 50);
    CHECK(nlohmann::json::parse(text)["anonymised"] == true);
}

TEST_CASE("cli: a damaged bundle leaves the database exactly as it was", "[cli][store]") {
    std::string db = fresh_db("bad-bundle");
    REQUIRE(cli("import --db " + db + " examples/answers/northwold-2026-quick.json").code == 0);
    std::string before = cli("db check --db " + db).out;
    for (const char* bad : {"bad-round-unknown-framework.json", "bad-answer-unknown-option.json", "bad-hash-mismatch.json",
                            "bad-organisation-parent-cycle.json", "bad-nesting-too-deep.json"}) {
        std::string path = std::string(YS_TEST_DATA) + "/bundles/" + bad;
        REQUIRE(std::filesystem::exists(path));
        Run r = cli("import --db " + db + " " + path);
        INFO(bad << ": " << r.err);
        CHECK(r.code == 2);
        CHECK(r.err.find(bad) != std::string::npos);
        CHECK(cli("db check --db " + db).out == before);
    }
}

TEST_CASE("cli: colliding ids and wrong encodings are refused without a trace", "[cli][store]") {
    // Database A has Northwold's round on questionnaire 1.2; a bundle A wrote before the upgrade
    // brings the same round on 1.1 (the shipped version). (Database B's Northwold, made there, is another organisation:
    // tests/store/test_bundle_origin.cpp.)
    std::string a = fresh_db("collide-a"), b = fresh_db("collide-b");
    REQUIRE(cli("import --db " + a + " examples/answers/northwold-2026-quick.json").code == 0);
    REQUIRE(cli("import --db " + b + " examples/answers/northwold-2026-quick.json").code == 0);
    std::string bundle = std::string(YS_WORK_DIR) + "/collide-" + std::to_string(::getpid()) + ".json";
    std::string from_b = std::string(YS_WORK_DIR) + "/collide-b-" + std::to_string(::getpid()) + ".json";
    REQUIRE(cli("export --bundle " + bundle + " --org northwold --db " + a).code == 0);
    REQUIRE(cli("export --bundle " + from_b + " --org northwold --db " + b).code == 0);
    std::string lib = std::string(YS_WORK_DIR) + "/lib-collide-" + std::to_string(::getpid());
    std::filesystem::create_directories(lib + "/questionnaires");
    auto q = nlohmann::json::parse(slurp(std::string(YS_SOURCE_DIR) + "/questionnaires/council-quick-check.json"));
    q["version"] = "1.2";
    std::ofstream(lib + "/questionnaires/quick-1.2.json") << q.dump(2);
    REQUIRE(cli("round upgrade northwold.2026.council-quick-check --library " + lib + " --db " + a).code == 0);
    std::string before = cli("score --format json --org northwold --db " + a).out;
    Run r = cli("import --db " + a + " " + bundle);
    CHECK(r.code == 2);
    CHECK(r.err.find("already in the database with other framework or questionnaire versions") != std::string::npos);
    CHECK(cli("score --format json --org northwold --db " + a).out == before);
    Run other = cli("import --db " + a + " " + from_b);
    CHECK(other.code == 2);
    CHECK(other.err.find("share an id but were made by different databases") != std::string::npos);
    CHECK(cli("score --format json --org northwold --db " + a).out == before);
    std::filesystem::remove(from_b);

    // An answer file saved as Latin-1 (a council's old spreadsheet export): a clear error, nothing written.
    std::string latin1 = std::string(YS_WORK_DIR) + "/latin1-" + std::to_string(::getpid()) + ".json";
    std::string text = slurp(std::string(YS_SOURCE_DIR) + "/examples/answers/northwold-2026-quick.json");
    text.replace(text.find("Northwold"), 9, "Northw\xF6ld");
    std::ofstream(latin1, std::ios::binary) << text;
    std::string c = fresh_db("latin1");
    Run enc = cli("import --db " + c + " " + latin1);
    CHECK(enc.code == 2);
    CHECK(enc.err.find("UTF-8") != std::string::npos);
    CHECK(cli("db check --db " + c).out.find("0 organisations, 0 rounds") != std::string::npos);
}

TEST_CASE("cli: survey CSV import: dry run, all-or-nothing, skip-invalid, no duplicates", "[cli][store][csv]") {
    std::string db = fresh_db("csv");
    REQUIRE(cli("org add testshire --name \"Testshire (fictional)\" --type county --db " + db).code == 0);
    const std::string base = std::string(" --org testshire --period 2026 --questionnaire tiny-check --library ") + YS_TEST_DATA +
                             " --db " + db;
    const std::string empty = "0 organisations, 0 rounds";
    Run dry = cli(std::string("import --dry-run --csv ") + YS_TEST_DATA + "/csv/ms-forms.csv" + base);
    CHECK(dry.code == 0);
    CHECK(dry.out.find("would import: 3 new respondents") != std::string::npos);
    CHECK(dry.out.find("\"1. Which statement fits best?\" -> q-quality") != std::string::npos);
    CHECK(cli("db check --db " + db).out.find("1 organisations, 0 rounds") != std::string::npos);

    Run bad = cli(std::string("import --csv ") + YS_TEST_DATA + "/csv/bad-rows.csv" + base);
    CHECK(bad.code == 2);
    CHECK(bad.err.find("bad-rows.csv: row 16, column") != std::string::npos);
    CHECK(bad.err.find("nothing was imported") != std::string::npos);
    CHECK(cli("db check --db " + db).out.find("1 organisations, 0 rounds") != std::string::npos);

    Run skip = cli(std::string("import --skip-invalid --csv ") + YS_TEST_DATA + "/csv/bad-rows.csv" + base);
    CHECK(skip.code == 0);
    CHECK(skip.out.find("skipped row 16:") != std::string::npos);

    REQUIRE(cli(std::string("import --csv ") + YS_TEST_DATA + "/csv/ms-forms.csv" + base).code == 0);
    Run again = cli(std::string("import --csv ") + YS_TEST_DATA + "/csv/ms-forms.csv" + base);
    CHECK(again.out.find("0 new respondents, 0 changed, 3 unchanged") != std::string::npos);
    (void)empty;
}

TEST_CASE("cli: a wide CSV export reads back through the survey import with the same scores", "[cli][store][csv]") {
    std::string db = fresh_db("wide-from");
    REQUIRE(cli("import --db " + db + " examples/answers/eastmere-2026-full.json").code == 0);
    std::string csv = std::string(YS_WORK_DIR) + "/wide-" + std::to_string(::getpid()) + ".csv";
    REQUIRE(cli("export --csv " + csv + " --layout wide --round eastmere.2026.council-full --db " + db).code == 0);
    std::string other = fresh_db("wide-to");
    REQUIRE(cli("org add eastmere --name \"Eastmere London Borough Council (fictional)\" --type london-borough --db " + other).code == 0);
    Run imp = cli("import --csv " + csv + " --org eastmere --period 2026 --questionnaire council-full --db " + other);
    INFO(imp.err);
    REQUIRE(imp.code == 0);
    auto a = nlohmann::json::parse(cli("score --format json --org eastmere --db " + db).out)["rounds"][0];
    auto b = nlohmann::json::parse(cli("score --format json --org eastmere --db " + other).out)["rounds"][0];
    CHECK(a["overall"] == b["overall"]);
    CHECK(a["dimensions"] == b["dimensions"]);
}

TEST_CASE("cli: benchmark a peer group and a region's councils, anonymised, refusing mixed frameworks", "[cli][store][benchmark]") {
    std::string db = fresh_db("benchmark");
    REQUIRE(cli("org add london --name \"London (fictional)\" --type region --db " + db).code == 0);
    REQUIRE(cli("import --db " + db + kExamples).code == 0);
    for (const char* o : {"eastmere", "northwold"}) REQUIRE(cli(std::string("org move ") + o + " --parent london --db " + db).code == 0);
    REQUIRE(cli("group add demo --name Demo --db " + db).code == 0);
    for (const char* o : {"eastmere", "northwold", "ashby-vale"})
        REQUIRE(cli(std::string("group member demo ") + o + " --db " + db).code == 0);

    Run js = cli("benchmark --group demo --format json --db " + db);
    INFO(js.err);
    REQUIRE(js.code == 0);
    auto doc = nlohmann::json::parse(js.out);
    CHECK(doc.dump().find("eastmere") != std::string::npos);

    Run region = cli("benchmark --children-of london --min-respondents 7 --db " + db);
    CHECK(region.code == 0);
    CHECK(region.out.find("fewer than 7") != std::string::npos);  // Northwold's 6 respondents

    Run anon = cli("benchmark --group demo --anonymise --viewer northwold --format json --db " + db);
    REQUIRE(anon.code == 0);
    for (const char* hidden : {"eastmere", "Eastmere", "ashby-vale", "Ashby Vale"}) CHECK(anon.out.find(hidden) == std::string::npos);
    CHECK(anon.out.find("Northwold") != std::string::npos);

    // A skills self-assessment round in the group: another framework, refused with a message.
    REQUIRE(cli("org add skills-team --name \"Skills team (fictional)\" --type other --db " + db).code == 0);
    REQUIRE(cli("round new --org skills-team --questionnaire analyst-skills-self-assessment --period 2026 --db " + db).code == 0);
    REQUIRE(cli("group member demo skills-team --db " + db).code == 0);
    Run mixed = cli("benchmark --group demo --db " + db);
    CHECK(mixed.code == 2);
    CHECK(mixed.err.find("different frameworks") != std::string::npos);
    CHECK(cli("benchmark --db " + db).code == 3);
}

TEST_CASE("cli: a costed roadmap from a round, as table, JSON and CSV, and its bad inputs", "[cli][roadmap]") {
    std::string db = fresh_db("roadmap");
    REQUIRE(cli("import --db " + db + " examples/answers/eastmere-2026-full.json").code == 0);
    const std::string base = "roadmap --round eastmere.2026.council-full --start 2026-04-01 --db " + db;
    Run table = cli(base + " --share data-architect:3 --team head-of-data=1");
    INFO(table.err);
    REQUIRE(table.code == 0);
    CHECK(table.out.find("Phase 1 (from year 1): Get started: ") != std::string::npos);
    CHECK(table.out.find("foundation responsibilities fully covered") != std::string::npos);
    CHECK(table.out.find("shared with 3 councils") != std::string::npos);
    CHECK(table.out.find("Employer National Insurance") != std::string::npos);
    // The team's head of data holds the leadership, so phase 1 proposes none.
    CHECK(table.out.find("+ Head of data (proposed by Yardstick, new post, from 1 April 2026") == std::string::npos);
    CHECK(table.out.find("The existing team (for information; not new spend)") != std::string::npos);

    Run js = cli(base + " --format json");
    REQUIRE(js.code == 0);
    auto doc = nlohmann::json::parse(js.out);
    CHECK(doc["format"] == "yardstick-roadmap/2");
    REQUIRE(doc["years"].size() == 3);
    double sum = 0;
    for (const auto& y : doc["years"]) sum += y["total"]["mid"].get<double>();
    CHECK(doc["years"][2]["cumulative"]["mid"].get<double>() == Approx(sum).margin(0.005));
    for (const auto& c : doc["cover"]) CHECK(c["text"].get<std::string>().size() > 0);

    // The finance CSV: each new post's lines add up, to the penny, to the plan's yearly totals.
    Run csv = cli(base + " --format csv");
    REQUIRE(csv.code == 0);
    CHECK(csv.out.rfind("section,id,name,role,origin,route,headcount,fte_each,shared_with,start,year,from,to,line,", 0) == 0);
    std::map<std::string, long long> posts_by_year, totals_by_year;
    std::istringstream lines(csv.out);
    std::string row;
    while (std::getline(lines, row)) {
        if (!row.empty() && row.back() == '\r') row.pop_back();
        std::vector<std::string> f;
        std::string cell;
        std::istringstream cells(row);
        while (std::getline(cells, cell, ',')) f.push_back(cell);
        if (f.size() < 20 || f[0] == "section" || f[0] == "warning" || f[0] == "assumption") continue;
        long long pence = std::llround(std::stod(f[18]) * 100);
        if (f[0] == "new post" || f[0] == "other cost") posts_by_year[f[10]] += pence;
        if (f[0] == "plan total" && f[13] == "Total") totals_by_year[f[10]] = pence;
    }
    REQUIRE(totals_by_year.size() == 3);
    CHECK(posts_by_year == totals_by_year);

    Run grow = cli(base + " --team performance-information-analyst=1 --upskill performance-information-analyst=senior-data-analyst");
    INFO(grow.err);
    CHECK(grow.code == 0);
    CHECK(grow.out.find("Senior data analyst (planned, grown from the team's Performance and information analyst") !=
          std::string::npos);
    CHECK(cli(base + " --upskill senior-data-analyst").code == 3);
    Run none = cli(base + " --upskill performance-information-analyst=senior-data-analyst");  // none in the team
    CHECK(none.code == 3);
    CHECK(none.err.find("--team names none (add --team performance-information-analyst=1)") != std::string::npos);

    Run own = cli(base + " --post data-analyst-apprentice=2 --no-proposals");
    INFO(own.err);
    REQUIRE(own.code == 0);
    CHECK(own.out.find("+ 2 x Data analyst apprentice (level 4) (planned, apprenticeship,") != std::string::npos);
    CHECK(own.out.find("proposed by Yardstick") == std::string::npos);
    CHECK(own.out.find("not covered") != std::string::npos);

    Run unknown = cli(base + " --team astronaut=1");
    CHECK(unknown.code == 2);
    CHECK(unknown.err.find("astronaut") != std::string::npos);
    CHECK(cli(base + " --share data-architect").code == 3);
    CHECK(cli(base + " --structure matrix").code == 3);
    CHECK(cli(base + " --london-area mayfair").code == 3);
    CHECK(cli(base + " --post head-of-data=0").code == 3);
    CHECK(cli(base + " --org eastmere").code == 3);  // a round names its organisation
    Run both = cli(base + " --scenario x.json --team head-of-data=1");
    CHECK(both.code == 3);
    CHECK(both.err.find("the scenario file holds the plan") != std::string::npos);
    Run bad_assumptions = cli(base + " --assumptions " + YS_TEST_DATA + "/roles/bad-assumptions-missing-rate.json");
    CHECK(bad_assumptions.code == 2);
    CHECK(bad_assumptions.err.find("bad-assumptions-missing-rate.json: /rules/") != std::string::npos);
}

// =============================================================================================
// Reports

namespace {
// The text of a PDF in reading order, column by column ("" when pdftotext fails).
std::string pdf_text(const std::string& pdf) {
    std::string txt = pdf + ".txt";
    std::filesystem::remove(txt);
    std::string cmd = "pdftotext " + pdf + " " + txt + " 2>/dev/null";
    if (std::system(cmd.c_str()) != 0) return {};
    return slurp(txt);
}
bool qpdf_ok(const std::string& pdf) { return std::system(("qpdf --check " + pdf + " > /dev/null 2>&1").c_str()) == 0; }
bool html_ok(const std::string& html) {
    return std::system(("python3 " + std::string(YS_SOURCE_DIR) + "/tests/report/check_html.py " + html + " > /dev/null").c_str()) == 0;
}
// pdftotext breaks lines and may split words across columns: compare with spaces squeezed.
std::string squeezed(const std::string& s) {
    std::string out;
    for (char c : s) {
        bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f';
        if (space && (out.empty() || out.back() == ' ')) continue;
        out += space ? ' ' : c;
    }
    return out;
}
}  // namespace

TEST_CASE("cli: action plan PDF and HTML from a database round, byte-identical with a fixed date", "[cli][report]") {
    std::string db = fresh_db("report-plan");
    REQUIRE(cli("import --db " + db + kExamples).code == 0);
    // A name beyond Windows-1252 (w circumflex) makes the PDF embed DejaVu Sans.
    REQUIRE(cli("org edit eastmere --name \"Eastmere — Llanŵ Café (fictional)\" --db " + db).code == 0);
    const std::string dir = std::string(YS_WORK_DIR) + "/report-plan-" + std::to_string(::getpid());
    std::filesystem::create_directories(dir);
    const std::string base = "report action-plan --org eastmere --fixed-date --db " + db;
    Run r = cli(base + " --out " + dir + "/a.pdf --html " + dir + "/a.html");
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(r.out.find("wrote " + dir + "/a.pdf") != std::string::npos);
    CHECK(qpdf_ok(dir + "/a.pdf"));
    CHECK(html_ok(dir + "/a.html"));
    std::string text = squeezed(pdf_text(dir + "/a.pdf"));
    CHECK(text.find("Llanŵ Café") != std::string::npos);
    CHECK(text.find("2026") != std::string::npos);
    // Not anonymised: the appendix holds the respondents' evidence notes.
    CHECK(text.find("Lessons from data incidents are shared without naming people.") != std::string::npos);
    CHECK(slurp(dir + "/a.html").find("Llanŵ Café") != std::string::npos);

    REQUIRE(cli(base + " --out " + dir + "/b.pdf --html " + dir + "/b.html").code == 0);
    CHECK(slurp(dir + "/a.pdf") == slurp(dir + "/b.pdf"));
    CHECK(slurp(dir + "/a.html") == slurp(dir + "/b.html"));

    // Anonymised: no appendix, so no evidence notes.
    REQUIRE(cli(base + " --anonymise --out " + dir + "/anon.pdf").code == 0);
    std::string anon = squeezed(pdf_text(dir + "/anon.pdf"));
    CHECK(anon.find("Lessons from data incidents") == std::string::npos);
    CHECK(anon.find("Llanŵ Café") != std::string::npos);
}

TEST_CASE("cli: benchmark report and business case, with their figures in the PDF", "[cli][report]") {
    std::string db = fresh_db("report-others");
    REQUIRE(cli("import --db " + db + kExamples).code == 0);
    REQUIRE(cli("group add demo --name \"Demo group (fictional)\" --db " + db).code == 0);
    for (const char* o : {"eastmere", "northwold", "ashby-vale"})
        REQUIRE(cli(std::string("group member demo ") + o + " --db " + db).code == 0);
    const std::string dir = std::string(YS_WORK_DIR) + "/report-others-" + std::to_string(::getpid());
    std::filesystem::create_directories(dir);

    Run bench = cli("report benchmark --group demo --viewer northwold --anonymise --fixed-date --out " + dir +
                    "/bench.pdf --html " + dir + "/bench.html --db " + db);
    INFO(bench.err);
    REQUIRE(bench.code == 0);
    CHECK(qpdf_ok(dir + "/bench.pdf"));
    CHECK(html_ok(dir + "/bench.html"));
    std::string text = squeezed(pdf_text(dir + "/bench.pdf"));
    CHECK(text.find("Northwold") != std::string::npos);
    CHECK(text.find("Council A") != std::string::npos);
    for (const char* hidden : {"Eastmere", "Ashby Vale"}) {
        CHECK(text.find(hidden) == std::string::npos);
        CHECK(slurp(dir + "/bench.html").find(hidden) == std::string::npos);
    }

    // Every figure of the finance CSV's plan totals (each line and total, per year, low, mid
    // and high, and the running total at mid) is in the business case's PDF, to the penny.
    const std::string options = " --team performance-information-analyst=1 --share data-architect:3 --start 2027-04-01";
    Run plan = cli("roadmap --round eastmere.2026.council-full --format csv" + options + " --db " + db);
    REQUIRE(plan.code == 0);
    Run bc = cli("report business-case --round eastmere.2026.council-full --fixed-date --out " + dir + "/case.pdf --html " +
                 dir + "/case.html" + options + " --db " + db);
    INFO(bc.err);
    REQUIRE(bc.code == 0);
    CHECK(qpdf_ok(dir + "/case.pdf"));
    CHECK(html_ok(dir + "/case.html"));
    std::string cs = squeezed(pdf_text(dir + "/case.pdf"));
    // "1234567.8" -> "£1,234,567.80", as the report writes money.
    auto as_money = [](const std::string& csv) {
        std::string v = csv.rfind("-", 0) == 0 ? csv.substr(1) : csv;
        std::string whole = v.substr(0, v.find('.')), pence = v.substr(v.find('.') + 1);
        for (int at = static_cast<int>(whole.size()) - 3; at > 0; at -= 3) whole.insert(static_cast<std::size_t>(at), ",");
        return "£" + whole + "." + pence;
    };
    std::istringstream rows(plan.out);
    std::string row;
    int checked = 0;
    while (std::getline(rows, row)) {
        if (row.rfind("plan total,", 0) != 0) continue;
        std::vector<std::string> cells;
        std::stringstream cs_row(row);
        for (std::string cell; std::getline(cs_row, cell, ',');) cells.push_back(cell);
        if (!cells.empty() && !cells.back().empty() && cells.back().back() == '\r') cells.back().pop_back();
        REQUIRE(cells.size() == 20);
        for (std::size_t col : {17u, 18u, 19u}) {
            if (cells[13] == "Cumulative" && col != 18) continue;  // the PDF gives the running total at mid
            INFO("year " << cells[10] << ", " << cells[13] << ": " << as_money(cells[col]));
            CHECK(cs.find(as_money(cells[col])) != std::string::npos);
            ++checked;
        }
    }
    CHECK(checked > 30);
    Run one = cli("report business-case --org eastmere --role data-architect --out " + dir + "/architect.pdf" + options +
                  " --db " + db);
    INFO(one.err);
    CHECK(one.code == 0);
    CHECK(squeezed(pdf_text(dir + "/architect.pdf")).find("Data architect") != std::string::npos);
}

TEST_CASE("cli: report refuses bad input with one line and writes nothing", "[cli][report]") {
    std::string db = fresh_db("report-bad");
    REQUIRE(cli("import --db " + db + " examples/answers/eastmere-2026-full.json").code == 0);
    const std::string dir = std::string(YS_WORK_DIR) + "/report-bad-" + std::to_string(::getpid());
    std::filesystem::create_directories(dir);
    const std::string pdf = dir + "/x.pdf", html = dir + "/x.html";
    auto nothing_written = [&] { return !std::filesystem::exists(pdf) && !std::filesystem::exists(html); };

    CHECK(cli("report").code == 3);
    CHECK(cli("report poster --out " + pdf + " --db " + db).code == 3);
    CHECK(cli("report action-plan --org eastmere --db " + db).code == 3);  // no output named
    CHECK(cli("report action-plan --out " + pdf + " --db " + db).code == 3);  // no round or organisation
    CHECK(cli("report benchmark --out " + pdf + " --db " + db).code == 3);   // nobody to compare
    CHECK(cli("report action-plan --org eastmere --date 2026-13-40 --out " + pdf + " --db " + db).code == 3);

    Run missing = cli("report action-plan --round nowhere.2026.x --out " + pdf + " --html " + html + " --db " + db);
    CHECK(missing.code == 2);
    CHECK(count_lines(missing.err) == 1);
    CHECK(missing.err.find("nowhere.2026.x") != std::string::npos);

    Run bad_template = cli("report action-plan --org eastmere --template " + std::string(YS_TEST_DATA) +
                           "/bad/templates/tpl-unknown-section.json --out " + pdf + " --html " + html + " --db " + db);
    CHECK(bad_template.code == 2);
    CHECK(count_lines(bad_template.err) == 1);
    CHECK(bad_template.err.find("tpl-unknown-section.json: /sections/") != std::string::npos);

    Run no_dir = cli("report action-plan --org eastmere --out " + dir + "/no/such/dir/x.pdf --db " + db);
    CHECK(no_dir.code == 4);
    CHECK(count_lines(no_dir.err) == 1);

    // The HTML cannot be written: the PDF beside it is not left behind either.
    Run half = cli("report action-plan --org eastmere --out " + pdf + " --html " + dir + "/no/such/dir/x.html --db " + db);
    CHECK(half.code == 4);
    CHECK(nothing_written());

    const std::string garbage = dir + "/garbage.db";
    std::ofstream(garbage) << "not a database at all, but long enough to look like a file someone picked by mistake";
    Run refused = cli("report action-plan --org eastmere --out " + pdf + " --db " + garbage);
    CHECK(refused.code == 6);
    CHECK(count_lines(refused.err) == 1);
    CHECK(nothing_written());
}

TEST_CASE("cli: target remove takes one target away, and says so when there is none to remove", "[cli][store]") {
    std::string db = fresh_db("target-remove");
    REQUIRE(cli("org add westford --name \"Westford (fictional)\" --type london-borough --db " + db).code == 0);
    REQUIRE(cli("round new --org westford --questionnaire council-quick-check --period 2026 --db " + db).code == 0);
    REQUIRE(cli("target set westford leadership 4 --framework council-data-maturity --by 2027-03-31 --db " + db).code == 0);
    REQUIRE(cli("target set westford skills 3 --framework council-data-maturity --db " + db).code == 0);

    Run removed = cli("target remove westford leadership --framework council-data-maturity --db " + db);
    CHECK(removed.code == 0);
    CHECK(removed.out == "target removed\n");
    CHECK(removed.err.empty());
    const std::string left = "council-data-maturity  skills  3\n";
    CHECK(cli("target list westford --db " + db).out == left);

    Run again = cli("target remove westford leadership --framework council-data-maturity --db " + db);
    CHECK(again.code == 2);
    CHECK(again.err == "yardstick-cli target remove: organisation \"westford\" has no target for dimension \"leadership\" "
                       "of framework \"council-data-maturity\"\n");
    Run nowhere = cli("target remove nowhere skills --framework council-data-maturity --db " + db);
    CHECK(nowhere.code == 2);
    CHECK(nowhere.err == "yardstick-cli target remove: organisation \"nowhere\" does not exist\n");
    Run no_framework = cli("target remove westford skills --db " + db);
    CHECK(no_framework.code == 3);
    CHECK(no_framework.err == "yardstick-cli target remove: --framework ID is needed\n");
    Run one_argument = cli("target remove westford --framework council-data-maturity --db " + db);
    CHECK(one_argument.code == 3);
    CHECK(count_lines(one_argument.err) == 1);
    CHECK(cli("target list westford --db " + db).out == left);  // no refusal removed anything
}

TEST_CASE("cli: action set clears a field given empty and keeps those not given, action remove takes the action out", "[cli][store]") {
    std::string db = fresh_db("action-clear");
    REQUIRE(cli("org add westford --name \"Westford (fictional)\" --type london-borough --db " + db).code == 0);
    REQUIRE(cli("round new --org westford --questionnaire council-quick-check --period 2026 --db " + db).code == 0);
    const std::string round = "westford.2026.council-quick-check", action = "lead-1-2-name-an-accountable-lead";
    const std::string list = "action list " + round + " --db " + db;
    // The stored item as a bundle carries it: every field, notes included.
    auto stored = [&] {
        std::string bundle = std::string(YS_WORK_DIR) + "/action-clear-" + std::to_string(::getpid()) + ".json";
        Run r = cli("export --bundle " + bundle + " --round " + round + " --db " + db);
        REQUIRE(r.code == 0);
        nlohmann::json items = nlohmann::json::parse(slurp(bundle))["rounds"][0]["action_items"];
        std::filesystem::remove(bundle);
        REQUIRE(items.size() == 1);
        return items[0];
    };

    REQUIRE(cli("action set " + round + " " + action +
                " --owner \"Head of data\" --due 2027-01-31 --status in-progress --notes \"Board paper in May\" --db " + db)
                .code == 0);
    CHECK(cli(list).out == "leadership  " + action + "  in-progress  owner: Head of data  due 2027-01-31\n");

    Run cleared = cli("action set " + round + " " + action + " --owner \"\" --db " + db);
    CHECK(cleared.code == 0);
    CHECK(cleared.out == "saved\n");
    CHECK(cli(list).out == "leadership  " + action + "  in-progress  due 2027-01-31\n");  // status and due kept
    CHECK(stored()["notes"] == "Board paper in May");
    CHECK(stored().count("owner") == 0);

    REQUIRE(cli("action set " + round + " " + action + " --due= --notes \"\" --db " + db).code == 0);
    nlohmann::json item = stored();
    CHECK(item.count("due") == 0);
    CHECK(item.count("notes") == 0);
    CHECK(item["status"] == "in-progress");

    Run no_status = cli("action set " + round + " " + action + " --status \"\" --db " + db);
    CHECK(no_status.code == 2);
    CHECK(no_status.err ==
          "yardstick-cli action set: unknown status \"\"; expected not-started, in-progress, done or dropped\n");
    CHECK(cli(list).out == "leadership  " + action + "  in-progress\n");

    Run removed = cli("action remove " + round + " " + action + " --db " + db);
    CHECK(removed.code == 0);
    CHECK(removed.out == "removed\n");
    CHECK(cli(list).out.empty());
    Run again = cli("action remove " + round + " " + action + " --db " + db);
    CHECK(again.code == 2);
    CHECK(again.err == "yardstick-cli action remove: action \"" + action + "\" is not in the action plan of round \"" + round +
                           "\"\n");
    Run no_round = cli("action remove westford.2030.council-quick-check " + action + " --db " + db);
    CHECK(no_round.code == 2);
    CHECK(no_round.err == "yardstick-cli action remove: round \"westford.2030.council-quick-check\" does not exist\n");
    Run one_argument = cli("action remove " + round + " --db " + db);
    CHECK(one_argument.code == 3);
    CHECK(count_lines(one_argument.err) == 1);
}

TEST_CASE("cli: validate reads report templates by their format, and every shipped one is valid", "[cli][validate][report]") {
    Run ok = cli("validate reports/*.json");
    INFO(ok.err);
    CHECK(ok.code == 0);
    CHECK(ok.err.empty());
    CHECK(ok.out == "reports/action-plan.json: ok (report template action-plan)\n"
                    "reports/benchmark.json: ok (report template benchmark)\n"
                    "reports/business-case.json: ok (report template business-case)\n"
                    "reports/skills.json: ok (report template skills)\n");
}

TEST_CASE("cli: validate gives a bad report template its one-line error and exit 2", "[cli][validate][report]") {
    const std::string dir = "tests/data/bad/templates/";
    const std::map<std::string, std::string> cases = {
        {"tpl-bad-colour.json", "/colours/primary: expected a colour as \"#rrggbb\", found \"#1d4f9\""},
        {"tpl-duplicate-key.json", "/title: duplicate key \"title\" in one object"},
        {"tpl-duplicate-section.json", "/sections/2/id: section \"summary\" appears twice (first at /sections/1/id)"},
        {"tpl-low-contrast-text.json",
         "/colours/muted: muted \"#aaaaaa\" on the white page has a contrast ratio of 2.32:1; text colours need at "
         "least 4.5:1 (WCAG AA)"},
        {"tpl-unknown-kind.json", "/kind: unknown kind \"roadmap\"; expected one of: action-plan, benchmark, business-case, skills"},
        {"tpl-unknown-placeholder.json",
         "/title: unknown placeholder \"{organization}\" for an action-plan template; expected one of: {organisation}, "
         "{period}, {date}, {framework}, {framework_version}, {questionnaire}, {round}"},
        {"tpl-wrong-format.json", "/format: expected \"yardstick-report-template/1\", found \"yardstick-report-template/2\""},
    };
    for (const auto& [file, message] : cases) {
        Run r = cli("validate --quiet " + dir + file);
        INFO(file);
        CHECK(r.code == 2);
        CHECK(r.err == dir + file + ": " + message + "\n");
        CHECK(r.out.empty());
    }
    // Among valid files, one bad template still fails the run; the others are listed as ok.
    Run mixed = cli("validate reports/benchmark.json " + dir + "tpl-missing-title.json");
    CHECK(mixed.code == 2);
    CHECK(mixed.err == dir + "tpl-missing-title.json: /title: missing; expected a string\n");
    CHECK(mixed.out == "reports/benchmark.json: ok (report template benchmark)\n" + dir +
                           "tpl-missing-title.json: INVALID (report template)\n");
    // A template is not made to be of a kind by validate: one for a benchmark is valid.
    CHECK(cli("validate " + dir + "tpl-wrong-kind.json").code == 0);
    Run unknown = cli("validate tests/data/bad/format-unknown.json");
    CHECK(unknown.code == 2);
    CHECK(unknown.err.find("yardstick-assumptions/1, yardstick-roadmap-scenario/1, yardstick-crosswalk/1 or yardstick-report-template/1\n") != std::string::npos);
}

TEST_CASE("cli: validate lists at most 1000 problems of one file, then one line counting the rest", "[cli][validate][limits]") {
    nlohmann::json fw = nlohmann::json::parse(slurp(std::string(YS_SOURCE_DIR) + "/frameworks/council-data-maturity.json"));
    for (int i = 0; i < 1234; ++i) fw["typo-" + std::to_string(10000 + i)] = 1;
    std::filesystem::create_directories(YS_WORK_DIR);
    const std::string path = std::string(YS_WORK_DIR) + "/many-unknown-keys-" + std::to_string(::getpid()) + ".json";
    std::ofstream(path) << fw.dump();
    Run r = cli("validate --quiet " + path);
    std::filesystem::remove(path);
    CHECK(r.code == 2);
    REQUIRE(count_lines(r.err) == 1001);
    CHECK(r.err.rfind(path + ": /typo-10000: unknown key \"typo-10000\"; expected one of: ", 0) == 0);
    std::string last = r.err.substr(r.err.rfind('\n', r.err.size() - 2) + 1);
    CHECK(last == path + ": 234 more problems were found and not shown (234 errors, 0 warnings); at most 1000 are listed per file\n");
}

TEST_CASE("cli: org remove takes away a mistyped organisation, and refuses one with rounds", "[cli][store]") {
    std::string db = fresh_db("org-remove");
    REQUIRE(cli("org add westford --name \"Westford (fictional)\" --type london-borough --db " + db).code == 0);
    REQUIRE(cli("org add westfrod --name \"Westford typo (fictional)\" --type london-borough --db " + db).code == 0);
    REQUIRE(cli("round new --org westford --questionnaire council-quick-check --period 2026 --db " + db).code == 0);

    Run removed = cli("org remove westfrod --db " + db);
    CHECK(removed.code == 0);
    CHECK(removed.out == "removed organisation westfrod\n");
    CHECK(cli("org list --db " + db).out.find("westfrod") == std::string::npos);

    Run with_round = cli("org remove westford --db " + db);
    CHECK(with_round.code == 2);
    CHECK(with_round.err == "yardstick-cli org remove: organisation \"westford\" has 1 round of answers; it cannot be removed\n");
    Run nowhere = cli("org remove westfrod --db " + db);
    CHECK(nowhere.code == 2);
    CHECK(nowhere.err == "yardstick-cli org remove: organisation \"westfrod\" does not exist\n");
    CHECK(cli("org list --db " + db).out.find("westford") != std::string::npos);
}
