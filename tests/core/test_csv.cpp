// The streaming CSV reader: RFC 4180 with the line ends and byte order marks survey
// tools and spreadsheets write, and bounded, precise refusals of bad input.
#include <catch2/catch.hpp>

#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "csv.h"

using ys::CsvLimits;
using ys::CsvReader;
using Rows = std::vector<std::vector<std::string>>;

namespace {

const std::string kData = YS_TEST_DATA;

Rows read_all(const std::string& text, std::string* error = nullptr, CsvLimits limits = {}) {
    std::istringstream in(text);
    CsvReader r(in, limits);
    Rows rows;
    std::vector<std::string> f;
    while (r.next(f)) rows.push_back(f);
    if (error) *error = r.error();
    else if (!r.error().empty()) FAIL("unexpected error: " << r.error());
    return rows;
}

// Reads until the end or an error; returns the reader's state through the out-parameters.
struct Failure {
    std::string error, reason;
    std::size_t line = 0, column = 0, record = 0, field = 0;
    std::size_t records_read = 0;
};

Failure failure(const std::string& text, CsvLimits limits = {}) {
    std::istringstream in(text);
    CsvReader r(in, limits);
    std::vector<std::string> f;
    Failure out;
    while (r.next(f)) ++out.records_read;
    out.error = r.error();
    out.reason = r.error_reason();
    out.line = r.error_line();
    out.column = r.error_column();
    out.record = r.error_record();
    out.field = r.error_field();
    CHECK(f.empty());
    CHECK_FALSE(r.next(f));  // stays failed
    return out;
}

// An endless stream: a header line, then one line that never ends, served a block at a
// time and never held whole. Counts what it served.
class EndlessLine : public std::streambuf {
public:
    EndlessLine(std::string head, std::string repeat) : head_(std::move(head)), repeat_(std::move(repeat)) {}
    std::uint64_t served() const { return served_; }

protected:
    int_type underflow() override {
        if (served_ >= kGiB) return traits_type::eof();  // 1 GiB: never reached by a bounded reader
        std::size_t n = 0;
        while (n < sizeof block_) {
            if (head_pos_ < head_.size()) {
                block_[n++] = head_[head_pos_++];
            } else {
                block_[n++] = repeat_[rep_pos_];
                rep_pos_ = (rep_pos_ + 1) % repeat_.size();
            }
        }
        served_ += n;
        setg(block_, block_, block_ + n);
        return traits_type::to_int_type(block_[0]);
    }

private:
    static constexpr std::uint64_t kGiB = std::uint64_t{1} << 30;
    std::string head_, repeat_;
    std::size_t head_pos_ = 0, rep_pos_ = 0;
    char block_[4096];
    std::uint64_t served_ = 0;
};

}  // namespace

TEST_CASE("CSV: plain records, quoting and line ends", "[csv]") {
    SECTION("LF, with and without a final line end") {
        Rows want = {{"a", "b", "c"}, {"1", "2", "3"}};
        CHECK(read_all("a,b,c\n1,2,3\n") == want);
        CHECK(read_all("a,b,c\n1,2,3") == want);
    }
    SECTION("CRLF and lone CR, mixed") {
        Rows want = {{"a", "b"}, {"1", "2"}, {"3", "4"}};
        CHECK(read_all("a,b\r\n1,2\r\n3,4\r\n") == want);
        CHECK(read_all("a,b\r1,2\r3,4") == want);
        CHECK(read_all("a,b\r\n1,2\n3,4\r") == want);
    }
    SECTION("a UTF-8 byte order mark is skipped") {
        CHECK(read_all("\xEF\xBB\xBFID,Name\r\n1,Anna\r\n") == Rows{{"ID", "Name"}, {"1", "Anna"}});
        CHECK(read_all("\xEF\xBB\xBF").empty());
        CHECK(read_all("").empty());
    }
    SECTION("quoted fields hold commas, doubled quotes and line ends (kept as \\n)") {
        Rows rows = read_all("h1,h2\n\"a, b\",\"say \"\"hi\"\"\"\n\"two\r\nlines\",\"x\ry\"\n");
        REQUIRE(rows.size() == 3);
        CHECK(rows[1] == std::vector<std::string>{"a, b", "say \"hi\""});
        CHECK(rows[2] == std::vector<std::string>{"two\nlines", "x\ny"});
        CHECK(read_all("h1,h2\n\"two\r\nlines\",\"x\ry\"\n")[1] == std::vector<std::string>{"two\nlines", "x\ny"});
    }
    SECTION("empty fields, empty quoted fields, a trailing comma") {
        CHECK(read_all("a,,c\n,\"\",\n") == Rows{{"a", "", "c"}, {"", "", ""}});
        CHECK(read_all("\"\"\n") == Rows{{""}});
        CHECK(read_all(" a , b \n") == Rows{{" a ", " b "}});  // spaces are data
    }
    SECTION("blank lines are skipped, at the end and in the middle, but counted as rows") {
        std::istringstream in("h\n\n1\r\n\r\n2\n\n\n");
        CsvReader r(in);
        std::vector<std::string> f;
        REQUIRE(r.next(f));
        CHECK(r.record() == 1);
        REQUIRE(r.next(f));
        CHECK(f == std::vector<std::string>{"1"});
        CHECK(r.record() == 3);
        CHECK(r.line() == 3);
        REQUIRE(r.next(f));
        CHECK(f == std::vector<std::string>{"2"});
        CHECK(r.record() == 5);
        CHECK_FALSE(r.next(f));
        CHECK(r.error().empty());
    }
    SECTION("line() is the physical line a record starts on") {
        std::istringstream in("h1,h2\n\"a\nb\nc\",d\ne,f\n");
        CsvReader r(in);
        std::vector<std::string> f;
        REQUIRE(r.next(f));
        REQUIRE(r.next(f));
        CHECK(r.record() == 2);
        CHECK(r.line() == 2);
        REQUIRE(r.next(f));
        CHECK(r.record() == 3);
        CHECK(r.line() == 5);
    }
    SECTION("UTF-8 text passes through") {
        CHECK(read_all("Ñame,£,日本,😀\n") == Rows{{"Ñame", "£", "日本", "😀"}});
    }
    SECTION("fields up to the limits are fine") {
        CsvLimits small{8, 64, 3};
        CHECK(read_all("12345678,\"abcdefgh\",x\n", nullptr, small) == Rows{{"12345678", "abcdefgh", "x"}});
    }
}

TEST_CASE("CSV: a fixture written by Microsoft Forms (BOM, CRLF)", "[csv]") {
    std::ifstream in(kData + "/csv/ms-forms.csv", std::ios::binary);
    REQUIRE(in);
    CsvReader r(in);
    std::vector<std::string> f;
    REQUIRE(r.next(f));
    CHECK(f.size() == 13);
    CHECK(f[0] == "ID");
    std::size_t rows = 1;
    while (r.next(f)) {
        ++rows;
        CHECK(f.size() == 13);
    }
    CHECK(r.error().empty());
    CHECK(rows == 4);
}

TEST_CASE("CSV: malformed input is refused, saying where", "[csv][bad]") {
    SECTION("a quote inside an unquoted field") {
        Failure e = failure("a,b\n1,ab\"c\n");
        CHECK(e.records_read == 1);
        CHECK(e.line == 2);
        CHECK(e.column == 5);
        CHECK(e.record == 2);
        CHECK(e.field == 2);
        CHECK(e.reason.find("a quote inside an unquoted field") == 0);
        CHECK(e.error == "line 2, column 5: " + e.reason + " (record 2, field 2)");
    }
    SECTION("text after a closing quote") {
        Failure e = failure("\"ab\"c,d\n");
        CHECK(e.line == 1);
        CHECK(e.column == 5);
        CHECK(e.field == 1);
        CHECK(e.reason.find("expected a comma or the end of the line") != std::string::npos);
    }
    SECTION("a quoted field still open at the end of the input names where it started") {
        Failure e = failure("a,b\n1,\"open\nstill open\n");
        CHECK(e.line == 2);
        CHECK(e.column == 3);
        CHECK(e.record == 2);
        CHECK(e.field == 2);
        CHECK(e.reason.find("no closing quote") != std::string::npos);
    }
    SECTION("invalid UTF-8: a Windows-1252 byte, record and column named") {
        Failure e = failure("id,cost\nr1,\xA3" "100\n");
        CHECK(e.line == 2);
        CHECK(e.column == 4);
        CHECK(e.record == 2);
        CHECK(e.field == 2);
        CHECK(e.reason.find("invalid UTF-8 (byte 0xA3)") == 0);
    }
    SECTION("invalid UTF-8: overlong, surrogate, cut short, out of range") {
        for (const char* bad : {"x,\xC0\xAF\n", "x,\xED\xA0\x80\n", "x,\xE2\x82,y\n", "x,\xF4\x90\x80\x80\n",
                                "x,\xE2\x82", "x,\xFF\n", "x,\x80\n"}) {
            Failure e = failure(bad);
            INFO(e.error);
            CHECK(e.reason.find("invalid UTF-8") == 0);
            CHECK(e.line == 1);
            CHECK(e.column == 3);
            CHECK(e.field == 2);
        }
    }
    SECTION("a NUL byte") {
        Failure e = failure(std::string("a,b\nc,d\0e\n", 10));
        CHECK(e.line == 2);
        CHECK(e.column == 4);
        CHECK(e.reason.find("NUL") != std::string::npos);
    }
    SECTION("UTF-16 (Excel's \"Unicode text\")") {
        Failure e = failure(std::string("\xFF\xFE" "a\0,\0b\0", 8));
        CHECK(e.line == 1);
        CHECK(e.column == 1);
        CHECK(e.reason.find("UTF-16") != std::string::npos);
    }
    SECTION("a field over the limit") {
        CsvLimits small{8, 64, 16};
        Failure e = failure("a,b\nok,123456789\n", small);
        CHECK(e.records_read == 1);
        CHECK(e.line == 2);
        CHECK(e.column == 12);
        CHECK(e.field == 2);
        CHECK(e.reason == "a field longer than 8 bytes; expected at most 8");
        Failure q = failure("\"123456789\"\n", small);
        CHECK(q.reason.find("is the closing quote of the field starting at line 1, column 1 missing?") !=
              std::string::npos);
    }
    SECTION("a record over the limit") {
        CsvLimits small{8, 20, 16};
        Failure e = failure("h\n12345678,12345678,12345678\n", small);
        CHECK(e.line == 2);
        CHECK(e.field == 3);
        CHECK(e.reason == "a record longer than 20 bytes; expected at most 20");
    }
    SECTION("too many columns") {
        CsvLimits small{8, 64, 3};
        Failure e = failure("a,b,c,d\n", small);
        CHECK(e.line == 1);
        CHECK(e.column == 7);
        CHECK(e.reason == "more than 3 fields in a record; expected at most 3");
    }
}

TEST_CASE("CSV: a 1 GB line is refused after reading about the limit", "[csv][bad]") {
    const CsvLimits limits;  // 1 MiB fields, 8 MiB records, 4096 columns
    auto run = [&](EndlessLine& src) {
        std::istream in(&src);
        CsvReader r(in, limits);
        std::vector<std::string> f;
        REQUIRE(r.next(f));  // the header
        CHECK_FALSE(r.next(f));
        CHECK(f.empty());
        CHECK(r.error_line() == 2);
        CHECK(r.error_record() == 2);
        return r.error_reason();
    };
    SECTION("one endless unquoted field") {
        EndlessLine src("id,notes\n", "a");
        CHECK(run(src).find("a field longer than 1048576 bytes") == 0);
        CHECK(src.served() > limits.max_field_bytes);
        CHECK(src.served() < limits.max_field_bytes + 256 * 1024);
    }
    SECTION("one endless quoted field") {
        EndlessLine src("id,notes\n\"", "ab\"\"c, ");
        CHECK(run(src).find("a field longer than 1048576 bytes") == 0);
        CHECK(src.served() < 2 * limits.max_field_bytes);
    }
    SECTION("endless short fields") {
        EndlessLine src("id,notes\n", "a,");
        CHECK(run(src).find("more than 4096 fields") == 0);
        CHECK(src.served() < 256 * 1024);
    }
    SECTION("endless fields just under the field limit") {
        EndlessLine src("id,notes\n", std::string(1000 * 1000, 'x') + ",");
        CHECK(run(src).find("a record longer than 8388608 bytes") == 0);
        CHECK(src.served() < limits.max_record_bytes + 256 * 1024);
    }
}
