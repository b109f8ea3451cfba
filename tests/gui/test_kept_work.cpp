// Work is kept, per organisation: each organisation's roadmap scenarios stay its own (when
// another is chosen, and after a restart); what the app adds it can delete, after a
// question naming what goes, and Edit > Undo puts it back exactly; peer groups are made,
// filled, renamed and deleted in the app, each step undoable.
#include <algorithm>

#include <catch2/catch.hpp>

#include <wx/button.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/cmdproc.h>
#include <wx/listbox.h>
#include <wx/menu.h>
#include <wx/textctrl.h>

#include "assessments_page.h"
#include "delete_actions.h"
#include "frames.h"
#include "gui_support.h"
#include "main_frame.h"
#include "organisations.h"
#include "peer_groups.h"
#include "peer_groups_dialog.h"
#include "roadmap_page.h"
#include "roadmap_support.h"
#include "rounds.h"
#include "scenario_editor.h"
#include "session.h"
#include "sqlite_handle.h"
#include "wx_utf8.h"

using namespace ys;
using namespace ys::gui;
using namespace ys::gui::test;

namespace {

// Every row of every table, sorted, with the ids SQLite picks itself left out (an undone
// delete may give respondents new ones): equal dumps mean the same data.
std::string dump(store::Connection& c) {
    std::vector<std::string> tables;
    store::Statement t = c.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
    while (t.step()) tables.push_back(t.text(0));
    std::string out;
    for (const auto& table : tables) {
        std::string sql = "SELECT * FROM " + table;
        if (table == "answer")
            sql = "SELECT p.round_id, p.key, a.* FROM answer a JOIN respondent p ON p.id = a.respondent_id";
        store::Statement s = c.prepare(sql);
        std::vector<std::string> rows;
        while (s.step()) {
            std::string row;
            for (int i = 0; i < s.column_count(); ++i) {
                const std::string col = s.column_name(i);
                if ((col == "id" && (table == "respondent" || table == "invitation" || table == "action_item" ||
                                     table == "roadmap_scenario")) ||
                    col == "respondent_id")
                    continue;
                row += col + "=" + (s.is_null(i) ? std::string("NULL") : s.text(i)) + "|";
            }
            rows.push_back(row);
        }
        std::sort(rows.begin(), rows.end());
        out += "[" + table + "]\n";
        for (const auto& r : rows) out += r + "\n";
    }
    return out;
}

// Chooses a menu item as a click does.
void choose_menu(MainFrame* frame, const wxString& menu, const wxString& item) {
    int id = frame->GetMenuBar()->FindMenuItem(menu, item);
    REQUIRE(id != wxNOT_FOUND);
    wxCommandEvent e(wxEVT_MENU, id);
    e.SetEventObject(frame);
    frame->ProcessWindowEvent(e);
    pump(100);
}

bool menu_enabled(MainFrame* frame, const wxString& menu, const wxString& item) {
    int id = frame->GetMenuBar()->FindMenuItem(menu, item);
    REQUIRE(id != wxNOT_FOUND);
    frame->UpdateWindowUI(wxUPDATE_UI_RECURSE);
    return frame->GetMenuBar()->IsEnabled(id);
}

PlannedPost analysts(int n) {
    PlannedPost p;
    p.role = "data-technician-apprentice";
    p.headcount = n;
    p.route = PostRoute::Apprenticeship;
    p.age = AgeBand::From16To18;
    return p;
}

CostLine training() {
    CostLine c;
    c.name = "Training budget";
    c.category = CostCategory::ProgrammeManagement;
    c.amount = 8000;
    return c;
}

// An organisation with rounds and nothing under it, and its round with the most answers.
std::pair<std::string, store::RoundRecord> answered_round(store::Connection& c) {
    auto orgs = store::list_organisations(c);
    for (const auto& o : orgs) {
        bool parent = std::any_of(orgs.begin(), orgs.end(), [&](const auto& x) { return x.parent == o.id; });
        if (parent) continue;
        auto rounds = store::list_rounds(c, o.id);
        auto best = std::max_element(rounds.begin(), rounds.end(), [](const auto& a, const auto& b) { return a.answers < b.answers; });
        if (best != rounds.end() && best->respondents > 1) return {o.id, *best};
    }
    FAIL("the demo has no answered round");
    return {};
}

// The words of every question asked while alive (CapturedMessages keeps their titles), each
// answered with `answer`. Made after the CapturedMessages, whose end puts the default back.
struct QuestionWords {
    explicit QuestionWords(int& answer) {
        set_question_sink([this, &answer](const wxString&, const wxString& text, const std::vector<wxString>&) {
            texts.push_back(text);
            return answer;
        });
    }
    std::vector<wxString> texts;
};

}  // namespace

TEST_CASE("kept work: each organisation's roadmap scenario is its own, kept when another is chosen and after a restart",
          "[gui][kept-work][roadmap]") {
    CapturedMessages messages;
    QuestionWords asked(messages.answer);
    MainFrame* frame = demo_frame(scratch_dir("kept-scenarios"), messages);
    const std::string db = frame->session().path();
    RoadmapPage* page = eastmere_roadmap(frame);
    page->editor()->add_planned_post(analysts(2));
    REQUIRE(page->save_scenario_as("Eastmere analysts", false));
    page->editor()->add_cost_line(training());  // changed since it was saved
    REQUIRE(page->modified());

    // Northwold starts from a new scenario of its own: nothing of Eastmere's shows.
    frame->select_organisation("northwold");
    pump(100);
    CHECK(page->saved_scenarios().empty());
    CHECK(page->scenario_name().empty());
    CHECK_FALSE(page->modified());
    CHECK(page->scenario().posts.empty());
    CHECK(page->scenario().costs.empty());
    page->editor()->add_planned_post(analysts(5));
    REQUIRE(page->save_scenario_as("Northwold analysts", false));
    REQUIRE(page->save_scenario_as("Northwold plan B", false));

    // Back to Eastmere: its scenario as it was left, unsaved change and all.
    frame->select_organisation("eastmere");
    pump(100);
    CHECK(page->saved_scenarios() == std::vector<std::string>{"Eastmere analysts"});
    CHECK(page->scenario_name() == "Eastmere analysts");
    CHECK(page->modified());
    REQUIRE(page->scenario().posts.size() == 1);
    CHECK(page->scenario().posts[0].headcount == 2);
    CHECK(page->scenario().costs.size() == 1);
    // And Northwold's again.
    frame->select_organisation("northwold");
    pump(100);
    CHECK(page->scenario_name() == "Northwold plan B");
    CHECK_FALSE(page->modified());
    REQUIRE(page->scenario().posts.size() == 1);
    CHECK(page->scenario().posts[0].headcount == 5);
    CHECK(messages.errors() == 0);
    // Quitting with Eastmere's change unsaved asks first; Cancel keeps the window open.
    messages.answer = -1;
    CHECK_FALSE(frame->Close());
    REQUIRE(asked.texts.size() == 1);
    INFO(asked.texts[0]);
    CHECK(asked.texts[0].Contains(wxS("Eastmere")));
    CHECK(asked.texts[0].Contains(wxS("not saved")));
    CHECK_FALSE(asked.texts[0].Contains(wxS("Northwold")));  // saved as it is
    messages.answer = 0;
    frame->Destroy();
    pump(50);

    // A restart: the saved scenarios are each organisation's still, and compare.
    auto* again = new MainFrame(application_data_dirs());
    again->Show();
    REQUIRE(again->open_database(db));
    RoadmapPage* p2 = eastmere_roadmap(again);
    CHECK(p2->saved_scenarios() == std::vector<std::string>{"Eastmere analysts"});
    REQUIRE(p2->open_scenario("Eastmere analysts"));
    CHECK(p2->scenario().costs.empty());  // the change never saved is not there
    REQUIRE(p2->scenario().posts.size() == 1);
    again->select_organisation("northwold");
    pump(100);
    CHECK(p2->saved_scenarios() == std::vector<std::string>{"Northwold analysts", "Northwold plan B"});
    auto sums = p2->compare({"Northwold analysts", "Northwold plan B"});
    REQUIRE(sums);
    CHECK(sums->size() == 2);
    INFO(messages.all_text());
    CHECK(messages.errors() == 0);
    again->Destroy();
    pump(50);
}

TEST_CASE("kept work: Delete round asks, naming its answers and respondents, and Undo puts it back exactly", "[gui][kept-work][delete]") {
    CapturedMessages messages;
    QuestionWords asked(messages.answer);
    MainFrame* frame = demo_frame(scratch_dir("delete-round"), messages);
    store::Connection& c = frame->session().db();
    const auto picked = answered_round(c);
    const std::string org = picked.first;
    store::RoundRecord round = picked.second;
    frame->select_organisation(org);
    pump(100);
    frame->assessments()->select_round(round.id);
    pump(50);
    REQUIRE(frame->assessments()->selected_round() == round.id);
    REQUIRE(menu_enabled(frame, _("Edit"), _("Delete round\u2026")));
    const std::string before = dump(c);

    SECTION("Cancel deletes nothing") {
        messages.answer = -1;
        choose_menu(frame, _("Edit"), _("Delete round\u2026"));
        REQUIRE(asked.texts.size() == 1);
        CHECK(dump(c) == before);
        CHECK_FALSE(frame->commands().CanUndo());
    }
    SECTION("deleted, undone, redone") {
        messages.answer = 0;
        choose_menu(frame, _("Edit"), _("Delete round\u2026"));
        REQUIRE(asked.texts.size() == 1);
        const wxString q = asked.texts[0];
        INFO(q);
        CHECK(q.Contains(wxString::Format(wxS("with its %d answers from %d respondents?"), round.answers, round.respondents)));
        CHECK(q.Contains(wxs(round.period)));
        CHECK_FALSE(q.Contains(wxs(round.id)));  // names, not ids
        CHECK(c.scalar_int("SELECT count(*) FROM round WHERE id = '" + round.id + "'") == 0);
        pump(100);
        const auto& shown = frame->assessments()->rounds();
        CHECK(std::none_of(shown.begin(), shown.end(), [&](const auto& r) { return r.id == round.id; }));
        REQUIRE(frame->commands().CanUndo());
        CHECK(frame->commands().GetUndoMenuLabel().Contains(wxS("Delete round")));

        wxCommandEvent undo(wxEVT_MENU, wxID_UNDO);  // Edit > Undo (its label names the edit)
        frame->ProcessWindowEvent(undo);
        CHECK(dump(c) == before);
        frame->commands().Redo();
        CHECK(c.scalar_int("SELECT count(*) FROM round WHERE id = '" + round.id + "'") == 0);
        frame->commands().Undo();
        CHECK(dump(c) == before);
        INFO(messages.all_text());
        CHECK(messages.errors() == 0);
    }
    frame->Destroy();
    pump(50);
}

TEST_CASE("kept work: Delete respondent takes one person's answers out, and Undo puts them back", "[gui][kept-work][delete]") {
    CapturedMessages messages;
    QuestionWords asked(messages.answer);
    MainFrame* frame = demo_frame(scratch_dir("delete-respondent"), messages);
    store::Connection& c = frame->session().db();
    const auto picked = answered_round(c);
    const std::string org = picked.first;
    store::RoundRecord round = picked.second;
    if (round.status == "closed") store::set_round_status(c, round.id, "open");
    frame->select_organisation(org);
    pump(100);
    frame->assessments()->select_round(round.id);
    const std::string before = dump(c);
    const auto loaded = store::load_round(c, round.id);
    const auto& first = loaded.answers.respondents.at(0);
    {
        DialogAnswers answers([](wxDialog& d) {
            auto* which = wxDynamicCast(control(d, _("Respondent")), wxChoice);
            REQUIRE(which);
            CHECK(which->GetSelection() == 0);
            return static_cast<int>(wxID_OK);
        });
        messages.answer = 0;
        choose_menu(frame, _("Edit"), _("Delete respondent\u2026"));
        CHECK(answers.titles == std::vector<wxString>{_("Delete respondent")});
    }
    REQUIRE(asked.texts.size() == 1);
    INFO(asked.texts[0]);
    CHECK(asked.texts[0].Contains(wxString::Format(wxS("and their %zu answer"), first.answers.size())));
    CHECK(store::get_round(c, round.id).respondents == round.respondents - 1);
    CHECK(frame->commands().Undo());
    CHECK(dump(c) == before);
    INFO(messages.all_text());
    CHECK(messages.errors() == 0);
    frame->Destroy();
    pump(50);
}

TEST_CASE("kept work: Delete organisation names what goes with it, and one with others under it is refused", "[gui][kept-work][delete]") {
    CapturedMessages messages;
    QuestionWords asked(messages.answer);
    MainFrame* frame = demo_frame(scratch_dir("delete-org"), messages);
    store::Connection& c = frame->session().db();
    const std::string org = answered_round(c).first;
    const std::string before = dump(c);

    frame->select_organisation("demo-region");
    pump(50);
    choose_menu(frame, _("Organisation"), _("Delete organisation\u2026"));
    CHECK(asked.texts.empty());  // refused before asking
    REQUIRE(messages.errors() == 1);
    INFO(messages.all_text());
    CHECK((messages.messages.back().text + messages.messages.back().detail).Contains(wxS("under it; move or delete them first")));
    CHECK(dump(c) == before);
    messages.messages.clear();

    frame->select_organisation(org);
    pump(50);
    messages.answer = 0;
    choose_menu(frame, _("Organisation"), _("Delete organisation\u2026"));
    REQUIRE(asked.texts.size() == 1);
    INFO(asked.texts[0]);
    CHECK(asked.texts[0].Contains(wxS(" round")));
    CHECK(asked.texts[0].Contains(wxS("respondents)")));
    CHECK_FALSE(store::find_organisation(c, org));
    CHECK(frame->selected_organisation() != org);
    CHECK(frame->commands().Undo());
    CHECK(dump(c) == before);
    pump(100);
    frame->select_organisation(org);
    CHECK(frame->selected_organisation() == org);  // back in the tree
    INFO(messages.all_text());
    CHECK(messages.errors() == 0);
    frame->Destroy();
    pump(50);
}

TEST_CASE("kept work: peer groups made, filled, renamed and deleted in the app, each step undoable", "[gui][kept-work][peer-groups]") {
    CapturedMessages messages;
    QuestionWords asked(messages.answer);
    MainFrame* frame = demo_frame(scratch_dir("peer-groups"), messages);
    store::Connection& c = frame->session().db();
    const std::string before = dump(c);
    auto group = [&](const std::string& id) { return store::find_peer_group(c, id); };
    {
        DialogAnswers answers([&](wxDialog& d) {
            if (d.GetTitle() == _("New peer group")) {
                auto* name = wxDynamicCast(control(d, _("Name")), wxTextCtrl);
                REQUIRE(name);
                // Empty, OK waits and the reason shows; typed, OK is ready.
                CHECK_FALSE(d.FindWindow(wxID_OK)->IsEnabled());
                auto* reason = control(d, _("Name problem"));
                REQUIRE(reason);
                CHECK(reason->IsShown());
                name->SetValue(wxS("Coastal councils"));
                CHECK(d.FindWindow(wxID_OK)->IsEnabled());
                CHECK_FALSE(reason->IsShown());
                return static_cast<int>(wxID_OK);
            }
            auto* dlg = dynamic_cast<PeerGroupsDialog*>(&d);
            REQUIRE(dlg);
            const std::size_t groups = dlg->groups().size();
            // New…, as a click: the name form, then the group chosen with nobody in it.
            auto* add = wxDynamicCast(control(d, _("New group")), wxButton);
            REQUIRE(add);
            wxCommandEvent click(wxEVT_BUTTON, add->GetId());
            click.SetEventObject(add);
            add->ProcessWindowEvent(click);
            REQUIRE(dlg->groups().size() == groups + 1);
            REQUIRE(dlg->selected_group() >= 0);
            CHECK(dlg->groups()[static_cast<std::size_t>(dlg->selected_group())].name == "Coastal councils");
            REQUIRE(group("coastal-councils"));
            CHECK(group("coastal-councils")->members.empty());
            // Ticked, as a click: Eastmere joins.
            auto* members = wxDynamicCast(control(d, _("Members")), wxCheckListBox);
            REQUIRE(members);
            const auto& orgs = dlg->organisations();
            auto at = std::find_if(orgs.begin(), orgs.end(), [](const auto& o) { return o.id == "eastmere"; });
            REQUIRE(at != orgs.end());
            const unsigned i = static_cast<unsigned>(at - orgs.begin());
            members->Check(i, true);
            wxCommandEvent tick(wxEVT_CHECKLISTBOX, members->GetId());
            tick.SetInt(static_cast<int>(i));
            tick.SetEventObject(members);
            members->ProcessWindowEvent(tick);
            CHECK(group("coastal-councils")->members == std::vector<std::string>{"eastmere"});
            REQUIRE(dlg->set_member("northwold", true));
            CHECK(group("coastal-councils")->members.size() == 2);
            REQUIRE(dlg->set_member("eastmere", false));
            CHECK(group("coastal-councils")->members == std::vector<std::string>{"northwold"});
            REQUIRE(dlg->rename_group("Coast and estuary councils"));
            CHECK(group("coastal-councils")->name == "Coast and estuary councils");
            // Undo here steps back one change at a time.
            REQUIRE(dlg->undo());
            CHECK(group("coastal-councils")->name == "Coastal councils");
            REQUIRE(dlg->undo());
            CHECK(group("coastal-councils")->members.size() == 2);
            REQUIRE(dlg->delete_group());
            CHECK_FALSE(group("coastal-councils"));
            CHECK(dlg->groups().size() == groups);
            return static_cast<int>(wxID_CLOSE);
        });
        choose_menu(frame, _("Organisation"), _("Peer groups\u2026"));
        CHECK(answers.titles == std::vector<wxString>{_("Peer groups"), _("New peer group")});
    }
    // After closing, Edit > Undo goes on: the group comes back with both members, then
    // empties, then goes; the database is as it was.
    wxCommandProcessor& cp = frame->commands();
    REQUIRE(cp.Undo());
    REQUIRE(group("coastal-councils"));
    CHECK(group("coastal-councils")->members.size() == 2);
    REQUIRE(cp.Undo());
    CHECK(group("coastal-councils")->members == std::vector<std::string>{"eastmere"});
    REQUIRE(cp.Undo());
    CHECK(group("coastal-councils")->members.empty());
    REQUIRE(cp.Undo());
    CHECK_FALSE(group("coastal-councils"));
    CHECK(dump(c) == before);
    INFO(messages.all_text());
    CHECK(messages.errors() == 0);
    frame->Destroy();
    pump(50);
}
