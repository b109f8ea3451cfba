// export --xlsx --benchmark: organisations by dimensions, positions, quartiles and trends
// as `yardstick-cli benchmark` computes them; anonymised, no other organisation's name or
// id anywhere in the file.
#include <catch2/catch.hpp>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "../../support/portable_test.h"
#include "cli_run.h"
#include "xlsx_read.h"

using namespace ys::test;

namespace {

struct BenchDb {
    std::string dir, db;
    BenchDb() {
        dir = std::string(YS_WORK_DIR) + "/bench-" + ys::test::pid_text();
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        db = dir + "/region.db";
        REQUIRE(cli("import --db " + db +
                    " examples/answers/eastmere-2025-full.json examples/answers/eastmere-2026-full.json"
                    " examples/answers/northwold-2026-quick.json examples/answers/ashby-vale-2026-full.json")
                    .code == 0);
    }
    ~BenchDb() { std::filesystem::remove_all(dir); }
};

const char* kSelection = " --org eastmere --org ashby-vale --org northwold";

}  // namespace

TEST_CASE("export --xlsx --benchmark: scores, ranks, quartiles and trends equal the benchmark command's", "[xlsx][cli]") {
    BenchDb d;
    const std::string file = d.dir + "/bench.xlsx";
    Run r = cli("export --db " + d.db + " --xlsx " + file + " --benchmark" + kSelection);
    INFO(r.err);
    REQUIRE(r.code == 0);
    Run j = cli("benchmark --db " + d.db + kSelection + " --format json");
    REQUIRE(j.code == 0);
    const auto json = nlohmann::json::parse(j.out);
    XBook book(file);
    CHECK(book.names ==
          std::vector<std::string>{"About", "Scores", "Positions", "Quartiles", "Trends", "Common gaps", "Left out"});
    // Eastmere's earlier round, with the reason, as the benchmark command lists it.
    XSheet left = book.sheet("Left out");
    CHECK(left.rows() == 2);
    CHECK(left.at("A2").value == "Eastmere London Borough Council (fictional)");
    CHECK(left.at("B2").value == "2025");
    CHECK(left.at("F2").value == "an earlier period than the latest (2026)");
    CHECK(left.at("G1").value == "Below the rules");
    CHECK(left.at("G2").value == "no");  // its 2026 round stands for it

    // The inclusion rules, in words and as figures.
    XSheet rules = book.sheet("About");
    CHECK(rules.row(8) == std::vector<std::string>{"Inclusion rules", json["rules"]["text"].get<std::string>()});
    CHECK(rules.row(9) == std::vector<std::string>{"Minimum coverage", "60% of questions answered"});
    CHECK(rules.row(10) == std::vector<std::string>{"Minimum respondents", "3"});

    XSheet about = book.sheet("About");
    CHECK(about.row(2) == std::vector<std::string>{"Contents", "Benchmark"});
    CHECK(about.row(4) == std::vector<std::string>{"Compared", "3 organisations chosen"});

    XSheet scores = book.sheet("Scores");
    CHECK(scores.frozen_header());
    CHECK(scores.autofilter() == "A1:" + std::string("Q") + "4");  // 5 columns, 11 dimensions, overall
    CHECK(scores.at("A2").value == "Ashby Vale County Council (fictional)");
    CHECK(scores.at("A4").value == "Northwold District Council (fictional)");

    XSheet q = book.sheet("Quartiles");
    int matched = 0;
    for (const auto& dim : json["dimensions"])
        for (int row = 2; row <= q.rows(); ++row)
            if (q.at("A" + std::to_string(row)).value == dim["id"].get<std::string>()) {
                const XCell& median = q.at("F" + std::to_string(row));
                CHECK(median.type.empty());
                CHECK(book.format_of(median) == "0.00");
                CHECK(median.number() == Approx(dim["group"]["median"].get<double>()).margin(5e-5));
                CHECK(q.at("C" + std::to_string(row)).number() == dim["group"]["n"].get<int>());
                ++matched;
            }
    CHECK(matched == static_cast<int>(json["dimensions"].size()));

    // Ranks are whole numbers, the leader first.
    XSheet pos = book.sheet("Positions");
    const std::string rank = pos.column("Rank");
    REQUIRE(!rank.empty());
    bool first = false;
    for (int row = 2; row <= pos.rows(); ++row) {
        const XCell& c = pos.at(rank + std::to_string(row));
        if (c.value.empty()) continue;
        CHECK(c.type.empty());
        CHECK(book.format_of(c) == "0");
        first = first || c.number() == 1;
    }
    CHECK(first);

    // Trends: a column per period, Eastmere's change since 2025.
    XSheet t = book.sheet("Trends");
    CHECK(t.row(1) == std::vector<std::string>{"Organisation", "Dimension", "From", "To", "Change", "2025", "2026"});
    bool change = false;
    for (int row = 2; row <= t.rows(); ++row)
        if (t.at("A" + std::to_string(row)).value == "Eastmere London Borough Council (fictional)" &&
            t.at("B" + std::to_string(row)).value == "Overall") {
            change = true;
            CHECK(t.at("C" + std::to_string(row)).value == "2025");
            CHECK(t.at("E" + std::to_string(row)).type.empty());
            CHECK(t.at("F" + std::to_string(row)).type.empty());
        }
    CHECK(change);
}

TEST_CASE("export --xlsx --benchmark --anonymise: only the viewer is named, anywhere in the file", "[xlsx][cli]") {
    BenchDb d;
    const std::string file = d.dir + "/anon.xlsx";
    Run r = cli("export --db " + d.db + " --xlsx " + file + " --benchmark" + kSelection + " --anonymise --viewer eastmere");
    INFO(r.err);
    REQUIRE(r.code == 0);
    const std::string all = zip_everything(file);
    REQUIRE(all.find("Council A") != std::string::npos);
    CHECK(all.find("Eastmere London Borough Council") != std::string::npos);
    for (const char* secret : {"Ashby", "ashby", "Northwold", "northwold"}) {
        INFO(secret);
        CHECK(all.find(secret) == std::string::npos);
    }
    XBook book(file);
    CHECK(book.sheet("About").row(15) == std::vector<std::string>{"Anonymised", "Yes"});
}
