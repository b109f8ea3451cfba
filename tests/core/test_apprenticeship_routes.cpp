// Apprenticeship routes are offered only to the people the funding rules fund them for:
// the catalogue names the ages (`ages`), the assumptions say which ages each level (and
// foundation apprenticeships) is funded for from which date, and the roadmap warns about,
// and never proposes, a route the rules no longer fund for those it names.
#include "apprenticeship_routes.h"
#include "roadmap_test_support.h"

using namespace ys;
using namespace ys::test;

namespace {

const Framework& framework() {
    static RoadmapInputs in = shipped_inputs();
    return *in.framework;
}

// Level 7 funded only for under-22s from 1 January 2026; foundation apprenticeships only for
// under-22s from 1 August 2025 (the shipped file's two eligibility rules, with example sources).
Assumptions rules_2026() {
    return assumptions(false, {kNiAlways, kPension, kLevy,
                               rule("apprenticeship_funding", "2025-04-01", "",
                                    {{"bands", {{"data-technician-l3", 15000}, {"software-and-data-l2", 9000},
                                                {"data-scientist-l7", 21000}}},
                                     {"co_investment", 0.05}, {"expiry_months", 24}}),
                               rule("apprenticeship_eligibility", "2026-01-01", "", {{"level", 7}, {"max_age", 21}}),
                               rule("apprenticeship_eligibility", "2025-08-01", "",
                                    {{"level", 2}, {"max_age", 21}, {"foundation_only", true}})});
}

Apprenticeship route(int level, bool foundation, std::vector<AgeBand> ages = {}) {
    Apprenticeship a;
    a.standard = foundation ? "Software and data" : "Data scientist";
    a.level = level;
    a.foundation = foundation;
    a.ages = std::move(ages);
    return a;
}

}  // namespace

TEST_CASE("a level 7 route for every age is funded only for under-22s from 1 January 2026", "[roles][routes]") {
    Assumptions a = rules_2026();
    RouteFunding before = route_funding(route(7, false), a, "2025-12-31");
    CHECK(before.unfunded.empty());
    CHECK(before.funded.size() == 4);

    RouteFunding after = route_funding(route(7, false), a, "2026-01-01");
    CHECK(after.funded == std::vector<AgeBand>{AgeBand::From16To18, AgeBand::From19To21});
    CHECK(after.unfunded == std::vector<AgeBand>{AgeBand::From22To24, AgeBand::From25});
    REQUIRE(after.rule);
    CHECK(after.rule->level == 7);
}

TEST_CASE("the foundation rule applies to foundation apprenticeships, not to every level 2 route", "[roles][routes]") {
    Assumptions a = rules_2026();
    // A standard level 2 apprenticeship is funded at any age.
    CHECK(route_funding(route(2, false), a, "2026-04-01").unfunded.empty());
    // A foundation route naming only 16-21 is funded for all it names.
    CHECK(route_funding(route(2, true, {AgeBand::From16To18, AgeBand::From19To21}), a, "2026-04-01").unfunded.empty());
    // One that names no ages offers itself to everyone, and is not funded past 21.
    CHECK(route_funding(route(2, true), a, "2026-04-01").unfunded ==
          std::vector<AgeBand>{AgeBand::From22To24, AgeBand::From25});
    // Before foundation apprenticeships began, no foundation rule applies.
    CHECK(route_funding(route(2, true), a, "2025-07-31").unfunded.empty());
}

TEST_CASE("the warning names the role, the route, the rule, the people left out and what to do", "[roles][routes]") {
    Assumptions a = rules_2026();
    RoleCatalogue c = catalogue({role_json("senior-scientist", 50000, {{"advanced-analytics", 1.0}}, false,
                                           {{"standard", "Data scientist"}, {"level", 7}, {"ages", {"19-21", "22-24", "25-plus"}}})});
    const Role& r = c.roles[0];
    CHECK(unfunded_route_warning(r, a, "2025-12-31").empty());
    CHECK(unfunded_route_warning(r, a, "2026-04-01") ==
          "The senior-scientist role offers the Data scientist apprenticeship (level 7) to apprentices aged 19-21, 22-24 "
          "and 25 or over, but Level 7 apprenticeships starting on or after 1 January 2026 are funded only for apprentices "
          "under 22, so it is not funded for apprentices aged 22-24 and 25 or over starting on 1 April 2026: name only the "
          "ages it is funded for (\"ages\" in the role catalogue: aged 19-21) or plan another route for the others.");

    RoleCatalogue closed = catalogue({role_json("older-scientist", 50000, {{"advanced-analytics", 1.0}}, false,
                                                {{"standard", "Data scientist"}, {"level", 7}, {"ages", {"25-plus"}}})});
    std::string w = unfunded_route_warning(closed.roles[0], a, "2026-04-01");
    CHECK(w.find("the route is closed to everyone it names: plan another route for this role.") != std::string::npos);
    // A role without an apprenticeship has no route to check.
    RoleCatalogue plain = catalogue({role_json("analyst", 40000, {{"performance-reporting", 1.0}})});
    CHECK(unfunded_route_warning(plain.roles[0], a, "2026-04-01").empty());
}

TEST_CASE("a plan that names a foundation apprentice aged 25 or over is warned twice", "[roles][routes][roadmap]") {
    Assumptions a = rules_2026();
    RoleCatalogue c = catalogue({role_json("foundation-apprentice", 20000, {{"data-quality", 0.5}}, false,
                                           {{"standard", "Software and data"}, {"level", 2}, {"foundation", true},
                                            {"ages", {"16-18", "19-21"}}})});
    RoadmapRequest req = request(framework(), c, a, "2026-04-01", 1);
    PlannedPost p = post("starter", "foundation-apprentice");
    p.route = PostRoute::Apprenticeship;
    p.age = AgeBand::From25;
    req.scenario.posts = {p};
    Roadmap r = plan_of(req);
    CHECK(mentions(r.warnings, "Apprenticeship training for foundation-apprentice is not funded: the council pays it in full."));
    CHECK(mentions(r.warnings, "foundation-apprentice is planned for an apprentice aged 25 or over, but the "
                               "foundation-apprentice route is offered only to apprentices aged 16-18 and 19-21"));
    // The route itself names only funded ages, so there is no catalogue warning.
    CHECK_FALSE(mentions(r.warnings, "role offers"));

    SECTION("at 19-21 the route is funded and offered: no warning") {
        req.scenario.posts[0].age = AgeBand::From19To21;
        CHECK(plan_of(req).warnings.empty());
    }
}

TEST_CASE("a route the plan uses that names unfunded ages is warned about", "[roles][routes][roadmap]") {
    Assumptions a = rules_2026();
    RoleCatalogue c = catalogue({role_json("scientist-apprentice", 30000, {{"advanced-analytics", 1.0}}, false,
                                           {{"standard", "Data scientist"}, {"level", 7}})});
    RoadmapRequest req = request(framework(), c, a, "2026-04-01", 1);
    PlannedPost p = post("scientist", "scientist-apprentice");
    p.route = PostRoute::Apprenticeship;
    p.age = AgeBand::From19To21;
    req.scenario.posts = {p};
    Roadmap r = plan_of(req);
    CHECK(mentions(r.warnings, "The scientist-apprentice role offers the Data scientist apprenticeship (level 7) to "
                               "apprentices of any age, but Level 7 apprenticeships"));
    // The planned apprentice is 19-21, so the post's own training is funded.
    CHECK_FALSE(mentions(r.warnings, "is not funded: the council pays it in full"));
}

TEST_CASE("the roadmap never proposes a route closed to every age it names", "[roles][routes][roadmap]") {
    Assumptions a = rules_2026();
    // The only role that carries data quality (a foundation responsibility) is a level 7 route for over-21s.
    RoleCatalogue c = catalogue({role_json("older-scientist", 30000, {{"data-quality", 1.0}}, false,
                                           {{"standard", "Data scientist"}, {"level", 7}, {"ages", {"22-24", "25-plus"}}})});
    RoadmapRequest req = request(framework(), c, a, "2026-04-01", 3);
    req.scenario.propose = true;
    req.scenario.prefer_apprenticeships = true;
    Roadmap closed = plan_of(req);
    for (const auto& p : closed.posts) CHECK(p.role != "older-scientist");

    SECTION("before the level 7 rule took effect, the same route is proposed") {
        req.scenario.start = "2025-06-01";
        Roadmap open = plan_of(req);
        bool proposed = false;
        for (const auto& p : open.posts) proposed = proposed || p.role == "older-scientist";
        CHECK(proposed);
    }
}

TEST_CASE("the shipped catalogue offers no route the shipped rules do not fund", "[roles][routes][shipped]") {
    RoadmapInputs in = shipped_inputs();
    for (const char* day : {"2026-04-01", "2027-04-01"})
        for (const auto& role : in.roles.roles) {
            INFO(role.id << " on " << day);
            CHECK(unfunded_route_warning(role, in.assumptions, day).empty());
        }
}
