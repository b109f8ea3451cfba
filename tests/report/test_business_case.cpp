// The business case: its cost tables are the roadmap's figures (and its finance CSV's) to
// the penny, its options cost per post and in total as the engine does, cover is reported
// exactly, and every sentence reads as a person wrote it.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "business_case.h"
#include "html_render.h"
#include "pdf_render.h"
#include "catalogue.h"
#include "number_format.h"
#include "report_test_support.h"
#include "roadmap.h"
#include "roadmap_inputs.h"
#include "roadmap_output.h"
#include "text_format.h"

using namespace ys;
using namespace ys::report;
using namespace report_test;

namespace {

struct CaseSetup {
    RoadmapInputs inputs;
    RoadmapRequest request;
    std::optional<Roadmap> roadmap;
    std::shared_ptr<const Framework> skills;

    void rebuild() {
        std::string error;
        roadmap = build_roadmap(request, error);
        if (!roadmap) FAIL(error);
    }
};

// Eastmere's 2026 round and a plan of its own: a housing analyst in the team grown into a
// senior analyst, fifty identical analysts, a data architect shared by three councils, two
// apprentices under 25, programme administration and an evaluation; outer London.
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
    c.request.framework = c.inputs.framework.get();
    c.request.roles = &c.inputs.roles;
    c.request.assumptions = &c.inputs.assumptions;
    c.request.current = &eastmere().round2026->result;
    RoadmapScenario& s = c.request.scenario;
    s.name = "Regional analyst scheme";
    s.start = "2026-04-01";
    s.horizon_years = 3;
    // A London weighting figure of the test's own (the shipped file leaves it for the council).
    LondonWeightingRule lw;
    lw.area = LondonArea::Outer;
    lw.amount = 4321.5;
    lw.effective_from = "2025-04-01";
    lw.source = "test figure";
    c.inputs.assumptions.london_weighting = {lw};
    s.london_area = LondonArea::Outer;
    s.team = {{"housing-analyst", "Housing performance analyst", "performance-information-analyst", 1, {}}};
    PlannedPost grown;
    grown.id = "senior";
    grown.role = "senior-data-analyst";
    grown.route = PostRoute::GrownFrom;
    grown.grown_from = "housing-analyst";
    grown.start = "2026-07-01";
    PlannedPost many;
    many.id = "analysts";
    many.name = "Service analysts";
    many.role = "performance-information-analyst";
    many.headcount = 50;
    many.start = "2026-10-01";
    PlannedPost shared;
    shared.id = "architect";
    shared.role = "data-architect";
    shared.route = PostRoute::Shared;
    shared.shared_with = 3;
    shared.start = "2027-04-01";
    PlannedPost apprentices;
    apprentices.id = "apprentices";
    apprentices.role = "data-analyst-apprentice";
    apprentices.headcount = 2;
    apprentices.route = PostRoute::Apprenticeship;
    apprentices.age = AgeBand::From19To21;
    apprentices.start = "2026-09-01";
    s.posts = {grown, many, shared, apprentices};
    CostLine admin;
    admin.id = "admin";
    admin.name = "Programme administration";
    admin.category = CostCategory::ProgrammeManagement;
    admin.amount = 12345.67;
    admin.recurring = true;
    admin.uplift = true;
    CostLine eval;
    eval.id = "evaluation";
    eval.name = "Independent evaluation";
    eval.category = CostCategory::Evaluation;
    eval.amount = 20000;
    eval.start = "2028-06-01";
    s.costs = {admin, eval};
    s.inflation = 0.02;
    s.inflation_basis = "the Bank of England's target";
    c.rebuild();
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

Document build(const BusinessCaseInput& in) {
    std::string error;
    auto doc = build_business_case(in, shipped(TemplateKind::BusinessCase), error);
    INFO(error);
    REQUIRE(doc);
    return std::move(*doc);
}

const Table* table_captioned(const Document& doc, const std::string& start) {
    for (const auto& b : doc.blocks)
        if (auto* t = std::get_if<Table>(&b); t && t->caption.rfind(start, 0) == 0) return t;
    return nullptr;
}

// The finance CSV's rows: section, id, year, line -> the row's cells.
struct CsvRow {
    std::vector<std::string> cells;
};
std::vector<std::vector<std::string>> csv_rows(const Roadmap& r) {
    std::ostringstream out;
    write_roadmap_csv(out, r);
    std::vector<std::vector<std::string>> rows;
    std::istringstream in(out.str());
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        std::vector<std::string> cells;
        std::string cell;
        bool quoted = false;
        for (char ch : line) {
            if (ch == '"') quoted = !quoted;
            else if (ch == ',' && !quoted) {
                cells.push_back(cell);
                cell.clear();
            } else cell += ch;
        }
        cells.push_back(cell);
        rows.push_back(cells);
    }
    return rows;
}

// The CSV's "1234.56" as pennies.
long long csv_pennies(const std::string& s) { return std::llround(std::stod(s) * 100); }

}  // namespace

TEST_CASE("business case: every money cell of the cost tables is the finance CSV's figure to the penny",
          "[report][business-case]") {
    CaseSetup c = case_setup();
    const Roadmap& map = *c.roadmap;
    REQUIRE(map.years.size() == 3);
    REQUIRE(map.other_costs.size() == 2);
    const Document doc = build(case_input(c, ""));
    CHECK(doc.title == "Business case: the data team");
    const auto csv = csv_rows(map);
    REQUIRE(csv.size() > 10);
    // Columns: section,id,name,role,origin,route,headcount,fte_each,shared_with,start,year,from,to,line,
    // low_per_post,mid_per_post,high_per_post,low,mid,high
    auto plan_total = [&](int year, const std::string& line) -> const std::vector<std::string>* {
        for (const auto& r : csv)
            if (r.size() == 20 && r[0] == "plan total" && r[10] == std::to_string(year) && r[13] == line) return &r;
        return nullptr;
    };

    const Table* sum = table_captioned(doc, "Cost per year of new spend");
    REQUIRE(sum);
    REQUIRE(sum->rows.size() == map.years.size() + 1);
    for (const auto& y : map.years) {
        const auto* total = plan_total(y.year, "Total");
        const auto* cumulative = plan_total(y.year, "Cumulative");
        REQUIRE(total);
        REQUIRE(cumulative);
        const auto& row = sum->rows[static_cast<std::size_t>(y.year - 1)];
        CHECK(pennies(row[2]) == csv_pennies((*total)[17]));
        CHECK(pennies(row[3]) == csv_pennies((*total)[18]));
        CHECK(pennies(row[4]) == csv_pennies((*total)[19]));
        CHECK(pennies(row[5]) == csv_pennies((*cumulative)[18]));
        CHECK(row[3] == money(y.total.mid, 2));

        int h = heading_index(doc, "Year " + std::to_string(y.year) + ": " + long_date(y.from) + " to " + long_date(y.to), 2);
        REQUIRE(h >= 0);
        const Table* t = next_block<Table>(doc, h);
        REQUIRE(t);
        REQUIRE(t->last_row_is_total);
        std::set<std::string> shown;
        for (const auto& cells : t->rows) {
            const auto* r = plan_total(y.year, cells[0]);
            INFO("year " << y.year << ", " << cells[0]);
            REQUIRE(r);
            CHECK(pennies(cells[1]) == csv_pennies((*r)[17]));
            CHECK(pennies(cells[2]) == csv_pennies((*r)[18]));
            CHECK(pennies(cells[3]) == csv_pennies((*r)[19]));
            shown.insert(cells[0]);
        }
        // Every line the CSV has for the year is in the table, non-staff categories too.
        for (const auto& r : csv)
            if (r.size() == 20 && r[0] == "plan total" && r[10] == std::to_string(y.year) && r[13] != "Cumulative")
                CHECK(shown.count(r[13]));
    }
    CHECK(plan_total(1, "Programme management and administration"));
    CHECK(plan_total(3, "Evaluation"));

    // The posts table: each line's total and its cost per post in its first year.
    const Table* posts = table_captioned(doc, "New posts: planned by the council");
    REQUIRE(posts);
    REQUIRE(posts->rows.size() == map.posts.size() + 1);
    long long all = 0;
    for (std::size_t i = 0; i < map.posts.size(); ++i) {
        const RoadmapPost& p = map.posts[i];
        const auto& row = posts->rows[i];
        INFO(p.id);
        CHECK(row[3] == std::to_string(p.headcount));
        long long line_total = 0, first_per_post = 0;
        int first_year = 0;
        for (const auto& r : csv)
            if (r.size() == 20 && r[0] == "new post" && r[1] == p.id) {
                line_total += csv_pennies(r[18]);
                if (first_year == 0) first_year = std::stoi(r[10]);
                if (std::stoi(r[10]) == first_year) first_per_post += csv_pennies(r[15]);
            }
        CHECK(pennies(row[7]) == line_total);
        CHECK(row[6] == money(first_per_post / 100.0, 2) + " (year " + std::to_string(first_year) + ")");
        all += line_total;
    }
    CHECK(pennies(posts->rows.back()[7]) == all);
    // Fifty identical posts: the line is exactly fifty times the cost per post, every year.
    for (const auto& p : map.posts)
        if (p.headcount == 50)
            for (const auto& y : p.years)
                for (const auto& [line, m] : y.lines) CHECK(std::llround(m.mid * 100) % 50 == 0);

    // Costs that are not posts, per year and in total, as the CSV's "other cost" rows.
    const Table* other = table_captioned(doc, "Costs that are not posts");
    REQUIRE(other);
    REQUIRE(other->rows.size() == 3);
    for (std::size_t i = 0; i < map.other_costs.size(); ++i) {
        const OtherCost& o = map.other_costs[i];
        long long sum_years = 0;
        for (int y = 1; y <= 3; ++y) {
            long long csv_value = 0;
            for (const auto& r : csv)
                if (r.size() == 20 && r[0] == "other cost" && r[1] == o.id && r[10] == std::to_string(y)) csv_value = csv_pennies(r[18]);
            CHECK(pennies(other->rows[i][2 + static_cast<std::size_t>(y)]) == csv_value);
            sum_years += csv_value;
        }
        CHECK(pennies(other->rows[i].back()) == sum_years);
    }
    CHECK(other->rows[0][2].find("\xC2\xA3" "12,345.67 a year from 1 April 2026 to the end of the plan, uplifted") == 0);
    CHECK(other->rows[1][2] == "Once, on 1 June 2028");

    // The existing team, apart and marked as not new spend.
    const Table* team = table_captioned(doc, "The existing team, costed for information; not new spend");
    REQUIRE(team);
    CHECK(team->rows[0][0] == "Housing performance analyst");
    CHECK(pennies(team->rows[0][3]) == std::llround(map.team[0].total.mid * 100));
}

TEST_CASE("business case: each option costs per post and in total as the engine does, upskill names the post it grows",
          "[report][business-case]") {
    CaseSetup c = case_setup();
    const Roadmap& map = *c.roadmap;
    std::set<std::string> roles;
    for (const auto& p : map.posts) roles.insert(p.role);
    REQUIRE(roles.size() >= 3);
    for (const auto& id : roles) {
        const Role& role = *c.inputs.roles.find(id);
        const Document doc = build(case_input(c, id));
        INFO(id);
        CHECK(doc.title == "Business case: " + role.title);
        CHECK(mentions(doc, role.purpose));
        const Table* opts = table_captioned(doc, "Ways to fill the role");
        REQUIRE(opts);
        CHECK(opts->rows.size() == (role.apprenticeship ? 3u : 4u));
        int chosen = 0, heads = 0;
        for (const auto& p : map.posts)
            if (p.role == id) heads += p.headcount;
        for (const auto& row : opts->rows) {
            chosen += row.back() == "Yes" ? 1 : 0;
            if (row[1] == "-") continue;
            // Total = cost per post x posts, to the penny.
            CHECK(row[1] == std::to_string(heads));
            CHECK(pennies(row[4]) == pennies(row[3]) * heads);
            const auto dash = row[5].find(" to ");
            REQUIRE(dash != std::string::npos);
            CHECK(pennies(row[5].substr(0, dash)) <= pennies(row[4]));
            CHECK(pennies(row[5].substr(dash + 4)) >= pennies(row[4]));
        }
        // One chosen option for each route the plan takes for the role.
        std::set<PostRoute> routes;
        Money planned;
        for (const auto& p : map.posts)
            if (p.role == id) {
                routes.insert(p.route == PostRoute::Apprenticeship ? PostRoute::NewPost : p.route);
                planned += p.total;
            }
        CHECK(chosen == static_cast<int>(routes.size()));
        // With one route, the chosen option's total is the plan's cost of the role's posts
        // (for an upskill, less the new post that carries the grown post's old work).
        if (routes.size() == 1 && *routes.begin() != PostRoute::GrownFrom)
            for (const auto& row : opts->rows)
                if (row.back() == "Yes") CHECK(pennies(row[4]) == std::llround(planned.mid * 100));
    }

    const Document senior = build(case_input(c, "senior-data-analyst"));
    const Table* opts = table_captioned(senior, "Ways to fill the role");
    REQUIRE(opts);
    const std::vector<std::string>* upskill = nullptr;
    for (const auto& row : opts->rows)
        if (row[0] == "Upskill") upskill = &row;
    REQUIRE(upskill);
    CHECK((*upskill)[6] == "Yes");
    // The two parts of the upskill option, named and adding up to its cost per post.
    bool parts = false;
    for (const auto& b : senior.blocks)
        if (auto* l = std::get_if<BulletList>(&b))
            for (const auto& item : l->items) {
                std::smatch m;
                if (std::regex_search(item, m, std::regex("^Upskill: grow the team's Housing performance analyst post into the role; a new post "
                                                          "carries its old work\\. Each post costs (\\S+) over 3 years for "
                                                          "the rise in pay "
                                                          "and on-costs of the grown post, plus (\\S+) for a new performance and "
                                                          "information analyst post to carry its old work \\(mid\\)\\.$"))) {
                    parts = true;
                    CHECK(pennies(m[1].str()) + pennies(m[2].str()) == pennies((*upskill)[3]));
                    CHECK(pennies(m[2].str()) > 0);
                    // The grown part is what the plan costs its grown post.
                    for (const auto& p : map.posts)
                        if (p.route == PostRoute::GrownFrom) CHECK(pennies(m[1].str()) == std::llround(p.total.mid * 100));
                }
            }
    CHECK(parts);

    // Whole roadmap: per role its posts, its route and each option's total.
    const Document all = build(case_input(c, ""));
    const Table* per_role = table_captioned(all, "Options per role");
    REQUIRE(per_role);
    for (const auto& row : per_role->rows)
        if (row[0] == "Performance information analyst") {
            CHECK(row[1] == "50");
            CHECK(row[2] == "new post");
            CHECK(row[3].find("(chosen)") != std::string::npos);
        }
}

TEST_CASE("business case: cover is reported exactly, with phases from the engine and reasons per role",
          "[report][business-case]") {
    CaseSetup c = case_setup();
    c.request.scenario.propose = false;
    c.request.scenario.posts.resize(1);  // only the grown senior analyst
    c.rebuild();
    const Roadmap& map = *c.roadmap;
    REQUIRE(map.count(CoverStatus::NotCovered) + map.count(CoverStatus::Partly) > 0);
    const Document doc = build(case_input(c, ""));
    const Table* cover = table_captioned(doc, "Cover of each responsibility");
    REQUIRE(cover);
    REQUIRE(cover->rows.size() == map.cover.size());
    for (std::size_t i = 0; i < map.cover.size(); ++i) CHECK(cover->rows[i].back() == map.cover[i].text());
    bool partly = false;
    for (const auto& x : map.cover)
        if (x.status == CoverStatus::Partly) {
            partly = true;
            CHECK(std::regex_search(x.text(), std::regex("^partly covered: [0-9.]+ of [0-9.]+ FTE$")));
        }
    CHECK((partly || map.count(CoverStatus::NotCovered) > 0));
    // Phase titles are the engine's; "already covered" only where the team alone covers it.
    const Table* phases = table_captioned(doc, "Phases");
    REQUIRE(phases);
    for (std::size_t i = 0; i < map.phases.size(); ++i) {
        CHECK(phases->rows[i][2] == map.phases[i].name);
        if (phases->rows[i][4].find("already covered by the current team") != std::string::npos)
            for (const auto& id : map.phases[i].responsibilities)
                for (const auto& x : map.cover)
                    if (x.responsibility == id) CHECK((x.elsewhere || x.from_team + 1e-9 >= x.needed));
    }
    for (const auto& s : all_text(doc)) CHECK(s.find("Already covered by the current team") == std::string::npos);
    // One list of reasons per role, under a sentence naming the role.
    CHECK(mentions(doc, "The plan needs a senior data analyst for:"));
    int per_role = 0;
    for (const auto& b : doc.blocks)
        if (auto* p = std::get_if<Paragraph>(&b); p && p->text.rfind("The plan needs ", 0) == 0) ++per_role;
    CHECK(per_role == static_cast<int>(map.reasons.size()));
}

TEST_CASE("business case: warnings near the start, every assumption marked with its basis, scenarios side by side",
          "[report][business-case]") {
    CaseSetup c = case_setup();
    c.request.scenario.posts[0].start = "2025-01-01";  // before the plan starts
    // A pay award not yet agreed, an incentive and an eligibility rule: all in the table.
    Assumptions a = c.inputs.assumptions;
    PayAwardRule award;
    award.effective_from = "2027-04-01";
    award.rate = 0.03;
    award.assumption = true;
    award.basis = "no award agreed for 2027; 3% as in recent years";
    award.source = "";
    a.pay_award.push_back(award);
    ApprenticeshipIncentiveRule incentive;
    incentive.effective_from = "2025-08-01";
    incentive.amount = 2000;
    incentive.max_age = 21;
    incentive.foundation_only = true;
    incentive.source = "DfE apprenticeship funding rules";
    a.apprenticeship_incentive.push_back(incentive);
    ApprenticeNiReliefRule relief;
    relief.effective_from = "2016-04-06";
    relief.under_age = 25;
    relief.upper_threshold = 50270;
    relief.source = "HMRC";
    a.apprentice_ni_relief.push_back(relief);
    c.request.assumptions = &a;
    c.rebuild();
    REQUIRE_FALSE(c.roadmap->warnings.empty());
    BusinessCaseInput in = case_input(c, "");
    in.assumptions = &a;
    // Another scenario to compare: the same plan with no proposals and no evaluation.
    RoadmapRequest other = c.request;
    other.scenario.name = "Council posts only";
    other.scenario.propose = false;
    other.scenario.costs.pop_back();
    std::string error;
    auto other_map = build_roadmap(other, error);
    REQUIRE(other_map);
    in.compared = {summarise(other.scenario.name, *other_map)};
    const Document doc = build(in);

    // Warnings: the first thing under the summary's heading.
    const int summary = heading_index(doc, "Summary", 1);
    REQUIRE(summary >= 0);
    const int warnings = heading_index(doc, c.roadmap->warnings.size() == 1 ? "Warning" : "Warnings", 2);
    CHECK(warnings > summary);
    const BulletList* list = next_block<BulletList>(doc, warnings);
    REQUIRE(list);
    CHECK(list->items == c.roadmap->warnings);

    const Table* t = table_captioned(doc, "Assumptions, with the dates");
    REQUIRE(t);
    bool pay = false, incentive_row = false, relief_row = false;
    for (const auto& row : t->rows) {
        if (row[0] == "Pay award (assumption)" && row[1] == "Pay rises by 3%") {
            pay = true;
            CHECK(row[3] == "An assumption, not a published figure: no award agreed for 2027; 3% as in recent years");
            CHECK(row[2] == "From 1 April 2027");
        }
        if (row[0] == "Apprenticeship incentive" &&
            row[1] == "\xC2\xA3" "2,000 an apprentice aged 21 or under, foundation apprenticeships only")
            incentive_row = true;
        if (row[0] == "Apprentices' National Insurance relief" &&
            row[1] == "None on pay up to \xC2\xA3" "50,270 a year for apprentices under 25")
            relief_row = true;
    }
    CHECK(pay);
    CHECK(incentive_row);
    CHECK(relief_row);
    int marked = 0;
    for (const auto& row : t->rows) marked += row[0].find(" (assumption)") != std::string::npos ? 1 : 0;
    CHECK(mentions(doc, marked == 1 ? "1 figure above is an assumption, not published"
                                    : std::to_string(marked) + " figures above are assumptions, not published"));
    for (const auto& x : c.roadmap->assumed) CHECK(mentions(doc, x));
    for (const auto& x : c.roadmap->notes) CHECK(mentions(doc, x));
    // London weighting by area, with the amount used.
    const KeyValues* how = next_block<KeyValues>(doc, heading_index(doc, "Assumptions", 1), 1);
    REQUIRE(how);
    INFO(value_of(*how, "London weighting"));
    const std::string area = area_name(*c.request.scenario.london_area);
    CHECK(value_of(*how, "London weighting").rfind("For " + area + " (set in the scenario: " + area + "): \xC2\xA3", 0) == 0);

    // Scenarios compared: this plan first, then the other, with the engine's summaries.
    const Table* cmp = table_captioned(doc, "This plan beside the other scenarios");
    REQUIRE(cmp);
    REQUIRE(cmp->header.size() == 3);
    CHECK(cmp->header[1] == "Regional analyst scheme");
    CHECK(cmp->header[2] == "Council posts only");
    const ScenarioSummary mine = summarise("x", *c.roadmap);
    const ScenarioSummary& theirs = in.compared[0];
    auto row_named = [&](const std::string& name) -> const std::vector<std::string>& {
        for (const auto& r : cmp->rows)
            if (r[0] == name) return r;
        FAIL("no row " << name);
        return cmp->rows.front();
    };
    for (std::size_t y = 0; y < 3; ++y) {
        const auto& r = row_named("Year " + std::to_string(y + 1) + " (mid)");
        CHECK(r[1] == money(mine.cost_per_year[y].mid));
        CHECK(r[2] == money(theirs.cost_per_year[y].mid));
    }
    CHECK(row_named("Total (low)")[2] == money(theirs.total.low));
    CHECK(row_named("Total (high)")[1] == money(mine.total.high));
    CHECK(row_named("Fully covered")[1] == std::to_string(mine.fully) + " of " + std::to_string(mine.responsibilities));
    CHECK(row_named("Partly covered")[2] == std::to_string(theirs.partly));
    CHECK(row_named("New posts (headcount)")[1] == std::to_string(mine.headcount));
    CHECK(row_named("New FTE for this council")[1] == plain(mine.fte, 2));

    // A one-role case cannot compare scenarios.
    in.role = "data-architect";
    CHECK_FALSE(build_business_case(in, shipped(TemplateKind::BusinessCase), error));
    CHECK(error == "scenarios are compared in the business case for the whole roadmap; leave out the role, or give one scenario");
}

TEST_CASE("business case: the words read as a person wrote them", "[report][business-case]") {
    CaseSetup c = case_setup();
    c.request.scenario.horizon_years = 1;
    c.rebuild();
    std::vector<std::string> cases = {""};
    for (const auto& p : c.roadmap->posts) cases.push_back(p.role);
    for (const auto& role : cases) {
        const Document doc = build(case_input(c, role));
        INFO(role);
        for (const auto& s : all_text(doc)) {
            INFO(s);
            CHECK_FALSE(std::regex_search(s, std::regex("\\b1 (years|posts|departments|months|lines|councils)\\b")));
            CHECK_FALSE(std::regex_search(s, std::regex("\\b([02-9]|[1-9][0-9]+) (year|post|department|month|line)\\b")));
            CHECK(s.find("proposed-") == std::string::npos);  // no engine ids
            CHECK_FALSE(std::regex_search(s, std::regex("(^|\\s)/(posts|team|costs)/")));  // no JSON pointers
            CHECK(s.find("roadmap adds") == std::string::npos);
            CHECK(s.find(" a a") == std::string::npos);
        }
        CHECK(mentions(doc, "over 1 year"));
    }
}

TEST_CASE("business case: refuses an unknown role, a bad date and missing inputs", "[report][business-case]") {
    CaseSetup c = case_setup();
    std::string error;
    CHECK_FALSE(build_business_case(case_input(c, "astronaut"), shipped(TemplateKind::BusinessCase), error));
    CHECK(error == "role \"astronaut\" is not in the role catalogue \"council-data-roles\"");
    BusinessCaseInput bad = case_input(c, "");
    bad.report_date = "21/11/2026";
    CHECK_FALSE(build_business_case(bad, shipped(TemplateKind::BusinessCase), error));
    CHECK(error == "the report date must be a date as YYYY-MM-DD, not \"21/11/2026\"");
    bad = case_input(c, "");
    bad.roadmap = nullptr;
    CHECK_FALSE(build_business_case(bad, shipped(TemplateKind::BusinessCase), error));
    CHECK(error == "a business case needs a framework, a role catalogue, assumptions, a roadmap and its request");
}

TEST_CASE("business case: a phase the team alone covers says so, one it does not says it has no new posts",
          "[report][business-case]") {
    CaseSetup c = case_setup();
    RoadmapScenario& s = c.request.scenario;
    s.posts.clear();
    s.costs.clear();
    s.propose = false;
    // A team large enough for every foundation responsibility, and nothing beyond.
    s.team.clear();
    for (const char* role : {"head-of-data", "information-governance-lead", "performance-information-analyst",
                             "data-quality-officer"})
        s.team.push_back({std::string(role) + "-now", "", role, 4, {}});
    c.rebuild();
    const Roadmap& map = *c.roadmap;
    REQUIRE(map.phases.size() >= 2);
    const Document doc = build(case_input(c, ""));
    const Table* phases = table_captioned(doc, "Phases");
    REQUIRE(phases);
    int covered = 0, uncovered = 0;
    for (std::size_t i = 0; i < map.phases.size(); ++i) {
        bool team_alone = true;
        for (const auto& id : map.phases[i].responsibilities)
            for (const auto& x : map.cover)
                if (x.responsibility == id && !x.elsewhere && x.from_team + 1e-9 < x.needed) team_alone = false;
        CHECK(phases->rows[i][4] == (team_alone ? "None: already covered by the current team" : "No new posts in this phase"));
        (team_alone ? covered : uncovered) += 1;
    }
    CHECK(covered >= 1);    // the foundation phase
    CHECK(uncovered >= 1);  // a growth phase nobody carries
}

#ifndef _WIN32  // runs the host's qpdf, pdftotext or python3, which a Windows program cannot
TEST_CASE("business case: the whole plan with scenarios compared renders as a PDF qpdf accepts and as checked HTML",
          "[report][business-case]") {
    CaseSetup c = case_setup();
    BusinessCaseInput in = case_input(c, "");
    RoadmapRequest other = c.request;
    other.scenario.name = "Council posts only";
    other.scenario.propose = false;
    std::string error;
    auto other_map = build_roadmap(other, error);
    REQUIRE(other_map);
    in.compared = {summarise(other.scenario.name, *other_map)};
    in.created = "2026-11-21T10:00:00Z";
    const Document doc = build(in);
    std::string pdf, html;
    REQUIRE(render_pdf(doc, PdfOptions{}, pdf, error));
    REQUIRE(render_html(doc, html, error));
    // Kept in the work folder, to be looked at as a reader would.
    const std::filesystem::path dir = std::filesystem::path(YS_WORK_DIR) / "business-case";
    std::filesystem::create_directories(dir);
    std::ofstream((dir / "plan.pdf").string(), std::ios::binary) << pdf;
    std::ofstream((dir / "plan.html").string(), std::ios::binary) << html;
    CHECK(std::system(("qpdf --check " + (dir / "plan.pdf").string() + " > /dev/null 2>&1").c_str()) == 0);
    CHECK(std::system(("python3 " + kSource + "/tests/report/check_html.py " + (dir / "plan.html").string() + " > /dev/null")
                          .c_str()) == 0);
}
#endif
