// Reports from the desktop application: the same job the CLI runs (jobs::run_report), on a
// worker thread; the PDF checked as a person would, with qpdf --check and pdftotext.
#ifdef YARDSTICK_HAVE_JOBS
#include <array>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <sstream>

#include <sys/wait.h>

#include <catch2/catch.hpp>

#include "frames.h"
#include "gui_support.h"
#include "main_frame.h"
#include "report_dialog.h"
#include "session.h"
#include "wx_utf8.h"

namespace fs = std::filesystem;
using namespace ys;
using namespace ys::gui;
using namespace ys::gui::test;

namespace {


}  // namespace

TEST_CASE("reports: an action plan PDF from the Reports dialog passes qpdf --check and reads as text", "[gui][reports]") {
    ensure_wx();
    CapturedMessages messages;
    std::string dir = scratch_dir("report-action-plan");
    MainFrame* frame = demo_frame(dir, messages);
    REQUIRE(reports_available());
    auto* dlg = new ReportDialog(frame, *frame, "eastmere", "");
    dlg->set_kind(ReportDialog::kActionPlan);
    const std::string pdf = dir + "/eastmere-action-plan.pdf";
    dlg->set_pdf(pdf);
    dlg->set_html(true);
    dlg->set_fixed_date("2026-11-21");
    bool finished = false;
    std::vector<std::string> written;
    dlg->generate([&](const std::vector<std::string>& w) {
        finished = true;
        written = w;
    });
    REQUIRE(pump_until([&] { return finished; }, 60000));
    INFO(messages.all_text());
    REQUIRE(written.size() == 2);
    CHECK(written[0] == pdf);
    CHECK(fs::exists(dir + "/eastmere-action-plan.html"));

    std::string out;
    CHECK(run("qpdf --check '" + pdf + "'", out) == 0);
    INFO(out);
    CHECK(out.find("No syntax or stream encoding errors") != std::string::npos);

    REQUIRE(run("pdftotext -layout '" + pdf + "' -", out) == 0);
    // Poppler's one known complaint about libharu's ToUnicode map is not a failure.
    std::string text;
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);)
        if (line.find("begincidrange") == std::string::npos) text += line + "\n";
    INFO(text.substr(0, 2000));
    CHECK(text.find("Eastmere") != std::string::npos);
    // The actions adopted in the demo data appear in the plan.
    CHECK(text.find("Build a data academy") != std::string::npos);
    CHECK(messages.errors() == 0);
    dlg->Destroy();
    frame->Destroy();
    pump(50);
}

TEST_CASE("reports: a batch makes one action plan per council of the region, on a worker thread", "[gui][reports]") {
    ensure_wx();
    CapturedMessages messages;
    std::string dir = scratch_dir("report-batch");
    MainFrame* frame = demo_frame(dir, messages);
    auto* dlg = new ReportDialog(frame, *frame, "demo-region", "");
    dlg->set_batch(true, dir);
    dlg->set_fixed_date("2026-11-21");
    bool finished = false;
    std::vector<std::string> written;
    dlg->generate([&](const std::vector<std::string>& w) {
        finished = true;
        written = w;
    });
    REQUIRE(pump_until([&] { return finished; }, 120000));
    INFO(messages.all_text());
    CHECK(written.size() == 3);
    for (const char* org : {"ashby-vale", "eastmere", "northwold"}) {
        std::string out;
        std::string pdf = dir + "/" + org + "-action-plan.pdf";
        CHECK(run("qpdf --check '" + pdf + "'", out) == 0);
    }
    dlg->Destroy();
    frame->Destroy();
    pump(50);
}
#endif
