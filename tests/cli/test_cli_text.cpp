// Text checked at the door, through yardstick-cli as a user runs it: arguments, answer
// files, survey CSV, long CSV and bundles held to the same rules and limits; control
// characters shown escaped; CSV cells neutralised against formulas and read back exactly.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <functional>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli_run.h"
#include "sqlite_handle.h"

namespace fs = std::filesystem;
using namespace ys::test;

namespace {

std::string work(const std::string& name) {
    fs::create_directories(YS_WORK_DIR);
    return std::string(YS_WORK_DIR) + "/text-" + std::to_string(::getpid()) + "-" + name;
}

int lines(const std::string& s) { return count_lines(s); }

std::string fresh_db(const std::string& name) {
    std::string db = work(name + ".db");
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db + suffix);
    return db;
}

std::size_t snapshot(const std::string& db) { return database_hash(db); }

// An edit no entry point would make: an older database, or one changed by hand.
void raw_sql(const std::string& db, const std::string& sql) {
    auto c = ys::store::Connection::open(db, false);
    c.exec(sql);
}

const std::string kRound = "northwold.2026.council-quick-check";

std::string northwold_db(const std::string& name) {
    std::string db = fresh_db(name);
    Run r = cli({"import", "examples/answers/northwold-2026-quick.json", "--db", db});
    REQUIRE(r.code == 0);
    return db;
}

}  // namespace

TEST_CASE("cli text: an argument that is not UTF-8 is refused naming the option, nothing changes", "[cli][text]") {
    std::string db = northwold_db("utf8-args");
    const std::size_t before = snapshot(db);
    Run a = cli({"org", "add", "x", "--name", "Over\xC0\xAFlong", "--type", "region", "--db", db});
    CHECK(a.code == 3);
    CHECK(lines(a.err) == 1);
    CHECK_THAT(a.err, Catch::Contains("the value of --name is not valid UTF-8 (byte 5 is 0xC0)"));
    Run b = cli({"answer", "set", kRound, "r01", "qc-strategy", "--value", "l1", "--evidence", "surrogate \xED\xA0\x80", "--db", db});
    CHECK(b.code == 3);
    CHECK_THAT(b.err, Catch::Contains("--evidence is not valid UTF-8"));
    Run c = cli({"group", "add", "g\xF4\x90\x80\x80", "--name", "G", "--db", db});
    CHECK(c.code == 3);
    CHECK_THAT(c.err, Catch::Contains("argument 1"));
    CHECK(snapshot(db) == before);
}

TEST_CASE("cli text: org add with an escape character in the name is refused, nothing changes", "[cli][text]") {
    std::string db = northwold_db("esc-name");
    const std::size_t before = snapshot(db);
    Run r = cli({"org", "add", "evil", "--name", "Evil\x1b[2J Council", "--type", "district", "--db", db});
    CHECK(r.code == 2);
    CHECK(lines(r.err) == 1);
    CHECK_THAT(r.err, Catch::Contains("--name: organisation name holds a control character (U+001B) at character 5"));
    CHECK(r.err.find('\x1b') == std::string::npos);
    for (std::vector<std::string> args :
         {std::vector<std::string>{"org", "edit", "northwold", "--region", "East\rwest"},
          {"respondent", "add", kRound, "--role", "frontline", "--name", "A\tB"},
          {"action", "set", kRound, "dm-strategy", "--owner", "line\nbreak"},
          {"answer", "set", kRound, "r01", "qc-strategy", "--value", "l1", "--evidence", "bell\x07"}}) {
        args.push_back("--db");
        args.push_back(db);
        Run e = cli(args);
        INFO(args[0] + " " + args[1] + ": " + e.err);
        CHECK(e.code == 2);
        CHECK_THAT(e.err, Catch::Contains("control character"));
    }
    CHECK(snapshot(db) == before);
}

TEST_CASE("cli text: not UTF-8 in an answer file, a survey CSV cell, a control character in an answer file", "[cli][text]") {
    std::string db = northwold_db("utf8-files");
    const std::size_t before = snapshot(db);
    std::string answers = slurp(std::string(YS_SOURCE_DIR) + "/examples/answers/northwold-2026-quick.json");
    std::string bad = answers;
    bad.replace(bad.find("Northwold District"), 9, "North\xC3(d");
    spit(work("bad-utf8.json"), bad);
    Run a = cli({"import", work("bad-utf8.json"), "--db", db});
    CHECK(a.code == 2);
    CHECK_THAT(a.err, Catch::Contains("bad-utf8.json: 9:"));  // line:column
    CHECK(a.err.find("[json.exception") == std::string::npos);

    auto doc = nlohmann::json::parse(answers);
    doc["respondents"][0]["name"] = "Bell\x07";
    spit(work("ctl.json"), doc.dump(2));
    Run b = cli({"import", work("ctl.json"), "--db", db});
    CHECK(b.code == 2);
    CHECK_THAT(b.err, Catch::Contains("/respondents/0/name: respondent name holds a control character (U+0007)"));

    spit(work("bad-utf8.csv"), "ID,Role,Name,qc-strategy\r\nr1,frontline,Na\xED\xA0\x80me,l1\r\n");
    Run c = cli({"import", "--csv", work("bad-utf8.csv"), "--org", "northwold", "--period", "2026", "--questionnaire",
                 "council-quick-check", "--db", db});
    CHECK(c.code == 2);
    CHECK_THAT(c.err, Catch::Contains("UTF-8"));
    CHECK_THAT(c.err, Catch::Contains("row 2"));
    CHECK(snapshot(db) == before);
}

TEST_CASE("cli text: a name at the limit is accepted by every entry point, one over refused by every one", "[cli][text]") {
    const std::string at = repeat("\xC3\xA9", 200), over = repeat("\xC3\xA9", 201);  // é: two bytes, one character
    const std::string answers = slurp(std::string(YS_SOURCE_DIR) + "/examples/answers/northwold-2026-quick.json");

    // The command line.
    std::string db = northwold_db("limit-cli");
    Run ok = cli({"respondent", "add", kRound, "--role", "frontline", "--name", at, "--db", db});
    CHECK(ok.code == 0);
    Run no = cli({"respondent", "add", kRound, "--role", "frontline", "--name", over, "--db", db});
    CHECK(no.code == 2);
    CHECK_THAT(no.err, Catch::Contains("--name: respondent name is longer than 200 characters (201)"));

    // An answer file.
    for (const std::string* name : {&at, &over}) {
        auto doc = nlohmann::json::parse(answers);
        doc["respondents"][0]["name"] = *name;
        spit(work("limit.json"), doc.dump(2));
        Run r = cli({"import", work("limit.json"), "--db", fresh_db("limit-file")});
        INFO(r.err);
        CHECK(r.code == (name == &at ? 0 : 2));
        if (name == &over) CHECK_THAT(r.err, Catch::Contains("/respondents/0/name: respondent name is longer than 200"));
    }

    // A survey CSV.
    for (const std::string* name : {&at, &over}) {
        std::string csv_db = northwold_db("limit-csv");
        spit(work("limit.csv"), "ID,Role,Name,qc-strategy\r\nnew1,frontline," + *name + ",l1\r\n");
        Run r = cli({"import", "--csv", work("limit.csv"), "--org", "northwold", "--period", "2026", "--questionnaire",
                     "council-quick-check", "--db", csv_db});
        INFO(r.err);
        CHECK(r.code == (name == &at ? 0 : 2));
        if (name == &over) CHECK_THAT(r.err, Catch::Contains("row 2, column 3"));
        if (name == &over) CHECK_THAT(r.err, Catch::Contains("respondent name is longer than 200"));
    }

    // A bundle: the one made from the database above, then the same with one character more.
    Run ex = cli({"export", "--bundle", work("limit-bundle.json"), "--round", kRound, "--db", db});
    REQUIRE(ex.code == 0);
    auto bundle = nlohmann::json::parse(slurp(work("limit-bundle.json")));
    Run in = cli({"import", work("limit-bundle.json"), "--db", fresh_db("limit-bundle")});
    INFO(in.err);
    CHECK(in.code == 0);
    bool changed = false;
    for (auto& r : bundle["rounds"][0]["respondents"])
        if (r.value("name", "") == at) r["name"] = over, changed = true;
    REQUIRE(changed);
    spit(work("limit-bundle-over.json"), bundle.dump(1));
    Run in2 = cli({"import", work("limit-bundle-over.json"), "--db", fresh_db("limit-bundle-over")});
    CHECK(in2.code == 2);
    CHECK_THAT(in2.err, Catch::Contains("/name: respondent name is longer than 200 characters (201)"));
}

TEST_CASE("cli text: control characters from an old database are shown escaped, JSON still prints", "[cli][text]") {
    std::string db = northwold_db("old-db");
    raw_sql(db, "UPDATE organisation SET name = 'Evil' || char(27) || '[2J' || char(13) || 'x' || char(155) || 'y' "
                "WHERE id = 'northwold'");
    Run list = cli({"org", "list", "--db", db});
    CHECK(list.code == 0);
    CHECK_THAT(list.out, Catch::Contains("Evil\\x1b[2J\\rx\\u009by"));
    CHECK(list.out.find('\x1b') == std::string::npos);
    CHECK(list.out.find('\r') == std::string::npos);
    Run json = cli({"org", "list", "--format", "json", "--db", db});
    CHECK(json.code == 0);
    CHECK_THAT(json.out, Catch::Contains("Evil\\u001b[2J\\rx"));
    // Bytes that are not UTF-8 (written by hand): printed replaced, not an internal error.
    raw_sql(db, "UPDATE organisation SET name = CAST(X'4E6F72C3' AS TEXT) WHERE id = 'northwold'");
    Run json2 = cli({"org", "list", "--format", "json", "--db", db});
    CHECK(json2.code == 0);
    CHECK(nlohmann::json::parse(json2.out, nullptr, false).is_object());
}

TEST_CASE("cli text: CSV cells that look like formulas are neutralised and import back exactly, --raw", "[cli][text]") {
    std::string db = northwold_db("formula");
    const std::string name = "=HYPERLINK(\"http://example.invalid\",\"click\")";
    Run key = cli({"respondent", "add", kRound, "--role", "frontline", "--name", name, "--email", "@x", "--key", "zz", "--db", db});
    REQUIRE(key.code == 0);
    const std::vector<std::pair<std::string, std::string>> notes = {
        {"qc-strategy", "-dash"}, {"qc-culture", "+44 20 7946 0000"}, {"qc-skills", "\ttab-leading note"},
        {"qc-governance", "'apostrophe"}, {"qc-tools", "@x"}, {"qc-data-quality", "-0.5"}};
    for (const auto& [q, note] : notes) {
        Run r = cli({"answer", "set", kRound, "zz", q, "--value", q == "qc-data-quality" ? "l2" : "l1", "--evidence", note, "--db", db});
        INFO(q + ": " + r.err);
        REQUIRE(r.code == 0);
    }
    const std::string long_csv = work("formula-long.csv");
    REQUIRE(cli({"export", "--csv", long_csv, "--round", kRound, "--db", db}).code == 0);
    const std::string first = slurp(long_csv);
    CHECK_THAT(first, Catch::Contains("\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"click\"\")\",'@x,"));
    CHECK_THAT(first, Catch::Contains(",'-dash,"));
    CHECK_THAT(first, Catch::Contains(",'+44 20 7946 0000,"));
    CHECK_THAT(first, Catch::Contains(",'\ttab-leading note,"));
    CHECK_THAT(first, Catch::Contains(",''apostrophe,"));
    CHECK_THAT(first, Catch::Contains(",-0.5,"));  // a number stays a number

    // Long CSV: export, import into a fresh database, export again: the same bytes.
    std::string db2 = fresh_db("formula-2");
    REQUIRE(cli({"org", "add", "northwold", "--name", "Northwold District Council (fictional)", "--type", "district", "--db", db2})
                .code == 0);
    Run imp = cli({"import", "--csv-long", long_csv, "--db", db2});
    INFO(imp.err);
    REQUIRE(imp.code == 0);
    REQUIRE(cli({"export", "--csv", work("formula-long-2.csv"), "--round", kRound, "--db", db2}).code == 0);
    CHECK(slurp(work("formula-long-2.csv")) == first);

    // Wide CSV through the survey import: names and emails come back as they were.
    const std::string wide = work("formula-wide.csv");
    REQUIRE(cli({"export", "--csv", wide, "--layout", "wide", "--round", kRound, "--db", db}).code == 0);
    CHECK_THAT(slurp(wide), Catch::Contains(",\"'=HYPERLINK("));
    std::string db3 = fresh_db("formula-3");
    REQUIRE(cli({"org", "add", "northwold", "--name", "N", "--type", "district", "--db", db3}).code == 0);
    Run s = cli({"import", "--csv", wide, "--org", "northwold", "--period", "2026", "--questionnaire", "council-quick-check",
                 "--db", db3});
    INFO(s.err);
    REQUIRE(s.code == 0);
    REQUIRE(cli({"export", "--csv", work("formula-wide-2.csv"), "--layout", "wide", "--round", kRound, "--db", db3}).code == 0);
    CHECK(slurp(work("formula-wide-2.csv")) == slurp(wide));

    // --raw writes the texts exactly.
    REQUIRE(cli({"export", "--csv", work("formula-raw.csv"), "--raw", "--round", kRound, "--db", db}).code == 0);
    const std::string raw = slurp(work("formula-raw.csv"));
    CHECK_THAT(raw, Catch::Contains("\"=HYPERLINK(\"\"http://example.invalid\"\",\"\"click\"\")\",@x,"));
    CHECK_THAT(raw, Catch::Contains(",-dash,"));
    CHECK_THAT(raw, Catch::Contains(",'apostrophe,"));
}

TEST_CASE("cli text: export refuses, writing nothing, text its own import would refuse", "[cli][text]") {
    std::string db = northwold_db("export-refuse");
    raw_sql(db, "UPDATE answer SET evidence = '" + repeat("x", 20001) + "' WHERE (respondent_id, question_id) = "
                "(SELECT respondent_id, question_id FROM answer ORDER BY respondent_id, question_id LIMIT 1)");
    for (const char* kind : {"--csv", "--bundle"}) {
        const std::string out = work(std::string("refused") + (kind[2] == 'c' ? ".csv" : ".json"));
        fs::remove(out);
        Run r = cli({"export", kind, out, "--round", kRound, "--db", db});
        INFO(r.err);
        CHECK(r.code == 2);
        CHECK(lines(r.err) == 1);
        CHECK_THAT(r.err, Catch::Contains("round \"" + kRound + "\", respondent \"r01\""));
        CHECK_THAT(r.err, Catch::Contains("evidence note is longer than 20000 characters (20001)"));
        CHECK_THAT(r.err, Catch::Contains("export again"));
        CHECK_FALSE(fs::exists(out));
        // Anonymised, the notes are left out, so the file can be made.
        Run anon = cli({"export", kind, out, "--round", kRound, "--anonymise", "--db", db});
        CHECK(anon.code == 0);
    }
    raw_sql(db, "UPDATE organisation SET name = 'Bad' || char(27) WHERE id = 'northwold'");
    Run b = cli({"export", "--bundle", work("refused-org.json"), "--round", kRound, "--anonymise", "--db", db});
    CHECK(b.code == 2);
    CHECK_THAT(b.err, Catch::Contains("organisation \"northwold\": organisation name holds a control character"));
}

TEST_CASE("cli text: score's CSV neutralises formula-like text cells too, and keeps numbers as numbers", "[cli][text]") {
    auto doc = nlohmann::json::parse(slurp(std::string(YS_SOURCE_DIR) + "/examples/answers/northwold-2026-quick.json"));
    doc["period"] = "=1+1";
    spit(work("formula-period.json"), doc.dump(2));
    Run r = cli({"score", work("formula-period.json"), "--format", "csv"});
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("northwold,'=1+1,council-quick-check,"));
    CHECK(r.out.find(",=1+1,") == std::string::npos);
}

// The filter writes in pieces of 16 KiB; non-ASCII text (4-byte characters) over several
// pieces must pass through unchanged.
TEST_CASE("cli text: a long output of non-ASCII names is printed whole, nothing escaped", "[cli][text]") {
    std::string db = fresh_db("long-output");
    const std::string name = repeat("\xF0\x9F\x98\x80", 199) + "\xC3\xA9";
    for (int i = 0; i < 25; ++i)
        REQUIRE(cli({"org", "add", "o" + std::to_string(i), "--name", name, "--type", "region", "--db", db}).code == 0);
    Run list = cli({"org", "list", "--db", db});
    REQUIRE(list.code == 0);
    CHECK(list.out.size() > 20000);
    CHECK(list.out.find("\\x") == std::string::npos);
    std::size_t count = 0;
    for (std::size_t at = list.out.find(name); at != std::string::npos; at = list.out.find(name, at + 1)) ++count;
    CHECK(count == 25);
}
