// The council's own actions on the Results page: "Write your own action" in the action
// dialog, its title checked as typed (OK waits for a good one), undoable and deletable.
#include <catch2/catch.hpp>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/cmdproc.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "action_items.h"
#include "frames.h"
#include "gui_support.h"
#include "main_frame.h"
#include "results_page.h"
#include "session.h"
#include "wx_utf8.h"

using namespace ys;
using namespace ys::gui;
using namespace ys::gui::test;

namespace {

wxString row_with(wxListCtrl* l, const wxString& text, int column) {
    for (long i = 0; i < l->GetItemCount(); ++i)
        if (l->GetItemText(i) == text) return l->GetItemText(i, column);
    return wxS("(no row)");
}

}  // namespace

TEST_CASE("own actions: written in the action dialog, title checked as typed, undone, redone and deleted",
          "[gui][own-actions]") {
    ensure_wx();
    CapturedMessages messages;
    std::string round;
    MainFrame* frame = westford_frame(scratch_dir("own-actions"), round);
    Session& s = frame->session();
    wxCommandProcessor& cp = frame->commands();
    frame->show_page(MainFrame::kResults);
    pump(150);
    ResultsPage* page = frame->results();
    REQUIRE(page->scored());

    bool ok_waited = false, too_long_refused = false;
    wxString empty_reason;
    DialogAnswers answers([&](wxDialog& dlg) {
        auto* which = wxDynamicCast(control(dlg, _("Action")), wxChoice);
        auto* title = wxDynamicCast(control(dlg, _("Title")), wxTextCtrl);
        auto* owner = wxDynamicCast(control(dlg, _("Owner")), wxTextCtrl);
        auto* ok = dlg.FindWindow(wxID_OK);
        if (!which || !title || !owner || !ok) return wxID_CANCEL;
        CHECK(ok->IsEnabled());  // a framework action is chosen first: no title needed
        which->SetSelection(static_cast<int>(which->GetCount()) - 1);
        CHECK(which->GetStringSelection() == _("Write your own action"));
        wxCommandEvent pick(wxEVT_CHOICE, which->GetId());
        pick.SetEventObject(which);
        which->GetEventHandler()->ProcessEvent(pick);
        ok_waited = !ok->IsEnabled();
        if (auto* reason = wxDynamicCast(wxWindow::FindWindowByName(_("Title") + wxS(" problem"), &dlg), wxStaticText))
            empty_reason = reason->GetLabel();
        title->SetValue(wxString(wxS('x'), 201));
        too_long_refused = !ok->IsEnabled();
        title->SetValue(wxS("Publish the data catalogue"));
        CHECK(ok->IsEnabled());
        owner->SetValue(wxS("Head of data"));
        return wxID_OK;
    });
    page->adopt_action();
    pump(150);
    CHECK(ok_waited);
    CHECK(empty_reason == _("Write what is to be done."));
    CHECK(too_long_refused);
    auto stored = [&] { return store::find_action_item(s.db(), round, "own-1"); };
    REQUIRE(stored());
    CHECK(stored()->title == "Publish the data catalogue");
    CHECK(stored()->owner == "Head of data");
    CHECK(stored()->dimension.empty());
    auto* list = wxDynamicCast(wxWindow::FindWindowByName(_("Action plan"), page), wxListCtrl);
    REQUIRE(list);
    CHECK(row_with(list, wxS("Publish the data catalogue"), 1) == _("No dimension"));

    // Undo takes it out of the plan; Redo puts it back under the same id.
    REQUIRE(cp.Undo());
    CHECK_FALSE(stored());
    REQUIRE(cp.Redo());
    REQUIRE(stored());
    CHECK(stored()->title == "Publish the data catalogue");

    // Deleted like any action, and back with Undo.
    pump(150);
    for (long i = 0; i < list->GetItemCount(); ++i)
        if (list->GetItemText(i) == wxS("Publish the data catalogue")) list->SetItemState(i, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    page->delete_action();
    CHECK_FALSE(stored());
    REQUIRE(cp.Undo());
    REQUIRE(stored());
    CHECK(stored()->owner == "Head of data");
    INFO(messages.all_text());
    CHECK(messages.errors() == 0);
    frame->Destroy();
    pump(50);
}
