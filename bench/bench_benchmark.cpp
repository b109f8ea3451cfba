// Benchmarks 33 fictional councils x 5 rounds x 200 respondents (the import benchmark's
// data) with `yardstick-cli benchmark --children-of`, and in the same run the sqlite3 shell
// running one aggregate over the same answers (a count and mean per council and question):
// a floor for merely reading the data. Prints both, the ratio and peak memory.
// Targets: under 0.5 s, within 2x of the floor, peak memory under 150 MB.
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "bench_region.h"
#include "bench_util.h"
#include "database.h"
#include "organisations.h"

namespace fs = std::filesystem;
using bench::Measured;
using bench::run;

int main() {
    const std::string dir = "/tmp/yardstick-bench-benchmark";
    fs::create_directories(dir);
    const std::string csv = dir + "/regional.csv", db = dir + "/yardstick.db";
    if (run({YS_GENERATOR, csv, YS_SOURCE_DIR}).status != 0) {
        std::fprintf(stderr, "bench_benchmark: could not generate %s\n", csv.c_str());
        return 1;
    }
    bench::remove_db(db);
    {
        ys::store::Connection c = ys::store::open_database(db);
        bench::add_boroughs(c, true);
    }
    if (run({YS_CLI, "import", "--csv-long", csv, "--db", db}).status != 0) {
        std::fprintf(stderr, "bench_benchmark: the import failed\n");
        return 1;
    }
    const std::string floor_sql =
        "SELECT r.organisation_id, a.question_id, count(*), avg(length(a.value)) FROM answer a "
        "JOIN respondent p ON a.respondent_id = p.id JOIN round r ON r.id = p.round_id GROUP BY 1, 2";
    const std::vector<std::string> benchmark = {YS_CLI, "benchmark", "--children-of", "region", "--format", "json", "--db", db};
    // The first benchmark after an import scores every round from its answers and stores
    // each round's summary; later ones read the summaries until answers change.
    Measured cold = run(benchmark);
    if (cold.status != 0) {
        std::fprintf(stderr, "bench_benchmark: the first benchmark failed (%d)\n", cold.status);
        return 1;
    }
    double best_ys = 1e9, best_floor = 1e9, peak = cold.peak_mb;
    for (int attempt = 0; attempt < 3; ++attempt) {
        Measured ys_run = run(benchmark);
        Measured floor = run({"sqlite3", db, floor_sql});
        if (ys_run.status != 0 || floor.status != 0) {
            std::fprintf(stderr, "bench_benchmark: a run failed (yardstick %d, sqlite3 %d)\n", ys_run.status, floor.status);
            return 1;
        }
        best_ys = std::min(best_ys, ys_run.seconds);
        best_floor = std::min(best_floor, floor.seconds);
        peak = std::max(peak, ys_run.peak_mb);
    }
    double ratio = best_ys / best_floor;
    std::printf("Benchmarking 33 councils x 5 rounds x 200 respondents x 60 questions (best of 3)\n\n");
    std::printf("  %-52s %8.3f s   target < 0.5 s   %s\n", "yardstick-cli benchmark (165 stored round summaries)", best_ys,
                best_ys < 0.5 ? "MET" : "MISSED");
    std::printf("  %-52s %8.2f s\n", "sqlite3 aggregate over the same answers (the floor)", best_floor);
    std::printf("  %-52s %8.2fx   target <= 2x     %s\n", "ratio", ratio, ratio <= 2 ? "MET" : "MISSED");
    std::printf("  %-52s %8.1f MB  target < 150 MB  %s\n", "peak memory of yardstick-cli (all runs)", peak,
                peak < 150 ? "MET" : "MISSED");
    std::printf("\n  %-52s %8.2f s   (once after an import: scores all 165 rounds from their answers)\n",
                "first benchmark after the import", cold.seconds);
    bench::remove_db(db);
    fs::remove(csv);
    return 0;
}
