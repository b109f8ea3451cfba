// Imports the regional file (33 fictional councils x 5 rounds x 200 respondents x 60
// questions, about 2,000,000 answers) with `yardstick-cli import --csv-long`, and in the
// same run the sqlite3 shell's `.import` of the same file into a bare table: a floor for
// merely getting the rows into SQLite. Prints both, the ratio and peak memory.
// Targets: within 1.5x of sqlite3's time, peak memory under 200 MB.
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
using bench::remove_db;
using bench::run;

int main() {
    const std::string dir = "/tmp/yardstick-bench-import";
    fs::create_directories(dir);
    const std::string csv = dir + "/regional.csv", db = dir + "/yardstick.db", bare = dir + "/bare.db";
    Measured gen = run({YS_GENERATOR, csv, YS_SOURCE_DIR});
    if (gen.status != 0) {
        std::fprintf(stderr, "bench_import: could not generate %s\n", csv.c_str());
        return 1;
    }
    std::printf("Import benchmark: %s, %.0f MB (33 councils x 5 rounds x 200 respondents x 60 questions)\n\n", csv.c_str(),
                fs::file_size(csv) / (1024.0 * 1024.0));
    double best_ys = 1e9, best_sqlite = 1e9, peak = 0;
    for (int attempt = 0; attempt < 3; ++attempt) {
        remove_db(db);
        {
            ys::store::Connection c = ys::store::open_database(db);
            bench::add_boroughs(c, false);
        }
        Measured ys_run = run({YS_CLI, "import", "--csv-long", csv, "--db", db});
        if (ys_run.status != 0) {
            std::fprintf(stderr, "bench_import: yardstick-cli import failed (exit %d)\n", ys_run.status);
            return 1;
        }
        remove_db(bare);
        Measured sq = run({"sqlite3", bare, ".import --csv " + csv + " answers"});
        if (sq.status != 0) {
            std::fprintf(stderr, "bench_import: the sqlite3 shell failed (exit %d); is it installed?\n", sq.status);
            return 1;
        }
        best_ys = std::min(best_ys, ys_run.seconds);
        best_sqlite = std::min(best_sqlite, sq.seconds);
        peak = std::max(peak, ys_run.peak_mb);
    }
    double ratio = best_ys / best_sqlite;
    std::printf("  %-48s %8.2f s\n", "yardstick-cli import --csv-long (best of 3)", best_ys);
    std::printf("  %-48s %8.2f s\n", "sqlite3 .import into a bare table (best of 3)", best_sqlite);
    std::printf("  %-48s %8.2fx   target <= 1.5x   %s\n", "ratio", ratio, ratio <= 1.5 ? "MET" : "MISSED");
    std::printf("  %-48s %8.1f MB  target < 200 MB  %s\n", "peak memory of yardstick-cli", peak, peak < 200 ? "MET" : "MISSED");
    remove_db(db);
    remove_db(bare);
    fs::remove(csv);
    return 0;
}
