// The report content builders and templates: the documents hold the engines' figures,
// formatted the same way whatever the locale, and every template problem is one exact line.
#include <catch2/catch.hpp>

#include <algorithm>
#include <clocale>
#include <cmath>
#include <locale>
#include <map>
#include <memory>
#include <set>

#include "action_plan.h"
#include "answer_files.h"
#include "benchmark.h"
#include "benchmark_report.h"
#include "business_case.h"
#include "catalogue.h"
#include "json_read.h"
#include "roadmap.h"
#include "roadmap_inputs.h"
#include "score_files.h"
#include "template.h"
#include "text_format.h"

using namespace ys;
using namespace ys::report;

namespace {

const std::string kSource = YS_SOURCE_DIR;
const std::string kData = YS_TEST_DATA;

std::string example(const std::string& name) { return kSource + "/examples/answers/" + name; }

std::string problems(const Diagnostics& d) {
    std::string s;
    for (const auto& x : d.items()) s += to_string(x) + "\n";
    return s;
}

// Every piece of text a document holds, for searching.
std::vector<std::string> all_text(const Document& doc) {
    std::vector<std::string> out{doc.title, doc.subtitle, doc.running_header, doc.author};
    for (const auto& b : doc.blocks) {
        if (auto* h = std::get_if<Heading>(&b)) out.push_back(h->text);
        else if (auto* p = std::get_if<Paragraph>(&b)) out.push_back(p->text);
        else if (auto* l = std::get_if<BulletList>(&b)) out.insert(out.end(), l->items.begin(), l->items.end());
        else if (auto* kv = std::get_if<KeyValues>(&b))
            for (const auto& [k, v] : kv->rows) {
                out.push_back(k);
                out.push_back(v);
            }
        else if (auto* t = std::get_if<Table>(&b)) {
            out.push_back(t->caption);
            out.insert(out.end(), t->header.begin(), t->header.end());
            for (const auto& r : t->rows) out.insert(out.end(), r.begin(), r.end());
        } else if (auto* c = std::get_if<RadarChart>(&b)) {
            out.push_back(c->title);
            out.push_back(c->alt);
            out.insert(out.end(), c->axes.begin(), c->axes.end());
            for (const auto& s : c->series) out.push_back(s.name);
        } else if (auto* c = std::get_if<LineChart>(&b)) {
            out.push_back(c->title);
            out.push_back(c->alt);
            for (const auto& s : c->series) out.push_back(s.name);
        } else if (auto* c = std::get_if<RangeChart>(&b)) {
            out.push_back(c->title);
            out.push_back(c->alt);
            out.push_back(c->marker_label);
            for (const auto& r : c->rows) out.push_back(r.label);
        } else if (auto* c = std::get_if<BarChart>(&b)) {
            out.push_back(c->title);
            out.push_back(c->alt);
            for (const auto& s : c->series) out.push_back(s.name);
        }
    }
    return out;
}

bool mentions(const Document& doc, const std::string& needle) {
    for (const auto& s : all_text(doc))
        if (s.find(needle) != std::string::npos) return true;
    return false;
}

// The appendix as question -> {answers given, evidence notes}, from its tables.
std::map<std::string, std::vector<std::string>> appendix_rows(const Document& doc) {
    std::map<std::string, std::vector<std::string>> rows;
    for (const auto& b : doc.blocks)
        if (auto* t = std::get_if<Table>(&b); t && t->caption.rfind("Answers and evidence: ", 0) == 0)
            for (const auto& r : t->rows)
                if (r.size() == 3) rows[r[0]] = {r[1], r[2]};
    return rows;
}

std::size_t count(const std::string& hay, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + needle.size())) ++n;
    return n;
}

// The index of the level-N heading with this text, or -1.
int heading_index(const Document& doc, const std::string& text, int level = 0) {
    for (std::size_t i = 0; i < doc.blocks.size(); ++i)
        if (auto* h = std::get_if<Heading>(&doc.blocks[i]))
            if (h->text == text && (level == 0 || h->level == level)) return static_cast<int>(i);
    return -1;
}

// The first block of type T at or after `from`, before the next heading of level <= stop_level.
template <typename T>
const T* next_block(const Document& doc, int from, int stop_level = 2) {
    for (std::size_t i = static_cast<std::size_t>(from) + 1; i < doc.blocks.size(); ++i) {
        if (auto* h = std::get_if<Heading>(&doc.blocks[i]))
            if (h->level <= stop_level) return nullptr;
        if (auto* t = std::get_if<T>(&doc.blocks[i])) return t;
    }
    return nullptr;
}

std::string value_of(const KeyValues& kv, const std::string& key) {
    for (const auto& [k, v] : kv.rows)
        if (k == key) return v;
    return "(missing " + key + ")";
}

// "£53,370.25" or "-£1,200.00" as pennies.
long long pennies(const std::string& money_text) {
    long long v = 0;
    for (char c : money_text)
        if (c >= '0' && c <= '9') v = v * 10 + (c - '0');
    return money_text.rfind("-", 0) == 0 ? -v : v;
}

ReportTemplate shipped(TemplateKind kind) {
    Diagnostics d;
    auto t = read_template(shipped_template_path(kSource, kind), d, kind);
    if (!t) FAIL(problems(d));
    return *t;
}

// Eastmere's rounds (2025 and 2026) scored with targets, and the answer sets for the appendix.
struct EastmereRound {
    ScoreReport scored;
    LoadedAnswerFiles loaded;
    const ScoredRound* round2026 = nullptr;
    std::vector<const AnswerSet*> sets2026;
};

const EastmereRound& eastmere() {
    static const std::unique_ptr<EastmereRound> e = [] {
        auto r = std::make_unique<EastmereRound>();
        std::vector<std::string> files = {example("eastmere-2025-full.json"), example("eastmere-2026-full.json")};
        std::vector<std::string> targets = {kSource + "/examples/targets/eastmere-2027.json"};
        r->scored = score_files({files, {}, targets, {kSource}, {}});
        r->loaded = load_answer_files({{example("eastmere-2026-full.json")}, {}, {}, {kSource}});
        for (const auto& sr : r->scored.rounds)
            if (sr.result.period == "2026") r->round2026 = &sr;
        for (const auto& set : r->loaded.sets) r->sets2026.push_back(&set);
        return r;
    }();
    return *e;
}

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
        {"tpl-unknown-kind.json", "/kind: unknown kind \"roadmap\"; expected one of: action-plan, benchmark, business-case"},
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
    CHECK(t->theme.logo_path == kSource + "/reports/eastmere-logo.png");
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
    CHECK(t->theme.logo_path == "/srv/yardstick/templates/img/logo.png");
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
                          "Agreed at CMT."});

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
        CHECK(value_of(*kv, "Target").rfind(std::to_string(*n.target) + " ", 0) == 0);
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
    bad.actions.push_back({"no-such-action", "", "", "not-started", ""});
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
    CHECK(ex->rows[0][2] == join_words(r.excluded[0].reasons, "and"));
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

// ---------------------------------------------------------------------------------------
// Business case

namespace {

struct CaseSetup {
    RoadmapInputs inputs;
    RoadmapRequest request;
    std::optional<Roadmap> roadmap;
    std::shared_ptr<const Framework> skills;
};

CaseSetup case_setup() {
    CaseSetup c;
    Diagnostics d("shipped");
    auto in = load_roadmap_inputs(kSource + "/frameworks/roles/council-data-roles.json",
                                  kSource + "/frameworks/roles/assumptions-england-2025.json", {kSource}, d);
    if (!in) FAIL(problems(d));
    c.inputs = std::move(*in);
    Catalogue cat;
    cat.add_library(kSource, "shipped");
    cat.bind_all();
    c.skills = cat.framework("analyst-data-skills");
    const EastmereRound& e = eastmere();
    c.request.framework = c.inputs.framework.get();
    c.request.roles = &c.inputs.roles;
    c.request.assumptions = &c.inputs.assumptions;
    c.request.current = &e.round2026->result;
    c.request.start = "2026-04-01";
    c.request.horizon_years = 3;
    c.request.london = true;
    c.request.team = {{"performance-information-analyst", 1}};
    c.request.upskill = {{"performance-information-analyst", "senior-data-analyst"}};
    c.request.shared = {{"data-architect", 3}};
    std::string error;
    c.roadmap = build_roadmap(c.request, error);
    if (!c.roadmap) FAIL(error);
    return c;
}

BusinessCaseInput case_input(const CaseSetup& c, const std::string& role) {
    BusinessCaseInput in;
    in.framework = c.inputs.framework.get();
    in.roles = &c.inputs.roles;
    in.assumptions = &c.inputs.assumptions;
    in.request = &c.request;
    in.roadmap = &*c.roadmap;
    in.skills_framework = c.skills.get();
    in.role = role;
    in.report_date = "2026-11-21";
    return in;
}

}  // namespace

TEST_CASE("the whole-roadmap business case's cost tables equal the roadmap's to the penny", "[report][business-case]") {
    CaseSetup c = case_setup();
    const Roadmap& map = *c.roadmap;
    REQUIRE(map.years.size() == 3);
    REQUIRE_FALSE(map.hires.empty());
    std::string error;
    auto doc = build_business_case(case_input(c, ""), shipped(TemplateKind::BusinessCase), error);
    INFO(error);
    REQUIRE(doc);
    CHECK(doc->title == "Business case: the data team");

    int costs = heading_index(*doc, "Costs", 1);
    const Table* sum = next_block<Table>(*doc, costs, 1);
    REQUIRE(sum);
    REQUIRE(sum->rows.size() == map.years.size() + 1);
    for (std::size_t y = 0; y < map.years.size(); ++y) {
        CHECK(sum->rows[y][3] == money(map.years[y].total.mid));
        CHECK(sum->rows[y][5] == money(map.years[y].cumulative.mid));
    }
    CHECK(sum->rows.back()[3] == money(map.years.back().cumulative.mid));

    for (const auto& y : map.years) {
        int h = heading_index(*doc, "Year " + std::to_string(y.year) + ": " + long_date(y.from) + " to " + long_date(y.to), 2);
        REQUIRE(h >= 0);
        const Table* t = next_block<Table>(*doc, h);
        REQUIRE(t);
        REQUIRE(t->last_row_is_total);
        const auto& total = t->rows.back();
        CHECK(total[0] == "Total");
        CHECK(pennies(total[1]) == std::llround(y.total.low * 100));
        CHECK(pennies(total[2]) == std::llround(y.total.mid * 100));
        CHECK(pennies(total[3]) == std::llround(y.total.high * 100));
        // Every on-cost the engine itemised is a line of its own.
        for (const auto& [name, m] : y.lines) {
            if (std::fabs(m.mid) < 0.005 && std::fabs(m.low) < 0.005 && std::fabs(m.high) < 0.005) continue;
            bool listed = false;
            for (const auto& row : t->rows)
                if (row[0] == name) {
                    listed = true;
                    CHECK(pennies(row[2]) == std::llround(m.mid * 100));
                }
            INFO(name);
            CHECK(listed);
        }
        CHECK(y.line("Employer National Insurance").mid > 0);
    }
    // The phases and every post added appear.
    for (const auto& h : map.hires) CHECK(mentions(*doc, h.title));
    CHECK(heading_index(*doc, "Risks of not investing", 1) >= 0);
}

TEST_CASE("per-role business cases add up to the roadmap and cost each option", "[report][business-case]") {
    CaseSetup c = case_setup();
    const Roadmap& map = *c.roadmap;
    std::set<std::string> roles;
    for (const auto& h : map.hires) roles.insert(h.role);
    REQUIRE(roles.size() >= 2);

    // The posts of each role, costed as the roadmap costs them, add up to its yearly totals.
    std::vector<Money> sum(map.years.size());
    for (const auto& h : map.hires) {
        const Role* role = c.inputs.roles.find(h.role);
        const Role* from = h.upskilled_from.empty() ? nullptr : c.inputs.roles.find(h.upskilled_from);
        std::string error;
        auto years = post_costs(c.request, *role, from, h.start_year, h.fte, h.cost_share, error);
        REQUIRE(error.empty());
        for (std::size_t y = 0; y < years.size(); ++y) sum[y] += years[y].total;
    }
    for (std::size_t y = 0; y < map.years.size(); ++y) {
        CHECK(std::llround(sum[y].low * 100) == std::llround(map.years[y].total.low * 100));
        CHECK(std::llround(sum[y].mid * 100) == std::llround(map.years[y].total.mid * 100));
        CHECK(std::llround(sum[y].high * 100) == std::llround(map.years[y].total.high * 100));
    }

    for (const auto& id : roles) {
        const Role& role = *c.inputs.roles.find(id);
        std::string error;
        auto doc = build_business_case(case_input(c, id), shipped(TemplateKind::BusinessCase), error);
        INFO(id << ": " << error);
        REQUIRE(doc);
        CHECK(doc->title == "Business case: " + role.title);
        // The job description outline.
        CHECK(mentions(*doc, role.purpose));
        CHECK(mentions(*doc, money(role.salary.min) + " to " + money(role.salary.max) + ", mid-point " +
                                 money(role.salary.mid) + " a year"));
        // Options: four, one of them the roadmap's choice.
        int o = heading_index(*doc, "Options", 1);
        const Table* opts = next_block<Table>(*doc, o, 1);
        REQUIRE(opts);
        CHECK(opts->rows.size() == (role.apprenticeship ? 3u : 4u));
        int chosen = 0;
        for (const auto& row : opts->rows) chosen += row.back() == "Yes" ? 1 : 0;
        CHECK(chosen == 1);
    }

    SECTION("the upskilled senior analyst costs only the rise in pay, with no recruitment") {
        bool upskilled = false;
        for (const auto& h : map.hires) upskilled = upskilled || h.upskilled_from == "performance-information-analyst";
        REQUIRE(upskilled);
        std::string error;
        auto doc = build_business_case(case_input(c, "senior-data-analyst"), shipped(TemplateKind::BusinessCase), error);
        REQUIRE(doc);
        int y1 = heading_index(*doc, "Year 1: 1 April 2026 to 31 March 2027", 2);
        const Table* t = next_block<Table>(*doc, y1);
        REQUIRE(t);
        for (const auto& row : t->rows) CHECK(row[0] != "Recruitment");
    }
    SECTION("the shared data architect is costed at a third") {
        std::string error;
        auto doc = build_business_case(case_input(c, "data-architect"), shipped(TemplateKind::BusinessCase), error);
        REQUIRE(doc);
        CHECK(mentions(*doc, "share one post with 2 other councils"));
    }
}

TEST_CASE("a business case without an assessment rests on the foundation responsibilities", "[report][business-case]") {
    CaseSetup c = case_setup();
    c.request.current = nullptr;
    c.request.team.clear();
    c.request.upskill.clear();
    std::string error;
    c.roadmap = build_roadmap(c.request, error);
    REQUIRE(c.roadmap);
    auto doc = build_business_case(case_input(c, ""), shipped(TemplateKind::BusinessCase), error);
    INFO(error);
    REQUIRE(doc);
    CHECK(mentions(*doc, "No assessment was given with the roadmap"));
    CHECK(doc->subtitle.empty());
    BusinessCaseInput named = case_input(c, "");
    named.organisation = "Northwold District Council (fictional)";
    doc = build_business_case(named, shipped(TemplateKind::BusinessCase), error);
    REQUIRE(doc);
    CHECK(doc->subtitle == "Northwold District Council (fictional)");
}

TEST_CASE("the business case lists its assumptions with dates and sources, and refuses an unknown role", "[report][business-case]") {
    CaseSetup c = case_setup();
    std::string error;
    auto doc = build_business_case(case_input(c, "data-analyst-apprentice"), shipped(TemplateKind::BusinessCase), error);
    INFO(error);
    REQUIRE(doc);
    int a = heading_index(*doc, "Assumptions", 1);
    const Table* t = next_block<Table>(*doc, a, 1);
    REQUIRE(t);
    bool ni = false;
    for (const auto& row : t->rows)
        if (row[0] == "Employer National Insurance" && row[1] == "15% of pay above \xC2\xA3" "5,000 a year") {
            ni = true;
            CHECK(row[2] == "From 6 April 2025");
            CHECK_FALSE(row[3].empty());
        }
    CHECK(ni);
    // Funding: the apprenticeship's standard and band.
    int f = heading_index(*doc, "Funding", 1);
    const Table* ft = next_block<Table>(*doc, f, 1);
    REQUIRE(ft);
    CHECK(ft->rows[0][1] == "Data analyst, level 4 (ST0118)");
    CHECK(ft->rows[0][2] == "\xC2\xA3" "15,000");

    CHECK_FALSE(build_business_case(case_input(c, "astronaut"), shipped(TemplateKind::BusinessCase), error));
    CHECK(error == "role \"astronaut\" is not in the role catalogue \"council-data-roles\"");
}
