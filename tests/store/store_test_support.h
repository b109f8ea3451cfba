#pragma once
// Shared by the store's newer test files: scratch databases, the tiny check, and running
// yardstick-cli (optionally as another user: the tests run as root, whom permissions do
// not stop, so read-only cases drop to "nobody" in the child).
#include <catch2/catch.hpp>

#ifndef _WIN32
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "../support/portable_test.h"
#include "database.h"
#include "diagnostics.h"
#include "organisations.h"
#include "rounds.h"
#include "store_errors.h"

namespace ys_test {

namespace fs = std::filesystem;

inline void remove_database(const std::string& p) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal", ".v0.bak", ".v1.bak", ".v2.bak", ".v3.bak"}) fs::remove_all(p + suffix, ec);
}

// A path of this process's own under the work folder, removed with its -wal and -shm at the end.
struct Scratch {
    explicit Scratch(const std::string& name)
        : path(std::string(YS_WORK_DIR) + "/" + ys::test::pid_text() + "-" + name) {
        fs::create_directories(YS_WORK_DIR);
        remove_database(path);
    }
    ~Scratch() { remove_database(path); }
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;
    const std::string path;
};

inline std::string slurp(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

inline void spill(const std::string& path, const std::string& bytes) {
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    f << bytes;
}

// A text file in the work folder for one test, removed when the test ends.
struct ScratchTextFile {
    ScratchTextFile(const std::string& name, const std::string& text)
        : path(std::string(YS_WORK_DIR) + "/" + ys::test::pid_text() + "-" + name) {
        std::filesystem::create_directories(YS_WORK_DIR);
        spill(path, text);
    }
    ~ScratchTextFile() {
        std::error_code ec;
        std::filesystem::remove(path, ec);
    }
    const std::string path;
};

inline std::string all_diagnostics(const ys::Diagnostics& d) {
    std::string s;
    for (const auto& x : d.items()) s += ys::to_string(x) + "\n";
    return s;
}

inline const nlohmann::json& tiny_framework() {
    static const nlohmann::json j = nlohmann::json::parse(slurp(std::string(YS_TEST_DATA) + "/frameworks/tiny-example.json"));
    return j;
}

inline const nlohmann::json& tiny_questionnaire() {
    static const nlohmann::json j = nlohmann::json::parse(slurp(std::string(YS_TEST_DATA) + "/questionnaires/tiny-check.json"));
    return j;
}

inline bool one_line(const std::string& s) {
    return !s.empty() && s.find('\n') == std::string::npos && s.find('\r') == std::string::npos;
}

// `f` must be refused with a StoreError of `kind`, in one line containing `what`.
template <class F>
void refused(F f, ys::store::StoreError::Kind kind, const std::string& what) {
    try {
        f();
        FAIL("accepted; expected a refusal containing: " << what);
    } catch (const ys::store::StoreError& e) {
        CHECK(e.kind() == kind);
        CHECK(one_line(e.what()));
        CHECK_THAT(e.what(), Catch::Contains(what));
    }
}

// A database with the organisation "testshire" and an open round of the tiny check; returns its id.
inline std::string make_store(const std::string& path, const std::string& period = "2026") {
    ys::store::Connection c = ys::store::open_database(path);
    if (!ys::store::find_organisation(c, "testshire"))
        ys::store::add_organisation(c, {"testshire", "Testshire (fictional)", "county", "", "", ""});
    return ys::store::new_round(c, "testshire", period, tiny_framework(), tiny_questionnaire()).id;
}

// Raw SQLite, for making what Yardstick itself never would.
inline void raw_exec(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    REQUIRE(rc == SQLITE_OK);
    char* err = nullptr;
    rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
    std::string message = err ? err : "";
    sqlite3_free(err);
    sqlite3_close(db);
    INFO(message);
    REQUIRE(rc == SQLITE_OK);
}

#ifndef _WIN32  // running yardstick-cli: fork and exec (the tests that do are POSIX only)
struct Run {
    int code = -1;  // exit code, or -signal
    std::string out, err;
};

// A program started by start(): its process and the files its output goes to.
struct Started {
    pid_t pid = -1;
    std::string out, err;
};

// Starts a program; with `uid` >= 0 the child first drops to that user and group. Output
// goes through files beside the scratch databases, so no pipe can fill up.
inline Started start(const std::vector<std::string>& args, int uid = -1) {
    static int serial = 0;
    const std::string base = std::string(YS_WORK_DIR) + "/" + std::to_string(::getpid()) + "-run" + std::to_string(++serial);
    fs::create_directories(YS_WORK_DIR);
    int out = ::open((base + ".out").c_str(), O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0600);
    int err = ::open((base + ".err").c_str(), O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0600);
    REQUIRE(out >= 0);
    REQUIRE(err >= 0);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::dup2(out, 1);
        ::dup2(err, 2);
        int in = ::open("/dev/null", O_RDONLY);
        if (in >= 0) ::dup2(in, 0);
        if (uid >= 0 && (::setgid(static_cast<gid_t>(uid)) != 0 || ::setuid(static_cast<uid_t>(uid)) != 0)) ::_exit(126);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    ::close(out);
    ::close(err);
    return {pid, base + ".out", base + ".err"};
}

// Waits for a started program and collects what it printed.
inline Run finish(const Started& s) {
    int status = 0;
    while (::waitpid(s.pid, &status, 0) < 0 && errno == EINTR) {
    }
    Run r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : WIFSIGNALED(status) ? -WTERMSIG(status) : -1000;
    r.out = slurp(s.out);
    r.err = slurp(s.err);
    std::error_code ec;
    fs::remove(s.out, ec);
    fs::remove(s.err, ec);
    return r;
}

// Runs a program to its end.
inline Run run(const std::vector<std::string>& args, int uid = -1) { return finish(start(args, uid)); }
#endif

}  // namespace ys_test
