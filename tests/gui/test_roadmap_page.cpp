// The Roadmap page as an HR business partner uses it: the scenario editor filled through
// its forms, the plan costed again, and the cover table and totals checked against the
// engine run on the same request.
#include <algorithm>
#include <filesystem>

#include <catch2/catch.hpp>

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/spinctrl.h>
#include <wx/textctrl.h>

#include "date_field.h"
#include "dialogs.h"
#include "frames.h"
#include "gui_support.h"
#include "main_frame.h"
#include "money_text.h"
#include "roadmap_page.h"
#include "roadmap_results.h"
#include "roadmap_support.h"
#include "scenario_editor.h"
#include "session.h"
#include "timestamps.h"
#include "wx_utf8.h"

namespace fs = std::filesystem;
using namespace ys;
using namespace ys::gui;
using namespace ys::gui::test;

namespace {

// Answers each form in turn with one of `steps`; a step returns the button pressed.
struct Forms {
    std::vector<std::function<int(wxDialog&)>> steps;
    std::size_t next = 0;
    std::vector<wxString> problems;  // what each form said under it when shown again
    DialogAnswers hook{[this](wxDialog& d) {
        if (auto* f = dynamic_cast<FormDialog*>(&d)) problems.push_back(f->problem_text());
        if (next >= steps.size()) return static_cast<int>(wxID_CANCEL);
        return steps[next++](d);
    }};
};

void set_control_text(wxWindow* page, const wxString& name, const wxString& value) {
    auto* t = wxDynamicCast(wxWindow::FindWindowByName(name, page), wxTextCtrl);
    REQUIRE(t);
    t->SetValue(value);
    wxCommandEvent e(wxEVT_TEXT_ENTER, t->GetId());
    e.SetEventObject(t);
    t->GetEventHandler()->ProcessEvent(e);
}

// Types into the plan's start date, then leaves the field (Tab), as a user does.
void set_start_date(wxWindow* page, const wxString& value) {
    auto* d = wxDynamicCast(wxWindow::FindWindowByName(_("Year 1 starts"), page), DateField);
    REQUIRE(d);
    d->SetValue(value);
    wxFocusEvent e(wxEVT_KILL_FOCUS, d->GetTextCtrl()->GetId());
    e.SetEventObject(d->GetTextCtrl());
    d->GetTextCtrl()->GetEventHandler()->ProcessEvent(e);
    pump(20);
}

void set_check(wxWindow* page, const wxString& name, bool value) {
    auto* c = wxDynamicCast(wxWindow::FindWindowByName(name, page), wxCheckBox);
    REQUIRE(c);
    c->SetValue(value);
    wxCommandEvent e(wxEVT_CHECKBOX, c->GetId());
    e.SetEventObject(c);
    e.SetInt(value);
    c->GetEventHandler()->ProcessEvent(e);
}

}  // namespace

TEST_CASE("roadmap page: a plan entered through the editor's forms is costed as the engine costs it", "[gui][roadmap]") {
    CapturedMessages messages;
    MainFrame* frame = demo_frame(scratch_dir("roadmap-editor"), messages);
    RoadmapPage* page = eastmere_roadmap(frame);
    REQUIRE(page->plan().has_value());
    REQUIRE_FALSE(page->round_id().empty());  // the latest round's scores and targets

    {
        Forms forms;
        // A performance analyst in the team now, at the top of the band.
        forms.steps.push_back([](wxDialog& d) {
            CHECK(pick(d, _("Role"), wxS("Performance and information analyst")));
            set_number(d, _("FTE"), 1.0);
            CHECK(pick(d, _("Salary"), _("High point of the band")));
            return wxID_OK;
        });
        press(page, _("Existing team") + wxS(": ") + _("Add post\u2026"));
        // Two data technician apprentices aged 19 to 21, starting in the plan's second year.
        forms.steps.push_back([](wxDialog& d) {
            CHECK(pick(d, _("Role"), wxS("Data technician apprentice (level 3)")));
            set_number(d, _("Number of posts"), 2);
            CHECK(pick(d, _("Route"), _("Apprenticeship")));
            CHECK(pick(d, _("Apprentice's age"), _("19 to 21")));
            return wxID_OK;
        });
        press(page, _("Planned posts") + wxS(": ") + _("Plan a post\u2026"));
        // A data architect shared by three councils.
        forms.steps.push_back([](wxDialog& d) {
            CHECK(pick(d, _("Role"), wxS("Data architect")));
            CHECK(pick(d, _("Route"), _("Shared with other councils")));
            set_number(d, _("Councils sharing"), 3);
            return wxID_OK;
        });
        press(page, _("Planned posts") + wxS(": ") + _("Plan a post\u2026"));
        // The analyst grows into a senior analyst.
        forms.steps.push_back([](wxDialog& d) {
            CHECK(pick(d, _("Role"), wxS("Senior data analyst")));
            CHECK(pick(d, _("Route"), _("Grown from a post in the team")));
            return wxID_OK;
        });
        press(page, _("Planned posts") + wxS(": ") + _("Plan a post\u2026"));
        // Programme administration every year, rising with inflation.
        forms.steps.push_back([](wxDialog& d) {
            type(d, _("Name"), wxS("Programme administration"));
            set_number(d, _("Amount (\u00a3)"), 18000);
            CHECK(pick(d, _("Paid"), _("Every year")));
            wxDynamicCast(control(d, _("Rises with the plan's inflation from year 2")), wxCheckBox)->SetValue(true);
            return wxID_OK;
        });
        press(page, _("Other costs") + wxS(": ") + _("Add cost\u2026"));
        CHECK(forms.next == 5);
    }
    set_control_text(page, _("Basis for inflation"), wxS("CPI forecast, OBR"));
    auto* inflation = wxDynamicCast(wxWindow::FindWindowByName(_("Inflation"), page), wxSpinCtrlDouble);
    REQUIRE(inflation);
    inflation->SetValue(2.0);
    set_check(page, _("Let Yardstick propose posts for what is uncovered"), false);

    const RoadmapScenario s = page->scenario();
    REQUIRE(s.team.size() == 1);
    REQUIRE(s.posts.size() == 3);
    CHECK(s.posts[0].headcount == 2);
    CHECK(s.posts[0].route == PostRoute::Apprenticeship);
    CHECK(s.posts[0].age == AgeBand::From19To21);
    CHECK(s.posts[1].shared_with == 3);
    CHECK(s.posts[2].grown_from == s.team[0].id);
    REQUIRE(s.costs.size() == 1);
    CHECK(s.costs[0].recurring);
    CHECK(s.costs[0].uplift);
    CHECK(s.inflation == Approx(0.02));
    CHECK_FALSE(s.propose);

    page->recompute();
    REQUIRE(page->plan().has_value());
    const Roadmap& shown = *page->plan();
    EngineRun run = engine_run(frame, page, page->round_id());
    INFO(run.error);
    REQUIRE(run.plan.has_value());
    // Only the council's own posts: nothing proposed.
    for (const auto& p : shown.posts) CHECK(p.origin == PostOrigin::Planned);
    CHECK(shown.posts.size() == 3);
    // The cover table and the totals are the engine's, to the penny.
    RoadmapResults* results = page->results();
    CHECK(results->cover_text() == expected_cover(*run.plan, *run.scored->framework));
    CHECK(results->years_text().EndsWith(expected_total_row(*run.plan)));
    CHECK(summarise("", shown).total.mid == summarise("", *run.plan).total.mid);
    // Partly covered lines say how far: "0.33 of 1.0 FTE".
    CHECK(results->cover_text().Contains(wxS("Partly covered: ")));
    CHECK(results->cover_text().Contains(wxS("Not covered")));
    CHECK(results->summary_text().Contains(wxS("4 new posts")));
    CHECK(results->summary_text().Contains(wxS("for information")));
    CHECK(results->posts_text().Contains(wxS("Shared with 3 councils")));
    CHECK(results->posts_text().Contains(wxS("\tPlanned\t")));
    CHECK(results->why_text().StartsWith(wxS("1. ") + wxs(shown.phases[0].name) + wxS(".\n")));
    CHECK(messages.errors() == 0);

    // With proposals on, Yardstick fills what is left, and says so on each line it adds.
    set_check(page, _("Let Yardstick propose posts for what is uncovered"), true);
    REQUIRE(page->plan().has_value());
    CHECK(page->plan()->count(CoverStatus::NotCovered) <= shown.count(CoverStatus::NotCovered));
    CHECK(results->posts_text().Contains(wxS("\tProposed\t")));
    EngineRun again = engine_run(frame, page, page->round_id());
    REQUIRE(again.plan.has_value());
    CHECK(results->cover_text() == expected_cover(*again.plan, *again.scored->framework));
    CHECK(results->years_text().EndsWith(expected_total_row(*again.plan)));

    // Yardstick's proposed data architects shared by four councils: each proposed one is.
    {
        Forms forms;
        forms.steps.push_back([](wxDialog& d) {
            CHECK(pick(d, _("Role"), wxS("Data architect")));
            set_number(d, _("Councils sharing"), 4);
            return wxID_OK;
        });
        press(page, _("Proposals shared") + wxS(": ") + _("Share a role\u2026"));
    }
    REQUIRE(page->scenario().share_proposals == (std::vector<std::pair<std::string, int>>{{"data-architect", 4}}));
    REQUIRE(page->plan().has_value());
    int shared = 0;
    for (const auto& p : page->plan()->posts)
        if (p.origin == PostOrigin::Proposed && p.role == "data-architect") {
            CHECK(p.shared_with == 4);
            ++shared;
        }
    CHECK(shared > 0);
    EngineRun third = engine_run(frame, page, page->round_id());
    REQUIRE(third.plan.has_value());
    CHECK(results->cover_text() == expected_cover(*third.plan, *third.scored->framework));
    CHECK(results->years_text().EndsWith(expected_total_row(*third.plan)));
    CHECK(messages.errors() == 0);
    frame->Destroy();
    pump(50);
}

TEST_CASE("roadmap page: forms refuse what cannot be costed, in plain words, and the plan waits for a good start date",
          "[gui][roadmap]") {
    CapturedMessages messages;
    MainFrame* frame = demo_frame(scratch_dir("roadmap-refusals"), messages);
    RoadmapPage* page = eastmere_roadmap(frame);
    REQUIRE(page->plan().has_value());
    const RoadmapScenario before = page->scenario();

    {
        Forms forms;
        // An apprenticeship for a role with none: the form stays open and says why.
        forms.steps.push_back([](wxDialog& d) {
            CHECK(pick(d, _("Role"), wxS("Head of data")));
            CHECK(pick(d, _("Route"), _("Apprenticeship")));
            return wxID_OK;
        });
        // Shown again with the words under it; a bad date next.
        forms.steps.push_back([](wxDialog& d) {
            CHECK(pick(d, _("Route"), _("New post")));
            type(d, _("Start date"), wxS("2026-02-30"));
            return wxID_OK;
        });
        forms.steps.push_back([](wxDialog&) { return wxID_CANCEL; });
        press(page, _("Planned posts") + wxS(": ") + _("Plan a post\u2026"));
        REQUIRE(forms.problems.size() == 3);
        CHECK(forms.problems[0].empty());
        CHECK(forms.problems[1].StartsWith(wxS("Route: there is no apprenticeship for Head of data. Roles with one: ")));
        CHECK(forms.problems[2] == wxS("Start date: \u201c2026-02-30\u201d is not a date; type it as dd/mm/yyyy, such as "
                                       "31/03/2027, or pick it from the calendar."));
    }
    {
        Forms forms;
        // Grown from a post in the team, with no team: said, not costed.
        forms.steps.push_back([](wxDialog& d) {
            CHECK(pick(d, _("Route"), _("Grown from a post in the team")));
            return wxID_OK;
        });
        forms.steps.push_back([](wxDialog&) { return wxID_CANCEL; });
        press(page, _("Planned posts") + wxS(": ") + _("Plan a post\u2026"));
        REQUIRE(forms.problems.size() == 2);
        CHECK(forms.problems[1].StartsWith(wxS("Grown from: choose the post in the team")));
    }
    {
        Forms forms;
        // A cost line with no name, then an end before its start.
        forms.steps.push_back([](wxDialog& d) {
            set_number(d, _("Amount (\u00a3)"), 500);
            return wxID_OK;
        });
        forms.steps.push_back([](wxDialog& d) {
            type(d, _("Name"), wxS("Evaluation"));
            CHECK(pick(d, _("Paid"), _("Every year")));
            type(d, _("Start date"), wxS("2027-04-01"));
            type(d, _("End date"), wxS("2027-01-01"));
            return wxID_OK;
        });
        forms.steps.push_back([](wxDialog&) { return wxID_CANCEL; });
        press(page, _("Other costs") + wxS(": ") + _("Add cost\u2026"));
        REQUIRE(forms.problems.size() == 3);
        CHECK(forms.problems[1].StartsWith(wxS("Name: say what the cost is for")));
        CHECK(forms.problems[2] == wxS("End date: on or after the start date."));
    }
    CHECK(page->scenario().posts.size() == before.posts.size());
    CHECK(page->scenario().costs.empty());

    // The start date is shown the UK way, in the app's date control.
    auto* start = wxDynamicCast(wxWindow::FindWindowByName(_("Year 1 starts"), page), DateField);
    REQUIRE(start);
    REQUIRE(page->scenario().start.size() == 10);
    CHECK(start->GetValue() == uk_date(page->scenario().start));
    // A start date that is no date: said beside the field as it is typed, and no plan once the
    // user leaves the field until it is right.
    const wxString not_a_date =
        wxS("Year 1 starts: \u201c1 April 2026\u201d is not a date; type it as dd/mm/yyyy, such as 31/03/2027, or pick it from the calendar.");
    start->SetValue(wxS("1 April 2026"));
    CHECK(shown_reason(*page, _("Year 1 starts")) == not_a_date);
    set_start_date(page, wxS("1 April 2026"));
    CHECK_FALSE(page->plan().has_value());
    CHECK(page->editor()->problem_text() == not_a_date);
    CHECK(page->summary_text().StartsWith(wxS("The plan cannot be costed until this is put right: Year 1 starts: ")));
    // Empty: the plan needs a start.
    set_start_date(page, wxString());
    CHECK_FALSE(page->plan().has_value());
    CHECK(page->editor()->problem_text() == wxS("Year 1 starts: type a date as dd/mm/yyyy, or pick it from the calendar."));
    // A UK date is read as one: costed from that day, and the reason is gone.
    set_start_date(page, wxS("1/4/2026"));
    REQUIRE(page->plan().has_value());
    CHECK(page->scenario().start == "2026-04-01");
    CHECK(page->editor()->problem_text().empty());
    CHECK(shown_reason(*page, _("Year 1 starts")).empty());
    // Inflation with no basis.
    auto* inflation = wxDynamicCast(wxWindow::FindWindowByName(_("Inflation"), page), wxSpinCtrlDouble);
    REQUIRE(inflation);
    inflation->SetValue(3.0);
    wxSpinDoubleEvent e(wxEVT_SPINCTRLDOUBLE, inflation->GetId(), 3.0);
    e.SetEventObject(inflation);
    inflation->GetEventHandler()->ProcessEvent(e);
    CHECK_FALSE(page->plan().has_value());
    CHECK(page->editor()->problem_text().StartsWith(wxS("Basis for inflation: say where the rate comes from")));
    CHECK(messages.errors() == 0);
    frame->Destroy();
    pump(50);
}

TEST_CASE("roadmap page: target dates before the start are warned of, and the team counts before anything new", "[gui][roadmap]") {
    CapturedMessages messages;
    MainFrame* frame = demo_frame(scratch_dir("roadmap-warnings"), messages);
    RoadmapPage* page = eastmere_roadmap(frame);
    REQUIRE(page->plan().has_value());
    const Roadmap before = *page->plan();
    auto team_cover = [](const Roadmap& r) {
        double fte = 0;
        for (const auto& c : r.cover) fte += c.from_team;
        return fte;
    };
    CHECK(team_cover(before) == 0);
    CHECK(before.team.empty());
    // London weighting "from the organisation" says which area that is here.
    auto* london = wxDynamicCast(wxWindow::FindWindowByName(_("London weighting"), page), wxChoice);
    REQUIRE(london);
    RoadmapRequest place = page->options();
    REQUIRE(place.organisation_type == "london-borough");
    std::string why;
    const LondonArea area = london_area(place, why);
    CHECK(area != LondonArea::None);
    CHECK(london->GetString(0) == wxS("Auto: ") + wxs(area_name(area)));

    // A head of data in the team now: its time counts towards the cover before any new
    // post, the new spend falls, and its own cost is shown apart, for information.
    TeamPost head;
    head.role = "head-of-data";
    page->editor()->add_team_post(head);
    REQUIRE(page->plan().has_value());
    const Roadmap& with_team = *page->plan();
    CHECK(team_cover(with_team) > 0);
    CHECK(summarise("", with_team).total.mid < summarise("", before).total.mid);
    REQUIRE(with_team.team_years.size() == with_team.years.size());
    const wxString years = page->results()->years_text();
    INFO(u8(years));
    CHECK(years.Contains(wxS("\t") + wxs(money_words(with_team.team_years[0].total.mid)) + wxS("\n")));
    CHECK(page->summary_text().Contains(wxS("The existing team costs ")));

    // A plan starting long after the organisation's target dates: each such date is
    // warned of, in the box above the results, as the engine words it.
    set_start_date(page, wxS("01/04/2040"));
    REQUIRE(page->plan().has_value());
    REQUIRE_FALSE(page->plan()->warnings.empty());
    wxString expected;
    for (const auto& w : page->plan()->warnings) expected += (expected.empty() ? wxString() : wxS("\n")) + wxS("\u26a0 ") + wxs(w);
    CHECK(page->results()->warnings_text().StartsWith(expected));
    CHECK(messages.errors() == 0);
    frame->Destroy();
    pump(50);
}

TEST_CASE("roadmap page: a dated copy of the assumptions becomes the file the plan is costed with", "[gui][roadmap]") {
    CapturedMessages messages;
    MainFrame* frame = demo_frame(scratch_dir("roadmap-page"), messages);
    RoadmapPage* page = eastmere_roadmap(frame);
    REQUIRE(page->plan().has_value());
    std::string name = page->dated_copy_name();
    CHECK(name == "assumptions-england-2025-" + today_iso_date() + ".json");
    std::string copy = fs::path(YS_WORK_DIR) / "roadmap-page" / name;
    REQUIRE(page->save_dated_copy(copy));
    CHECK(fs::exists(copy));
    CHECK(page->assumptions_file() == copy);
    REQUIRE(page->plan().has_value());
    CHECK(messages.errors() == 0);
    frame->Destroy();
    pump(50);
}
