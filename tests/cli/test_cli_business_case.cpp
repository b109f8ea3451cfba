// report business-case with scenario files: the first file is the plan, the others are
// compared; bad combinations are refused with one line and nothing is written. Tests that
// need the scenario reader itself are tagged [scenario-file].
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>
#include <string>

#include "cli_run.h"

using namespace ys::test;

namespace {

std::string database(const std::string& dir) {
    const std::string db = dir + "/case.db";
    REQUIRE(cli("import --db " + db + " examples/answers/eastmere-2026-full.json").code == 0);
    return db;
}

void write(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

// A fictional regional scheme: fifty identical analysts, a programme office and an evaluation.
const char* kScheme = R"({
  "format": "yardstick-roadmap-scenario/1",
  "name": "Analyst scheme",
  "start": "2027-04-01",
  "horizon_years": 2,
  "posts": [
    {"id": "analysts", "name": "Scheme data analysts", "role": "performance-information-analyst", "headcount": 50}
  ],
  "costs": [
    {"id": "office", "name": "Programme office", "category": "programme-management", "amount": 60000, "recurring": true},
    {"id": "evaluation", "name": "Scheme evaluation", "category": "evaluation", "amount": 40000, "start": "2028-10-01"}
  ],
  "propose": false
})";

const char* kSmaller = R"({
  "format": "yardstick-roadmap-scenario/1",
  "name": "Ten analysts",
  "start": "2027-04-01",
  "horizon_years": 2,
  "posts": [
    {"id": "analysts", "role": "performance-information-analyst", "headcount": 10}
  ],
  "propose": false
})";

}  // namespace

TEST_CASE("cli: report business-case refuses a scenario with plan options, with another report, or several with --role",
          "[cli][report]") {
    const std::string dir = work_dir("case-scenario-refused");
    const std::string db = database(dir);
    write(dir + "/a.json", kScheme);
    write(dir + "/b.json", kSmaller);
    const std::string pdf = dir + "/x.pdf";
    const std::string base = "report business-case --org eastmere --out " + pdf + " --db " + db + " --scenario " + dir + "/a.json";

    Run mixed = cli(base + " --team performance-information-analyst=1");
    CHECK(mixed.code == 3);
    CHECK(count_lines(mixed.err) == 1);
    CHECK(mixed.err.find("the scenario file holds the plan; leave out --team") != std::string::npos);

    Run other = cli("report action-plan --org eastmere --out " + pdf + " --db " + db + " --scenario " + dir + "/a.json");
    CHECK(other.code == 3);
    CHECK(other.err == "yardstick-cli report: --scenario is for the business case, not the action-plan report\n");

    Run role = cli(base + " --scenario " + dir + "/b.json --role data-architect");
    CHECK(role.code == 3);
    CHECK(role.err.find("scenarios are compared in the business case for the whole roadmap; leave out --role") !=
          std::string::npos);

    Run missing = cli(base + " --scenario " + dir + "/nowhere.json");
    CHECK(missing.code == 2);
    CHECK(missing.err.find(dir + "/nowhere.json") != std::string::npos);

    // A scenario file given as the output is refused before anything is read or written.
    const std::string before = slurp(dir + "/a.json");
    Run clobber = cli("report business-case --org eastmere --db " + db + " --scenario " + dir + "/a.json --out " + dir + "/a.json");
    CHECK(clobber.code == 3);
    CHECK(count_lines(clobber.err) == 1);
    CHECK(clobber.err.find("the scenario") != std::string::npos);
    CHECK(slurp(dir + "/a.json") == before);
    CHECK_FALSE(std::filesystem::exists(pdf));
}

TEST_CASE("cli: a business case from a scenario file compares the others, with the plan's figures to the penny",
          "[cli][report][scenario-file]") {
    const std::string dir = work_dir("case-scenario");
    const std::string db = database(dir);
    write(dir + "/a.json", kScheme);
    write(dir + "/b.json", kSmaller);
    Run csv = cli("roadmap --org eastmere --format csv --scenario " + dir + "/a.json --db " + db);
    INFO(csv.err);
    REQUIRE(csv.code == 0);
    Run bc = cli("report business-case --org eastmere --fixed-date --out " + dir + "/case.pdf --db " + db + " --scenario " +
                 dir + "/a.json --scenario " + dir + "/b.json");
    INFO(bc.err);
    REQUIRE(bc.code == 0);
    const std::string text = pdf_words(dir + "/case.pdf");
    CHECK(text.find("Scenarios compared") != std::string::npos);
    CHECK(text.find("Analyst scheme") != std::string::npos);
    CHECK(text.find("Ten analysts") != std::string::npos);
    CHECK(text.find("Scheme data analysts") != std::string::npos);
    CHECK(text.find("Programme office") != std::string::npos);
    // The plan's total over the plan, as the CSV's last cumulative row gives it.
    std::string last;
    std::istringstream rows(csv.out);
    for (std::string row; std::getline(rows, row);)
        if (row.rfind("plan total,", 0) == 0 && row.find(",Cumulative,") != std::string::npos) last = row;
    REQUIRE_FALSE(last.empty());
    std::vector<std::string> cells;
    std::stringstream cs(last);
    for (std::string cell; std::getline(cs, cell, ',');) cells.push_back(cell);
    REQUIRE(cells.size() >= 19);
    std::string whole = cells[18].substr(0, cells[18].find('.'));
    for (int at = static_cast<int>(whole.size()) - 3; at > 0; at -= 3) whole.insert(static_cast<std::size_t>(at), ",");
    CHECK(text.find("£" + whole + cells[18].substr(cells[18].find('.'))) != std::string::npos);
}
