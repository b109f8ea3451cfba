#pragma once
// Shared by the benchmark tests: a two-dimension framework, rounds scored inline (so
// coverage and respondent counts are real) and small lookups into a result.
#include <catch2/catch.hpp>

#include <cctype>
#include <memory>
#include <string>
#include <vector>

#include "benchmark.h"
#include "scoring.h"
#include "test_helpers.h"

namespace ys::test::bench {

using nlohmann::json;

// Two dimensions, levels 1-5 (named L1..L5), combined by median, overall the mean of the two.
inline json bench_framework(const std::string& id = "test-fw", const std::string& version = "1.0") {
    auto leaf = [](const std::string& did, const std::string& name) {
        return json{{"id", did}, {"name", name}, {"descriptors", descriptors(1, 5)}};
    };
    return {{"format", "yardstick-framework/1"},
            {"id", id},
            {"version", version},
            {"title", "Test framework"},
            {"licence", "CC BY 4.0"},
            {"levels", levels(1, 5)},
            {"scoring", {{"aggregation", "mean"}, {"combine", "median"}}},
            {"dimensions", {leaf("gov", "Governance"), leaf("data", "Data")}}};
}

inline const std::vector<double> kLevels = {1, 2, 3, 4, 5};

// g1, g2 measure governance; d1, d2 measure data. Option "s<k>" scores k + 1.
inline json bench_questionnaire(const std::string& fw_id, const std::string& q_id = "test-q",
                         const std::string& fw_versions = "1.*") {
    return questionnaire(fw_id,
                         {choice("g1", "gov", kLevels), choice("g2", "gov", kLevels), choice("d1", "data", kLevels),
                          choice("d2", "data", kLevels)},
                         {{"id", q_id}, {"framework", {{"id", fw_id}, {"versions", {fw_versions}}}}});
}

struct Setup {
    std::shared_ptr<const Framework> fw;
    Questionnaire q;
};

inline Setup setup(const std::string& fw_id = "test-fw", const std::string& version = "1.0",
            const std::string& q_id = "test-q") {
    auto fw = std::make_shared<const Framework>(make_framework(bench_framework(fw_id, version)));
    Questionnaire q = make_questionnaire(bench_questionnaire(fw_id, q_id, version.substr(0, 1) + ".*"), *fw);
    return {fw, q};
}

// An answer: a level 1-5, or 0 for "don't know"; -1 leaves the question blank.
inline json pick(int level) {
    if (level == 0) return {{"dont_know", true}};
    return {{"value", "s" + std::to_string(level - 1)}};
}

inline json respondent(const std::string& id, const std::vector<int>& g1g2d1d2) {
    static const char* qs[] = {"g1", "g2", "d1", "d2"};
    json a = json::object();
    for (std::size_t i = 0; i < 4; ++i)
        if (g1g2d1d2[i] >= 0) a[qs[i]] = pick(g1g2d1d2[i]);
    return {{"id", id}, {"answers", a}};
}

// n respondents who all give the same answers.
inline std::vector<json> same(int n, const std::vector<int>& answers) {
    std::vector<json> rs;
    for (int i = 1; i <= n; ++i) rs.push_back(respondent("r" + std::to_string(i), answers));
    return rs;
}

inline std::string name_of(const std::string& id) {
    std::string n = id;
    n[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(n[0])));
    return n + " (fictional)";
}

// Scores a round inline, so coverage and respondent counts are real. The identity fields of
// BenchmarkInput stay empty: run_benchmark takes them from the scored result.
inline BenchmarkInput scored(const Setup& s, const std::string& org, const std::string& period,
                      const std::vector<json>& respondents, const std::string& type = "london-borough") {
    json a = answers(respondents, period);
    a["questionnaire"] = {{"id", s.q.id}, {"version", s.q.version}};
    a["organisation"] = {{"id", org}, {"name", name_of(org)}, {"type", type}};
    AnswerSet set = make_answers(a, s.q);
    BenchmarkInput in;
    in.framework = s.fw;
    in.result = score_round(*s.fw, s.q, {&set});
    return in;
}

inline int index_of(const BenchmarkResult& r, const std::string& id) {
    for (std::size_t i = 0; i < r.included.size(); ++i)
        if (r.included[i].id == id) return static_cast<int>(i);
    FAIL("not included: " << id);
    return -1;
}

inline BenchmarkResult run(const BenchmarkRequest& req) {
    std::string error;
    auto r = run_benchmark(req, error);
    INFO(error);
    REQUIRE(r);
    return *r;
}

inline std::vector<std::string> reasons_for(const BenchmarkResult& r, const std::string& id, const std::string& period) {
    for (const auto& e : r.excluded)
        if (e.organisation.id == id && e.organisation.period == period) return e.reasons;
    return {};
}

// The five councils of the worked example, one respondent each, all in 2025:
//                 g1 g2  d1 d2   gov  data  overall (mean of the two)
//   ashvale        4  4   3  2   4.0  2.5   3.25
//   brackenford    2  3   2  2   2.5  2.0   2.25
//   corrieton      3  3   4  3   3.0  3.5   3.25
//   dunholm        5  4   2  3   4.5  2.5   3.5
//   elderby        2  2   1  2   2.0  1.5   1.75
inline std::vector<BenchmarkInput> five_councils(const Setup& s) {
    return {scored(s, "ashvale", "2025", same(1, {4, 4, 3, 2})),
            scored(s, "brackenford", "2025", same(1, {2, 3, 2, 2})),
            scored(s, "corrieton", "2025", same(1, {3, 3, 4, 3})),
            scored(s, "dunholm", "2025", same(1, {5, 4, 2, 3})),
            scored(s, "elderby", "2025", same(1, {2, 2, 1, 2}))};
}


// The statistics tests compare one-respondent rounds: no minimums, so that the rules
// (tested on their own) do not hide what they check.
inline BenchmarkRequest without_minimums() {
    BenchmarkRequest req;
    req.rules.min_coverage = 0;
    req.rules.min_respondents = 1;
    return req;
}

}  // namespace ys::test::bench
