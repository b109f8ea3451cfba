// A round's scope in the app (Assessments > Scope...): the framework's dimensions as a
// checklist; unticking one leaves it and those under it out of the round, as
// `yardstick-cli round scope --exclude` does; Edit > Undo puts the scope back; a form that
// would leave nothing to score keeps OK disabled with the reason.
#include <algorithm>

#include <catch2/catch.hpp>
#include <wx/checklst.h>
#include <wx/dialog.h>
#include <wx/stattext.h>

#include "frames.h"
#include "gui_support.h"
#include "main_frame.h"
#include "round_scope_dialog.h"
#include "round_scopes.h"
#include "rounds.h"
#include "session.h"
#include "wx_utf8.h"

using namespace ys;
using namespace ys::gui;
using namespace ys::gui::test;

namespace {

bool ok_enabled(wxDialog& d) {
    wxWindow* ok = d.FindWindow(wxID_OK);
    return ok && ok->IsEnabled();
}

}  // namespace

TEST_CASE("round scope: a dimension unticked is excluded with those under it, and Undo takes it back", "[gui][scope]") {
    ensure_wx();
    CapturedMessages messages;
    std::string round;
    MainFrame* frame = westford_frame(scratch_dir("round-scope"), round);
    Session& s = frame->session();
    auto fw = store::load_framework(s.db(), store::get_round(s.db(), round).framework_hash);
    REQUIRE(fw);
    REQUIRE(fw->dimensions.size() >= 2);
    // The first dimension, and how many dimensions it holds (itself and all below).
    const Dimension& first = fw->dimensions.front();
    std::size_t held = 1;
    for (std::vector<int> below = first.children; !below.empty();) {
        int k = below.back();
        below.pop_back();
        ++held;
        for (int c : fw->dimensions[static_cast<std::size_t>(k)].children) below.push_back(c);
    }
    REQUIRE(store::round_exclusions(s.db(), round).empty());

    {
        DialogAnswers answers([&](wxDialog& d) {
            auto* list = dynamic_cast<wxCheckListBox*>(control(d, wxS("Dimensions in scope")));
            REQUIRE(list);
            REQUIRE(list->GetCount() == fw->dimensions.size());
            for (unsigned i = 0; i < list->GetCount(); ++i) CHECK(list->IsChecked(i));  // all in scope
            CHECK(list->GetString(0).Strip(wxString::both) == wxs(first.name));       // names, not ids
            // Untick everything: OK is disabled with the reason.
            for (unsigned i = 0; i < list->GetCount(); ++i) {
                list->Check(i, false);
                wxCommandEvent e(wxEVT_CHECKLISTBOX, list->GetId());
                e.SetInt(static_cast<int>(i));
                e.SetEventObject(list);
                list->ProcessWindowEvent(e);
            }
            CHECK_FALSE(ok_enabled(d));
            auto* reason = dynamic_cast<wxStaticText*>(control(d, wxS("Round scope problem")));
            REQUIRE(reason);
            CHECK(reason->GetLabel().Contains(wxS("at least one dimension")));
            // Tick all again, then untick the first: what is under it follows.
            for (unsigned i = 0; i < list->GetCount(); ++i) list->Check(i, true);
            list->Check(0, false);
            wxCommandEvent e(wxEVT_CHECKLISTBOX, list->GetId());
            e.SetInt(0);
            e.SetEventObject(list);
            list->ProcessWindowEvent(e);
            std::size_t unticked = 0;
            for (unsigned i = 0; i < list->GetCount(); ++i) unticked += list->IsChecked(i) ? 0 : 1;
            CHECK(unticked == held);
            CHECK(ok_enabled(d));
            return static_cast<int>(wxID_OK);
        });
        REQUIRE(edit_round_scope(frame, *frame, round));
    }
    // Only the dimension unticked is stored: those under it follow from it.
    CHECK(store::round_exclusions(s.db(), round) == std::vector<std::string>{first.id});
    REQUIRE(frame->commands().CanUndo());
    CHECK(frame->commands().Undo());
    CHECK(store::round_exclusions(s.db(), round).empty());
    CHECK(frame->commands().Redo());
    CHECK(store::round_exclusions(s.db(), round) == std::vector<std::string>{first.id});

    // Ticked again in the dialog: taken back into scope.
    {
        DialogAnswers answers([&](wxDialog& d) {
            auto* list = dynamic_cast<wxCheckListBox*>(control(d, wxS("Dimensions in scope")));
            REQUIRE(list);
            CHECK_FALSE(list->IsChecked(0));
            list->Check(0, true);
            wxCommandEvent e(wxEVT_CHECKLISTBOX, list->GetId());
            e.SetInt(0);
            e.SetEventObject(list);
            list->ProcessWindowEvent(e);
            return static_cast<int>(wxID_OK);
        });
        REQUIRE(edit_round_scope(frame, *frame, round));
    }
    CHECK(store::round_exclusions(s.db(), round).empty());
    CHECK(messages.errors() == 0);
    frame->Destroy();
    pump(50);
}

TEST_CASE("round scope: a closed round's scope is shown but cannot change", "[gui][scope]") {
    ensure_wx();
    CapturedMessages messages;
    std::string round;
    MainFrame* frame = westford_frame(scratch_dir("round-scope-closed"), round);
    Session& s = frame->session();
    store::set_round_status(s.db(), round, "closed");
    bool asked = false;
    {
        DialogAnswers answers([&](wxDialog& d) {
            asked = true;
            CHECK(d.FindWindow(wxID_OK) == nullptr);
            auto* list = dynamic_cast<wxCheckListBox*>(control(d, wxS("Dimensions in scope")));
            REQUIRE(list);
            CHECK_FALSE(list->IsEnabled());
            return static_cast<int>(wxID_CANCEL);
        });
        CHECK_FALSE(edit_round_scope(frame, *frame, round));
    }
    CHECK(asked);
    CHECK(store::round_exclusions(s.db(), round).empty());
    CHECK_FALSE(frame->commands().CanUndo());
    frame->Destroy();
    pump(50);
}
