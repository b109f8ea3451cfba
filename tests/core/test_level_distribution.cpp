// The distribution of levels (share of questions and of answers at or above each level) and a
// round's scope (dimensions left out). Every figure is worked by hand in the comment beside it.
#include <catch2/catch.hpp>

#include <sstream>

#include "round_scope.h"
#include "score_output.h"
#include "scoring.h"
#include "test_helpers.h"

using namespace ys;
using namespace ys::test;
using nlohmann::json;

namespace {

json leaf(const std::string& id, const std::string& name) {
    return {{"id", id}, {"name", name}, {"descriptors", descriptors(0, 3)}};
}

// core (gov, data) and kids, levels 0-3, everything a mean of medians; a facet "stream".
Framework fixture_framework() {
    json dims = {{{"id", "core"}, {"name", "Core"}, {"children", {leaf("gov", "Governance"), leaf("data", "Data")}}},
                 leaf("kids", "Children's services")};
    json facets = {{{"id", "stream"}, {"name", "Stream"}, {"values", {{{"id", "a"}, {"name", "A"}}, {{"id", "b"}, {"name", "B"}}}}}};
    return make_framework({{"format", "yardstick-framework/1"}, {"id", "test-fw"}, {"version", "1.0"}, {"title", "Test"},
                           {"licence", "CC BY 4.0"}, {"levels", levels(0, 3)},
                           {"scoring", {{"aggregation", "mean"}, {"combine", "median"}}}, {"dimensions", dims},
                           {"facets", facets}});
}

Questionnaire fixture_questionnaire(const Framework& fw) {
    const std::vector<double> scores = {0, 1, 2, 3};
    json g1 = choice("g1", "gov", scores), g2 = choice("g2", "gov", scores), d1 = choice("d1", "data", scores);
    g1["facets"] = {{"stream", "a"}};
    g2["facets"] = {{"stream", "b"}};
    d1["facets"] = {{"stream", "a"}};
    return make_questionnaire(questionnaire("test-fw", {g1, g2, d1, choice("k1", "kids", scores)}), fw);
}

json pick(int level) { return {{"value", "s" + std::to_string(level)}}; }

// r1: g1 3, g2 1, d1 2, k1 0; r2: g1 2, g2 1, d1 don't know, k1 1; r3: g1 3, g2 0, d1 3, k1 blank.
AnswerSet fixture_answers(const Questionnaire& q) {
    auto resp = [](const std::string& id, const json& a) { return json{{"id", id}, {"answers", a}}; };
    return make_answers(answers({resp("r1", {{"g1", pick(3)}, {"g2", pick(1)}, {"d1", pick(2)}, {"k1", pick(0)}}),
                                 resp("r2", {{"g1", pick(2)}, {"g2", pick(1)}, {"d1", {{"dont_know", true}}}, {"k1", pick(1)}}),
                                 resp("r3", {{"g1", pick(3)}, {"g2", pick(0)}, {"d1", pick(3)}})}),
                        q);
}

std::vector<int> ints(std::initializer_list<int> v) { return v; }

}  // namespace

TEST_CASE("level distribution: questions and answers at or above each level, per node", "[scoring][levels][worked]") {
    Framework fw = fixture_framework();
    Questionnaire q = fixture_questionnaire(fw);
    AnswerSet a = fixture_answers(q);
    RoundResult r = score_round(fw, q, {&a});
    const LevelDistributions& L = r.levels;
    REQUIRE(L.dimensions.size() == 4);  // core, gov, data, kids (pre-order)
    CHECK(L.min_level == 0);
    // Medians: g1 {3,2,3} -> 3, g2 {1,1,0} -> 1, d1 {2,3} -> 2.5, k1 {0,1} -> 0.5.
    // gov: questions 3 and 1 -> at or above 0,1,2,3: 2,2,1,1 of 2.
    const LevelDistribution& gov = L.dimensions[1];
    CHECK(gov.questions == 2);
    CHECK(gov.questions_at_or_above == ints({2, 2, 1, 1}));
    CHECK(gov.question_share(2) == Approx(0.5));
    // gov answers 3,2,3,1,1,0 -> at or above 0,1,2,3: 6,5,3,2 of 6.
    CHECK(gov.answers == 6);
    CHECK(gov.answers_at_or_above == ints({6, 5, 3, 2}));
    CHECK(gov.answer_share(1) == Approx(5.0 / 6.0));
    // data: one question at 2.5 (at or above 2, not 3); answers 2 and 3 (the don't know counts nowhere).
    const LevelDistribution& data = L.dimensions[2];
    CHECK(data.questions_at_or_above == ints({1, 1, 1, 0}));
    CHECK(data.answers == 2);
    CHECK(data.answers_at_or_above == ints({2, 2, 2, 1}));
    // core = gov + data: questions 3 -> 3,3,2,1; answers 8 -> 8,7,5,3.
    CHECK(L.dimensions[0].questions == 3);
    CHECK(L.dimensions[0].questions_at_or_above == ints({3, 3, 2, 1}));
    CHECK(L.dimensions[0].answers_at_or_above == ints({8, 7, 5, 3}));
    // overall = core + kids (0.5; answers 0 and 1): questions 4 -> 4,3,2,1; answers 10 -> 10,8,5,3.
    CHECK(L.overall.questions == 4);
    CHECK(L.overall.questions_at_or_above == ints({4, 3, 2, 1}));
    CHECK(L.overall.answers == 10);
    CHECK(L.overall.answers_at_or_above == ints({10, 8, 5, 3}));
    CHECK(L.overall.question_share(3) == Approx(0.25));

    // Facet cells: rows gov, data, kids; columns a, b. gov/a is g1 alone (3; answers 3,2,3).
    REQUIRE(L.facets.size() == 1);
    REQUIRE(r.facets[0].rows.size() == 3);
    const LevelDistribution& gov_a = L.facets[0].cells[0];
    CHECK(gov_a.questions_at_or_above == ints({1, 1, 1, 1}));
    CHECK(gov_a.answers_at_or_above == ints({3, 3, 3, 2}));
    // gov/b is g2 (1; answers 1,1,0).
    CHECK(L.facets[0].cells[1].questions_at_or_above == ints({1, 1, 0, 0}));
    CHECK(L.facets[0].cells[1].answers_at_or_above == ints({3, 2, 0, 0}));
    // kids has no stream: empty cells, shares 0.
    CHECK(L.facets[0].cells[4].questions == 0);
    CHECK(L.facets[0].cells[4].question_share(0) == 0);
    // Column a = g1 and d1: questions 3 and 2.5 -> 2,2,2,1; answers 3,2,3,2,3 -> 5,5,5,3.
    CHECK(L.facets[0].columns[0].questions_at_or_above == ints({2, 2, 2, 1}));
    CHECK(L.facets[0].columns[0].answers_at_or_above == ints({5, 5, 5, 3}));

    SECTION("in the score JSON and the levels CSV") {
        ScoreReport report;
        ScoredRound sr;
        sr.framework = std::make_shared<Framework>(fw);
        sr.questionnaire = std::make_shared<Questionnaire>(q);
        sr.result = r;
        report.rounds.push_back(sr);
        json j = score_report_json(report, {});
        const json& d = j["rounds"][0]["dimensions"][1]["distribution"];
        CHECK(d["levels"] == json({0, 1, 2, 3}));
        CHECK(d["questions_at_or_above"] == json({1.0, 1.0, 0.5, 0.5}));
        CHECK(d["answers_at_or_above"][1] == Approx(0.8333));  // 5/6 to 4 decimals
        CHECK(j["rounds"][0]["overall"]["distribution"]["questions"] == 4);
        CHECK(j["rounds"][0]["facets"][0]["rows"][0]["distributions"][0]["answers"] == 3);
        ScoreOutputOptions opts;
        opts.levels = true;
        std::ostringstream csv;
        write_score_csv(csv, report, opts);
        // gov at level 2: 1 of 2 questions, 3 of 6 answers.
        CHECK(csv.str().find("testshire,2026,test-q,gov,,,2,2,1,0.5,6,3,0.5\r\n") != std::string::npos);
        CHECK(csv.str().find("testshire,2026,test-q,,stream,a,3,2,1,0.5,5,3,0.6\r\n") != std::string::npos);
    }
}

TEST_CASE("round scope: an excluded dimension counts nowhere and is listed", "[scoring][scope][worked]") {
    Framework fw = fixture_framework();
    Questionnaire q = fixture_questionnaire(fw);
    AnswerSet a = fixture_answers(q);
    // In scope: gov mean(3, 1) = 2, data 2.5, core mean(2, 2.5) = 2.25, kids 0.5;
    // overall mean(2.25, 0.5) = 1.375; 10 answered of 12 that apply (d1's don't know, k1's blank).
    RoundResult all = score_round(fw, q, {&a});
    CHECK(*all.overall.score == Approx(1.375));
    CHECK(all.overall.coverage() == Approx(10.0 / 12.0));
    CHECK(all.excluded.empty());

    ScoreOptions opts;
    opts.out_of_scope = {"kids", "no-such-dimension"};
    RoundResult r = score_round(fw, q, {&a}, opts);
    // Without kids: overall = core = 2.25; 8 answered of 9.
    CHECK(*r.overall.score == Approx(2.25));
    CHECK(r.overall.coverage() == Approx(8.0 / 9.0));
    CHECK(r.excluded == std::vector<std::string>{"kids"});  // an id the framework lacks is ignored
    CHECK(r.is_out_of_scope(3));
    CHECK_FALSE(r.is_out_of_scope(0));
    CHECK_FALSE(r.dimensions[3].score);
    CHECK(r.dimensions[3].answered + r.dimensions[3].unanswered == 0);
    CHECK(r.questions[3].answered == 0);  // k1 is not part of the round
    CHECK(r.levels.overall.questions == 3);
    CHECK(r.levels.overall.answers == 8);
    // The facet matrix has no row for it, and a respondent's overall leaves it out too:
    // r1 gov mean(3, 1) = 2, data 2, core 2 (with kids at 0 it would be 1).
    CHECK(r.facets[0].rows.size() == 2);
    CHECK(*r.respondent_results[0].overall == Approx(2));
    // A target on it is not applied (nothing is assessed there).
    apply_targets(r, fw, TargetSet{"test-fw", "testshire", {{"kids", 2, ""}, {"gov", 3, ""}}});
    CHECK_FALSE(r.dimensions[3].target);
    CHECK(r.unscored_targets.empty());
    CHECK(*r.percent_to_target == Approx(1.0 - 1.0 / 3.0));  // gov 2 of 3

    SECTION("excluding a parent excludes what is under it") {
        auto mask = out_of_scope_mask(fw, {"core"});
        CHECK(mask == std::vector<char>{1, 1, 1, 0});
        CHECK(out_of_scope_mask(fw, {}).empty());
        CHECK(excluded_names(fw, {"kids", "core"}) == "Core, Children's services");
    }
    SECTION("listed in every score output") {
        ScoreReport report;
        ScoredRound sr;
        sr.framework = std::make_shared<Framework>(fw);
        sr.questionnaire = std::make_shared<Questionnaire>(q);
        sr.result = r;
        report.rounds.push_back(sr);
        json j = score_report_json(report, {});
        CHECK(j["rounds"][0]["excluded"] == json::parse(R"([{"id":"kids","name":"Children's services"}])"));
        CHECK(j["rounds"][0]["dimensions"][3]["out_of_scope"] == true);
        CHECK_FALSE(j["rounds"][0]["dimensions"][3].contains("distribution"));
        std::ostringstream table, csv;
        write_score_table(table, report, {});
        CHECK(table.str().find("Excluded from this round: Children's services") != std::string::npos);
        CHECK(table.str().find("  Governance") != std::string::npos);
        CHECK(table.str().find("Children's services  ") == std::string::npos);  // no row of its own
        write_score_csv(csv, report, {});
        CHECK(csv.str().find(",kids,,,,,0,0,0,0,,,,,excluded from this round\r\n") != std::string::npos);
    }
}
