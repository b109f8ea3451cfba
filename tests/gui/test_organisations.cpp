// Organisation > Edit and Move: the real dialogs, answered as a person would (no window is
// shown), the store changed, the tree read again with the organisation still selected, and
// the store's refusals shown in a message that changes nothing.
#include <map>

#include <catch2/catch.hpp>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/menu.h>
#include <wx/textctrl.h>

#include "dialogs.h"
#include "gui_support.h"
#include "main_frame.h"
#include "tree_names.h"
#include "organisations.h"
#include "session.h"
#include "wx_utf8.h"

using namespace ys;
using namespace ys::gui;
using namespace ys::gui::test;

namespace {

// A region of two fictional councils, one of them with a department.
MainFrame* region_frame(const std::string& name) {
    ensure_wx();
    std::string dir = scratch_dir(name);
    auto* frame = new MainFrame(application_data_dirs());
    frame->Show();
    REQUIRE(frame->create_database(dir + "/orgs.db", false));
    store::Connection& c = frame->session().db();
    store::add_organisation(c, {"north-vale", "North Vale (fictional)", "region", "", "", ""});
    store::add_organisation(c, {"westford", "Westford Borough Council (fictional)", "unitary", "North Vale", "E06999901", "north-vale"});
    store::add_organisation(c, {"eastbury", "Eastbury District Council (fictional)", "district", "North Vale", "", "north-vale"});
    store::add_organisation(c, {"westford-housing", "Westford Housing (fictional)", "department", "", "", "westford"});
    frame->organisations_changed();
    return frame;
}

// Chooses a menu item as a person would: enabled only as the menu shows it, then its command.
bool choose(MainFrame* frame, const wxString& menu, const wxString& item) {
    wxMenuBar* bar = frame->GetMenuBar();
    int id = bar->FindMenuItem(menu, item);
    REQUIRE(id != wxNOT_FOUND);
    frame->DoMenuUpdates();
    if (!bar->IsEnabled(id)) return false;
    wxCommandEvent e(wxEVT_MENU, id);
    frame->GetEventHandler()->ProcessEvent(e);
    pump(50);
    return true;
}

std::map<std::string, std::string> parents(store::Connection& c) {
    std::map<std::string, std::string> out;
    for (const auto& o : store::list_organisations(c)) out[o.id] = o.parent;
    return out;
}

wxString selected_text(MainFrame* frame) { return whole_name(*frame->tree(), frame->tree()->GetSelection()); }

wxString selected_parent_text(MainFrame* frame) {
    return whole_name(*frame->tree(), frame->tree()->GetItemParent(frame->tree()->GetSelection()));
}

}  // namespace

TEST_CASE("organisations: Edit organisation renames the selected council through its dialog and keeps it selected", "[gui][organisations]") {
    ensure_wx();  // first: it installs the default message sinks
    CapturedMessages messages;
    MainFrame* frame = region_frame("org-edit");
    store::Connection& c = frame->session().db();
    frame->select_organisation("westford");
    const std::string renamed = "Westford City Council (fictional) \u2013 Cyngor Dinas \u0174estffordd";

    wxString type_shown, ons_shown;
    DialogAnswers answers([&](wxDialog& d) {
        auto* name = wxDynamicCast(control(d, _("Name")), wxTextCtrl);
        auto* type = wxDynamicCast(control(d, _("Type")), wxChoice);
        auto* ons = wxDynamicCast(control(d, _("ONS code")), wxTextCtrl);
        REQUIRE(name);
        REQUIRE(type);
        REQUIRE(ons);
        CHECK(name->GetValue() == wxS("Westford Borough Council (fictional)"));  // filled with what is stored
        type_shown = type->GetStringSelection();
        ons_shown = ons->GetValue();
        name->SetValue(wxs(renamed));
        return wxID_OK;
    });
    REQUIRE(choose(frame, _("Organisation"), _("Edit organisation\u2026")));
    REQUIRE(answers.titles.size() == 1);
    CHECK(answers.titles[0] == _("Edit organisation"));
    CHECK(type_shown == wxS("Unitary authority"));  // the type's name, not its id
    CHECK(ons_shown == wxS("E06999901"));

    auto after = store::find_organisation(c, "westford");
    REQUIRE(after);
    CHECK(after->name == renamed);  // UTF-8 all the way to the store
    CHECK(after->type == "unitary");
    CHECK(after->region == "North Vale");
    CHECK(after->ons_code == "E06999901");
    CHECK(after->parent == "north-vale");
    CHECK(frame->selected_organisation() == "westford");
    CHECK(selected_text(frame) == wxs(renamed));  // the tree was read again
    INFO(messages.all_text());
    CHECK(messages.errors() == 0);

    SECTION("a bad ONS code is refused by the form as it is typed, and nothing changes") {
        int shown = 0;
        wxString said;
        bool ok_enabled = true;
        DialogAnswers bad([&](wxDialog& d) {
            if (++shown > 1) return static_cast<int>(wxID_CANCEL);  // the form stayed open: give up
            wxDynamicCast(control(d, _("Name")), wxTextCtrl)->SetValue(wxS("Another name"));
            wxDynamicCast(control(d, _("ONS code")), wxTextCtrl)->SetValue(wxS("E0699"));
            said = dynamic_cast<FormDialog&>(d).reason_for(control(d, _("ONS code")));
            ok_enabled = d.FindWindow(wxID_OK)->IsEnabled();
            return static_cast<int>(wxID_OK);  // as if OK were pressed regardless
        });
        REQUIRE(choose(frame, _("Organisation"), _("Edit organisation\u2026")));
        CHECK(shown == 2);
        CHECK(said == wxS("ONS code: a capital letter and 8 digits, such as E09000001; or leave it empty."));
        CHECK_FALSE(ok_enabled);
        CHECK(messages.errors() == 0);
        CHECK(store::find_organisation(c, "westford")->name == renamed);
        CHECK(store::find_organisation(c, "westford")->ons_code == "E06999901");
        CHECK(frame->selected_organisation() == "westford");
    }
    SECTION("Edit > Undo puts the old name back and Redo renames it again") {
        REQUIRE(frame->commands().CanUndo());
        CHECK(frame->commands().GetUndoMenuLabel().Contains(wxS("Edit organisation westford")));
        REQUIRE(frame->commands().Undo());
        CHECK(store::find_organisation(c, "westford")->name == "Westford Borough Council (fictional)");
        CHECK(store::find_organisation(c, "westford")->ons_code == "E06999901");
        CHECK(frame->commands().CanRedo());
        REQUIRE(frame->commands().Redo());
        CHECK(store::find_organisation(c, "westford")->name == renamed);
        CHECK(messages.errors() == 0);
    }
    SECTION("Cancel changes nothing") {
        DialogAnswers cancel([&](wxDialog& d) {
            wxDynamicCast(control(d, _("Name")), wxTextCtrl)->SetValue(wxS("Not this"));
            return wxID_CANCEL;
        });
        REQUIRE(choose(frame, _("Organisation"), _("Edit organisation\u2026")));
        CHECK(store::find_organisation(c, "westford")->name == renamed);
        CHECK(messages.messages.empty());
    }
    SECTION("with nothing selected the menu item is disabled") {
        frame->tree()->Unselect();
        REQUIRE(frame->selected_organisation().empty());
        DialogAnswers never([&](wxDialog&) {
            FAIL("a dialog opened with no organisation selected");
            return wxID_CANCEL;
        });
        CHECK_FALSE(choose(frame, _("Organisation"), _("Edit organisation\u2026")));
        CHECK_FALSE(choose(frame, _("Organisation"), _("Move organisation\u2026")));
    }
    frame->Destroy();
    pump(50);
}

TEST_CASE("organisations: Move organisation puts a department under another council and keeps it selected", "[gui][organisations]") {
    ensure_wx();  // first: it installs the default message sinks
    CapturedMessages messages;
    MainFrame* frame = region_frame("org-move");
    store::Connection& c = frame->session().db();
    frame->select_organisation("westford-housing");

    wxArrayString offered;
    DialogAnswers answers([&](wxDialog& d) {
        auto* where = wxDynamicCast(control(d, _("Part of")), wxChoice);
        REQUIRE(where);
        offered = where->GetStrings();
        CHECK(where->GetStringSelection().Contains(wxS("Westford Borough Council (fictional)")));  // where it is now
        int eastbury = -1;
        for (unsigned i = 0; i < where->GetCount(); ++i)
            if (where->GetString(i).Contains(wxS("Eastbury District Council (fictional)"))) eastbury = static_cast<int>(i);
        REQUIRE(eastbury >= 0);
        where->SetSelection(eastbury);
        return wxID_OK;
    });
    REQUIRE(choose(frame, _("Organisation"), _("Move organisation\u2026")));
    REQUIRE(answers.titles.size() == 1);
    CHECK(answers.titles[0] == _("Move organisation"));
    // The top, the region and both councils; never the department itself.
    REQUIRE(offered.size() == 4);
    CHECK(offered[0] == _("(none: at the top)"));
    for (const auto& o : offered) {
        CHECK_FALSE(o.Contains(wxS("Westford Housing")));
        CHECK_FALSE(o.Contains(wxS("(westford")));  // names, not ids
    }

    CHECK(store::find_organisation(c, "westford-housing")->parent == "eastbury");
    CHECK(frame->selected_organisation() == "westford-housing");
    CHECK(selected_parent_text(frame) == wxS("Eastbury District Council (fictional)"));

    // Undo puts it back under Westford, Redo under Eastbury again.
    REQUIRE(frame->commands().CanUndo());
    REQUIRE(frame->commands().Undo());
    CHECK(store::find_organisation(c, "westford-housing")->parent == "westford");
    REQUIRE(frame->commands().Redo());
    CHECK(store::find_organisation(c, "westford-housing")->parent == "eastbury");

    // To the top and back under the region, through the same call the dialog's OK makes.
    CHECK(frame->move_organisation("westford-housing", ""));
    CHECK(store::find_organisation(c, "westford-housing")->parent.empty());
    CHECK(frame->tree()->GetItemParent(frame->tree()->GetSelection()) == frame->tree()->GetRootItem());
    CHECK(frame->selected_organisation() == "westford-housing");
    INFO(messages.all_text());
    CHECK(messages.errors() == 0);
    frame->Destroy();
    pump(50);
}

TEST_CASE("organisations: a move that would make a cycle shows the store's message and changes nothing", "[gui][organisations]") {
    ensure_wx();  // first: it installs the default message sinks
    CapturedMessages messages;
    MainFrame* frame = region_frame("org-cycle");
    store::Connection& c = frame->session().db();
    frame->select_organisation("westford");
    const auto before = parents(c);
    const unsigned items = frame->tree()->GetCount();

    // The dialog does not offer what is under the organisation...
    const auto orgs = store::list_organisations(c);
    std::vector<std::string> offered;
    for (const auto& p : parent_choices(orgs, "north-vale")) offered.push_back(p.org->id);
    CHECK(offered.empty());  // everything else is under the region
    offered.clear();
    for (const auto& p : parent_choices(orgs, "westford")) offered.push_back(p.org->id + "@" + std::to_string(p.depth));
    CHECK(offered == std::vector<std::string>{"north-vale@0", "eastbury@1"});

    // ...and should a cycle reach the store all the same, it is refused and said.
    CHECK_FALSE(frame->move_organisation("north-vale", "westford-housing"));
    REQUIRE(messages.errors() == 1);
    const Message& m = messages.messages.back();
    CHECK(m.title == _("Not done"));
    CHECK(m.text == _("The organisation was not moved."));
    CHECK(m.detail.EndsWith(wxS("\ncannot move \"north-vale\" under \"westford-housing\": it would sit under itself")));
    CHECK_FALSE(frame->move_organisation("westford", "westford"));
    CHECK(messages.errors() == 2);
    CHECK(messages.messages.back().detail.EndsWith(wxS("\ncannot move \"westford\" under \"westford\": it would sit under itself")));
    CHECK(parents(c) == before);
    CHECK(frame->tree()->GetCount() == items);
    CHECK(frame->selected_organisation() == "westford");
    frame->Destroy();
    pump(50);
}

TEST_CASE("organisations: New organisation adds a department through its dialog, and Undo removes it again", "[gui][organisations]") {
    ensure_wx();  // first: it installs the default message sinks
    CapturedMessages messages;
    MainFrame* frame = region_frame("org-add");
    store::Connection& c = frame->session().db();
    frame->select_organisation("eastbury");
    DialogAnswers answers([&](wxDialog& d) {
        wxDynamicCast(control(d, _("Name")), wxTextCtrl)->SetValue(wxS("Eastbury Planning (fictional)"));
        CHECK(wxDynamicCast(control(d, _("Id")), wxTextCtrl)->GetValue() == wxS("eastbury-planning-fictional"));
        wxDynamicCast(control(d, _("Id")), wxTextCtrl)->ChangeValue(wxS("eastbury-planning"));
        CHECK(wxDynamicCast(control(d, _("Part of")), wxChoice)->GetStringSelection() == wxS("Eastbury District Council (fictional)"));
        return wxID_OK;
    });
    REQUIRE(choose(frame, _("Organisation"), _("New organisation\u2026")));
    auto added = store::find_organisation(c, "eastbury-planning");
    REQUIRE(added);
    CHECK(added->parent == "eastbury");
    CHECK(frame->selected_organisation() == "eastbury-planning");

    REQUIRE(frame->commands().Undo());
    CHECK_FALSE(store::find_organisation(c, "eastbury-planning"));
    REQUIRE(frame->commands().Redo());
    CHECK(store::find_organisation(c, "eastbury-planning"));
    INFO(messages.all_text());
    CHECK(messages.errors() == 0);
    frame->Destroy();
    pump(50);
}
