// export --xlsx --roadmap: the costed roadmap as a workbook, its money to the penny as the
// business case PDF prints it (checked against pdftotext), scenario files compared, a
// saved scenario, and the assumptions with their basis.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>

#include "../../support/portable_test.h"
#include "cli_run.h"
#include "xlsx_read.h"

using namespace ys::test;

namespace {

const char* kRound = "eastmere.2026.council-full";

struct RoadmapDb {
    std::string dir, db;
    explicit RoadmapDb(const std::string& name) {
        dir = std::string(YS_WORK_DIR) + "/" + name + "-" + ys::test::pid_text();
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        db = dir + "/plan.db";
        REQUIRE(cli("import --db " + db + " examples/answers/eastmere-2026-full.json").code == 0);
    }
    ~RoadmapDb() { std::filesystem::remove_all(dir); }
};

// "£1,234.56" / "-£20.00": the business case's money, from the number in the cell.
std::string pounds_text(const std::string& cell) {
    const long long pennies = std::llround(std::stod(cell) * 100);
    std::string digits = std::to_string(std::llabs(pennies) / 100), grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) grouped += ',';
        grouped += digits[i];
    }
    const long long p = std::llabs(pennies) % 100;
    return std::string(pennies < 0 ? "-" : "") + "\xC2\xA3" + grouped + "." + (p < 10 ? "0" : "") + std::to_string(p);
}

// Whether a number has no more than two decimals (it was rounded to the penny).
bool to_the_penny(const std::string& cell) {
    const double v = std::stod(cell);
    return std::fabs(v * 100 - std::round(v * 100)) < 1e-6;
}

}  // namespace

TEST_CASE("export --xlsx --roadmap: every year's total and cost line equals the business case PDF to the penny",
          "[xlsx][cli][roadmap]") {
    RoadmapDb d("roadmap-pdf");
    const std::string options = " --db " + d.db + " --round " + kRound +
                                " --start 2027-04-01 --team performance-information-analyst=1 --post data-analyst-apprentice";
    const std::string pdf = d.dir + "/case.pdf", file = d.dir + "/plan.xlsx";
    Run rep = cli("report business-case" + options + " --out " + pdf + " --fixed-date");
    INFO(rep.err);
    REQUIRE(rep.code == 0);
    Run r = cli("export --xlsx " + file + " --roadmap" + options);
    INFO(r.err);
    REQUIRE(r.code == 0);
    const std::string words = pdf_words(pdf, true), text = pdf_words(pdf, false);
    REQUIRE(!words.empty());

    XBook book(file);
    CHECK(book.names.front() == "About");
    for (const char* sheet : {"Cost per year", "Cost lines", "Posts", "Post costs", "Posts per year", "Existing team",
                              "Existing team cost lines", "Cover", "Assumptions"})
        CHECK(std::find(book.names.begin(), book.names.end(), sheet) != book.names.end());

    XSheet per_year = book.sheet("Cost per year");
    CHECK(per_year.row(1) == std::vector<std::string>{"Year", "From", "To", "Low", "Mid", "High", "Cumulative (mid)"});
    CHECK(per_year.rows() == 1 + 3 + 1);  // three years and the total
    CHECK(per_year.at("A5").value == "Total");
    int money = 0;
    for (int row = 2; row <= per_year.rows(); ++row) {
        // The row as the PDF's table prints it: low, mid, high, cumulative, side by side.
        std::string printed;
        for (const char* col : {"D", "E", "F", "G"}) {
            const XCell& c = per_year.at(col + std::to_string(row));
            REQUIRE(c.type.empty());
            CHECK(book.format_of(c) == "\xC2\xA3#,##0.00");
            CHECK(to_the_penny(c.value));
            printed += (printed.empty() ? "" : " ") + pounds_text(c.value);
            ++money;
        }
        INFO(printed);
        CHECK(words.find(printed) != std::string::npos);
    }
    CHECK(money == 16);
    // The dates are real dates: 1 April 2027 is day 46478.
    CHECK(per_year.at("B2").number() == 46478);
    CHECK(book.format_of(per_year.at("B2")) == "d mmm yyyy");

    // Every itemised line of every year, at low, mid and high.
    XSheet lines = book.sheet("Cost lines");
    CHECK(lines.frozen_header());
    CHECK(lines.autofilter() == "A1:G" + std::to_string(lines.rows()));
    int checked = 0;
    for (int row = 2; row <= lines.rows(); ++row) {
        const std::string line = lines.at("D" + std::to_string(row)).value;
        if (line == "Cumulative") continue;  // the PDF prints the mid figure only
        // "Employer pension £1.00 £2.00 £3.00", as the year's itemised table prints it.
        std::string printed = line;
        for (const char* col : {"E", "F", "G"}) {
            printed += " " + pounds_text(lines.at(col + std::to_string(row)).value);
            ++checked;
        }
        INFO(printed);
        CHECK(words.find(printed) != std::string::npos);
    }
    CHECK(checked > 30);

    // Posts: FTE and headcount typed.
    XSheet posts = book.sheet("Posts");
    REQUIRE(posts.rows() >= 2);
    CHECK(book.format_of(posts.at(posts.column("FTE each") + "2")) == "0.00");
    CHECK(book.format_of(posts.at(posts.column("Headcount") + "2")) == "0");
    CHECK(book.format_of(posts.at(posts.column("Total (mid)") + "2")) == "\xC2\xA3#,##0.00");

    // Assumptions: each rule the PDF lists, whether assumed, and why.
    XSheet as = book.sheet("Assumptions");
    CHECK(as.row(1) == std::vector<std::string>{"Assumption", "Figure", "Applies", "Assumed, not published", "Basis", "Source",
                                               "Checked"});
    int rules = 0, assumed = 0;
    for (int row = 2; row <= as.rows(); ++row) {
        const std::string what = as.at("A" + std::to_string(row)).value;
        if (what == "How the plan was costed" || what == "Figure used that is an assumption") continue;
        ++rules;
        INFO(what);
        CHECK(text.find(what) != std::string::npos);
        if (as.at("D" + std::to_string(row)).value == "Yes") {
            ++assumed;
            CHECK(!as.at("E" + std::to_string(row)).value.empty());
        }
    }
    CHECK(rules > 5);
    CHECK(assumed > 0);

    XSheet about = book.sheet("About");
    CHECK(about.row(3) == std::vector<std::string>{"Source database", "plan.db"});
    CHECK(about.row(4)[1].find("(eastmere)") != std::string::npos);
    CHECK(about.xml.find("Anonymised") == std::string::npos);  // a roadmap names no one
}

TEST_CASE("export --xlsx --roadmap: scenario files are compared, and a saved scenario gives the same figures",
          "[xlsx][cli][roadmap]") {
    RoadmapDb d("roadmap-scenarios");
    const std::string a = "examples/scenarios/regional-analyst-scheme.json", b = "examples/scenarios/northmoor-data-team.json";
    const std::string file = d.dir + "/compare.xlsx";
    Run r = cli("export --db " + d.db + " --xlsx " + file + " --roadmap --org eastmere --scenario " + a + " --scenario " + b);
    INFO(r.err);
    REQUIRE(r.code == 0);
    XBook book(file);
    XSheet cmp = book.sheet("Scenarios compared");
    CHECK(cmp.at("A2").value == "Moorland region analyst scheme");
    CHECK(cmp.at("A3").value == "Northmoor data team, 3 years");
    // The plan's total in the comparison is its own cost per year's total.
    XSheet per_year = book.sheet("Cost per year");
    const std::string total_row = std::to_string(per_year.rows());
    CHECK(per_year.at("A" + total_row).value == "Total");
    CHECK(cmp.at(cmp.column("Total (mid)") + "2").value == per_year.at("E" + total_row).value);
    CHECK(book.sheet("About").row(8) == std::vector<std::string>{"Scenario", "Moorland region analyst scheme"});

    // Saved for the organisation, then exported by name: the same money.
    Run save = cli("scenario save --db " + d.db + " --org eastmere " + a);
    INFO(save.err);
    REQUIRE(save.code == 0);
    const std::string saved = d.dir + "/saved.xlsx";
    Run s = cli("export --db " + d.db + " --xlsx " + saved + " --roadmap --org eastmere --saved 'Moorland region analyst scheme'");
    INFO(s.err);
    REQUIRE(s.code == 0);
    XBook sb(saved);
    XSheet spy = sb.sheet("Cost per year");
    CHECK(spy.row(spy.rows()) == per_year.row(per_year.rows()));
    CHECK(std::find(sb.names.begin(), sb.names.end(), "Scenarios compared") == sb.names.end());

    // A name that is not saved: one line, nothing written.
    const std::string none = d.dir + "/none.xlsx";
    Run missing = cli("export --db " + d.db + " --xlsx " + none + " --roadmap --org eastmere --saved 'No such plan'");
    CHECK(missing.code == 2);
    CHECK(missing.err == "yardstick-cli export: organisation \"eastmere\" has no saved scenario \"No such plan\"; "
                         "`yardstick-cli scenario list --org eastmere` shows them\n");
    CHECK_FALSE(std::filesystem::exists(none));
}

TEST_CASE("export --xlsx --roadmap: the plan's warnings are in the About sheet and on the terminal", "[xlsx][cli][roadmap]") {
    RoadmapDb d("roadmap-warnings");
    REQUIRE(cli("target set eastmere leadership 5 --framework council-data-maturity --by 2026-06-30 --db " + d.db).code == 0);
    const std::string file = d.dir + "/warned.xlsx";
    Run r = cli("export --db " + d.db + " --xlsx " + file + " --roadmap --round " + kRound + " --start 2027-04-01");
    INFO(r.err);
    REQUIRE(r.code == 0);
    const std::string warning =
        "The target for Leadership and strategy (level 5 by 30 June 2026) is before the plan starts on 1 April 2027; the "
        "work it needs is planned from year 1.";
    CHECK(r.err == "yardstick-cli export: warning: " + warning + "\n");
    XSheet about = XBook(file).sheet("About");
    bool found = false;
    for (int row = 2; row <= about.rows(); ++row)
        found = found || about.row(row) == std::vector<std::string>{"Warning", warning};
    CHECK(found);
}
