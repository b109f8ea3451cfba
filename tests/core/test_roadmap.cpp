// The costing and roadmap worked examples; each figure is computed by hand beside it.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>

#include "assumptions.h"
#include "catalogue.h"
#include "roadmap.h"
#include "roadmap_inputs.h"
#include "roles.h"

using namespace ys;
using nlohmann::json;

namespace {

json rule(const std::string& kind, const std::string& from, const std::string& to, json fields) {
    fields["kind"] = kind;
    fields["effective_from"] = from;
    if (!to.empty()) fields["effective_to"] = to;
    fields["source"] = "Worked example figure.";
    fields["date"] = "2025-03-31";
    return fields;
}

Assumptions assumptions(bool flat, const std::vector<json>& rules) {
    json j = {{"format", "yardstick-assumptions/1"}, {"id", "example"}, {"title", "Example"}, {"currency", "GBP"},
              {"oncosts", {{"method", flat ? "flat" : "components"},
                           {"flat_rate", {{"rate", 0.30}, {"source", "Nesta's flat 30%."}, {"date", "2025-03-31"}}}}},
              {"rules", rules}};
    Diagnostics d("assumptions");
    auto a = parse_assumptions(j, d);
    if (!a) FAIL(d.items().front().message);
    return *a;
}

json role_json(const std::string& id, double mid, std::vector<std::pair<std::string, double>> covers, bool shareable = false) {
    json resp = json::array();
    for (const auto& [r, s] : covers) resp.push_back({{"id", r}, {"fte_share", s}});
    return {{"id", id}, {"title", id}, {"purpose", "An example role."}, {"responsibilities", resp}, {"grade", "Example"},
            {"salary", {{"min", mid - 5000}, {"mid", mid}, {"max", mid + 5000}, {"source", "Worked example."}, {"date", "2025-03-31"}}},
            {"london_weighting", false}, {"skills", json::array()}, {"shareable", shareable}};
}

RoleCatalogue catalogue(const std::vector<json>& roles) {
    json j = {{"format", "yardstick-roles/1"}, {"id", "example-roles"}, {"version", "1.0"}, {"title", "Example roles"},
              {"framework", {{"id", "council-data-maturity"}, {"versions", {"1.*"}}}},
              {"skills_framework", {{"id", "analyst-data-skills"}, {"versions", {"1.*"}}}},
              {"sources", {{{"title", "Worked example"}, {"date", "2025-03-31"}}}}, {"roles", roles}};
    Diagnostics d("roles");
    auto c = parse_role_catalogue(j, d);
    if (!c) FAIL(d.items().front().where + " " + d.items().front().message);
    return *c;
}

const json kNi2024 = rule("employer_ni", "2024-04-06", "2025-04-05", {{"rate", 0.138}, {"threshold", 9100}});
const json kNi2025 = rule("employer_ni", "2025-04-06", "", {{"rate", 0.15}, {"threshold", 5000}});
const json kNiAlways = rule("employer_ni", "2020-01-01", "", {{"rate", 0.15}, {"threshold", 5000}});
const json kPension = rule("pension", "2020-01-01", "", {{"rate", 0.198}});
const json kLevy = rule("apprenticeship_levy", "2017-04-06", "", {{"rate", 0.005}, {"allowance", 15000}});

// The shipped framework, roles and assumptions, read as `yardstick-cli roadmap` reads them.
RoadmapInputs shipped_inputs() {
    Diagnostics d("shipped");
    auto in = load_roadmap_inputs(std::string(YS_SOURCE_DIR) + "/frameworks/roles/council-data-roles.json",
                                  std::string(YS_SOURCE_DIR) + "/frameworks/roles/assumptions-england-2025.json",
                                  {YS_SOURCE_DIR}, d);
    if (!in) FAIL(d.items().front().message);
    return std::move(*in);
}

Money year_total(const std::vector<std::pair<std::string, Money>>& lines) {
    Money t;
    for (const auto& [n, m] : lines) t += m;
    return t;
}

Money line(const std::vector<std::pair<std::string, Money>>& lines, const std::string& name) {
    for (const auto& [n, m] : lines)
        if (n == name) return m;
    return {};
}

}  // namespace

TEST_CASE("flat 30% on-costs (Nesta's convention)", "[roadmap][worked]") {
    Assumptions a = assumptions(true, {kPension});
    RoleCatalogue c = catalogue({role_json("analyst", 40000, {{"performance-reporting", 1.0}})});
    std::string error;
    auto lines = role_year_cost(*c.find("analyst"), a, "2025-04-01", "2026-03-31", "2025-04-01", 1, 1, false, true, false, error);
    REQUIRE(error.empty());
    // Mid: salary 40,000; on-costs 0.30 x 40,000 = 12,000; total 52,000.
    CHECK(line(lines, "Salary").mid == Approx(40000));
    CHECK(line(lines, "On-costs (flat rate)").mid == Approx(12000));
    CHECK(year_total(lines).mid == Approx(52000));
    // Low (35,000): 35,000 x 1.3 = 45,500. High (45,000): 58,500.
    CHECK(year_total(lines).low == Approx(45500));
    CHECK(year_total(lines).high == Approx(58500));
}

TEST_CASE("employer NI of 15% above a £5,000 threshold plus a pension rate and the levy", "[roadmap][worked]") {
    Assumptions a = assumptions(false, {kNiAlways, kPension, kLevy});
    RoleCatalogue c = catalogue({role_json("analyst", 40000, {{"performance-reporting", 1.0}})});
    std::string error;
    auto lines = role_year_cost(*c.find("analyst"), a, "2025-04-01", "2026-03-31", "2025-04-01", 1, 1, false, true, false, error);
    REQUIRE(error.empty());
    // NI: 0.15 x (40,000 - 5,000) = 5,250. Pension: 0.198 x 40,000 = 7,920. Levy: 0.005 x 40,000 = 200.
    CHECK(line(lines, "Employer National Insurance").mid == Approx(5250));
    CHECK(line(lines, "Employer pension").mid == Approx(7920));
    CHECK(line(lines, "Apprenticeship levy").mid == Approx(200));
    // 40,000 + 5,250 + 7,920 + 200 = 53,370.
    CHECK(year_total(lines).mid == Approx(53370));
}

TEST_CASE("a role shared by three councils costs each a third", "[roadmap][worked]") {
    Assumptions a = assumptions(false, {kNiAlways, kPension, kLevy});
    RoleCatalogue c = catalogue({role_json("architect", 40000, {{"data-architecture", 1.0}}, true)});
    std::string error;
    auto lines = role_year_cost(*c.find("architect"), a, "2025-04-01", "2026-03-31", "2025-04-01", 1, 1.0 / 3, false, true,
                                false, error);
    // 53,370 / 3 = 17,790.
    CHECK(year_total(lines).mid == Approx(17790));
}

TEST_CASE("a pay award compounding over three years", "[roadmap][worked]") {
    // 3% from 2025-04-01 and on every anniversary; salaries quoted at 2025-03-31.
    Assumptions a = assumptions(true, {rule("pay_award", "2025-04-01", "", {{"rate", 0.03}})});
    RoleCatalogue c = catalogue({role_json("analyst", 40000, {{"performance-reporting", 1.0}})});
    std::string error;
    double expected[] = {40000 * 1.03, 40000 * 1.03 * 1.03, 40000 * 1.03 * 1.03 * 1.03};  // 41,200; 42,436; 43,709.08
    for (int y = 0; y < 3; ++y) {
        std::string from = add_years("2025-04-01", y), to = add_days(add_years("2025-04-01", y + 1), -1);
        auto lines = role_year_cost(*c.find("analyst"), a, from, to, "2025-04-01", 1, 1, false, true, false, error);
        INFO("year " << y + 1);
        CHECK(line(lines, "Salary").mid == Approx(expected[y]));
    }
}

TEST_CASE("a rule change with an effective date inside the year is applied from its date", "[roadmap][worked]") {
    Assumptions a = assumptions(false, {kNi2024, kNi2025, kPension, kLevy});
    RoleCatalogue c = catalogue({role_json("analyst", 40000, {{"performance-reporting", 1.0}})});
    std::string error;
    auto lines = role_year_cost(*c.find("analyst"), a, "2025-04-01", "2026-03-31", "2025-04-01", 1, 1, false, true, false, error);
    REQUIRE(error.empty());
    // 1-5 April 2025 (5 of 365 days): 0.138 x (40,000 - 9,100) = 4,264.20 a year.
    // 6 April 2025 on (360 days): 0.15 x (40,000 - 5,000) = 5,250 a year.
    // 4,264.20 x 5/365 + 5,250 x 360/365 = 58.41 + 5,178.08 = 5,236.50.
    CHECK(line(lines, "Employer National Insurance").mid == Approx(4264.2 * 5 / 365 + 5250.0 * 360 / 365));
    // A year with no NI rule at all is an error, not a zero.
    auto none = role_year_cost(*c.find("analyst"), a, "2023-04-01", "2024-03-31", "2023-04-01", 1, 1, false, true, false, error);
    CHECK(none.empty());
    CHECK(error.find("no employer_ni rule") != std::string::npos);
}

TEST_CASE("the roadmap covers foundation responsibilities first, then growth ones as targets rise", "[roadmap]") {
    RoadmapInputs in = shipped_inputs();
    auto fw = in.framework;
    auto roles = &in.roles;
    auto a = &in.assumptions;
    // No scores: every dimension aims one level up (level 2), so only foundation work is needed.
    RoadmapRequest req;
    req.framework = fw.get();
    req.roles = roles;
    req.assumptions = a;
    req.start = "2026-04-01";
    req.horizon_years = 3;
    std::string error;
    auto plan = build_roadmap(req, error);
    INFO(error);
    REQUIRE(plan);
    REQUIRE_FALSE(plan->phases.empty());
    CHECK(plan->phases[0].name.rfind("Get started", 0) == 0);
    std::set<std::string> covered;
    for (const auto& h : plan->hires)
        for (const auto& [r, s] : h.covers) covered.insert(r);
    for (const auto& r : fw->responsibilities)
        if (r.tier == Tier::Foundation) CHECK(covered.count(r.id));
    REQUIRE(plan->years.size() == 3);
    CHECK(plan->years[2].cumulative.mid == Approx(plan->years[0].total.mid + plan->years[1].total.mid + plan->years[2].total.mid));
    CHECK(plan->years[0].total.low < plan->years[0].total.mid);
    CHECK(plan->years[0].total.mid < plan->years[0].total.high);

    SECTION("a current team that already carries the work needs fewer posts") {
        RoadmapRequest with_team = req;
        with_team.team = {{"head-of-data", 1}, {"information-governance-lead", 1}, {"performance-information-analyst", 2},
                          {"data-quality-officer", 1}};
        auto smaller = build_roadmap(with_team, error);
        REQUIRE(smaller);
        CHECK(smaller->hires.size() < plan->hires.size());
    }
    SECTION("a decentralised structure needs analysts in the departments") {
        RoadmapRequest spread = req;
        spread.structure = TeamStructure::Decentralised;
        spread.departments = 6;
        auto wider = build_roadmap(spread, error);
        REQUIRE(wider);
        CHECK(wider->hires.size() > plan->hires.size());
        bool in_departments = false;
        for (const auto& h : wider->hires) in_departments = in_departments || h.sits_in == "departments";
        CHECK(in_departments);
    }
    SECTION("a shared data architect costs a third, when targets reach level 3") {
        RoundResult current;
        current.dimensions.assign(fw->dimensions.size(), NodeScore{});
        for (auto& n : current.dimensions) {
            n.score = 2.0;
            n.level = 2;
            n.target = 4;
        }
        RoadmapRequest growth = req;
        growth.current = &current;
        growth.shared = {{"data-architect", 3}};
        auto plan3 = build_roadmap(growth, error);
        REQUIRE(plan3);
        CHECK(plan3->phases.size() >= 3);
        bool shared = false;
        for (const auto& h : plan3->hires)
            if (h.role == "data-architect") {
                shared = true;
                CHECK(h.route == "shared with 3 councils");
                CHECK(h.cost_share == Approx(1.0 / 3));
                CHECK_FALSE(h.justification.empty());
            }
        CHECK(shared);
    }
    SECTION("bad requests are refused with a message") {
        RoadmapRequest bad = req;
        bad.team = {{"astronaut", 1}};
        CHECK_FALSE(build_roadmap(bad, error));
        CHECK(error.find("astronaut") != std::string::npos);
        bad = req;
        bad.start = "2026-13-01";
        CHECK_FALSE(build_roadmap(bad, error));
        bad = req;
        bad.horizon_years = 0;
        CHECK_FALSE(build_roadmap(bad, error));
    }
}

TEST_CASE("upskilling a post in the team costs the rise in pay, and its old work is found again", "[roadmap][worked]") {
    auto fw = shipped_inputs().framework;
    RoleCatalogue c = catalogue({role_json("analyst", 30000, {{"performance-reporting", 1.0}}),
                                 role_json("senior", 45000, {{"advanced-analytics", 1.0}})});
    Assumptions a = assumptions(true, {kPension});
    RoundResult current;
    current.dimensions.assign(fw->dimensions.size(), NodeScore{});
    for (auto& n : current.dimensions) {
        n.score = 3.0;
        n.level = 3;
        n.target = 4;
    }
    RoadmapRequest req;
    req.framework = fw.get();
    req.roles = &c;
    req.assumptions = &a;
    req.current = &current;
    req.start = "2026-04-01";
    req.horizon_years = 2;
    req.team = {{"analyst", 1}};
    req.upskill = {{"analyst", "senior"}};
    std::string error;
    auto plan = build_roadmap(req, error);
    INFO(error);
    REQUIRE(plan);
    const RoadmapHire* up = nullptr;
    const RoadmapHire* replacement = nullptr;
    for (const auto& h : plan->hires) {
        if (h.role == "senior") up = &h;
        if (h.role == "analyst") replacement = &h;
    }
    REQUIRE(up);
    CHECK(up->route == "upskilling a analyst");
    REQUIRE(replacement);  // performance reporting lost its analyst, so a new one is needed
    CHECK(replacement->route == "new post");
    // The upskilled post's cost in its year: (45,000 - 30,000) x 1.30 = 19,500 at mid; no recruitment.
    std::string from = add_years("2026-04-01", up->start_year - 1), to = add_days(add_years("2026-04-01", up->start_year), -1);
    auto senior = role_year_cost(*c.find("senior"), a, from, to, from, 1, 1, false, true, true, error);
    auto analyst = role_year_cost(*c.find("analyst"), a, from, to, from, 1, 1, false, true, false, error);
    CHECK(year_total(senior).mid - year_total(analyst).mid == Approx(19500));

    SECTION("an upskilling with no such post in the team is refused") {
        RoadmapRequest bad = req;
        bad.team.clear();
        CHECK_FALSE(build_roadmap(bad, error));
        CHECK(error.find("needs one in the current team") != std::string::npos);
    }
}

TEST_CASE("target dates set when a phase starts: a year before the date that needs it", "[roadmap]") {
    RoadmapInputs in = shipped_inputs();
    auto fw = in.framework;
    auto roles = &in.roles;
    auto a = &in.assumptions;
    RoundResult current;
    current.dimensions.assign(fw->dimensions.size(), NodeScore{});
    for (auto& n : current.dimensions) {
        n.score = 2.0;
        n.level = 2;
        n.target = 4;
        n.target_by = "2029-06-30";  // level 4 due then: its phase starts a year earlier, 2028-06-30
    }
    RoadmapRequest req;
    req.framework = fw.get();
    req.roles = roles;
    req.assumptions = a;
    req.current = &current;
    req.start = "2026-04-01";
    req.horizon_years = 5;
    std::string error;
    auto plan = build_roadmap(req, error);
    INFO(error);
    REQUIRE(plan);
    REQUIRE(plan->phases.size() == 3);
    CHECK(plan->phases[0].start_year == 1);
    // Level 3's responsibilities are also due by 2029-06-30 (the targets are 4 >= 3):
    // 2028-06-30 is 821 days after 2026-04-01, in year 3 (days 730 to 1094).
    CHECK(plan->phases[1].due == "2029-06-30");
    CHECK(plan->phases[1].start_year == 3);
    CHECK(plan->phases[2].start_year == 3);
}
