// The database file itself: made owner-only when opened for writing (or a warning), an
// empty file taken as a new database, and a database in a read-only folder (or a read-only
// file) still readable by the reading commands. The tests run as root, whom permissions do
// not stop, so the read-only cases run yardstick-cli as "nobody".
#include <catch2/catch.hpp>

// POSIX only: file modes, and yardstick-cli run as another user (Windows has neither).
#ifndef _WIN32

#include <sys/stat.h>

#include "store_test_support.h"

using namespace ys_test;
using ys::store::Connection;

namespace {

constexpr int kNobody = 65534;

unsigned mode_of(const std::string& path) {
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

// A folder of this test's own under the work folder, that "nobody" can reach; removed at the end.
struct Folder {
    explicit Folder(const std::string& name) : path(std::string(YS_WORK_DIR) + "/" + ys::test::pid_text() + "-" + name) {
        std::error_code ec;
        fs::remove_all(path, ec);
        fs::create_directories(path);
        ::chmod(path.c_str(), 0755);
    }
    ~Folder() {
        ::chmod(path.c_str(), 0755);
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    const std::string path;
};

std::vector<std::string> cli_db(const std::string& db, std::vector<std::string> args) {
    args.insert(args.begin(), YS_CLI);
    args.push_back("--db");
    args.push_back(db);
    return args;
}

// A database with one organisation and round, every connection closed (no -wal or -shm left).
std::string settled_store(const std::string& path) {
    std::string round = make_store(path);
    REQUIRE_FALSE(fs::exists(path + "-wal"));
    return round;
}

}  // namespace

TEST_CASE("db files: a database readable by others is made owner-only when opened", "[store][files]") {
    Scratch db("loose.db");
    settled_store(db.path);
    ::chmod(db.path.c_str(), 0644);
    Connection c = ys::store::open_database(db.path);
    c.scalar_int("SELECT count(*) FROM organisation");
    CHECK(mode_of(db.path) == 0600);
    for (const std::string& side : {db.path + "-wal", db.path + "-shm"})
        if (fs::exists(side)) CHECK(mode_of(side) == 0600);
    // A -shm left readable by others (by another tool) is tightened too.
    ::chmod((db.path + "-shm").c_str(), 0666);
    ys::store::OpenReport report;
    Connection again = ys::store::open_database(db.path, {}, &report);
    CHECK(mode_of(db.path + "-shm") == 0600);
    CHECK(report.warnings.empty());
}

TEST_CASE("db files: when the mode cannot be tightened, a warning says so", "[store][files]") {
    Folder dir("loose-not-mine");
    ::chmod(dir.path.c_str(), 0777);  // nobody may make the -wal and -shm here
    const std::string db = dir.path + "/shared.db";
    settled_store(db);
    ::chmod(db.c_str(), 0666);  // root's file: nobody can write it but not chmod it
    Run r = run(cli_db(db, {"org", "list"}), kNobody);
    INFO(r.out << r.err);
    CHECK(r.code == 0);
    CHECK(r.out.find("testshire") != std::string::npos);
    CHECK(r.err.find("warning: " + db + ": others can read this database file (mode 666)") != std::string::npos);
    CHECK(r.err.find("chmod 600") != std::string::npos);
    CHECK(mode_of(db) == 0666);
}

TEST_CASE("db files: an empty file is taken as a new database, owner-only", "[store][files]") {
    Scratch db("empty.db");
    spill(db.path, "");
    ::chmod(db.path.c_str(), 0644);
    ys::store::OpenReport report;
    {
        Connection c = ys::store::open_database(db.path, {}, &report);
        CHECK(c.scalar_int("PRAGMA user_version") == ys::store::kSchemaVersion);
    }
    CHECK(report.created);
    CHECK(mode_of(db.path) == 0600);
    Run r = run(cli_db(db.path, {"org", "add", "a", "--name", "A", "--type", "other"}));
    CHECK(r.code == 0);
}

TEST_CASE("db files: a database in a read-only folder can still be read, and writes are refused cleanly", "[store][files]") {
    Folder dir("read-only-folder");
    const std::string db = dir.path + "/council.db";
    const std::string round = settled_store(db);
    {
        Connection c = ys::store::open_database(db);  // root: one answer to score and export
        ys::store::add_respondent(c, round, "analyst", "", "", "r1");
        ys::store::set_answer(c, round, "r1", "q-quality", {{"value", "level-2"}}, 1767225600);
    }
    SECTION("a file anyone may read, in a folder of root's") { ::chmod(db.c_str(), 0644); }
    SECTION("nobody's own writable file, in a folder of root's where no -shm can be made") {
        REQUIRE(::chown(db.c_str(), kNobody, kNobody) == 0);
        ::chmod(db.c_str(), 0600);
    }
    const std::string exported = "/tmp/" + std::to_string(::getpid()) + "-read-only-export.csv";
    for (const auto& args : std::vector<std::vector<std::string>>{{"org", "list"},
                                                                  {"round", "list"},
                                                                  {"score", "--round", round, "--format", "csv"},
                                                                  {"export", "--round", round, "--csv", exported}}) {
        Run r = run(cli_db(db, args), kNobody);
        INFO(args[0] << " " << args[1] << ": " << r.out << r.err);
        CHECK(r.code == 0);
        if (args[0] == "org") CHECK(r.out.find("testshire") != std::string::npos);
        if (args[0] == "round") CHECK(r.out.find(round) != std::string::npos);
    }
    CHECK(slurp(exported).find("level-2") != std::string::npos);
    std::error_code ec;
    fs::remove(exported, ec);
    const std::string before = slurp(db);
    Run add = run(cli_db(db, {"org", "add", "new", "--name", "New", "--type", "other"}), kNobody);
    INFO(add.err);
    CHECK(add.code == 4);  // exit_code::output_failed
    CHECK(one_line(add.err.substr(0, add.err.size() - 1)));  // one line, ended
    CHECK(add.err.find("can only be read here") != std::string::npos);
    CHECK(slurp(db) == before);
    CHECK_FALSE(fs::exists(db + "-wal"));
}

TEST_CASE("db files: a read-only database file in a writable folder can be read", "[store][files]") {
    Folder dir("read-only-file");
    REQUIRE(::chown(dir.path.c_str(), kNobody, kNobody) == 0);
    const std::string db = dir.path + "/council.db";
    settled_store(db);
    REQUIRE(::chown(db.c_str(), kNobody, kNobody) == 0);
    ::chmod(db.c_str(), 0400);
    const std::string before = slurp(db);
    Run list = run(cli_db(db, {"org", "list"}), kNobody);
    INFO(list.err);
    CHECK(list.code == 0);
    CHECK(list.out.find("testshire") != std::string::npos);
    Run add = run(cli_db(db, {"org", "add", "new", "--name", "New", "--type", "other"}), kNobody);
    CHECK(add.code == 4);
    CHECK(slurp(db) == before);
    // And through the store: asked for reading only, nothing is made or changed.
    ys::store::OpenOptions ro;
    ro.read_only = true;
    ys::store::OpenReport report;
    Connection c = ys::store::open_database(db, ro, &report);
    CHECK(report.read_only);
    CHECK(c.scalar_int("SELECT count(*) FROM organisation") == 1);
}

#endif  // _WIN32
