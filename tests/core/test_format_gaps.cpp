// The smaller format rules: fractional targets, actions without an effort, leaves without a
// level 0 descriptor, and a questionnaire whose framework is invalid (not missing).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "scoring.h"
#include "targets.h"
#include "test_helpers.h"
#include "validate.h"

using namespace ys;
using namespace ys::test;
using nlohmann::json;

namespace {

// Levels 0-3, one leaf "gov" scored by two questions 0-3.
json framework(json leaf_extra = json::object()) {
    json leaf = {{"id", "gov"}, {"name", "Governance"}, {"descriptors", descriptors(0, 3)}};
    leaf.update(leaf_extra);
    return {{"format", "yardstick-framework/1"}, {"id", "test-fw"}, {"version", "1.0"}, {"title", "Test"},
            {"licence", "CC BY 4.0"}, {"levels", levels(0, 3)}, {"scoring", {{"aggregation", "mean"}}},
            {"dimensions", {leaf}}};
}

json targets(const json& level) {
    return {{"format", "yardstick-targets/1"}, {"framework", "test-fw"},
            {"targets", {{{"dimension", "gov"}, {"level", level}}}}};
}

}  // namespace

TEST_CASE("Targets may be fractional where the scores are", "[targets][worked]") {
    Framework fw = make_framework(framework());
    Questionnaire q = make_questionnaire(
        questionnaire("test-fw", {choice("g1", "gov", {0, 1, 2, 3}), choice("g2", "gov", {0, 1, 2, 3})}), fw);
    auto scored = [&](int a, int b) {
        AnswerSet s = make_answers(
            answers({{{"id", "r1"}, {"answers", {{"g1", {{"value", "s" + std::to_string(a)}}}, {"g2", {{"value", "s" + std::to_string(b)}}}}}}}), q);
        return score_round(fw, q, {&s});
    };
    Diagnostics d("targets.json");
    auto t = parse_targets(targets(2.5), fw, d);
    REQUIRE(t);
    CHECK(t->targets[0].level == Approx(2.5));

    // g1 3, g2 1: gov = 2 (level 2); target 2.5: gap 0.5, not met; 1 - 0.5 / 2.5 = 80% to target.
    RoundResult r = scored(3, 1);
    apply_targets(r, fw, *t);
    CHECK(*r.dimensions[0].target == Approx(2.5));
    CHECK(*r.dimensions[0].gap == Approx(0.5));
    CHECK_FALSE(r.dimensions[0].target_met());
    CHECK(*r.percent_to_target == Approx(0.8));
    // g1 3, g2 2: gov = 2.5, still level 2, but the score meets the target: gap 0.
    RoundResult met = scored(3, 2);
    apply_targets(met, fw, *t);
    CHECK(met.dimensions[0].level == 2);
    CHECK(met.dimensions[0].target_met());
    CHECK(*met.dimensions[0].gap == Approx(0));

    // Shown as written; whole targets stay whole numbers in JSON; the level worked towards is 3.
    CHECK(target_text(2.5) == "2.5");
    CHECK(target_text(3) == "3");
    CHECK(target_json(3).is_number_integer());
    CHECK(target_json(2.5).get<double>() == Approx(2.5));
    CHECK(target_aim(2.5) == 3);
    CHECK(target_aim(3) == 3);
}

TEST_CASE("A fractional target outside the scale is refused naming the place", "[targets][validation]") {
    Framework fw = make_framework(framework());
    Diagnostics d("targets.json");
    CHECK_FALSE(parse_targets(targets(3.5), fw, d));
    std::string all = all_problems(d);
    CHECK(all.find("targets.json") != std::string::npos);
    CHECK(all.find("/targets/0/level") != std::string::npos);
    CHECK(all.find("expected a level from 0 to 3 (fractions such as 2.5 allowed), found 3.5") != std::string::npos);
    Diagnostics d2("targets.json");
    CHECK_FALSE(parse_targets(targets("high"), fw, d2));
    CHECK(all_problems(d2).find("/targets/0/level") != std::string::npos);
}

TEST_CASE("An action's effort is optional", "[framework][actions]") {
    json action = {{"id", "a1"}, {"from", 0}, {"to", 1}, {"title", "Name an owner"}};
    Framework fw = make_framework(framework({{"actions", {action}}}));
    CHECK_FALSE(fw.dimensions[0].actions[0].effort);
    action["effort"] = "small";
    Framework rated = make_framework(framework({{"actions", {action}}}));
    CHECK(*rated.dimensions[0].actions[0].effort == Effort::Small);
    action["effort"] = "tiny";
    Diagnostics d("fw.json");
    CHECK_FALSE(parse_framework(framework({{"actions", {action}}}), d));
    CHECK(all_problems(d).find("unknown effort \"tiny\"; expected small, medium or large") != std::string::npos);
}

TEST_CASE("A leaf needs no level 0 descriptor, but every other level's", "[framework][descriptors]") {
    json desc = descriptors(1, 3);  // no "0"
    Framework fw = make_framework(framework({{"descriptors", desc}}));
    CHECK_FALSE(fw.dimensions[0].descriptors.count(0));
    CHECK(fw.dimensions[0].descriptors.count(1));

    desc.erase("2");
    Diagnostics d("fw.json");
    CHECK_FALSE(parse_framework(framework({{"descriptors", desc}}), d));
    CHECK(all_problems(d).find("missing the descriptor for level 2") != std::string::npos);
    CHECK(all_problems(d).find("level 0") == std::string::npos);
}

TEST_CASE("A questionnaire whose framework fails validation is told the framework is invalid", "[validate][catalogue]") {
    namespace fs = std::filesystem;
    fs::path dir = fs::temp_directory_path() / "ys-format-gaps";
    fs::remove_all(dir);
    fs::create_directories(dir);
    json fw = json::parse(std::ifstream(std::string(YS_TEST_DATA) + "/frameworks/tiny-example.json"));
    fw.erase("licence");  // one problem: a required field missing
    std::string fw_path = (dir / "tiny-example-broken.json").string();
    std::ofstream(fw_path) << fw.dump(2);
    ValidateRequest req;
    req.files = {fw_path, std::string(YS_TEST_DATA) + "/questionnaires/tiny-check.json"};
    ValidateReport rep = validate_files(req);
    CHECK_FALSE(rep.ok());
    std::string q_problems;
    for (const auto& x : rep.diagnostics.items())
        if (to_string(x).find("tiny-check.json") != std::string::npos) q_problems += to_string(x) + "\n";
    INFO(q_problems);
    CHECK(q_problems.find("framework \"tiny-example\"") != std::string::npos);
    CHECK(q_problems.find("is invalid: " + fw_path + " failed validation") != std::string::npos);
    CHECK(q_problems.find("not found") == std::string::npos);

    // A targets file for the same framework is told the same.
    std::string tg_path = (dir / "targets.json").string();
    std::ofstream(tg_path) << json{{"format", "yardstick-targets/1"}, {"framework", "tiny-example"},
                                   {"targets", {{{"dimension", "data"}, {"level", 2}}}}}
                                  .dump();
    req.files = {fw_path, tg_path};
    ValidateReport targets_report = validate_files(req);
    std::string all;
    for (const auto& x : targets_report.diagnostics.items()) all += to_string(x) + "\n";
    CHECK(all.find("framework \"tiny-example\" is invalid") != std::string::npos);
    fs::remove_all(dir);
}
