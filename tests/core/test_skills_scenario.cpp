// The skills plan as a roadmap scenario (docs/skills.md, "Into the roadmap"), on the worked
// example of test_skills_plan.cpp: each figure by hand beside its check.
#include <catch2/catch.hpp>

#include "roadmap/scenario.h"
#include "skills/growth_scenario.h"
#include "skills_test_support.h"

using namespace ys;
using namespace ys::skills;
using namespace ys::test;

namespace {

struct Planned {
    Questionnaire q = skills_questionnaire();
    RoleCatalogue roles = shipped_roles();
    TeamProfile profile;
    TrainingPlan plan;
    explicit Planned(const ProfileOptions& options = {}) {
        AnswerSet set = round_of(q, {rated(q, "r1", "Ada Example", "performance-information-analyst", 2),
                                     rated(q, "r2", "Ben Example", "senior-data-analyst", 3),
                                     rated(q, "r3", "Cy Example", "data-quality-officer", 0),
                                     rated(q, "r4", "Dee Example", "performance-information-analyst", 1, "Insight",
                                           "data-analyst-apprentice", "19-21")});
        Diagnostics d("round");
        auto people = people_from_round(skills_framework(), q, {&set}, roles, d);
        REQUIRE(people);
        profile = profile_team(skills_framework(), roles, *people, options);
        PlanOptions po;
        po.start = "2026-09-01";
        plan = plan_training(skills_framework(), roles, shipped_assumptions(), profile, po);
    }
};

}  // namespace

TEST_CASE("skills scenario: the team in post, who grows into their target role when ready, and the training paid for",
          "[skills][scenario]") {
    Planned t;
    const RoadmapScenario s = growth_scenario(t.profile, t.plan, t.roles, "2026-12-05");
    CHECK(s.start == "2026-09-01");
    CHECK(s.created == "2026-12-05");
    CHECK(s.levy_payer);
    CHECK_FALSE(s.propose);
    // The four people, each a post in their current role.
    REQUIRE(s.team.size() == 4);
    CHECK(s.team[0].id == "person-1");
    CHECK(s.team[0].name == "Ada Example");
    CHECK(s.team[0].role == "performance-information-analyst");
    CHECK(s.team[2].role == "data-quality-officer");
    // Dee is the only one with a target role: grown into it on the day the apprenticeship ends.
    REQUIRE(s.posts.size() == 1);
    CHECK(s.posts[0].route == PostRoute::GrownFrom);
    CHECK(s.posts[0].grown_from == "person-4");
    CHECK(s.posts[0].role == "data-analyst-apprentice");
    CHECK(s.posts[0].start == "2028-09-01");
    CHECK(s.posts[0].note.find("9 skill gaps") != std::string::npos);
    // What the council pays: Cy's 8 courses, £4,800 (6 items: two skills take two courses);
    // Dee's apprenticeship is met from levy funds (£15,000 - £15,000 = 0): no line.
    REQUIRE(s.costs.size() == 1);
    CHECK(s.costs[0].id == "training-person-3");
    CHECK(s.costs[0].category == CostCategory::Training);
    CHECK(s.costs[0].amount == Approx(4800));
    CHECK(s.costs[0].start == "2026-09-01");
    CHECK_FALSE(s.costs[0].recurring);
    // 1 September 2026 to 1 September 2028 is two whole years; one more so that the roadmap
    // costs a year of Dee in her new post.
    CHECK(s.horizon_years == 3);

    // It is a scenario the roadmap reads back as written, and its roles are the catalogue's.
    Diagnostics d("scenario");
    auto back = parse_scenario(scenario_json(s), d);
    INFO((d.items().empty() ? std::string() : d.items().front().message));
    REQUIRE(back);
    CHECK(scenario_json(*back) == scenario_json(s));
    for (const auto& p : s.team) CHECK(t.roles.find(p.role));
}

TEST_CASE("skills scenario: anonymised, people are numbered and not named, and a council that pays no levy pays its share",
          "[skills][scenario]") {
    ProfileOptions anon;
    anon.anonymise = true;
    Planned t(anon);
    RoadmapScenario s = growth_scenario(t.profile, t.plan, t.roles, "2026-12-05");
    const std::string text = scenario_json(s).dump();
    for (const char* name : {"Ada", "Ben", "Cy", "Dee"}) CHECK(text.find(name) == std::string::npos);
    CHECK(s.team[3].name == "Person 4");
    CHECK(s.costs[0].name == "Training: Person 3");

    // No levy, and Dee 25 or over: from 1 April 2026 a council that pays no levy meets 25% of
    // the training itself (docs/skills.md, rule 4): £15,000 x 0.25 = £3,750, a line of its own
    // beside Cy's £4,800; together £8,550, what the plan's items say the council pays.
    t.profile.people[3].age = AgeBand::From25;
    PlanOptions po;
    po.start = "2026-09-01";
    po.levy_payer = false;
    const TrainingPlan no_levy = plan_training(skills_framework(), t.roles, shipped_assumptions(), t.profile, po);
    s = growth_scenario(t.profile, no_levy, t.roles, "2026-12-05");
    CHECK_FALSE(s.levy_payer);
    REQUIRE(s.costs.size() == 2);
    CHECK(s.costs[1].id == "training-person-4");
    CHECK(s.costs[1].amount == Approx(3750));
    double pays = 0;
    for (const auto& it : no_levy.items) pays += it.employer_cost();
    CHECK(pays == Approx(8550));
    CHECK(s.costs[0].amount + s.costs[1].amount == Approx(pays));
}
