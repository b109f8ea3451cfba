// Worked examples: each result below is computed by hand in the comment beside it.
#include <catch2/catch.hpp>

#include "scoring.h"
#include "targets.h"
#include "test_helpers.h"

using namespace ys;
using namespace ys::test;
using nlohmann::json;

namespace {

json leaf(const std::string& id, json extra = json::object()) {
    json d = {{"id", id}, {"name", id}, {"descriptors", descriptors(1, 5)}};
    d.update(extra);
    return d;
}

json framework(const std::vector<json>& dims, const json& scoring, int lo = 1, int hi = 5, json extra = json::object()) {
    json f = {{"format", "yardstick-framework/1"}, {"id", "test-fw"}, {"version", "1.0"}, {"title", "Test"},
              {"licence", "CC BY 4.0"}, {"levels", levels(lo, hi)}, {"scoring", scoring}, {"dimensions", json(dims)}};
    f.update(extra);
    return f;
}

json resp(const std::string& id, const json& answers, const std::string& role = "") {
    json r = {{"id", id}, {"answers", answers}};
    if (!role.empty()) r["role"] = role;
    return r;
}

// Statement options s0..s4 score 1..5, so "s3" is level 4.
const std::vector<double> kLevels = {1, 2, 3, 4, 5};

}  // namespace

TEST_CASE("(a) statements per level, combined by median, aggregated by minimum", "[scoring][worked]") {
    Framework fw = make_framework(framework({leaf("gov"), leaf("data")}, {{"aggregation", "min"}, {"combine", "median"}}));
    Questionnaire q = make_questionnaire(
        questionnaire("test-fw", {choice("g1", "gov", kLevels), choice("g2", "gov", kLevels), choice("g3", "gov", kLevels),
                                  choice("d1", "data", kLevels), choice("d2", "data", kLevels)}),
        fw);
    auto pick = [](int level) { return json{{"value", "s" + std::to_string(level - 1)}}; };
    AnswerSet a = make_answers(
        answers({resp("r1", {{"g1", pick(4)}, {"g2", pick(2)}, {"g3", pick(3)}, {"d1", pick(3)}, {"d2", pick(5)}}),
                 resp("r2", {{"g1", pick(4)}, {"g2", pick(4)}, {"g3", pick(3)}, {"d1", pick(3)}, {"d2", pick(3)}}),
                 resp("r3", {{"g1", pick(5)}, {"g2", pick(2)}, {"g3", pick(4)}, {"d1", pick(2)}, {"d2", pick(4)}})}),
        q);
    RoundResult r = score_round(fw, q, {&a});

    // Medians per question: g1 {4,4,5} -> 4, g2 {2,4,2} -> 2, g3 {3,3,4} -> 3,
    // d1 {3,3,2} -> 3, d2 {5,3,4} -> 4.
    CHECK(*r.questions[0].value == 4);
    CHECK(*r.questions[1].value == 2);
    CHECK(*r.questions[4].value == 4);
    // gov = min(4, 2, 3) = 2; data = min(3, 4) = 3; overall = min(2, 3) = 2.
    CHECK(*r.dimensions[0].score == 2);
    CHECK(r.dimensions[0].level == 2);
    CHECK(*r.dimensions[1].score == 3);
    CHECK(*r.overall.score == 2);
    CHECK(r.overall.level == 2);
    // g2 sorted {2,2,4}: Q1 at position 0.5 -> 2, Q3 at 1.5 -> 2 + 0.5 * (4 - 2) = 3.
    // IQR 1 over a score range of 4: agreement 1 - 1/4 = 0.75.
    CHECK(r.questions[1].spread.q1 == Approx(2));
    CHECK(r.questions[1].spread.q3 == Approx(3));
    CHECK(*r.questions[1].agreement == Approx(0.75));
    // g1 {4,4,5}: Q1 4, Q3 4.5 -> agreement 1 - 0.5/4 = 0.875.
    CHECK(*r.questions[0].agreement == Approx(0.875));
    // Everyone answered everything: 15 of 15.
    CHECK(r.overall.answered == 15);
    CHECK(r.overall.coverage() == Approx(1.0));
    // Respondent r1 alone: gov min(4,2,3) = 2, data min(3,5) = 3, overall 2.
    CHECK(*r.respondent_results[0].overall == 2);

    SECTION("targets give gap and percent-to-target") {
        // Targets gov 4, data 3: shortfalls 4-2 = 2 and 0; 1 - 2/(4+3) = 5/7.
        TargetSet t{"test-fw", "testshire", {{"gov", 4, "2027-03-31"}, {"data", 3, ""}}};
        apply_targets(r, fw, t);
        CHECK(*r.dimensions[0].gap == Approx(2));
        CHECK(*r.dimensions[1].gap == Approx(0));
        CHECK(*r.percent_to_target == Approx(5.0 / 7.0));
    }
    SECTION("progress since a previous round") {
        // A year earlier one respondent answered level 1 everywhere: gov 1, data 1, overall 1.
        AnswerSet before = make_answers(
            answers({resp("r1", {{"g1", pick(1)}, {"g2", pick(1)}, {"g3", pick(1)}, {"d1", pick(1)}, {"d2", pick(1)}})},
                    "2025"),
            q);
        RoundResult prev = score_round(fw, q, {&before});
        apply_previous(r, prev);
        CHECK(*r.dimensions[0].change == Approx(1));  // 2 - 1
        CHECK(*r.dimensions[1].change == Approx(2));  // 3 - 1
        CHECK(*r.overall.change == Approx(1));
        CHECK(*r.previous_period == "2025");
    }
}

TEST_CASE("(b) Likert statements: means, a reversed item, don't know, role splits", "[scoring][worked]") {
    Framework fw = make_framework(framework({leaf("culture")}, {{"aggregation", "mean"}, {"combine", "mean"}}));
    json agree5 = json::array();
    const char* ids[] = {"strongly-disagree", "disagree", "neutral", "agree", "strongly-agree"};
    for (int i = 0; i < 5; ++i) agree5.push_back({{"id", ids[i]}, {"label", ids[i]}, {"score", i + 1}});
    auto likert = [](const std::string& id, bool reverse) {
        json j = {{"id", id}, {"kind", "likert"}, {"text", "Statement " + id}, {"dimension", "culture"}, {"scale", "agree5"}};
        if (reverse) j["reverse"] = true;
        return j;
    };
    Questionnaire q = make_questionnaire(
        questionnaire("test-fw", {likert("l1", false), likert("l2", false), likert("l3", false), likert("l4", true)},
                      {{"scales", {{"agree5", agree5}}},
                       {"respondent_roles", {{{"id", "analyst"}, {"name", "Analyst"}}, {{"id", "senior-leader"}, {"name", "Senior leader"}}}}}),
        fw);
    auto v = [](const char* id) { return json{{"value", id}}; };
    AnswerSet a = make_answers(
        answers({resp("r1", {{"l1", v("agree")}, {"l2", v("strongly-agree")}, {"l3", v("neutral")}, {"l4", v("disagree")}}, "analyst"),
                 resp("r2", {{"l1", v("neutral")}, {"l2", v("agree")}, {"l3", {{"dont_know", true}}}, {"l4", v("strongly-agree")}},
                      "senior-leader")}),
        q);
    RoundResult r = score_round(fw, q, {&a});
    // l4 is reversed over 1..5: s -> 6 - s, so "disagree" (2) scores 4 and "strongly agree" (5) scores 1.
    // Means: l1 (4+3)/2 = 3.5; l2 (5+4)/2 = 4.5; l3 3 (r2 did not know); l4 (4+1)/2 = 2.5.
    CHECK(*r.questions[0].value == Approx(3.5));
    CHECK(*r.questions[2].value == Approx(3));
    CHECK(*r.questions[3].value == Approx(2.5));
    // culture = (3.5 + 4.5 + 3 + 2.5) / 4 = 3.375 -> level 3 (floor).
    CHECK(*r.dimensions[0].score == Approx(3.375));
    CHECK(r.dimensions[0].level == 3);
    // 8 asked, 7 answered, 1 don't know: coverage 7/8.
    CHECK(r.overall.dont_know == 1);
    CHECK(r.overall.coverage() == Approx(0.875));
    // Roles: analyst (4+5+3+4)/4 = 4; senior leader (3+4+1)/3 = 8/3.
    REQUIRE(r.roles.size() == 2);
    CHECK(*r.roles[0].overall == Approx(4.0));
    CHECK(*r.roles[1].overall == Approx(8.0 / 3.0));
}

TEST_CASE("(c) OWASP SAMM v2: stream means per level, practice sums, function means", "[scoring][worked]") {
    // Levels 0-3. Function (mean) > practice (sum) > practice level (mean of streams A and B).
    json samm_answers = json::array({0, 0.25, 0.5, 1});
    auto level_leaf = [](const std::string& id) {
        return json{{"id", id}, {"name", id}, {"aggregation", "mean"}, {"descriptors", descriptors(0, 3)}};
    };
    auto practice = [&](const std::string& id) {
        return json{{"id", id}, {"name", id}, {"aggregation", "sum"},
                    {"children", {level_leaf(id + ".l1"), level_leaf(id + ".l2"), level_leaf(id + ".l3")}}};
    };
    std::vector<json> dims = {{{"id", "governance"}, {"name", "Governance"}, {"aggregation", "mean"},
                               {"children", {practice("strategy"), practice("policy")}}}};
    json facets = {{{"id", "stream"}, {"name", "Stream"}, {"values", {{{"id", "a"}, {"name", "A"}}, {{"id", "b"}, {"name", "B"}}}}}};
    Framework fw = make_framework(framework(dims, {{"aggregation", "mean"}}, 0, 3, {{"facets", facets}}));

    std::vector<json> questions;
    for (const char* p : {"strategy", "policy"})
        for (int l = 1; l <= 3; ++l)
            for (const char* s : {"a", "b"}) {
                json qj = choice(std::string(p) + "-l" + std::to_string(l) + s, std::string(p) + ".l" + std::to_string(l),
                                 {0, 0.25, 0.5, 1});
                qj["facets"] = {{"stream", s}};
                questions.push_back(qj);
            }
    Questionnaire q = make_questionnaire(questionnaire("test-fw", questions), fw);
    // Option index for each SAMM answer: 0 -> s0, 0.25 -> s1, 0.5 -> s2, 1 -> s3.
    auto ans = [](double v) { return json{{"value", v == 0 ? "s0" : v == 0.25 ? "s1" : v == 0.5 ? "s2" : "s3"}}; };
    AnswerSet a = make_answers(answers({resp("r1", {
        {"strategy-l1a", ans(1)},   {"strategy-l1b", ans(0.5)},   // L1 = 0.75
        {"strategy-l2a", ans(0.5)}, {"strategy-l2b", ans(0.25)},  // L2 = 0.375
        {"strategy-l3a", ans(0)},   {"strategy-l3b", ans(0)},     // L3 = 0
        {"policy-l1a", ans(1)},     {"policy-l1b", ans(1)},       // L1 = 1
        {"policy-l2a", ans(1)},     {"policy-l2b", ans(0.5)},     // L2 = 0.75
        {"policy-l3a", ans(0.25)},  {"policy-l3b", ans(0)},       // L3 = 0.125
    })}), q);
    RoundResult r = score_round(fw, q, {&a});
    auto score = [&](const char* id) { return *r.dimensions[fw.find_dimension(id)].score; };
    CHECK(score("strategy.l1") == Approx(0.75));
    CHECK(score("strategy.l2") == Approx(0.375));
    // strategy = 0.75 + 0.375 + 0 = 1.125; policy = 1 + 0.75 + 0.125 = 1.875.
    CHECK(score("strategy") == Approx(1.125));
    CHECK(score("policy") == Approx(1.875));
    // governance = (1.125 + 1.875) / 2 = 1.5 -> level 1 (floor on 0-3).
    CHECK(score("governance") == Approx(1.5));
    CHECK(r.dimensions[fw.find_dimension("governance")].level == 1);
    CHECK(*r.overall.score == Approx(1.5));
    // Stream facet: stream A over the six levels = (1 + 0.5 + 0 + 1 + 1 + 0.25) / 6 = 0.625;
    // stream B = (0.5 + 0.25 + 0 + 1 + 0.5 + 0) / 6 = 0.375.
    REQUIRE(r.facets.size() == 1);
    CHECK(*r.facets[0].column_means[0] == Approx(0.625));
    CHECK(*r.facets[0].column_means[1] == Approx(0.375));
}

TEST_CASE("(d) ODI pathway: gated yes/no chains summed per dimension", "[scoring][worked]") {
    // An activity scores the level of its last yes; the dimension is the sum of its activities,
    // mapped to a level by thresholds: 0 -> 1, 4 -> 2, 6 -> 3, 8 -> 4, 10 -> 5.
    json mapping = {{"method", "thresholds"},
                    {"thresholds", {{{"min", 0}, {"level", 1}}, {{"min", 4}, {"level", 2}}, {{"min", 6}, {"level", 3}},
                                    {{"min", 8}, {"level", 4}}, {{"min", 10}, {"level", 5}}}}};
    Framework fw = make_framework(framework({leaf("publishing", {{"aggregation", "sum"}, {"level_mapping", mapping}})},
                                            {{"aggregation", "mean"}}));
    auto chain = [](const std::string& id) {
        json steps = json::array();
        for (int l = 2; l <= 5; ++l)
            steps.push_back({{"id", "step" + std::to_string(l)}, {"text", "Reached level " + std::to_string(l) + "?"}, {"score", l}});
        return json{{"id", id}, {"kind", "chain"}, {"text", "Activity " + id}, {"dimension", "publishing"}, {"steps", steps}};
    };
    Questionnaire q = make_questionnaire(questionnaire("test-fw", {chain("a1"), chain("a2"), chain("a3")}), fw);
    AnswerSet a = make_answers(answers({resp("r1", {
        {"a1", {{"value", {true, true, false}}}},       // last yes: step 2 -> level 3
        {"a2", {{"value", {true, true, true, true}}}},  // all yes -> level 5
        {"a3", {{"value", {false}}}},                   // first step no -> score_if_none = 1
    })}), q);
    RoundResult r = score_round(fw, q, {&a});
    CHECK(*r.questions[0].value == 3);
    CHECK(*r.questions[1].value == 5);
    CHECK(*r.questions[2].value == 1);
    // publishing = 3 + 5 + 1 = 9 -> threshold 8 reached, 10 not: level 4.
    CHECK(*r.dimensions[0].score == Approx(9));
    CHECK(r.dimensions[0].level == 4);
}

TEST_CASE("gated dimension: a level counts only when it and every level below are met", "[scoring]") {
    Framework fw = make_framework(framework({leaf("records", {{"aggregation", "gated"}})}, {{"aggregation", "mean"}}));
    auto gate = [](const std::string& id, int level) {
        return json{{"id", id}, {"kind", "chain"}, {"text", id}, {"dimension", "records"}, {"gate_level", level},
                    {"steps", {{{"id", "yes"}, {"text", "Yes?"}, {"score", 2}}}}, {"allow_na", true}};
    };
    Questionnaire q = make_questionnaire(
        questionnaire("test-fw", {gate("g2a", 2), gate("g2b", 2), gate("g3", 3), gate("g4", 4)}), fw);
    json yes = {{"value", {true}}}, no = {{"value", {false}}};
    SECTION("level 3 fails, so level 4 does not count although it is met") {
        AnswerSet a = make_answers(answers({resp("r1", {{"g2a", yes}, {"g2b", yes}, {"g3", no}, {"g4", yes}})}), q);
        RoundResult r = score_round(fw, q, {&a});
        CHECK(*r.dimensions[0].score == 2);
    }
    SECTION("all met up to 4; level 5 has no items and passes") {
        AnswerSet a = make_answers(answers({resp("r1", {{"g2a", yes}, {"g2b", yes}, {"g3", yes}, {"g4", yes}})}), q);
        CHECK(*score_round(fw, q, {&a}).dimensions[0].score == 5);
    }
    SECTION("N/A items are left out; unanswered ones are not met") {
        AnswerSet a = make_answers(answers({resp("r1", {{"g2a", yes}, {"g2b", {{"na", true}}}, {"g3", yes}})}), q);
        RoundResult r = score_round(fw, q, {&a});
        CHECK(*r.dimensions[0].score == 3);  // g4 unanswered: level 4 not met
        CHECK(r.dimensions[0].not_applicable == 1);
        CHECK(r.dimensions[0].coverage() == Approx(2.0 / 3.0));  // g2a, g3 answered; g4 blank
    }
}

TEST_CASE("checklists, numbers, conditions and weighted means", "[scoring]") {
    Framework fw = make_framework(framework({leaf("tools", {{"aggregation", "weighted_mean"}})}, {{"aggregation", "mean"}}));
    json checklist = {{"id", "have"}, {"kind", "checklist"}, {"text", "Which do you have?"}, {"dimension", "tools"},
                      {"weight", 2},
                      {"options", {{{"id", "warehouse"}, {"label", "Warehouse"}}, {{"id", "bi"}, {"label", "BI"}},
                                   {{"id", "etl"}, {"label", "Pipelines"}, {"points", 2}}}},
                      {"scoring", {{"method", "count"}, {"bands", {{{"min", 0}, {"score", 1}}, {{"min", 2}, {"score", 3}}, {{"min", 4}, {"score", 5}}}}}}};
    json number = {{"id", "fte"}, {"kind", "number"}, {"text", "Analysts (FTE)"}, {"dimension", "tools"}, {"unit", "FTE"},
                   {"min", 0}, {"max", 500},
                   {"bands", {{{"min", 0}, {"score", 1}}, {{"min", 2}, {"score", 2}}, {{"min", 5}, {"score", 4}}}}};
    json follow = choice("warehouse-use", "tools", kLevels);
    follow["condition"] = {{"question", "have"}, {"any_of", {"warehouse"}}};
    Questionnaire q = make_questionnaire(questionnaire("test-fw", {checklist, number, follow}), fw);
    SECTION("warehouse ticked: the follow-up is asked") {
        AnswerSet a = make_answers(answers({resp("r1", {{"have", {{"value", {"warehouse", "etl"}}}},
                                                        {"fte", {{"value", 3.5}}},
                                                        {"warehouse-use", {{"value", "s4"}}}})}), q);
        RoundResult r = score_round(fw, q, {&a});
        // have: points 1 + 2 = 3 -> band 2 -> 3; fte 3.5 -> band 2 -> 2; follow-up 5.
        // weighted mean = (2*3 + 1*2 + 1*5) / (2 + 1 + 1) = 13/4 = 3.25.
        CHECK(*r.questions[0].value == 3);
        CHECK(*r.questions[1].value == 2);
        CHECK(*r.dimensions[0].score == Approx(3.25));
    }
    SECTION("warehouse not ticked: the follow-up is not asked, and an answer to it is ignored") {
        Diagnostics d("inline");
        auto a = parse_answers(answers({resp("r1", {{"have", {{"value", {"bi"}}}}, {"fte", {{"value", 0}}},
                                                    {"warehouse-use", {{"value", "s4"}}}})}), q, d);
        REQUIRE(a);
        REQUIRE(d.items().size() == 1);
        CHECK(d.items()[0].severity == Severity::Warning);
        CHECK(d.items()[0].where == "/respondents/0/answers/warehouse-use");
        RoundResult r = score_round(fw, q, {&*a});
        // have: 1 point -> 1; fte 0 -> 1; weighted (2*1 + 1*1) / 3 = 1.
        CHECK(*r.dimensions[0].score == Approx(1));
        CHECK(r.questions[2].not_asked == 1);
        CHECK(r.dimensions[0].applicable() == 2);
    }
}

TEST_CASE("a dimension nobody answered has no score and is left out above", "[scoring]") {
    Framework fw = make_framework(framework({leaf("a"), leaf("b")}, {{"aggregation", "mean"}}));
    Questionnaire q = make_questionnaire(questionnaire("test-fw", {choice("qa", "a", kLevels), choice("qb", "b", kLevels)}), fw);
    AnswerSet a = make_answers(answers({resp("r1", {{"qa", {{"value", "s2"}}}, {"qb", {{"dont_know", true}}}})}), q);
    RoundResult r = score_round(fw, q, {&a});
    CHECK(*r.dimensions[0].score == 3);
    CHECK_FALSE(r.dimensions[1].score.has_value());
    CHECK(*r.overall.score == 3);
    CHECK(r.dimensions[1].dont_know == 1);
}

TEST_CASE("level mapping: floor, round and the scale's ends", "[scoring]") {
    Framework fw = make_framework(framework({leaf("a")}, {{"aggregation", "mean"}}));
    LevelMapping floor_map, round_map;
    round_map.method = LevelMapping::Method::Round;
    CHECK(level_for_score(fw, floor_map, 3.8) == 3);
    CHECK(level_for_score(fw, floor_map, 2.9999999999) == 3);
    CHECK(level_for_score(fw, round_map, 3.5) == 4);
    CHECK(level_for_score(fw, round_map, 3.49) == 3);
    CHECK(level_for_score(fw, floor_map, 0.2) == 1);
    CHECK(level_for_score(fw, floor_map, 9) == 5);
}

TEST_CASE("answers survive a round trip through their JSON form", "[answers]") {
    Framework fw = make_framework(framework({leaf("a")}, {{"aggregation", "mean"}}));
    json chain = {{"id", "c"}, {"kind", "chain"}, {"text", "c"}, {"dimension", "a"},
                  {"steps", {{{"id", "s2"}, {"text", "?"}, {"score", 2}}, {{"id", "s3"}, {"text", "?"}, {"score", 3}}}}};
    json list = {{"id", "l"}, {"kind", "checklist"}, {"text", "l"}, {"dimension", "a"},
                 {"options", {{{"id", "x"}, {"label", "X"}}, {{"id", "y"}, {"label", "Y"}}}},
                 {"scoring", {{"method", "sum"}}}};
    Questionnaire q = make_questionnaire(questionnaire("test-fw", {choice("q", "a", kLevels), chain, list}), fw);
    json original = {{"q", {{"value", "s2"}, {"evidence", "Minutes of May cabinet, £2k budget"}, {"confidence", 0.5},
                            {"answered_at", "2026-03-14T10:22:05Z"}}},
                     {"c", {{"value", {true, false}}}},
                     {"l", {{"value", {"y"}}}}};
    AnswerSet a = make_answers(answers({resp("r1", original)}), q);
    json back = json::object();
    for (const Answer& ans : a.respondents[0].answers) back[q.questions[ans.question].id] = answer_to_json(q.questions[ans.question], ans);
    CHECK(back == original);
    json anonymous = answer_to_json(q.questions[0], a.respondents[0].answers[0], false);
    CHECK_FALSE(anonymous.contains("evidence"));
}
