// The user guide in the application: F1 asks for the topic of the page or dialog the user
// is in (seen through the help sink, as a person's key press through the X server), the
// guide's own window opens at that topic, and Help > About says the version, the licence
// (none yet) and opens the guide.
#include <filesystem>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/html/helpctrl.h>
#include <wx/html/helpwnd.h>
#include <wx/html/htmlwin.h>
#include <wx/notebook.h>
#include <wx/uiaction.h>

#include "frames.h"
#include "gui_support.h"
#include "help.h"
#include "assessments_page.h"
#include "main_frame.h"
#include "report_dialog.h"
#include "walkthrough.h"
#include "wx_utf8.h"
#include "workbook_export.h"

using namespace ys;
using namespace ys::gui;
using namespace ys::gui::test;

namespace {

// Topics asked for while alive.
struct CapturedHelp {
    std::vector<std::string> topics;
    CapturedHelp() {
        set_help_sink([this](const std::string& t) { topics.push_back(t); });
    }
    ~CapturedHelp() { set_help_sink({}); }
};

// F1 through the X server, with the pointer over `target` (no window manager gives focus).
void press_f1(wxWindow* target) {
    wxUIActionSimulator sim;
    wxGetTopLevelParent(target)->Raise();
    target->SetFocus();
    sim.MouseMove(target->GetScreenPosition() + wxPoint(5, 5));
    pump(30);
    sim.Char(WXK_F1);
}

// Every label and value of a window and its children, for words a person reads.
void collect_text(wxWindow* w, std::string& out) {
    out += u8(w->GetLabel()) + "\n";
    for (wxWindow* c : w->GetChildren()) collect_text(c, out);
}

}  // namespace

TEST_CASE("help: F1 on each page of the main window opens the guide at that page's topic", "[gui][help]") {
    ensure_wx();
    CapturedMessages messages;
    MainFrame* frame = demo_frame(scratch_dir("help-pages"), messages);
    frame->select_organisation("eastmere");
    CapturedHelp help;
    const std::pair<int, const char*> pages[] = {{MainFrame::kAssessments, "first-assessment.html"},
                                                 {MainFrame::kResults, "reading-results.html"},
                                                 {MainFrame::kBenchmark, "comparing-with-peers.html"},
                                                 {MainFrame::kRoadmap, "roadmap.html"},
                                                 {MainFrame::kSkills, "team-skills.html"}};
    for (const auto& [page, topic] : pages) {
        frame->show_page(page);
        pump(100);
        help.topics.clear();
        press_f1(frame->tree());
        REQUIRE(pump_until([&] { return !help.topics.empty(); }, 3000));
        pump(100);
        INFO("page " << page);
        CHECK(help.topics == std::vector<std::string>{topic});  // once: the menu's F1, not the dialog filter as well
    }
    // The topics come from the page shown, not from the order they were asked in.
    frame->show_page(MainFrame::kResults);
    CHECK(help_topic(frame->tree()) == "reading-results.html");
    CHECK(messages.errors() == 0);
    frame->Destroy();
    pump(50);
}

TEST_CASE("help: F1 in a dialog opens the guide at the dialog's topic, else at the page it came from", "[gui][help]") {
    ensure_wx();
    CapturedMessages messages;
    MainFrame* frame = demo_frame(scratch_dir("help-dialogs"), messages);
    frame->select_organisation("eastmere");
    CapturedHelp help;

    auto* reports = new ReportDialog(frame, *frame, "eastmere", "");
    reports->Show();
    pump(100);
    press_f1(reports->FindWindow(wxID_OK));
    REQUIRE(pump_until([&] { return !help.topics.empty(); }, 3000));
    CHECK(help.topics == std::vector<std::string>{"sharing.html#reports"});
    reports->Destroy();
    pump(50);

    help.topics.clear();
    auto* workbook = new WorkbookDialog(frame, *frame, "eastmere", workbook_source(*frame));
    workbook->Show();
    pump(100);
    press_f1(workbook->FindWindow(wxID_OK));
    REQUIRE(pump_until([&] { return !help.topics.empty(); }, 3000));
    CHECK(help.topics == std::vector<std::string>{"sharing.html#workbook"});
    workbook->Destroy();
    pump(50);

    // The walk-through (modeless, in front of the main window): answering.
    const std::string round = frame->assessments()->selected_round();
    REQUIRE_FALSE(round.empty());
    WalkthroughDialog* walk = frame->open_walkthrough(round);
    REQUIRE(walk);
    pump(100);
    help.topics.clear();
    press_f1(walk);  // the walk-through reads keys itself: F1 still reaches the guide
    REQUIRE(pump_until([&] { return !help.topics.empty(); }, 3000));
    CHECK(help.topics == std::vector<std::string>{"first-assessment.html#answering"});
    walk->Close(true);
    pump(100);

    // A dialog the guide has no section for takes the topic of the page it was opened over.
    frame->show_page(MainFrame::kRoadmap);
    auto* other = new wxDialog(frame, wxID_ANY, wxS("Something new"));
    auto* button = new wxButton(other, wxID_OK, wxS("OK"));
    CHECK(help_topic(button) == "roadmap.html");
    other->Destroy();
    // The forms of dialogs.cpp by their titles.
    auto* target = new wxDialog(frame, wxID_ANY, _("Set target"));
    CHECK(help_topic(target) == "reading-results.html#targets");
    target->Destroy();
    CHECK(help_topic(nullptr) == "index.html");
    frame->Destroy();
    pump(50);
}

TEST_CASE("help: the guide opens in its own window at the topic, and at the contents for a topic it lacks", "[gui][help]") {
    ensure_wx();
    CapturedMessages messages;
    MainFrame* frame = demo_frame(scratch_dir("help-window"), messages);
    Help& help = frame->help();
    REQUIRE_FALSE(help.book().empty());
    CHECK(std::filesystem::is_regular_file(help.book()));
    for (const char* topic : {"first-assessment.html", "reading-results.html", "comparing-with-peers.html", "roadmap.html",
                              "inviting-colleagues.html", "sharing.html"}) {
        help.show(topic);
        pump(100);
        REQUIRE(help.controller());
        wxHtmlWindow* html = help.controller()->GetHelpWindow()->GetHtmlWindow();
        INFO(topic << " opened " << u8(html->GetOpenedPage()));
        CHECK(html->GetOpenedPage().EndsWith(wxs(topic)));
        CHECK(html->ToText().Find(wxS("User guide")) != wxNOT_FOUND);  // each page leads back to the contents
    }
    help.show("sharing.html#bundles");
    pump(100);
    wxHtmlWindow* html = help.controller()->GetHelpWindow()->GetHtmlWindow();
    CHECK(html->GetOpenedPage().EndsWith(wxS("sharing.html")));
    CHECK(html->GetOpenedAnchor() == wxS("bundles"));
    help.show("no-such-page.html");
    pump(100);
    CHECK(html->GetOpenedPage().EndsWith(wxS("index.html")));
    CHECK(html->ToText().Find(wxS("What do you want to do?")) != wxNOT_FOUND);
    CHECK(messages.errors() == 0);
    frame->Destroy();
    pump(100);
}

TEST_CASE("help: About says the version and that no licence is chosen, lists the libraries and opens the guide", "[gui][help]") {
    ensure_wx();
    CapturedMessages messages;
    MainFrame* frame = demo_frame(scratch_dir("help-about"), messages);
    CapturedHelp help;
    std::string text;
    DialogAnswers answers([&](wxDialog& dlg) {
        collect_text(&dlg, text);
        auto* guide = wxDynamicCast(control(dlg, _("Open the user guide")), wxButton);
        if (guide) {
            wxCommandEvent click(wxEVT_BUTTON, guide->GetId());
            click.SetEventObject(guide);
            guide->GetEventHandler()->ProcessEvent(click);
        }
        return wxID_OK;
    });
    wxCommandEvent about(wxEVT_MENU, wxID_ABOUT);
    frame->GetEventHandler()->ProcessEvent(about);
    REQUIRE(answers.titles.size() == 1);
    INFO(text);
    CHECK(text.find(YARDSTICK_TEST_VERSION) != std::string::npos);
    CHECK(text.find("Licence: none chosen yet") != std::string::npos);
    CHECK(text.find("CC BY 4.0") != std::string::npos);
    CHECK(text.find("wxWindows Library Licence") != std::string::npos);
    CHECK(text.find("SQLite: public domain") != std::string::npos);
    CHECK(help.topics == std::vector<std::string>{"index.html"});
    frame->Destroy();
    pump(50);
}
