#pragma once
// Running yardstick-cli as a user does, for the CLI tests: a real process from the source
// tree with the shipped library only, its output, errors and exit code.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <functional>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <vector>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace ys::test {

struct Run {
    int code = -1;
    std::string out;
    std::string err;
};

inline std::string slurp(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

inline void spit(const std::string& path, const std::string& text) {
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    f << text;
}

inline std::string repeat(const std::string& s, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}

// XDG_DATA_HOME is YS_WORK_DIR/xdg, so the default database is YS_WORK_DIR/xdg/yardstick/yardstick.db.
inline Run cli(const std::string& args) {
    // ctest runs test cases in parallel processes: every call gets files of its own.
    static int calls = 0;
    std::string tag = std::to_string(::getpid()) + "-" + std::to_string(++calls);
    std::filesystem::create_directories(YS_WORK_DIR);
    std::string out = std::string(YS_WORK_DIR) + "/out-" + tag + ".txt";
    std::string err = std::string(YS_WORK_DIR) + "/err-" + tag + ".txt";
    std::string cmd = std::string("cd ") + YS_SOURCE_DIR + " && XDG_DATA_HOME=" + YS_WORK_DIR + "/xdg YARDSTICK_DATA_DIR=" +
                      YS_SOURCE_DIR + " " + YS_CLI + " " + args + " > " + out + " 2> " + err + " < /dev/null";
    int status = std::system(cmd.c_str());
    Run r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(out);
    r.err = slurp(err);
    std::filesystem::remove(out);
    std::filesystem::remove(err);
    return r;
}

// Runs the CLI with exactly these argument bytes (no shell: nothing is quoted or expanded),
// from the source tree, with the same environment as cli(string).
inline Run cli(const std::vector<std::string>& args) {
    static int calls = 0;
    const std::string tag = std::to_string(::getpid()) + "-v" + std::to_string(++calls);
    std::filesystem::create_directories(YS_WORK_DIR);
    const std::string out = std::string(YS_WORK_DIR) + "/out-" + tag + ".txt", err = std::string(YS_WORK_DIR) + "/err-" + tag + ".txt";
    pid_t pid = ::fork();
    if (pid == 0) {
        int o = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        int e = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        int n = ::open("/dev/null", O_RDONLY);
        ::dup2(o, 1), ::dup2(e, 2), ::dup2(n, 0);
        if (::chdir(YS_SOURCE_DIR) != 0) ::_exit(127);
        ::setenv("XDG_DATA_HOME", (std::string(YS_WORK_DIR) + "/xdg").c_str(), 1);
        ::setenv("YARDSTICK_DATA_DIR", YS_SOURCE_DIR, 1);
        std::vector<char*> argv;
        argv.push_back(const_cast<char*>(YS_CLI));
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        ::execv(YS_CLI, argv.data());
        ::_exit(127);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    Run r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(out);
    r.err = slurp(err);
    std::filesystem::remove(out);
    std::filesystem::remove(err);
    return r;
}

// A database's bytes with its write-ahead log, hashed: what a refusal must leave alone.
inline std::size_t database_hash(const std::string& db) {
    return std::hash<std::string>{}(slurp(db) + "|" + slurp(db + "-wal"));
}

inline int count_lines(const std::string& s) {
    int n = 0;
    for (char c : s) n += c == '\n';
    return n;
}


// A database of its own in the test's work folder with the fictional organisation
// "northmoor" in it, removed afterwards.
struct NorthmoorDb {
    std::string dir, path;
    NorthmoorDb(const std::string& kind, const std::string& name) {
        dir = std::string(YS_WORK_DIR) + "/" + kind + "-" + name + "-" + std::to_string(::getpid());
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        path = dir + "/yardstick.db";
        Run r = cli("org add northmoor --name \"Northmoor Borough Council\" --type unitary --db " + path);
        INFO(r.err);
        REQUIRE(r.code == 0);
    }
    ~NorthmoorDb() { std::filesystem::remove_all(dir); }
    NorthmoorDb(const NorthmoorDb&) = delete;
    NorthmoorDb& operator=(const NorthmoorDb&) = delete;
};

// A folder of the test's own, YS_WORK_DIR/PREFIX-NAME-PID, with a database path in it (the
// database is made by the test's first import), removed afterwards.
struct WorkFolder {
    std::string dir, db;
    WorkFolder(const std::string& prefix, const std::string& name) {
        dir = std::string(YS_WORK_DIR) + "/" + prefix + "-" + name + "-" + std::to_string(::getpid());
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        db = dir + "/yardstick.db";
    }
    ~WorkFolder() { std::filesystem::remove_all(dir); }
    WorkFolder(const WorkFolder&) = delete;
    WorkFolder& operator=(const WorkFolder&) = delete;
};

// A fresh folder of the test's own, YS_WORK_DIR/NAME-PID.
inline std::string work_dir(const std::string& name) {
    const std::string dir = std::string(YS_WORK_DIR) + "/" + name + "-" + std::to_string(::getpid());
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

// pdftotext's words, one space apart ("" when it fails); with layout, a table row stays on
// one line (without, a wrapped cell's words stay together).
inline std::string pdf_words(const std::string& pdf, bool layout = false) {
    const std::string txt = pdf + ".txt";
    if (std::system(("pdftotext " + std::string(layout ? "-layout " : "") + pdf + " " + txt + " 2>/dev/null").c_str()) != 0)
        return {};
    std::string out;
    for (char c : slurp(txt)) {
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f';
        if (space && (out.empty() || out.back() == ' ')) continue;
        out += space ? ' ' : c;
    }
    return out;
}

}  // namespace ys::test
