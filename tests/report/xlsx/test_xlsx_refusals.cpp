// export --xlsx refuses, with one line and before anything is written: an output that is
// the database, an input or a folder; options of another workbook; a missing selection.
// Every refusal leaves every file byte-identical and no scratch file behind.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>

#include "../../support/portable_test.h"
#include "cli_run.h"

using namespace ys::test;

namespace {

struct Folder {
    std::string dir, db;
    Folder() {
        dir = std::string(YS_WORK_DIR) + "/refusals-" + ys::test::pid_text();
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        db = dir + "/councils.db";
        REQUIRE(cli("import --db " + db + " examples/answers/eastmere-2026-full.json").code == 0);
    }
    ~Folder() { std::filesystem::remove_all(dir); }
    // Every file's bytes, by name.
    std::map<std::string, std::string> snapshot() const {
        std::map<std::string, std::string> out;
        for (const auto& e : std::filesystem::directory_iterator(dir))
            if (e.is_regular_file()) out[e.path().filename().string()] = slurp(e.path().string());
        return out;
    }
};

}  // namespace

TEST_CASE("export --xlsx: an output that is the database, an input or a folder is refused, nothing changed",
          "[xlsx][cli]") {
    Folder f;
    std::ofstream(f.dir + "/plan.json", std::ios::binary) << slurp(std::string(YS_SOURCE_DIR) + "/examples/scenarios/northmoor-data-team.json");
    std::ofstream(f.dir + "/old.xlsx", std::ios::binary) << "an old workbook";
    std::filesystem::create_directory(f.dir + "/folder.xlsx");
    const auto before = f.snapshot();

    Run db = cli("export --db " + f.db + " --xlsx " + f.db + " --round eastmere.2026.council-full");
    CHECK(db.code == 3);
    CHECK(db.err.rfind("yardstick-cli export: ", 0) == 0);
    CHECK(db.err.find("database") != std::string::npos);
    CHECK(count_lines(db.err) == 1);

    Run input = cli("export --db " + f.db + " --xlsx " + f.dir + "/plan.json --roadmap --org eastmere --scenario " + f.dir +
                    "/plan.json");
    CHECK(input.code == 3);
    CHECK(input.err.find("scenario") != std::string::npos);
    CHECK(count_lines(input.err) == 1);

    Run folder = cli("export --db " + f.db + " --xlsx " + f.dir + "/folder.xlsx --round eastmere.2026.council-full");
    CHECK(folder.code == 3);
    CHECK(folder.err.find("folder.xlsx") != std::string::npos);
    CHECK(folder.err.find("is a folder, not a file") != std::string::npos);

    // A round that is not there: the old workbook stays as it was.
    Run missing = cli("export --db " + f.db + " --xlsx " + f.dir + "/old.xlsx --round nowhere.2026.council-full");
    CHECK(missing.code == 2);
    CHECK(missing.err.find("nowhere.2026.council-full") != std::string::npos);
    CHECK(count_lines(missing.err) == 1);

    // A database that is not there is not made.
    Run nodb = cli("export --db " + f.dir + "/none.db --xlsx " + f.dir + "/new.xlsx --round eastmere.2026.council-full");
    CHECK(nodb.code != 0);
    CHECK_FALSE(std::filesystem::exists(f.dir + "/none.db"));

    CHECK(f.snapshot() == before);  // byte-identical, and no scratch file left
    CHECK(std::filesystem::is_directory(f.dir + "/folder.xlsx"));
}

TEST_CASE("export --xlsx: usage errors are one line, exit 3, and write nothing", "[xlsx][cli]") {
    Folder f;
    const std::string out = " --db " + f.db + " --xlsx " + f.dir + "/out.xlsx";
    const auto before = f.snapshot();
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"", "--xlsx needs --round ID (a round's results), --benchmark or --roadmap"},
        {" --benchmark --roadmap", "one workbook at a time"},
        {" --benchmark --round eastmere.2026.council-full", "--round is for a round's results or --roadmap, not --benchmark"},
        {" --benchmark", "say which organisations: --group ID, --children-of ID or --org ID"},
        {" --benchmark --org eastmere --min-coverage 2", "--min-coverage must be a number from 0 to 1, not \"2\""},
        {" --benchmark --org eastmere --team performance-information-analyst=1", "are for --roadmap, not --benchmark"},
        {" --round eastmere.2026.council-full --group g", "--group is for --benchmark, not a round's results"},
        {" --round eastmere.2026.council-full --scenario x.json", "--scenario is for --roadmap, not a round's results"},
        {" --round eastmere.2026.council-full --team performance-information-analyst=1", "say which workbook"},
        {" --roadmap --anonymise --org eastmere", "--anonymise is for a round's results or --benchmark"},
        {" --roadmap --org eastmere --round eastmere.2026.council-full", "give --round or --org, not both"},
        {" --roadmap --saved plan", "--saved needs the organisation"},
        {" --roadmap --org eastmere --saved plan --team performance-information-analyst=1", "the scenario holds the plan"},
        {" --roadmap --org eastmere --horizon three", "--horizon must be a whole number, not \"three\""},
        {" --round eastmere.2026.council-full --date 5/12/2026", "--date must be a date (YYYY-MM-DD), not \"5/12/2026\""},
        {" --round eastmere.2026.council-full --csv x.csv", "one file at a time: give --csv, --bundle or --xlsx"},
        {" --round eastmere.2026.council-full --nonsense", "nonsense"},
    };
    for (const auto& [args, expected] : cases) {
        Run r = cli("export" + out + args);
        INFO(args << "\n" << r.err);
        CHECK(r.code == 3);
        CHECK(r.err.rfind("yardstick-cli export: ", 0) == 0);
        CHECK(r.err.find(expected) != std::string::npos);
        CHECK(count_lines(r.err) == 1);
        CHECK(r.out.empty());
    }
    CHECK(f.snapshot() == before);

    Run help = cli("export --xlsx x.xlsx --help");
    CHECK(help.code == 0);
    CHECK(help.out.find("--benchmark") != std::string::npos);
    CHECK(help.out.find("--roadmap") != std::string::npos);
    CHECK(help.out.find("--team") != std::string::npos);
    Run plain = cli("export --help");
    CHECK(plain.code == 0);
    CHECK(plain.out.find("--xlsx FILE") != std::string::npos);
}
