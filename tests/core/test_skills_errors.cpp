// The skills engine's refusals: each bad input gets one clear line naming who or what, and
// what to do next.
#include <catch2/catch.hpp>

#include "skills_test_support.h"

using namespace ys;
using namespace ys::skills;
using namespace ys::test;

namespace {

std::string refused(const Questionnaire& q, const AnswerSet& set, const RoleCatalogue& roles) {
    Diagnostics d("round");
    auto p = people_from_round(skills_framework(), q, {&set}, roles, d);
    CHECK_FALSE(p);
    REQUIRE(d.error_count() >= 1);
    std::string all;
    for (const auto& x : d.items()) all += to_string(x) + "\n";
    return all;
}

}  // namespace

TEST_CASE("skills: a respondent with no role is named, with how to set one", "[skills]") {
    Questionnaire q = skills_questionnaire();
    AnswerSet set = round_of(q, {rated(q, "r1", "Ada Example", "performance-information-analyst", 2),
                                 rated(q, "r2", "Ben Example", "", 3)});
    std::string e = refused(q, set, shipped_roles());
    CHECK(e.find("skills-round.json: /respondents/1: \"Ben Example\" (respondent \"r2\") has no role") != std::string::npos);
    CHECK(e.find("give them one") != std::string::npos);
    CHECK(e.find("Ada") == std::string::npos);
}

TEST_CASE("skills: a target role or age band the catalogue does not know is refused", "[skills]") {
    Questionnaire q = skills_questionnaire();
    AnswerSet set = round_of(q, {rated(q, "r1", "Ada Example", "performance-information-analyst", 2, "Insight",
                                       "chief-wizard"),
                                 rated(q, "r2", "Ben Example", "senior-data-analyst", 3, "Insight", "", "40-plus")});
    std::string e = refused(q, set, shipped_roles());
    CHECK(e.find("/respondents/0: \"Ada Example\" (respondent \"r1\") has the target role \"chief-wizard\", which "
                 "the role catalogue council-data-roles does not list; expected one of: head-of-data") !=
          std::string::npos);
    CHECK(e.find("/respondents/1: \"Ben Example\" (respondent \"r2\") has the age band \"40-plus\"; expected 16-18, "
                 "19-21, 22-24 or 25-plus") != std::string::npos);
}

TEST_CASE("skills: a role needing a skill the framework lacks is refused, naming the role and skill", "[skills]") {
    Questionnaire q = skills_questionnaire();
    nlohmann::json roles = shipped_json("frameworks/roles/council-data-roles.json");
    for (auto& r : roles["roles"])
        if (r["id"] == "senior-data-analyst") r["skills"].push_back({{"skill", "automation.telepathy"}, {"level", 2}});
    Diagnostics dr("roles");
    auto cat = parse_role_catalogue(roles, dr);
    REQUIRE(cat);
    AnswerSet set = round_of(q, {rated(q, "r1", "Ben Example", "senior-data-analyst", 3)});
    std::string e = refused(q, set, *cat);
    CHECK(e.find("role catalogue council-data-roles: /roles/3/skills/14: the role \"Senior data analyst\" needs the "
                 "skill \"automation.telepathy\", which is not a skill of the skills framework analyst-data-skills") !=
          std::string::npos);
}

TEST_CASE("skills: a round of a questionnaire that is not an individual skills self-assessment is refused", "[skills]") {
    Questionnaire q = skills_questionnaire("organisation");
    AnswerSet set = round_of(q, {rated(q, "r1", "Ada Example", "performance-information-analyst", 2)});
    std::string e = refused(q, set, shipped_roles());
    CHECK(e.find("is not a skills self-assessment: its audience is organisation") != std::string::npos);
}

TEST_CASE("skills: a respondent whose role the catalogue lacks (a 1.1 round) is told to upgrade", "[skills]") {
    Questionnaire q = skills_questionnaire();
    q.roles.push_back({"analyst", "Analyst"});
    AnswerSet set = round_of(q, {rated(q, "r1", "Ada Example", "analyst", 2)});
    std::string e = refused(q, set, shipped_roles());
    CHECK(e.find("has the role \"analyst\", which the role catalogue council-data-roles does not list") != std::string::npos);
    CHECK(e.find("round upgrade") != std::string::npos);
}

TEST_CASE("skills: profile options naming an unknown target role or team are refused", "[skills]") {
    Questionnaire q = skills_questionnaire();
    AnswerSet set = round_of(q, {rated(q, "r1", "Ada Example", "performance-information-analyst", 2)});
    SkillsRequest r;
    RoleCatalogue roles = shipped_roles();
    r.skills = &skills_framework();
    r.questionnaire = &q;
    r.sets = {&set};
    r.roles = &roles;
    r.profile.target_role = "chief-wizard";
    r.profile.team = "Nowhere";
    Diagnostics d("skills");
    CHECK_FALSE(run_skills(r, d));
    REQUIRE(d.error_count() == 2);
    CHECK(to_string(d.items()[0]) == "skills: --target-role: \"chief-wizard\" is not a role of the catalogue "
                                     "council-data-roles; expected one of: " +
                                         [&] {
                                             std::string s;
                                             for (const auto& x : roles.roles) s += (s.empty() ? "" : ", ") + x.id;
                                             return s;
                                         }());
    CHECK(to_string(d.items()[1]) == "skills: --team: no one in the round is in the team \"Nowhere\"; expected one of: \"Insight\"");
}

TEST_CASE("skills: anonymised, people are numbered in round order and small teams folded", "[skills]") {
    Questionnaire q = skills_questionnaire();
    AnswerSet set = round_of(q, {rated(q, "r1", "Zed Example", "performance-information-analyst", 2, "Insight"),
                                 rated(q, "r2", "Amy Example", "senior-data-analyst", 3, "Insight"),
                                 rated(q, "r3", "Bo Example", "data-quality-officer", 1, "Insight"),
                                 rated(q, "r4", "Cal Example", "data-quality-officer", 1, "Revenues")});
    RoleCatalogue roles = shipped_roles();
    Diagnostics d("round");
    auto people = people_from_round(skills_framework(), q, {&set}, roles, d);
    REQUIRE(people);
    ProfileOptions o;
    o.anonymise = true;
    TeamProfile tp = profile_team(skills_framework(), roles, *people, o);
    REQUIRE(tp.people.size() == 4);
    CHECK(tp.anonymised);
    for (std::size_t i = 0; i < 4; ++i) {
        CHECK(tp.people[i].name == "Person " + std::to_string(i + 1));
        CHECK(tp.people[i].key.empty());
    }
    // Zed stays first (round order, not names); Revenues (1 person) joins "Other teams".
    CHECK(tp.people[0].levels[0] == Approx(2.0));
    CHECK(tp.people[3].team == "Other teams");
    CHECK(tp.teams == std::vector<std::string>{"Insight", "Other teams"});
    REQUIRE_FALSE(tp.notes.empty());
    // Named: sorted by team then name.
    TeamProfile named = profile_team(skills_framework(), roles, *people, {});
    CHECK(named.people[0].name == "Amy Example");
    CHECK(named.people[3].name == "Cal Example");
}

TEST_CASE("skills: the short_course rule reads its figures and refuses bad ones", "[skills][assumptions]") {
    nlohmann::json j = shipped_json("frameworks/roles/assumptions-england-2025.json");
    std::size_t at = 0;
    for (std::size_t i = 0; i < j["rules"].size(); ++i)
        if (j["rules"][i]["kind"] == "short_course") at = i;
    REQUIRE(at > 0);
    const ShortCourseRule* rule = shipped_assumptions().short_course_on("2026-09-01");
    REQUIRE(rule);
    CHECK(rule->per_course == Approx(600));
    CHECK(rule->levels == 2);
    CHECK(rule->weeks == 8);
    CHECK(rule->assumption);
    CHECK_FALSE(shipped_assumptions().short_course_on("2024-01-01"));

    j["rules"][at]["levels"] = 9;
    j["rules"][at]["per_course"] = -5;
    Diagnostics d("assumptions.json");
    CHECK_FALSE(parse_assumptions(j, d));
    const std::string p = "/rules/" + std::to_string(at);
    std::string all;
    for (const auto& x : d.items()) all += to_string(x) + "\n";
    CHECK(all.find("assumptions.json: " + p + "/levels: expected the most levels one course closes, a whole number from 1 "
                   "to 4, found 9") != std::string::npos);
    CHECK(all.find("assumptions.json: " + p + "/per_course: ") != std::string::npos);
}

TEST_CASE("skills: with no short_course rule on the start date, courses cost nothing and the plan says so", "[skills]") {
    Questionnaire q = skills_questionnaire();
    AnswerSet set = round_of(q, {rated(q, "r1", "Cy Example", "data-quality-officer", 0)});
    RoleCatalogue roles = shipped_roles();
    Diagnostics d("round");
    auto people = people_from_round(skills_framework(), q, {&set}, roles, d);
    REQUIRE(people);
    TeamProfile tp = profile_team(skills_framework(), roles, *people, {});
    PlanOptions po;
    po.start = "2024-06-01";  // before the shipped rule's 1 April 2025
    TrainingPlan plan = plan_training(skills_framework(), roles, shipped_assumptions(), tp, po);
    CHECK(plan.cost == 0);
    REQUIRE_FALSE(plan.items.empty());
    REQUIRE_FALSE(plan.warnings.empty());
    CHECK(plan.warnings[0] == "No short_course rule in the assumptions assumptions-england-2025 covers 1 June 2024, so "
                              "short courses are planned at no cost: add one.");
}
