// The skills engine's worked example (docs/skills.md, "A worked example"): four analysts of a
// fictional team, their levels, gaps, the remedies that close them, costs, funding and dates,
// each figure computed by hand beside its check.
#include <catch2/catch.hpp>

#include "skills_test_support.h"

using namespace ys;
using namespace ys::skills;
using namespace ys::test;

namespace {

// Ada (performance analyst) rates every question 2, Ben (senior analyst) 3, Cy (data quality
// officer) 0, Dee (performance analyst, 19-21, aiming at the data analyst apprenticeship) 1.
struct Team {
    Questionnaire q = skills_questionnaire();
    RoleCatalogue roles = shipped_roles();
    AnswerSet set;
    std::vector<Person> people;
    Team() {
        set = round_of(q, {rated(q, "r1", "Ada Example", "performance-information-analyst", 2),
                           rated(q, "r2", "Ben Example", "senior-data-analyst", 3),
                           rated(q, "r3", "Cy Example", "data-quality-officer", 0),
                           rated(q, "r4", "Dee Example", "performance-information-analyst", 1, "Insight",
                                 "data-analyst-apprentice", "19-21")});
        Diagnostics d("round");
        auto p = people_from_round(skills_framework(), q, {&set}, roles, d);
        REQUIRE(p);
        REQUIRE(d.error_count() == 0);
        people = *p;
    }
    int skill(const TeamProfile& tp, const std::string& id) const {
        return tp.find_skill(skills_framework().find_dimension(id));
    }
};

const TrainingItem* item_for(const TrainingPlan& plan, int person, const std::string& what) {
    for (const auto& it : plan.items)
        if (it.person == person && it.what == what) return &it;
    return nullptr;
}

}  // namespace

TEST_CASE("skills: each person's level of a skill is the framework's level of their leaf score", "[skills]") {
    Team t;
    REQUIRE(t.people.size() == 4);
    // Ada picked the 2-point option on every question: every leaf scores 2, level 2.
    for (const auto& l : t.people[0].levels) CHECK(l == Approx(2.0));
    for (const auto& l : t.people[2].levels) CHECK(l == Approx(0.0));
    CHECK(t.people[3].age == AgeBand::From19To21);
    CHECK(t.people[3].target_role == "data-analyst-apprentice");
    CHECK(t.people[0].role == "performance-information-analyst");
}

TEST_CASE("skills: the profile's gaps and spread, by hand", "[skills]") {
    Team t;
    TeamProfile tp = profile_team(skills_framework(), t.roles, t.people, {});
    REQUIRE(tp.skills.size() == 16);
    // Named: sorted by team then name, so Ada, Ben, Cy, Dee.
    REQUIRE(tp.people[0].name == "Ada Example");
    REQUIRE(tp.people[3].name == "Dee Example");
    const int extraction = t.skill(tp, "data-preparation.extraction");
    // Extraction: Ada 2, Ben 3, Cy 0, Dee 1 -> one at each of levels 0 to 3; median (1 + 2) / 2 = 1.5.
    const SkillSpread& sp = tp.spread[static_cast<std::size_t>(extraction)];
    CHECK(sp.at_level == std::vector<int>{1, 1, 1, 1, 0});
    REQUIRE(sp.median);
    CHECK(*sp.median == Approx(1.5));
    // All four roles need extraction at 3: Ada (2), Cy (0) and Dee (1) are below it.
    CHECK(sp.need_it == 4);
    CHECK(sp.below_need == 3);
    // Dee's target (data analyst apprentice) needs extraction 2: Dee at 1 is below it.
    CHECK(sp.below_target == 1);

    // Ada's gaps against the performance analyst role (extraction 3, cleaning 3, charts 3; the
    // rest at 2 or below): three one-level gaps.
    int ada = 0;
    for (const auto& g : tp.gaps)
        if (g.person == 0) {
            ++ada;
            CHECK(g.size() == Approx(1.0));
            CHECK_FALSE(g.for_target);
        }
    CHECK(ada == 3);
    // Dee: 8 gaps against the current role (every need above 1) and 9 against the target
    // (every need of 2 there, scripting included): 17.
    int dee = 0, dee_target = 0;
    for (const auto& g : tp.gaps)
        if (g.person == 3) ++dee, dee_target += g.for_target;
    CHECK(dee == 17);
    CHECK(dee_target == 9);
}

TEST_CASE("skills: the training plan of the worked example, by hand", "[skills]") {
    Team t;
    TeamProfile tp = profile_team(skills_framework(), t.roles, t.people, {});
    PlanOptions po;
    po.start = "2026-09-01";
    TrainingPlan plan = plan_training(skills_framework(), t.roles, shipped_assumptions(), tp, po);

    // Ada: three one-level gaps; Ben is at 3 on each and in the same team: on the job, 12 weeks.
    const TrainingItem* a = item_for(plan, 0, "On the job: Extracting data from source systems");
    REQUIRE(a);
    CHECK(a->remedy == Remedy::OnTheJob);
    CHECK(a->colleague == 1);
    CHECK(a->cost == 0);
    CHECK(a->start == "2026-09-01");
    CHECK(a->end == "2026-11-24");  // 84 days after 1 September
    // Ben meets every need of a senior analyst: nothing for him.
    for (const auto& it : plan.items) CHECK(it.person != 1);

    // Cy (level 0, data quality officer): scripting needs 1, Ben is at 3: on the job. Cleaning
    // and extraction need 3: two courses each (a course closes up to 2 levels); joining, trends,
    // data protection and requirements need 2: one course each. 8 courses x £600 = £4,800.
    CHECK(item_for(plan, 2, "On the job: Scripting and query languages"));
    const TrainingItem* clean = item_for(plan, 2, "Short course: Cleaning and validating data");
    REQUIRE(clean);
    CHECK(clean->cost == Approx(1200));
    double cy = 0;
    int cy_courses = 0;
    for (const auto& it : plan.items)
        if (it.person == 2 && it.remedy == Remedy::ShortCourse) cy += it.cost, ++cy_courses;
    CHECK(cy_courses == 6);
    CHECK(cy == Approx(4800));
    // Courses run one after another, 8 weeks each: extraction (2 courses) first, 1 September
    // to 24 November 2026 (16 weeks = 112 days)... cleaning next.
    const TrainingItem* ext = item_for(plan, 2, "Short course: Extracting data from source systems");
    REQUIRE(ext);
    CHECK(ext->start == "2026-09-01");
    CHECK(ext->end == "2026-12-22");
    CHECK(clean->start == "2026-12-22");
    // £4,800 is more than the £1,000 training budget a head: a warning names Cy.
    bool warned = false;
    for (const auto& w : plan.warnings) warned = warned || w.find("Cy Example's short courses cost £4,800") != std::string::npos;
    CHECK(warned);

    // Dee: 9 skills short of the target role, every one built by the level 4 data analyst
    // standard (its own skills and the level 3 ones): the apprenticeship, 24 months; the
    // shipped band is £15,000, met from levy funds.
    const TrainingItem* ap = item_for(plan, 3, "Data analyst apprenticeship (level 4, ST0118)");
    REQUIRE(ap);
    CHECK(ap->remedy == Remedy::Apprenticeship);
    CHECK(ap->skills.size() == 9);
    CHECK(ap->cost == Approx(15000));
    CHECK(ap->funded == Approx(15000));
    CHECK(ap->eligible);
    CHECK(ap->end == "2028-09-01");
    int dee_items = 0;
    for (const auto& it : plan.items) dee_items += it.person == 3;
    CHECK(dee_items == 1);

    // Totals: £4,800 + £15,000 = £19,800, £15,000 funded.
    CHECK(plan.cost == Approx(19800));
    CHECK(plan.funded == Approx(15000));
    // Readiness: Dee, 9 target gaps, ready when the apprenticeship ends.
    REQUIRE(plan.readiness.size() == 1);
    CHECK(plan.readiness[0].person == 3);
    CHECK(plan.readiness[0].gaps == 9);
    CHECK(plan.readiness[0].ready_by == "2028-09-01");
    // Summary: each row one person here; the apprenticeship row carries its cost.
    bool row = false;
    for (const auto& n : plan.summary)
        if (n.remedy == Remedy::Apprenticeship) row = n.people == 1 && n.cost == Approx(15000);
    CHECK(row);
}

TEST_CASE("skills: apprenticeship funding follows the person's age band and the levy", "[skills]") {
    Team t;
    t.people[3].age = AgeBand::From25;
    TeamProfile tp = profile_team(skills_framework(), t.roles, t.people, {});
    PlanOptions po;
    po.start = "2026-09-01";
    po.levy_payer = false;
    TrainingPlan plan = plan_training(skills_framework(), t.roles, shipped_assumptions(), tp, po);
    const TrainingItem* ap = item_for(plan, 3, "Data analyst apprenticeship (level 4, ST0118)");
    REQUIRE(ap);
    // Not a levy payer, aged 25 or over, from 1 April 2026: the council pays 25% of £15,000.
    CHECK(ap->funded == Approx(11250));
    CHECK(ap->employer_cost() == Approx(3750));

    t.people[3].age = AgeBand::From19To21;
    tp = profile_team(skills_framework(), t.roles, t.people, {});
    plan = plan_training(skills_framework(), t.roles, shipped_assumptions(), tp, po);
    ap = item_for(plan, 3, "Data analyst apprenticeship (level 4, ST0118)");
    REQUIRE(ap);
    // Aged 21 or under at a non-levy employer: the government pays it all.
    CHECK(ap->funded == Approx(15000));
}

TEST_CASE("skills: no new apprenticeship for someone who already meets their target role", "[skills]") {
    Team t;
    // Ada (level 2 everywhere) aims at the data analyst apprentice role, whose needs are all 2:
    // no gap against it. Her three gaps against her own role are built by that standard, but
    // an apprenticeship is for growing into the target: she learns on the job instead.
    t.people[0].target_role = "data-analyst-apprentice";
    TeamProfile tp = profile_team(skills_framework(), t.roles, t.people, {});
    PlanOptions po;
    po.start = "2026-09-01";
    TrainingPlan plan = plan_training(skills_framework(), t.roles, shipped_assumptions(), tp, po);
    int ada = 0;
    for (const auto& it : plan.items)
        if (it.person == 0) {
            ++ada;
            CHECK(it.remedy == Remedy::OnTheJob);
        }
    CHECK(ada == 3);
    bool ready = false;
    for (const auto& r : plan.readiness)
        if (r.person == 0) ready = r.ready_now() && r.ready_by == "2026-09-01";
    CHECK(ready);
}
