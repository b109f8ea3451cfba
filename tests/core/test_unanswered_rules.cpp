// Worked examples of the framework's rule for unanswered and "don't know" questions
// (scoring.unanswered, and "unanswered" on a dimension): each figure is worked by hand beside it.
#include <catch2/catch.hpp>

#include "scoring.h"
#include "test_helpers.h"

using namespace ys;
using namespace ys::test;
using nlohmann::json;

namespace {

json leaf(const std::string& id, json extra = json::object()) {
    json d = {{"id", id}, {"name", id}, {"descriptors", descriptors(0, 3)}};
    d.update(extra);
    return d;
}

// Levels 0-3; two leaves, "gov" and "data", each with two questions scoring 0-3.
json framework(const json& scoring, json gov_extra = json::object(), json data_extra = json::object()) {
    return {{"format", "yardstick-framework/1"}, {"id", "test-fw"}, {"version", "1.0"}, {"title", "Test"},
            {"licence", "CC BY 4.0"}, {"levels", levels(0, 3)}, {"scoring", scoring},
            {"dimensions", {leaf("gov", gov_extra), leaf("data", data_extra)}}};
}

json question(const std::string& id, const std::string& dim) {
    json q = choice(id, dim, {0, 1, 2, 3});
    q["allow_na"] = true;
    return q;
}

json pick(int score) { return {{"value", "s" + std::to_string(score)}}; }
const json kDontKnow = {{"dont_know", true}};
const json kNa = {{"na", true}};

struct Scored {
    Framework fw;
    Questionnaire q;
    RoundResult r;
};

// g1, g2 measure gov; d1, d2 measure data. One respondent unless more are given.
Scored score(const json& fw_json, const std::vector<json>& respondents) {
    Scored s{make_framework(fw_json), {}, {}};
    s.q = make_questionnaire(
        questionnaire("test-fw", {question("g1", "gov"), question("g2", "gov"), question("d1", "data"), question("d2", "data")}),
        s.fw);
    std::vector<json> rs;
    for (std::size_t i = 0; i < respondents.size(); ++i)
        rs.push_back({{"id", "r" + std::to_string(i + 1)}, {"answers", respondents[i]}});
    AnswerSet a = make_answers(answers(rs), s.q);
    s.r = score_round(s.fw, s.q, {&a});
    return s;
}

// g1 = 3, g2 left blank, d1 = 2, d2 "don't know".
const json kPartial = {{"g1", pick(3)}, {"d1", pick(2)}, {"d2", kDontKnow}};

}  // namespace

TEST_CASE("Unanswered rule leave_out (the default): a blank or don't know is left out", "[scoring][worked][unanswered]") {
    for (json scoring : {json{{"aggregation", "mean"}}, json{{"aggregation", "mean"}, {"unanswered", "leave_out"}}}) {
        Scored s = score(framework(scoring), {kPartial});
        CHECK(s.fw.unanswered == Unanswered::LeaveOut);
        // gov = mean(3) = 3; data = mean(2) = 2; overall = mean(3, 2) = 2.5, level floor(2.5) = 2.
        CHECK(*s.r.dimensions[0].score == Approx(3));
        CHECK(*s.r.dimensions[1].score == Approx(2));
        CHECK(*s.r.overall.score == Approx(2.5));
        CHECK(s.r.overall.level == 2);
        // Coverage counts the answers given: 2 of the 4 that apply.
        CHECK(s.r.overall.coverage() == Approx(0.5));
    }
}

TEST_CASE("Unanswered rule lowest: a blank or don't know counts as the question's lowest score", "[scoring][worked][unanswered]") {
    Scored s = score(framework({{"aggregation", "mean"}, {"unanswered", "lowest"}}), {kPartial});
    CHECK(s.fw.dimensions[0].unanswered == Unanswered::Lowest);  // inherited from scoring
    // gov = mean(3, 0) = 1.5; data = mean(2, 0) = 1; overall = mean(1.5, 1) = 1.25, level 1.
    CHECK(*s.r.dimensions[0].score == Approx(1.5));
    CHECK(*s.r.dimensions[1].score == Approx(1));
    CHECK(*s.r.overall.score == Approx(1.25));
    CHECK(s.r.overall.level == 1);
    // The question's own value is its lowest score too, so tables and reports show 0, not a gap.
    CHECK(*s.r.questions[1].value == Approx(0));
    // Coverage still counts only the answers given: 2 of 4. The rule changes scores, not the record.
    CHECK(s.r.overall.answered == 2);
    CHECK(s.r.overall.unanswered == 1);
    CHECK(s.r.overall.dont_know == 1);
    CHECK(s.r.overall.coverage() == Approx(0.5));
    // The respondent's own result follows the same rule: overall 1.25.
    CHECK(*s.r.respondent_results[0].overall == Approx(1.25));

    SECTION("N/A is still left out, not counted as lowest") {
        // g2 N/A: gov = mean(3) = 3; data = mean(2, 0) = 1; overall = mean(3, 1) = 2.
        Scored t = score(framework({{"aggregation", "mean"}, {"unanswered", "lowest"}}),
                         {{{"g1", pick(3)}, {"g2", kNa}, {"d1", pick(2)}, {"d2", kDontKnow}}});
        CHECK(*t.r.dimensions[0].score == Approx(3));
        CHECK(*t.r.overall.score == Approx(2));
    }
    SECTION("with several respondents a blank joins the median as the lowest score") {
        // g2: r1 blank -> 0, r2 3, r3 2: median of {0, 3, 2} = 2. Left out it would be median {3, 2} = 2.5.
        Scored t = score(framework({{"aggregation", "mean"}, {"unanswered", "lowest"}}),
                         {{{"g1", pick(3)}}, {{"g2", pick(3)}}, {{"g2", pick(2)}}});
        CHECK(*t.r.questions[1].value == Approx(2));
        CHECK(t.r.questions[1].answered == 2);
        // Nobody answered d1 or d2: each 0, data = 0 (under leave_out data would have no score).
        CHECK(*t.r.dimensions[1].score == Approx(0));
    }
}

TEST_CASE("Unanswered rule void: no score until every question that applies is answered", "[scoring][worked][unanswered]") {
    Scored s = score(framework({{"aggregation", "mean"}, {"unanswered", "void"}}), {kPartial});
    // gov has g2 blank and data has d2 "don't know": both void, and so is the overall result.
    CHECK_FALSE(s.r.dimensions[0].score);
    CHECK_FALSE(s.r.dimensions[1].score);
    CHECK_FALSE(s.r.overall.score);
    CHECK_FALSE(s.r.respondent_results[0].overall);
    // The counts still say why: one blank and one don't know.
    CHECK(s.r.overall.unanswered == 1);
    CHECK(s.r.overall.dont_know == 1);

    SECTION("a node complete apart from N/A answers is scored") {
        // g2 N/A: gov = mean(3) = 3; d2 blank: data void; overall void.
        Scored t = score(framework({{"aggregation", "mean"}, {"unanswered", "void"}}),
                         {{{"g1", pick(3)}, {"g2", kNa}, {"d1", pick(2)}}});
        CHECK(*t.r.dimensions[0].score == Approx(3));
        CHECK_FALSE(t.r.dimensions[1].score);
        CHECK_FALSE(t.r.overall.score);
    }
    SECTION("everything answered: the same as leave_out") {
        // gov = mean(3, 1) = 2; data = mean(2, 2) = 2; overall 2.
        Scored t = score(framework({{"aggregation", "mean"}, {"unanswered", "void"}}),
                         {{{"g1", pick(3)}, {"g2", pick(1)}, {"d1", pick(2)}, {"d2", pick(2)}}});
        CHECK(*t.r.dimensions[0].score == Approx(2));
        CHECK(*t.r.overall.score == Approx(2));
    }
    SECTION("with several respondents a question counts as answered when anyone answered it") {
        // r1 answers g1, g2, d1; r2 answers d2 = 1. Every question has an answer:
        // gov = mean(3, 2) = 2.5; data = mean(2, 1) = 1.5; overall = 2.
        Scored t = score(framework({{"aggregation", "mean"}, {"unanswered", "void"}}),
                         {{{"g1", pick(3)}, {"g2", pick(2)}, {"d1", pick(2)}}, {{"d2", pick(1)}}});
        CHECK(*t.r.overall.score == Approx(2));
        // Each respondent's own result is void: each left something blank.
        CHECK_FALSE(t.r.respondent_results[0].overall);
        CHECK_FALSE(t.r.respondent_results[1].overall);
    }
}

TEST_CASE("Unanswered rules set per dimension override the framework's", "[scoring][worked][unanswered]") {
    // Framework: leave_out; gov: lowest; data: void.
    Scored s = score(framework({{"aggregation", "mean"}}, {{"unanswered", "lowest"}}, {{"unanswered", "void"}}), {kPartial});
    // gov = mean(3, 0) = 1.5; data void (d2 don't know).
    CHECK(*s.r.dimensions[0].score == Approx(1.5));
    CHECK_FALSE(s.r.dimensions[1].score);
    // The overall result follows the framework's rule, leave_out: mean(1.5) = 1.5.
    CHECK(*s.r.overall.score == Approx(1.5));

    SECTION("the overall rule lowest counts a void dimension as the lowest level") {
        // overall = mean(1.5, 0) = 0.75, level 0.
        Scored t = score(framework({{"aggregation", "mean"}, {"unanswered", "lowest"}}, json::object(),
                                   {{"unanswered", "void"}}),
                         {kPartial});
        CHECK_FALSE(t.r.dimensions[1].score);
        CHECK(*t.r.overall.score == Approx(0.75));
        CHECK(t.r.overall.level == 0);
    }
}

TEST_CASE("Unanswered rule in a parent: a void child voids a void parent, counts lowest under lowest", "[scoring][worked][unanswered]") {
    json dims = {{{"id", "top"}, {"name", "Top"}, {"unanswered", "lowest"},
                  {"children", {leaf("gov", {{"unanswered", "void"}}), leaf("data")}}}};
    json fw = {{"format", "yardstick-framework/1"}, {"id", "test-fw"}, {"version", "1.0"}, {"title", "Test"},
               {"licence", "CC BY 4.0"}, {"levels", levels(0, 3)}, {"scoring", {{"aggregation", "mean"}}},
               {"dimensions", dims}};
    // gov void (g2 blank); data inherits lowest from top: mean(2, 0) = 1;
    // top (lowest): mean(gov as level 0, data 1) = 0.5.
    Scored s = score(fw, {kPartial});
    CHECK_FALSE(s.r.dimensions[1].score);
    CHECK(*s.r.dimensions[2].score == Approx(1));
    CHECK(*s.r.dimensions[0].score == Approx(0.5));
}

TEST_CASE("Unanswered rules: a bad value is refused with the place and the choices", "[scoring][unanswered][validation]") {
    for (auto [where, fw_json] :
         std::vector<std::pair<std::string, json>>{{"/scoring/unanswered", framework({{"unanswered", "zero"}})},
                                                   {"/dimensions/1/unanswered", framework(json::object(), json::object(), {{"unanswered", "zero"}})}}) {
        Diagnostics d("fw.json");
        CHECK_FALSE(parse_framework(fw_json, d));
        std::string all = all_problems(d);
        CHECK(all.find(where) != std::string::npos);
        CHECK(all.find("unknown rule for unanswered questions \"zero\"; expected leave_out, lowest or void") !=
              std::string::npos);
    }
}
