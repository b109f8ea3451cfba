// The SQLite store under stress: new files, files it must refuse (and leave alone), the
// schema versions that have shipped, processes killed mid-write, two writers at once, a
// database held busy by someone else, and hostile text through the store API.
#include <catch2/catch.hpp>

#ifndef _WIN32
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "action_items.h"
#include "bundle.h"
#include "benchmark_rounds.h"
#include "database.h"
#include "import_answers.h"
#include "import_csv.h"
#include "organisations.h"
#include "origin.h"
#include "round_summaries.h"
#include "rounds.h"
#include "scored_rounds.h"
#include "scoring.h"
#include "store_test_support.h"

extern char** environ;

namespace fs = std::filesystem;
using ys_test::make_store;
using ys_test::one_line;
using ys_test::raw_exec;
using ys_test::remove_database;
using ys_test::Scratch;
using ys_test::slurp;
using ys_test::spill;
using ys_test::tiny_framework;
using ys_test::tiny_questionnaire;
using ys::store::Connection;
using ys::store::Statement;
using ys::store::StoreError;
using Kind = ys::store::StoreError::Kind;

namespace {

std::int64_t count(Connection& c, const std::string& sql) { return c.scalar_int(sql); }

std::string integrity(Connection& c) {
    std::string all;
    ys::store::Statement s = c.prepare("PRAGMA integrity_check");
    while (s.step()) all += (all.empty() ? "" : "; ") + s.text(0);
    return all;
}

std::string text_pragma(Connection& c, const std::string& sql) {
    ys::store::Statement s = c.prepare(sql);
    return s.step() ? s.text(0) : std::string();
}

// Every row of the tables that hold answers, as text: "nothing changed" is this being equal.
std::string answer_snapshot(Connection& c) {
    std::string all;
    for (const char* sql : {"SELECT id || '|' || status FROM round ORDER BY id",
                            "SELECT id || '|' || round_id || '|' || key || '|' || coalesce(role, '') FROM respondent ORDER BY id",
                            "SELECT respondent_id || '|' || question_id || '|' || state || '|' || coalesce(value, '') || '|' || "
                            "coalesce(evidence, '') || '|' || coalesce(confidence, '') || '|' || answered_at FROM answer "
                            "ORDER BY respondent_id, question_id"}) {
        ys::store::Statement s = c.prepare(sql);
        while (s.step()) all += s.text(0) + "\n";
        all += "--\n";
    }
    return all;
}

// ---------------------------------------------------------------------------------------------
// Child processes

#ifndef _WIN32  // POSIX only: the tests that start processes (posix_spawn, SIGKILL)
// A child process with its stdout and stderr in pipes; killed and reaped if a failed check
// leaves it running.
struct Child {
    pid_t pid = -1;
    int out = -1;  // its stdout
    int err = -1;  // its stderr

    Child() = default;
    Child(Child&& o) noexcept : pid(o.pid), out(o.out), err(o.err) { o.pid = o.out = o.err = -1; }
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;
    Child& operator=(Child&&) = delete;
    ~Child() {
        if (out >= 0) ::close(out);
        if (err >= 0) ::close(err);
        if (pid > 0) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, nullptr, 0);
        }
    }
};

Child spawn(const std::vector<std::string>& args) {
    int out[2], err[2];
    REQUIRE(::pipe2(out, O_CLOEXEC) == 0);
    REQUIRE(::pipe2(err, O_CLOEXEC) == 0);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&fa, out[1], 1);
    posix_spawn_file_actions_adddup2(&fa, err[1], 2);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    Child c;
    int rc = posix_spawn(&c.pid, argv[0], &fa, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    ::close(out[1]);
    ::close(err[1]);
    c.out = out[0];
    c.err = err[0];
    INFO("cannot start " << args[0]);
    REQUIRE(rc == 0);
    return c;
}

// Reads whatever the child has written, until `deadline` or until both pipes reach end of file.
void pump(Child& c, std::string& out, std::string& err,
          std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max()) {
    char buf[65536];
    while (c.out >= 0 || c.err >= 0) {
        auto now = std::chrono::steady_clock::now();
        int wait_ms = -1;
        if (deadline != std::chrono::steady_clock::time_point::max()) {
            if (now >= deadline) return;
            wait_ms = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now).count()) + 1;
        }
        pollfd fds[2] = {{c.out, POLLIN, 0}, {c.err, POLLIN, 0}};
        int n = ::poll(fds, 2, wait_ms);
        if (n < 0 && errno == EINTR) continue;
        REQUIRE(n >= 0);
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            ssize_t got = ::read(fds[i].fd, buf, sizeof buf);
            if (got > 0) (i == 0 ? out : err).append(buf, static_cast<std::size_t>(got));
            else if (got == 0 || errno != EINTR) {
                ::close(fds[i].fd);
                (i == 0 ? c.out : c.err) = -1;
            }
        }
    }
}

int wait_status(Child& c) {
    int status = 0;
    while (::waitpid(c.pid, &status, 0) < 0 && errno == EINTR) {
    }
    c.pid = -1;
    return status;
}

struct Run {
    int code = -1;  // exit code, or -signal
    std::string out, err;
    double seconds = 0;
};

int code_of(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : WIFSIGNALED(status) ? -WTERMSIG(status) : -1000; }

Run finish(Child& c, std::chrono::steady_clock::time_point started) {
    Run r;
    pump(c, r.out, r.err);
    r.code = code_of(wait_status(c));
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return r;
}

Run run(const std::vector<std::string>& args) {
    auto started = std::chrono::steady_clock::now();
    Child c = spawn(args);
    return finish(c, started);
}
#endif

[[maybe_unused]] std::vector<std::string> lines_of(const std::string& s) {
    std::vector<std::string> out;
    std::size_t at = 0;
    for (std::size_t nl; (nl = s.find('\n', at)) != std::string::npos; at = nl + 1) out.push_back(s.substr(at, nl - at));
    return out;
}

// ---------------------------------------------------------------------------------------------
// Refusals

void check_refused(const std::string& path, std::initializer_list<Kind> kinds, bool create = true) {
    const bool existed = fs::exists(path);
    const std::string before = existed && fs::is_regular_file(path) ? slurp(path) : std::string();
    ys::store::OpenOptions options;
    options.create = create;
    bool threw = false;
    try {
        Connection c = ys::store::open_database(path, options);
    } catch (const StoreError& e) {
        threw = true;
        std::string what = e.what();
        INFO(what);
        CHECK(std::find(kinds.begin(), kinds.end(), e.kind()) != kinds.end());
        CHECK(one_line(what));
        CHECK(what.find(path) != std::string::npos);
    }
    CHECK(threw);
    CHECK(fs::exists(path) == existed);
    if (existed && fs::is_regular_file(path)) {
        std::string after = slurp(path);
        CHECK(after.size() == before.size());
        CHECK(after == before);
    }
    // Nothing left beside it either.
    CHECK_FALSE(fs::exists(path + "-journal"));
    CHECK_FALSE(fs::exists(path + "-wal"));
}

}  // namespace

// =============================================================================================

TEST_CASE("store: a new database is private, marked as Yardstick's, in WAL mode with foreign keys on", "[store]") {
    Scratch scratch_path("new.db");
    const std::string& path = scratch_path.path;
    ys::store::OpenReport report;
    Connection c = ys::store::open_database(path, {}, &report);
    CHECK(report.created);
    CHECK(report.upgraded_from == 0);
    CHECK(report.backup_path.empty());

#ifndef _WIN32  // Windows has no mode bits (the default folder, %APPDATA%, is the user's own)
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 07777) == 0600);
#endif
    CHECK(count(c, "PRAGMA application_id") == ys::store::kApplicationId);
    CHECK(count(c, "PRAGMA application_id") == 0x59534454);
    CHECK(count(c, "PRAGMA user_version") == ys::store::kSchemaVersion);
    CHECK(text_pragma(c, "PRAGMA journal_mode") == "wal");
    CHECK(count(c, "PRAGMA foreign_keys") == 1);
    CHECK(count(c, "PRAGMA synchronous") == 2);  // FULL
    CHECK(integrity(c) == "ok");

    // The WAL beside it is as private as the file itself.
    ys::store::add_organisation(c, {"testshire", "Testshire (fictional)", "county", "", "", ""});
#ifndef _WIN32
    for (const char* suffix : {"-wal", "-shm"}) {
        std::string side = path + suffix;
        if (!fs::exists(side)) continue;
        REQUIRE(::stat(side.c_str(), &st) == 0);
        INFO(side);
        CHECK((st.st_mode & 0077) == 0);
    }
#endif

    // Foreign keys really are enforced.
    CHECK_THROWS_AS(c.exec("INSERT INTO round (id, organisation_id, framework_hash, questionnaire_hash, period, status, "
                           "created_at) VALUES ('r', 'nobody', 'x', 'y', '2026', 'open', 0)"),
                    StoreError);
    CHECK(count(c, "SELECT count(*) FROM round") == 0);

    // Opening it again is neither a creation nor an upgrade.
    ys::store::OpenReport again;
    Connection c2 = ys::store::open_database(path, {}, &again);
    CHECK_FALSE(again.created);
    CHECK(again.upgraded_from == 0);
    CHECK(count(c2, "SELECT count(*) FROM organisation") == 1);
}

TEST_CASE("store: files that are not a Yardstick database are refused and left byte-for-byte untouched", "[store]") {
    SECTION("a text file") {
        Scratch scratch_path("text.db");
        const std::string& path = scratch_path.path;
        spill(path, "This is a note about the 2026 assessment, not a database.\nSecond line.\n");
        check_refused(path, {Kind::NotYardstick});
    }
    SECTION("random bytes") {
        Scratch scratch_path("random.db");
        const std::string& path = scratch_path.path;
        std::mt19937 rng(1234);
        std::string bytes(16384, '\0');
        for (auto& b : bytes) b = static_cast<char>(rng() & 0xFF);
        spill(path, bytes);
        check_refused(path, {Kind::NotYardstick, Kind::Corrupt});
    }
    SECTION("an SQLite database of another application") {
        Scratch scratch_path("other-app.db");
        const std::string& path = scratch_path.path;
        raw_exec(path, "PRAGMA application_id = 305419896; CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT);"
                       "INSERT INTO customers (name) VALUES ('Ada'), ('Grace');");
        check_refused(path, {Kind::NotYardstick});
    }
    SECTION("an SQLite database of another application, in WAL mode") {
        Scratch scratch_path("other-app-wal.db");
        const std::string& path = scratch_path.path;
        raw_exec(path, "PRAGMA journal_mode = WAL; PRAGMA application_id = 305419896; CREATE TABLE t (x); "
                       "INSERT INTO t VALUES (1);");
        check_refused(path, {Kind::NotYardstick});
    }
    SECTION("an SQLite database with no application id but tables of its own") {
        Scratch scratch_path("plain-sqlite.db");
        const std::string& path = scratch_path.path;
        raw_exec(path, "CREATE TABLE organisation (id TEXT); INSERT INTO organisation VALUES ('x');");
        check_refused(path, {Kind::NotYardstick});
    }
    SECTION("a Yardstick database from a newer Yardstick") {
        Scratch scratch_path("newer.db");
        const std::string& path = scratch_path.path;
        make_store(path);
        raw_exec(path, "PRAGMA user_version = 99;");
        try {
            Connection c = ys::store::open_database(path);
            FAIL("opened a database of schema version 99");
        } catch (const StoreError& e) {
            CHECK(std::string(e.what()).find("99") != std::string::npos);
        }
        check_refused(path, {Kind::TooNew});
    }
    SECTION("a directory") {
        Scratch scratch_path("a-directory.db");
        const std::string& path = scratch_path.path;
        fs::create_directories(path);
        check_refused(path, {Kind::Io});
        CHECK(fs::is_directory(path));
    }
    SECTION("a missing file when not asked to create one") {
        Scratch scratch_path("missing.db");
        const std::string& path = scratch_path.path;
        check_refused(path, {Kind::NotFound}, false);
        CHECK_FALSE(fs::exists(path));
    }
}

TEST_CASE("store: a truncated Yardstick database is refused as damaged, never a crash", "[store]") {
    Scratch scratch_full("full.db");
    const std::string& full = scratch_full.path;
    {
        std::string round = make_store(full, "2025");
        Connection c = ys::store::open_database(full);
        for (const char* period : {"2026", "2027"})
            ys::store::new_round(c, "testshire", period, tiny_framework(), tiny_questionnaire());
        for (int i = 0; i < 40; ++i) {
            std::string key = ys::store::add_respondent(c, round, "analyst", "Respondent " + std::to_string(i), "", "");
            ys::store::set_answer(c, round, key, "q-quality", {{"value", "level-2"}, {"evidence", std::string(300, 'e')}}, 0);
        }
    }
    REQUIRE_FALSE(fs::exists(full + "-wal"));  // checkpointed into the file when closed
    const std::string whole = slurp(full);
    REQUIRE(whole.size() >= 8 * 4096);

    for (double fraction : {0.5, 0.25, 0.75, 0.9}) {
        DYNAMIC_SECTION("cut to " << fraction << " of its size") {
            Scratch scratch_path("truncated.db");
            const std::string& path = scratch_path.path;
            spill(path, whole.substr(0, static_cast<std::size_t>(static_cast<double>(whole.size()) * fraction)));
            check_refused(path, {Kind::Corrupt, Kind::NotYardstick});
        }
    }
    SECTION("cut inside its header") {
        Scratch scratch_path("truncated-header.db");
        const std::string& path = scratch_path.path;
        spill(path, whole.substr(0, 60));
        check_refused(path, {Kind::Corrupt, Kind::NotYardstick});
    }
}

// =============================================================================================

// Every schema version that shipped has a fixture (tests/data/db/make-v<N>.sh) with the same
// content; each must still open, read, score and take writes in every later Yardstick.
void check_fixture(int version) {
    const std::string fixture = std::string(YS_TEST_DATA) + "/db/yardstick-v" + std::to_string(version) + ".db";
    REQUIRE(fs::exists(fixture));
    const std::string fixture_bytes = slurp(fixture);
    Scratch scratch_path("v1-copy.db");
    const std::string& path = scratch_path.path;
    fs::copy_file(fixture, path);

    ys::store::OpenReport report;
    ys::store::OpenOptions options;
    options.create = false;
    Connection c = ys::store::open_database(path, options, &report);
    CHECK_FALSE(report.created);
    if (version < ys::store::kSchemaVersion) {
        // Upgraded in place after a backup copy of it is made beside it.
        CHECK(report.upgraded_from == version);
        REQUIRE(fs::exists(report.backup_path));
        Connection backup = Connection::open(report.backup_path, false, 1000);
        CHECK(backup.scalar_int("PRAGMA user_version") == version);
    } else {
        CHECK(report.upgraded_from == 0);
        CHECK(report.backup_path.empty());
    }
    CHECK(count(c, "PRAGMA user_version") == ys::store::kSchemaVersion);
    // Version 2 added round summaries; its fixture holds one, made by a benchmark.
    CHECK(count(c, "SELECT count(*) FROM round_summary") == (version >= 2 ? 1 : 0));
    CHECK(count(c, "PRAGMA application_id") == ys::store::kApplicationId);
    CHECK(integrity(c) == "ok");
    CHECK(count(c, "SELECT count(*) FROM pragma_foreign_key_check") == 0);
    // Version 3 added the database's origin (made by the upgrade for older ones); all it holds is its own.
    CHECK(ys::is_origin_id(ys::store::database_origin(c)));
    CHECK(count(c, "SELECT count(*) FROM organisation WHERE origin IS NOT NULL") == 0);
    // Version 4 added invitation lists; its fixture holds two invitations (none before).
    CHECK(count(c, "SELECT count(*) FROM invitation") == (version >= 4 ? 2 : 0));
    CHECK(count(c, "SELECT count(*) FROM respondent WHERE form_id IS NOT NULL") == 0);

    auto orgs = ys::store::list_organisations(c);
    REQUIRE(orgs.size() == 4);
    auto northwold = ys::store::find_organisation(c, "northwold");
    REQUIRE(northwold);
    CHECK(northwold->name == "Northwold County Council (fictional)");
    CHECK(northwold->type == "county");
    CHECK(northwold->ons_code == "E10000099");
    CHECK(northwold->parent == "east-midlands");
    CHECK(ys::store::find_organisation(c, "northwold-childrens")->parent == "northwold");
    CHECK(ys::store::find_organisation(c, "bro-ffug")->name == "Cyngor Bro Ffug \xE2\x80\x94 \xC5\xB5\xC5\xB7 (fictional)");

    auto rounds = ys::store::list_rounds(c);
    REQUIRE(rounds.size() == 1);
    const std::string id = "northwold.2026.council-quick-check";
    CHECK(rounds[0].id == id);
    CHECK(rounds[0].status == "open");
    CHECK(rounds[0].framework_id == "council-data-maturity");
    CHECK(rounds[0].questionnaire_id == "council-quick-check");
    CHECK(rounds[0].respondents == 3);
    CHECK(rounds[0].answers == 11);

    ys::store::LoadedRound loaded = ys::store::load_round(c, id);
    REQUIRE(loaded.answers.respondents.size() == 3);
    const auto& q = *loaded.questionnaire;
    const auto& r1 = loaded.answers.respondents[0];
    CHECK(r1.id == "r1");
    CHECK(r1.name == "Alex Example");
    CHECK(r1.email == "alex@example.org");
    REQUIRE(r1.role >= 0);
    CHECK(q.roles[static_cast<std::size_t>(r1.role)].id == "senior-leader");
    CHECK(r1.answers.size() == 4);
    bool found_evidence = false;
    for (const auto& a : r1.answers)
        if (q.questions[a.question].id == "qc-strategy") {
            found_evidence = true;
            CHECK(a.evidence == "Strategy agreed by cabinet, 2025");
            CHECK(a.confidence == Approx(0.8));
            CHECK(q.questions[a.question].options[a.choice].id == "l3");
        }
    CHECK(found_evidence);
    CHECK(loaded.answers.respondents[1].answers.size() == 4);
    CHECK(loaded.answers.respondents[2].answers.size() == 3);

    ys::RoundResult result = ys::score_round(*loaded.framework, q, {&loaded.answers});
    if (version >= 2) {
        auto summary = ys::store::load_round_summary(c, id, *loaded.framework);
        REQUIRE(summary);
        CHECK(summary->overall.score == result.overall.score);
        CHECK(summary->respondents == 3);
    }
    CHECK(result.respondents == 3);
    CHECK(result.organisation.id == "northwold");
    CHECK(result.period == "2026");
    REQUIRE(result.overall.score);
    CHECK(*result.overall.score >= 1);
    CHECK(*result.overall.score <= 5);
    int strategy = q.find_question("qc-strategy");
    REQUIRE(strategy >= 0);
    const auto& qs = result.questions[static_cast<std::size_t>(strategy)];
    CHECK(qs.answered == 3);
    REQUIRE(qs.value);
    CHECK(*qs.value == Approx(2.0));  // l3, l2, l1
    int use = q.find_question("qc-use");
    REQUIRE(use >= 0);
    CHECK(result.questions[static_cast<std::size_t>(use)].dont_know == 1);

    // It can still be written to.
    std::string key = ys::store::add_respondent(c, id, "manager", "", "", "");
    ys::store::set_answer(c, id, key, "qc-tools", {{"value", "l4"}}, 0);
    CHECK(ys::store::get_round(c, id).answers == 12);
    CHECK(integrity(c) == "ok");

    // The fixture itself was never touched.
    CHECK(slurp(fixture) == fixture_bytes);
}

TEST_CASE("store: the schema version 1 fixture still opens, reads, scores and checks", "[store]") { check_fixture(1); }

TEST_CASE("store: the schema version 2 fixture still opens, reads, scores and checks", "[store]") { check_fixture(2); }

TEST_CASE("store: the schema version 3 fixture still opens, reads, scores and checks", "[store]") { check_fixture(3); }

TEST_CASE("store: the schema version 4 fixture still opens, reads, scores and checks", "[store]") { check_fixture(4); }

TEST_CASE("store: the schema version 5 fixture still opens, reads, scores and checks", "[store]") { check_fixture(5); }

TEST_CASE("store: the schema version 6 fixture still opens, reads, scores and checks", "[store]") { check_fixture(6); }

TEST_CASE("store: an older-looking schema (user_version 0 with tables) is handled cleanly", "[store]") {
    const std::string fixture = std::string(YS_TEST_DATA) + "/db/yardstick-v1.db";
    REQUIRE(fs::exists(fixture));

    SECTION("no application id either: not Yardstick's, left untouched") {
        Scratch scratch_path("v0-no-app.db");
        const std::string& path = scratch_path.path;
        fs::copy_file(fixture, path);
        raw_exec(path, "PRAGMA application_id = 0; PRAGMA user_version = 0;");
        check_refused(path, {Kind::NotYardstick});
    }
    SECTION("Yardstick's application id, but version 0: refused untouched, or opened with every row intact") {
        Scratch scratch_path("v0-app.db");
        const std::string& path = scratch_path.path;
        fs::copy_file(fixture, path);
        raw_exec(path, "PRAGMA user_version = 0;");
        const std::string before = slurp(path);
        try {
            ys::store::OpenReport report;
            Connection c = ys::store::open_database(path, {}, &report);
            // Handled: then nothing may have been lost.
            CHECK(count(c, "PRAGMA user_version") == ys::store::kSchemaVersion);
            CHECK(count(c, "SELECT count(*) FROM organisation") == 4);
            CHECK(count(c, "SELECT count(*) FROM answer") == 11);
            CHECK(integrity(c) == "ok");
        } catch (const StoreError& e) {
            std::string what = e.what();
            INFO(what);
            CHECK(one_line(what));
            CHECK(what.find(path) != std::string::npos);
            CHECK(e.kind() != Kind::Busy);
            CHECK(slurp(path) == before);
        }
    }
}

// =============================================================================================

#ifndef _WIN32  // POSIX only: starts processes (posix_spawn, SIGKILL)
TEST_CASE("store: 100 writers killed at random moments lose nothing they reported as committed", "[store][durability]") {
    Scratch scratch_path("killed.db");
    const std::string& path = scratch_path.path;
    const std::string round = make_store(path);
    std::mt19937 rng(20260401);
    std::uniform_int_distribution<int> delay_ms(2, 40);
    std::set<std::string> all_keys;
    int iterations_with_keys = 0;
    auto started = std::chrono::steady_clock::now();

    for (int iteration = 0; iteration < 100; ++iteration) {
        INFO("iteration " << iteration);
        int ms = delay_ms(rng);
        Child child = spawn({YS_STORE_WRITER, path, round, "1000000"});
        std::string out, err;
        // One writer in four is killed a random moment after it starts (opening, first
        // write); the others a random moment after their first reported commit, so that a
        // slow, loaded machine still kills them among their commits.
        if (iteration % 4 != 0) {
            auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
            while (out.find('\n') == std::string::npos && std::chrono::steady_clock::now() < give_up && child.out >= 0)
                pump(child, out, err, std::chrono::steady_clock::now() + std::chrono::milliseconds(2));
        }
        pump(child, out, err, std::chrono::steady_clock::now() + std::chrono::milliseconds(ms));
        ::kill(child.pid, SIGKILL);
        pump(child, out, err);
        int status = wait_status(child);
        INFO("stderr: " << err);
        // It was killed, not stopped by an error of its own.
        REQUIRE(WIFSIGNALED(status));
        CHECK(WTERMSIG(status) == SIGKILL);

        std::vector<std::string> keys = lines_of(out);
        all_keys.insert(keys.begin(), keys.end());
        iterations_with_keys += keys.empty() ? 0 : 1;

        ys::store::OpenOptions options;
        options.create = false;
        Connection c = ys::store::open_database(path, options);
        ys::store::Statement s = c.prepare(
            "SELECT count(*) FROM respondent p JOIN answer a ON a.respondent_id = p.id "
            "WHERE p.round_id = ? AND p.key = ? AND a.question_id = 'q-quality'");
        std::size_t missing = 0;
        for (const auto& key : keys) {
            s.reset();
            s.bind(1, round).bind(2, key);
            REQUIRE(s.step());
            if (s.integer(0) != 1) {
                ++missing;
                UNSCOPED_INFO("missing: " << key);
            }
        }
        CHECK(missing == 0);
        REQUIRE(integrity(c) == "ok");
    }

    // Every answer reads back as written: option i modulo 3 for key w<pid>-<i>.
    {
        Connection c = ys::store::open_database(path);
        CHECK(count(c, "SELECT count(*) FROM pragma_foreign_key_check") == 0);
        ys::store::LoadedRound loaded = ys::store::load_round(c, round);
        std::size_t answered = 0;
        for (const auto& r : loaded.answers.respondents) {
            if (r.answers.empty()) continue;  // killed between adding the respondent and the answer
            ++answered;
            REQUIRE(r.answers.size() == 1);
            std::size_t i = std::stoul(r.id.substr(r.id.find('-') + 1));
            CHECK(r.answers[0].choice == i % 3);
        }
        CHECK(answered >= all_keys.size());
    }
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    WARN("100 kills: " << all_keys.size() << " answers reported committed, " << iterations_with_keys
                       << " writers got that far; " << seconds << " s");
    // Otherwise the test proved nothing: writers must have committed something before dying.
    // Three in four wait for their first commit, however loaded the machine.
    CHECK(iterations_with_keys >= 75);
}
#endif

#ifndef _WIN32  // POSIX only: starts processes (posix_spawn, SIGKILL)
TEST_CASE("store: a writer killed inside one transaction leaves all of it or none of it", "[store][durability]") {
    Scratch scratch_path("killed-tx.db");
    const std::string& path = scratch_path.path;
    const std::string round = make_store(path);
    // Big enough that one transaction takes a while (about 0.1 s) to kill it inside; the
    // undisturbed run below is cut off at 10 s should every row be committed on its own.
    const int n = 20000;

    struct Outcome {
        bool committed = false;
        std::int64_t added = 0;           // respondents of this writer found afterwards
        double writing_seconds = 0;       // from "writing" to "committed" (or to the kill)
    };
    // Runs one writer; kills it `kill_after` seconds after it starts writing (negative: lets it finish).
    auto write = [&](double kill_after) {
        Outcome o;
        Child child = spawn({YS_STORE_WRITER, path, round, std::to_string(n), "--tx"});
        const std::string prefix = "w" + std::to_string(child.pid) + "-";
        std::string out, err;
        auto limit = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        while (out.find("writing\n") == std::string::npos && child.out >= 0 && std::chrono::steady_clock::now() < limit)
            pump(child, out, err, std::chrono::steady_clock::now() + std::chrono::milliseconds(1));
        INFO("stderr: " << err);
        REQUIRE(out.find("writing\n") != std::string::npos);
        auto writing = std::chrono::steady_clock::now();
        // Undisturbed, it gets 10 s: far more than one transaction needs (well under 1 s).
        const double allowed = kill_after >= 0 ? kill_after : 10.0;
        pump(child, out, err, writing + std::chrono::microseconds(static_cast<long long>(allowed * 1e6)));
        const bool still_running = child.out >= 0 || child.err >= 0;
        if (still_running) ::kill(child.pid, SIGKILL);
        pump(child, out, err);
        int status = wait_status(child);
        o.writing_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - writing).count();
        o.committed = out.find("committed\n") != std::string::npos;
        const bool timed_out = kill_after < 0 && still_running;
        Connection c = ys::store::open_database(path);
        REQUIRE(integrity(c) == "ok");
        o.added = count(c, "SELECT count(*) FROM respondent WHERE key LIKE '" + prefix + "%'");
        CHECK(count(c, "SELECT count(*) FROM answer a JOIN respondent p ON a.respondent_id = p.id WHERE p.key LIKE '" +
                           prefix + "%'") == o.added);
        if (kill_after < 0) {
            INFO("stderr: " << err);
            INFO("respondents written when it was stopped: " << o.added << " of " << n);
            if (timed_out) FAIL("write_respondents of " << n << " respondents was still writing after 10 s: not one transaction?");
            REQUIRE(code_of(status) == 0);
            REQUIRE(o.committed);
        }
        return o;
    };

    // Undisturbed, it commits every respondent; how long that takes sets when to kill the others.
    Outcome whole = write(-1);
    CHECK(whole.added == n);
    WARN("one write_respondents call of " << n << " respondents: " << whole.writing_seconds << " s");

    int killed_before_commit = 0;
    for (double fraction : {0.02, 0.1, 0.25, 0.5, 0.75}) {
        double after = whole.writing_seconds * fraction;
        INFO("killed " << after * 1000 << " ms after it started writing");
        Outcome o = write(after);
        INFO("printed committed: " << o.committed << "; respondents found: " << o.added);
        // All or nothing. (Killed between its commit and its print, it may have all without saying so.)
        CHECK((o.added == 0 || o.added == n));
        if (o.committed) CHECK(o.added == n);
        killed_before_commit += o.added == 0 ? 1 : 0;
    }
    // Otherwise the test proved nothing: some kills must have landed inside the transaction.
    CHECK(killed_before_commit >= 2);
}
#endif

// =============================================================================================

#ifndef _WIN32  // POSIX only: starts processes (posix_spawn, SIGKILL)
TEST_CASE("store: two processes writing one database at once both succeed", "[store][concurrency]") {
    Scratch scratch_path("two-writers.db");
    const std::string& path = scratch_path.path;
    const std::string round = make_store(path);
    auto started = std::chrono::steady_clock::now();
    Child a = spawn({YS_STORE_WRITER, path, round, "300"});
    Child b = spawn({YS_STORE_WRITER, path, round, "300"});
    const std::string prefix_a = "w" + std::to_string(a.pid) + "-", prefix_b = "w" + std::to_string(b.pid) + "-";
    // Read both as they go, so that neither blocks on a full pipe.
    std::string out_a, err_a, out_b, err_b;
    while (a.out >= 0 || a.err >= 0 || b.out >= 0 || b.err >= 0) {
        auto soon = std::chrono::steady_clock::now() + std::chrono::milliseconds(10);
        pump(a, out_a, err_a, soon);
        pump(b, out_b, err_b, soon);
    }
    Run ra{code_of(wait_status(a)), out_a, err_a, 0};
    Run rb{code_of(wait_status(b)), out_b, err_b, 0};
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    WARN("two writers of 300 answers each: " << seconds << " s");
    INFO("first writer: " << ra.err);
    INFO("second writer: " << rb.err);
    CHECK(ra.code == 0);
    CHECK(rb.code == 0);
    CHECK(lines_of(ra.out).size() == 300);
    CHECK(lines_of(rb.out).size() == 300);

    Connection c = ys::store::open_database(path);
    CHECK(count(c, "SELECT count(*) FROM respondent") == 600);
    CHECK(count(c, "SELECT count(*) FROM answer") == 600);
    ys::store::Statement s = c.prepare("SELECT count(*) FROM respondent p JOIN answer a ON a.respondent_id = p.id "
                                       "WHERE p.key LIKE ? || '%'");
    for (const auto& prefix : {prefix_a, prefix_b}) {
        s.reset();
        s.bind(1, prefix);
        REQUIRE(s.step());
        CHECK(s.integer(0) == 300);
    }
    CHECK(integrity(c) == "ok");
}
#endif

#ifndef _WIN32  // POSIX only: starts processes (posix_spawn, SIGKILL)
TEST_CASE("store: a database held busy makes the CLI wait, then exit 5 with one line, and a retry succeeds", "[store][concurrency]") {
    Scratch scratch_path("busy.db");
    const std::string& path = scratch_path.path;
    const std::string round = make_store(path);
    {
        Connection c = ys::store::open_database(path);
        ys::store::add_respondent(c, round, "analyst", "", "", "r1");
    }
    const std::vector<std::string> answer_cmd = {YS_CLI, "answer", "set", round, "r1", "q-quality", "--value", "level-3",
                                                 "--db", path};
    const std::vector<std::string> org_cmd = {YS_CLI, "org", "add", "busyshire", "--name", "Busyshire", "--type", "district",
                                              "--db", path};
    {
        Connection holder = ys::store::open_database(path);
        holder.exec("BEGIN IMMEDIATE");
        holder.exec("INSERT INTO organisation (id, name, type) VALUES ('holder', 'Held', 'other')");

        // Both at once, so the test waits for one busy timeout, not two.
        auto started = std::chrono::steady_clock::now();
        Child answer = spawn(answer_cmd);
        Child org = spawn(org_cmd);
        Run ra = finish(answer, started);
        Run ro = finish(org, started);
        for (const Run* r : {&ra, &ro}) {
            INFO((r == &ra ? "answer set" : "org add") << ": exit " << r->code << " after " << r->seconds << " s; stderr: "
                                                      << r->err);
            CHECK(r->code == 5);
            CHECK(r->out.empty());
            CHECK(lines_of(r->err).size() == 1);
            CHECK(r->err.find("busy") != std::string::npos);
            CHECK(r->err.back() == '\n');
            // It waited for the busy timeout (5 s) before giving up, rather than failing at once.
            CHECK(r->seconds >= 4.0);
        }
        holder.exec("ROLLBACK");
    }

    Run ra = run(answer_cmd);
    INFO(ra.err);
    CHECK(ra.code == 0);
    CHECK(ra.out == "saved\n");
    Run ro = run(org_cmd);
    INFO(ro.err);
    CHECK(ro.code == 0);

    Connection c = ys::store::open_database(path);
    ys::store::LoadedRound loaded = ys::store::load_round(c, round);
    REQUIRE(loaded.answers.respondents.size() == 1);
    REQUIRE(loaded.answers.respondents[0].answers.size() == 1);
    CHECK(loaded.questionnaire->questions[0].options[loaded.answers.respondents[0].answers[0].choice].id == "level-3");
    CHECK(ys::store::find_organisation(c, "busyshire"));
    CHECK_FALSE(ys::store::find_organisation(c, "holder"));
    CHECK(integrity(c) == "ok");
}
#endif

// =============================================================================================

TEST_CASE("store: hostile text is stored exactly or refused, and never runs as SQL", "[store][hostile]") {
    Scratch scratch_path("hostile.db");
    const std::string& path = scratch_path.path;
    const std::string round = make_store(path);
    Connection c = ys::store::open_database(path);

    const std::vector<std::string> hostile = {
        "x'); DROP TABLE round; --",
        "Robert'); DELETE FROM organisation WHERE ('1'='1",
        "\"double\" and 'single' quotes; semicolons;; and -- a comment",
        "Bro Ffug \xE2\x80\x94 \xC5\xB5\xC5\xB7",
        "100% _wild_ cards \\ and backslashes",
        "' OR '1'='1",
        "emoji \xF0\x9F\x8F\xB4\xF3\xA0\x81\xA7\xF3\xA0\x81\xA2\xF3\xA0\x81\xB7\xF3\xA0\x81\xAC\xF3\xA0\x81\xB3\xF3\xA0\x81\xBF",
    };

    SECTION("as organisation names, regions and peer group names: stored and read back exactly") {
        int i = 0;
        for (const auto& text : hostile) {
            std::string id = "org-" + std::to_string(i++);
            ys::store::add_organisation(c, {id, text, "district", text, "", "testshire"});
            auto back = ys::store::find_organisation(c, id);
            REQUIRE(back);
            CHECK(back->name == text);
            CHECK(back->region == text);
            CHECK(back->parent == "testshire");
            ys::store::edit_organisation(c, id, {text + " (renamed)", std::nullopt, std::nullopt, std::nullopt});
            CHECK(ys::store::find_organisation(c, id)->name == text + " (renamed)");
            ys::store::add_peer_group(c, "group-" + id, text);
            ys::store::add_peer_group_member(c, "group-" + id, id);
        }
        auto groups = ys::store::list_peer_groups(c);
        REQUIRE(groups.size() == hostile.size());
        for (const auto& g : groups) {
            std::size_t at = std::stoul(g.id.substr(std::string("group-org-").size()));
            CHECK(g.name == hostile[at]);
            CHECK(g.members == std::vector<std::string>{g.id.substr(6)});
        }
        CHECK(ys::store::list_organisations(c).size() == hostile.size() + 1);
        // Looking up by a hostile id finds nothing and harms nothing.
        for (const auto& text : hostile) CHECK_FALSE(ys::store::find_organisation(c, text));
    }

    SECTION("as ids: refused by the id rule with one line") {
        std::vector<std::string> bad_ids = hostile;
        for (const char* extra : {"", "Upper", "-leading", "has space", "semi;colon", "quote'd", "caf\xC3\xA9", "tab\there"})
            bad_ids.push_back(extra);
        bad_ids.push_back(std::string(129, 'a'));
        bad_ids.push_back(std::string("nul") + '\0' + "byte");
        const std::int64_t orgs = count(c, "SELECT count(*) FROM organisation");
        for (const auto& id : bad_ids) {
            INFO("id: " << id);
            try {
                ys::store::add_organisation(c, {id, "Name", "district", "", "", ""});
                FAIL("accepted the organisation id");
            } catch (const StoreError& e) {
                CHECK(e.kind() == Kind::Invalid);
                CHECK(one_line(e.what()));
            }
            try {
                ys::store::add_peer_group(c, id, "Group");
                FAIL("accepted the peer group id");
            } catch (const StoreError& e) {
                CHECK(e.kind() == Kind::Invalid);
                CHECK(one_line(e.what()));
            }
            if (id.empty()) continue;  // no key asks add_respondent to choose one
            try {
                ys::store::add_respondent(c, round, "analyst", "", "", id);
                FAIL("accepted the respondent key");
            } catch (const StoreError& e) {
                CHECK(e.kind() == Kind::Invalid);
                CHECK(one_line(e.what()));
            }
        }
        CHECK(count(c, "SELECT count(*) FROM organisation") == orgs);
        CHECK(count(c, "SELECT count(*) FROM peer_group") == 0);
        CHECK(count(c, "SELECT count(*) FROM respondent") == 0);
        // The longest id the rule allows is fine.
        ys::store::add_organisation(c, {std::string(128, 'a'), "Long", "district", "", "", ""});
        CHECK(ys::store::find_organisation(c, std::string(128, 'a')));
    }

    SECTION("as respondent names, e-mails, evidence and round periods: stored and read back exactly") {
        int i = 0;
        for (const auto& text : hostile) {
            std::string key = "r" + std::to_string(i++);
            ys::store::add_respondent(c, round, "analyst", text, text, key);
            ys::store::set_answer(c, round, key, "q-quality", {{"value", "level-1"}, {"evidence", text}}, 0);
        }
        ys::store::LoadedRound loaded = ys::store::load_round(c, round);
        REQUIRE(loaded.answers.respondents.size() == hostile.size());
        for (const auto& r : loaded.answers.respondents) {
            std::size_t at = std::stoul(r.id.substr(1));
            CHECK(r.name == hostile[at]);
            CHECK(r.email == hostile[at]);
            REQUIRE(r.answers.size() == 1);
            CHECK(r.answers[0].evidence == hostile[at]);
        }
        for (const auto& text : hostile) {
            if (text.size() > 64) continue;
            auto made = ys::store::new_round(c, "testshire", text, tiny_framework(), tiny_questionnaire());
            CHECK(ys::store::get_round(c, made.id).period == text);
        }
    }

    // Whatever happened above, every table is still there and sound.
    for (const char* table : {"organisation", "peer_group", "peer_group_member", "definition", "round", "respondent",
                              "answer", "target", "action_item", "roadmap_scenario"}) {
        INFO(table);
        CHECK(count(c, std::string("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '") + table + "'") == 1);
    }
    CHECK(integrity(c) == "ok");
    CHECK(count(c, "SELECT count(*) FROM pragma_foreign_key_check") == 0);
}

TEST_CASE("store: set_answer refuses bad answers with one line and changes nothing", "[store][hostile]") {
    Scratch scratch_path("bad-answers.db");
    const std::string& path = scratch_path.path;
    const std::string round = make_store(path);
    const std::string closed = make_store(path, "2025");
    Connection c = ys::store::open_database(path);
    ys::store::add_respondent(c, round, "analyst", "", "", "r1");
    ys::store::set_answer(c, round, "r1", "q-quality", {{"value", "level-2"}}, 1767225600);
    ys::store::add_respondent(c, closed, "analyst", "", "", "r1");
    ys::store::set_answer(c, closed, "r1", "q-quality", {{"value", "level-1"}}, 1767225600);
    ys::store::set_round_status(c, closed, "closed");

    struct Bad {
        const char* what;
        std::string round, key, question;
        nlohmann::json answer;
        Kind kind;
    };
    const std::vector<Bad> cases = {
        {"unknown question", round, "r1", "q-nope", {{"value", "level-1"}}, Kind::Invalid},
        {"hostile question id", round, "r1", "q-quality'); DROP TABLE answer; --", {{"value", "level-1"}}, Kind::Invalid},
        {"unknown option", round, "r1", "q-quality", {{"value", "level-9"}}, Kind::Invalid},
        {"hostile option", round, "r1", "q-quality", {{"value", "level-1' OR '1'='1"}}, Kind::Invalid},
        {"option of the wrong type", round, "r1", "q-quality", {{"value", 2}}, Kind::Invalid},
        {"no value at all", round, "r1", "q-quality", nlohmann::json::object(), Kind::Invalid},
        {"not applicable where not allowed", round, "r1", "q-quality", {{"na", true}}, Kind::Invalid},
        {"number out of range", round, "r1", "q-trained", {{"value", 1000}}, Kind::Invalid},
        {"confidence out of range", round, "r1", "q-quality", {{"value", "level-1"}, {"confidence", 7}}, Kind::Invalid},
        {"unknown respondent", round, "nobody", "q-quality", {{"value", "level-1"}}, Kind::NotFound},
        {"hostile respondent key", round, "r1' OR '1'='1", "q-quality", {{"value", "level-1"}}, Kind::NotFound},
        {"closed round", closed, "r1", "q-quality", {{"value", "level-3"}}, Kind::Invalid},
        {"unknown round", "testshire.2030.tiny-check", "r1", "q-quality", {{"value", "level-1"}}, Kind::NotFound},
        {"hostile round id", "x'); DROP TABLE round; --", "r1", "q-quality", {{"value", "level-1"}}, Kind::NotFound},
    };
    const std::string before = answer_snapshot(c);
    for (const auto& bad : cases) {
        INFO(bad.what);
        try {
            ys::store::set_answer(c, bad.round, bad.key, bad.question, bad.answer, 1767312000);
            FAIL("accepted");
        } catch (const StoreError& e) {
            INFO(e.what());
            CHECK(e.kind() == bad.kind);
            CHECK(one_line(e.what()));
        }
        CHECK(answer_snapshot(c) == before);
    }
    CHECK(count(c, "SELECT count(*) FROM answer") == 2);
    CHECK(integrity(c) == "ok");
}

TEST_CASE("store: error messages stay on one line even when the input has line breaks", "[store][hostile]") {
    Scratch scratch_path("newlines.db");
    const std::string& path = scratch_path.path;
    const std::string round = make_store(path);
    Connection c = ys::store::open_database(path);
    ys::store::add_respondent(c, round, "analyst", "", "", "r1");
    const std::string evil = "x\nyardstick-cli: everything is fine\r\n";
    auto message = [&](auto&& f) {
        try {
            f();
        } catch (const StoreError& e) {
            return std::string(e.what());
        }
        return std::string("(no error)");
    };
    for (const std::string& m : {
             message([&] { ys::store::add_organisation(c, {evil, "Name", "district", "", "", ""}); }),
             message([&] { ys::store::add_organisation(c, {"ok", "Name", evil, "", "", ""}); }),
             message([&] { ys::store::add_respondent(c, round, "analyst", "", "", evil); }),
             message([&] { ys::store::add_respondent(c, round, evil, "", "", "r2"); }),
             message([&] { ys::store::set_answer(c, round, "r1", evil, {{"value", "level-1"}}, 0); }),
             message([&] { ys::store::set_answer(c, round, "r1", "q-quality", {{"value", evil}}, 0); }),
             message([&] { ys::store::set_answer(c, round, evil, "q-quality", {{"value", "level-1"}}, 0); }),
             message([&] { ys::store::get_round(c, evil); }),
         }) {
        INFO(m);
        CHECK(m != "(no error)");
        CHECK(one_line(m));
    }
}

// =============================================================================================
// Round summaries (schema v2): a benchmark reads them instead of every answer, and every
// change to a round's answers clears its summary in the same transaction.

namespace {
std::int64_t summaries(Connection& c, const std::string& round) {
    Statement s = c.prepare("SELECT count(*) FROM round_summary WHERE round_id = ?");
    s.bind(1, round);
    s.step();
    return s.integer(0);
}

std::optional<double> benchmark_overall(Connection& c) {
    ys::store::BenchmarkSelection sel;
    sel.organisations = {"testshire"};
    auto inputs = ys::store::benchmark_inputs(c, sel);
    REQUIRE(inputs.size() == 1);
    return inputs[0].result.overall.score;
}
}  // namespace

TEST_CASE("store: a benchmark stores round summaries and every write to the round clears them", "[store][summary]") {
    Scratch scratch("summary.db");
    const std::string round = make_store(scratch.path);
    Connection c = ys::store::open_database(scratch.path);
    std::string r1 = ys::store::add_respondent(c, round, "analyst", "", "", "");
    ys::store::set_answer(c, round, r1, "q-quality", {{"value", "level-1"}}, 0);

    CHECK(summaries(c, round) == 0);
    auto first = benchmark_overall(c);
    REQUIRE(first);
    CHECK(summaries(c, round) == 1);
    // The stored summary gives the same scores as scoring every answer.
    auto loaded = ys::store::load_round(c, round);
    auto full = ys::score_round(*loaded.framework, *loaded.questionnaire, {&loaded.answers}, ys::ScoreOptions{false, false});
    auto summary = ys::store::load_round_summary(c, round, *loaded.framework);
    REQUIRE(summary);
    CHECK(summary->respondents == full.respondents);
    CHECK(summary->overall.score == full.overall.score);
    CHECK(summary->overall.answered == full.overall.answered);
    REQUIRE(summary->dimensions.size() == full.dimensions.size());
    for (std::size_t i = 0; i < full.dimensions.size(); ++i) {
        CHECK(summary->dimensions[i].score == full.dimensions[i].score);
        CHECK(summary->dimensions[i].level == full.dimensions[i].level);
        CHECK(summary->dimensions[i].unanswered == full.dimensions[i].unanswered);
    }

    SECTION("set_answer") {
        ys::store::set_answer(c, round, r1, "q-quality", {{"value", "level-3"}}, 0);
        CHECK(summaries(c, round) == 0);
        auto after = benchmark_overall(c);
        REQUIRE(after);
        CHECK(*after > *first);  // level-3 scores above level-1: the new answer counts
    }
    SECTION("add_respondent") {
        ys::store::add_respondent(c, round, "senior-leader", "", "", "");
        CHECK(summaries(c, round) == 0);
    }
    SECTION("write_respondents, as every import does") {
        ys::Respondent r;
        r.id = "imported";
        ys::Answer a;
        a.question = static_cast<std::uint16_t>(loaded.questionnaire->find_question("q-quality"));
        a.choice = 2;
        r.answers.push_back(a);
        ys::store::write_respondents(c, round, *loaded.questionnaire, {r});
        CHECK(summaries(c, round) == 0);
        CHECK(benchmark_overall(c) != first);
    }
    SECTION("upgrade_round") {
        ys::store::upgrade_round(c, round, tiny_framework(), tiny_questionnaire());
        CHECK(summaries(c, round) == 0);
    }
    SECTION("a summary made by another scoring engine is ignored and made again") {
        c.exec("UPDATE round_summary SET engine = 0");
        CHECK_FALSE(ys::store::load_round_summary(c, round, *loaded.framework));
        CHECK(benchmark_overall(c) == first);
        CHECK(c.scalar_int("SELECT engine FROM round_summary") == ys::store::kSummaryEngine);
    }
    SECTION("a damaged summary is a cache miss, not an error") {
        c.exec("UPDATE round_summary SET content = '{\"respondents\": \"x\"'");
        CHECK_FALSE(ys::store::load_round_summary(c, round, *loaded.framework));
        CHECK(benchmark_overall(c) == first);
    }
    SECTION("a failed write leaves the old summary cleared only if the write happened") {
        CHECK_THROWS_AS(ys::store::set_answer(c, round, r1, "q-quality", {{"value", "level-9"}}, 0), StoreError);
        CHECK(summaries(c, round) == 1);
    }
    CHECK(integrity(c) == "ok");
}

// =============================================================================================
// Targets and action items written back exactly, and removed: what undo in the desktop app needs.

namespace {
// The store's one line for what `f` throws, with its kind; "(no error)" when it throws nothing.
template <class F>
std::pair<std::string, Kind> refusal(F&& f) {
    try {
        f();
    } catch (const StoreError& e) {
        return {e.what(), e.kind()};
    }
    return {"(no error)", Kind::Other};
}
}  // namespace

TEST_CASE("store: remove_target takes a target away, and refuses an unknown organisation or a target not set", "[store][targets]") {
    Scratch scratch("remove-target.db");
    const std::string round = make_store(scratch.path);
    Connection c = ys::store::open_database(scratch.path);
    std::string r1 = ys::store::add_respondent(c, round, "analyst", "", "", "");
    ys::store::set_answer(c, round, r1, "q-quality", {{"value", "level-1"}}, 0);
    auto first = benchmark_overall(c);  // stores the round's summary
    REQUIRE(summaries(c, round) == 1);
    auto quality_target = [&] {
        auto report = ys::store::score_stored_rounds(c, {round}, ys::ScoreOptions{false, false});
        REQUIRE(report.rounds.size() == 1);
        const auto& fw = *report.rounds[0].framework;
        return report.rounds[0].result.dimensions[static_cast<std::size_t>(fw.find_dimension("data.quality"))].target;
    };

    ys::store::set_target(c, {"testshire", "tiny-example", "data.quality", "2027-03-31", 3});
    ys::store::set_target(c, {"testshire", "tiny-example", "data.skills", "", 2});
    CHECK(quality_target() == 3);
    ys::store::remove_target(c, "testshire", "tiny-example", "data.quality");
    auto left = ys::store::list_targets(c, "testshire");
    REQUIRE(left.size() == 1);
    CHECK(left[0].dimension == "data.skills");  // only the one named
    CHECK_FALSE(quality_target());
    // Targets are not part of a round's stored summary: it stays, and scores the same.
    CHECK(summaries(c, round) == 1);
    CHECK(benchmark_overall(c) == first);

    auto gone = refusal([&] { ys::store::remove_target(c, "testshire", "tiny-example", "data.quality"); });
    CHECK(gone.first == "organisation \"testshire\" has no target for dimension \"data.quality\" of framework \"tiny-example\"");
    CHECK(gone.second == Kind::NotFound);
    auto other_fw = refusal([&] { ys::store::remove_target(c, "testshire", "council-data-maturity", "data.skills"); });
    CHECK(other_fw.first ==
          "organisation \"testshire\" has no target for dimension \"data.skills\" of framework \"council-data-maturity\"");
    auto nowhere = refusal([&] { ys::store::remove_target(c, "nowhere", "tiny-example", "data.skills"); });
    CHECK(nowhere.first == "organisation \"nowhere\" does not exist");
    CHECK(nowhere.second == Kind::NotFound);
    auto hostile = refusal([&] { ys::store::remove_target(c, "testshire", "tiny-example", "x' OR '1'='1"); });
    CHECK(hostile.second == Kind::NotFound);
    CHECK(ys::store::list_targets(c, "testshire").size() == 1);  // none of the refusals removed anything
    CHECK(integrity(c) == "ok");
}

TEST_CASE("store: replace_action_item writes every field as given, save_action_item keeps the empty ones", "[store][actions]") {
    Scratch scratch("replace-action.db");
    const std::string round = make_store(scratch.path);
    Connection c = ys::store::open_database(scratch.path);
    ys::store::save_action_item(c, {round, "dq-1-2", "", "Data officer", "2027-01-31", "in-progress", "Monthly checks", ""});
    auto stored = [&] {
        auto item = ys::store::find_action_item(c, round, "dq-1-2");
        REQUIRE(item);
        return *item;
    };
    CHECK(stored().dimension == "data.quality");  // found from the framework, whatever was given

    // Merging: empty fields keep what is stored.
    ys::store::save_action_item(c, {round, "dq-1-2", "", "", "", "done", "", ""});
    CHECK(stored().owner == "Data officer");
    CHECK(stored().due == "2027-01-31");
    CHECK(stored().notes == "Monthly checks");
    CHECK(stored().status == "done");

    // Replacing: empty fields clear.
    ys::store::replace_action_item(c, {round, "dq-1-2", "", "", "", "not-started", "", ""});
    ys::store::ActionItem cleared = stored();
    CHECK(cleared.owner.empty());
    CHECK(cleared.due.empty());
    CHECK(cleared.notes.empty());
    CHECK(cleared.status == "not-started");
    CHECK(c.scalar_int("SELECT count(*) FROM action_item WHERE owner IS NULL AND due_date IS NULL AND notes IS NULL") == 1);
    ys::store::replace_action_item(c, {round, "dq-1-2", "", "Head of data", "2027-06-30", "in-progress", "Back again", ""});
    CHECK(stored().owner == "Head of data");
    CHECK(stored().notes == "Back again");
    CHECK(ys::store::list_action_items(c, round).size() == 1);

    // The same checks as save_action_item, each one line, changing nothing.
    auto unknown_action = refusal([&] { ys::store::replace_action_item(c, {round, "dq-9", "", "", "", "not-started", "", ""}); });
    CHECK(unknown_action.first == "unknown action \"dq-9\" in framework \"tiny-example\"");
    CHECK(unknown_action.second == Kind::Invalid);
    auto bad_status = refusal([&] { ys::store::replace_action_item(c, {round, "dq-1-2", "", "", "", "finished", "", ""}); });
    CHECK(bad_status.first == "unknown status \"finished\"; expected not-started, in-progress, done or dropped");
    auto bad_due = refusal([&] { ys::store::replace_action_item(c, {round, "dq-1-2", "", "", "31/01/2027", "done", "", ""}); });
    CHECK(bad_due.first == "expected a due date as YYYY-MM-DD, found \"31/01/2027\"");
    auto no_round = refusal([&] { ys::store::replace_action_item(c, {"testshire.2030.tiny-check", "dq-1-2", "", "", "", "done", "", ""}); });
    CHECK(no_round.first == "round \"testshire.2030.tiny-check\" does not exist");
    CHECK(no_round.second == Kind::NotFound);
    CHECK(stored().owner == "Head of data");
    CHECK(stored().status == "in-progress");
}

TEST_CASE("store: remove_action_item takes an action out of the plan, and refuses an unknown round or action", "[store][actions]") {
    Scratch scratch("remove-action.db");
    const std::string round = make_store(scratch.path);
    const std::string other = make_store(scratch.path, "2025");
    Connection c = ys::store::open_database(scratch.path);
    ys::store::save_action_item(c, {round, "dq-1-2", "", "Data officer", "", "not-started", "", ""});
    ys::store::save_action_item(c, {other, "dq-1-2", "", "Data officer", "", "done", "", ""});

    ys::store::remove_action_item(c, round, "dq-1-2");
    CHECK(ys::store::list_action_items(c, round).empty());
    CHECK_FALSE(ys::store::find_action_item(c, round, "dq-1-2"));
    CHECK(ys::store::list_action_items(c, other).size() == 1);  // the other round's plan is its own

    auto again = refusal([&] { ys::store::remove_action_item(c, round, "dq-1-2"); });
    CHECK(again.first == "action \"dq-1-2\" is not in the action plan of round \"testshire.2026.tiny-check\"");
    CHECK(again.second == Kind::NotFound);
    auto unknown = refusal([&] { ys::store::remove_action_item(c, other, "dq-9"); });
    CHECK(unknown.first == "action \"dq-9\" is not in the action plan of round \"testshire.2025.tiny-check\"");
    auto no_round = refusal([&] { ys::store::remove_action_item(c, "testshire.2030.tiny-check", "dq-1-2"); });
    CHECK(no_round.first == "round \"testshire.2030.tiny-check\" does not exist");
    CHECK(no_round.second == Kind::NotFound);
    auto line_break = refusal([&] { ys::store::remove_action_item(c, other, "dq\nyardstick-cli: all fine"); });
    CHECK(one_line(line_break.first));
    CHECK(ys::store::list_action_items(c, other).size() == 1);
}

// ---------------------------------------------------------------------------------------------
// Cancelling an import

namespace {

// Says Cancel from its `limit + 1`th poll on, and counts the steps it was told about.
struct CancelAfter final : ys::Progress {
    explicit CancelAfter(int limit) : limit(limit) {}
    void step(long long, long long, const std::string&) override { ++steps; }
    bool cancelled() const override { return ++polls > limit; }
    int limit;
    mutable int polls = 0;
    long long steps = 0;
};

}  // namespace

TEST_CASE("store: a long CSV import cancelled part way writes nothing, and one left to finish writes it all", "[store][import]") {
    Scratch db("cancel-long.db");
    make_store(db.path);
    const std::string csv = db.path + ".csv";
    {
        std::ofstream out(csv, std::ios::binary);
        out << "organisation,period,questionnaire,respondent,question,answer\n";
        for (int i = 1; i <= 3000; ++i) out << "testshire,2027,tiny-check,r" << i << ",q-quality,level-2\n";
    }
    Connection c = ys::store::open_database(db.path);
    const std::int64_t rounds = count(c, "SELECT count(*) FROM round");
    const std::int64_t respondents = count(c, "SELECT count(*) FROM respondent");

    CancelAfter cancel(2);  // rows 1,000 and 2,000 go on; row 3,000 is cancelled
    CHECK_THROWS_AS(ys::store::import_long_csv(c, csv, {YS_TEST_DATA}, false, &cancel), ys::store::ImportCancelled);
    CHECK(cancel.polls == 3);
    CHECK(count(c, "SELECT count(*) FROM round") == rounds);
    CHECK(count(c, "SELECT count(*) FROM respondent") == respondents);

    CancelAfter never(1 << 30);
    ys::store::ImportReport r = ys::store::import_long_csv(c, csv, {YS_TEST_DATA}, false, &never);
    INFO((r.diagnostics.items().empty() ? std::string() : ys::to_string(r.diagnostics.items().front())));
    REQUIRE(r.ok());
    CHECK(r.counts.respondents_added == 3000);
    CHECK(never.steps >= 3000);  // a step per respondent written, and one per 1,000 rows read
    CHECK(count(c, "SELECT count(*) FROM respondent") == respondents + 3000);
    fs::remove(csv);
}

TEST_CASE("store: an answer-file import cancelled after it made the organisation leaves no trace of it", "[store][import]") {
    Scratch db("cancel-files.db");
    make_store(db.path);
    Connection c = ys::store::open_database(db.path);
    const std::string file = std::string(YS_TEST_DATA) + "/answers/tiny-good.json";
    for (int limit : {0, 1, 2}) {
        CancelAfter cancel(limit);  // before reading the file, before writing its round, while writing respondents
        INFO("cancelled at poll " << limit + 1);
        CHECK_THROWS_AS(ys::store::import_files(c, {{file}, {YS_TEST_DATA}, false, &cancel}), ys::store::ImportCancelled);
        CHECK_FALSE(ys::store::find_organisation(c, "fictional-borough-of-eastmere"));
        CHECK(count(c, "SELECT count(*) FROM round") == 1);
    }
    CancelAfter never(1 << 30);
    ys::store::ImportReport r = ys::store::import_files(c, {{file}, {YS_TEST_DATA}, false, &never});
    REQUIRE(r.ok());
    CHECK(ys::store::find_organisation(c, "fictional-borough-of-eastmere"));
    CHECK(never.steps == 2);  // its two respondents
}

TEST_CASE("store: remove_organisation takes away one that holds nothing, and refuses one with rounds or children", "[store][organisations]") {
    Scratch scratch("remove-org.db");
    const std::string round = make_store(scratch.path);  // testshire, with a round
    Connection c = ys::store::open_database(scratch.path);
    ys::store::add_organisation(c, {"testshire-parks", "Testshire Parks (fictional)", "department", "", "", "testshire"});
    ys::store::add_organisation(c, {"typo-shire", "Typo (fictional)", "district", "", "", ""});
    ys::store::set_target(c, {"typo-shire", "tiny-example", "data.quality", "", 3});
    ys::store::add_peer_group(c, "peers", "Peers (fictional)");
    ys::store::add_peer_group_member(c, "peers", "typo-shire");

    ys::store::remove_organisation(c, "typo-shire");
    CHECK_FALSE(ys::store::find_organisation(c, "typo-shire"));
    CHECK(count(c, "SELECT count(*) FROM target WHERE organisation_id = 'typo-shire'") == 0);
    CHECK(count(c, "SELECT count(*) FROM peer_group_member WHERE organisation_id = 'typo-shire'") == 0);

    auto children = refusal([&] { ys::store::remove_organisation(c, "testshire"); });
    CHECK(children.first == "organisation \"testshire\" has 1 organisation under it; move or remove them first");
    CHECK(children.second == Kind::Invalid);
    ys::store::remove_organisation(c, "testshire-parks");
    auto rounds = refusal([&] { ys::store::remove_organisation(c, "testshire"); });
    CHECK(rounds.first == "organisation \"testshire\" has 1 round of answers; it cannot be removed");
    CHECK(ys::store::find_organisation(c, "testshire"));
    auto nowhere = refusal([&] { ys::store::remove_organisation(c, "nowhere"); });
    CHECK(nowhere.first == "organisation \"nowhere\" does not exist");
    CHECK(nowhere.second == Kind::NotFound);
}
