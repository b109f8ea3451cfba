// Fairer, observable questions (issue 16 section 2): the rules the shipped questionnaires keep,
// and the `sources` / `source` notes that record where wording came from.
#include <catch2/catch.hpp>

#include <fstream>
#include <string>

#include "catalogue.h"
#include "test_helpers.h"

using namespace ys;
using namespace ys::test;

namespace {

const Catalogue& shipped() {
    static const Catalogue cat = [] {
        Catalogue c;
        c.add_library(YS_SOURCE_DIR, "shipped");
        c.bind_all();
        return c;
    }();
    return cat;
}

const char* const kShippedQuestionnaires[] = {"council-quick-check", "council-full", "childrens-services",
                                              "analyst-skills-self-assessment"};

nlohmann::json tiny_framework() {
    return {{"format", "yardstick-framework/1"}, {"id", "fw"}, {"version", "1.0"}, {"title", "F"},
            {"licence", "CC BY 4.0"}, {"levels", levels(1, 5)},
            {"dimensions", {{{"id", "d"}, {"name", "D"}, {"descriptors", descriptors(1, 5)}}}}};
}

nlohmann::json questionnaire_with(nlohmann::json question) {
    return {{"format", "yardstick-questionnaire/1"}, {"id", "q"}, {"version", "1.0"}, {"title", "Q"},
            {"framework", {{"id", "fw"}, {"versions", {"1.*"}}}}, {"audience", "organisation"},
            {"sections", {{{"id", "s"}, {"title", "S"}, {"questions", {question}}}}}};
}

// `doc` is refused with exactly one error, at `pointer`, whose line contains `words`.
void refused_once(const nlohmann::json& doc, const char* pointer, const char* words) {
    Diagnostics d("q.json");
    auto q = parse_questionnaire(doc, d);
    CHECK(!q);
    REQUIRE(d.error_count() == 1);
    const std::string line = to_string(d.items()[0]);
    INFO(line);
    CHECK(d.items()[0].where == pointer);
    CHECK(line.find(words) != std::string::npos);
}

}  // namespace

TEST_CASE("every quick-check question asks for evidence", "[content][fair]") {
    auto quick = shipped().questionnaire("council-quick-check");
    REQUIRE(quick);
    REQUIRE(!quick->questions.empty());
    for (const auto& q : quick->questions) {
        INFO(q.id);
        CHECK(!q.evidence_prompt.empty());
    }
}

TEST_CASE("'neither agree nor disagree' never lands on the middle level or above", "[content][fair]") {
    // The midpoint is mostly read as "no opinion" (sources in the questionnaires): it is no
    // evidence that a practice is established, whichever way the statement is worded.
    int neutral_options = 0;
    for (const char* id : kShippedQuestionnaires) {
        auto q = shipped().questionnaire(id);
        REQUIRE(q);
        auto fw = shipped().framework(q->framework_id);
        REQUIRE(fw);
        const double middle = (fw->min_level() + fw->max_level()) / 2.0;
        for (const auto& question : q->questions) {
            if (question.kind != QuestionKind::Likert) continue;
            for (const auto& o : question.options) {
                if (o.label != "Neither agree nor disagree") continue;
                ++neutral_options;
                INFO(id << " " << question.id);
                CHECK(o.score < middle);
            }
        }
    }
    CHECK(neutral_options > 0);  // the check above looked at something
}

TEST_CASE("a questionnaire about a whole council asks for rates, not counts that grow with its size",
          "[content][fair]") {
    int numbers = 0;
    for (const char* id : kShippedQuestionnaires) {
        auto q = shipped().questionnaire(id);
        REQUIRE(q);
        if (q->audience == Audience::Individual) continue;
        for (const auto& question : q->questions) {
            if (question.kind != QuestionKind::Number) continue;
            ++numbers;
            INFO(id << " " << question.id << " unit \"" << question.unit << "\"");
            CHECK((question.unit == "%" || question.unit.find(" per ") != std::string::npos));
        }
    }
    CHECK(numbers > 0);
}

TEST_CASE("the analyst self-assessment rates skill, not the number of tools ticked", "[content][fair]") {
    auto q = shipped().questionnaire("analyst-skills-self-assessment");
    REQUIRE(q);
    for (const auto& question : q->questions) {
        INFO(question.id);
        CHECK(question.kind != QuestionKind::Checklist);
    }
    CHECK(q->find_question("q-scripting-depth") >= 0);
}

TEST_CASE("a shipped question with a source note sits in a questionnaire that lists its sources", "[content][fair]") {
    // The notes are checked by the reader but not kept, so the files are read as JSON here.
    int notes = 0;
    for (const char* id : kShippedQuestionnaires) {
        const std::string path = std::string(YS_SOURCE_DIR) + "/questionnaires/" + id + ".json";
        std::ifstream in(path);
        REQUIRE(in);
        const auto doc = nlohmann::json::parse(in);
        for (const auto& section : doc.at("sections"))
            for (const auto& question : section.at("questions")) {
                if (!question.contains("source")) continue;
                ++notes;
                INFO(id << " " << question.at("id").get<std::string>());
                CHECK(doc.contains("sources"));
                CHECK(!question.at("source").get<std::string>().empty());
            }
    }
    CHECK(notes > 0);
}

TEST_CASE("questionnaire sources and a question's source note are read", "[questionnaire][fair]") {
    Framework fw = make_framework(tiny_framework());
    nlohmann::json question = choice("q1", "d", {1, 3, 5});
    question["source"] = "Reworded in 2026: it asked two things at once.";
    nlohmann::json doc = questionnaire_with(question);
    doc["sources"] = {{{"title", "A survey design guide"}, {"publisher", "Someone"}, {"year", 2002},
                       {"url", "https://example.org/guide"}, {"note", "Used for the wording."}}};
    Diagnostics d("q.json");
    auto q = parse_questionnaire(doc, d);
    INFO(all_problems(d));
    REQUIRE(q);
    CHECK(d.items().empty());
    CHECK(bind_questionnaire(*q, fw, d));
}

TEST_CASE("bad questionnaire sources are refused with the place and what was expected", "[questionnaire][fair]") {
    struct Bad {
        const char* what;
        nlohmann::json sources;      // null: leave the list out
        nlohmann::json source_note;  // null: leave the note out
        const char* pointer;
        const char* words;
    };
    const Bad cases[] = {
        {"a source without a title", {{{"publisher", "Someone"}}}, nullptr, "/sources/0/title", "missing"},
        {"a source with an unknown key", {{{"title", "T"}, {"author", "Someone"}}}, nullptr, "/sources/0/author",
         "unknown key \"author\""},
        {"sources not an array", {{"title", "T"}}, nullptr, "/sources", "array"},
        {"a year that is not a whole number", {{{"title", "T"}, {"year", "2002"}}}, nullptr, "/sources/0/year",
         "expected"},
        {"a source note that is not text", nullptr, 7, "/sections/0/questions/0/source", "expected a string"},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        nlohmann::json question = choice("q1", "d", {1, 3, 5});
        if (!c.source_note.is_null()) question["source"] = c.source_note;
        nlohmann::json doc = questionnaire_with(question);
        if (!c.sources.is_null()) doc["sources"] = c.sources;
        refused_once(doc, c.pointer, c.words);
    }
}

TEST_CASE("a questionnaire lists the questions it retired, each with what replaces it and why",
          "[questionnaire][fair][retired]") {
    nlohmann::json doc = questionnaire_with(choice("q-rate", "d", {1, 3, 5}));
    doc["retired"] = {{{"id", "q-count"}, {"replaced_by", "q-rate"}, {"note", "A count grew with size."}},
                      {{"id", "q-old"}, {"note", "Asked two things at once."}}};
    Diagnostics d("q.json");
    auto q = parse_questionnaire(doc, d);
    INFO(all_problems(d));
    REQUIRE(q);
    REQUIRE(q->retired.size() == 2);
    REQUIRE(q->find_retired("q-count"));
    CHECK(q->find_retired("q-count")->replaced_by == "q-rate");
    CHECK(q->find_retired("q-old")->replaced_by.empty());
    CHECK(q->find_retired("q-rate") == nullptr);
    // The shipped full assessment retires the two counts the fairness review replaced.
    auto full = shipped().questionnaire("council-full");
    REQUIRE(full);
    REQUIRE(full->find_retired("full-skills-analysts"));
    CHECK(full->find_retired("full-skills-analysts")->replaced_by == "full-skills-analyst-rate");
    CHECK(full->find_retired("full-gov-isas"));
}

TEST_CASE("bad retired lists are refused with the place and what was expected", "[questionnaire][fair][retired]") {
    struct Bad {
        const char* what;
        nlohmann::json retired;
        const char* pointer;
        const char* words;
    };
    const Bad cases[] = {
        {"a question of this version", {{{"id", "q-rate"}, {"note", "n"}}}, "/retired/0/id", "is a question of this version"},
        {"retired twice", {{{"id", "a"}, {"note", "n"}}, {{"id", "a"}, {"note", "n"}}}, "/retired/1/id", "retired twice"},
        {"replaced by a question this version lacks", {{{"id", "a"}, {"replaced_by", "zz"}, {"note", "n"}}},
         "/retired/0/replaced_by", "expected a question of this version"},
        {"no note", {{{"id", "a"}}}, "/retired/0/note", "missing"},
        {"not a list", {{"id", "a"}}, "/retired", "array"},
        {"an unknown key", {{{"id", "a"}, {"note", "n"}, {"why", "n"}}}, "/retired/0/why", "unknown key"},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        nlohmann::json doc = questionnaire_with(choice("q-rate", "d", {1, 3, 5}));
        doc["retired"] = c.retired;
        refused_once(doc, c.pointer, c.words);
    }
}
