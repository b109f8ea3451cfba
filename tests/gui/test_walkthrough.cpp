// Answering a whole quick check in the walk-through with the keyboard, as a person would:
// key presses through wxUIActionSimulator (the X test extension), each answer in the
// database at once, leaving and resuming, and the Results page changing.
#include <filesystem>

#include <catch2/catch.hpp>
#include <wx/uiaction.h>

#include "assessments_page.h"
#include "database.h"
#include "gui_support.h"
#include "main_frame.h"
#include "organisations.h"
#include "results_page.h"
#include "rounds.h"
#include "session.h"
#include "walkthrough.h"
#include "walkthrough_support.h"
#include "wx_utf8.h"

using namespace ys;
using namespace ys::gui;
using namespace ys::gui::test;

TEST_CASE("walk-through: a whole quick check answered with the keyboard is stored answer by answer", "[gui][walkthrough]") {
    CapturedMessages messages;
    WalkSetup s("walkthrough-keys");
    MainFrame* frame = s.frame;

    // The Results page before anything is answered.
    frame->show_page(MainFrame::kResults);
    pump(100);
    wxString before = frame->results()->summary_text();
    CHECK(before.Contains(wxS("No score yet")));

    frame->show_page(MainFrame::kAssessments);
    frame->assessments()->select_round(s.round);
    WalkthroughDialog* w = frame->open_walkthrough(s.round);
    REQUIRE(w);
    REQUIRE(w->respondent().empty());
    std::string key = w->add_respondent({"analyst", "Test Analyst (fictional)", "", "", "", ""});
    REQUIRE(key == "r1");
    w->choose_respondent(key);
    pump(200);

    const Questionnaire& q = w->questionnaire();
    const int total = static_cast<int>(q.questions.size());
    REQUIRE(total == 14);
    std::vector<std::string> expected(static_cast<std::size_t>(total));
    for (int n = 0; n < total; ++n) {
        INFO("question " << n + 1);
        REQUIRE(w->counter_text() == wxString::Format(wxS("Question %d of %d"), n + 1, total));
        const int qi = w->current_question();
        const Question& question = q.questions[static_cast<std::size_t>(qi)];
        REQUIRE((question.kind == QuestionKind::Choice || question.kind == QuestionKind::Likert));
        const int option = (n * 2 + 1) % static_cast<int>(question.options.size());  // varied answers
        expected[static_cast<std::size_t>(qi)] = question.options[static_cast<std::size_t>(option)].id;

        press_key(w, '1' + option);
        // Stored the moment it was given: read back through another connection.
        REQUIRE(pump_until([&] { return find_answer(stored_answers(s.db, s.round, key), qi) != nullptr; }, 3000));
        const Answer* a = nullptr;
        auto answers = stored_answers(s.db, s.round, key);
        a = find_answer(answers, qi);
        REQUIRE(a->state == AnswerState::Given);
        CHECK(static_cast<int>(a->choice) == option);
        CHECK(answers.size() == static_cast<std::size_t>(n + 1));

        if (n == 2) {
            // Backspace goes back a question, Enter comes forward again.
            press_key(w, WXK_BACK);
            REQUIRE(pump_until([&] { return w->counter_text() == wxS("Question 2 of 14"); }, 3000));
            press_key(w, WXK_RETURN);
            REQUIRE(pump_until([&] { return w->counter_text() == wxS("Question 3 of 14"); }, 3000));
        }
        press_key(w, WXK_RETURN);
        REQUIRE(pump_until([&] { return w->current_question() != qi; }, 3000));
    }
    CHECK(w->finished());
    CHECK(w->counter_text() == wxS("14 of 14 answered"));

    // Every answer as given.
    auto answers = stored_answers(s.db, s.round, key);
    REQUIRE(answers.size() == 14);
    for (const auto& a : answers) {
        const Question& question = q.questions[a.question];
        CHECK(question.options[a.choice].id == expected[a.question]);
    }

    // The Results page now shows the scores.
    w->Close(true);
    pump(100);
    frame->show_page(MainFrame::kResults);
    pump(200);
    wxString after = frame->results()->summary_text();
    INFO(u8(after));
    CHECK(after != before);
    CHECK(after.Contains(wxS("Overall")));
    CHECK(after.Contains(wxS("1 respondent \u00b7")));
    CHECK(frame->results()->scored().has_value());
    CHECK(frame->results()->table_text().Contains(wxS("Leadership")));
    CHECK(messages.errors() == 0);
    INFO(messages.all_text());
}

TEST_CASE("walk-through: leaving and coming back resumes at the first unanswered question", "[gui][walkthrough]") {
    CapturedMessages messages;
    WalkSetup s("walkthrough-resume");
    MainFrame* frame = s.frame;
    WalkthroughDialog* w = frame->open_walkthrough(s.round);
    REQUIRE(w);
    std::string first = w->add_respondent({"senior-leader", "", "", "", "", ""});
    std::string second = w->add_respondent({"frontline", "", "", "", "", ""});
    CHECK(first == "r1");
    CHECK(second == "r2");
    w->choose_respondent(second);
    // Three answers without the X server this time: the same path a key press takes.
    for (int i = 0; i < 3; ++i) {
        w->press('2');
        w->press(WXK_RETURN);
    }
    w->press('N');  // not applicable is not allowed on the quick check: nothing happens
    CHECK(stored_answers(s.db, s.round, second).size() == 3);
    w->press('D');  // don't know is
    CHECK(stored_answers(s.db, s.round, second).size() == 4);
    w->Close(true);
    pump(50);

    w = frame->open_walkthrough(s.round);
    REQUIRE(w);
    CHECK(w->respondent() == first);  // the first respondent, who has answered nothing
    CHECK(w->counter_text() == wxS("Question 1 of 14"));
    w->choose_respondent(second);
    CHECK(w->counter_text() == wxS("Question 5 of 14"));
    auto a = stored_answers(s.db, s.round, second);
    REQUIRE(a.size() == 4);
    CHECK(find_answer(a, w->questionnaire().find_question("qc-skills"))->state == AnswerState::DontKnow);
    w->Close(true);
    CHECK(messages.errors() == 0);
}

TEST_CASE("walk-through: conditional questions come and go with the answers they depend on, with chains, numbers and checklists", "[gui][walkthrough]") {
    CapturedMessages messages;
    WalkSetup s("walkthrough-kinds");
    MainFrame* frame = s.frame;
    Session& session = frame->session();
    auto docs = round_documents(session.catalogue(), "council-full");
    REQUIRE(docs);
    std::string round = store::new_round(session.db(), "westford", "2026", *docs->framework, *docs->questionnaire).id;
    WalkthroughDialog* w = frame->open_walkthrough(round);
    REQUIRE(w);
    const Questionnaire& q = w->questionnaire();
    std::string key = w->add_respondent({"analyst", "", "", "", "", ""});
    w->choose_respondent(key);
    const int total = static_cast<int>(q.questions.size());
    const int delivery = q.find_question("full-lead-strategy-delivery");  // asked when the strategy is at l3 or above
    REQUIRE(delivery >= 0);

    // Level 1 for the strategy: the follow-up question is not asked.
    REQUIRE(q.questions[static_cast<std::size_t>(w->current_question())].id == "full-lead-strategy");
    w->press('1');
    w->press(WXK_RETURN);
    CHECK(w->current_question() != delivery);
    CHECK(w->counter_text().EndsWith(wxString::Format(wxS(" of %d"), total - 4)));  // four follow-ups hidden
    w->press(WXK_BACK);
    // Level 4 instead: now it is.
    w->press('4');
    w->press(WXK_RETURN);
    w->press(WXK_RETURN);  // the second question, left unanswered for now
    CHECK(w->current_question() == delivery);

    // On to the chain, the number and the checklist, in order.
    auto go_to = [&](const std::string& id) {
        for (int guard = 0; guard < total && q.questions[static_cast<std::size_t>(w->current_question())].id != id; ++guard)
            w->press(WXK_RETURN);
        REQUIRE(q.questions[static_cast<std::size_t>(w->current_question())].id == id);
    };
    go_to("full-cult-testing");  // a chain: key 2 = yes to the first two steps
    w->press('2');
    go_to("full-skills-analyst-rate");  // a number, typed through the X server into the focused field
    {
        wxUIActionSimulator sim;
        w->Raise();
        sim.MouseMove(w->GetScreenPosition() + wxPoint(w->GetSize().GetWidth() / 2, 20));
        pump(50);
        sim.Text("12");
        pump(50);
        sim.Char(WXK_RETURN);
        REQUIRE(pump_until([&] { return q.questions[static_cast<std::size_t>(w->current_question())].id != "full-skills-analyst-rate"; }, 3000));
    }
    go_to("full-skills-routes");  // a checklist: keys tick options
    const Question& routes = q.questions[static_cast<std::size_t>(w->current_question())];
    int technician = -1;
    for (std::size_t i = 0; i < routes.options.size(); ++i)
        if (routes.options[i].id == "appr-data-technician") technician = static_cast<int>(i);
    REQUIRE(technician >= 0);
    REQUIRE(technician < 9);
    const int apprenticeships = q.find_question("full-skills-apprenticeships");
    w->press('1' + technician);
    w->press(WXK_RETURN);
    CHECK(w->current_question() == apprenticeships);  // asked because an apprenticeship route was ticked

    auto answers = stored_answers(s.db, round, key);
    auto a = [&](const std::string& id) { return find_answer(answers, q.find_question(id)); };
    REQUIRE(a("full-lead-strategy"));
    CHECK(q.questions[static_cast<std::size_t>(q.find_question("full-lead-strategy"))].options[a("full-lead-strategy")->choice].id == "l4");
    REQUIRE(a("full-cult-testing"));
    CHECK(a("full-cult-testing")->choice == 2);
    REQUIRE(a("full-skills-analyst-rate"));
    CHECK(a("full-skills-analyst-rate")->number == Approx(12));
    REQUIRE(a("full-skills-routes"));
    CHECK(a("full-skills-routes")->ticked == (1ull << technician));
    CHECK(messages.errors() == 0);
    INFO(messages.all_text());
    w->Close(true);
}
