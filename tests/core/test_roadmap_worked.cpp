// The roadmap's worked examples (README, "Worked examples"): each figure is computed by
// hand in the comment beside its check, to the penny.
#include <sstream>

#include "roadmap_output.h"
#include "roadmap_test_support.h"

using namespace ys;
using namespace ys::test;

namespace {

const Framework& framework() {
    static RoadmapInputs in = shipped_inputs();
    return *in.framework;
}

Money line(const YearCost& y, const std::string& name) { return y.line(name); }

CostLine cost_line(const std::string& id, CostCategory c, double amount, bool recurring, const std::string& start = {},
                   const std::string& end = {}) {
    CostLine l;
    l.id = id;
    l.name = id;
    l.category = c;
    l.amount = amount;
    l.recurring = recurring;
    l.start = start;
    l.end = end;
    return l;
}

}  // namespace

TEST_CASE("worked example 1: a regional scheme of 24 identical posts at a flat 30% with programme lines", "[roadmap][worked]") {
    Assumptions a = assumptions(true, {kPension});
    RoleCatalogue c = catalogue({role_json("analyst", 36000, {{"performance-reporting", 0.6}})});
    RoadmapRequest req = request(framework(), c, a, "2026-04-01", 2);
    PlannedPost p = post("scheme-analysts", "analyst", 24);
    p.salary = {SalaryPoint::Exact, 36124};
    req.scenario.posts = {p};
    req.scenario.costs = {cost_line("administration", CostCategory::ProgrammeManagement, 48000, true),
                          cost_line("evaluation", CostCategory::Evaluation, 25000, false, "2027-01-15")};
    Roadmap r = plan_of(req);
    REQUIRE(r.posts.size() == 1);
    REQUIRE(r.years.size() == 2);
    // One post: salary 36,124.00; on-costs 0.30 x 36,124 = 10,837.20; 46,961.20 a year.
    // 24 posts: salary 866,976.00; on-costs 260,092.80; 1,127,068.80 a year.
    for (const auto& y : r.posts[0].years) {
        CHECK(line(y, "Salary").mid == 866976.00);
        CHECK(line(y, "On-costs (flat rate)").mid == 260092.80);
        CHECK(line(y, "Salary").low == line(y, "Salary").high);  // an exact salary is the same in every column
        CHECK(y.total.mid == 1127068.80);
    }
    // Year 1: 1,127,068.80 + administration 48,000 + evaluation 25,000 (paid 15 January 2027) = 1,200,068.80.
    CHECK(line(r.years[0], "Programme management and administration").mid == 48000.00);
    CHECK(line(r.years[0], "Evaluation").mid == 25000.00);
    CHECK(r.years[0].total.mid == 1200068.80);
    // Year 2 (366 days, all of them in the line's period): 1,127,068.80 + 48,000 = 1,175,068.80.
    CHECK(line(r.years[1], "Evaluation").mid == 0);
    CHECK(r.years[1].total.mid == 1175068.80);
    CHECK(r.years[1].cumulative.mid == 2375137.60);
    // Nothing proposed: the plan is the council's own.
    for (const auto& post : r.posts) CHECK(post.origin == PostOrigin::Planned);

    SECTION("the finance CSV gives the same figures, with the cost per post beside each line") {
        std::ostringstream csv;
        write_roadmap_csv(csv, r);
        const std::string text = csv.str();
        CHECK(text.find("new post,scheme-analysts,,analyst,planned,new post,24,1,1,2026-04-01,1,2026-04-01,2027-03-31,Salary,"
                        "36124.00,36124.00,36124.00,866976.00,866976.00,866976.00\r\n") != std::string::npos);
        CHECK(text.find(",On-costs (flat rate),10837.20,10837.20,10837.20,260092.80,260092.80,260092.80\r\n") != std::string::npos);
        CHECK(text.find("plan total,,,,,,,,,,1,2026-04-01,2027-03-31,Total,,,,1200068.80,1200068.80,1200068.80\r\n") !=
              std::string::npos);
        CHECK(text.find("plan total,,,,,,,,,,2,2027-04-01,2028-03-31,Cumulative,,,,2375137.60,2375137.60,2375137.60\r\n") !=
              std::string::npos);
        CHECK(text.find("other cost,evaluation,evaluation,,,one-off,,,,,1,2026-04-01,2027-03-31,Evaluation,,,,25000.00") !=
              std::string::npos);
    }
}

TEST_CASE("worked example 2: partial cover is reported as held of needed, never as covered", "[roadmap][worked]") {
    Assumptions a = assumptions(true, {kPension});
    RoleCatalogue c = catalogue({role_json("analyst", 36000, {{"performance-reporting", 0.3}})});
    RoadmapRequest req = request(framework(), c, a, "2026-04-01", 3);
    req.scenario.posts = {post("analyst", "analyst")};
    Roadmap r = plan_of(req);
    // Centralised: performance reporting needs 1.0 FTE; one post holds 0.3 of it.
    const ResponsibilityCover& pr = cover_of(r, "performance-reporting");
    CHECK(pr.needed == Approx(1.0));
    CHECK(pr.held == Approx(0.3));
    CHECK(pr.status == CoverStatus::Partly);
    CHECK(pr.text() == "partly covered: 0.3 of 1.0 FTE");
    CHECK(cover_of(r, "data-quality").text() == "not covered");
    // The phase says what it reaches: none of the six foundation responsibilities fully.
    REQUIRE(r.phases.size() == 1);
    CHECK(r.phases[0].name == "Get started: 0 of 6 foundation responsibilities fully covered, 1 partly by the end of year 3");
    std::ostringstream table;
    write_roadmap_table(table, r, framework());
    CHECK(table.str().find("Already covered") == std::string::npos);
    CHECK(table.str().find("partly covered: 0.3 of 1.0 FTE") != std::string::npos);

    SECTION("a threshold decides what the tool proposes, never what is reported") {
        req.scenario.propose = true;
        req.propose_threshold = 0.75;  // a gap of 0.7 proposes nothing
        Roadmap quiet = plan_of(req);
        CHECK(cover_of(quiet, "performance-reporting").status == CoverStatus::Partly);
        req.propose_threshold = 0.1;  // two more posts leave 0.1: not above the threshold, so reported as such
        Roadmap most = plan_of(req);
        CHECK(cover_of(most, "performance-reporting").text() == "partly covered: 0.9 of 1.0 FTE");
        req.propose_threshold = 0.05;
        Roadmap full = plan_of(req);
        CHECK(cover_of(full, "performance-reporting").status == CoverStatus::Covered);
        CHECK(cover_of(full, "performance-reporting").from_proposed == Approx(0.9));  // three more posts of 0.3
    }
    SECTION("a responsibility carried some other way is covered, and says how") {
        req.scenario.covered = {{"data-quality", "the revenues team's data officer"}};
        Roadmap r2 = plan_of(req);
        CHECK(cover_of(r2, "data-quality").status == CoverStatus::Covered);
        CHECK(cover_of(r2, "data-quality").text() == "covered elsewhere: the revenues team's data officer");
    }
}

TEST_CASE("worked example 3: a post shared by three councils gives a third in cover and in cost", "[roadmap][worked]") {
    Assumptions a = assumptions(true, {kPension});
    RoleCatalogue c = catalogue({role_json("architect", 60000, {{"data-architecture", 0.9}}, true)});
    RoundResult current;
    current.dimensions.assign(framework().dimensions.size(), NodeScore{});
    for (auto& n : current.dimensions) {
        n.score = 2.0;
        n.level = 2;
        n.target = 3;
    }
    RoadmapRequest req = request(framework(), c, a, "2026-04-01", 1);
    req.current = &current;
    PlannedPost p = post("architect", "architect");
    p.route = PostRoute::Shared;
    p.shared_with = 3;
    p.salary = {SalaryPoint::Mid, 0};
    req.scenario.posts = {p};
    Roadmap r = plan_of(req);
    // Cost: 60,000 x 1.30 / 3 = 26,000.00; salary 20,000.00, on-costs 6,000.00.
    const RoadmapPost& architect = post_of(r, "architect");
    CHECK(architect.route_text == "shared with 3 councils");
    CHECK(line(architect.years[0], "Salary").mid == 20000.00);
    CHECK(architect.years[0].total.mid == 26000.00);
    // Cover: 0.9 of the post's time / 3 = 0.3 FTE of data architecture, needed 0.5.
    CHECK(cover_of(r, "data-architecture").held == Approx(0.3));
    CHECK(cover_of(r, "data-architecture").text() == "partly covered: 0.3 of 0.5 FTE");
}

TEST_CASE("worked example 4: two apprentices under 25 pay no employer NI below the upper threshold", "[roadmap][worked]") {
    Assumptions a = assumptions(false, {kNiAlways, kPension, kLevy,
                                        rule("apprenticeship_funding", "2025-04-01", "",
                                             {{"bands", {{"data-technician-l3", 15000}}}, {"co_investment", 0.05}, {"expiry_months", 24}})});
    ApprenticeNiReliefRule relief;
    relief.effective_from = "2016-04-06";
    relief.under_age = 25;
    relief.upper_threshold = 50270;
    a.apprentice_ni_relief.push_back(relief);
    RoleCatalogue c = catalogue({role_json("apprentice", 24000, {{"data-quality", 0.3}}, false,
                                           {{"standard", "Data technician"}, {"level", 3}, {"reference", "ST0795"}})});
    RoadmapRequest req = request(framework(), c, a, "2026-04-01", 1);
    PlannedPost p = post("apprentices", "apprentice", 2);
    p.route = PostRoute::Apprenticeship;
    p.age = AgeBand::From19To21;
    p.salary = {SalaryPoint::Mid, 0};
    req.scenario.posts = {p};
    Roadmap r = plan_of(req);
    const YearCost& y = post_of(r, "apprentices").years[0];
    // Each: salary 24,000; NI 0 (24,000 is below 50,270); pension 0.198 x 24,000 = 4,752; levy 0.005 x 24,000 = 120;
    // training 15,000 met in full from levy funds. 28,872.00 each; 57,744.00 for two.
    CHECK(line(y, "Employer National Insurance").mid == 0);
    CHECK(line(y, "Employer pension").mid == 9504.00);
    CHECK(line(y, "Apprenticeship levy").mid == 240.00);
    CHECK(line(y, "Apprenticeship training").mid == 30000.00);
    CHECK(line(y, "Apprenticeship funding").mid == -30000.00);
    CHECK(y.total.mid == 57744.00);
    CHECK(mentions(post_of(r, "apprentices").notes, "No employer National Insurance on pay up to \xC2\xA3" "50,270"));

    SECTION("at 25 or over the relief does not apply: 0.15 x (24,000 - 5,000) = 2,850 each") {
        req.scenario.posts[0].age = AgeBand::From25;
        Roadmap older = plan_of(req);
        CHECK(line(post_of(older, "apprentices").years[0], "Employer National Insurance").mid == 5700.00);
    }
    SECTION("with no age given no relief is assumed, and the plan says so") {
        req.scenario.posts[0].age = AgeBand::Unknown;
        Roadmap unknown = plan_of(req);
        CHECK(line(post_of(unknown, "apprentices").years[0], "Employer National Insurance").mid == 5700.00);
        CHECK(mentions(post_of(unknown, "apprentices").notes, "age was not given"));
    }
}

TEST_CASE("worked example 5: a pay award assumption over three years is applied and stated", "[roadmap][worked]") {
    Assumptions a = assumptions(true, {kPension});
    PayAwardRule award;
    award.effective_from = "2026-04-01";
    award.rate = 0.03;
    award.assumption = true;
    award.basis = "no award agreed for 2026-27 yet; the employers' offer";
    award.source = "Worked example.";
    award.date = "2026-11-30";
    a.pay_award.push_back(award);
    RoleCatalogue c = catalogue({role_json("analyst", 30000, {{"performance-reporting", 1.0}})});
    RoadmapRequest req = request(framework(), c, a, "2026-04-01", 3);
    PlannedPost p = post("analyst", "analyst");
    p.salary = {SalaryPoint::Mid, 0};  // quoted on 31 March 2025, so every award from 1 April 2026 applies
    req.scenario.posts = {p};
    Roadmap r = plan_of(req);
    const auto& years = post_of(r, "analyst").years;
    // Salary 30,000 x 1.03 = 30,900.00; x 1.03 = 31,827.00; x 1.03 = 32,781.81.
    // On-costs 30%: 9,270.00; 9,548.10; 9,834.54 (9,834.543). Totals 40,170.00; 41,375.10; 42,616.35.
    CHECK(line(years[0], "Salary").mid == 30900.00);
    CHECK(line(years[1], "Salary").mid == 31827.00);
    CHECK(line(years[2], "Salary").mid == 32781.81);
    CHECK(years[2].total.mid == 42616.35);
    CHECK(r.years[2].cumulative.mid == 124161.45);
    CHECK(mentions(r.assumed, "an assumption, as no award is agreed"));
    CHECK(mentions(r.assumed, "the employers' offer"));

    SECTION("an exact salary is the pay on the first day, so an award from that same day does not raise it") {
        req.scenario.posts[0].salary = {SalaryPoint::Exact, 30000};
        Roadmap exact = plan_of(req);
        CHECK(line(post_of(exact, "analyst").years[0], "Salary").mid == 30000.00);
        CHECK(line(post_of(exact, "analyst").years[1], "Salary").mid == 30900.00);
    }
}

TEST_CASE("worked example 6: London weighting for the organisation's area, never applied at zero", "[roadmap][worked]") {
    Assumptions a = assumptions(true, {kPension});
    LondonWeightingRule inner;
    inner.effective_from = "2020-01-01";
    inner.area = LondonArea::Inner;
    inner.amount = 4000;
    a.london_weighting.push_back(inner);
    RoleCatalogue c = catalogue({role_json("analyst", 40000, {{"performance-reporting", 1.0}}, false, nullptr, true)});
    RoadmapRequest req = request(framework(), c, a, "2026-04-01", 1);
    PlannedPost p = post("analyst", "analyst");
    p.salary = {SalaryPoint::Mid, 0};
    req.scenario.posts = {p};
    req.scenario.london_area = LondonArea::Inner;
    Roadmap r = plan_of(req);
    // 40,000 + weighting 4,000 = 44,000 pay; on-costs 0.30 x 44,000 = 13,200; 57,200.00.
    const YearCost& y = post_of(r, "analyst").years[0];
    CHECK(line(y, "London weighting").mid == 4000.00);
    CHECK(line(y, "On-costs (flat rate)").mid == 13200.00);
    CHECK(y.total.mid == 57200.00);
    CHECK(mentions(r.notes, "London weighting for inner London"));

    SECTION("an area with no figure adds nothing and says so") {
        req.scenario.london_area = LondonArea::Outer;
        Roadmap outer = plan_of(req);
        CHECK(line(post_of(outer, "analyst").years[0], "London weighting").mid == 0);
        CHECK(mentions(post_of(outer, "analyst").notes, "No London weighting figure for outer London"));
    }
    SECTION("auto takes the area from the organisation: a county pays none") {
        req.scenario.london_area.reset();
        req.organisation_type = "county";
        Roadmap county = plan_of(req);
        CHECK(line(post_of(county, "analyst").years[0], "London weighting").mid == 0);
        CHECK(mentions(county.notes, "No London weighting"));
    }
}

TEST_CASE("worked example 7: a target date before the plan's start is flagged and its phase starts in year 1",
          "[roadmap][worked]") {
    RoadmapInputs in = shipped_inputs();
    RoundResult current;
    current.dimensions.assign(in.framework->dimensions.size(), NodeScore{});
    for (auto& n : current.dimensions) {
        n.score = 2.0;
        n.level = 2;
        n.target = 3;
        n.target_by = "2026-01-31";
    }
    RoadmapRequest req = request(*in.framework, in.roles, in.assumptions, "2026-04-01", 3);
    req.current = &current;
    req.scenario.propose = true;
    Roadmap r = plan_of(req);
    REQUIRE(r.phases.size() == 2);
    CHECK(r.phases[1].due == "2026-01-31");
    CHECK(r.phases[1].due_before_start);
    CHECK(r.phases[1].start_year == 1);
    CHECK(r.phases[1].name.find("is before the plan starts, so it starts in year 1") != std::string::npos);
    CHECK(mentions(r.warnings, "(level 3 by 31 January 2026) is before the plan starts on 1 April 2026"));
    std::ostringstream table;
    write_roadmap_table(table, r, *in.framework);
    CHECK(table.str().find("Warning: The target for") != std::string::npos);
    CHECK(roadmap_json(r)["warnings"].size() == r.warnings.size());
    std::ostringstream csv;
    write_roadmap_csv(csv, r);
    CHECK(csv.str().find("\r\nwarning,,The target for ") != std::string::npos);
}
