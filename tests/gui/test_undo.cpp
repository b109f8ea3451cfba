// Edit > Undo and Redo of targets and action items when there was nothing before: a new
// target is removed, a newly adopted action leaves the plan, an emptied field comes back.
#include <catch2/catch.hpp>

#include "action_items.h"
#include "edit_commands.h"
#include "frames.h"
#include "gui_support.h"
#include "main_frame.h"
#include "organisations.h"
#include "results_page.h"
#include "rounds.h"
#include "session.h"
#include "wx_utf8.h"

using namespace ys;
using namespace ys::gui;
using namespace ys::gui::test;

TEST_CASE("undo: a target set where there was none is removed by Undo and set again by Redo", "[gui][undo]") {
    ensure_wx();  // first: it installs the default message sinks
    CapturedMessages messages;
    std::string round;
    MainFrame* frame = westford_frame(scratch_dir("undo-new-target"), round);
    Session& s = frame->session();
    frame->show_page(MainFrame::kResults);
    pump(100);
    auto stored = [&]() -> std::optional<store::TargetRecord> {
        for (const auto& t : store::list_targets(s.db(), "westford"))
            if (t.dimension == "leadership") return t;
        return std::nullopt;
    };
    // What the Results page shows for leadership after it has caught up.
    auto shown = [&]() -> std::optional<int> {
        pump(100);
        const auto& scored = frame->results()->scored();
        REQUIRE(scored.has_value());
        int d = scored->framework->find_dimension("leadership");
        REQUIRE(d >= 0);
        return scored->result.dimensions[static_cast<std::size_t>(d)].target;
    };
    REQUIRE_FALSE(stored());
    CHECK_FALSE(shown());

    wxCommandProcessor& cp = frame->commands();
    REQUIRE(cp.Submit(new SetTargetCommand(*frame, {"westford", "council-data-maturity", "leadership", "2027-03-31", 3})));
    REQUIRE(stored());
    CHECK(stored()->level == 3);
    CHECK(shown() == 3);
    REQUIRE(cp.CanUndo());
    CHECK(cp.GetUndoMenuLabel().Contains(wxS("Set target for leadership")));

    CHECK(cp.Undo());
    CHECK_FALSE(stored());  // gone from the store, not set to some other level
    CHECK_FALSE(shown());
    REQUIRE(cp.CanRedo());
    CHECK(cp.Redo());
    REQUIRE(stored());
    CHECK(stored()->level == 3);
    CHECK(stored()->by == "2027-03-31");
    CHECK(shown() == 3);
    // And back once more: the command still knows there was nothing before it.
    CHECK(cp.Undo());
    CHECK_FALSE(stored());
    INFO(messages.all_text());
    CHECK(messages.errors() == 0);
    frame->Destroy();
    pump(50);
}

TEST_CASE("undo: an action item's owner cleared is put back by Undo, and an adoption undone leaves the plan", "[gui][undo]") {
    ensure_wx();  // first: it installs the default message sinks
    CapturedMessages messages;
    std::string round;
    MainFrame* frame = westford_frame(scratch_dir("undo-action-owner"), round);
    Session& s = frame->session();
    const std::string action = "lead-1-2-name-an-accountable-lead";
    auto stored = [&] { return store::find_action_item(s.db(), round, action); };
    wxCommandProcessor& cp = frame->commands();

    // Adopted with an owner and notes, then edited as the form leaves it with both emptied.
    REQUIRE(cp.Submit(new SaveActionItemCommand(*frame, {round, action, "", "Head of data", "2027-01-31", "not-started", "Board paper", ""})));
    REQUIRE(cp.Submit(new SaveActionItemCommand(*frame, {round, action, "", "", "2027-01-31", "in-progress", "", ""})));
    REQUIRE(stored());
    CHECK(stored()->owner.empty());  // cleared in the store, not kept
    CHECK(stored()->notes.empty());
    CHECK(stored()->status == "in-progress");

    REQUIRE(cp.CanUndo());
    CHECK(cp.Undo());
    REQUIRE(stored());
    CHECK(stored()->owner == "Head of data");
    CHECK(stored()->notes == "Board paper");
    CHECK(stored()->status == "not-started");
    CHECK(cp.Redo());
    CHECK(stored()->owner.empty());

    // Undoing both edits: the action was not in the plan before, so it leaves it.
    CHECK(cp.Undo());
    CHECK(cp.Undo());
    CHECK_FALSE(stored());
    CHECK(store::list_action_items(s.db(), round).empty());
    CHECK(cp.Redo());
    REQUIRE(stored());
    CHECK(stored()->owner == "Head of data");
    INFO(messages.all_text());
    CHECK(messages.errors() == 0);
    frame->Destroy();
    pump(50);
}
