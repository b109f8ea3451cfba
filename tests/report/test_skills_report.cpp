// The team skills profile and training plan report: built from a profile and plan made by
// hand here (so the layout is tested apart from the engine's rules), it prints each level,
// gap and money figure as given, works the totals out from the items, names people only
// when named, and renders as a PDF qpdf accepts (pdftotext finds the words) and as HTML
// that passes the structure and accessibility check.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "catalogue.h"
#include "html_render.h"
#include "pdf_render.h"
#include "report_test_support.h"
#include "roadmap_inputs.h"
#include "skills_report.h"
#include "text_format.h"

using namespace ys;
using namespace ys::report;
using namespace report_test;

namespace {

struct SkillsSetup {
    RoadmapInputs inputs;
    std::shared_ptr<const Framework> skills;
    skills::TeamProfile profile;
    skills::TrainingPlan plan;
};

int skill_index(const skills::TeamProfile& p, const Framework& fw, const std::string& id) {
    for (std::size_t k = 0; k < p.skills.size(); ++k)
        if (fw.dimensions[p.skills[k]].id == id) return static_cast<int>(k);
    FAIL("no skill " + id);
    return -1;
}

// Three fictional analysts of Eastmere: two performance analysts (one working towards
// senior data analyst) and a data quality officer. Levels, gaps and the plan are hand-made.
SkillsSetup setup(bool anonymised) {
    SkillsSetup s;
    Diagnostics d("shipped");
    auto in = load_roadmap_inputs(kSource + "/frameworks/roles/council-data-roles.json",
                                  kSource + "/frameworks/roles/assumptions-england-2025.json", {kSource}, d);
    if (!in) FAIL(problems(d));
    s.inputs = std::move(*in);
    Catalogue cat;
    cat.add_library(kSource, "shipped");
    cat.bind_all();
    s.skills = cat.framework("analyst-data-skills");
    REQUIRE(s.skills);
    const Framework& fw = *s.skills;
    skills::TeamProfile& p = s.profile;
    p.framework_id = fw.id;
    p.framework_version = fw.version;
    p.catalogue_id = s.inputs.roles.id;
    p.catalogue_version = s.inputs.roles.version;
    p.organisation = {"eastmere", "Eastmere District Council (fictional)", "district", ""};
    p.period = "2026";
    p.anonymised = anonymised;
    for (std::size_t i = 0; i < fw.dimensions.size(); ++i)
        if (fw.dimensions[i].is_leaf()) p.skills.push_back(static_cast<int>(i));
    const std::size_t n = p.skills.size();
    auto person = [&](const std::string& key, const std::string& name, const std::string& role, const std::string& target,
                      double level) {
        skills::Person pe;
        pe.key = key;
        pe.name = anonymised ? "" : name;
        pe.team = "Insight";
        pe.role = role;
        pe.target_role = target;
        pe.levels.assign(n, level);
        return pe;
    };
    p.people = {person("asha-key", "Asha Example", "performance-information-analyst", "senior-data-analyst", 2),
                person("ben-key", "Ben Sample", "performance-information-analyst", "", 3),
                person("cy-key", "Cy Placeholder", "data-quality-officer", "", 2.5)};
    const int extraction = skill_index(p, fw, "data-preparation.extraction");
    const int scripting = skill_index(p, fw, "automation.scripting");
    p.people[2].levels[scripting] = std::nullopt;  // Cy answered nothing on scripting
    p.spread.resize(n);
    for (std::size_t k = 0; k < n; ++k) {
        p.spread[k].at_level.assign(5, 0);
        p.spread[k].median = 2.5;
    }
    p.spread[extraction].at_level = {0, 0, 1, 1, 0};
    p.spread[extraction].not_assessed = 1;
    p.spread[extraction].need_it = 3;
    p.spread[extraction].below_need = 2;
    p.gaps = {{0, extraction, 2, true, 3, false}, {0, scripting, 2, true, 3, true}, {2, scripting, 0, false, 1, false}};
    p.teams = {"Insight"};

    skills::TrainingItem job;
    job.person = 0;
    job.skills = {extraction};
    job.remedy = skills::Remedy::OnTheJob;
    job.what = "On-the-job: extraction with a colleague";
    job.start = "2026-04-01";
    job.end = "2026-06-30";
    skills::TrainingItem course;
    course.person = 2;
    course.skills = {scripting};
    course.remedy = skills::Remedy::ShortCourse;
    course.what = "Short course: Scripting and query languages";
    course.start = "2026-04-01";
    course.end = "2026-04-30";
    course.cost = 812.5;
    skills::TrainingItem app;
    app.person = 0;
    app.skills = {scripting};
    app.remedy = skills::Remedy::Apprenticeship;
    app.what = "Data analyst apprenticeship (level 4, ST0118)";
    app.start = "2026-09-01";
    app.end = "2028-02-29";
    app.cost = 8000;
    app.funded = 7600;
    app.notes = {"Funded from levy funds under the rules of 1 April 2025"};
    s.plan.items = {job, course, app};
    s.plan.summary = {{skills::Remedy::OnTheJob, "On-the-job learning", 1, 0, 0},
                      {skills::Remedy::ShortCourse, "Short course: Scripting and query languages", 1, 812.5, 0},
                      {skills::Remedy::Apprenticeship, "Data analyst apprenticeship (level 4, ST0118)", 1, 8000, 7600}};
    s.plan.readiness = {{0, "senior-data-analyst", 1, 0, "2028-02-29"}};
    s.plan.cost = 8812.5;
    s.plan.funded = 7600;
    s.plan.warnings = {"Level 7 apprenticeships are funded only for apprentices under 22"};
    return s;
}

SkillsReportInput input_of(const SkillsSetup& s) {
    SkillsReportInput in;
    in.skills = s.skills.get();
    in.roles = &s.inputs.roles;
    in.assumptions = &s.inputs.assumptions;
    in.profile = &s.profile;
    in.plan = &s.plan;
    in.plan_options.start = "2026-04-01";
    in.plan_options.levy_payer = true;
    in.source = "round eastmere-skills-2026";
    in.report_date = "2026-11-21";
    in.created = "2026-11-21T10:00:00Z";
    return in;
}

Document build(const SkillsReportInput& in) {
    std::string error;
    auto doc = build_skills_report(in, shipped(TemplateKind::Skills), error);
    INFO(error);
    REQUIRE(doc);
    return std::move(*doc);
}

const Table* table_captioned(const Document& doc, const std::string& caption) {
    for (const auto& b : doc.blocks)
        if (auto* t = std::get_if<Table>(&b); t && t->caption == caption) return t;
    return nullptr;
}

}  // namespace

TEST_CASE("skills report: every section of the shipped template, people named, levels and gaps as given",
          "[report][skills]") {
    SkillsSetup s = setup(false);
    const Document doc = build(input_of(s));
    CHECK(doc.title == "Team skills profile and training plan");
    CHECK(doc.subtitle == "Eastmere District Council (fictional)");
    for (const char* h : {"About this report", "Summary", "Skills by person", "The team's spread on each skill",
                          "Gaps against roles", "Readiness for target roles", "Training plan",
                          "How the figures are worked out", "Assumptions", "Method"})
        CHECK(heading_index(doc, h, 1) >= 0);
    CHECK(mentions(doc, "Asha Example"));
    CHECK(mentions(doc, "personal data"));
    // The heatmap of the data preparation area: Asha's extraction 2 is below her role's 3 (*).
    const Table* prep = table_captioned(doc, "Data preparation");
    REQUIRE(prep);
    REQUIRE(prep->header.size() == 5);
    CHECK(prep->header[2] == "Extracting data from source systems");
    CHECK(prep->rows[0][0] == "Asha Example");
    CHECK(prep->rows[0][1] == "Performance and information analyst");
    CHECK(prep->rows[0][2] == "2*");
    CHECK(prep->rows[1][2] == "3");    // Ben meets his role's 3
    CHECK(prep->rows[2][2] == "2.5*");  // a half level printed as such
    REQUIRE(prep->fills.size() == 3);
    CHECK(prep->fills[0][2].has_value());
    CHECK_FALSE(prep->fills[0][0].has_value());
    // Cy's unanswered scripting is a dash, not a zero.
    const Table* autom = table_captioned(doc, "Automation and reproducible analysis");
    REQUIRE(autom);
    CHECK(autom->rows[2][2].rfind("-", 0) == 0);
    CHECK_FALSE(autom->fills[2][2].has_value());
    // Gaps: against the current role and the target role, "not assessed" said in words.
    const Table* gaps = table_captioned(doc, "Each gap: the level a role needs against the person's own");
    REQUIRE(gaps);
    REQUIRE(gaps->rows.size() == 3);
    CHECK(gaps->rows[0] == std::vector<std::string>{"Asha Example", "Extracting data from source systems",
                                                     "Current role: Performance and information analyst", "2", "3", "1"});
    CHECK(gaps->rows[1][2] == "Target role: Senior data analyst");
    CHECK(gaps->rows[2][3] == "not assessed");
    // Spread: the counts per level and the role columns as the profile has them.
    const Table* spread = table_captioned(doc, "People at each level, by skill");
    REQUIRE(spread);
    bool found = false;
    for (const auto& r : spread->rows)
        if (r[0] == "Extracting data from source systems") {
            found = true;
            CHECK(r == std::vector<std::string>{"Extracting data from source systems", "0", "0", "1", "1", "0", "1", "2.5",
                                                "3", "2", "0"});
        }
    CHECK(found);
    // Readiness: Asha is a candidate for senior data analyst once the apprenticeship ends.
    const Table* ready = table_captioned(doc, "Candidates for each target role");
    REQUIRE(ready);
    REQUIRE(ready->rows.size() == 1);
    CHECK(ready->rows[0][0] == "Senior data analyst");
    CHECK(ready->rows[0][1] == "Asha Example");
    CHECK(ready->rows[0][3] == "1");
    CHECK(ready->rows[0][5] == "When the plan's training ends, 29 February 2028");
}

TEST_CASE("skills report: the plan's money is the items', totals worked out beside their inputs",
          "[report][skills]") {
    SkillsSetup s = setup(false);
    const Document doc = build(input_of(s));
    const Table* plan = table_captioned(doc, "Training plan, person by person");
    REQUIRE(plan);
    REQUIRE(plan->rows.size() == 4);
    CHECK(plan->rows[1][6] == "£813");  // 812.50 rounded half away from zero
    CHECK(plan->rows[2][6] == "£8,000");
    CHECK(plan->rows[2][7] == "£7,600");
    CHECK(plan->rows[2][8] == "£400");
    CHECK(plan->last_row_is_total);
    CHECK(plan->rows[3][6] == "£8,813");
    CHECK(plan->rows[3][8] == "£1,213");
    CHECK(mentions(doc, "3. Funded from levy funds under the rules of 1 April 2025."));
    const Table* fig = table_captioned(doc, "Each total and the figures it is made from");
    REQUIRE(fig);
    CHECK(fig->rows[0][2] == "The sum of each item's training cost: £0 (item 1) + £813 (item 2) + £8,000 (item 3)");
    CHECK(fig->rows[2][1] == "£1,213");
    CHECK(fig->rows[2][2] == "Training cost minus funded: £8,813 - £7,600");
    // The shipped assumptions' training budget, per head, times the team.
    const TrainingBudgetRule* b = s.inputs.assumptions.training_budget_on("2026-04-01");
    REQUIRE(b);
    bool budget = false;
    for (const auto& r : fig->rows)
        if (r[0] == "Training budget for a year") {
            budget = true;
            CHECK(r[1] == money(b->per_head * 3));
            CHECK(r[2].find(money(b->per_head) + " a head a year") == 0);
        }
    CHECK(budget);
    // The summary table and the warnings.
    const Table* need = table_captioned(doc, "What the team needs, most people first");
    REQUIRE(need);
    CHECK(need->rows.back() == std::vector<std::string>{"Total", "", "2", "£8,813", "£7,600", "£1,213"});
    CHECK(mentions(doc, "Level 7 apprenticeships are funded only for apprentices under 22"));
    // Assumptions: the training rules with their sources and dates.
    const Table* rules = table_captioned(doc, "The training and apprenticeship rules the plan uses, with their dates and sources");
    REQUIRE(rules);
    CHECK(rules->rows.size() >= 2);
    for (const auto& r : rules->rows) CHECK_FALSE(r[3].empty());
}

TEST_CASE("skills report: an anonymised profile prints no name or key, even when the profile still holds them",
          "[report][skills]") {
    SkillsSetup s = setup(true);
    // A profile that still carries names by mistake must not leak them either.
    s.profile.people[1].name = "Ben Sample";
    const Document doc = build(input_of(s));
    for (const char* name : {"Asha", "Ben Sample", "Cy Placeholder", "asha-key", "ben-key", "cy-key"}) {
        INFO(name);
        CHECK_FALSE(mentions(doc, name));
    }
    CHECK(mentions(doc, "Person 1"));
    CHECK(mentions(doc, "Person 3"));
    CHECK(mentions(doc, "Anonymised: people are numbered"));
}

TEST_CASE("skills report: refuses missing inputs, a wrong template, a bad date and a profile that does not fit",
          "[report][skills]") {
    SkillsSetup s = setup(false);
    std::string error;
    SkillsReportInput in = input_of(s);
    in.plan = nullptr;
    CHECK_FALSE(build_skills_report(in, shipped(TemplateKind::Skills), error));
    CHECK(error.find("needs the skills framework") != std::string::npos);
    CHECK_FALSE(build_skills_report(input_of(s), shipped(TemplateKind::Benchmark), error));
    CHECK(error == "the template is for a benchmark report, not a skills report");
    in = input_of(s);
    in.report_date = "21/11/2026";
    CHECK_FALSE(build_skills_report(in, shipped(TemplateKind::Skills), error));
    CHECK(error.find("YYYY-MM-DD") != std::string::npos);
    s.plan.items[0].person = 7;
    CHECK_FALSE(build_skills_report(input_of(s), shipped(TemplateKind::Skills), error));
    CHECK(error.find("does not fit") != std::string::npos);
    // The built-in default (no shipped file) draws every section too.
    SkillsSetup t = setup(false);
    auto doc = build_skills_report(input_of(t), default_template(TemplateKind::Skills), error);
    REQUIRE(doc);
    CHECK(heading_index(*doc, "Skills by person", 1) >= 0);
}

#ifndef _WIN32  // runs the host's qpdf, pdftotext and python3, which a Windows program cannot
TEST_CASE("skills report: renders as a PDF qpdf accepts, with its words, and as checked HTML, and anonymised without names",
          "[report][skills]") {
    const std::filesystem::path dir = std::filesystem::path(YS_WORK_DIR) / "skills";
    std::filesystem::create_directories(dir);
    for (bool anonymised : {false, true}) {
        SkillsSetup s = setup(anonymised);
        const Document doc = build(input_of(s));
        std::string pdf, html, error;
        REQUIRE(render_pdf(doc, PdfOptions{}, pdf, error));
        REQUIRE(render_html(doc, html, error));
        const std::string stem = anonymised ? "anonymised" : "named";
        const std::string pdf_path = (dir / (stem + ".pdf")).string(), html_path = (dir / (stem + ".html")).string();
        const std::string txt_path = (dir / (stem + ".txt")).string();
        std::ofstream(pdf_path, std::ios::binary) << pdf;
        std::ofstream(html_path, std::ios::binary) << html;
        CHECK(std::system(("qpdf --check " + pdf_path + " > /dev/null 2>&1").c_str()) == 0);
        CHECK(std::system(("python3 " + kSource + "/tests/report/check_html.py " + html_path + " > /dev/null").c_str()) == 0);
        REQUIRE(std::system(("pdftotext -layout " + pdf_path + " " + txt_path).c_str()) == 0);
        std::stringstream text;
        text << std::ifstream(txt_path).rdbuf();
        CHECK(text.str().find("Team skills profile and training plan") != std::string::npos);
        CHECK(text.str().find("Training plan, person by person") != std::string::npos);
        CHECK(text.str().find("£8,813") != std::string::npos);
        // The HTML has the heading outline, table headers and the chart's text alternative.
        CHECK(html.find("<h2 id=\"heatmap\"") != std::string::npos);
        CHECK(html.find(">Training cost</th>") != std::string::npos);
        CHECK(html.find("how many people in the team are at each level") != std::string::npos);
        for (const std::string name : {"Asha Example", "Cy Placeholder"}) {
            CHECK((text.str().find(name) != std::string::npos) == !anonymised);
            CHECK((html.find(name) != std::string::npos) == !anonymised);
        }
    }
}
#endif
