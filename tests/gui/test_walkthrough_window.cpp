// The walk-through as a window among others: Escape asks before closing, the main window's
// menu shortcuts (Ctrl+Q, View's Ctrl+2) work while it has the focus, the status bar says
// what is happening, and opening another database closes it first.
#include <catch2/catch.hpp>
#include <algorithm>

#include <wx/menu.h>
#include <wx/statusbr.h>
#include <wx/textctrl.h>
#include <wx/weakref.h>

#include "main_frame.h"
#include "walkthrough.h"
#include "walkthrough_support.h"
#include "wx_utf8.h"

using namespace ys;
using namespace ys::gui;
using namespace ys::gui::test;

namespace {
wxString status_of(MainFrame* frame) { return frame->GetStatusBar()->GetStatusText(0); }
}  // namespace

TEST_CASE("walk-through: Escape asks before closing, and only closes when told to", "[gui][walkthrough]") {
    CapturedMessages messages;
    WalkSetup s("walkthrough-escape");
    WalkthroughDialog* w = s.frame->open_walkthrough(s.round);
    REQUIRE(w);
    const std::string key = w->add_respondent({"analyst", "", "", "", "", ""});
    w->choose_respondent(key);
    w->press('2');
    pump(50);

    messages.answer = 1;  // "Keep answering"
    press_key(w, WXK_ESCAPE);
    REQUIRE(messages.questions.size() == 1);
    CHECK(messages.questions[0] == wxS("Close the walk-through?"));
    CHECK(messages.question_texts[0].Contains(wxS("Every answer is saved")));
    pump(50);
    REQUIRE(s.frame->walkthrough() == w);

    messages.answer = -1;  // the question itself closed with Escape: nothing closes
    press_key(w, WXK_ESCAPE);
    REQUIRE(messages.questions.size() == 2);
    pump(50);
    REQUIRE(s.frame->walkthrough() == w);

    // A note typed on an unanswered question: the question says it would be lost, and keeping
    // on answering keeps the note.
    w->press(WXK_RETURN);
    const int second = w->current_question();
    w->press('E');
    type_text(w, "Draft strategy");
    messages.answer = 0;  // "Keep answering" comes first when something would be lost
    press_key(w, WXK_ESCAPE);
    REQUIRE(messages.questions.size() == 3);
    CHECK(messages.question_texts[2].Contains(wxS("note you typed is not saved")));
    pump(50);
    REQUIRE(s.frame->walkthrough() == w);
    CHECK(static_cast<wxTextCtrl*>(control(*w, wxS("Evidence note")))->GetValue() == wxS("Draft strategy"));
    CHECK(w->current_question() == second);
    // The Close button asks too when a note would be lost.
    CHECK_FALSE(w->Close());
    REQUIRE(messages.questions.size() == 4);
    REQUIRE(s.frame->walkthrough() == w);

    // Answered: Escape, then Close.
    w->press('1');
    messages.answer = 0;  // "Close"
    press_key(w, WXK_ESCAPE);
    REQUIRE(messages.questions.size() == 5);
    REQUIRE(pump_until([&] { return s.frame->walkthrough() == nullptr; }, 3000));
    const auto answers = stored_answers(s.db, s.round, key);
    const Answer* a = find_answer(answers, second);
    REQUIRE(a);
    CHECK(a->evidence == "Draft strategy");
    CHECK(messages.errors() == 0);
}

TEST_CASE("walk-through: the main window's shortcuts work while it has the focus, Ctrl+Q included", "[gui][walkthrough]") {
    CapturedMessages messages;
    WalkSetup s("walkthrough-shortcuts");
    WalkthroughDialog* w = s.frame->open_walkthrough(s.round);
    REQUIRE(w);
    const std::string key = w->add_respondent({"analyst", "", "", "", "", ""});
    w->choose_respondent(key);
    pump(100);
    s.frame->show_page(MainFrame::kAssessments);

    // View > Results (Ctrl+2) from the walk-through.
    press_key(w, '2', wxMOD_CONTROL);
    REQUIRE(pump_until([&] { return s.frame->current_page() == MainFrame::kResults; }, 3000));
    CHECK(find_answer(stored_answers(s.db, s.round, key), w->current_question()) == nullptr);  // not taken as an answer

    // File > Quit (Ctrl+Q): the walk-through and the main window close, every answer kept.
    w->press('3');
    wxWeakRef<wxWindow> frame(s.frame);
    press_key(w, 'q', wxMOD_CONTROL);
    REQUIRE(pump_until([&] { return !frame; }, 5000));
    s.frame = nullptr;  // destroyed by its own Quit
    CHECK(stored_answers(s.db, s.round, key).size() == 1);
    CHECK(messages.errors() == 0);
}

TEST_CASE("walk-through: the status bar says who answers which question, and that it closed", "[gui][walkthrough]") {
    CapturedMessages messages;
    WalkSetup s("walkthrough-status");
    WalkthroughDialog* w = s.frame->open_walkthrough(s.round);
    REQUIRE(w);
    CHECK(status_of(s.frame).Contains(wxS("add a respondent to start answering")));
    const std::string key = w->add_respondent({"analyst", "Test Analyst (fictional)", "", "", "", ""});
    w->choose_respondent(key);
    INFO(u8(status_of(s.frame)));
    CHECK(status_of(s.frame).StartsWith(wxS("Answering ") + wxs(w->questionnaire().title) + wxS(", 2026 as Test Analyst (fictional)")));
    CHECK(status_of(s.frame).Contains(wxS("question 1 of 14, 0 of 14 answered")));
    w->press('2');
    CHECK(status_of(s.frame).Contains(wxS("question 1 of 14, 1 of 14 answered")));
    w->press(WXK_RETURN);
    CHECK(status_of(s.frame).Contains(wxS("question 2 of 14, 1 of 14 answered")));
    w->Close();
    pump(50);
    CHECK(status_of(s.frame).Contains(wxS("closed: every answer is saved")));
    CHECK(messages.errors() == 0);
}

TEST_CASE("walk-through: opening another database closes it first, so no answer goes to the wrong one", "[gui][walkthrough]") {
    CapturedMessages messages;
    WalkSetup s("walkthrough-other-db");
    WalkthroughDialog* w = s.frame->open_walkthrough(s.round);
    REQUIRE(w);
    const std::string key = w->add_respondent({"analyst", "", "", "", "", ""});
    w->choose_respondent(key);
    w->press('2');
    REQUIRE(s.frame->create_database(s.dir + "/other.db", false));
    pump(50);
    CHECK(s.frame->walkthrough() == nullptr);
    CHECK(stored_answers(s.db, s.round, key).size() == 1);
    CHECK(messages.errors() == 0);
}

TEST_CASE("walk-through: Alt+F opens the File menu there, and what is chosen runs in the main window", "[gui][walkthrough]") {
    CapturedMessages messages;
    WalkSetup s("walkthrough-file-menu");
    WalkthroughDialog* w = s.frame->open_walkthrough(s.round);
    REQUIRE(w);
    w->choose_respondent(w->add_respondent({"analyst", "", "", "", "", ""}));
    pump(100);
    s.frame->show_page(MainFrame::kAssessments);
    std::vector<wxString> shown;
    wxString choose;
    WalkthroughDialog::menu_popup_hook = [&](wxMenu& copy) {
        shown.clear();
        for (wxMenuItem* item : copy.GetMenuItems())
            if (!item->IsSeparator()) shown.push_back(item->GetItemLabelText() + (item->IsEnabled() ? wxS("") : wxS(" (off)")));
        return choose.empty() ? static_cast<int>(wxID_NONE) : copy.FindItem(choose);
    };
    struct Unhook {
        ~Unhook() { WalkthroughDialog::menu_popup_hook = nullptr; }
    } unhook;

    // Alt+V: the View menu; Results chosen there shows the Results page.
    choose = wxS("Results");
    press_key(w, 'v', wxMOD_ALT);
    REQUIRE_FALSE(shown.empty());
    CHECK(shown.front() == wxS("Assessments"));
    REQUIRE(pump_until([&] { return s.frame->current_page() == MainFrame::kResults; }, 3000));

    // Alt+F: the File menu, as enabled in the main window; Quit closes everything.
    choose = wxS("Quit");
    wxWeakRef<wxWindow> frame(s.frame);
    press_key(w, 'f', wxMOD_ALT);
    INFO(u8(wxJoin(wxArrayString(shown.size(), shown.data()), '|')));
    CHECK(std::find(shown.begin(), shown.end(), wxS("Quit")) != shown.end());
    CHECK(std::find(shown.begin(), shown.end(), wxS("Reports\u2026")) != shown.end());
    REQUIRE(pump_until([&] { return !frame; }, 5000));
    s.frame = nullptr;  // destroyed by its own Quit
    CHECK(messages.errors() == 0);
}
