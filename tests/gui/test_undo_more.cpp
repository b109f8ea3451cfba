// Every edit the app offers can be undone: the ones added with the deletes (a target or an
// action taken away on the Results page, a new round, a round closed), each through the
// page or command the app itself uses, then Edit > Undo and Redo.
#include <catch2/catch.hpp>

#include <wx/cmdproc.h>
#include <wx/listctrl.h>

#include "action_items.h"
#include "assessments_page.h"
#include "edit_commands.h"
#include "frames.h"
#include "gui_support.h"
#include "main_frame.h"
#include "results_page.h"
#include "rounds.h"
#include "session.h"
#include "wx_utf8.h"

using namespace ys;
using namespace ys::gui;
using namespace ys::gui::test;

namespace {

// Selects a row of one of the Results page's lists by the text of its first column.
void select_row(ResultsPage* page, const wxString& list, const wxString& text) {
    auto* l = wxDynamicCast(wxWindow::FindWindowByName(list, page), wxListCtrl);
    REQUIRE(l);
    for (long i = 0; i < l->GetItemCount(); ++i)
        if (l->GetItemText(i).Strip(wxString::both) == text) {
            l->SetItemState(i, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
            return;
        }
    FAIL("no row " << u8(text) << " in " << u8(list));
}

}  // namespace

TEST_CASE("undo: a target or an action deleted on the Results page comes back with Undo", "[gui][undo][kept-work]") {
    ensure_wx();
    CapturedMessages messages;
    std::string round;
    MainFrame* frame = westford_frame(scratch_dir("undo-deletes"), round);
    Session& s = frame->session();
    wxCommandProcessor& cp = frame->commands();
    REQUIRE(cp.Submit(new SetTargetCommand(*frame, {"westford", "council-data-maturity", "leadership", "2027-03-31", 3})));
    frame->show_page(MainFrame::kResults);
    pump(150);
    ResultsPage* page = frame->results();
    REQUIRE(page->scored());
    const auto framework = page->scored()->framework;  // kept: the page reads its results again after each edit
    const Framework& fw = *framework;
    const int d = fw.find_dimension("leadership");
    REQUIRE(d >= 0);
    const Dimension& dim = fw.dimensions[static_cast<std::size_t>(d)];
    auto target = [&]() -> std::optional<store::TargetRecord> {
        for (const auto& t : store::list_targets(s.db(), "westford"))
            if (t.dimension == "leadership") return t;
        return std::nullopt;
    };

    select_row(page, _("Scores by dimension"), wxs(dim.name));
    page->delete_target();
    CHECK_FALSE(target());
    CHECK(cp.GetUndoMenuLabel().Contains(wxs(dim.name)));
    REQUIRE(cp.Undo());
    REQUIRE(target());
    CHECK(target()->level == 3);
    CHECK(target()->by == "2027-03-31");
    REQUIRE(cp.Redo());
    CHECK_FALSE(target());
    REQUIRE(cp.Undo());

    // An adopted action with an owner, taken out of the plan and put back as it was.
    REQUIRE_FALSE(dim.actions.empty());
    store::ActionItem item;
    item.round = round;
    item.action = dim.actions[0].id;
    item.owner = "Head of data";
    item.due = "2027-01-31";
    item.status = "in-progress";
    item.notes = "Started in the autumn";
    REQUIRE(cp.Submit(new SaveActionItemCommand(*frame, item)));
    pump(150);
    select_row(page, _("Action plan"), wxs(dim.actions[0].title));
    page->delete_action();
    CHECK_FALSE(store::find_action_item(s.db(), round, item.action));
    REQUIRE(cp.Undo());
    auto back = store::find_action_item(s.db(), round, item.action);
    REQUIRE(back);
    CHECK(back->owner == "Head of data");
    CHECK(back->due == "2027-01-31");
    CHECK(back->status == "in-progress");
    CHECK(back->notes == "Started in the autumn");
    INFO(messages.all_text());
    CHECK(messages.errors() == 0);
    frame->Destroy();
    pump(50);
}

TEST_CASE("undo: a new round is taken away by Undo while nothing is answered in it, and a round closed reopens", "[gui][undo][kept-work]") {
    ensure_wx();
    CapturedMessages messages;
    std::string first;
    MainFrame* frame = westford_frame(scratch_dir("undo-rounds"), first);
    Session& s = frame->session();
    wxCommandProcessor& cp = frame->commands();
    auto docs = round_documents(s.catalogue(), "council-quick-check");
    REQUIRE(docs);
    auto* add = new NewRoundCommand(*frame, "westford", "2027", *docs->framework, *docs->questionnaire, "open", _("New round 2027"));
    REQUIRE(cp.Submit(add));
    const std::string id = add->round();
    CHECK(store::list_rounds(s.db(), "westford").size() == 2);
    REQUIRE(cp.Undo());
    CHECK(store::list_rounds(s.db(), "westford").size() == 1);
    REQUIRE(cp.Redo());
    CHECK(store::get_round(s.db(), id).period == "2027");

    // Once someone has answered, Undo refuses and says how to delete it instead.
    store::add_respondent(s.db(), id, "analyst", "Ann", "", "ann");
    CHECK_FALSE(cp.Undo());
    REQUIRE(messages.errors() == 1);
    CHECK((messages.messages.back().text + messages.messages.back().detail).Contains(wxS("Delete round")));
    CHECK(store::get_round(s.db(), id).respondents == 1);
    messages.messages.clear();

    // Close, as the Assessments page does it, and Undo opens it again.
    frame->show_page(MainFrame::kAssessments);
    pump(100);
    frame->assessments()->select_round(first);
    frame->assessments()->set_status_of_selected("closed");
    CHECK(store::get_round(s.db(), first).status == "closed");
    REQUIRE(cp.Undo());
    CHECK(store::get_round(s.db(), first).status == "open");
    REQUIRE(cp.Redo());
    CHECK(store::get_round(s.db(), first).status == "closed");
    INFO(messages.all_text());
    CHECK(messages.errors() == 0);
    frame->Destroy();
    pump(50);
}
