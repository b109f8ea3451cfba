// Renders the action plan of the three fictional example councils 100 times each through
// the same job the CLI and GUI run (read the round, score it, build the document, write the
// PDF), and in the same run times headless Chromium printing the HTML version of the same
// report to PDF. Prints both, the ratio and both file sizes.
// Targets: the PDF at least 50x faster than Chromium; an action plan under 60 KB when
// base-14 fonts suffice.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "bench_util.h"
#include "report_job.h"

namespace fs = std::filesystem;

namespace {

std::string chromium() {
    for (const char* p : {"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"})
        if (fs::exists(p)) return p;
    return {};
}

}  // namespace

int main() {
    const std::string dir = "/tmp/yardstick-bench-reports";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string db = dir + "/examples.db";
    setenv("YARDSTICK_DATA_DIR", YS_SOURCE_DIR, 1);
    std::vector<std::string> import = {YS_CLI, "import"};
    for (const auto& e : fs::directory_iterator(std::string(YS_SOURCE_DIR) + "/examples/answers"))
        if (e.path().extension() == ".json") import.push_back(e.path().string());
    std::sort(import.begin() + 2, import.end());
    import.insert(import.end(), {"--db", db});
    if (bench::run(import).status != 0) {
        std::fprintf(stderr, "bench_reports: importing the examples failed\n");
        return 1;
    }
    const std::string browser = chromium();
    if (browser.empty()) {
        std::fprintf(stderr, "bench_reports: no chromium; install Debian's chromium package (scripts/bench-reports.sh does)\n");
        return 1;
    }

    std::printf("Action plans of three fictional councils: Yardstick's PDF (100 renders each) against headless Chromium\n"
                "printing the HTML version of the same report (3 prints each)\n\n");
    std::printf("  %-12s %14s %14s %9s %12s %12s\n", "council", "Yardstick PDF", "Chromium PDF", "ratio", "PDF size",
                "Chromium size");
    double worst_ratio = 1e9, largest_pdf = 0;
    for (const std::string org : {"eastmere", "northwold", "ashby-vale"}) {
        ys::jobs::ReportJob job;
        job.kind = ys::jobs::ReportKind::action_plan;
        job.database = db;
        job.shipped_dir = YS_SOURCE_DIR;
        job.library_dirs = {YS_SOURCE_DIR};
        job.organisation = org;
        job.pdf_out = dir + "/" + org + ".pdf";
        job.fixed_date = true;
        ys::NoProgress none;
        const int runs = 100;
        auto t0 = std::chrono::steady_clock::now();
        for (int i = 0; i < runs; ++i) {
            auto r = ys::jobs::run_report(job, none);
            if (r.exit_code != 0) {
                std::fprintf(stderr, "bench_reports: %s: %s\n", org.c_str(), r.error.c_str());
                return 1;
            }
        }
        double pdf_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() / runs;

        ys::jobs::ReportJob html = job;
        html.pdf_out.clear();
        html.html_out = dir + "/" + org + ".html";
        if (ys::jobs::run_report(html, none).exit_code != 0) return 1;
        const std::string chrome_pdf = dir + "/" + org + "-chromium.pdf";
        double chrome_s = 1e9;
        for (int i = 0; i < 3; ++i) {
            fs::remove_all(dir + "/profile");
            bench::Measured m = bench::run({browser, "--headless", "--no-sandbox", "--disable-gpu",
                                            "--disable-background-networking", "--disable-component-update",
                                            "--no-first-run", "--user-data-dir=" + dir + "/profile",
                                            "--no-pdf-header-footer", "--print-to-pdf=" + chrome_pdf,
                                            "file://" + html.html_out},
                                           true);
            if (m.status != 0 || !fs::exists(chrome_pdf)) {
                std::fprintf(stderr, "bench_reports: chromium failed (%d)\n", m.status);
                return 1;
            }
            chrome_s = std::min(chrome_s, m.seconds);
        }
        double ratio = chrome_s / pdf_s;
        double pdf_kb = fs::file_size(job.pdf_out) / 1024.0, chrome_kb = fs::file_size(chrome_pdf) / 1024.0;
        worst_ratio = std::min(worst_ratio, ratio);
        largest_pdf = std::max(largest_pdf, pdf_kb);
        std::printf("  %-12s %11.2f ms %11.0f ms %8.0fx %9.1f KB %9.1f KB\n", org.c_str(), pdf_s * 1000, chrome_s * 1000,
                    ratio, pdf_kb, chrome_kb);
    }
    std::printf("\n  %-40s %8.0fx   target >= 50x   %s\n", "smallest speed ratio", worst_ratio, worst_ratio >= 50 ? "MET" : "MISSED");
    std::printf("  %-40s %8.1f KB  target < 60 KB  %s\n", "largest action plan (base-14 fonts)", largest_pdf,
                largest_pdf < 60 ? "MET" : "MISSED");
    return 0;
}
