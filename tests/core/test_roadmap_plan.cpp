// The roadmap engine: how posts are costed through the year (dated rules, part years,
// part-time posts, grown posts, non-staff lines) and how a plan is built (the existing
// team, proposals, structure, refusals). Figures by hand beside each check.
#include <set>
#include <sstream>

#include "roadmap_output.h"
#include "roadmap_test_support.h"

using namespace ys;
using namespace ys::test;

namespace {

const RoadmapInputs& shipped() {
    static RoadmapInputs in = shipped_inputs();
    return in;
}

}  // namespace

TEST_CASE("a rule change inside the year is applied from its date", "[roadmap][costing]") {
    Assumptions a = assumptions(false, {rule("employer_ni", "2024-04-06", "2025-04-05", {{"rate", 0.138}, {"threshold", 9100}}),
                                        rule("employer_ni", "2025-04-06", "", {{"rate", 0.15}, {"threshold", 5000}}), kPension,
                                        kLevy});
    RoleCatalogue c = catalogue({role_json("analyst", 40000, {{"performance-reporting", 1.0}})});
    RoadmapRequest req = request(*shipped().framework, c, a, "2025-04-01", 1);
    req.scenario.posts = {post("analyst", "analyst")};
    Roadmap r = plan_of(req);
    // 1-5 April 2025 (5 of 365 days): 0.138 x (40,000 - 9,100) = 4,264.20 a year.
    // From 6 April (360 days): 0.15 x 35,000 = 5,250 a year. 58.41 + 5,178.08 = 5,236.50.
    CHECK(r.posts[0].years[0].line("Employer National Insurance").mid == 5236.50);
    // Pension 0.198 x 40,000 = 7,920; levy 200; 40,000 + 5,236.50 + 7,920 + 200 = 53,356.50.
    CHECK(r.posts[0].years[0].total.mid == 53356.50);

    SECTION("a year no rule covers is an error that says what to add, not a zero") {
        RoadmapRequest early = req;
        early.scenario.start = "2023-04-01";
        std::string error;
        CHECK_FALSE(build_roadmap(early, error));
        CHECK(error == "the assumptions have no employer National Insurance rule for 2023-04-01; add one to the assumptions "
                       "file that covers that date");
    }
}

TEST_CASE("part-time posts pay NI on their own earnings, a post starting mid-year costs its part", "[roadmap][costing]") {
    Assumptions a = assumptions(false, {kNiAlways, kPension, kLevy,
                                        rule("recruitment_cost", "2020-01-01", "", {{"per_hire", 3000}})});
    RoleCatalogue c = catalogue({role_json("analyst", 40000, {{"performance-reporting", 1.0}})});
    RoadmapRequest req = request(*shipped().framework, c, a, "2026-04-01", 2);
    PlannedPost half = post("half", "analyst");
    half.fte = 0.5;
    PlannedPost late = post("late", "analyst");
    late.start = "2026-10-01";
    req.scenario.posts = {half, late};
    Roadmap r = plan_of(req);
    // Half time: earnings 20,000; NI 0.15 x (20,000 - 5,000) = 2,250 (not half of 5,250).
    CHECK(post_of(r, "half").years[0].line("Employer National Insurance").mid == 2250.00);
    CHECK(post_of(r, "half").years[0].line("Salary").mid == 20000.00);
    // From 1 October 2026: 182 of 365 days; 40,000 x 182 / 365 = 19,945.21; recruitment 3,000 in that year.
    const RoadmapPost& l = post_of(r, "late");
    CHECK(l.start_year == 1);
    CHECK(l.years[0].line("Salary").mid == 19945.21);
    CHECK(l.years[0].line("Recruitment").mid == 3000.00);
    CHECK(l.years[1].line("Salary").mid == 40000.00);
    CHECK(l.years[1].line("Recruitment").mid == 0);
}

TEST_CASE("a post grown from the team costs the rise in pay, its old work is no longer covered", "[roadmap][costing]") {
    Assumptions a = assumptions(true, {kPension, rule("recruitment_cost", "2020-01-01", "", {{"per_hire", 3000}})});
    RoleCatalogue c = catalogue({role_json("analyst", 30000, {{"performance-reporting", 1.0}}),
                                 role_json("senior", 45000, {{"advanced-analytics", 1.0}})});
    RoadmapRequest req = request(*shipped().framework, c, a, "2026-04-01", 2);
    TeamPost team;
    team.id = "housing-analyst";
    team.name = "Housing performance analyst";
    team.role = "analyst";
    req.scenario.team = {team};
    PlannedPost grown = post("senior", "senior");
    grown.route = PostRoute::GrownFrom;
    grown.grown_from = "housing-analyst";
    req.scenario.posts = {grown};
    Roadmap r = plan_of(req);
    const RoadmapPost& s = post_of(r, "senior");
    CHECK(s.route_text == "grown from the team's Housing performance analyst");
    // (45,000 - 30,000) x 1.30 = 19,500.00 a year, and nobody is recruited.
    CHECK(s.years[0].total.mid == 19500.00);
    CHECK(s.years[0].line("Recruitment").mid == 0);
    // The team's analyst moved, so performance reporting is no longer held.
    CHECK(cover_of(r, "performance-reporting").from_team == 0);
    CHECK(cover_of(r, "performance-reporting").status == CoverStatus::NotCovered);
    // The team is costed for information: 30,000 x 1.30 = 39,000 a year, apart from new spend.
    REQUIRE(r.team.size() == 1);
    CHECK(r.team_years[0].total.mid == 39000.00);
    CHECK(r.years[0].total.mid == 19500.00);
}

TEST_CASE("non-staff lines: one-off, recurring for part of a year, and uplifted by inflation", "[roadmap][costing]") {
    Assumptions a = assumptions(true, {kPension});
    RoleCatalogue c = catalogue({role_json("analyst", 30000, {{"performance-reporting", 1.0}})});
    RoadmapRequest req = request(*shipped().framework, c, a, "2026-04-01", 3);
    CostLine software{"bi-licences", "BI licences", CostCategory::Software, 12000, true, "2026-04-01", "2026-09-30", false, ""};
    CostLine training{"academy", "Data academy", CostCategory::Training, 10000, true, "", "", true, ""};
    CostLine early{"launch", "Launch event", CostCategory::Other, 500, false, "2026-03-01", "", false, ""};
    req.scenario.costs = {software, training, early};
    req.scenario.inflation = 0.02;
    req.scenario.inflation_basis = "CPI forecast";
    Roadmap r = plan_of(req);
    // BI licences: 183 of 365 days (1 April to 30 September) x 12,000 = 6,016.44; nothing after.
    CHECK(r.other_costs[0].per_year[0].mid == 6016.44);
    CHECK(r.other_costs[0].per_year[1].mid == 0);
    // Academy: 10,000; 10,200.00; 10,404.00.
    CHECK(r.other_costs[1].per_year[1].mid == 10200.00);
    CHECK(r.other_costs[1].per_year[2].mid == 10404.00);
    CHECK(r.years[2].line("Training budget").mid == 10404.00);
    // The launch was paid before the plan starts: not counted, and the plan says so.
    CHECK(r.other_costs[2].total.mid == 0);
    CHECK(mentions(r.warnings, "Launch event is paid on 1 March 2026, before the plan starts"));
    CHECK(mentions(r.assumed, "rise by 2% a year after the first: an assumption. Basis: CPI forecast."));
}

TEST_CASE("the tool proposes posts for what the plan leaves uncovered, by phase", "[roadmap]") {
    const RoadmapInputs& in = shipped();
    RoadmapRequest req = request(*in.framework, in.roles, in.assumptions, "2026-04-01", 3);
    req.scenario.propose = true;
    req.scenario.london_area.reset();
    Roadmap plan = plan_of(req);
    REQUIRE(plan.phases.size() == 1);
    CHECK(plan.phases[0].name.rfind("Get started: 6 of 6 foundation responsibilities fully covered", 0) == 0);
    for (const auto& c : plan.cover) CHECK(c.status == CoverStatus::Covered);
    std::set<std::string> roles;
    for (const auto& p : plan.posts) {
        CHECK(p.origin == PostOrigin::Proposed);
        CHECK(roles.insert(p.role).second);  // one line per role and phase, with its headcount
    }
    CHECK(plan.years[2].cumulative.mid == Approx(plan.years[0].total.mid + plan.years[1].total.mid + plan.years[2].total.mid));
    CHECK(plan.years[0].total.low < plan.years[0].total.mid);
    CHECK(plan.reasons.size() == roles.size());  // reasons per role, not per post

    SECTION("a team that already carries the work needs fewer posts, and is not new spend") {
        for (const char* role : {"head-of-data", "information-governance-lead", "performance-information-analyst"}) {
            TeamPost t;
            t.id = role;
            t.role = role;
            req.scenario.team.push_back(t);
        }
        Roadmap smaller = plan_of(req);
        CHECK(smaller.headcount() < plan.headcount());
        CHECK(smaller.team.size() == 3);
        CHECK(smaller.team_years[0].total.mid > 0);
    }
    SECTION("a decentralised structure needs more analysts, in the departments") {
        req.scenario.structure = TeamStructure::Decentralised;
        req.scenario.departments = 6;
        Roadmap wider = plan_of(req);
        CHECK(wider.headcount() > plan.headcount());
        bool in_departments = false;
        for (const auto& p : wider.posts) in_departments = in_departments || p.sits_in == "departments";
        CHECK(in_departments);
        CHECK(cover_of(wider, "performance-reporting").needed == Approx(3.0));
    }
    SECTION("the council's own posts come first; proposals fill only what is left") {
        req.scenario.posts = {post("lead", "head-of-data")};
        Roadmap with_plan = plan_of(req);
        int heads = 0;
        for (const auto& p : with_plan.posts)
            if (p.role == "head-of-data") heads += p.headcount;
        CHECK(heads == 1);
        CHECK(with_plan.posts[0].origin == PostOrigin::Planned);
    }
    SECTION("switched off, nothing is proposed and the gaps are reported") {
        req.scenario.propose = false;
        Roadmap own = plan_of(req);
        CHECK(own.posts.empty());
        CHECK(own.count(CoverStatus::NotCovered) == 6);
        CHECK(own.phases[0].name.rfind("Get started: 0 of 6", 0) == 0);
        CHECK(mentions(own.notes, "proposes no posts"));
    }
}

TEST_CASE("bad requests are refused with one line that names the post", "[roadmap]") {
    const RoadmapInputs& in = shipped();
    RoadmapRequest req = request(*in.framework, in.roles, in.assumptions, "2026-04-01", 3);
    std::string error;
    RoadmapRequest bad = req;
    bad.scenario.posts = {post("astro", "astronaut")};
    CHECK_FALSE(build_roadmap(bad, error));
    CHECK(error == "planned post \"astro\" names role \"astronaut\", which is not in the role catalogue");
    bad = req;
    bad.scenario.start = "2026-13-01";
    CHECK_FALSE(build_roadmap(bad, error));
    bad = req;
    bad.scenario.horizon_years = 0;
    CHECK_FALSE(build_roadmap(bad, error));
    bad = req;
    PlannedPost grown = post("x", "senior-data-analyst");
    grown.route = PostRoute::GrownFrom;
    grown.grown_from = "nobody";
    bad.scenario.posts = {grown};
    CHECK_FALSE(build_roadmap(bad, error));
    CHECK(error.find("\"nobody\", which is not a post of the team") != std::string::npos);

    SECTION("a post starting after the plan ends costs and covers nothing, with a warning") {
        RoadmapRequest late = req;
        PlannedPost p = post("later", "head-of-data");
        p.start = "2031-01-01";
        late.scenario.posts = {p};
        Roadmap r = plan_of(late);
        CHECK(post_of(r, "later").total.mid == 0);
        CHECK(post_of(r, "later").covers.empty());
        CHECK(mentions(r.warnings, "after the plan ends on 31 March 2029"));
    }
}

TEST_CASE("scenarios side by side", "[roadmap]") {
    const RoadmapInputs& in = shipped();
    RoadmapRequest a = request(*in.framework, in.roles, in.assumptions, "2026-04-01", 3);
    a.scenario.propose = true;
    RoadmapRequest b = a;
    b.scenario.posts = {post("analysts", "performance-information-analyst", 3)};
    ScenarioSummary sa = summarise("Yardstick's proposals", plan_of(a)), sb = summarise("Three analysts", plan_of(b));
    CHECK(sa.responsibilities == 6);
    CHECK(sa.fully == 6);
    CHECK(sb.headcount >= 3);
    std::ostringstream table;
    write_comparison_table(table, {sa, sb});
    CHECK(table.str().find("Three analysts") != std::string::npos);
    CHECK(table.str().find("Fully covered") != std::string::npos);
    auto j = comparison_json({sa, sb});
    CHECK(j["scenarios"][1]["name"] == "Three analysts");
    CHECK(j["scenarios"][0]["total"]["mid"].get<double>() == Approx(sa.total.mid));
}

TEST_CASE("a foundation apprentice aged 16-18 brings the employer its incentives", "[roadmap][costing]") {
    const RoadmapInputs& in = shipped();
    RoadmapRequest req = request(*in.framework, in.roles, in.assumptions, "2026-04-01", 1);
    PlannedPost p = post("foundation", "data-foundation-apprentice");
    p.route = PostRoute::Apprenticeship;
    p.age = AgeBand::From16To18;
    req.scenario.posts = {p};
    Roadmap r = plan_of(req);
    // The shipped rules: 1,000 for an apprentice aged 16 to 18, and 2,000 for a foundation
    // apprentice aged up to 21 from 1 August 2025: 3,000, shown as income.
    CHECK(post_of(r, "foundation").years[0].line("Apprenticeship incentive").mid == -3000.00);
    req.scenario.posts[0].age = AgeBand::From22To24;
    Roadmap older = plan_of(req);
    CHECK(post_of(older, "foundation").years[0].line("Apprenticeship incentive").mid == 0);
}
