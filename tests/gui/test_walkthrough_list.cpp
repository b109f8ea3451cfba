// The walk-through's question list, the keys shown on screen, and a long checklist that
// scrolls while the evidence note stays in sight: through the X server where a person
// would use the keyboard or the mouse.
#include <catch2/catch.hpp>
#include <wx/checkbox.h>
#include <wx/scrolwin.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>

#include "main_frame.h"
#include "walkthrough.h"
#include "walkthrough_list.h"
#include "walkthrough_support.h"
#include "wx_utf8.h"

using namespace ys;
using namespace ys::gui;
using namespace ys::gui::test;

namespace {

const wxString tick = wxS("\u2713");

void click_row(QuestionList* list, const wxTreeItemId& item) {
    REQUIRE(item.IsOk());
    list->EnsureVisible(item);
    pump(30);
    wxRect r;
    REQUIRE(list->GetBoundingRect(item, r, true));
    wxUIActionSimulator sim;
    list->GetParent()->Raise();
    sim.MouseMove(list->ClientToScreen(wxPoint(r.GetLeft() + 10, r.GetTop() + r.GetHeight() / 2)));
    pump(30);
    sim.MouseClick();
    pump(80);
}

int section_of(const Questionnaire& q, const std::string& title) {
    for (std::size_t i = 0; i < q.sections.size(); ++i)
        if (q.sections[i].title == title) return static_cast<int>(i);
    return -1;
}

}  // namespace

TEST_CASE("walk-through: the question list ticks answered questions and jumps to a question or a section", "[gui][walkthrough]") {
    CapturedMessages messages;
    WalkSetup s("walkthrough-list");
    WalkthroughDialog* w = s.frame->open_walkthrough(s.round);
    REQUIRE(w);
    const std::string key = w->add_respondent({"analyst", "", "", "", "", ""});
    w->choose_respondent(key);
    pump(100);
    QuestionList* list = w->question_list();
    REQUIRE(list);
    const Questionnaire& q = w->questionnaire();
    const int first = w->current_question();
    CHECK_FALSE(list->question_label(first).StartsWith(tick));
    CHECK(list->question_label(first).Contains(wxS("1. ")));

    press_key(w, '2');  // answered: ticked in the list, and counted in its section
    REQUIRE(pump_until([&] { return list->question_label(first).StartsWith(tick); }, 3000));
    const int sec = q.questions[static_cast<std::size_t>(first)].section;
    const int in_section = static_cast<int>(q.sections[static_cast<std::size_t>(sec)].questions.size());
    CHECK(list->section_label(sec).EndsWith(wxString::Format(wxS("(1/%d)"), in_section)));

    // A click on the last question goes there.
    const int last = q.sections.back().questions.back();
    click_row(list, list->question_item(last));
    CHECK(w->current_question() == last);
    CHECK(w->counter_text() == wxS("Question 14 of 14"));

    // A click on the first section goes to its first question not answered yet: the second.
    click_row(list, list->section_item(sec));
    CHECK(w->current_question() == q.sections[static_cast<std::size_t>(sec)].questions[1]);
    CHECK(list->section_target(sec) == w->current_question());

    // L, then the arrow keys: each question shows as the list moves, and the focus stays in the list.
    press_key(w, 'L');
    REQUIRE(wxWindow::FindFocus() == list);
    const int before = w->current_question();
    press_key(w, WXK_DOWN);
    CHECK(w->current_question() != before);
    CHECK(wxWindow::FindFocus() == list);
    const int chosen = w->current_question();
    CHECK(w->keys_text().Contains(wxS("Enter answer this one")));
    // Enter answers the one chosen: the focus goes to its options, and a number key answers it.
    press_key(w, WXK_RETURN);
    CHECK(wxWindow::FindFocus() != list);
    press_key(w, '3');
    REQUIRE(pump_until([&] { return find_answer(stored_answers(s.db, s.round, key), chosen) != nullptr; }, 3000));
    const auto answers = stored_answers(s.db, s.round, key);
    REQUIRE(find_answer(answers, chosen));
    CHECK(find_answer(answers, chosen)->choice == 2);
    CHECK(list->question_label(chosen).StartsWith(tick));
    CHECK(messages.errors() == 0);
    w->Close(true);
}

TEST_CASE("walk-through: the question list holds only the questions asked now", "[gui][walkthrough]") {
    CapturedMessages messages;
    WalkSetup s("walkthrough-list-conditions");
    WalkthroughDialog* w = s.frame->open_walkthrough(s.full_round());
    REQUIRE(w);
    w->choose_respondent(w->add_respondent({"analyst", "", "", "", "", ""}));
    const Questionnaire& q = w->questionnaire();
    const int delivery = q.find_question("full-lead-strategy-delivery");  // asked when the strategy is at l3 or above
    QuestionList* list = w->question_list();
    w->press('1');
    CHECK(list->question_label(delivery).empty());
    CHECK_FALSE(w->jump_to(delivery));
    w->press('4');
    CHECK_FALSE(list->question_label(delivery).empty());
    CHECK(w->jump_to(delivery));
    CHECK(w->current_question() == delivery);
    // Numbered as "Question n of m" counts.
    long n = 0;
    REQUIRE(w->counter_text().AfterFirst(' ').BeforeFirst(' ').ToLong(&n));
    CHECK(list->question_label(delivery).Contains(wxString::Format(wxS(" %ld. "), n)));
    // A section that is all answered is ticked too.
    const int sec = section_of(q, "Leadership and strategy");
    REQUIRE(sec >= 0);
    CHECK_FALSE(list->section_label(sec).StartsWith(tick));
    CHECK(messages.errors() == 0);
    w->Close(true);
}

TEST_CASE("walk-through: the keys that work are shown, and how to write a note, which is saved with Ctrl+Enter", "[gui][walkthrough]") {
    CapturedMessages messages;
    WalkSetup s("walkthrough-keys-shown");
    WalkthroughDialog* w = s.frame->open_walkthrough(s.round);
    REQUIRE(w);
    CHECK(w->keys_text().Contains(wxS("Add a respondent")));
    const std::string key = w->add_respondent({"analyst", "", "", "", "", ""});
    w->choose_respondent(key);
    pump(100);
    const Questionnaire& q = w->questionnaire();
    const int first = w->current_question();
    const auto options = q.questions[static_cast<std::size_t>(first)].options.size();
    INFO(u8(w->keys_text()));
    CHECK(w->keys_text().Contains(wxString::Format(wxS("1\u2013%zu choose"), options)));
    CHECK(w->keys_text().Contains(wxS("E write a note")));
    CHECK(w->keys_text().Contains(wxS("D don't know")));
    CHECK_FALSE(w->keys_text().Contains(wxS("N not applicable")));  // not allowed on the quick check
    CHECK(w->keys_text().Contains(wxS("Esc close")));

    // A note typed before any answer is kept, not lost, and Ctrl+Enter does not move on.
    press_key(w, 'E');
    REQUIRE(wxWindow::FindFocus() == control(*w, wxS("Evidence note")));
    CHECK(w->keys_text().Contains(wxS("Writing a note")));
    CHECK(w->keys_text().Contains(wxS("Ctrl+Enter")));
    type_text(w, "Cabinet minutes");
    press_key(w, WXK_RETURN, wxMOD_CONTROL);
    CHECK(w->current_question() == first);
    auto* note = static_cast<wxTextCtrl*>(control(*w, wxS("Evidence note")));
    CHECK(note->GetValue().StartsWith(wxS("Cabinet minutes")));

    // With an answer, Ctrl+Enter stores the note with it and moves on.
    press_key(w, WXK_TAB);  // out of the note
    w->press('2');
    note->SetFocus();
    press_key(w, WXK_END);
    type_text(w, " March 2026");
    press_key(w, WXK_RETURN, wxMOD_CONTROL);
    REQUIRE(pump_until([&] { return w->current_question() != first; }, 3000));
    const auto answers = stored_answers(s.db, s.round, key);
    const Answer* a = find_answer(answers, first);
    REQUIRE(a);
    CHECK(a->evidence == "Cabinet minutes March 2026");
    CHECK(w->keys_text().Contains(wxS("E write a note")));

    // The finished view says how to go back.
    while (!w->finished()) w->press(WXK_RETURN);
    CHECK(w->keys_text().Contains(wxS("Backspace back to the last question")));
    CHECK(messages.errors() == 0);
    w->Close(true);
}

TEST_CASE("walk-through: the keys shown follow the kind of question", "[gui][walkthrough]") {
    CapturedMessages messages;
    WalkSetup s("walkthrough-keys-kinds");
    WalkthroughDialog* w = s.frame->open_walkthrough(s.full_round());
    REQUIRE(w);
    w->choose_respondent(w->add_respondent({"analyst", "", "", "", "", ""}));
    const Questionnaire& q = w->questionnaire();
    REQUIRE(w->jump_to(q.find_question("full-use-areas")));  // eleven options: the tenth is 0
    CHECK(w->keys_text().Contains(wxS("1\u20139, 0 tick or untick")));
    REQUIRE(w->jump_to(q.find_question("full-cult-testing")));
    CHECK(w->keys_text().Contains(wxS("yes up to that step")));
    REQUIRE(w->jump_to(q.find_question("full-skills-analyst-rate")));
    CHECK(w->keys_text().Contains(wxS("Type the number, then Enter")));
    CHECK_FALSE(w->keys_text().Contains(wxS("D don't know")));  // typed into the number field instead
    w->Close(true);
}

TEST_CASE("walk-through: a long checklist scrolls inside the question and the note box stays in sight", "[gui][walkthrough]") {
    CapturedMessages messages;
    WalkSetup s("walkthrough-scroll");
    WalkthroughDialog* w = s.frame->open_walkthrough(s.full_round());
    REQUIRE(w);
    w->choose_respondent(w->add_respondent({"analyst", "", "", "", "", ""}));
    const Questionnaire& q = w->questionnaire();
    const int areas = q.find_question("full-use-areas");
    const Question& question = q.questions[static_cast<std::size_t>(areas)];
    REQUIRE(question.options.size() == 11);
    for (const wxSize size : {w->GetMinSize(), wxSize(1004, 680), wxSize(1346, 748)}) {
        INFO("window " << size.GetWidth() << "x" << size.GetHeight());
        w->SetSize(size);
        pump(50);
        REQUIRE(w->jump_to(q.find_question("full-use-performance")));  // the checklist built anew at this size
        REQUIRE(w->jump_to(areas));
        pump(100);
        auto* body = dynamic_cast<wxScrolledWindow*>(control(*w, wxS("Question")));
        auto* note = control(*w, wxS("Evidence note"));
        auto* last = dynamic_cast<wxCheckBox*>(control(*w, wxs(question.options.back().label)));
        REQUIRE(body);
        REQUIRE(note);
        REQUIRE(last);
        // The note box whole inside the window, below the question, not under the keys or buttons.
        const wxRect client(wxPoint(0, 0), w->GetClientSize());
        const wxRect note_rect(w->ScreenToClient(note->GetScreenPosition()), note->GetSize());
        const wxRect body_rect(w->ScreenToClient(body->GetScreenPosition()), body->GetSize());
        CHECK(note->IsShownOnScreen());
        CHECK(client.Contains(note_rect));
        CHECK(note_rect.GetHeight() >= w->FromDIP(40));
        CHECK_FALSE(note_rect.Intersects(body_rect));
        for (const char* name : {"Keys", "Saved"}) {
            wxWindow* other = control(*w, wxString::FromUTF8(name));
            REQUIRE(other);
            CHECK_FALSE(note_rect.Intersects(wxRect(w->ScreenToClient(other->GetScreenPosition()), other->GetSize())));
        }
        // Where the options do not fit, they scroll, and the last one can be reached.
        if (body->GetVirtualSize().GetHeight() > body->GetClientSize().GetHeight()) {
            body->Scroll(0, body->GetVirtualSize().GetHeight());
            pump(30);
            const wxRect seen(wxPoint(0, 0), body->GetClientSize());
            CHECK(seen.Contains(wxRect(body->ScreenToClient(last->GetScreenPosition()), last->GetSize())));
        } else {
            CHECK(size != w->GetMinSize());  // at the smallest size it must scroll
        }
    }
    CHECK(messages.errors() == 0);
    w->Close(true);
}

TEST_CASE("walk-through: the question and its options wrap again when the window is resized", "[gui][walkthrough]") {
    CapturedMessages messages;
    WalkSetup s("walkthrough-rewrap");
    WalkthroughDialog* w = s.frame->open_walkthrough(s.full_round());
    REQUIRE(w);
    w->choose_respondent(w->add_respondent({"analyst", "", "", "", "", ""}));
    const Questionnaire& q = w->questionnaire();
    const Question& areas = q.questions[static_cast<std::size_t>(q.find_question("full-use-areas"))];
    w->SetSize(w->GetMinSize());
    pump(50);
    REQUIRE(w->jump_to(q.find_question("full-use-areas")));
    pump(50);
    wxWindow* first = control(*w, wxs(areas.options.front().label));
    REQUIRE(first);
    CHECK(first->GetLabel().Contains(wxS("\n")));  // narrow: on two lines
    w->SetSize(wxSize(1346, 748));
    CHECK(pump_until([&] { return !first->GetLabel().Contains(wxS("\n")); }, 3000));  // wide: on one
    CHECK(first->GetLabel().StartsWith(wxS("1.  ")));
    w->SetSize(w->GetMinSize());
    CHECK(pump_until([&] { return first->GetLabel().Contains(wxS("\n")); }, 3000));
    CHECK(messages.errors() == 0);
    w->Close(true);
}
