// Bundles cannot take over local organisations (issue 12, section 3): two databases each with
// their own "eastmere"; an import of the other's is refused with the clash named and the file
// byte-identical, unless --map-org or --as-new says what it is; local names, types and
// parents never change; re-importing from the same origin changes nothing; version 1
// bundles are still read. Through the store API and the real yardstick-cli.
#include <catch2/catch.hpp>

#ifndef _WIN32
#include <sys/wait.h>
#include <unistd.h>
#endif

#include <cstdlib>
#include <filesystem>
#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "../support/portable_test.h"
#include "bundle.h"
#include "bundle_io.h"
#include "database.h"
#include "import_answers.h"
#include "organisations.h"
#include "origin.h"
#include "rounds.h"
#include "sha256.h"

namespace fs = std::filesystem;
using ys::store::Connection;

namespace {

std::string slurp(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

std::string file_hash(const std::string& path) { return ys::sha256_hex(slurp(path)); }

std::string work(const std::string& name) {
    fs::create_directories(YS_WORK_DIR);
    return std::string(YS_WORK_DIR) + "/origin-" + ys::test::pid_text() + "-" + name;
}

// A database file of this test's own, removed with what SQLite left beside it.
struct Db {
    explicit Db(const std::string& name) : path(work(name)) { clear(); }
    ~Db() { clear(); }
    void clear() const {
        std::error_code ec;
        for (const char* s : {"", "-wal", "-shm", "-journal", ".v2.bak"}) fs::remove(path + s, ec);
    }
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;
    const std::string path;
};

const nlohmann::json& tiny(const char* rel) {
    static std::map<std::string, nlohmann::json> cache;
    auto& j = cache[rel];
    if (j.is_null()) j = nlohmann::json::parse(slurp(std::string(YS_TEST_DATA) + "/" + rel));
    return j;
}

// A council's database: a region "london" and "eastmere" under it, with one round of the
// tiny check in `period` answered by one respondent. Returns the round's id.
std::string make_council(const std::string& path, const std::string& eastmere_name, const std::string& type,
                         const std::string& period) {
    Connection c = ys::store::open_database(path);
    ys::store::add_organisation(c, {"london", "London (" + eastmere_name + "'s copy)", "region", "", "", ""});
    ys::store::add_organisation(c, {"eastmere", eastmere_name, type, "London", "", "london"});
    auto r = ys::store::new_round(c, "eastmere", period, tiny("frameworks/tiny-example.json"),
                                  tiny("questionnaires/tiny-check.json"));
    std::string key = ys::store::add_respondent(c, r.id, "analyst", "", "", "");
    ys::store::set_answer(c, r.id, key, "q-quality", {{"value", "level-2"}}, 0);
    return r.id;
}

// The database's rounds (all of them, or one organisation's) written as a bundle file.
std::string export_to(const std::string& db, const std::string& name, const std::string& org = "") {
    Connection c = ys::store::open_database(db);
    std::vector<std::string> ids;
    for (const auto& r : ys::store::list_rounds(c, org, false)) ids.push_back(r.id);
    std::string path = work(name);
    std::ofstream(path, std::ios::binary) << ys::bundle_to_json(ys::store::export_bundle(c, ids), false).dump(1) << "\n";
    return path;
}

ys::store::ImportReport import(const std::string& db, const std::string& file, ys::store::OrgMappingOptions m = {},
                               bool dry_run = false) {
    Connection c = ys::store::open_database(db);
    ys::store::ImportAnswersRequest req{{file}, {}, dry_run};
    req.org_mapping = std::move(m);
    return ys::store::import_files(c, req);
}

std::string errors(const ys::store::ImportReport& r) {
    std::string all;
    for (const auto& d : r.diagnostics.items()) all += to_string(d) + "\n";
    return all;
}

#ifndef _WIN32  // yardstick-cli through the POSIX shell: the tests that use it are POSIX only
struct Run {
    int code = -1;
    std::string out, err;
};

Run cli(const std::string& args) {
    static int calls = 0;
    std::string tag = work("cli-" + std::to_string(++calls));
    std::string cmd = "XDG_DATA_HOME=" + std::string(YS_WORK_DIR) + "/xdg " + YS_CLI + " " + args + " > " + tag +
                      ".out 2> " + tag + ".err < /dev/null";
    int status = std::system(cmd.c_str());
    Run r{WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(tag + ".out"), slurp(tag + ".err")};
    fs::remove(tag + ".out");
    fs::remove(tag + ".err");
    return r;
}
#endif

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

ys::store::OrgRecord org(const std::string& db, const std::string& id) {
    Connection c = ys::store::open_database(db);
    auto o = ys::store::find_organisation(c, id);
    REQUIRE(o);
    return *o;
}

std::size_t count(const std::string& db, const std::string& sql) {
    Connection c = ys::store::open_database(db);
    return static_cast<std::size_t>(c.scalar_int(sql));
}

}  // namespace

TEST_CASE("origin: every database has its own origin id, made once", "[store][origin]") {
    Db a("a.db"), b("b.db");
    std::string oa, ob;
    {
        Connection c = ys::store::open_database(a.path);
        oa = ys::store::database_origin(c);
    }
    {
        Connection c = ys::store::open_database(b.path);
        ob = ys::store::database_origin(c);
    }
    CHECK(ys::is_origin_id(oa));
    CHECK(ys::is_origin_id(ob));
    CHECK(oa != ob);
    Connection again = ys::store::open_database(a.path);
    CHECK(ys::store::database_origin(again) == oa);
    CHECK(again.scalar_int("SELECT count(*) FROM database_origin") == 1);
}

TEST_CASE("origin: a version 2 database is upgraded with its backup, and what it holds is its own", "[store][origin]") {
    Db db("v2-copy.db");
    const std::string fixture = std::string(YS_TEST_DATA) + "/db/yardstick-v2.db";
    const std::string before = file_hash(fixture);
    fs::copy_file(fixture, db.path);
    ys::store::OpenReport report;
    {
        Connection c = ys::store::open_database(db.path, {}, &report);
        CHECK(report.upgraded_from == 2);
        CHECK(ys::is_origin_id(ys::store::database_origin(c)));
        // Made before origins existed: made here.
        CHECK(c.scalar_int("SELECT count(*) FROM organisation WHERE origin IS NOT NULL") == 0);
        CHECK(c.scalar_int("SELECT count(*) FROM round WHERE origin IS NOT NULL") == 0);
    }
    CHECK(fs::exists(db.path + ".v2.bak"));
    CHECK(file_hash(fixture) == before);
    // Its rounds export as its own.
    std::string bundle = export_to(db.path, "v2.json");
    auto j = nlohmann::json::parse(slurp(bundle));
    CHECK(j["format"] == "yardstick-bundle/2");
    for (const auto& o : j["organisations"]) CHECK(o["origin"] == j["origin"]);
    for (const auto& r : j["rounds"]) CHECK(r["origin"] == j["origin"]);
    fs::remove(bundle);
}

#ifndef _WIN32  // yardstick-cli through the POSIX shell
TEST_CASE("origin: another database's eastmere is refused by name, and the database is byte-identical", "[store][origin]") {
    Db ours("ours.db"), theirs("theirs.db");
    make_council(ours.path, "Eastmere Borough Council", "london-borough", "2026");
    make_council(theirs.path, "Eastmere (their copy)", "unitary", "2025");
    std::string bundle = export_to(theirs.path, "theirs.json");
    const std::string before = file_hash(ours.path);

    SECTION("through the store") {
        auto r = import(ours.path, bundle);
        INFO(errors(r));
        CHECK_FALSE(r.ok());
        REQUIRE(r.diagnostics.error_count() == 2);  // london and eastmere
        bool named = false;
        for (const auto& d : r.diagnostics.items()) {
            if (d.message.find("\"eastmere\"") == std::string::npos) continue;
            named = true;
            CHECK(d.where.rfind("/organisations/", 0) == 0);
            CHECK(has(d.message, "\"Eastmere (their copy)\""));
            CHECK(has(d.message, "\"Eastmere Borough Council\""));
            CHECK(has(d.message, "--map-org eastmere=eastmere"));
            CHECK(has(d.message, "--as-new"));
        }
        CHECK(named);
    }
    SECTION("through the CLI") {
        Run r = cli("import --db " + ours.path + " " + bundle);
        INFO(r.err);
        CHECK(r.code == 2);
        CHECK(has(r.err, bundle + ": /organisations/"));
        CHECK(has(r.err, "\"Eastmere (their copy)\""));
        CHECK(has(r.err, "--map-org london=london"));
        CHECK(has(r.err, "nothing was imported"));
        CHECK(r.out.empty());
    }
    CHECK(file_hash(ours.path) == before);
    CHECK(org(ours.path, "eastmere").name == "Eastmere Borough Council");
    fs::remove(bundle);
}
#endif

TEST_CASE("origin: --map-org puts their rounds into ours and changes nothing else of ours", "[store][origin]") {
    Db ours("ours.db"), theirs("theirs.db");
    make_council(ours.path, "Eastmere Borough Council", "london-borough", "2026");
    make_council(theirs.path, "Eastmere (their copy)", "unitary", "2025");
    {
        Connection c = ys::store::open_database(ours.path);
        ys::store::add_organisation(c, {"eastmere-council", "Eastmere Council (ours)", "london-borough", "", "", ""});
    }
    std::string bundle = export_to(theirs.path, "theirs.json");
    const auto before = org(ours.path, "eastmere");

    SECTION("onto the organisation of the same id") {
        auto r = import(ours.path, bundle, {{{"eastmere", "eastmere"}, {"london", "london"}}, false});
        INFO(errors(r));
        REQUIRE(r.ok());
        CHECK(r.organisations_created.empty());
        CHECK(r.rounds_created == std::vector<std::string>{"eastmere.2025.tiny-check"});
        REQUIRE(r.organisations_placed.size() == 2);
        const auto after = org(ours.path, "eastmere");
        CHECK(after.name == before.name);
        CHECK(after.type == before.type);
        CHECK(after.parent == before.parent);
        CHECK(after.region == before.region);
        CHECK(org(ours.path, "london").name == "London (Eastmere Borough Council's copy)");
        CHECK(count(ours.path, "SELECT count(*) FROM round WHERE organisation_id = 'eastmere'") == 2);
        // The round keeps its origin: theirs.
        CHECK(count(ours.path, "SELECT count(*) FROM round WHERE origin IS NOT NULL") == 1);

        // The same bundle with the same mapping again: nothing new.
        auto again = import(ours.path, bundle, {{{"eastmere", "eastmere"}, {"london", "london"}}, false});
        INFO(errors(again));
        REQUIRE(again.ok());
        CHECK(again.rounds_created.empty());
        CHECK(again.counts.respondents_added == 0);
    }
    SECTION("onto another of ours: the rounds take that organisation's round ids") {
        auto r = import(ours.path, bundle, {{{"eastmere", "eastmere-council"}, {"london", "london"}}, false});
        INFO(errors(r));
        REQUIRE(r.ok());
        CHECK(r.rounds_created == std::vector<std::string>{"eastmere-council.2025.tiny-check"});
        CHECK(org(ours.path, "eastmere-council").name == "Eastmere Council (ours)");
        CHECK(org(ours.path, "eastmere-council").parent.empty());
        CHECK(count(ours.path, "SELECT count(*) FROM round WHERE organisation_id = 'eastmere-council'") == 1);
    }
    SECTION("their targets stay out of ours") {
        {
            Connection c = ys::store::open_database(theirs.path);
            ys::store::set_target(c, {"eastmere", "tiny-example", "data.quality", "", 3});
        }
        std::string with_targets = export_to(theirs.path, "theirs-targets.json");
        auto r = import(ours.path, with_targets, {{{"eastmere", "eastmere"}, {"london", "london"}}, false});
        INFO(errors(r));
        REQUIRE(r.ok());
        CHECK(count(ours.path, "SELECT count(*) FROM target") == 0);
        CHECK(has(errors(r), "targets of \"eastmere\" were not imported"));
        fs::remove(with_targets);
    }
    fs::remove(bundle);
}

TEST_CASE("origin: a mapped round that meets one of ours is refused, never merged", "[store][origin]") {
    Db ours("ours.db"), theirs("theirs.db");
    make_council(ours.path, "Eastmere Borough Council", "london-borough", "2026");
    make_council(theirs.path, "Eastmere (their copy)", "unitary", "2026");  // the same round id
    std::string bundle = export_to(theirs.path, "theirs.json");
    const std::string before = file_hash(ours.path);
    auto r = import(ours.path, bundle, {{{"eastmere", "eastmere"}, {"london", "london"}}, false});
    INFO(errors(r));
    CHECK_FALSE(r.ok());
    CHECK(has(errors(r), "round \"eastmere.2026.tiny-check\" is already here, made by another database"));
    CHECK(has(errors(r), "--as-new"));
    CHECK(file_hash(ours.path) == before);
    fs::remove(bundle);
}

#ifndef _WIN32  // yardstick-cli through the POSIX shell
TEST_CASE("origin: --as-new adds their organisations under new ids, found again next time", "[store][origin]") {
    Db ours("ours.db"), theirs("theirs.db");
    make_council(ours.path, "Eastmere Borough Council", "london-borough", "2026");
    std::string their_round = make_council(theirs.path, "Eastmere (their copy)", "unitary", "2026");
    std::string bundle = export_to(theirs.path, "theirs.json");

    Run dry = cli("import --dry-run --as-new --db " + ours.path + " " + bundle);
    INFO(dry.err);
    CHECK(dry.code == 0);
    CHECK(has(dry.out, "bundle organisation eastmere -> eastmere-2 (as new)"));
    CHECK(has(dry.out, "bundle organisation london -> london-2 (as new)"));
    CHECK(count(ours.path, "SELECT count(*) FROM organisation") == 2);

    Run r = cli("import --as-new --db " + ours.path + " " + bundle);
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(has(r.out, "added organisation eastmere-2"));
    CHECK(has(r.out, "started round eastmere-2.2026.tiny-check"));
    auto added = org(ours.path, "eastmere-2");
    CHECK(added.name == "Eastmere (their copy)");
    CHECK(added.type == "unitary");
    CHECK(added.parent == "london-2");
    auto local = org(ours.path, "eastmere");
    CHECK(local.name == "Eastmere Borough Council");
    CHECK(local.parent == "london");

    // Imported again, with or without --as-new: found by origin, nothing added.
    for (const char* opt : {"--as-new ", ""}) {
        Run again = cli(std::string("import ") + opt + "--db " + ours.path + " " + bundle);
        INFO(again.err);
        CHECK(again.code == 0);
        CHECK(has(again.out, "0 new respondents"));
        CHECK_FALSE(has(again.out, "added organisation"));
        CHECK(has(again.out, "bundle organisation eastmere -> eastmere-2 (known)"));
    }
    CHECK(count(ours.path, "SELECT count(*) FROM organisation") == 4);

    // Sent back, it is their own eastmere again: the bundle carries its origin and its id there.
    std::string back = export_to(ours.path, "back.json", "eastmere-2");
    auto j = nlohmann::json::parse(slurp(back));
    for (const auto& o : j["organisations"])
        if (o["id"] == "eastmere-2") CHECK(o["origin_id"] == "eastmere");
    auto home = import(theirs.path, back);
    INFO(errors(home));
    REQUIRE(home.ok());
    CHECK(home.organisations_created.empty());
    CHECK(home.rounds_touched == std::vector<std::string>{their_round});
    CHECK(home.counts.respondents_added == 0);
    CHECK(org(theirs.path, "eastmere").name == "Eastmere (their copy)");
    fs::remove(back);
    fs::remove(bundle);
}
#endif

TEST_CASE("origin: re-importing our own bundle changes nothing, not even a name edited since", "[store][origin]") {
    Db ours("ours.db");
    make_council(ours.path, "Eastmere Borough Council", "london-borough", "2026");
    std::string bundle = export_to(ours.path, "ours.json");
    {
        Connection c = ys::store::open_database(ours.path);
        ys::store::edit_organisation(c, "eastmere", {std::string("Eastmere (renamed)"), std::nullopt, std::nullopt, std::nullopt});
    }
    auto r = import(ours.path, bundle);
    INFO(errors(r));
    REQUIRE(r.ok());
    CHECK(r.organisations_created.empty());
    CHECK(r.rounds_created.empty());
    CHECK(r.counts.respondents_added == 0);
    CHECK(r.organisations_placed.empty());
    CHECK(org(ours.path, "eastmere").name == "Eastmere (renamed)");
    // The difference is said, as a warning.
    REQUIRE(r.diagnostics.items().size() == 1);
    CHECK(r.diagnostics.items()[0].severity == ys::Severity::Warning);
    CHECK(has(r.diagnostics.items()[0].message, "\"eastmere\" is kept as it is here"));
    fs::remove(bundle);
}

TEST_CASE("origin: a version 1 bundle is still read, and clashes with ours unless mapped", "[store][origin]") {
    const std::string v1 = std::string(YS_TEST_DATA) + "/bundles/good.json";
    SECTION("into an empty database, twice: the second time finds what the first made") {
        Db db("v1.db");
        auto r = import(db.path, v1);
        INFO(errors(r));
        REQUIRE(r.ok());
        CHECK(r.organisations_created.size() == 4);
        CHECK(r.rounds_created.size() == 2);
        auto again = import(db.path, v1);
        INFO(errors(again));
        REQUIRE(again.ok());
        CHECK(again.organisations_created.empty());
        CHECK(again.rounds_created.empty());
        CHECK(again.counts.respondents_added == 0);
    }
    SECTION("into a database with its own organisation of that id") {
        Db db("v1-clash.db");
        {
            Connection c = ys::store::open_database(db.path);
            ys::store::add_organisation(c, {"fictional-london", "Our London", "region", "", "", ""});
        }
        const std::string before = file_hash(db.path);
        auto r = import(db.path, v1);
        INFO(errors(r));
        REQUIRE(r.diagnostics.error_count() == 1);
        CHECK(has(errors(r), "\"fictional-london\" here (\"Our London\")"));
        CHECK(has(errors(r), "yardstick-bundle/1 file does not say which database made it"));
        CHECK(file_hash(db.path) == before);
        auto mapped = import(db.path, v1, {{{"fictional-london", "fictional-london"}}, false});
        INFO(errors(mapped));
        REQUIRE(mapped.ok());
        CHECK(org(db.path, "fictional-london").name == "Our London");
        CHECK(org(db.path, "fictional-borough-of-eastmere").parent == "fictional-london");
    }
}

#ifndef _WIN32  // yardstick-cli through the POSIX shell
TEST_CASE("origin: mistakes in --map-org and --as-new are usage errors that write nothing", "[store][origin][cli]") {
    Db ours("ours.db"), theirs("theirs.db");
    make_council(ours.path, "Eastmere Borough Council", "london-borough", "2026");
    make_council(theirs.path, "Eastmere (their copy)", "unitary", "2025");
    std::string bundle = export_to(theirs.path, "theirs.json");
    const std::string answers = std::string(YS_TEST_DATA) + "/answers/tiny-good.json";
    const std::string before = file_hash(ours.path);
    struct Case {
        std::string args, words;
    };
    const std::vector<Case> cases = {
        {"--map-org eastmere " + bundle, "expected THEIRS=OURS"},
        {"--map-org eastmere= " + bundle, "expected THEIRS=OURS"},
        {"--map-org =eastmere " + bundle, "expected THEIRS=OURS"},
        {"--map-org 'East Mere=eastmere' " + bundle, "expected THEIRS=OURS"},
        {"--map-org eastmere=eastmere --map-org eastmere=london " + bundle, "maps \"eastmere\" twice"},
        {"--map-org eastmere=nowhere " + bundle, "--map-org eastmere=nowhere: there is no organisation \"nowhere\""},
        {"--map-org westmere=eastmere " + bundle, "--map-org westmere=eastmere: no bundle given has an organisation \"westmere\""},
        {"--as-new " + answers, "--as-new applies to bundles"},
        {"--as-new --csv x.csv --org eastmere --period 2026", "apply to bundles, not to --csv"},
    };
    for (const auto& c : cases) {
        Run r = cli("import --db " + ours.path + " " + c.args);
        INFO(c.args << "\n" << r.err);
        CHECK(r.code == 3);
        CHECK(has(r.err, c.words));
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
        CHECK(file_hash(ours.path) == before);
    }
    fs::remove(bundle);
}
#endif
