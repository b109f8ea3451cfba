// Benchmark inclusion rules: the documented defaults (60% coverage, 3 respondents), the
// rounds they keep out of ranks and medians, the ones marked as below the rules, and the
// rules in words as every output prints them.
#include <catch2/catch.hpp>

#include <sstream>

#include "benchmark_test_support.h"

using namespace ys;
using namespace ys::test;
using namespace ys::test::bench;
using nlohmann::json;

namespace {

// Overall scores (the mean of governance and data):
//   ashvale 2025       3 respondents, gov 4, data 3           -> 3.5
//   brackenford 2025   1 respondent, all 5                    -> 5.0, one person's view
//   corrieton 2025     4 respondents who answer g1 only       -> 25% coverage
//   dunholm 2024       3 respondents, gov 2, data 1           -> 1.5
//   dunholm 2025       2 respondents, gov 3, data 2           -> 2.5, below the rules
//   elderby 2023       1 respondent, all 1                    -> 1.0, older than its 2025
//   elderby 2025       3 respondents, all 2                   -> 2.0
std::vector<BenchmarkInput> seven_rounds(const Setup& s) {
    return {scored(s, "ashvale", "2025", same(3, {4, 4, 3, 3})),
            scored(s, "brackenford", "2025", same(1, {5, 5, 5, 5})),
            scored(s, "corrieton", "2025", same(4, {3, -1, -1, -1})),
            scored(s, "dunholm", "2024", same(3, {2, 2, 1, 1})),
            scored(s, "dunholm", "2025", same(2, {3, 3, 2, 2})),
            scored(s, "elderby", "2023", same(1, {1, 1, 1, 1})),
            scored(s, "elderby", "2025", same(3, {2, 2, 2, 2}))};
}

const BenchmarkExclusion* exclusion(const BenchmarkResult& r, const std::string& id, const std::string& period) {
    for (const auto& e : r.excluded)
        if (e.organisation.id == id && e.organisation.period == period) return &e;
    return nullptr;
}

}  // namespace

TEST_CASE("benchmark defaults: 60% coverage and 3 respondents", "[benchmark][rules]") {
    CHECK(InclusionRules{}.min_coverage == Approx(0.6));
    CHECK(InclusionRules{}.min_respondents == 3);
    CHECK(InclusionRules{}.pick == InclusionRules::Pick::LatestPerOrganisation);
    CHECK(InclusionRules{}.default_minimums());
    CHECK_FALSE(without_minimums().rules.default_minimums());
}

TEST_CASE("benchmark defaults keep a one-respondent or mostly unanswered round out of ranks", "[benchmark][rules]") {
    Setup s = setup();
    BenchmarkRequest req;  // the defaults
    req.rounds = seven_rounds(s);
    REQUIRE(req.rounds[2].result.overall.coverage() == Approx(0.25));

    SECTION("left out with the reason; ranks and median over the others only") {
        BenchmarkResult r = run(req);
        REQUIRE(r.included.size() == 3);
        CHECK(r.included[index_of(r, "dunholm")].period == "2024");  // its 2025 round is below the rules
        CHECK(reasons_for(r, "brackenford", "2025") == std::vector<std::string>{"1 respondent, fewer than 3"});
        CHECK(reasons_for(r, "corrieton", "2025") == std::vector<std::string>{"coverage 25% below the 60% minimum"});
        CHECK(reasons_for(r, "dunholm", "2025") == std::vector<std::string>{"2 respondents, fewer than 3"});
        CHECK(reasons_for(r, "elderby", "2023") == std::vector<std::string>{"1 respondent, fewer than 3"});
        // brackenford's 5.0 would rank first: ashvale ranks first instead, and the median of
        // {3.5, 1.5, 2.0} is 2.0.
        CHECK(*r.overall.positions[index_of(r, "ashvale")].rank == 1);
        CHECK(*r.overall.positions[index_of(r, "elderby")].rank == 2);
        CHECK(*r.overall.positions[index_of(r, "dunholm")].rank == 3);
        CHECK(r.overall.group.n == 3);
        CHECK(r.overall.group.median == Approx(2.0));
        // The one-respondent 2023 round stays out of elderby's trend too.
        CHECK(r.trends[index_of(r, "elderby")].periods == std::vector<std::string>{"2025"});
    }
    SECTION("marked as below the rules: the round that would otherwise stand for its organisation") {
        BenchmarkResult r = run(req);
        CHECK(exclusion(r, "brackenford", "2025")->below_rules);
        CHECK(exclusion(r, "corrieton", "2025")->below_rules);
        CHECK(exclusion(r, "dunholm", "2025")->below_rules);  // shown beside its 2024 round, which is compared
        CHECK_FALSE(exclusion(r, "elderby", "2023")->below_rules);  // an older round: its 2025 one stands
    }
    SECTION("in a chosen period, rounds of other periods are not below the rules") {
        req.rules.pick = InclusionRules::Pick::Period;
        req.rules.period = "2025";
        BenchmarkResult r = run(req);
        CHECK(r.included.size() == 2);  // ashvale, elderby
        CHECK(exclusion(r, "dunholm", "2025")->below_rules);
        CHECK_FALSE(exclusion(r, "dunholm", "2024")->below_rules);
        CHECK(reasons_for(r, "dunholm", "2024") == std::vector<std::string>{"period 2024, not the chosen 2025"});
    }
    SECTION("overridden: with no minimums every organisation's latest round is ranked") {
        req.rules = without_minimums().rules;
        BenchmarkResult r = run(req);
        CHECK(r.included.size() == 5);
        CHECK(*r.overall.positions[index_of(r, "brackenford")].rank == 1);
        CHECK(r.included[index_of(r, "dunholm")].period == "2025");
        for (const auto& e : r.excluded) CHECK_FALSE(e.below_rules);
    }
    SECTION("overridden: a lower respondent minimum lets two-respondent rounds in") {
        req.rules.min_respondents = 2;
        BenchmarkResult r = run(req);
        CHECK(r.included[index_of(r, "dunholm")].period == "2025");
        CHECK(exclusion(r, "brackenford", "2025")->below_rules);
        CHECK(reasons_for(r, "dunholm", "2024") == std::vector<std::string>{"an earlier period than the latest (2025)"});
    }
}

TEST_CASE("benchmark inclusion rules in words", "[benchmark][rules]") {
    InclusionRules rules;
    CHECK(inclusion_rules_text(rules) ==
          "Compared: each organisation's latest round with at least 60% of its questions answered and at least 3 "
          "respondents; a round below these is left out of ranks and medians.");
    rules.pick = InclusionRules::Pick::Period;
    rules.period = "2025";
    rules.min_coverage = 0.5;
    CHECK(inclusion_rules_text(rules) ==
          "Compared: each organisation's round for 2025 with at least 50% of its questions answered and at least 3 "
          "respondents; a round below these is left out of ranks and medians. The defaults are 60% coverage and 3 "
          "respondents.");
    rules.min_coverage = 0;
    rules.min_respondents = 2;
    CHECK(inclusion_rules_text(rules) ==
          "Compared: each organisation's round for 2025 with at least 2 respondents; a round below this is left out of "
          "ranks and medians. The defaults are 60% coverage and 3 respondents.");
    CHECK(inclusion_rules_text(without_minimums().rules) ==
          "Compared: each organisation's latest round, with no minimum coverage or number of respondents. The defaults "
          "are 60% coverage and 3 respondents.");
}

TEST_CASE("benchmark writers print the rules and mark rounds below them", "[benchmark][rules][output]") {
    Setup s = setup();
    BenchmarkRequest req;
    req.rounds = seven_rounds(s);
    req.viewer = "dunholm";
    BenchmarkResult r = run(req);
    const std::string words = inclusion_rules_text(r.rules);

    SECTION("table: the rules, and the round below them beside the compared ones") {
        std::ostringstream out;
        write_benchmark_table(out, r, *s.fw);
        std::string t = out.str();
        INFO(t);
        CHECK(t.find("3 organisations compared, 4 rounds left out.\n" + words + "\n") != std::string::npos);
        CHECK(t.find("Dunholm (fictional) *  2025      test-q 1.0                 "
                     " 2            100%      below the rules, not compared\n") != std::string::npos);
        CHECK(t.find("Elderby (fictional)     2023") == std::string::npos);  // not its latest: only under Left out
        CHECK(t.find("Elderby (fictional), 2023, test-q 1.0: 1 respondent, fewer than 3") != std::string::npos);
    }
    SECTION("JSON: the rules in words, whether they are the defaults, and the mark") {
        json j = benchmark_json(r, *s.fw);
        CHECK(j["rules"]["min_coverage"] == 0.6);
        CHECK(j["rules"]["min_respondents"] == 3);
        CHECK(j["rules"]["defaults"] == true);
        CHECK(j["rules"]["text"] == words);
        REQUIRE(j["excluded"].size() == 4);
        CHECK(j["excluded"][0]["id"] == "brackenford");
        CHECK(j["excluded"][0]["below_rules"] == true);
        CHECK(j["excluded"][0]["reasons"] == json({"1 respondent, fewer than 3"}));
        CHECK(j["excluded"][3]["id"] == "elderby");
        CHECK(j["excluded"][3]["below_rules"] == false);
    }
    SECTION("CSV: the rules on every row, one row per round left out with its reasons") {
        std::ostringstream out;
        write_benchmark_csv(out, r, *s.fw);
        std::string csv = out.str();
        // 3 organisations x 3 nodes + 4 rounds left out + the header.
        CHECK(std::count(csv.begin(), csv.end(), '\n') == 14);
        CHECK(csv.find("ashvale,Ashvale (fictional),no,2025,test-q,1.0,overall,,3.5,3,L3,1,100,1.5,3,2,1.75,2.75,,,yes,,"
                       "0.6,3\r\n") != std::string::npos);
        CHECK(csv.find("corrieton,Corrieton (fictional),no,2025,test-q,1.0,overall,,,,,,,,,,,,,,no,"
                       "coverage 25% below the 60% minimum,0.6,3\r\n") != std::string::npos);
    }
}
