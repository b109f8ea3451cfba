// jobs::write_workbook as the desktop app calls it: one request, a result that never
// throws, the refusal check the app makes before asking to replace a file, cancelling,
// and the same request and date giving the same bytes.
#include <catch2/catch.hpp>

#include <filesystem>

#include "../../support/portable_test.h"
#include "cli_run.h"
#include "exit_codes.h"
#include "workbook_job.h"

using namespace ys;
using namespace ys::test;

namespace {

struct JobDb {
    std::string dir, db;
    JobDb() {
        dir = std::string(YS_WORK_DIR) + "/job-" + ys::test::pid_text();
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        db = dir + "/job.db";
        REQUIRE(cli("import --db " + db + " examples/answers/eastmere-2026-full.json").code == 0);
    }
    ~JobDb() { std::filesystem::remove_all(dir); }
    jobs::WorkbookJob results(const std::string& out) const {
        jobs::WorkbookJob job;
        job.kind = jobs::WorkbookKind::results;
        job.database = db;
        job.shipped_dir = YS_SOURCE_DIR;
        job.round = "eastmere.2026.council-full";
        job.out = out;
        job.date = "2026-12-05";
        return job;
    }
};

// Says stop after the first step.
class StopAtOnce final : public Progress {
public:
    void step(long long, long long, const std::string&) override { ++steps; }
    bool cancelled() const override { return steps > 0; }
    int steps = 0;
};

}  // namespace

TEST_CASE("workbook job: written, and the same request and date give the same bytes", "[xlsx][job]") {
    JobDb d;
    NoProgress none;
    auto a = jobs::write_workbook(d.results(d.dir + "/a.xlsx"), none);
    INFO(a.error);
    REQUIRE(a.exit_code == 0);
    CHECK(a.written == d.dir + "/a.xlsx");
    auto b = jobs::write_workbook(d.results(d.dir + "/b.xlsx"), none);
    REQUIRE(b.exit_code == 0);
    CHECK(slurp(d.dir + "/a.xlsx") == slurp(d.dir + "/b.xlsx"));
    CHECK(slurp(d.dir + "/a.xlsx").substr(0, 2) == "PK");
}

TEST_CASE("workbook job: refusals and failures are one line with an exit code, nothing written", "[xlsx][job]") {
    JobDb d;
    NoProgress none;
    const std::string db_bytes = slurp(d.db);

    auto over_db = d.results(d.db);
    CHECK(jobs::refused_workbook_output(over_db).find("database") != std::string::npos);
    auto r = jobs::write_workbook(over_db, none);
    CHECK(r.exit_code == exit_code::usage);
    CHECK(r.error.find('\n') == std::string::npos);
    CHECK(slurp(d.db) == db_bytes);

    CHECK(jobs::refused_workbook_output(d.results(d.dir + "/fine.xlsx")).empty());

    auto no_round = d.results(d.dir + "/x.xlsx");
    no_round.round.clear();
    r = jobs::write_workbook(no_round, none);
    CHECK(r.exit_code == exit_code::usage);
    CHECK(r.error == "name the round whose results to write");

    auto bad_date = d.results(d.dir + "/x.xlsx");
    bad_date.date = "tomorrow";
    r = jobs::write_workbook(bad_date, none);
    CHECK(r.exit_code == exit_code::usage);
    CHECK(r.error == "workbook date \"tomorrow\" is not a date (YYYY-MM-DD)");

    auto no_db = d.results(d.dir + "/x.xlsx");
    no_db.database = d.dir + "/missing.db";
    r = jobs::write_workbook(no_db, none);
    CHECK(r.exit_code != 0);
    CHECK_FALSE(r.error.empty());
    CHECK_FALSE(std::filesystem::exists(d.dir + "/missing.db"));

    auto bench = d.results(d.dir + "/x.xlsx");
    bench.kind = jobs::WorkbookKind::benchmark;
    r = jobs::write_workbook(bench, none);
    CHECK(r.exit_code == exit_code::usage);
    CHECK(r.error.find("name the organisations to compare") == 0);

    auto saved = d.results(d.dir + "/x.xlsx");
    saved.kind = jobs::WorkbookKind::roadmap;
    saved.round.clear();
    saved.saved_scenario = "plan";
    r = jobs::write_workbook(saved, none);
    CHECK(r.exit_code == exit_code::usage);
    CHECK(r.error.find("needs the organisation") != std::string::npos);

    StopAtOnce stop;
    r = jobs::write_workbook(d.results(d.dir + "/x.xlsx"), stop);
    CHECK(r.error == "cancelled");
    CHECK_FALSE(std::filesystem::exists(d.dir + "/x.xlsx"));
    CHECK(slurp(d.db) == db_bytes);
}
