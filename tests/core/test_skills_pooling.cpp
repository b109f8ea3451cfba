// The skills profile as JSON, and councils' anonymised profiles pooled: counts only, with
// every refusal (names inside, counts that do not add up, another framework).
#include <catch2/catch.hpp>

#include "skills/pooling.h"
#include "skills/skills_output.h"
#include "skills_test_support.h"

using namespace ys;
using namespace ys::skills;
using namespace ys::test;

namespace {

// A council's skills document: `levels` people at each given level on every skill.
nlohmann::json council(const std::string& name, const std::vector<int>& levels, bool anonymise = true,
                       const std::string& id = "") {
    Questionnaire q = skills_questionnaire();
    std::vector<Respondent> people;
    for (std::size_t i = 0; i < levels.size(); ++i)
        people.push_back(rated(q, "r" + std::to_string(i), "Name " + std::to_string(i), "performance-information-analyst",
                               levels[i]));
    AnswerSet set = round_of(q, people);
    set.organisation.name = name;
    set.organisation.id = id.empty() ? name : id;
    RoleCatalogue roles = shipped_roles();
    SkillsRequest r;
    r.skills = &skills_framework();
    r.questionnaire = &q;
    r.sets = {&set};
    r.roles = &roles;
    r.assumptions = &shipped_assumptions();
    r.profile.anonymise = anonymise;
    r.plan.start = "2026-09-01";
    Diagnostics d("round");
    auto out = run_skills(r, d);
    REQUIRE(out);
    return skills_json(skills_framework(), roles, out->profile, &*out->plan, "2026-12-05");
}

std::string refusal(const std::vector<nlohmann::json>& docs) {
    Diagnostics d("compare");
    auto p = pool_profiles(docs, {"a.json", "b.json", "c.json"}, d);
    CHECK_FALSE(p);
    REQUIRE(d.error_count() >= 1);
    return to_string(d.items().front());
}

}  // namespace

TEST_CASE("skills JSON: anonymised, it holds no name, key or age band", "[skills]") {
    nlohmann::json named = council("Eastmere", {2, 3, 0});
    REQUIRE(named["anonymised"] == true);
    const std::string text = named.dump();
    CHECK(text.find("Name 0") == std::string::npos);
    CHECK(text.find("\"key\"") == std::string::npos);
    CHECK(text.find("age_band") == std::string::npos);
    CHECK(named["people"][0]["name"] == "Person 1");
    nlohmann::json with_names = council("Eastmere", {2, 3, 0}, false);
    CHECK(with_names["people"][0]["name"] == "Name 0");
    CHECK(with_names["people"][0]["key"] == "r0");
}

TEST_CASE("skills compare: two councils pooled, counts by hand", "[skills]") {
    // Eastmere: levels 2, 3, 0; Westby: 2, 2. Every skill: level 0: 1, level 2: 1 + 2 = 3, level 3: 1.
    Diagnostics d("compare");
    auto p = pool_profiles({council("Eastmere", {2, 3, 0}), council("Westby", {2, 2})}, {"e.json", "w.json"}, d);
    REQUIRE(p);
    REQUIRE(p->councils == std::vector<std::string>{"Eastmere", "Westby"});
    CHECK(p->people == std::vector<int>{3, 2});
    REQUIRE(p->skills.size() == 16);
    CHECK(p->skills[0].at_level[0] == std::vector<int>{1, 0, 1, 1, 0});
    CHECK(p->skills[0].at_level[1] == std::vector<int>{0, 0, 2, 0, 0});
    nlohmann::json j = pooled_json(*p, "2026-12-05");
    CHECK(j["skills"][0]["total_at_level"] == nlohmann::json({1, 0, 3, 1, 0}));
    // Extraction (a performance analyst needs 3): below it, Eastmere 2 (levels 2 and 0), Westby 2.
    for (const auto& s : j["skills"])
        if (s["id"] == "data-preparation.extraction") CHECK(s["total_below_need"] == 4);
    // Cohorts: the level 0 person needs a course in cleaning; the level 2 ones do too (need 3),
    // unless a colleague at 3 teaches them on the job (Eastmere's): Westby's two need the course.
    bool cleaning = false;
    for (const auto& t : p->cohorts)
        if (t.what == "Short course: Cleaning and validating data") {
            cleaning = true;
            CHECK(t.councils == 2);
            CHECK(t.people == 3);  // Eastmere's level 0 person and Westby's two
        }
    CHECK(cleaning);
    // No name anywhere in the pooled view.
    CHECK(j.dump().find("Person") == std::string::npos);
}

TEST_CASE("skills compare: refusals name the file and what to do", "[skills]") {
    nlohmann::json a = council("Eastmere", {2, 3, 0}), b = council("Westby", {2, 2});
    CHECK(refusal({a, council("Westby", {2}, false)}) ==
          "b.json: /anonymised: this profile holds people's names: a comparison takes anonymised profiles only; "
          "write it again with --anonymise");
    nlohmann::json bad = b;
    bad["skills"][3]["at_level"][2] = 7;
    CHECK(refusal({a, bad}) == "b.json: /skills/3: the counts at each level and not assessed add up to 7, not to the "
                               "profile's 2 people; the file was changed by hand");
    bad = b;
    bad["framework"]["id"] = "other-skills";
    CHECK(refusal({a, bad}).find("b.json: /framework/id: rates skills on \"other-skills\"") == 0);
    CHECK(refusal({a, nlohmann::json::object()}).find("b.json: /format: expected a skills document") == 0);
    CHECK(refusal({a}).find("at least two councils") != std::string::npos);
    CHECK(refusal({a, council("Eastmere again", {1}, true, "Eastmere")}) ==
          "b.json: /organisation/id: \"Eastmere\" is already in the comparison (a.json): give each council once, or its "
          "people are counted twice");
    bad = b;
    bad["skills"][0]["at_level"] = {1, 1};
    CHECK(refusal({a, bad}) == "b.json: /skills/0/at_level: expected 5 counts, one per level of the scale; found 2");
}
