// Outputs never clobber the database, an input, another output or a special file; a
// replaced file keeps its permissions; a new personal export is 0600; temporaries never
// stay behind.
#include <catch2/catch.hpp>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#ifndef _WIN32
#include <sys/stat.h>
#include <unistd.h>
#endif

#include "../support/portable_test.h"
#include "atomic_file.h"
#include "io/output_path.h"

namespace fs = std::filesystem;
using namespace ys;

namespace {

// A folder of its own per test (ctest runs test cases in parallel processes).
struct TempDir {
    std::string path;
    TempDir() {
        static int serial = 0;
        for (;;) {  // a name no other process (of this test run) has made
            fs::path p = fs::temp_directory_path() / ("ys-output-" + ys::test::pid_text() + "-" + std::to_string(++serial));
            if (fs::create_directory(p)) {
                path = p.string();
                break;
            }
        }
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    std::string operator/(const std::string& name) const { return path + "/" + name; }
};

void put(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

std::string slurp(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

#ifndef _WIN32
unsigned mode_of(const std::string& path) {
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    return st.st_mode & 07777;
}
#endif

std::size_t entries(const std::string& dir) {
    std::size_t n = 0;
    for (auto it = fs::directory_iterator(dir); it != fs::directory_iterator(); ++it) ++n;
    return n;
}

[[maybe_unused]] OutputCheck check_one(const std::string& out, const std::vector<LabelledPath>& inputs, const std::string& db = {}) {
    return check_outputs(OutputPlan{{{"--out", out}}, inputs, db});
}

}  // namespace

#ifndef _WIN32  // symbolic links need a privilege on Windows
TEST_CASE("output path: an input reached through a link, a hard link or another spelling is refused", "[output]") {
    TempDir d;
    put(d / "answers.json", "{}");
    fs::create_symlink(d / "answers.json", d / "link.json");
    fs::create_hard_link(d / "answers.json", d / "hard.json");
    fs::create_directory(d / "sub");
    const std::vector<LabelledPath> in = {{"answer file", d / "answers.json"}};
    for (const std::string& out : {d / "answers.json", d / "link.json", d / "hard.json", d / "./answers.json",
                                   d / "sub/../answers.json"}) {
        INFO(out);
        OutputCheck c = check_one(out, in);
        CHECK(c.refusal == OutputRefusal::clash);
        CHECK(c.message.find("--out " + out + ": is the same file as answer file") == 0);
        CHECK(c.message.find('\n') == std::string::npos);
    }
    // A different file, even of the same name elsewhere, is fine.
    put(d / "sub/answers.json", "{}");
    CHECK(check_one(d / "sub/answers.json", in).ok());
    CHECK(check_one(d / "new.json", in).ok());
}
#endif

#ifndef _WIN32  // symbolic links need a privilege on Windows
TEST_CASE("output path: two outputs of one command may not be one file, existing or not", "[output]") {
    TempDir d;
    fs::create_directory(d / "sub");
    fs::create_directory_symlink(d / "sub", d / "linked");
    OutputCheck c = check_outputs({{{"--out", d / "r.pdf"}, {"--html", d / "sub/../r.pdf"}}, {}, {}});
    CHECK(c.refusal == OutputRefusal::clash);
    CHECK(c.message.find("--html " + d / "sub/../r.pdf" + ": is the same file as --out " + d / "r.pdf") == 0);
    CHECK(check_outputs({{{"--out", d / "sub/r.pdf"}, {"--html", d / "linked/r.pdf"}}, {}, {}}).refusal ==
          OutputRefusal::clash);
    put(d / "r.pdf", "old");
    CHECK(check_outputs({{{"--out", d / "r.pdf"}, {"--html", d / "./r.pdf"}}, {}, {}}).refusal == OutputRefusal::clash);
    CHECK(check_outputs({{{"--out", d / "r.pdf"}, {"--html", d / "r.html"}}, {}, {}}).ok());
}
#endif

#ifndef _WIN32  // symbolic links need a privilege on Windows
TEST_CASE("output path: the database, its -wal, -shm, -journal and backups are refused", "[output]") {
    TempDir d;
    const std::string db = d / "yardstick.db";
    put(db, "SQLite format 3");
    put(d / "yardstick.db.v1.bak", "old");
    for (const std::string& out : {db, d / "./yardstick.db", db + "-wal", db + "-shm", db + "-journal",
                                   d / "yardstick.db.v1.bak", d / "yardstick.db.v7.bak", d / "yardstick.db.bak"}) {
        INFO(out);
        OutputCheck c = check_one(out, {}, db);
        CHECK(c.refusal == OutputRefusal::clash);
        CHECK(c.message.find("destroy the data") != std::string::npos);
    }
    // Through a link to the database, and a hard link to its backup elsewhere.
    fs::create_directory(d / "elsewhere");
    fs::create_symlink(db, d / "elsewhere/link.db");
    fs::create_hard_link(d / "yardstick.db.v1.bak", d / "elsewhere/copy.bak");
    CHECK(check_one(d / "elsewhere/link.db", {}, db).refusal == OutputRefusal::clash);
    CHECK(check_one(d / "elsewhere/copy.bak", {}, db).refusal == OutputRefusal::clash);
    // The database given through a link: its -wal beside the real file is protected too.
    CHECK(check_one(db + "-wal", {}, d / "elsewhere/link.db").refusal == OutputRefusal::clash);
    CHECK(check_one(d / "elsewhere/link.db-wal", {}, d / "elsewhere/link.db").refusal == OutputRefusal::clash);
    // Names that only start like the database's are other files.
    for (const std::string& out : {d / "yardstick.db.csv", d / "yardstick.dbx", d / "yardstick.db-wal.csv", d / "other.db.bak"})
        CHECK(check_one(out, {}, db).ok());
}
#endif

#ifndef _WIN32  // FIFOs and /dev/null are POSIX's
TEST_CASE("output path: folders, FIFOs and devices are refused, and write_file_atomic does not touch them", "[output]") {
    TempDir d;
    fs::create_directory(d / "folder");
    REQUIRE(::mkfifo((d / "pipe").c_str(), 0600) == 0);
    fs::create_symlink(d / "pipe", d / "pipe-link");
    struct Case {
        std::string path;
        const char* says;
    };
    for (const Case& k : {Case{d / "folder", "is a folder"}, Case{d / "folder/", "names a folder"},
                          Case{d / "pipe", "named pipe (FIFO)"}, Case{d / "pipe-link", "named pipe (FIFO)"},
                          Case{"/dev/null", "is a device"}}) {
        INFO(k.path);
        OutputCheck c = check_one(k.path, {});
        CHECK(c.refusal == OutputRefusal::not_a_file);
        CHECK(c.message.find(k.says) != std::string::npos);
        std::string error;
        CHECK_FALSE(write_file_atomic(k.path, "text", error));
        CHECK(error.find(k.says) != std::string::npos);
    }
    CHECK(fs::is_directory(d / "folder"));
    CHECK(fs::is_fifo(d / "pipe"));
    CHECK(fs::is_symlink(d / "pipe-link"));
    CHECK(fs::is_character_file("/dev/null"));
    CHECK(entries(d.path) == 3);  // no temporary left behind
}
#endif

#ifndef _WIN32  // Windows has no mode bits
TEST_CASE("write_file_atomic: a replaced file keeps its permission bits, a new personal export is 0600", "[output]") {
    TempDir d;
    std::string error;
    put(d / "shared.csv", "old");
    REQUIRE(::chmod((d / "shared.csv").c_str(), 0640) == 0);
    REQUIRE(write_file_atomic(d / "shared.csv", "new", error, WriteOptions{true}));
    CHECK(slurp(d / "shared.csv") == "new");
    CHECK(mode_of(d / "shared.csv") == 0640);

    REQUIRE(write_file_atomic(d / "people.csv", "names", error, WriteOptions{true}));
    CHECK(mode_of(d / "people.csv") == 0600);

    const mode_t mask = ::umask(022);
    ::umask(mask);
    REQUIRE(write_file_atomic(d / "plain.csv", "numbers", error));
    CHECK(mode_of(d / "plain.csv") == (0666u & ~static_cast<unsigned>(mask)));
    CHECK(entries(d.path) == 3);
}
#endif

TEST_CASE("write_file_atomic: a link is followed and kept, a failure leaves the old file and no temporary", "[output]") {
    TempDir d;
    std::string error;
    fs::create_directory(d / "real");
    put(d / "real/report.csv", "old");
#ifdef _WIN32
    put(d / "report.csv", "old");  // symbolic links need a privilege on Windows: a plain file
    REQUIRE(write_file_atomic(d / "report.csv", "new", error));
    CHECK(slurp(d / "report.csv") == "new");
#else
    fs::create_symlink(d / "real/report.csv", d / "report.csv");
    REQUIRE(write_file_atomic(d / "report.csv", "new", error));
    CHECK(fs::is_symlink(d / "report.csv"));
    CHECK(slurp(d / "real/report.csv") == "new");
#endif
    CHECK(entries(d / "real") == 1);

    CHECK_FALSE(write_file_atomic(d / "no/such/folder/x.csv", "x", error));
    CHECK(error.find("the folder does not exist") != std::string::npos);

    // Two files: the second cannot be written, so the first is not replaced either.
    put(d / "a.pdf", "old a");
    const std::string a = "new a", b = "new b";
    CHECK_FALSE(write_files_atomic({{d / "a.pdf", &a, {}}, {d / "no/such/b.html", &b, {}}}, error));
    CHECK(slurp(d / "a.pdf") == "old a");
    CHECK(entries(d.path) == 3);  // real/, report.csv, a.pdf and nothing else
}

TEST_CASE("write_file_atomic: writers of one file at once never share a temporary", "[output]") {
    // Threads of one process: a temporary named by the process id alone would be shared.
    TempDir d;
    const std::string path = d / "shared.csv";
    constexpr int kWriters = 8;
    std::atomic<int> failures{0};
    std::vector<std::thread> writers;
    for (int i = 0; i < kWriters; ++i)
        writers.emplace_back([&, i] {
            // Each writes its own letter many times over: a mixed file would show two.
            std::string error;
            for (int round = 0; round < 20; ++round)
                if (!write_file_atomic(path, std::string(200000, static_cast<char>('a' + i)), error)) ++failures;
        });
    for (auto& t : writers) t.join();
    CHECK(failures == 0);
    const std::string text = slurp(path);
    REQUIRE(text.size() == 200000);
    CHECK(text.find_first_not_of(text.front()) == std::string::npos);
    CHECK(entries(d.path) == 1);
}
