// Every command that writes a file refuses an output that is the database (or its -wal,
// -shm, backups), one of its inputs, its other output, or not a regular file: exit 3, one
// line naming the option, and every file byte-identical afterwards.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

#include "cli_run.h"

namespace fs = std::filesystem;
using namespace ys::test;

namespace {

// A folder of files per test case, with a database holding Eastmere's rounds.
struct Setup {
    std::string dir, db;
    Setup(const std::string& name) {
        dir = std::string(YS_WORK_DIR) + "/outputs-" + name + "-" + std::to_string(::getpid());
        fs::remove_all(dir);
        fs::create_directories(dir + "/folder");
        db = dir + "/yardstick.db";
        Run imp = cli("import --db " + db + " examples/answers/eastmere-2025-full.json examples/answers/eastmere-2026-full.json");
        INFO(imp.err);
        REQUIRE(imp.code == 0);
        REQUIRE(::mkfifo((dir + "/pipe").c_str(), 0600) == 0);
        copy("examples/answers/eastmere-2026-full.json", "answers.json");
        copy("examples/targets/eastmere-2027.json", "targets.json");
        copy("frameworks/roles/assumptions-england-2025.json", "assumptions.json");
        copy("frameworks/roles/council-data-roles.json", "roles.json");
        copy("reports/action-plan.json", "template.json");
        fs::copy_file(db, db + ".v1.bak");
    }
    ~Setup() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
    void copy(const std::string& from, const std::string& to) const {
        fs::copy_file(std::string(YS_SOURCE_DIR) + "/" + from, dir + "/" + to);
    }
    std::string operator/(const std::string& name) const { return dir + "/" + name; }
    // Every regular file of the folder, and its bytes.
    std::map<std::string, std::string> files() const {
        std::map<std::string, std::string> all;
        for (const auto& e : fs::recursive_directory_iterator(dir))
            if (e.is_regular_file()) all[e.path().string()] = slurp(e.path().string());
        return all;
    }
};

// The command is refused with exit 3 and one line naming `says`; nothing changed.
void refused(const Setup& s, const std::string& args, const std::string& says) {
    const auto before = s.files();
    Run r = cli(args);
    INFO(args);
    INFO(r.err);
    CHECK(r.code == 3);
    CHECK(count_lines(r.err) == 1);
    CHECK(r.err.find(says) != std::string::npos);
    CHECK(s.files() == before);
    CHECK(fs::is_fifo(s / "pipe"));
    CHECK(fs::is_directory(s / "folder"));
}

unsigned mode_of(const std::string& path) {
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

}  // namespace

TEST_CASE("cli outputs: export refuses the database, its files, a link to it, a FIFO and a folder", "[cli][outputs]") {
    Setup s("export");
    fs::create_symlink(s.db, s / "link.db");
    const std::string rounds = " --org eastmere --db " + s.db;
    refused(s, "export --csv " + s.db + rounds, "--csv " + s.db + ": is the database");
    refused(s, "export --bundle " + s.dir + "/./yardstick.db" + rounds, "is the database");
    refused(s, "export --bundle " + s / "link.db" + rounds, "--bundle " + s / "link.db" + ": is the database");
    refused(s, "export --csv " + s.db + "-wal" + rounds, "write-ahead log");
    refused(s, "export --csv " + s.db + "-shm" + rounds, "shared-memory file");
    refused(s, "export --bundle " + s.db + ".v1.bak" + rounds, "a backup of the database");
    refused(s, "export --csv " + s / "pipe" + rounds, "named pipe (FIFO)");
    refused(s, "export --bundle " + s / "folder" + rounds, "is a folder");
    refused(s, "export --csv /dev/null" + rounds, "is a device");
}

TEST_CASE("cli outputs: the default database is protected when --db is not given", "[cli][outputs]") {
    const std::string home = std::string(YS_WORK_DIR) + "/xdg/yardstick";
    fs::create_directories(home);
    const std::string db = home + "/yardstick.db";
    const bool existed = fs::exists(db);
    Run r = cli("score examples/answers/northwold-2026-quick.json --out " + db);
    CHECK(r.code == 3);
    CHECK(r.err.find("is the database") != std::string::npos);
    CHECK(fs::exists(db) == existed);
}

TEST_CASE("cli outputs: score refuses its answer files, --targets, --with and the database", "[cli][outputs]") {
    Setup s("score");
    fs::create_hard_link(s / "targets.json", s / "hard.json");
    const std::string files = " " + s / "answers.json" + " --targets " + s / "targets.json" + " --db " + s.db;
    refused(s, "score --out " + s / "answers.json" + files, "--out " + s / "answers.json" + ": is the same file as answer file");
    refused(s, "score --out " + s / "hard.json" + files, "is the same file as --targets " + s / "targets.json");
    refused(s, "score --out " + s.db + files, "is the database");
    refused(s, "score --format csv --round eastmere.2026.council-full --out " + s.db + "-wal --db " + s.db,
            "write-ahead log");
    refused(s, "score --out " + s / "folder" + files, "is a folder");
    refused(s, "score --out " + s / "pipe" + files, "named pipe");
    // --with: a framework file read besides the libraries.
    s.copy("frameworks/council-data-maturity.json", "fw.json");
    refused(s, "score --with " + s / "fw.json" + " --out " + s / "fw.json" + files, "is the same file as --with");
}

TEST_CASE("cli outputs: roadmap and benchmark refuse the database, the role files and special files", "[cli][outputs]") {
    Setup s("roadmap");
    const std::string db = " --db " + s.db;
    refused(s, "roadmap --assumptions " + s / "assumptions.json" + " --out " + s / "assumptions.json" + db,
            "is the same file as the assumptions");
    refused(s, "roadmap --roles " + s / "roles.json" + " --out " + s.dir + "/folder/../roles.json" + db,
            "is the same file as the role catalogue");
    refused(s, "roadmap --round eastmere.2026.council-full --out " + s.db + db, "is the database");
    refused(s, "roadmap --out " + s / "pipe" + db, "named pipe");
    refused(s, "benchmark --org eastmere --out " + s.db + db, "--out " + s.db + ": is the database");
    refused(s, "benchmark --org eastmere --out " + s.db + ".v1.bak" + db, "a backup of the database");
    refused(s, "benchmark --org eastmere --out " + s / "folder" + db, "is a folder");
    refused(s, "benchmark --org eastmere --out " + s / "pipe" + db, "named pipe");
}

TEST_CASE("cli outputs: report refuses one file for PDF and HTML, the template, the database", "[cli][outputs][report]") {
    Setup s("report");
    const std::string plan = "report action-plan --org eastmere --db " + s.db;
    refused(s, plan + " --out " + s / "r.pdf" + " --html " + s.dir + "/./r.pdf", "is the same file as the PDF file");
    refused(s, plan + " --template " + s / "template.json" + " --out " + s / "r.pdf" + " --html " + s / "template.json",
            "is the same file as the report template");
    refused(s, plan + " --out " + s.db, "the PDF file " + s.db + ": is the database");
    refused(s, plan + " --out " + s / "r.pdf" + " --html " + s.db + "-shm", "the HTML file");
    refused(s, plan + " --out " + s / "folder", "is a folder");
    refused(s, plan + " --out " + s / "pipe", "named pipe");
    refused(s, "report business-case --org eastmere --assumptions " + s / "assumptions.json" + " --out " +
                   s / "assumptions.json --db " + s.db,
            "is the same file as the assumptions");
    CHECK_FALSE(fs::exists(s / "r.pdf"));
}

TEST_CASE("cli outputs: new exports of names are 0600, anonymised ones are not, a replaced file keeps its bits",
          "[cli][outputs]") {
    Setup s("modes");
    const mode_t mask = ::umask(022);
    ::umask(mask);
    const std::string rounds = " --org eastmere --db " + s.db;
    REQUIRE(cli("export --csv " + s / "people.csv" + rounds).code == 0);
    CHECK(mode_of(s / "people.csv") == 0600);
    REQUIRE(cli("export --bundle " + s / "people.json" + rounds).code == 0);
    CHECK(mode_of(s / "people.json") == 0600);
    REQUIRE(cli("export --anonymise --csv " + s / "anon.csv" + rounds).code == 0);
    CHECK(mode_of(s / "anon.csv") == (0666u & ~static_cast<unsigned>(mask)));
    REQUIRE(cli("report action-plan --org eastmere --out " + s / "plan.pdf --db " + s.db).code == 0);
    CHECK(mode_of(s / "plan.pdf") == 0600);
    REQUIRE(cli("score --respondents --round eastmere.2026.council-full --out " + s / "each.txt --db " + s.db)
                .code == 0);
    CHECK(mode_of(s / "each.txt") == 0600);

    REQUIRE(::chmod((s / "people.csv").c_str(), 0640) == 0);
    REQUIRE(cli("export --csv " + s / "people.csv" + rounds).code == 0);
    CHECK(mode_of(s / "people.csv") == 0640);
    // Nothing left beside them: no temporaries.
    for (const auto& e : fs::directory_iterator(s.dir)) CHECK(e.path().filename().string().find(".tmp-") == std::string::npos);
}
