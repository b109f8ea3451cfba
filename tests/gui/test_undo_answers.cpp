// Answers given in the walk-through and imports are in the main window's undo list: Edit >
// Undo puts back the answer and note the respondent had before (or the blank), in the store
// and on screen, and Redo gives the answer again; an import is undone and redone as one step.
#include <catch2/catch.hpp>
#include <wx/cmdproc.h>
#include <wx/textctrl.h>

#include "main_frame.h"
#include "organisations.h"
#include "rounds.h"
#include "session.h"
#include "walkthrough.h"
#include "walkthrough_list.h"
#include "walkthrough_support.h"
#include "wx_utf8.h"

using namespace ys;
using namespace ys::gui;
using namespace ys::gui::test;

namespace {
const wxString tick = wxS("\u2713");
}

TEST_CASE("undo: an answer given in the walk-through is put back by Edit > Undo, the blank too, and Redo gives it again",
          "[gui][undo][walkthrough]") {
    CapturedMessages messages;
    WalkSetup s("undo-answers");
    WalkthroughDialog* w = s.frame->open_walkthrough(s.round);
    REQUIRE(w);
    const std::string key = w->add_respondent({"analyst", "", "", "", "", ""});
    w->choose_respondent(key);
    const int first = w->current_question();
    REQUIRE(first >= 0);
    REQUIRE(w->questionnaire().questions[static_cast<std::size_t>(first)].options.size() >= 3);
    wxCommandProcessor& cp = s.frame->commands();
    auto* note = wxDynamicCast(control(*w, _("Evidence note")), wxTextCtrl);
    REQUIRE(note);

    w->press('2');
    std::int64_t first_time = 0;
    {
        auto stored = stored_answers(s.db, s.round, key);
        const Answer* a = find_answer(stored, first);
        REQUIRE(a);
        CHECK(a->choice == 1);
        first_time = a->answered_at;
    }
    REQUIRE(cp.CanUndo());
    CHECK(cp.GetUndoMenuLabel().Contains(wxS("Answer \u201c")));
    // Changed, with a note.
    note->SetValue(wxS("Board minutes, May"));
    w->press('3');
    {
        auto stored = stored_answers(s.db, s.round, key);
        const Answer* a = find_answer(stored, first);
        REQUIRE(a);
        CHECK(a->choice == 2);
        CHECK(a->evidence == "Board minutes, May");
    }

    // Undo: the earlier answer, with no note and its own time, in the store and on screen.
    REQUIRE(cp.Undo());
    pump(50);
    {
        auto stored = stored_answers(s.db, s.round, key);
        const Answer* a = find_answer(stored, first);
        REQUIRE(a);
        CHECK(a->choice == 1);
        CHECK(a->evidence.empty());
        CHECK(a->answered_at == first_time);
        const Answer* shown = w->answer_of(first);
        REQUIRE(shown);
        CHECK(shown->choice == 1);
        CHECK(w->current_question() == first);
        CHECK(note->GetValue().empty());
    }
    // Undo again: the question is blank, as before it was answered, and no longer ticked.
    REQUIRE(cp.Undo());
    pump(50);
    CHECK_FALSE(find_answer(stored_answers(s.db, s.round, key), first));
    CHECK_FALSE(w->answer_of(first));
    CHECK_FALSE(w->question_list()->question_label(first).StartsWith(tick));
    // Redo twice: the answers come back in order, the note with the second.
    REQUIRE(cp.Redo());
    REQUIRE(cp.Redo());
    pump(50);
    {
        auto stored = stored_answers(s.db, s.round, key);
        const Answer* a = find_answer(stored, first);
        REQUIRE(a);
        CHECK(a->choice == 2);
        CHECK(a->evidence == "Board minutes, May");
        REQUIRE(w->answer_of(first));
        CHECK(w->answer_of(first)->choice == 2);
        CHECK(note->GetValue() == wxS("Board minutes, May"));
        CHECK(w->question_list()->question_label(first).StartsWith(tick));
    }
    CHECK(messages.errors() == 0);
    w->Close(true);
    pump(50);
}

TEST_CASE("undo: an answer's undo after its round was closed is refused in plain words and changes nothing", "[gui][undo][walkthrough]") {
    CapturedMessages messages;
    WalkSetup s("undo-answers-closed");
    WalkthroughDialog* w = s.frame->open_walkthrough(s.round);
    REQUIRE(w);
    const std::string key = w->add_respondent({"analyst", "", "", "", "", ""});
    w->choose_respondent(key);
    const int first = w->current_question();
    w->press('2');
    w->Close(true);
    pump(50);
    store::set_round_status(s.frame->session().db(), s.round, "closed");
    wxCommandProcessor& cp = s.frame->commands();
    REQUIRE(cp.CanUndo());
    CHECK_FALSE(cp.Undo());
    pump(50);
    REQUIRE(messages.errors() == 1);
    CHECK(messages.all_text().find("is closed, so its answers cannot change") != std::string::npos);
    CHECK(find_answer(stored_answers(s.db, s.round, key), first));
}

TEST_CASE("undo: an import is one step: Undo takes its organisation and round away, Redo brings them back", "[gui][undo][import]") {
    ensure_wx();
    CapturedMessages messages;
    const std::string dir = scratch_dir("undo-import");
    auto* frame = new MainFrame(application_data_dirs());
    frame->Show();
    REQUIRE(frame->create_database(dir + "/import.db", false));
    const std::string file = std::string(YS_SOURCE_DIR) + "/examples/answers/northwold-2026-quick.json";
    bool finished = false, ok = false;
    frame->import_files({file}, [&](bool r) {
        finished = true;
        ok = r;
    });
    REQUIRE(pump_until([&] { return finished; }, 30000));
    REQUIRE(ok);
    auto& db = frame->session().db();
    REQUIRE(store::list_organisations(db).size() == 1);
    const auto rounds = store::list_rounds(db, store::list_organisations(db)[0].id);
    REQUIRE(rounds.size() == 1);
    const int answers = rounds[0].answers;
    REQUIRE(answers > 0);
    wxCommandProcessor& cp = frame->commands();
    REQUIRE(cp.CanUndo());
    CHECK(cp.GetUndoMenuLabel().Contains(wxS("Import")));
    REQUIRE(cp.Undo());
    pump(50);
    CHECK(store::list_organisations(db).empty());
    REQUIRE(cp.Redo());
    pump(50);
    REQUIRE(store::list_organisations(db).size() == 1);
    const auto again = store::list_rounds(db, store::list_organisations(db)[0].id);
    REQUIRE(again.size() == 1);
    CHECK(again[0].answers == answers);
    CHECK(messages.errors() == 0);
    frame->Destroy();
    pump(50);
}
