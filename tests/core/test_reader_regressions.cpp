// Bugs found in the readers, each kept as a test.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "catalogue.h"
#include "targets.h"
#include "test_helpers.h"

using namespace ys;
using namespace ys::test;
using nlohmann::json;

namespace {
json tiny_framework() {
    return {{"format", "yardstick-framework/1"}, {"id", "test-fw"}, {"version", "1.0"}, {"title", "T"}, {"licence", "CC BY 4.0"},
            {"levels", levels(1, 5)}, {"dimensions", {{{"id", "a"}, {"name", "A"}, {"descriptors", descriptors(1, 5)}}}}};
}
}  // namespace

TEST_CASE("a wrongly typed id or kind is reported, never thrown", "[regression]") {
    json q = questionnaire("test-fw", {choice("q1", "a", {1, 2, 3})});
    json forward = choice("q2", "a", {1, 2});
    forward["condition"] = {{"question", "q3"}, {"any_of", {"s0"}}};
    json typed = choice("q3", "a", {1, 2});
    typed["id"] = 42;
    typed["kind"] = 7;
    typed["bogus"] = true;
    q["sections"][0]["questions"].push_back(forward);
    q["sections"][0]["questions"].push_back(typed);
    Diagnostics d("q.json");
    CHECK_NOTHROW(parse_questionnaire(q, d));
    CHECK(d.has_errors());

    std::string path = (std::filesystem::temp_directory_path() / "ys-regression-typed-id.json").string();
    json fw = tiny_framework();
    fw["id"] = 12;
    fw["title"] = json::array();
    std::ofstream(path) << fw.dump();
    Catalogue cat;
    Diagnostics dc(path);
    CHECK_NOTHROW(cat.add_file(path, "given", dc));
    CHECK(dc.has_errors());
}

TEST_CASE("a reader judges its own document, not errors already collected", "[regression]") {
    Diagnostics d("earlier.json");
    d.error("/", "a problem in another file");
    CHECK(parse_framework(tiny_framework(), d).has_value());
    Framework fw = make_framework(tiny_framework());
    CHECK(parse_questionnaire(questionnaire("test-fw", {choice("q1", "a", {1, 2})}), d).has_value());
}

TEST_CASE("a chain of conditions drops every answer whose question was not asked", "[regression]") {
    Framework fw = make_framework(tiny_framework());
    json q1 = choice("q1", "a", {1, 2}), q2 = choice("q2", "a", {1, 2}), q3 = choice("q3", "a", {1, 2});
    q2["condition"] = {{"question", "q1"}, {"any_of", {"s1"}}};
    q3["condition"] = {{"question", "q2"}, {"any_of", {"s1"}}};
    Questionnaire q = make_questionnaire(questionnaire("test-fw", {q1, q2, q3}), fw);
    Diagnostics d("answers.json");
    auto a = parse_answers(answers({{{"id", "r1"}, {"answers", {{"q1", {{"value", "s0"}}}, {"q2", {{"value", "s1"}}},
                                                                {"q3", {{"value", "s1"}}}}}}}),
                           q, d);
    REQUIRE(a);
    CHECK(a->respondents[0].answers.size() == 1);  // q2 not asked (q1 is s0), so neither is q3
    CHECK(d.items().size() == 2);
}

TEST_CASE("dates before 1900 are refused everywhere alike", "[regression]") {
    CHECK_FALSE(is_iso_date("0000-01-01"));
    CHECK(is_iso_date("2027-03-31"));
}
