// Every input a fuzz target once failed on, kept in tests/data/fuzz-regressions/<target>/,
// read again through the same reader as that target (fuzz/fuzz_readers.h): no crash, no
// exception escaping, and an input that is refused says why.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

// The fuzz targets' code itself, built into this test: an oracle that fails throws here
// (YS_FUZZ_ORACLE_THROWS) instead of aborting as it does under libFuzzer.
#define YS_FUZZ_SOURCE_DIR YS_SOURCE_DIR
#define YS_FUZZ_ORACLE_THROWS
#include "../../fuzz/fuzz_readers.cpp"

namespace fs = std::filesystem;

namespace {

using Reader = void (*)(const std::uint8_t*, std::size_t);

const std::map<std::string, Reader>& readers() {
    static const std::map<std::string, Reader> r = {
        {"json", ys::fuzz::json},
        {"framework", ys::fuzz::framework},
        {"questionnaire", ys::fuzz::questionnaire},
        {"answer_files", ys::fuzz::answer_files},
        {"bundle", ys::fuzz::bundle},
        {"survey_csv", ys::fuzz::survey_csv},
        {"survey_mapping", ys::fuzz::survey_mapping},
        {"roles", ys::fuzz::roles},
        {"assumptions", ys::fuzz::assumptions},
        {"scenario", ys::fuzz::scenario},
    };
    return r;
}

// Targets whose inputs are tested elsewhere (the report template needs yardstick_report).
bool tested_elsewhere(const std::string& target) { return target == "template"; }

std::vector<fs::path> sorted_entries(const fs::path& dir) {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("every saved fuzz input is read again cleanly by its reader", "[fuzz][regression]") {
    const fs::path root = fs::path(YS_TEST_DATA) / "fuzz-regressions";
    REQUIRE(fs::is_directory(root));
    std::size_t inputs = 0;
    for (const auto& dir : sorted_entries(root)) {
        if (!fs::is_directory(dir)) continue;
        const std::string target = dir.filename().string();
        if (tested_elsewhere(target)) continue;
        auto reader = readers().find(target);
        INFO("tests/data/fuzz-regressions/" << target << "/ names no fuzz target");
        REQUIRE(reader != readers().end());
        for (const auto& file : sorted_entries(dir)) {
            if (!fs::is_regular_file(file)) continue;
            std::ifstream in(file, std::ios::binary);
            const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            INFO("input: tests/data/fuzz-regressions/" << target << "/" << file.filename().string());
            CHECK_NOTHROW(reader->second(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
            ++inputs;
        }
    }
    CHECK(inputs > 0);
}

// Inputs too large to keep as files: each was quadratic in time or memory before its fix and
// now takes well under a second. A return of the old behaviour shows as a test that runs for
// many minutes (or runs out of memory), not as a flaky time limit.
namespace {

nlohmann::json tiny_framework(int children = 0) {
    nlohmann::json fw = {{"format", "yardstick-framework/1"}, {"id", "test-fw"}, {"version", "1.0"}, {"title", "T"},
                         {"licence", "CC BY 4.0"},
                         {"levels", {{{"value", 1}, {"name", "L1"}}, {{"value", 2}, {"name", "L2"}}}},
                         {"dimensions", nlohmann::json::array()}};
    nlohmann::json leaf = {{"id", "a"}, {"name", "A"}, {"descriptors", {{"1", "One"}, {"2", "Two"}}}};
    if (children == 0) {
        fw["dimensions"].push_back(leaf);
    } else {
        nlohmann::json parent = {{"id", "p"}, {"name", "P"}, {"children", nlohmann::json::array()}};
        for (int i = 0; i < children; ++i) {
            leaf["id"] = "c" + std::to_string(i);
            parent["children"].push_back(leaf);
        }
        fw["dimensions"].push_back(parent);
    }
    return fw;
}

std::string all_messages(const ys::Diagnostics& d) {
    std::string s;
    for (const auto& x : d.items()) s += ys::to_string(x) + "\n";
    return s;
}

}  // namespace

TEST_CASE("a bundle whose organisations form one long chain of parents is read in linear time", "[fuzz][regression]") {
    nlohmann::json b = {{"format", "yardstick-bundle/1"}, {"created", "2026-03-14T10:00:00Z"},
                        {"organisations", nlohmann::json::array()}};
    const int n = 20000;
    for (int i = 0; i < n; ++i) {
        nlohmann::json o = {{"id", "o" + std::to_string(i)}, {"name", "Org"}, {"type", "other"}};
        if (i > 0) o["parent"] = "o" + std::to_string(i - 1);
        b["organisations"].push_back(o);
    }
    ys::Diagnostics d("chain.json");
    CHECK(ys::parse_bundle(b, d).has_value());
    CHECK(d.items().empty());

    // Closing the chain into one cycle: reported once, at its first member, listing every member.
    b["organisations"][0]["parent"] = "o" + std::to_string(n - 1);
    ys::Diagnostics dc("cycle.json");
    CHECK_FALSE(ys::parse_bundle(b, dc).has_value());
    REQUIRE(dc.items().size() == 1);
    CHECK(dc.items()[0].where == "/organisations/0/parent");
    CHECK(dc.items()[0].message.size() > static_cast<std::size_t>(n) * 4);
}

TEST_CASE("cycles of organisation parents are each reported once at their first member", "[fuzz][regression]") {
    auto org = [](const char* id, const char* parent) {
        nlohmann::json o = {{"id", id}, {"name", "Org"}, {"type", "other"}};
        if (*parent) o["parent"] = parent;
        return o;
    };
    // a leads into the cycle b -> c -> b; d is its own parent; e leads into d; f is fine.
    nlohmann::json b = {{"format", "yardstick-bundle/1"},
                        {"created", "2026-03-14T10:00:00Z"},
                        {"organisations",
                         {org("a", "b"), org("b", "c"), org("c", "b"), org("e", "d"), org("d", "d"), org("f", "a")}}};
    ys::Diagnostics d("cycles.json");
    CHECK_FALSE(ys::parse_bundle(b, d).has_value());
    CHECK(all_messages(d) ==
          "cycles.json: /organisations/1/parent: organisation parents form a cycle: b -> c -> b\n"
          "cycles.json: /organisations/4/parent: organisation parents form a cycle: d -> d\n");
}

TEST_CASE("a questionnaire whose conditions all refer forward is read in linear time", "[fuzz][regression]") {
    // n questions, each with a condition on the next: n - 1 forward references, one unknown
    // question (the last refers past the end) and the limit of 2000 questions.
    auto questionnaire = [](int n, bool conditions) {
        nlohmann::json questions = nlohmann::json::array();
        for (int i = 0; i < n; ++i) {
            nlohmann::json qu = {{"id", "q" + std::to_string(i)}, {"kind", "number"}, {"text", "How many?"},
                                 {"dimension", "a"}, {"bands", {{{"min", 0}, {"score", 1}}, {{"min", 5}, {"score", 2}}}}};
            if (conditions) qu["condition"] = {{"question", "q" + std::to_string(i + 1)}, {"score_at_least", 1}};
            questions.push_back(qu);
        }
        return nlohmann::json{{"format", "yardstick-questionnaire/1"}, {"id", "test-q"}, {"version", "1.0"},
                              {"title", "T"}, {"framework", {{"id", "test-fw"}, {"versions", {"1.*"}}}},
                              {"audience", "organisation"},
                              {"sections", {{{"id", "s"}, {"title", "S"}, {"questions", questions}}}}};
    };
    const int n = 20000;
    ys::Diagnostics d("forward.json");
    CHECK_FALSE(ys::parse_questionnaire(questionnaire(n, true), d).has_value());
    CHECK(d.error_count() == static_cast<std::size_t>(n + 1));
    // Only the first problems are kept; the last line counts the rest.
    REQUIRE(d.items().size() == ys::kMaxProblemsPerFile + 1);
    CHECK(ys::to_string(d.items().front()) ==
          "forward.json: /sections/0/questions/0/condition/question: the condition refers forward to \"q1\"; it may "
          "only refer to an earlier question");
    CHECK(ys::to_string(d.items().back()) ==
          "forward.json: " + std::to_string(n + 1 - ys::kMaxProblemsPerFile) + " more problems were found and not shown (" +
              std::to_string(n + 1 - ys::kMaxProblemsPerFile) + " errors, 0 warnings); at most 1000 are listed per file");

    // The two messages the cap hides above, each on its own.
    ys::Diagnostics few("few.json");
    CHECK_FALSE(ys::parse_questionnaire(questionnaire(3, true), few).has_value());
    CHECK(all_messages(few).find("unknown question \"q3\"") != std::string::npos);
    ys::Diagnostics many("many.json");
    CHECK_FALSE(ys::parse_questionnaire(questionnaire(2001, false), many).has_value());
    CHECK(many.error_count() == 1);
    CHECK(all_messages(many).find("at most 2000 questions are allowed") != std::string::npos);
}

TEST_CASE("a framework with more facets than the limit is refused before every dimension copies them", "[fuzz][regression]") {
    // Before the limit, 3000 facets on a parent of 3000 children made 9 million inherited
    // facet entries from a 400 KB file (about 1.7 GB).
    const int n = 3000;
    nlohmann::json fw = tiny_framework(n);
    fw["facets"] = nlohmann::json::array();
    for (int i = 0; i < n; ++i) {
        fw["facets"].push_back({{"id", "f" + std::to_string(i)}, {"name", "F"}, {"values", {{{"id", "v"}, {"name", "V"}}}}});
        fw["dimensions"][0]["facets"]["f" + std::to_string(i)] = "v";
    }
    ys::Diagnostics d("facets.json");
    CHECK_FALSE(ys::parse_framework(fw, d).has_value());
    CHECK(all_messages(d).find("facets.json: /facets: at most 16 facets are allowed, found 3000") != std::string::npos);

    // At the limit every child inherits every facet.
    fw["facets"].erase(fw["facets"].begin() + static_cast<std::ptrdiff_t>(ys::kMaxFacets), fw["facets"].end());
    fw["dimensions"][0]["facets"] = nlohmann::json::object();
    for (std::size_t i = 0; i < ys::kMaxFacets; ++i) fw["dimensions"][0]["facets"]["f" + std::to_string(i)] = "v";
    ys::Diagnostics ok("facets.json");
    auto parsed = ys::parse_framework(fw, ok);
    REQUIRE(parsed.has_value());
    CHECK(parsed->dimensions.back().facets.size() == ys::kMaxFacets);
}

TEST_CASE("a framework with many references to responsibilities and dimensions is read in linear time", "[fuzz][regression]") {
    const int n = 20000;
    nlohmann::json fw = tiny_framework(n);
    fw["responsibilities"] = nlohmann::json::array();
    for (int i = 0; i < n; ++i)
        fw["responsibilities"].push_back({{"id", "r" + std::to_string(i)}, {"name", "R"}, {"tier", "foundation"},
                                          {"from_level", 1}, {"dimensions", {"c" + std::to_string(n - 1 - i)}}});
    nlohmann::json& leaf = fw["dimensions"][0]["children"][0];
    leaf["actions"] = nlohmann::json::array();
    for (int i = 0; i < n; ++i)
        leaf["actions"].push_back({{"id", "x" + std::to_string(i)}, {"from", 1}, {"to", 2}, {"title", "Do it"},
                                   {"effort", "small"}, {"responsibilities", {"r" + std::to_string(n - 1 - i)}}});
    ys::Diagnostics d("refs.json");
    auto parsed = ys::parse_framework(fw, d);
    INFO(all_messages(d));
    REQUIRE(parsed.has_value());
    CHECK(parsed->responsibilities.size() == static_cast<std::size_t>(n));

    // A questionnaire binding to its last leaf finds it by index, not by a search per question.
    nlohmann::json questions = nlohmann::json::array();
    for (std::size_t i = 0; i < ys::kMaxQuestions; ++i)
        questions.push_back({{"id", "q" + std::to_string(i)}, {"kind", "number"}, {"text", "How many?"},
                             {"dimension", "c" + std::to_string(n - 1)},
                             {"bands", {{{"min", 0}, {"score", 1}}, {{"min", 5}, {"score", 2}}}}});
    nlohmann::json q = {{"format", "yardstick-questionnaire/1"}, {"id", "test-q"}, {"version", "1.0"},
                        {"title", "T"}, {"framework", {{"id", "test-fw"}, {"versions", {"1.*"}}}},
                        {"audience", "organisation"},
                        {"sections", {{{"id", "s"}, {"title", "S"}, {"questions", questions}}}}};
    ys::Diagnostics dq("q.json");
    auto parsed_q = ys::parse_questionnaire(q, dq);
    REQUIRE(parsed_q.has_value());
    CHECK(ys::bind_questionnaire(*parsed_q, *parsed, dq));
    CHECK(parsed_q->questions.back().dimension == n);
}
