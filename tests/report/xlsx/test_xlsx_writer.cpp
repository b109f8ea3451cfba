// The workbook writer alone: sheet names within Excel's rules, typed numbers and their
// formats, dates as dates, texts that look like formulas kept as text, frozen headers,
// filters and widths, and nothing left behind or changed when writing fails.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#ifndef _WIN32
#include <sys/stat.h>
#endif

#include "../../support/portable_test.h"
#include "cli_run.h"  // work_dir
#include "xlsx_read.h"
#include "xlsx_writer.h"

using namespace ys;
using namespace ys::test;

namespace {

std::string read_all(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

xlsx::Book sample() {
    xlsx::Book b;
    b.title = "Sample";
    b.created = 1775001600;  // 2026-04-01
    xlsx::Sheet s;
    s.name = "Figures";
    s.columns = {{"Name"}, {"Score"}, {"Cost"}, {"FTE"}, {"Share"}, {"Day"}};
    s.rows.push_back({xlsx::text("=HYPERLINK(\"http://example.invalid\",\"click\")"), xlsx::number(2.5, xlsx::Format::score),
                      xlsx::number(1234.56, xlsx::Format::money), xlsx::number(0.5, xlsx::Format::fte),
                      xlsx::number(0.25, xlsx::Format::percent), xlsx::date("2027-04-01")});
    s.rows.push_back({xlsx::text("+1 and @SUM(A1)"), xlsx::blank(), xlsx::number(-20, xlsx::Format::money), xlsx::blank(),
                      xlsx::blank(), xlsx::date("not a date")});
    b.sheets = {s};
    return b;
}

}  // namespace

TEST_CASE("xlsx: sheet names keep to Excel's rules", "[xlsx]") {
    auto names = xlsx::sheet_names({"About", "a/b:c*d?e[f]g\\h", "", "'quoted'", "about",
                                    "A very long sheet name that goes on and on", "A very long sheet name that goes on and on"});
    REQUIRE(names.size() == 7);
    CHECK(names[0] == "About");
    CHECK(names[1] == "a-b-c-d-e-f-g-h");
    CHECK(names[2] == "Sheet");
    CHECK(names[3] == "quoted");
    CHECK(names[4] == "about (2)");  // Excel compares names ignoring case
    CHECK(names[5] == "A very long sheet name that goe");
    CHECK(names[5].size() == 31);
    CHECK(names[6] == "A very long sheet name that (2)");
    // Characters, not bytes: 40 pound signs are cut to 31 whole ones.
    std::string pounds;
    for (int i = 0; i < 40; ++i) pounds += "\xC2\xA3";
    CHECK(xlsx::sheet_names({pounds})[0].size() == 62);
}

TEST_CASE("xlsx: numbers are typed with their formats, texts stay text, dates are dates", "[xlsx]") {
    const std::string dir = work_dir("xlsx-writer");
    const std::string file = dir + "/sample.xlsx";
    std::string error;
    REQUIRE(xlsx::write_xlsx(sample(), file, {}, error));
    CHECK(error.empty());
    XBook book(file);
    CHECK(book.names == std::vector<std::string>{"Figures"});
    XSheet s = book.sheet("Figures");
    // The formula-like text is a shared string, not a formula.
    CHECK(s.at("A2").type == "s");
    CHECK_FALSE(s.at("A2").formula);
    CHECK(s.at("A2").value == "=HYPERLINK(\"http://example.invalid\",\"click\")");
    CHECK(s.at("A3").type == "s");
    CHECK(s.xml.find("<f>") == std::string::npos);
    // Numbers: no t attribute, the value itself, and the format.
    CHECK(s.at("B2").type.empty());
    CHECK(s.at("B2").number() == 2.5);
    CHECK(book.format_of(s.at("B2")) == "0.00");
    CHECK(s.at("C2").number() == 1234.56);
    CHECK(book.format_of(s.at("C2")) == "\xC2\xA3#,##0.00");
    CHECK(s.at("C3").number() == -20);
    CHECK(book.format_of(s.at("D2")) == "0.00");
    CHECK(book.format_of(s.at("E2")) == "0%");
    // 1 April 2027 is Excel's day 46478.
    CHECK(s.at("F2").type.empty());
    CHECK(s.at("F2").number() == 46478);
    CHECK(book.format_of(s.at("F2")) == "d mmm yyyy");
    CHECK(s.at("F3").type == "s");  // not a date: kept as the text it was
    CHECK(s.at("B3").value.empty());
    // Header: bold, frozen, filtered, every column sized.
    CHECK(s.at("A1").value == "Name");
    CHECK(s.frozen_header());
    CHECK(s.autofilter() == "A1:F3");
    CHECK(s.columns_with_width() == 6);
    // Nothing left beside it.
    int files = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir)) files += e.is_regular_file();
    CHECK(files == 1);
    std::filesystem::remove_all(dir);
}

TEST_CASE("xlsx: column widths follow the content, within 8 and 60", "[xlsx]") {
    xlsx::Sheet s;
    s.columns = {{"Id"}, {"Long"}, {"Fixed", 22}};
    s.rows.push_back({xlsx::text("a"), xlsx::text(std::string(200, 'x')), xlsx::text("y")});
    s.rows.push_back({xlsx::text("b"), xlsx::text("short\nlines"), xlsx::blank()});
    CHECK(xlsx::column_width(s, 0) == 8);
    CHECK(xlsx::column_width(s, 1) == 60);
    CHECK(xlsx::column_width(s, 2) == 22);
}

TEST_CASE("xlsx: a workbook that cannot be made leaves the old file byte-identical and no scratch behind", "[xlsx]") {
    const std::string dir = work_dir("xlsx-refused");
    const std::string file = dir + "/old.xlsx";
    std::ofstream(file, std::ios::binary) << "the old file";
    xlsx::Book b = sample();
    b.sheets[0].rows.push_back({xlsx::text(std::string(40000, 'x'))});  // more than a cell holds
    std::string error;
    CHECK_FALSE(xlsx::write_xlsx(b, file, {}, error));
    CHECK(error.find(file) != std::string::npos);
    CHECK(error.find("32,767") != std::string::npos);
    CHECK(error.find("sheet \"Figures\", cell A4") != std::string::npos);
    CHECK(error.find('\n') == std::string::npos);
    CHECK(read_all(file) == "the old file");
    int files = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir)) files += e.is_regular_file();
    CHECK(files == 1);

    // A folder that does not exist, and a folder in the file's place.
    error.clear();
    CHECK_FALSE(xlsx::write_xlsx(sample(), dir + "/missing/x.xlsx", {}, error));
    CHECK(error.find("missing/x.xlsx") != std::string::npos);
    CHECK(error.find("folder does not exist") != std::string::npos);
    std::filesystem::create_directory(dir + "/folder.xlsx");
    error.clear();
    CHECK_FALSE(xlsx::write_xlsx(sample(), dir + "/folder.xlsx", {}, error));
    CHECK(std::filesystem::is_directory(dir + "/folder.xlsx"));
    files = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir)) files += e.is_regular_file();
    CHECK(files == 1);
    std::filesystem::remove_all(dir);
}

TEST_CASE("xlsx: a workbook with personal data is its owner's only, and the same book and date give the same bytes", "[xlsx]") {
    const std::string dir = work_dir("xlsx-mode");
    std::string error;
    REQUIRE(xlsx::write_xlsx(sample(), dir + "/p.xlsx", WriteOptions{true}, error));
#ifndef _WIN32  // no mode bits on Windows
    struct stat st {};
    REQUIRE(::stat((dir + "/p.xlsx").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
#endif
    std::string a, b;
    REQUIRE(xlsx::render_xlsx(sample(), dir + "/a.xlsx", a, error));
    REQUIRE(xlsx::render_xlsx(sample(), dir + "/b.xlsx", b, error));
    CHECK(a == b);
    CHECK(a.substr(0, 2) == "PK");
    std::filesystem::remove_all(dir);
}
