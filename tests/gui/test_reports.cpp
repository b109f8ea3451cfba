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

#include <wx/checkbox.h>

#include "frames.h"
#include "gui_support.h"
#include "demo_skills.h"
#include "main_frame.h"
#include "report_dialog.h"
#include "returns_support.h"
#include "session.h"
#include "text_format.h"
#include "skills_page.h"
#include "wx_utf8.h"

namespace fs = std::filesystem;
using namespace ys;
using namespace ys::gui;
using namespace ys::gui::test;

namespace {

// Makes the dialog's report and waits; returns the files written.
std::vector<std::string> make(ReportDialog& dlg) {
    bool finished = false;
    std::vector<std::string> written;
    dlg.generate([&](const std::vector<std::string>& w) {
        finished = true;
        written = w;
    });
    REQUIRE(pump_until([&] { return finished; }, 60000));
    return written;
}

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
TEST_CASE("reports: the team skills report of a skills round, anonymised, numbers the people and names no one", "[gui][reports]") {
    ensure_wx();
    CapturedMessages messages;
    const std::string dir = scratch_dir("report-skills");
    MainFrame* frame = demo_frame(dir, messages);
    frame->select_organisation(kDemoSkillsOrganisation);
    frame->show_page(MainFrame::kSkills);
    pump(100);
    SkillsPage* page = frame->skills();
    REQUIRE(page->rounds().size() == 1);
    page->set_anonymise(true);
    REQUIRE(page->plan().has_value());
    const double cost = page->plan()->cost;

    auto* dlg = new ReportDialog(frame, *frame, kDemoSkillsOrganisation, "");
    dlg->set_kind(ReportDialog::kSkills);
    CHECK(dlg->skills_round() == page->round());  // the only skills round, though the page's is not given
    dlg->set_skills(page->report_options());
    const std::string pdf = dir + "/team.pdf";
    dlg->set_pdf(pdf);
    dlg->set_html(true);
    dlg->set_fixed_date("2026-11-21");
    const std::vector<std::string> written = make(*dlg);
    INFO(messages.all_text());
    REQUIRE(written == std::vector<std::string>{pdf, dir + "/team.html"});
    std::string out;
    CHECK(run("qpdf --check '" + pdf + "'", out) == 0);
    const std::string text = pdf_text(pdf);
    INFO(text.substr(0, 3000));
    CHECK(text.find("Person 1") != std::string::npos);
    CHECK(text.find("Person 8") != std::string::npos);
    for (const char* name : {"Priya Shah", "Leo Novak", "Mei Lin"}) {
        CHECK(text.find(name) == std::string::npos);
        CHECK(slurp_file(dir + "/team.html").find(name) == std::string::npos);
    }
    CHECK(text.find(report::money(cost)) != std::string::npos);  // the page's plan
    CHECK(messages.errors() == 0);
    dlg->Destroy();

    // File > Reports on another page opens at the action plan: the page's round is the
    // skills report's, but its Anonymise is not carried over to the other kinds.
    frame->show_page(MainFrame::kResults);
    pump(100);
    int kind = -1;
    bool anonymised = true;
    std::string round;
    {
        DialogAnswers answers([&](wxDialog& d) {
            if (auto* reports = dynamic_cast<ReportDialog*>(&d)) {
                kind = reports->kind();
                round = reports->skills_round();
                auto* box = wxDynamicCast(control(d, _("Anonymise")), wxCheckBox);
                anonymised = !box || box->GetValue();
            }
            return static_cast<int>(wxID_CANCEL);
        });
        frame->show_reports();
        CHECK(answers.titles == std::vector<wxString>{_("Reports")});
    }
    CHECK(kind == ReportDialog::kActionPlan);
    CHECK(round == page->round());
    CHECK_FALSE(anonymised);
    frame->Destroy();
    pump(50);
}

TEST_CASE("reports: the team skills report of an organisation with no skills round is refused in words, and nothing is written",
          "[gui][reports]") {
    ensure_wx();
    CapturedMessages messages;
    const std::string dir = scratch_dir("report-skills-none");
    MainFrame* frame = demo_frame(dir, messages);
    auto* dlg = new ReportDialog(frame, *frame, "eastmere", "");
    dlg->set_kind(ReportDialog::kSkills);
    CHECK(dlg->skills_round().empty());
    const std::string pdf = dir + "/skills.pdf";
    dlg->set_pdf(pdf);
    CHECK(make(*dlg).empty());
    CHECK_FALSE(fs::exists(pdf));
    REQUIRE(messages.errors() == 1);
    const Message& m = messages.messages.back();
    INFO(u8(m.text));
    CHECK(u8(m.title) == "No report made");
    CHECK(m.text.Contains(wxS("has no skills round yet")));
    CHECK(m.text.Contains(wxS("Assessments page")));  // what to do next
    for (const char* id : {"eastmere\"", "--round", "yardstick-cli", "analyst-data-skills"}) CHECK_FALSE(m.text.Contains(wxs(id)));
    dlg->Destroy();
    frame->Destroy();
    pump(50);
}
#endif
