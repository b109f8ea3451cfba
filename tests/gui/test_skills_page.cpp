// The Skills page (issue 18) as a data lead uses it: the demo's fictional analyst team with
// names, anonymised on request, filtered by team, measured against a target role, and the
// training plan costed as the engine costs it on the same request; and the rounds it cannot
// profile said in words on the page.
#include <set>
#include <sstream>

#include <wx/button.h>
#include <wx/filename.h>

#include <catch2/catch.hpp>

#include "demo_skills.h"
#include "frames.h"
#include "gui_support.h"
#include "main_frame.h"
#include "roadmap_dates.h"
#include "roadmap_inputs.h"
#include "report_dialog.h"
#include "rounds.h"
#include "save_files.h"
#include "session.h"
#include "skills_page.h"
#include "skills_page_rows.h"
#include "text_format.h"
#include "timestamps.h"
#include "wx_utf8.h"

using namespace ys;
using namespace ys::gui;
using namespace ys::gui::test;

namespace {

const char* const kNames[] = {"Priya Shah", "Tom Okafor", "Mei Lin", "Sam Roberts", "Grace Adeyemi", "Owen Price",
                              "Hannah Clarke", "Leo Novak"};

SkillsPage* demo_skills_page(MainFrame* frame) {
    frame->select_organisation(kDemoSkillsOrganisation);
    frame->show_page(MainFrame::kSkills);
    pump(100);
    return frame->skills();
}

// Whether the questionnaire installed names roles by role catalogue id (1.2 onwards, issue
// 18's data part): before it, the demo's analysts have no role the catalogue knows.
bool roles_are_catalogue_ids(MainFrame* frame) {
    auto q = frame->session().catalogue().questionnaire("analyst-skills-self-assessment");
    return q && q->find_role("senior-data-analyst") >= 0;
}

// The engine on the page's own round and inputs, with these options.
struct EngineRun {
    skills::TeamProfile profile;
    skills::TrainingPlan plan;
};
EngineRun engine_run(MainFrame* frame, SkillsPage* page, const skills::ProfileOptions& options, bool levy) {
    Session& s = frame->session();
    Diagnostics diags;
    auto inputs = load_roadmap_inputs(s.shipped_roles_file(), s.shipped_assumptions_file(), s.library_dirs(), diags);
    REQUIRE(inputs);
    const store::LoadedRound round = store::load_round(s.db(), page->round());
    auto people = skills::people_from_round(*round.framework, *round.questionnaire, {&round.answers}, inputs->roles, diags);
    REQUIRE(people);
    EngineRun run;
    run.profile = skills::profile_team(*round.framework, inputs->roles, *people, options);
    skills::PlanOptions plan_options;
    plan_options.start = next_financial_year_start(today_iso_date());
    plan_options.levy_payer = levy;
    run.plan = skills::plan_training(*round.framework, inputs->roles, inputs->assumptions, run.profile, plan_options);
    return run;
}

void click(wxWindow* button) {
    wxCommandEvent e(wxEVT_BUTTON, button->GetId());
    e.SetEventObject(button);
    button->GetEventHandler()->ProcessEvent(e);
}

wxString everything_shown(SkillsPage* page) {
    return page->summary_text() + page->heatmap_text() + page->spread_text() + page->gaps_text() + page->plan_text() +
           page->needs_text() + page->readiness_text();
}

}  // namespace

TEST_CASE("skills page: the demo's analysts by name, per skill, their gaps and a plan costed as the engine costs it",
          "[gui][skills]") {
    CapturedMessages messages;
    MainFrame* frame = demo_frame(scratch_dir("skills-page"), messages);
    SkillsPage* page = demo_skills_page(frame);
    REQUIRE(page->rounds().size() == 1);
    CHECK(page->round() == page->rounds().front().id);
    REQUIRE(roles_are_catalogue_ids(frame));  // the skills questionnaire 1.2: roles are catalogue roles
    REQUIRE(page->profile().has_value());
    REQUIRE(page->plan().has_value());
    const skills::TeamProfile& profile = *page->profile();
    CHECK(profile.people.size() == 8);
    CHECK_FALSE(profile.anonymised);
    const wxString heatmap = page->heatmap_text();
    INFO(u8(heatmap));
    for (const char* name : kNames) CHECK(heatmap.Contains(wxs(name)));
    CHECK(heatmap.Freq(wxS('\n')) == 8);
    // The demo's levels as written: Priya Shah scripts at 3, Leo Novak at 0.
    CHECK(heatmap.Contains(wxS("Priya Shah (fictional)\t3\t2\t2\t3")));
    CHECK(heatmap.Contains(wxS("Leo Novak (fictional)\t0\t0\t0\t1")));
    // Names and titles, never ids.
    const wxString shown = everything_shown(page);
    CHECK(shown.Contains(wxS("Scripting and query languages")));
    CHECK(page->gaps_text().Contains(wxS("Performance and information analyst")));
    for (const char* id : {"performance-information-analyst", "senior-data-analyst", "automation.scripting", "r01\t"})
        CHECK_FALSE(shown.Contains(wxs(id)));

    // The plan and its totals are the engine's on the same request.
    const EngineRun engine = engine_run(frame, page, {}, true);
    CHECK(page->plan()->items.size() == engine.plan.items.size());
    CHECK(page->plan()->cost == Approx(engine.plan.cost));
    CHECK(page->plan()->funded == Approx(engine.plan.funded));
    const TableRows expected = plan_rows(*page->skills_framework(), engine.profile, engine.plan);
    wxString expected_text;
    for (const auto& row : expected) {
        for (std::size_t c = 0; c < row.size(); ++c) expected_text += (c ? wxS("\t") : wxString()) + row[c];
        expected_text += wxS("\n");
    }
    CHECK(page->plan_text() == expected_text);
    CHECK(page->plan_text().AfterLast(wxS('\n')).empty());
    CHECK(page->plan_text().BeforeLast(wxS('\n')).AfterLast(wxS('\n')).StartsWith(_("Total")));
    CHECK(page->summary_text().Contains(wxS("8 people")));

    // Not paying the levy is passed to the engine as such.
    page->set_levy_payer(false);
    const EngineRun no_levy = engine_run(frame, page, {}, false);
    CHECK(page->plan()->funded == Approx(no_levy.plan.funded));
    CHECK(page->plan()->cost == Approx(no_levy.plan.cost));
    CHECK(messages.errors() == 0);
    frame->Destroy();
}

TEST_CASE("skills page: anonymised no name is shown anywhere, then a team filter and a target role for the rest", "[gui][skills]") {
    CapturedMessages messages;
    MainFrame* frame = demo_frame(scratch_dir("skills-anonymised"), messages);
    SkillsPage* page = demo_skills_page(frame);
    REQUIRE(roles_are_catalogue_ids(frame));
    REQUIRE(page->profile().has_value());
    page->set_anonymise(true);
    REQUIRE(page->profile().has_value());
    CHECK(page->profile()->anonymised);
    const wxString shown = everything_shown(page);
    INFO(u8(shown));
    for (const char* name : kNames) CHECK_FALSE(shown.Contains(wxs(name)));
    CHECK_FALSE(shown.Contains(wxS("eastmere.example")));
    CHECK(page->heatmap_text().Contains(wxS("Person 1")));
    page->set_anonymise(false);
    CHECK(page->heatmap_text().Contains(wxS("Priya Shah")));

    // Teams: the demo's two, as the store keeps them (schema v7).
    const std::vector<wxString> teams = page->team_choices();
    CHECK(teams == std::vector<wxString>{_("All teams"), wxS("Business intelligence"), wxS("Performance and insight")});
    page->set_team(wxS("Business intelligence"));
    REQUIRE(page->profile().has_value());
    CHECK(page->profile()->people.size() == 3);
    CHECK(page->heatmap_text().Contains(wxS("Owen Price")));
    CHECK_FALSE(page->heatmap_text().Contains(wxS("Priya Shah")));
    page->set_team(wxString());
    REQUIRE(page->profile().has_value());
    CHECK(page->profile()->people.size() == 8);

    // A target role for everyone without one of their own: gaps against it appear.
    auto target_gaps = [&] {
        int n = 0;
        for (const auto& g : page->profile()->gaps) n += g.for_target && g.size() > 0;
        return n;
    };
    const int before = target_gaps();
    page->set_target_role("data-scientist");
    REQUIRE(page->profile().has_value());
    CHECK(target_gaps() > before);
    CHECK(page->gaps_text().Contains(_("Target: ") + wxS("Data scientist")));
    CHECK(messages.errors() == 0);
    frame->Destroy();
}

TEST_CASE("skills page: a respondent with no role is named on the page with how to set one, and no round says so", "[gui][skills]") {
    CapturedMessages messages;
    std::string quick;
    MainFrame* frame = westford_frame(scratch_dir("skills-no-role"), quick);
    Session& s = frame->session();
    frame->show_page(MainFrame::kSkills);
    pump(100);
    SkillsPage* page = frame->skills();
    // Westford has only a maturity round.
    CHECK(page->rounds().empty());
    CHECK(page->summary_text().Contains(wxS("Westford (fictional) has no skills round yet")));

    auto docs = round_documents(s.catalogue(), "analyst-skills-self-assessment");
    REQUIRE(docs);
    const std::string round = store::new_round(s.db(), "westford", "2026", *docs->framework, *docs->questionnaire).id;
    // As an answer file or survey row without a role brings them in.
    Respondent alex;
    alex.id = "r01";
    alex.name = "Alex Morgan (fictional)";
    auto q = s.catalogue().questionnaire("analyst-skills-self-assessment");
    REQUIRE(q);
    store::write_respondents(s.db(), round, *q, {alex});
    frame->data_changed();
    pump(100);
    REQUIRE(page->rounds().size() == 1);
    CHECK_FALSE(page->profile().has_value());
    INFO(u8(page->summary_text()));
    CHECK(page->summary_text().Contains(_("This round's people cannot be profiled yet:")));
    CHECK(page->summary_text().Contains(wxS("Alex Morgan")));
    CHECK(page->gaps_text().empty());
    CHECK(page->plan_text().empty());
    CHECK(messages.errors() == 0);  // said on the page, not in a message box
    frame->Destroy();
}

#ifdef YARDSTICK_HAVE_JOBS
TEST_CASE("skills page: Make report opens Reports at the team skills report of the page's round, and its PDF has the team's figures",
          "[gui][skills][reports]") {
    CapturedMessages messages;
    const std::string dir = scratch_dir("skills-make-report");
    MainFrame* frame = demo_frame(dir, messages);
    SkillsPage* page = demo_skills_page(frame);
    REQUIRE(page->plan().has_value());
    // A choice other than the default, so that the report shows it was made with the page's options.
    const double everyone_own = page->plan()->cost;
    page->set_target_role("senior-data-analyst");
    REQUIRE(page->plan().has_value());
    const double cost = page->plan()->cost, council = page->plan()->cost - page->plan()->funded;
    REQUIRE(cost != Approx(everyone_own));
    auto* button = wxDynamicCast(wxWindow::FindWindowByName(_("Make report"), page), wxButton);
    REQUIRE(button);
    button->UpdateWindowUI();
    CHECK(button->IsEnabled());

    const std::string pdf = dir + "/team skills.pdf";
    int kind = -1;
    std::string round;
    wxString suggested;
    bool finished = false;
    std::vector<std::string> written;
    {
        DialogAnswers answers([&](wxDialog& d) {
            auto* reports = dynamic_cast<ReportDialog*>(&d);
            if (!reports) return static_cast<int>(wxID_CANCEL);
            kind = reports->kind();
            round = reports->skills_round();
            suggested = reports->pdf_path();
            reports->set_pdf(pdf);
            reports->generate([&](const std::vector<std::string>& w) {
                finished = true;
                written = w;
            });
            pump_until([&] { return finished; }, 60000);
            return static_cast<int>(wxID_CANCEL);
        });
        click(button);
        REQUIRE(answers.titles == std::vector<wxString>{_("Reports")});
    }
    CHECK(kind == ReportDialog::kSkills);
    CHECK(round == page->round());
    // The default name says whose, what and when, as for the other reports.
    CHECK(u8(wxFileName(suggested).GetFullName()) ==
          output_file_name(organisation_name(frame->session(), kDemoSkillsOrganisation), "team skills", today_iso(), ".pdf"));
    REQUIRE(finished);
    INFO(messages.all_text());
    REQUIRE(written == std::vector<std::string>{pdf});
    const std::string text = pdf_text(pdf);
    INFO(text.substr(0, 3000));
    for (const char* name : {"Priya Shah", "Leo Novak"}) CHECK(text.find(name) != std::string::npos);
    // The page's plan, with its target role: the same cost and the same share the council pays.
    CHECK(text.find(report::money(cost)) != std::string::npos);
    CHECK(text.find(report::money(council)) != std::string::npos);
    CHECK(messages.errors() == 0);
    frame->Destroy();
}
#endif
