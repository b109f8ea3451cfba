// Crosswalks (yardstick-crosswalk/1): the shipped ones check clean against the shipped
// framework, a worked example by hand, and every class of bad file named by where it is.
#include <catch2/catch.hpp>

#include "catalogue.h"
#include "crosswalk/crosswalk.h"
#include "crosswalk/crosswalk_files.h"
#include "crosswalk/crosswalk_result.h"
#include "validate.h"

using namespace ys;

namespace {

const Catalogue& shipped() {
    static Catalogue c = [] {
        Catalogue cat;
        cat.add_library(YS_SOURCE_DIR, "shipped");
        cat.bind_all();
        return cat;
    }();
    return c;
}

// A small crosswalk onto the shipped framework: two topics and a theme; `mappings` and
// `levels` replace the defaults.
nlohmann::json small(nlohmann::json mappings = nullptr, nlohmann::json levels = nullptr) {
    nlohmann::json j = {
        {"format", "yardstick-crosswalk/1"},
        {"id", "small"},
        {"version", "1.0"},
        {"title", "Small"},
        {"approximation", "An approximation."},
        {"framework", {{"id", "council-data-maturity"}, {"versions", {"1.*"}}}},
        {"questionnaires", {"council-full"}},
        {"to", {{"id", "other"}, {"name", "Other framework"},
                {"levels", levels.is_null() ? nlohmann::json::array({{{"value", 1}, {"name", "One"}},
                                                                     {{"value", 2}, {"name", "Two"}},
                                                                     {{"value", 3}, {"name", "Three"}},
                                                                     {{"value", 4}, {"name", "Four"}},
                                                                     {{"value", 5}, {"name", "Five"}}})
                                            : levels}}},
        {"axes", {{{"id", "topic"}, {"name", "Topic"}, {"items", {{{"id", "t1"}, {"name", "Topic one"}},
                                                                   {{"id", "t2"}, {"name", "Topic two"}}}}},
                  {{"id", "theme"}, {"name", "Theme"}, {"items", {{{"id", "h1"}, {"name", "Theme one"}}}}}}},
    };
    j["mappings"] = mappings.is_null() ? nlohmann::json::array({
                                             {{"dimension", "leadership"}, {"to", {{"t1", 1}, {"h1", 1}}}},
                                             {{"dimension", "governance"}, {"to", {{"t1", 0.5}, {"t2", 1}, {"h1", 0.5}}}},
                                             {{"dimension", "culture"}, {"to", {{"t1", 1}}}},
                                             {{"question", "full-gov-incidents"}, {"to", {{"t2", 1}}}},
                                         })
                                       : mappings;
    return j;
}

// The problems of one crosswalk document, as "WHERE: message" lines.
std::vector<std::string> problems(const nlohmann::json& doc, bool warnings = false) {
    Diagnostics d("x.json");
    if (auto cw = parse_crosswalk(doc, d)) check_crosswalk_in(*cw, shipped(), d);
    std::vector<std::string> out;
    for (const auto& p : d.items())
        if (warnings || p.severity == Severity::Error) out.push_back(p.where + ": " + p.message);
    return out;
}

bool has(const std::vector<std::string>& lines, const std::string& text) {
    for (const auto& l : lines)
        if (l.find(text) != std::string::npos) return true;
    return false;
}

RoundResult round_for(const Framework& fw, const Questionnaire& q) {
    RoundResult r;
    r.dimensions.resize(fw.dimensions.size());
    r.questions.resize(q.questions.size());
    return r;
}

}  // namespace

TEST_CASE("crosswalk: the shipped crosswalks check clean against the shipped framework", "[crosswalk]") {
    for (const char* name : {"cddo-dma-2023.json", "data-orchard-2022.json"}) {
        ValidateRequest req;
        req.files = {std::string(YS_SOURCE_DIR) + "/frameworks/crosswalks/" + name};
        req.library_dirs = {YS_SOURCE_DIR};
        auto rep = validate_files(req);
        INFO(name);
        for (const auto& d : rep.diagnostics.items()) INFO(to_string(d));
        REQUIRE(rep.files.size() == 1);
        CHECK(rep.files[0].ok);
        CHECK(rep.files[0].extra_kind == "crosswalk");
        // Today's framework is mapped whole: a warning here means a dimension or question was missed.
        CHECK(rep.diagnostics.items().empty());
    }
    std::string error;
    CHECK(find_crosswalk("cddo", {YS_SOURCE_DIR}, error).find("cddo-dma-2023.json") != std::string::npos);
    CHECK(find_crosswalk("data-orchard-2022", {YS_SOURCE_DIR}, error).find("data-orchard-2022.json") != std::string::npos);
    CHECK(find_crosswalk("lga", {YS_SOURCE_DIR}, error).empty());
    CHECK(error.find("no crosswalk \"lga\" was found; expected one of cddo (cddo-dma-2023), data-orchard") != std::string::npos);
}

TEST_CASE("crosswalk: a worked example, by hand", "[crosswalk]") {
    Diagnostics d("small.json");
    auto cw = parse_crosswalk(small(), d);
    REQUIRE(cw);
    REQUIRE(check_crosswalk_in(*cw, shipped(), d));
    auto fw = shipped().framework("council-data-maturity");
    auto q = shipped().questionnaire("council-full");
    RoundResult r = round_for(*fw, *q);
    r.dimensions[fw->find_dimension("leadership")].score = 2.0;
    r.dimensions[fw->find_dimension("governance")].score = 4.0;
    r.dimensions[fw->find_dimension("skills")].score = 3.0;  // scored, mapped nowhere
    // culture is mapped but has no score: it lowers coverage, not the score.
    r.questions[q->find_question("full-gov-incidents")].value = 1.0;

    CrosswalkResult res = apply_crosswalk(*cw, *fw, *q, r);
    const auto& t1 = res.items[cw->find_item("t1")];
    const auto& t2 = res.items[cw->find_item("t2")];
    const auto& h1 = res.items[cw->find_item("h1")];
    // t1 = (1 x 2.0 + 0.5 x 4.0) / (1 + 0.5) = 4 / 1.5 = 2.6667 -> level 2; culture's weight 1
    // is mapped but unscored: coverage 1.5 / 2.5 = 0.6.
    REQUIRE(t1.score);
    CHECK(*t1.score == Approx(2.6667).margin(1e-4));
    CHECK(t1.level == 2);
    CHECK(t1.coverage == Approx(0.6));
    // t2 = (1 x 4.0 + 1 x 1.0) / 2 = 2.5 -> level 2 ("Two").
    REQUIRE(t2.score);
    CHECK(*t2.score == Approx(2.5));
    CHECK(crosswalk_level_name(*cw, t2.level) == "Two");
    // h1 = (1 x 2.0 + 0.5 x 4.0) / 1.5 = 2.6667.
    REQUIRE(h1.score);
    CHECK(*h1.score == Approx(2.6667).margin(1e-4));
    // Cells: (t1, h1) = (1x1x2.0 + 0.5x0.5x4.0) / (1 + 0.25) = 3 / 1.25 = 2.4;
    // (t2, h1) = (1x0.5x4.0) / 0.5 = 4.0 -> level 4. The question has no theme: no cell.
    REQUIRE(res.cells.size() == 2);
    for (const auto& c : res.cells) {
        REQUIRE(c.score);
        if (c.row == cw->find_item("t1")) CHECK(*c.score == Approx(2.4));
        else CHECK((*c.score == Approx(4.0) && c.level == 4));
    }
    REQUIRE(res.unmapped.size() == 1);
    CHECK(res.unmapped[0] == "Skills and capacity");

    // Every output says it is an approximation.
    std::ostringstream table;
    write_crosswalk_table(table, res);
    CHECK(table.str().find("In the terms of Other framework, an approximation") != std::string::npos);
    CHECK(table.str().find("Not mapped, so left out of these figures: Skills and capacity") != std::string::npos);
    nlohmann::json j = crosswalk_json(res);
    CHECK(j["approximation"] == true);
    CHECK(j["axes"][0]["items"][0]["score"] == 2.6667);
}

TEST_CASE("crosswalk: another scale is reached by a straight line between the ends", "[crosswalk]") {
    // Levels 0-4: our 1-5 maps to 0-4, so 4.0 -> 3.0 and the mean of 4.0 and 1.0 -> 1.5.
    nlohmann::json levels = nlohmann::json::array();
    for (int v = 0; v <= 4; ++v) levels.push_back({{"value", v}, {"name", "L" + std::to_string(v)}});
    Diagnostics d("small.json");
    auto cw = parse_crosswalk(small(nullptr, levels), d);
    REQUIRE(cw);
    auto fw = shipped().framework("council-data-maturity");
    auto q = shipped().questionnaire("council-full");
    RoundResult r = round_for(*fw, *q);
    r.dimensions[fw->find_dimension("governance")].score = 4.0;
    r.questions[q->find_question("full-gov-incidents")].value = 1.0;
    auto res = apply_crosswalk(*cw, *fw, *q, r);
    REQUIRE(res.items[cw->find_item("t2")].score);
    CHECK(*res.items[cw->find_item("t2")].score == Approx(1.5));
    CHECK(res.items[cw->find_item("t2")].level == 1);
    // A questionnaire the crosswalk does not list: its questions are left out, not an error.
    auto qc = shipped().questionnaire("council-quick-check");
    RoundResult rq = round_for(*fw, *qc);
    rq.dimensions[fw->find_dimension("governance")].score = 4.0;
    auto resq = apply_crosswalk(*cw, *fw, *qc, rq);
    CHECK(*resq.items[cw->find_item("t2")].score == Approx(3.0));
}

TEST_CASE("crosswalk: bad weights, ids and structure are each named where they are", "[crosswalk]") {
    using J = nlohmann::json;
    auto one = [](J to) { return J::array({{{"dimension", "leadership"}, {"to", to}}}); };
    CHECK(has(problems(small(one({{"t1", 0}}))), "/mappings/0/to/t1: expected a weight above 0 and at most 1"));
    CHECK(has(problems(small(one({{"t1", 1.5}}))), "/mappings/0/to/t1: expected a weight above 0 and at most 1 (1: wholly about that item, 0.5: partly), found 1.5"));
    CHECK(has(problems(small(one({{"t1", -1}}))), "/mappings/0/to/t1: expected a weight above 0"));
    CHECK(has(problems(small(one({{"t1", "all"}}))), "/mappings/0/to/t1: expected a weight: a number"));
    CHECK(has(problems(small(one({{"t9", 1}}))), "/mappings/0/to/t9: unknown item \"t9\""));
    CHECK(has(problems(small(one(J::object()))), "/mappings/0/to: expected at least one item"));
    CHECK(has(problems(small(J::array({{{"dimension", "leadership"}}}))), "/mappings/0: expected \"to\""));
    CHECK(has(problems(small(J::array({{{"dimension", "leader"}, {"to", {{"t1", 1}}}}}))),
              "/mappings/0/dimension: unknown dimension \"leader\" in framework \"council-data-maturity\""));
    CHECK(has(problems(small(J::array({{{"question", "full-nope"}, {"to", {{"t1", 1}}}}}))),
              "/mappings/0/question: unknown question \"full-nope\""));
    CHECK(has(problems(small(J::array({{{"dimension", "leadership"}, {"question", "full-gov-dpia"}, {"to", {{"t1", 1}}}}}))),
              "/mappings/0: names both a dimension and a question"));
    CHECK(has(problems(small(J::array({{{"to", {{"t1", 1}}}}}))), "/mappings/0: expected \"dimension\" or \"question\""));
    CHECK(has(problems(small(J::array({{{"dimension", "leadership"}, {"to", {{"t1", 1}}}},
                                       {{"dimension", "leadership"}, {"to", {{"t2", 1}}}}}))),
              "/mappings/1/dimension: \"leadership\" is mapped a second time"));

    J dup = small();
    dup["axes"][1]["items"][0]["id"] = "t1";
    CHECK(has(problems(dup), "/axes/1/items/0/id: a second item \"t1\"; item ids are unique across every axis"));
    J levels = small();
    levels["to"]["levels"][2]["value"] = 7;
    CHECK(has(problems(levels), "/to/levels/2/value: expected 3: level values rise by exactly 1"));
    J format = small();
    format["format"] = "yardstick-crosswalk/2";
    CHECK(has(problems(format), "/format: expected \"yardstick-crosswalk/1\""));
    J version = small();
    version["framework"]["versions"] = {"0.9"};
    CHECK(has(problems(version), "/framework: framework \"council-data-maturity\" version 0.9 was not found"));
    J q = small();
    q["questionnaires"] = {"council-nothing"};
    CHECK(has(problems(q), "/questionnaires/0: questionnaire \"council-nothing\" was not found"));
    J typo = small();
    typo["mapping"] = J::array();
    CHECK(!problems(typo).empty());
}

TEST_CASE("crosswalk: what is mapped to nothing is a warning, not an error", "[crosswalk]") {
    // Only leadership mapped, to t1 and h1: eight dimensions unmapped on both axes, t2 empty.
    auto p = problems(small(nlohmann::json::array({{{"dimension", "leadership"}, {"to", {{"t1", 1}, {"h1", 1}}}}})), true);
    CHECK(problems(small(nlohmann::json::array({{{"dimension", "leadership"}, {"to", {{"t1", 1}, {"h1", 1}}}}}))).empty());
    CHECK(has(p, "/mappings: dimension \"governance\" (Governance, ethics and information sharing) is mapped to no topic or theme of Other framework"));
    CHECK(has(p, "/mappings: question \"full-gov-dpia\" of council-full 1.1 reaches no topic or theme"));
    CHECK(has(p, "/axes: topic \"Topic two\" has nothing mapped to it"));
    CHECK(!has(p, "question \"full-lead-owner\""));  // reached through leadership
    // Mapped on one axis only: the other is named.
    auto half = problems(small(nlohmann::json::array({{{"dimension", "leadership"}, {"to", {{"t1", 1}}}}})), true);
    CHECK(has(half, "dimension \"leadership\" (Leadership and strategy) is mapped to no theme of Other framework"));
}
