// The Roadmap page's named scenarios (saved per organisation in the store), scenario files,
// and scenarios compared side by side, as a person uses them through the page's buttons.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include <wx/checklst.h>
#include <wx/textctrl.h>

#include "dialogs.h"
#include "frames.h"
#include "gui_support.h"
#include "main_frame.h"
#include "money_text.h"
#include "roadmap_page.h"
#include "roadmap_results.h"
#include "roadmap_support.h"
#include "session.h"
#include "sqlite_handle.h"
#include "scenario_compare.h"
#include "scenario_editor.h"
#include "timestamps.h"
#include "wx_utf8.h"

namespace fs = std::filesystem;
using namespace ys;
using namespace ys::gui;
using namespace ys::gui::test;

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

PlannedPost apprentices() {
    PlannedPost p;
    p.role = "data-technician-apprentice";
    p.headcount = 2;
    p.route = PostRoute::Apprenticeship;
    p.age = AgeBand::From16To18;
    return p;
}

CostLine admin() {
    CostLine c;
    c.name = "Programme administration";
    c.category = CostCategory::ProgrammeManagement;
    c.amount = 15000;
    c.recurring = true;
    return c;
}

}  // namespace

TEST_CASE("roadmap page: scenarios saved, opened, renamed, deleted and compared, for one organisation only", "[gui][roadmap]") {
    CapturedMessages messages;
    MainFrame* frame = demo_frame(scratch_dir("roadmap-scenarios"), messages);
    RoadmapPage* page = eastmere_roadmap(frame);
    REQUIRE(page->plan().has_value());
    CHECK(page->saved_scenarios().empty());

    // Two apprentices, saved through Save as… with its form.
    page->editor()->add_planned_post(apprentices());
    CHECK(page->modified());
    {
        DialogAnswers answers([](wxDialog& d) {
            if (d.GetTitle() != _("Save scenario as")) return static_cast<int>(wxID_CANCEL);
            auto* name = wxDynamicCast(control(d, _("Name")), wxTextCtrl);
            REQUIRE(name);
            name->SetValue(wxS("Two apprentices"));
            return static_cast<int>(wxID_OK);
        });
        press(page, _("Save scenario as"));
        CHECK(answers.titles == std::vector<wxString>{_("Save scenario as")});
    }
    REQUIRE(page->scenario_name() == "Two apprentices");
    CHECK_FALSE(page->modified());
    // The same with a line of programme administration.
    page->editor()->add_cost_line(admin());
    REQUIRE(page->save_scenario_as("With administration", false));
    CHECK(page->saved_scenarios() == std::vector<std::string>{"Two apprentices", "With administration"});

    // Saving over a name without saying so is refused, and the saved one is as it was.
    CHECK_FALSE(page->save_scenario_as("Two apprentices", false));
    INFO(messages.all_text());
    REQUIRE(messages.errors() == 1);
    CHECK(messages.messages.back().text == wxS("The scenario \u201cTwo apprentices\u201d was not saved."));
    messages.messages.clear();
    REQUIRE(page->open_scenario("Two apprentices"));
    CHECK(page->scenario().costs.empty());
    REQUIRE(page->scenario().posts.size() == 1);
    CHECK(page->scenario().posts[0].headcount == 2);
    CHECK(page->scenario().posts[0].age == AgeBand::From16To18);
    // What is opened is costed as the engine costs it.
    EngineRun run = engine_run(frame, page, page->round_id());
    REQUIRE(run.plan.has_value());
    CHECK(page->results()->cover_text() == expected_cover(*run.plan, *run.scored->framework));
    CHECK(page->results()->years_text().EndsWith(expected_total_row(*run.plan)));

    // Side by side: each column is the engine's summary of that scenario.
    auto sums = page->compare({"Two apprentices", "With administration"});
    REQUIRE(sums);
    REQUIRE(sums->size() == 2);
    const Money first = summarise("", *run.plan).total;
    CHECK((*sums)[0].total.mid == first.mid);
    REQUIRE(page->open_scenario("With administration"));
    EngineRun second = engine_run(frame, page, page->round_id());
    REQUIRE(second.plan.has_value());
    CHECK((*sums)[1].total.mid == summarise("", *second.plan).total.mid);
    CHECK((*sums)[1].total.mid > (*sums)[0].total.mid);  // the administration line adds to the spend
    auto rows = comparison_rows(*sums);
    auto total = std::find_if(rows.begin(), rows.end(), [](const auto& r) { return r[0] == _("Total new spend (mid)"); });
    REQUIRE(total != rows.end());
    CHECK((*total)[1] == wxs(money_words((*sums)[0].total.mid)));
    CHECK((*total)[2] == wxs(money_words((*sums)[1].total.mid)));
    // Through the button: the scenarios ticked, then the table shown.
    {
        DialogAnswers answers([](wxDialog& d) {
            if (auto* list = wxDynamicCast(control(d, _("Scenarios")), wxCheckListBox)) CHECK(list->GetCount() == 2);
            return static_cast<int>(wxID_OK);
        });
        press(page, _("Compare scenarios"));
        CHECK(answers.titles == std::vector<wxString>{_("Compare scenarios"), _("Scenarios side by side")});
    }

    // Renamed, the page follows; deleted, it is gone from the list.
    REQUIRE(page->rename_scenario("With administration", "Administration and evaluation"));
    CHECK(page->scenario_name() == "Administration and evaluation");
    REQUIRE(page->delete_scenario("Two apprentices"));
    CHECK(page->saved_scenarios() == std::vector<std::string>{"Administration and evaluation"});
    CHECK(messages.errors() == 0);

    // A stored scenario damaged by hand: opening it says so, not that the database is damaged.
    {
        store::Statement st = frame->session().db().prepare("UPDATE roadmap_scenario SET content = '{}' WHERE name = ?");
        st.bind(1, std::string("Administration and evaluation"));
        st.run();
    }
    CHECK_FALSE(page->open_scenario("Administration and evaluation"));
    REQUIRE(messages.errors() == 1);
    CHECK(messages.messages.back().title == _("Scenario not opened"));
    CHECK(messages.messages.back().text.Contains(wxS("no longer reads as a scenario")));
    CHECK(page->scenario_name() == "Administration and evaluation");  // what was shown stays
    messages.messages.clear();

    // Another organisation has scenarios of its own, and starts from a new one.
    frame->select_organisation("northwold");
    pump(100);
    CHECK(page->saved_scenarios().empty());
    CHECK(page->scenario().costs.empty());
    CHECK(page->scenario_name().empty());
    frame->Destroy();
    pump(50);
}

TEST_CASE("roadmap page: a scenario written to a file reads back the same, and a bad file is refused in plain words", "[gui][roadmap]") {
    CapturedMessages messages;
    const std::string dir = scratch_dir("roadmap-scenario-files");
    MainFrame* frame = demo_frame(dir, messages);
    RoadmapPage* page = eastmere_roadmap(frame);
    page->editor()->add_planned_post(apprentices());
    page->editor()->add_cost_line(admin());
    const std::string file = (fs::path(dir) / "plan.json").string();
    REQUIRE(page->export_scenario(file));
    const std::string written = slurp(file);
    CHECK(written.find("yardstick-roadmap-scenario/1") != std::string::npos);
    const RoadmapScenario before = page->scenario();

    // Read back into a new scenario: the same plan, and not yet saved here.
    press(page, _("New scenario"));  // asks first: the plan shown was changed
    REQUIRE(page->scenario().posts.empty());
    const bool imported = page->import_scenario(file);
    INFO(messages.all_text());
    REQUIRE(imported);
    CHECK(scenario_json(page->scenario()) == scenario_json([&] {
              RoadmapScenario s = before;
              s.created = page->scenario().created;
              s.name = "Roadmap scenario, " + today_iso_date();
              return s;
          }()));
    CHECK(page->scenario_name().empty());
    CHECK(page->modified());

    // A bad file: where and what, in words, and the editor keeps what it had.
    const std::string bad = std::string(YS_TEST_DATA) + "/scenarios/bad/post-start-bad-date.json";
    REQUIRE(fs::exists(bad));
    CHECK_FALSE(page->import_scenario(bad));
    REQUIRE(messages.errors() == 1);
    const Message& m = messages.messages.back();
    INFO(u8(m.detail));
    CHECK(m.title == _("Scenario not read"));
    CHECK(m.detail.StartsWith(wxS("Planned post 1")));
    CHECK_FALSE(m.detail.Contains(wxS("/posts/")));
    CHECK(page->scenario().posts.size() == 1);
    // Nothing is written over the file being used, nor the database.
    CHECK_FALSE(page->export_scenario(frame->session().path()));
    CHECK(slurp(file) == written);
    frame->Destroy();
    pump(50);
}
