// Worked examples of facet cells combined by the facet's own aggregation rule ("aggregation" on a
// facet: mean, weighted_mean, min, sum or gated); each figure is worked by hand beside it.
#include <catch2/catch.hpp>

#include "scoring.h"
#include "test_helpers.h"

using namespace ys;
using namespace ys::test;
using nlohmann::json;

namespace {

// Levels 0-3; leaves gov and data; facet "theme" with values people and process.
json framework(const json& facet_extra, const json& scoring = {{"aggregation", "mean"}}) {
    json facet = {{"id", "theme"}, {"name", "Theme"},
                  {"values", {{{"id", "people"}, {"name", "People"}}, {{"id", "process"}, {"name", "Process"}}}}};
    facet.update(facet_extra);
    auto leaf = [](const std::string& id) { return json{{"id", id}, {"name", id}, {"descriptors", descriptors(0, 3)}}; };
    return {{"format", "yardstick-framework/1"}, {"id", "test-fw"}, {"version", "1.0"}, {"title", "Test"},
            {"licence", "CC BY 4.0"}, {"levels", levels(0, 3)}, {"scoring", scoring}, {"facets", {facet}},
            {"dimensions", {leaf("gov"), leaf("data")}}};
}

// g1 people, g2 and g3 process (gov); d1 people, d2 process (data). Weights g2 3, d2 2;
// gate levels g1 1, g2 1, g3 2, d1 2, d2 3 (read only by a gated facet).
json questions(bool gates) {
    struct Spec {
        const char* id;
        const char* dim;
        const char* theme;
        double weight;
        int gate;
    };
    std::vector<json> out;
    for (const Spec& s : {Spec{"g1", "gov", "people", 1, 1}, Spec{"g2", "gov", "process", 3, 1},
                          Spec{"g3", "gov", "process", 1, 2}, Spec{"d1", "data", "people", 1, 2},
                          Spec{"d2", "data", "process", 2, 3}}) {
        json q = choice(s.id, s.dim, {0, 1, 2, 3});
        q["facets"] = {{"theme", s.theme}};
        q["weight"] = s.weight;
        if (gates) q["gate_level"] = s.gate;
        out.push_back(q);
    }
    return questionnaire("test-fw", out);
}

json pick(int score) { return {{"value", "s" + std::to_string(score)}}; }

// g1 3, g2 1, g3 2, d1 2, d2 0.
const json kAll = {{"g1", pick(3)}, {"g2", pick(1)}, {"g3", pick(2)}, {"d1", pick(2)}, {"d2", pick(0)}};

FacetMatrix facet(const json& fw_json, const json& given = kAll) {
    Framework fw = make_framework(fw_json);
    bool gated = fw.facets[0].aggregation == Aggregation::Gated;
    Questionnaire q = make_questionnaire(questions(gated), fw);
    AnswerSet a = make_answers(answers({{{"id", "r1"}, {"answers", given}}}), q);
    RoundResult r = score_round(fw, q, {&a});
    REQUIRE(r.facets.size() == 1);
    return r.facets[0];
}

// Cells are row-major: gov/people, gov/process, data/people, data/process.
constexpr int kGovPeople = 0, kGovProcess = 1, kDataPeople = 2, kDataProcess = 3;
constexpr int kPeople = 0, kProcess = 1;

}  // namespace

TEST_CASE("Facet rule mean (the default): cells and columns are the mean of their questions", "[scoring][worked][facets]") {
    FacetMatrix m = facet(framework(json::object()));
    // gov/people = 3; gov/process = (1 + 2) / 2 = 1.5; data/people = 2; data/process = 0.
    CHECK(*m.cells[kGovPeople] == Approx(3));
    CHECK(*m.cells[kGovProcess] == Approx(1.5));
    CHECK(*m.cells[kDataPeople] == Approx(2));
    CHECK(*m.cells[kDataProcess] == Approx(0));
    // people = (3 + 2) / 2 = 2.5; process = (1 + 2 + 0) / 3 = 1.
    CHECK(*m.column_means[kPeople] == Approx(2.5));
    CHECK(*m.column_means[kProcess] == Approx(1));
}

TEST_CASE("Facet rule min: a minimum-based model's theme scores", "[scoring][worked][facets]") {
    FacetMatrix m = facet(framework({{"aggregation", "min"}}));
    // gov/process = min(1, 2) = 1; people = min(3, 2) = 2; process = min(1, 2, 0) = 0.
    CHECK(*m.cells[kGovProcess] == Approx(1));
    CHECK(*m.cells[kGovPeople] == Approx(3));
    CHECK(*m.column_means[kPeople] == Approx(2));
    CHECK(*m.column_means[kProcess] == Approx(0));
}

TEST_CASE("Facet rule sum", "[scoring][worked][facets]") {
    FacetMatrix m = facet(framework({{"aggregation", "sum"}}));
    // gov/process = 1 + 2 = 3; people = 3 + 2 = 5; process = 1 + 2 + 0 = 3.
    CHECK(*m.cells[kGovProcess] == Approx(3));
    CHECK(*m.column_means[kPeople] == Approx(5));
    CHECK(*m.column_means[kProcess] == Approx(3));
}

TEST_CASE("Facet rule weighted_mean uses the questions' weights", "[scoring][worked][facets]") {
    FacetMatrix m = facet(framework({{"aggregation", "weighted_mean"}}));
    // gov/process = (3 x 1 + 1 x 2) / (3 + 1) = 1.25;
    // process = (3 x 1 + 1 x 2 + 2 x 0) / (3 + 1 + 2) = 5/6.
    CHECK(*m.cells[kGovProcess] == Approx(1.25));
    CHECK(*m.column_means[kProcess] == Approx(5.0 / 6.0));
    // people: weights 1 and 1, (3 + 2) / 2 = 2.5.
    CHECK(*m.column_means[kPeople] == Approx(2.5));
}

TEST_CASE("Facet rule gated uses the questions' gate levels, met at their top score", "[scoring][worked][facets]") {
    FacetMatrix m = facet(framework({{"aggregation", "gated"}}));
    // people: g1 (gate 1) = 3 met, d1 (gate 2) = 2 not met: level 1 reached, level 2 not -> 1.
    CHECK(*m.column_means[kPeople] == Approx(1));
    // process: g2 (gate 1) = 1 not met -> stays at the lowest level, 0.
    CHECK(*m.column_means[kProcess] == Approx(0));
    // gov/people: only g1 (gate 1, met); no items gate levels 2 and 3 -> 3.
    CHECK(*m.cells[kGovPeople] == Approx(3));
    // gov/process: g2 (gate 1) not met -> 0.
    CHECK(*m.cells[kGovProcess] == Approx(0));
}

TEST_CASE("Facet cells follow each leaf's rule for unanswered questions", "[scoring][worked][facets][unanswered]") {
    json given = kAll;
    given.erase("d2");  // data/process left blank
    SECTION("leave_out: the cell has no score, the column is scored on the rest") {
        FacetMatrix m = facet(framework({{"aggregation", "min"}}), given);
        CHECK_FALSE(m.cells[kDataProcess]);
        // process = min(1, 2) = 1.
        CHECK(*m.column_means[kProcess] == Approx(1));
    }
    SECTION("lowest: the blank counts 0") {
        FacetMatrix m = facet(framework({{"aggregation", "min"}}, {{"aggregation", "mean"}, {"unanswered", "lowest"}}), given);
        // data/process = 0; process = min(1, 2, 0) = 0.
        CHECK(*m.cells[kDataProcess] == Approx(0));
        CHECK(*m.column_means[kProcess] == Approx(0));
    }
    SECTION("void: the cell and its column have no score; other cells are unaffected") {
        FacetMatrix m = facet(framework({{"aggregation", "mean"}}, {{"aggregation", "mean"}, {"unanswered", "void"}}), given);
        CHECK_FALSE(m.cells[kDataProcess]);
        CHECK_FALSE(m.column_means[kProcess]);
        CHECK(*m.cells[kGovProcess] == Approx(1.5));
        CHECK(*m.column_means[kPeople] == Approx(2.5));
    }
}

TEST_CASE("Facet rules: bad aggregation and missing gate levels are refused", "[scoring][facets][validation]") {
    Diagnostics d("fw.json");
    CHECK_FALSE(parse_framework(framework({{"aggregation", "median"}}), d));
    CHECK(all_problems(d).find("/facets/0/aggregation") != std::string::npos);
    CHECK(all_problems(d).find("unknown aggregation \"median\"") != std::string::npos);

    Framework fw = make_framework(framework({{"aggregation", "gated"}}));
    Diagnostics dq("q.json");
    auto q = parse_questionnaire(questions(false), dq);
    REQUIRE(q);
    CHECK_FALSE(bind_questionnaire(*q, fw, dq));
    CHECK(all_problems(dq).find("question has a value of facet \"theme\", which is combined by gates, and needs a gate_level") !=
          std::string::npos);
}
