// Benchmarking: worked examples with every statistic computed by hand beside it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

#include "benchmark_test_support.h"

using namespace ys;
using namespace ys::test;
using namespace ys::test::bench;
using nlohmann::json;

TEST_CASE("benchmark worked example: five councils, two dimensions", "[benchmark][worked]") {
    Setup s = setup();
    BenchmarkRequest req = without_minimums();
    req.rounds = five_councils(s);
    BenchmarkResult r = run(req);

    CHECK(r.framework_id == "test-fw");
    CHECK(r.framework_version == "1.0");
    REQUIRE(r.included.size() == 5);
    CHECK(r.excluded.empty());
    // Sorted by organisation id.
    CHECK(r.included[0].id == "ashvale");
    CHECK(r.included[4].id == "elderby");
    CHECK(r.included[0].label == "Ashvale (fictional)");
    CHECK(r.included[0].questionnaire_id == "test-q");
    CHECK(r.included[0].respondents == 1);
    CHECK(r.included[0].coverage == Approx(1.0));
    const int A = 0, B = 1, C = 2, D = 3, E = 4;
    REQUIRE(r.dimensions.size() == 2);
    const BenchmarkNode& gov = r.dimensions[0];
    const BenchmarkNode& data = r.dimensions[1];
    const BenchmarkNode& all = r.overall;

    SECTION("group statistics, quartiles type 7") {
        // gov sorted {2.0, 2.5, 3.0, 4.0, 4.5}: n = 5, positions h = (n - 1) p = 1, 2, 3 fall on
        // order statistics: Q1 = 2.5, median = 3.0, Q3 = 4.0; min 2.0, max 4.5.
        CHECK(gov.group.n == 5);
        CHECK(gov.group.median == Approx(3.0));
        CHECK(gov.group.q1 == Approx(2.5));
        CHECK(gov.group.q3 == Approx(4.0));
        CHECK(gov.group.min == Approx(2.0));
        CHECK(gov.group.max == Approx(4.5));
        // data sorted {1.5, 2.0, 2.5, 2.5, 3.5}: Q1 2.0, median 2.5, Q3 2.5.
        CHECK(data.group.median == Approx(2.5));
        CHECK(data.group.q1 == Approx(2.0));
        CHECK(data.group.q3 == Approx(2.5));
        // overall sorted {1.75, 2.25, 3.25, 3.25, 3.5}: Q1 2.25, median 3.25, Q3 3.25.
        CHECK(all.group.median == Approx(3.25));
        CHECK(all.group.q1 == Approx(2.25));
        CHECK(all.group.q3 == Approx(3.25));
        CHECK(all.group.min == Approx(1.75));
        CHECK(all.group.max == Approx(3.5));
    }
    SECTION("scores, levels and ranks, with ties sharing the better rank") {
        CHECK(*all.positions[A].score == Approx(3.25));
        CHECK(all.positions[A].level == 3);
        // Overall: dunholm 3.5 first; ashvale and corrieton tie at 3.25 and share 2nd;
        // brackenford 2.25 is 4th (not 3rd); elderby 1.75 5th.
        CHECK(*all.positions[D].rank == 1);
        CHECK(*all.positions[A].rank == 2);
        CHECK(*all.positions[C].rank == 2);
        CHECK(*all.positions[B].rank == 4);
        CHECK(*all.positions[E].rank == 5);
        // gov, no ties: dunholm 4.5, ashvale 4.0, corrieton 3.0, brackenford 2.5, elderby 2.0.
        CHECK(*gov.positions[D].rank == 1);
        CHECK(*gov.positions[A].rank == 2);
        CHECK(*gov.positions[C].rank == 3);
        CHECK(*gov.positions[B].rank == 4);
        CHECK(*gov.positions[E].rank == 5);
        // data: corrieton 3.5 1st; ashvale and dunholm tie at 2.5 (2nd); brackenford 4th; elderby 5th.
        CHECK(*data.positions[C].rank == 1);
        CHECK(*data.positions[A].rank == 2);
        CHECK(*data.positions[D].rank == 2);
        CHECK(*data.positions[B].rank == 4);
        CHECK(data.positions[E].level == 1);  // 1.5 floors to 1
    }
    SECTION("percentiles: the share of the four others scoring below") {
        // Overall: dunholm beats 4 of 4 -> 100; ashvale and corrieton beat brackenford and
        // elderby, 2 of 4 -> 50 (a tie is not below); brackenford 1 of 4 -> 25; elderby 0.
        CHECK(*all.positions[D].percentile == Approx(100));
        CHECK(*all.positions[A].percentile == Approx(50));
        CHECK(*all.positions[C].percentile == Approx(50));
        CHECK(*all.positions[B].percentile == Approx(25));
        CHECK(*all.positions[E].percentile == Approx(0));
        // gov: corrieton 3.0 beats 2.5 and 2.0 -> 50.
        CHECK(*gov.positions[C].percentile == Approx(50));
    }
    SECTION("distance from the group median") {
        // Overall median 3.25: dunholm +0.25, ashvale 0, brackenford -1.0, elderby -1.5.
        CHECK(*all.positions[D].distance == Approx(0.25));
        CHECK(*all.positions[A].distance == Approx(0).margin(1e-12));
        CHECK(*all.positions[B].distance == Approx(-1.0));
        CHECK(*all.positions[E].distance == Approx(-1.5));
        // gov median 3.0: dunholm 4.5 -> +1.5; data median 2.5: corrieton 3.5 -> +1.0.
        CHECK(*gov.positions[D].distance == Approx(1.5));
        CHECK(*data.positions[C].distance == Approx(1.0));
    }
    SECTION("common gaps: at least half below level 3") {
        // data levels: ashvale 2, brackenford 2, corrieton 3, dunholm 2, elderby 1 -> 4 of 5
        // below 3 (80% >= 50%): a common gap. gov levels 4, 2, 3, 4, 2 -> 2 of 5 (40%): not.
        REQUIRE(r.common_gaps.size() == 1);
        const CommonGap& g = r.common_gaps[0];
        CHECK(g.dimension == 1);
        CHECK(g.below == 4);
        CHECK(g.scored == 5);
        CHECK(g.share == Approx(0.8));
        CHECK(g.organisations == std::vector<int>{A, B, D, E});
    }
    SECTION("a stricter gap rule: 40% below level 3 also makes governance a gap, listed after data") {
        req.common_gap_share = 0.4;
        BenchmarkResult r2 = run(req);
        REQUIRE(r2.common_gaps.size() == 2);
        CHECK(r2.common_gaps[0].dimension == 1);  // 80% first
        CHECK(r2.common_gaps[1].dimension == 0);  // 40%
        CHECK(r2.common_gaps[1].organisations == std::vector<int>{B, E});
    }
    SECTION("one period only: trends hold one score and no change") {
        REQUIRE(r.trends.size() == 5);
        CHECK(r.trends[A].periods == std::vector<std::string>{"2025"});
        CHECK(*r.trends[A].overall.scores[0] == Approx(3.25));
        CHECK_FALSE(r.trends[A].overall.change);
    }
}

TEST_CASE("benchmark writers: table, JSON and long CSV", "[benchmark][output]") {
    Setup s = setup();
    BenchmarkRequest req = without_minimums();
    req.rounds = five_councils(s);
    req.viewer = "corrieton";
    BenchmarkResult r = run(req);
    REQUIRE(r.viewer == 2);

    SECTION("CSV: one row per organisation and node") {
        std::ostringstream out;
        write_benchmark_csv(out, r, *s.fw);
        std::string csv = out.str();
        CHECK(csv.rfind("organisation,label,viewer,period,questionnaire,questionnaire_version,dimension,parent,score,"
                        "level,level_name,rank,percentile,distance,group_n,group_median,group_q1,group_q3,change,"
                        "change_from,included,reasons,min_coverage,min_respondents\r\n",
                        0) == 0);
        // 5 organisations x (2 dimensions + overall) + header.
        CHECK(std::count(csv.begin(), csv.end(), '\n') == 16);
        CHECK(csv.find("dunholm,Dunholm (fictional),no,2025,test-q,1.0,overall,,3.5,3,L3,1,100,0.25,5,3.25,2.25,3.25,,"
                       ",yes,,0,1\r\n") != std::string::npos);
        CHECK(csv.find("corrieton,Corrieton (fictional),yes,2025,test-q,1.0,data,,3.5,3,L3,1,100,1,5,2.5,2,2.5,,,yes,,0,1\r\n") !=
              std::string::npos);
        CHECK(csv.find("elderby,Elderby (fictional),no,2025,test-q,1.0,gov,,2,2,L2,5,0,-1,5,3,2.5,4,,,yes,,0,1\r\n") !=
              std::string::npos);
    }
    SECTION("JSON") {
        json j = benchmark_json(r, *s.fw);
        CHECK(j["format"] == "yardstick-benchmark/1");
        CHECK(j["framework"]["id"] == "test-fw");
        CHECK(j["viewer"] == "corrieton");
        CHECK(j["organisations"].size() == 5);
        CHECK(j["overall"]["group"]["median"] == 3.25);
        CHECK(j["overall"]["positions"][0]["organisation"] == "ashvale");
        CHECK(j["overall"]["positions"][0]["rank"] == 2);
        CHECK(j["overall"]["positions"][0]["percentile"] == 50.0);
        CHECK(j["dimensions"][1]["id"] == "data");
        CHECK(j["dimensions"][1]["positions"][2]["level_name"] == "L3");
        CHECK(j["common_gaps"][0]["dimension"] == "data");
        CHECK(j["common_gaps"][0]["organisations"] == json({"ashvale", "brackenford", "dunholm", "elderby"}));
        CHECK(j["trends"][0]["overall"]["scores"] == json({3.25}));
        CHECK(j["trends"][0]["overall"]["change"].is_null());
    }
    SECTION("table") {
        std::ostringstream out;
        write_benchmark_table(out, r, *s.fw);
        std::string t = out.str();
        INFO(t);
        CHECK(t.find("Benchmark: Test framework 1.0 (test-fw)") != std::string::npos);
        CHECK(t.find("Position of Corrieton (fictional)") != std::string::npos);
        CHECK(t.find("Ranking: Overall") != std::string::npos);
        CHECK(t.find("2= of 5") != std::string::npos);  // ashvale and corrieton tie
        CHECK(t.find("4 of 5 (80%): Ashvale (fictional), Brackenford (fictional), Dunholm (fictional) and "
                     "Elderby (fictional)") != std::string::npos);
        CHECK(t.find("Left out") == std::string::npos);
    }
}

TEST_CASE("benchmark inclusion rules: coverage, respondents, latest round or a chosen period", "[benchmark]") {
    Setup s = setup();
    // Five respondents each unless said otherwise; everyone in a council answers alike.
    //   ashvale 2025       gov 4, data 3 -> 3.5
    //   brackenford 2025   3 respondents
    //   corrieton 2025     r1-r4 answer g1 and d1 and don't know g2 and d2; r5 knows nothing:
    //                      8 answered of 20 asked = 40% coverage
    //   dunholm 2024       gov 2, data 1 -> 1.5
    //   dunholm 2025       gov 3, data 2 -> 2.5
    //   elderby 2024       gov 2, data 2 -> 2.0
    //   fenwick 2025       gov 5, data 4 -> 4.5
    //   gorsebrook 2025    2 respondents, who answer governance only: 4 of 8 = 50%
    std::vector<json> corrieton = same(4, {3, 0, 3, 0});
    corrieton.push_back(respondent("r5", {0, 0, 0, 0}));
    BenchmarkRequest req;
    req.rounds = {scored(s, "ashvale", "2025", same(5, {4, 4, 3, 3})),
                  scored(s, "brackenford", "2025", same(3, {3, 3, 3, 3})),
                  scored(s, "corrieton", "2025", corrieton),
                  scored(s, "dunholm", "2024", same(5, {2, 2, 1, 1})),
                  scored(s, "dunholm", "2025", same(5, {3, 3, 2, 2})),
                  scored(s, "elderby", "2024", same(5, {2, 2, 2, 2})),
                  scored(s, "fenwick", "2025", same(5, {5, 5, 4, 4})),
                  scored(s, "gorsebrook", "2025", same(2, {3, 3, 0, 0}))};
    req.rules.min_coverage = 0.6;
    req.rules.min_respondents = 5;
    REQUIRE(req.rounds[2].result.overall.coverage() == Approx(0.4));

    SECTION("latest round per organisation") {
        BenchmarkResult r = run(req);
        REQUIRE(r.included.size() == 4);
        CHECK(r.included[index_of(r, "dunholm")].period == "2025");
        CHECK(r.included[index_of(r, "elderby")].period == "2024");  // its latest, though older than the others'
        REQUIRE(r.excluded.size() == 4);  // in input order
        CHECK(r.excluded[0].organisation.id == "brackenford");
        CHECK(reasons_for(r, "brackenford", "2025") == std::vector<std::string>{"3 respondents, fewer than 5"});
        CHECK(reasons_for(r, "corrieton", "2025") == std::vector<std::string>{"coverage 40% below the 60% minimum"});
        CHECK(reasons_for(r, "dunholm", "2024") ==
              std::vector<std::string>{"an earlier period than the latest (2025)"});
        CHECK(reasons_for(r, "gorsebrook", "2025") ==
              std::vector<std::string>{"coverage 50% below the 60% minimum", "2 respondents, fewer than 5"});
        // Overall {3.5, 2.5, 2.0, 4.5} sorted {2.0, 2.5, 3.5, 4.5}, type 7 with n = 4:
        //   Q1 at h = 0.75: 2.0 + 0.75 * (2.5 - 2.0) = 2.375
        //   median at h = 1.5: 2.5 + 0.5 * (3.5 - 2.5) = 3.0
        //   Q3 at h = 2.25: 3.5 + 0.25 * (4.5 - 3.5) = 3.75
        CHECK(r.overall.group.n == 4);
        CHECK(r.overall.group.q1 == Approx(2.375));
        CHECK(r.overall.group.median == Approx(3.0));
        CHECK(r.overall.group.q3 == Approx(3.75));
        // Ranks: fenwick 1, ashvale 2, dunholm 3, elderby 4; percentiles of the three others:
        // ashvale beats 2 of 3 -> 66.67; dunholm 1 of 3 -> 33.33.
        CHECK(*r.overall.positions[index_of(r, "fenwick")].rank == 1);
        CHECK(*r.overall.positions[index_of(r, "elderby")].rank == 4);
        CHECK(*r.overall.positions[index_of(r, "ashvale")].percentile == Approx(200.0 / 3));
        CHECK(*r.overall.positions[index_of(r, "dunholm")].percentile == Approx(100.0 / 3));
        CHECK(*r.overall.positions[index_of(r, "dunholm")].distance == Approx(-0.5));  // 2.5 - 3.0
        // gov {4, 3, 2, 5} sorted {2, 3, 4, 5}: Q1 2.75, median 3.5, Q3 4.25.
        CHECK(r.dimensions[0].group.q1 == Approx(2.75));
        CHECK(r.dimensions[0].group.median == Approx(3.5));
        CHECK(r.dimensions[0].group.q3 == Approx(4.25));
        // The excluded 2024 round of dunholm still shows in its trend: 1.5 -> 2.5.
        const OrganisationTrend& t = r.trends[index_of(r, "dunholm")];
        CHECK(t.periods == std::vector<std::string>{"2024", "2025"});
        CHECK(*t.overall.change == Approx(1.0));
    }
    SECTION("a chosen period") {
        req.rules.pick = InclusionRules::Pick::Period;
        req.rules.period = "2025";
        BenchmarkResult r = run(req);
        REQUIRE(r.included.size() == 3);  // ashvale, dunholm 2025, fenwick
        CHECK(r.included[index_of(r, "dunholm")].period == "2025");
        CHECK(reasons_for(r, "dunholm", "2024") == std::vector<std::string>{"period 2024, not the chosen 2025"});
        CHECK(reasons_for(r, "elderby", "2024") == std::vector<std::string>{"period 2024, not the chosen 2025"});
        CHECK(reasons_for(r, "corrieton", "2025") == std::vector<std::string>{"coverage 40% below the 60% minimum"});
        CHECK(r.excluded.size() == 5);
        // Overall {3.5, 2.5, 4.5}: median 3.5, Q1 3.0, Q3 4.0.
        CHECK(r.overall.group.median == Approx(3.5));
        CHECK(r.overall.group.q1 == Approx(3.0));
        CHECK(r.overall.group.q3 == Approx(4.0));
    }
    SECTION("a period nobody assessed: nothing compared, everything explained") {
        req.rules.pick = InclusionRules::Pick::Period;
        req.rules.period = "2030";
        BenchmarkResult r = run(req);
        CHECK(r.included.empty());
        CHECK(r.excluded.size() == 8);
        CHECK(r.overall.group.n == 0);
        CHECK(r.notes == std::vector<std::string>{"no round meets the rules; nothing is compared"});
        std::ostringstream out;
        write_benchmark_table(out, r, *s.fw);  // must not fail on an empty group
        CHECK(out.str().find("period 2024, not the chosen 2030") != std::string::npos);
    }
    SECTION("a coverage just below the minimum never reads as equal to it") {
        req.rules.min_coverage = 0.404;
        BenchmarkResult r = run(req);
        CHECK(reasons_for(r, "corrieton", "2025") ==
              std::vector<std::string>{"coverage 40% below the 40.4% minimum"});
        // 999 of 1000 answered (counts set by hand) against a 100% minimum: 99.9%, not "100%".
        req.rules.min_coverage = 1.0;
        req.rounds[2].result.overall.answered = 999;
        req.rounds[2].result.overall.dont_know = 0;
        req.rounds[2].result.overall.unanswered = 1;
        r = run(req);
        CHECK(reasons_for(r, "corrieton", "2025") ==
              std::vector<std::string>{"coverage 99.9% below the 100% minimum"});
    }
    SECTION("invalid rules are refused") {
        std::string error;
        req.rules.pick = InclusionRules::Pick::Period;
        CHECK_FALSE(run_benchmark(req, error));
        CHECK(error == "choose the period to compare");
        req.rules.pick = InclusionRules::Pick::LatestPerOrganisation;
        req.rules.min_coverage = 60;  // a percentage where a share was meant
        CHECK_FALSE(run_benchmark(req, error));
        CHECK(error == "the minimum coverage must be between 0 and 1 (0% and 100%)");
    }
}

TEST_CASE("benchmark trends across three periods", "[benchmark][trend]") {
    Setup s = setup();
    //   corrieton 2023  one respondent answers g1 only: 25% coverage, below the minimum, so
    //                   it is left out of the trend too
    //   corrieton 2024  gov 2,   data 1 -> 1.5
    //   corrieton 2025  gov 3,   data 2 -> 2.5
    //   corrieton 2026  gov 3.5, data 3 -> 3.25   (g1 4, g2 3)
    //   ashvale   2025  gov 3,   data 3 -> 3.0
    //   ashvale   2026  gov 3,   data 2 -> 2.5
    //   elderby   2026  gov 2,   data 2 -> 2.0
    BenchmarkRequest req = without_minimums();
    req.rounds = {scored(s, "corrieton", "2026", same(1, {4, 3, 3, 3})),
                  scored(s, "corrieton", "2023", same(1, {2, -1, -1, -1})),
                  scored(s, "corrieton", "2024", same(1, {2, 2, 1, 1})),
                  scored(s, "ashvale", "2026", same(1, {3, 3, 2, 2})),
                  scored(s, "corrieton", "2025", same(1, {3, 3, 2, 2})),
                  scored(s, "ashvale", "2025", same(1, {3, 3, 3, 3})),
                  scored(s, "elderby", "2026", same(1, {2, 2, 2, 2}))};
    req.rules.min_coverage = 0.5;
    BenchmarkResult r = run(req);
    REQUIRE(r.included.size() == 3);
    CHECK(reasons_for(r, "corrieton", "2023") == std::vector<std::string>{"coverage 25% below the 50% minimum"});

    const OrganisationTrend& c = r.trends[index_of(r, "corrieton")];
    CHECK(c.periods == std::vector<std::string>{"2024", "2025", "2026"});  // sorted; 2023 left out
    CHECK(c.questionnaires == std::vector<std::string>{"test-q 1.0", "test-q 1.0", "test-q 1.0"});
    REQUIRE(c.overall.scores.size() == 3);
    CHECK(*c.overall.scores[0] == Approx(1.5));
    CHECK(*c.overall.scores[1] == Approx(2.5));
    CHECK(*c.overall.scores[2] == Approx(3.25));
    // Change from the first to the last: overall 3.25 - 1.5 = 1.75; gov 3.5 - 2 = 1.5; data 3 - 1 = 2.
    CHECK(*c.overall.change == Approx(1.75));
    CHECK(c.overall.from == "2024");
    CHECK(c.overall.to == "2026");
    CHECK(*c.dimensions[0].change == Approx(1.5));
    CHECK(*c.dimensions[1].change == Approx(2.0));

    const OrganisationTrend& a = r.trends[index_of(r, "ashvale")];
    CHECK(a.periods == std::vector<std::string>{"2025", "2026"});
    CHECK(*a.overall.change == Approx(-0.5));  // 2.5 - 3.0
    CHECK(*a.dimensions[0].change == Approx(0).margin(1e-12));

    const OrganisationTrend& e = r.trends[index_of(r, "elderby")];
    CHECK(e.periods == std::vector<std::string>{"2026"});
    CHECK_FALSE(e.overall.change);

    json j = benchmark_json(r, *s.fw);
    json jc = j["trends"][index_of(r, "corrieton")];
    CHECK(jc["periods"] == json({"2024", "2025", "2026"}));
    CHECK(jc["overall"]["scores"] == json({1.5, 2.5, 3.25}));
    CHECK(jc["dimensions"]["data"]["change"] == 2.0);
    CHECK(jc["overall"]["from"] == "2024");

    std::ostringstream out;
    write_benchmark_table(out, r, *s.fw);
    INFO(out.str());
    CHECK(out.str().find("+1.75 since 2024") != std::string::npos);
    CHECK(out.str().find("-0.50 since 2025") != std::string::npos);

    SECTION("periods order naturally") {
        CHECK(period_less("2025", "2025-26"));
        CHECK(period_less("2025-Q2", "2025-Q10"));
        CHECK(period_less("2024-25", "2025"));
        CHECK_FALSE(period_less("2026", "2026"));
    }
}

TEST_CASE("benchmark anonymised: only the viewer is named", "[benchmark][anonymise]") {
    Setup s = setup();
    BenchmarkRequest req = without_minimums();
    req.rounds = five_councils(s);
    // An earlier round of brackenford (a trend and an excluded round) and a sixth council.
    req.rounds.push_back(scored(s, "brackenford", "2024", same(1, {1, 1, 1, 1})));
    req.rounds.push_back(scored(s, "fenwick", "2025", same(1, {3, 3, 3, 3})));
    req.viewer = "corrieton";
    req.anonymise = true;
    BenchmarkResult r = run(req);

    // Labels by sorted id, the viewer skipped: ashvale A, brackenford B, dunholm C, elderby D, fenwick E.
    REQUIRE(r.included.size() == 6);
    CHECK(r.included[0].label == "Council A");
    CHECK(r.included[1].label == "Council B");
    CHECK(r.included[2].label == "Corrieton (fictional)");
    CHECK(r.included[2].id == "corrieton");
    CHECK(r.included[3].label == "Council C");
    CHECK(r.included[5].label == "Council E");
    CHECK(r.included[0].id == "Council A");  // ids of the others are their labels
    CHECK(r.included[0].type.empty());
    CHECK(r.included[2].type == "london-borough");
    REQUIRE(r.viewer == 2);
    REQUIRE(r.excluded.size() == 1);
    CHECK(r.excluded[0].organisation.label == "Council B");

    auto leaks = [](std::string text) {
        std::transform(text.begin(), text.end(), text.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        std::vector<std::string> found;
        for (const char* other : {"ashvale", "brackenford", "dunholm", "elderby", "fenwick"})
            if (text.find(other) != std::string::npos) found.push_back(other);
        return found;
    };
    std::string dump = benchmark_json(r, *s.fw).dump();
    CHECK(leaks(dump).empty());
    CHECK(dump.find("Corrieton (fictional)") != std::string::npos);
    CHECK(dump.find("Council B") != std::string::npos);
    std::ostringstream table, csv;
    write_benchmark_table(table, r, *s.fw);
    write_benchmark_csv(csv, r, *s.fw);
    CHECK(leaks(table.str()).empty());
    CHECK(leaks(csv.str()).empty());
    CHECK(table.str().find("Corrieton (fictional) *") != std::string::npos);

    SECTION("the same input in another order gives the same labels") {
        std::reverse(req.rounds.begin(), req.rounds.end());
        BenchmarkResult r2 = run(req);
        CHECK(benchmark_json(r2, *s.fw).dump() == dump);
    }
    SECTION("excluded rounds and notes are anonymised too") {
        req.rules.min_respondents = 2;  // everyone has one respondent: all left out
        BenchmarkResult r2 = run(req);
        CHECK(r2.included.empty());
        CHECK(r2.excluded.size() == 7);
        CHECK(r2.notes[0] == "the viewer Corrieton (fictional) has no round that meets the rules");
        CHECK(leaks(benchmark_json(r2, *s.fw).dump()).empty());
    }
    SECTION("departments are labelled as departments") {
        BenchmarkRequest d = without_minimums();
        d.rounds = {scored(s, "childrens", "2025", same(1, {3, 3, 3, 3}), "department"),
                    scored(s, "adults", "2025", same(1, {2, 2, 2, 2}), "department"),
                    scored(s, "housing", "2025", same(1, {4, 4, 4, 4}), "department")};
        d.viewer = "housing";
        d.anonymise = true;
        BenchmarkResult rd = run(d);
        CHECK(rd.included[0].label == "Department A");  // adults
        CHECK(rd.included[1].label == "Department B");  // childrens
        CHECK(rd.included[2].label == "Housing (fictional)");
    }
    SECTION("not anonymised: names and ids as given") {
        req.anonymise = false;
        BenchmarkResult r2 = run(req);
        CHECK(r2.included[0].id == "ashvale");
        CHECK(r2.included[0].label == "Ashvale (fictional)");
        CHECK(r2.included[0].type == "london-borough");
    }
}

TEST_CASE("benchmark: another framework is refused, another version excluded", "[benchmark]") {
    Setup s = setup();
    BenchmarkRequest req = without_minimums();
    req.rounds = {scored(s, "ashvale", "2025", same(1, {3, 3, 3, 3})),
                  scored(s, "brackenford", "2025", same(1, {2, 2, 2, 2})),
                  scored(s, "corrieton", "2025", same(1, {4, 4, 4, 4}))};

    SECTION("a different framework id") {
        Setup other = setup("other-fw", "1.0", "other-q");
        req.rounds.push_back(scored(other, "dunholm", "2025", same(1, {3, 3, 3, 3})));
        std::string error;
        CHECK_FALSE(run_benchmark(req, error));
        CHECK(error ==
              "the rounds use different frameworks: test-fw 1.0 (3 rounds) and other-fw 1.0 (1 round); "
              "a benchmark compares one framework");
    }
    SECTION("the same framework in another version") {
        Setup v2 = setup("test-fw", "2.0");
        req.rounds.push_back(scored(v2, "dunholm", "2025", same(1, {3, 3, 3, 3})));
        BenchmarkResult r = run(req);
        CHECK(r.framework_version == "1.0");
        CHECK(r.included.size() == 3);
        REQUIRE(r.excluded.size() == 1);
        CHECK(r.excluded[0].organisation.id == "dunholm");
        CHECK(r.excluded[0].framework_version == "2.0");
        CHECK(r.excluded[0].reasons == std::vector<std::string>{"another framework version (2.0; the benchmark compares 1.0)"});
    }
    SECTION("an organisation's latest comparable round is used when its newest is another version") {
        Setup v2 = setup("test-fw", "2.0");
        req.rounds.push_back(scored(v2, "ashvale", "2026", same(1, {5, 5, 5, 5})));
        BenchmarkResult r = run(req);
        CHECK(r.included[index_of(r, "ashvale")].period == "2025");
        CHECK(reasons_for(r, "ashvale", "2026") ==
              std::vector<std::string>{"another framework version (2.0; the benchmark compares 1.0)"});
    }
    SECTION("different questionnaires of one framework version are comparable") {
        Setup quick = setup("test-fw", "1.0", "test-quick");
        req.rounds.push_back(scored(quick, "dunholm", "2025", same(2, {3, 3, 3, 3})));
        // A second round of ashvale for 2025 with more respondents is the one compared.
        req.rounds.push_back(scored(quick, "ashvale", "2025", same(3, {2, 2, 2, 2})));
        BenchmarkResult r = run(req);
        REQUIRE(r.included.size() == 4);
        CHECK(r.included[index_of(r, "dunholm")].questionnaire_id == "test-quick");
        CHECK(r.included[index_of(r, "ashvale")].questionnaire_id == "test-quick");
        CHECK(r.included[index_of(r, "ashvale")].respondents == 3);
        CHECK(r.included[index_of(r, "corrieton")].questionnaire_id == "test-q");
        REQUIRE(r.excluded.size() == 1);
        CHECK(r.excluded[0].reasons ==
              std::vector<std::string>{"another round of the organisation for 2025 is compared (questionnaire test-quick 1.0)"});
    }
    SECTION("a round without its framework is refused") {
        req.rounds[1].framework.reset();
        std::string error;
        CHECK_FALSE(run_benchmark(req, error));
        CHECK(error == "round 2 of the input has no framework");
    }
}
