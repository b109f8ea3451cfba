// The report content builders and templates: the documents hold the engines' figures,
// formatted the same way whatever the locale, and every template problem is one exact line.
#include <catch2/catch.hpp>

#include <algorithm>
#include <clocale>
#include <cmath>
#include <filesystem>
#include <locale>
#include <map>
#include <memory>
#include <set>

#include "action_plan.h"
#include "targets.h"
#include "answer_files.h"
#include "benchmark.h"
#include "benchmark_report.h"
#include "business_case.h"
#include "catalogue.h"
#include "io/platform.h"
#include "json_read.h"
#include "roadmap.h"
#include "roadmap_inputs.h"
#include "score_files.h"
#include "template.h"
#include "text_format.h"
#include "report_test_support.h"

using namespace ys;
using namespace ys::report;

namespace {

using namespace report_test;

ActionPlanInput plan_input(const EastmereRound& e) {
    ActionPlanInput in;
    in.framework = e.round2026->framework.get();
    in.questionnaire = e.round2026->questionnaire.get();
    in.result = &e.round2026->result;
    in.answers = e.sets2026;
    in.round = "Eastmere 2026 full assessment";
    in.report_date = "2026-11-21";
    in.created = "2026-11-21T10:00:00Z";
    return in;
}

}  // namespace

// ---------------------------------------------------------------------------------------
// Text formatting

TEST_CASE("money, percentages and scores are written the same way in any locale", "[report][format]") {
    struct CommaDecimal : std::numpunct<char> {
        char do_decimal_point() const override { return ','; }
        char do_thousands_sep() const override { return '.'; }
        std::string do_grouping() const override { return "\3"; }
    };
    std::locale before = std::locale::global(std::locale(std::locale::classic(), new CommaDecimal));
    CHECK(money(53370) == "\xC2\xA3" "53,370");
    CHECK(money(53370.255, 2) == "\xC2\xA3" "53,370.26");
    CHECK(money(-1200.5, 2) == "-\xC2\xA3" "1,200.50");
    CHECK(money(-0.001, 2) == "\xC2\xA3" "0.00");
    CHECK(money(999.5) == "\xC2\xA3" "1,000");
    CHECK(money(1234567.4) == "\xC2\xA3" "1,234,567");
    CHECK(thousands(-1234) == "-1,234");
    CHECK(percent(0.834) == "83%");
    CHECK(percent(1) == "100%");
    CHECK(score_text(2.44) == "2.4");
    CHECK(score_text(3) == "3.0");
    CHECK(signed_change(0.26) == "+0.3");
    CHECK(signed_change(-0.04) == "0.0");
    CHECK(signed_change(-0.26) == "-0.3");
    CHECK(signed_change(0.01) == "0.0");
    CHECK(long_date("2026-11-21") == "21 November 2026");
    CHECK(long_date("soon") == "soon");
    std::locale::global(before);
}

TEST_CASE("placeholders are found, checked and filled once", "[report][format]") {
    std::vector<std::string> names;
    std::string error;
    REQUIRE(find_placeholders("Plan for {organisation}, {period} {{draft}}", names, error));
    CHECK(names == std::vector<std::string>{"organisation", "period"});
    names.clear();
    CHECK_FALSE(find_placeholders("Plan for {organisation", names, error));
    CHECK(error == "the '{' at character 10 is not closed; write \"{{\" for a brace");
    CHECK_FALSE(find_placeholders("Plan {}", names, error));
    CHECK_FALSE(find_placeholders("Plan {Organisation}", names, error));
    CHECK_FALSE(find_placeholders("Plan }", names, error));
    CHECK(substitute("Plan for {organisation} {{draft}}", {{"organisation", "Eastmere {period}"}}) ==
          "Plan for Eastmere {period} {draft}");
    CHECK(anchor_text("data.quality") == "data-quality");
    CHECK(join_words({"a", "b", "c"}) == "a, b and c");
}

TEST_CASE("quarters and timescales count from the report date", "[report][format]") {
    CHECK(financial_quarter("2026-11-21") == "Q3 2026-27 (October to December 2026)");
    CHECK(financial_quarter("2027-02-01") == "Q4 2026-27 (January to March 2027)");
    CHECK(financial_quarter("2027-04-01") == "Q1 2027-28 (April to June 2027)");
    CHECK(timescale_months("1-3 months") == 3);
    CHECK(timescale_months("1 month") == 1);
    CHECK(timescale_months("12-24 months") == 24);
    CHECK(timescale_months("2 years") == 24);
    CHECK_FALSE(timescale_months("Ongoing"));
    CHECK(add_months("2026-11-30", 3) == "2027-02-28");
    CHECK(add_months("2026-11-21", 14) == "2028-01-21");
}

// ---------------------------------------------------------------------------------------
// Templates

TEST_CASE("every shipped template reads cleanly and prints every section of its kind", "[report][template]") {
    for (auto kind : {TemplateKind::ActionPlan, TemplateKind::Benchmark, TemplateKind::BusinessCase}) {
        Diagnostics d;
        auto t = read_template(shipped_template_path(kSource, kind), d, kind);
        INFO(problems(d));
        REQUIRE(t);
        CHECK(d.items().empty());
        CHECK(t->kind == kind);
        std::vector<std::string> ids;
        for (const auto& s : t->sections) ids.push_back(s.id);
        CHECK(ids == section_ids(kind));
        CHECK(t->theme.logo_path.empty());
        CHECK(t->path == shipped_template_path(kSource, kind));
    }
}

TEST_CASE("each bad template gives its exact one-line error with file and pointer", "[report][template]") {
    const std::string dir = kData + "/bad/templates/";
    struct Case {
        const char* file;
        const char* message;
    };
    const Case cases[] = {
        {"tpl-unknown-placeholder.json",
         "/title: unknown placeholder \"{organization}\" for an action-plan template; expected one of: {organisation}, "
         "{period}, {date}, {framework}, {framework_version}, {questionnaire}, {round}"},
        {"tpl-unknown-placeholder-in-paragraph.json",
         "/sections/1/paragraphs/0: unknown placeholder \"{role}\" for an action-plan template; expected one of: "
         "{organisation}, {period}, {date}, {framework}, {framework_version}, {questionnaire}, {round}"},
        {"tpl-unclosed-placeholder.json", "/title: the '{' at character 17 is not closed; write \"{{\" for a brace"},
        {"tpl-unknown-section.json",
         "/sections/1/id: unknown section \"sumary\" for an action-plan template; expected one of: cover, introduction, "
         "summary, dimensions, timeline, responsibilities, answers"},
        {"tpl-duplicate-section.json", "/sections/2/id: section \"summary\" appears twice (first at /sections/1/id)"},
        {"tpl-bad-colour.json", "/colours/primary: expected a colour as \"#rrggbb\", found \"#1d4f9\""},
        {"tpl-low-contrast-text.json",
         "/colours/muted: muted \"#aaaaaa\" on the white page has a contrast ratio of 2.32:1; text colours need at "
         "least 4.5:1 (WCAG AA)"},
        {"tpl-low-contrast-on-primary.json",
         "/colours/on_primary: on_primary \"#5a8ac6\" on primary \"#1d4f91\" has a contrast ratio of 2.28:1; table "
         "headers need at least 4.5:1 (WCAG AA)"},
        {"tpl-unknown-kind.json", "/kind: unknown kind \"roadmap\"; expected one of: action-plan, benchmark, business-case, skills"},
        {"tpl-wrong-kind.json", "/kind: this is a benchmark template; expected an action-plan template"},
        {"tpl-missing-title.json", "/title: missing; expected a string"},
        {"tpl-section-missing-heading.json", "/sections/0/heading: missing; expected a string"},
        {"tpl-wrong-format.json",
         "/format: expected \"yardstick-report-template/1\", found \"yardstick-report-template/2\""},
        {"tpl-duplicate-key.json", "/title: duplicate key \"title\" in one object"},
        {"tpl-unknown-key.json",
         "/colour: unknown key \"colour\"; expected one of: format, id, version, kind, description, title, subtitle, "
         "running_header, author, sections, colours, logo"},
    };
    for (const auto& c : cases) {
        Diagnostics d;
        auto t = read_template(dir + c.file, d, TemplateKind::ActionPlan);
        INFO(c.file << "\n" << problems(d));
        CHECK_FALSE(t);
        REQUIRE(d.items().size() == 1);
        CHECK(to_string(d.items().front()) == dir + c.file + ": " + c.message);
        CHECK(to_string(d.items().front()).find('\n') == std::string::npos);
    }
}

namespace {

// An absolute path as this system spells it ("Z:\\srv\\..." for "/srv/..." under Wine).
std::string spelled_absolute(const std::string& path) {
    namespace fs = std::filesystem;
    return ys::platform::utf8_from_path(fs::absolute(ys::platform::path_from_utf8(path)).lexically_normal());
}

}  // namespace

TEST_CASE("the example in reports/README.md reads as a template", "[report][template][docs]") {
    std::string text, error;
    REQUIRE(read_text_file(kSource + "/reports/README.md", 1 << 20, text, error));
    std::size_t start = text.find("```json\n");
    REQUIRE(start != std::string::npos);
    start += 8;
    std::size_t end = text.find("```", start);
    Diagnostics d("README example");
    auto doc = parse_json_text(text.substr(start, end - start), d);
    REQUIRE(doc);
    auto t = parse_template(*doc, kSource + "/reports", d);
    INFO(problems(d));
    REQUIRE(t);
    CHECK(t->kind == TemplateKind::ActionPlan);
    CHECK(t->sections.size() == 4);
    CHECK(t->theme.logo_path == spelled_absolute(kSource + "/reports/eastmere-logo.png"));
}

TEST_CASE("a template's logo is resolved against its own folder and its colours reach the theme", "[report][template]") {
    auto doc = nlohmann::json::parse(R"({
      "format": "yardstick-report-template/1", "id": "branded", "version": "1.0", "kind": "benchmark",
      "title": "Benchmark of {count} councils", "logo": "img/../img/logo.png",
      "sections": [ { "id": "heatmap", "heading": "Scores" } ],
      "colours": { "primary": "#00594f", "series": ["#00594f", "#3d3d8f"], "heat_low": "#fff0e0" } })");
    Diagnostics d("branded.json");
    auto t = parse_template(doc, "/srv/yardstick/templates", d);
    INFO(problems(d));
    REQUIRE(t);
    CHECK(t->theme.logo_path == spelled_absolute("/srv/yardstick/templates/img/logo.png"));
    CHECK(t->theme.primary == Colour{0x00, 0x59, 0x4f});
    CHECK(t->theme.series.size() == 2);
    CHECK(t->theme.heat_low == Colour{0xff, 0xf0, 0xe0});
    CHECK(t->theme.text == Theme{}.text);  // left out: the default
    REQUIRE(t->sections.size() == 1);
    CHECK(t->section("heatmap"));
    CHECK_FALSE(t->section("method"));

    SECTION("a pale chart series is refused at its index") {
        doc["colours"]["series"] = {"#00594f", "#ffe680"};
        Diagnostics d2("branded.json");
        CHECK_FALSE(parse_template(doc, "/srv", d2));
        REQUIRE(d2.items().size() == 1);
        CHECK(d2.items()[0].where == "/colours/series/1");
    }
}

TEST_CASE("the template a report uses: the given file, else the shipped one, else the built-in default", "[report][template]") {
    Diagnostics d;
    auto def = load_template("", "/nonexistent-yardstick-dir", TemplateKind::Benchmark, d);
    REQUIRE(def);
    CHECK(def->path.empty());
    CHECK(def->sections.size() == section_ids(TemplateKind::Benchmark).size());
    auto ship = load_template("", kSource, TemplateKind::Benchmark, d);
    REQUIRE(ship);
    CHECK(ship->path == shipped_template_path(kSource, TemplateKind::Benchmark));
    auto wrong = load_template(shipped_template_path(kSource, TemplateKind::Benchmark), kSource, TemplateKind::BusinessCase, d);
    CHECK_FALSE(wrong);
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].message == "this is a benchmark template; expected a business-case template");
    CHECK(d.items()[0].where == "/kind");
}

// ---------------------------------------------------------------------------------------
// Action plan

TEST_CASE("the action plan holds the round's levels, targets and the framework's actions", "[report][action-plan]") {
    const EastmereRound& e = eastmere();
    INFO(problems(e.scored.diagnostics) << problems(e.loaded.diagnostics));
    REQUIRE(e.round2026);
    REQUIRE(e.sets2026.size() == 1);
    const Framework& fw = *e.round2026->framework;
    const RoundResult& r = e.round2026->result;
    REQUIRE(r.previous_period);

    ActionPlanInput in = plan_input(e);
    // Adopt one action for leadership with an owner, a due date and a status.
    const int lead = fw.find_dimension("leadership");
    const NodeScore& ln = r.dimensions[lead];
    REQUIRE(ln.score);
    const Action* adopted = nullptr;
    for (const auto& a : fw.dimensions[lead].actions)
        if (a.from == ln.level && !adopted) adopted = &a;
    REQUIRE(adopted);
    in.actions.push_back({adopted->id, "Jo Example, Director of Resources (fictional)", "2027-01-15", "in-progress",
                          "Agreed at CMT.", "", ""});

    std::string error;
    auto doc = build_action_plan(in, shipped(TemplateKind::ActionPlan), error);
    INFO(error);
    REQUIRE(doc);
    CHECK(doc->title == "Data maturity action plan");
    CHECK(doc->subtitle == "Eastmere London Borough Council (fictional), 2026");
    CHECK(doc->created == "2026-11-21T10:00:00Z");

    // Cover.
    int cover = heading_index(*doc, "About this plan", 1);
    REQUIRE(cover >= 0);
    const KeyValues* ckv = next_block<KeyValues>(*doc, cover, 1);
    REQUIRE(ckv);
    CHECK(value_of(*ckv, "Organisation") == r.organisation.name);
    CHECK(value_of(*ckv, "Respondents") == std::to_string(r.respondents));
    CHECK(value_of(*ckv, "Framework") == fw.title + ", version " + fw.version);
    CHECK(value_of(*ckv, "Coverage").rfind(percent(r.overall.coverage()), 0) == 0);

    // Summary: overall figures and a radar of now, target and previous.
    int summary = heading_index(*doc, "Summary", 1);
    REQUIRE(summary >= 0);
    const KeyValues* skv = next_block<KeyValues>(*doc, summary, 1);
    REQUIRE(skv);
    CHECK(value_of(*skv, "Overall score") == score_text(*r.overall.score) + " out of 5");
    REQUIRE(r.percent_to_target);
    CHECK(value_of(*skv, "Progress to target") == percent(*r.percent_to_target));
    CHECK(value_of(*skv, "Change since 2025").rfind(signed_change(*r.overall.change), 0) == 0);
    const RadarChart* radar = next_block<RadarChart>(*doc, summary, 1);
    REQUIRE(radar);
    REQUIRE(radar->axes.size() == fw.roots.size());
    REQUIRE(radar->series.size() == 3);
    CHECK(radar->series[0].name == "2026");
    CHECK(radar->series[1].name == "Target");
    CHECK(radar->series[2].name == "2025");
    for (std::size_t i = 0; i < fw.roots.size(); ++i) {
        const NodeScore& n = r.dimensions[fw.roots[i]];
        CHECK(radar->axes[i] == fw.dimensions[fw.roots[i]].name);
        CHECK(radar->series[0].values[i] == n.score);
        CHECK(radar->series[1].values[i] == std::optional<double>(*n.target));
        CHECK(radar->series[2].values[i] == n.previous);
    }
    CHECK(heading_index(*doc, "Strongest dimensions", 2) > summary);
    CHECK(heading_index(*doc, "Weakest dimensions", 2) > summary);

    // Each dimension: its level equals the round's, the target and gap are the round's.
    for (int d : fw.roots) {
        const Dimension& dim = fw.dimensions[d];
        const NodeScore& n = r.dimensions[d];
        int h = heading_index(*doc, dim.name, 2);
        INFO(dim.id);
        REQUIRE(h >= 0);
        const KeyValues* kv = next_block<KeyValues>(*doc, h);
        REQUIRE(kv);
        CHECK(value_of(*kv, "Current level") ==
              std::to_string(n.level) + " " + fw.level(n.level)->name + " (score " + score_text(*n.score) + ")");
        CHECK(value_of(*kv, "Target").rfind(ys::target_text(*n.target) + " ", 0) == 0);
        CHECK(value_of(*kv, "Gap to target") == (*n.gap > 0 ? score_text(*n.gap) : "None: target met"));
        if (n.level < *n.target) {
            // The actions are the framework's for the step up, small effort first.
            const Table* t = next_block<Table>(*doc, h);
            REQUIRE(t);
            CHECK(t->caption == "Recommended actions: level " + std::to_string(n.level) + " to level " +
                                    std::to_string(n.level + 1));
            std::vector<const Action*> expected;
            for (const auto& a : dim.actions)
                if (a.from == n.level) expected.push_back(&a);
            REQUIRE(t->rows.size() == expected.size());
            std::set<std::string> titles;
            for (const auto* a : expected) titles.insert(a->title);
            int last_rank = 0;
            for (const auto& row : t->rows) {
                CHECK(titles.count(row[0]));
                int rank = row[2].rfind("Small", 0) == 0 ? 0 : row[2] == "Medium" ? 1 : 2;
                CHECK(rank >= last_rank);
                last_rank = rank;
            }
        }
    }

    // The adopted action shows its owner, status and due date; the others are not started.
    int lh = heading_index(*doc, fw.dimensions[lead].name, 2);
    const Table* lt = next_block<Table>(*doc, lh);
    REQUIRE(lt);
    bool found = false;
    for (const auto& row : lt->rows) {
        if (row[0] == adopted->title) {
            found = true;
            CHECK(row[1] == "Jo Example, Director of Resources (fictional)");
            CHECK(row[4] == "In progress");
            CHECK(row[5] == "15 January 2027");
        } else {
            CHECK(row[4] == "Not started");
            CHECK(row[5].empty());
        }
    }
    CHECK(found);

    // The timeline puts the adopted action in the quarter of its due date.
    int tl = heading_index(*doc, "Timeline", 1);
    const Table* tt = next_block<Table>(*doc, tl, 1);
    REQUIRE(tt);
    bool in_q4 = false;
    for (const auto& row : tt->rows)
        if (row[1] == adopted->title) in_q4 = row[0] == "Q4 2026-27 (January to March 2027)";
    CHECK(in_q4);
    // Other actions are due at the end of their timescale, counted from the report date.
    std::map<std::string, const Action*> by_title;
    for (const auto& dim : fw.dimensions)
        for (const auto& a : dim.actions) by_title[a.title] = &a;
    int counted = 0;
    for (const auto& row : tt->rows) {
        const Action* a = by_title[row[1]];
        REQUIRE(a);
        if (a == adopted) continue;
        auto months = timescale_months(a->timescale);
        CHECK(row[0] == (months ? financial_quarter(add_months("2026-11-21", *months)) : "Ongoing"));
        ++counted;
    }
    CHECK(counted > 5);

    // Responsibilities: every foundation one is listed.
    int rh = heading_index(*doc, "Responsibilities needed", 1);
    const Table* rt = next_block<Table>(*doc, rh, 1);
    REQUIRE(rt);
    for (const auto& resp : fw.responsibilities)
        if (resp.tier == Tier::Foundation) {
            bool listed = false;
            for (const auto& row : rt->rows) listed = listed || row[0] == resp.name;
            CHECK(listed);
        }

    // The appendix names respondents and carries their evidence.
    CHECK(heading_index(*doc, "Appendix: answers and evidence", 1) >= 0);
    std::string a_name, an_evidence;
    for (const auto& resp : e.sets2026[0]->respondents) {
        if (a_name.empty() && !resp.name.empty()) a_name = resp.name;
        for (const auto& a : resp.answers)
            if (an_evidence.empty() && !a.evidence.empty()) an_evidence = a.evidence;
    }
    REQUIRE_FALSE(a_name.empty());
    REQUIRE_FALSE(an_evidence.empty());
    CHECK(mentions(*doc, a_name));
    CHECK(mentions(*doc, an_evidence));

    // Anchors are unique.
    std::set<std::string> anchors;
    for (const auto& b : doc->blocks)
        if (auto* h = std::get_if<Heading>(&b)) CHECK(anchors.insert(h->anchor).second);
}

TEST_CASE("an anonymised action plan has no appendix and names nobody", "[report][action-plan]") {
    const EastmereRound& e = eastmere();
    REQUIRE(e.round2026);
    ActionPlanInput in = plan_input(e);
    in.anonymise = true;
    std::string error;
    auto doc = build_action_plan(in, shipped(TemplateKind::ActionPlan), error);
    REQUIRE(doc);
    CHECK(heading_index(*doc, "Appendix: answers and evidence") < 0);
    int names = 0;
    for (const auto& set : e.sets2026)
        for (const auto& r : set->respondents) {
            if (!r.name.empty()) {
                ++names;
                CHECK_FALSE(mentions(*doc, r.name));
            }
            if (!r.email.empty()) CHECK_FALSE(mentions(*doc, r.email));
            for (const auto& a : r.answers)
                if (a.evidence.size() > 12) CHECK_FALSE(mentions(*doc, a.evidence));
        }
    CHECK(names > 0);
}

TEST_CASE("the action plan follows the template's section order and leaves out sections it omits", "[report][action-plan]") {
    const EastmereRound& e = eastmere();
    REQUIRE(e.round2026);
    ReportTemplate t = default_template(TemplateKind::ActionPlan);
    t.sections = {{"timeline", "When", {"Due by {date} for {organisation}."}}, {"summary", "Where we are", {}}};
    std::string error;
    auto doc = build_action_plan(plan_input(e), t, error);
    REQUIRE(doc);
    std::vector<std::string> top;
    for (const auto& b : doc->blocks)
        if (auto* h = std::get_if<Heading>(&b); h && h->level == 1) top.push_back(h->text);
    CHECK(top == std::vector<std::string>{"When", "Where we are"});
    CHECK(mentions(*doc, "Due by 21 November 2026 for Eastmere London Borough Council (fictional)."));

    ActionPlanInput bad = plan_input(e);
    bad.report_date = "21/11/2026";
    CHECK_FALSE(build_action_plan(bad, t, error));
    CHECK(error == "the report date must be a date as YYYY-MM-DD, not \"21/11/2026\"");
    bad = plan_input(e);
    bad.actions.push_back({"no-such-action", "", "", "not-started", "", "", ""});
    CHECK_FALSE(build_action_plan(bad, t, error));
    CHECK_FALSE(build_action_plan(plan_input(e), shipped(TemplateKind::Benchmark), error));
}

TEST_CASE("a nested framework gets a heading per child and every kind of answer in words", "[report][action-plan]") {
    ScoreReport s = score_files({{kData + "/answers/tiny-good.json"},
                                 {kData + "/frameworks/tiny-example.json", kData + "/questionnaires/tiny-check.json"},
                                 {},
                                 {},
                                 {}});
    INFO(problems(s.diagnostics));
    REQUIRE(s.rounds.size() == 1);
    LoadedAnswerFiles loaded = load_answer_files({{kData + "/answers/tiny-good.json"},
                                                  {kData + "/frameworks/tiny-example.json", kData + "/questionnaires/tiny-check.json"},
                                                  {},
                                                  {}});
    REQUIRE(loaded.sets.size() == 1);
    const ScoredRound& sr = s.rounds[0];
    ActionPlanInput in;
    in.framework = sr.framework.get();
    in.questionnaire = sr.questionnaire.get();
    in.result = &sr.result;
    in.answers = {&loaded.sets[0]};
    in.report_date = "2026-05-01";
    std::string error;
    auto doc = build_action_plan(in, shipped(TemplateKind::ActionPlan), error);
    INFO(error);
    REQUIRE(doc);
    const Framework& fw = *sr.framework;
    int data = heading_index(*doc, "Data", 2);
    REQUIRE(data >= 0);
    for (int c : fw.dimensions[fw.find_dimension("data")].children) {
        int h = heading_index(*doc, fw.dimensions[c].name, 3);
        CHECK(h > data);
    }
    // The appendix tallies every answer: a short option by its label, highest on the scale
    // first; a checklist item by item; a chain by how far it got; a number by its value.
    auto rows = appendix_rows(*doc);
    using Row = std::vector<std::string>;
    CHECK(rows["Which statement fits best?"] ==
          Row{"1 \u00d7 Key fields are checked monthly.\n1 \u00d7 don't know",
              "Respondent r01 (Senior leader, confidence 80%): Monthly checks since March."});
    CHECK(rows["How far do your quality checks go?"] == Row{"1 \u00d7 yes to 2 of 2 steps\n1 \u00d7 yes to 1 of 2 steps", ""});
    CHECK(rows["Which of these do you have?"] ==
          Row{"1 \u00d7 A data dictionary\n1 \u00d7 Routine quality checks\n0 \u00d7 Named data owners\n1 \u00d7 none ticked", ""});
    CHECK(rows["Staff have the data skills their work needs."] == Row{"1 \u00d7 Agree\n1 \u00d7 Neither agree nor disagree", ""});
    CHECK(rows["How many staff had data training last year?"] == Row{"1 \u00d7 12 staff\n1 \u00d7 not applicable", ""});
}

TEST_CASE("the appendix shows long statements as their level and each evidence note once", "[report][action-plan]") {
    const EastmereRound& e = eastmere();
    REQUIRE(e.round2026);
    std::string error;
    auto doc = build_action_plan(plan_input(e), shipped(TemplateKind::ActionPlan), error);
    REQUIRE(doc);
    auto rows = appendix_rows(*doc);
    const auto& strategy = rows["Which statement best describes the council's data strategy?"];
    REQUIRE(strategy.size() == 2);
    CHECK(strategy[0] == "3 \u00d7 level 5 Leading\n5 \u00d7 level 4 Established\n3 \u00d7 level 3 Developing\n1 \u00d7 don't know");
    // Two respondents wrote the same words: one note naming both, each with their confidence.
    CHECK(strategy[1].find("Marcus Hale (Frontline staff, confidence 80%) and Ade Oyelaran (Councillor, confidence 80%): "
                           "Data and insight strategy approved by cabinet") != std::string::npos);
    CHECK(count(strategy[1], "Data and insight strategy approved by cabinet") == 1);
    // The tallies of the questions that are not checklists (those count items, not answers)
    // add up to every such answer of the round, and no note is a bare confidence.
    const Questionnaire& qn = *e.round2026->questionnaire;
    std::size_t answers = 0, tallied = 0;
    for (const AnswerSet* set : e.sets2026)
        for (const auto& r : set->respondents)
            for (const auto& a : r.answers)
                if (qn.questions[a.question].kind != QuestionKind::Checklist) ++answers;
    for (const auto& [question, cells] : rows) {
        auto q = std::find_if(qn.questions.begin(), qn.questions.end(), [&](const Question& x) { return x.text == question; });
        REQUIRE(q != qn.questions.end());
        CHECK(cells[1].find("): (confidence") == std::string::npos);
        if (q->kind == QuestionKind::Checklist) continue;
        for (std::size_t at = 0; at < cells[0].size();) {
            tallied += static_cast<std::size_t>(std::atoi(cells[0].c_str() + at));
            std::size_t nl = cells[0].find('\n', at);
            at = nl == std::string::npos ? cells[0].size() : nl + 1;
        }
    }
    CHECK(answers > 100);
    CHECK(tallied == answers);
}

// ---------------------------------------------------------------------------------------
// Benchmark

namespace {

struct Bench {
    ScoreReport scored;
    std::optional<BenchmarkResult> result;
    std::string error;
};

Bench bench(bool anonymise, int min_respondents) {
    Bench b;
    b.scored = score_files({{example("eastmere-2025-full.json"), example("eastmere-2026-full.json"),
                             example("northwold-2026-quick.json"), example("ashby-vale-2026-full.json"),
                             example("ashby-vale-childrens-2026.json")},
                            {},
                            {},
                            {kSource},
                            {}});
    BenchmarkRequest req;
    for (const auto& sr : b.scored.rounds) {
        BenchmarkInput bi;
        bi.framework = sr.framework;
        bi.result = sr.result;
        req.rounds.push_back(bi);
    }
    req.viewer = "eastmere";
    req.anonymise = anonymise;
    req.rules.min_respondents = min_respondents;
    b.result = run_benchmark(req, b.error);
    return b;
}

}  // namespace

TEST_CASE("the benchmark heatmap has one row per included organisation with its scores", "[report][benchmark]") {
    Bench b = bench(false, 7);
    INFO(problems(b.scored.diagnostics) << b.error);
    REQUIRE(b.result);
    const BenchmarkResult& r = *b.result;
    const Framework& fw = *r.framework;
    REQUIRE_FALSE(r.excluded.empty());  // Northwold: 6 respondents, below 7

    BenchmarkReportInput in;
    in.result = &r;
    in.group = "Fictional councils of the example region";
    in.report_date = "2026-11-21";
    std::string error;
    auto doc = build_benchmark_report(in, shipped(TemplateKind::Benchmark), error);
    INFO(error);
    REQUIRE(doc);
    CHECK(doc->subtitle == "Fictional councils of the example region");

    int hm = heading_index(*doc, "Scores by organisation", 1);
    const Table* heat = next_block<Table>(*doc, hm, 1);
    REQUIRE(heat);
    REQUIRE(heat->rows.size() == r.included.size() + 1);  // plus the median
    CHECK(heat->last_row_is_total);
    CHECK(heat->header.size() == fw.roots.size() + 2);
    REQUIRE(heat->fills.size() == heat->rows.size());
    for (std::size_t i = 0; i < r.included.size(); ++i) {
        CHECK(heat->rows[i][0].rfind(r.included[i].label, 0) == 0);
        for (std::size_t k = 0; k < fw.roots.size(); ++k) {
            const auto& s = r.dimensions[fw.roots[k]].positions[i].score;
            CHECK(heat->rows[i][k + 1] == (s ? score_text(*s) : "-"));
            CHECK(heat->fills[i][k + 1].has_value() == s.has_value());
        }
        CHECK(heat->rows[i].back() == score_text(*r.overall.positions[i].score));
    }
    CHECK(heat->rows.back().back() == score_text(r.overall.group.median));
    CHECK_FALSE(mentions(*doc, "Northwold District Council (fictional) (you)"));

    // Ranges: one row per dimension plus overall, the viewer marked with its own score.
    int rg = heading_index(*doc, "Spread of scores", 1);
    const RangeChart* range = next_block<RangeChart>(*doc, rg, 1);
    REQUIRE(range);
    REQUIRE(r.viewer);
    CHECK(range->marker_label == r.included[*r.viewer].label);
    REQUIRE(range->rows.size() == fw.roots.size() + 1);
    for (std::size_t k = 0; k < fw.roots.size(); ++k) {
        const BenchmarkNode& node = r.dimensions[fw.roots[k]];
        CHECK(range->rows[k].median == node.group.median);
        CHECK(range->rows[k].q1 == node.group.q1);
        CHECK(range->rows[k].marker == node.positions[*r.viewer].score);
    }

    // Trends: Eastmere has two rounds.
    int tr = heading_index(*doc, "Trends across rounds", 1);
    const LineChart* line = next_block<LineChart>(*doc, tr, 1);
    REQUIRE(line);
    CHECK(line->categories == std::vector<std::string>{"2025", "2026"});
    CHECK(line->series.size() == r.included.size());

    // Method: the exclusion and its reason.
    int m = heading_index(*doc, "Rounds left out", 2);
    const Table* ex = next_block<Table>(*doc, m);
    REQUIRE(ex);
    REQUIRE(ex->rows.size() == r.excluded.size());
    CHECK(ex->rows[0][0] == r.excluded[0].organisation.label);
    // Northwold's only round is below the rules: marked so, in the method and under the heatmap.
    // Eastmere's earlier round is left out too, but not marked: its 2026 one stands for it.
    int marked = 0;
    for (std::size_t i = 0; i < r.excluded.size(); ++i) {
        const auto& e = r.excluded[i];
        CHECK(e.below_rules == (e.organisation.id == "northwold"));
        CHECK(ex->rows[i][2] == (e.below_rules ? "Below the rules: " : "") + join_words(e.reasons, "and"));
        if (e.below_rules) {
            ++marked;
            CHECK(mentions(*doc, "Below the inclusion rules, so not ranked and not in the medians: " + e.organisation.label +
                                     " (2026: 6 respondents, fewer than 7)."));
        }
    }
    CHECK(marked == 1);
    // The rules in words, on the cover and in the method.
    CHECK(mentions(*doc, inclusion_rules_text(r.rules)));
    CHECK(inclusion_rules_text(r.rules).find("at least 7 respondents") != std::string::npos);
}

TEST_CASE("an anonymised benchmark names only the viewer", "[report][benchmark]") {
    Bench named = bench(false, 1);
    Bench b = bench(true, 1);
    REQUIRE(b.result);
    REQUIRE(named.result);
    BenchmarkReportInput in;
    in.result = &*b.result;
    in.group = "Example region";
    in.report_date = "2026-11-21";
    std::string error;
    auto doc = build_benchmark_report(in, shipped(TemplateKind::Benchmark), error);
    REQUIRE(doc);
    CHECK(mentions(*doc, "Eastmere London Borough Council (fictional)"));
    for (const auto& o : named.result->included)
        if (o.id != "eastmere") CHECK_FALSE(mentions(*doc, o.label));
    CHECK(mentions(*doc, "Council A"));
    CHECK(mentions(*doc, "Anonymised"));
}

TEST_CASE("with many organisations the trend chart shows the viewer against the group median", "[report][benchmark]") {
    ScoreReport scored = score_files({{example("ashby-vale-2026-full.json"), example("eastmere-2025-full.json"),
                                       example("eastmere-2026-full.json")},
                                      {},
                                      {},
                                      {kSource},
                                      {}});
    REQUIRE(scored.rounds.size() == 3);
    BenchmarkRequest req;
    // Ten fictional councils: copies of the example rounds under other names.
    for (int i = 0; i < 10; ++i)
        for (const auto& sr : scored.rounds) {
            if (i > 0 && sr.result.organisation.id == "ashby-vale") continue;
            BenchmarkInput bi;
            bi.framework = sr.framework;
            bi.result = sr.result;
            if (i > 0) {
                bi.organisation_id = "copy-" + std::to_string(i);
                bi.organisation_name = "Copy " + std::to_string(i) + " (fictional)";
            }
            req.rounds.push_back(bi);
        }
    req.viewer = "eastmere";
    std::string error;
    auto r = run_benchmark(req, error);
    INFO(error);
    REQUIRE(r);
    REQUIRE(r->included.size() > 8);
    BenchmarkReportInput in;
    in.result = &*r;
    in.group = "Copies";
    in.report_date = "2026-11-21";
    auto doc = build_benchmark_report(in, shipped(TemplateKind::Benchmark), error);
    REQUIRE(doc);
    const LineChart* line = next_block<LineChart>(*doc, heading_index(*doc, "Trends across rounds", 1), 1);
    REQUIRE(line);
    REQUIRE(line->series.size() == 2);
    CHECK(line->series[0].name == "Group median");
    CHECK(line->series[1].name == "Eastmere London Borough Council (fictional)");
    // Every copy of Eastmere scored the same in 2026, and they are the majority.
    CHECK(line->series[0].values[1] == r->overall.positions[*r->viewer].score);
}
