// File > Export workbook: the same job as `yardstick-cli export --xlsx` (jobs::write_workbook)
// on a worker thread, from what the pages show. A workbook written is a real .xlsx (a zip
// holding the sheets, checked with unzip); an unsafe output is refused before any question
// and leaves every file as it was.
#include <array>
#include <cstdio>
#include <filesystem>

#include <sys/wait.h>

#include <catch2/catch.hpp>

#include "assessments_page.h"
#include "demo_skills.h"
#include "exit_codes.h"
#include "frames.h"
#include "gui_support.h"
#include "main_frame.h"
#include "returns_support.h"
#include "roadmap_page.h"
#include "roadmap_support.h"
#include "session.h"
#include "skills_page.h"
#include "workbook_export.h"
#include "wx_utf8.h"

namespace fs = std::filesystem;
using namespace ys;
using namespace ys::gui;
using namespace ys::gui::test;

namespace {

// Writes the dialog's workbook and waits; returns the file written ("" when none).
std::string write(WorkbookDialog& dlg) {
    bool finished = false;
    std::string written;
    dlg.generate([&](const std::string& w) {
        finished = true;
        written = w;
    });
    REQUIRE(pump_until([&] { return finished; }, 60000));
    return written;
}

// The sheet names of a workbook, from its xl/workbook.xml.
std::string workbook_xml(const std::string& path) {
    std::string out;
    REQUIRE(run("unzip -p '" + path + "' xl/workbook.xml", out) == 0);
    return out;
}

}  // namespace

TEST_CASE("workbook: a round's results from Export workbook are a valid .xlsx with its sheets", "[gui][workbook]") {
    ensure_wx();
    CapturedMessages messages;
    std::string dir = scratch_dir("workbook-results");
    MainFrame* frame = demo_frame(dir, messages);
    frame->select_organisation("eastmere");
    frame->show_page(MainFrame::kAssessments);
    pump(100);
    WorkbookSource src = workbook_source(*frame);
    CHECK(src.kind == WorkbookDialog::kResults);
    CHECK_FALSE(src.round.empty());  // the round chosen on the Assessments page
    auto* dlg = new WorkbookDialog(frame, *frame, "eastmere", src);
    const std::string out = dir + "/eastmere results.xlsx";
    dlg->set_output(out);
    dlg->set_fixed_date("2026-11-21");
    wxString problem;
    auto job = dlg->job(problem);
    REQUIRE(job);
    CHECK(job->kind == jobs::WorkbookKind::results);
    CHECK(job->round == src.round);

    CHECK(write(*dlg) == out);
    INFO(messages.all_text());
    CHECK(messages.errors() == 0);
    CHECK(slurp_file(out).substr(0, 4) == std::string("PK\x03\x04", 4));
    std::string listing;
    REQUIRE(run("unzip -t '" + out + "'", listing) == 0);  // every member's CRC checks
    const std::string book = workbook_xml(out);
    for (const char* sheet : {"Dimensions", "Questions", "Respondents", "About"}) {
        INFO(sheet);
        CHECK(book.find(std::string("name=\"") + sheet + "\"") != std::string::npos);
    }
    dlg->Destroy();
    frame->Destroy();
    pump(50);
}

TEST_CASE("workbook: the benchmark and the Roadmap page's plan are written as workbooks too", "[gui][workbook]") {
    ensure_wx();
    CapturedMessages messages;
    std::string dir = scratch_dir("workbook-kinds");
    MainFrame* frame = demo_frame(dir, messages);
    RoadmapPage* page = eastmere_roadmap(frame);
    REQUIRE(page->plan().has_value());
    WorkbookSource src = workbook_source(*frame);
    CHECK(src.kind == WorkbookDialog::kRoadmap);  // the page the user is on
    REQUIRE(src.has_plan);
    auto* dlg = new WorkbookDialog(frame, *frame, "eastmere", src);
    dlg->set_fixed_date("2026-11-21");
    dlg->set_output(dir + "/plan.xlsx");
    CHECK(write(*dlg) == dir + "/plan.xlsx");
    CHECK(workbook_xml(dir + "/plan.xlsx").find("name=\"Posts per year\"") != std::string::npos);

    dlg->set_kind(WorkbookDialog::kBenchmark);
    dlg->set_output(dir + "/group.xlsx");
    CHECK(write(*dlg) == dir + "/group.xlsx");
    INFO(messages.all_text());
    CHECK(messages.errors() == 0);
    CHECK(workbook_xml(dir + "/group.xlsx").find("name=\"Quartiles\"") != std::string::npos);
    dlg->Destroy();
    frame->Destroy();
    pump(50);
}

TEST_CASE("workbook: the open database as the output is refused before any question, and a kept file stays as it was",
          "[gui][workbook]") {
    ensure_wx();
    CapturedMessages messages;
    std::string dir = scratch_dir("workbook-refused");
    MainFrame* frame = demo_frame(dir, messages);
    frame->select_organisation("eastmere");
    pump(100);
    auto* dlg = new WorkbookDialog(frame, *frame, "eastmere", workbook_source(*frame));
    const std::string db = frame->session().path();
    const std::string db_before = slurp_file(db);

    dlg->set_output(db);
    CHECK(write(*dlg).empty());
    REQUIRE(messages.errors() == 1);
    CHECK(messages.messages.back().title == wxS("No workbook written"));
    CHECK(messages.messages.back().exit_code == exit_code::usage);
    CHECK(messages.questions.empty());  // refused before "Replace file?"
    CHECK(slurp_file(db) == db_before);

    // An existing file is replaced only when the user agrees.
    const std::string mine = dir + "/mine.xlsx";
    spill_file(mine, "not a workbook, but mine");
    dlg->set_output(mine);
    messages.answer = 1;  // Cancel
    CHECK(write(*dlg).empty());
    CHECK(messages.questions.size() == 1);
    CHECK(slurp_file(mine) == "not a workbook, but mine");
    messages.answer = 0;  // Replace
    CHECK(write(*dlg) == mine);
    CHECK(slurp_file(mine).substr(0, 2) == "PK");
    dlg->Destroy();
    frame->Destroy();
    pump(50);
}

TEST_CASE("workbook: the Skills page's team skills are written with its round, and no skills round is refused in words",
          "[gui][workbook][skills]") {
    ensure_wx();
    CapturedMessages messages;
    std::string dir = scratch_dir("workbook-skills");
    MainFrame* frame = demo_frame(dir, messages);
    frame->select_organisation(kDemoSkillsOrganisation);
    frame->show_page(MainFrame::kSkills);
    pump(100);
    SkillsPage* page = frame->skills();
    REQUIRE(page->plan().has_value());
    page->set_levy_payer(false);
    WorkbookSource src = workbook_source(*frame);
    CHECK(src.kind == WorkbookDialog::kSkills);  // the page the user is on
    CHECK(src.skills.round == page->round());
    CHECK_FALSE(src.skills.levy_payer);
    auto* dlg = new WorkbookDialog(frame, *frame, kDemoSkillsOrganisation, src);
    CHECK(u8(dlg->output()).find(" team skills ") != std::string::npos);  // the default name says what it is
    const std::string out = dir + "/team.xlsx";
    dlg->set_output(out);
    dlg->set_fixed_date("2026-11-21");
    wxString problem;
    auto job = dlg->job(problem);
    REQUIRE(job);
    CHECK(job->kind == jobs::WorkbookKind::skills);
    CHECK(job->round == page->round());
    CHECK_FALSE(job->levy_payer);
    CHECK(write(*dlg) == out);
    INFO(messages.all_text());
    CHECK(messages.errors() == 0);
    std::string listing;
    REQUIRE(run("unzip -t '" + out + "'", listing) == 0);
    const std::string book = workbook_xml(out);
    for (const char* sheet : {"People", "Gaps", "Training plan"}) {
        INFO(sheet);
        CHECK(book.find(std::string("name=\"") + sheet + "\"") != std::string::npos);
    }
    std::string strings;
    REQUIRE(run("unzip -p '" + out + "' xl/sharedStrings.xml", strings) == 0);
    CHECK(strings.find("Priya Shah") != std::string::npos);  // named: the page was not anonymised
    dlg->Destroy();

    // A council with maturity rounds only: said in words, nothing written.
    frame->select_organisation("eastmere");
    pump(100);
    auto* none = new WorkbookDialog(frame, *frame, "eastmere", workbook_source(*frame));
    none->set_kind(WorkbookDialog::kSkills);
    const std::string nothing = dir + "/none.xlsx";
    none->set_output(nothing);
    CHECK(write(*none).empty());
    CHECK_FALSE(fs::exists(nothing));
    REQUIRE(messages.errors() == 1);
    INFO(u8(messages.messages.back().text));
    CHECK(messages.messages.back().text.Contains(wxS("has no skills round yet")));
    CHECK_FALSE(messages.messages.back().text.Contains(wxS("--round")));
    none->Destroy();
    frame->Destroy();
    pump(50);
}
