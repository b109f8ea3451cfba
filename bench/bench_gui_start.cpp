// Start-up of the desktop application on the 2,000,000-answer database (33 fictional
// councils x 5 rounds x 200 respondents x 60 questions, built as bench_benchmark builds
// it), against a minimal wxWidgets frame, both started as new processes on the same
// virtual X display (Xvfb) in the same run. Each prints the monotonic clock at its first
// paint; the time counts from just before the fork. Best of 5, and the peak memory of
// yardstick. Targets: within 2x of the minimal frame, peak memory under 150 MB.
// (The file cache is warm after the first run: these are process cold starts.)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench_region.h"
#include "bench_util.h"
#include "database.h"
#include "organisations.h"

namespace fs = std::filesystem;

namespace {

long long monotonic_ns() {
    timespec t{};
    clock_gettime(CLOCK_MONOTONIC, &t);
    return static_cast<long long>(t.tv_sec) * 1000000000LL + t.tv_nsec;
}

struct Start {
    double ms = -1;       // fork to first paint
    double peak_mb = 0;   // the process's own peak resident memory
    int status = -1;
};

// Runs a GUI program on `display`; reads "first-paint-monotonic-ns N" from its output.
Start start_to_first_paint(const std::vector<std::string>& argv, const std::string& display) {
    int out[2];
    if (pipe(out) != 0) return {};
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    const long long t0 = monotonic_ns();
    pid_t pid = fork();
    if (pid == 0) {
        setenv("DISPLAY", display.c_str(), 1);
        setenv("GDK_BACKEND", "x11", 1);
        setenv("NO_AT_BRIDGE", "1", 1);
        dup2(out[1], 1);
        close(out[0]);
        close(out[1]);
        execvp(args[0], args.data());
        _exit(127);
    }
    close(out[1]);
    std::string text;
    char buf[512];
    ssize_t n;
    while ((n = read(out[0], buf, sizeof buf)) > 0) text.append(buf, static_cast<std::size_t>(n));
    close(out[0]);
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    Start s;
    s.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    s.peak_mb = usage.ru_maxrss / 1024.0;
    auto at = text.find("first-paint-monotonic-ns ");
    if (at != std::string::npos) s.ms = (std::atoll(text.c_str() + at + 25) - t0) / 1e6;
    return s;
}

}  // namespace

int main() {
    const std::string dir = "/tmp/yardstick-bench-gui-start";
    fs::create_directories(dir);
    const std::string csv = dir + "/regional.csv", db = dir + "/yardstick.db";
    bench::remove_db(db);
    {
        if (bench::run({YS_GENERATOR, csv, YS_SOURCE_DIR}).status != 0) {
            std::fprintf(stderr, "bench_gui_start: could not generate %s\n", csv.c_str());
            return 1;
        }
        {
            ys::store::Connection c = ys::store::open_database(db);
            bench::add_boroughs(c, true);
        }
        if (bench::run({YS_CLI, "import", "--csv-long", csv, "--db", db}).status != 0) {
            std::fprintf(stderr, "bench_gui_start: the import failed\n");
            return 1;
        }
        fs::remove(csv);
    }
    long long answers = 0;
    {
        ys::store::Connection c = ys::store::open_database(db);
        answers = c.scalar_int("SELECT count(*) FROM answer");
    }

    // One virtual display for both programs.
    std::string display;
    pid_t xvfb = -1;
    for (int n = 91; n < 120 && xvfb < 0; ++n) {
        if (fs::exists("/tmp/.X11-unix/X" + std::to_string(n)) || fs::exists("/tmp/.X" + std::to_string(n) + "-lock")) continue;
        display = ":" + std::to_string(n);
        xvfb = fork();
        if (xvfb == 0) {
            int devnull = open("/dev/null", O_WRONLY);
            dup2(devnull, 1);
            dup2(devnull, 2);
            execlp("Xvfb", "Xvfb", display.c_str(), "-screen", "0", "1280x800x24", "-nolisten", "tcp", static_cast<char*>(nullptr));
            _exit(127);
        }
        for (int i = 0; i < 100 && !fs::exists("/tmp/.X11-unix/X" + std::to_string(n)); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        if (!fs::exists("/tmp/.X11-unix/X" + std::to_string(n))) {
            std::fprintf(stderr, "bench_gui_start: Xvfb did not start on %s (apt-get install xvfb)\n", display.c_str());
            return 1;
        }
    }

    const std::string config = dir + "/settings.conf";
    double best_ys = 1e9, best_min = 1e9, peak = 0, peak_min = 0;
    int failures = 0;
    for (int attempt = 0; attempt < 5; ++attempt) {
        fs::remove(config);
        Start m = start_to_first_paint({YS_MINIMAL_WX}, display);
        Start y = start_to_first_paint({YS_GUI, "--config", config, "--bench-first-paint", db}, display);
        if (m.ms < 0 || y.ms < 0 || m.status != 0 || y.status != 0) {
            std::fprintf(stderr, "bench_gui_start: a run failed (minimal frame %d, yardstick %d)\n", m.status, y.status);
            ++failures;
            continue;
        }
        best_min = std::min(best_min, m.ms);
        best_ys = std::min(best_ys, y.ms);
        peak = std::max(peak, y.peak_mb);
        peak_min = std::max(peak_min, m.peak_mb);
    }
    kill(xvfb, SIGTERM);
    waitpid(xvfb, nullptr, 0);
    if (failures == 5) return 1;
    const double ratio = best_ys / best_min;
    std::printf("Desktop start-up to first paint on a database of %lld answers (best of 5, Xvfb)\n\n", answers);
    std::printf("  %-52s %8.0f ms\n", "yardstick (tree and the first council's rounds)", best_ys);
    std::printf("  %-52s %8.0f ms\n", "a minimal wxWidgets frame (the floor)", best_min);
    std::printf("  %-52s %8.2fx   target <= 2x     %s\n", "ratio", ratio, ratio <= 2 ? "MET" : "MISSED");
    std::printf("  %-52s %8.1f MB  target < 150 MB  %s\n", "peak memory of yardstick", peak, peak < 150 ? "MET" : "MISSED");
    std::printf("  %-52s %8.1f MB\n", "peak memory of the minimal frame", peak_min);
    bench::remove_db(db);
    fs::remove(config);
    return 0;
}
