// Limits checked while reading: element caps in JSON, byte limits before and during
// reading, binary files reported as not text, and respondent rows in a survey CSV.
#include <catch2/catch.hpp>

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#ifndef _WIN32
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

#include "../support/portable_test.h"
#include "csv.h"
#include "json_read.h"
#include "input_limits.h"
#include "number_format.h"
#include "survey_import.h"
#include "test_helpers.h"

using namespace ys;
namespace fs = std::filesystem;

namespace {

// "{"sections":[{"questions":[{},{},...]}, ...]}" with the given questions per section.
std::string sections(const std::vector<std::size_t>& per_section) {
    std::string s = "{\"sections\":[";
    for (std::size_t i = 0; i < per_section.size(); ++i) {
        s += i ? ",{\"questions\":[" : "{\"questions\":[";
        for (std::size_t k = 0; k < per_section[i]; ++k) s += k ? ",{\"id\":1}" : "{\"id\":1}";
        s += "]}";
    }
    return s + "]}";
}

std::string only_message(const Diagnostics& d) {
    REQUIRE(d.items().size() == 1);
    return d.items()[0].where + ": " + d.items()[0].message;
}

fs::path temp_dir() {
    fs::path dir = fs::temp_directory_path() / ("ys-limits-" + ys::test::pid_text());
    fs::create_directories(dir);
    return dir;
}

}  // namespace

TEST_CASE("limits: questions in a questionnaire are counted over every section while parsing", "[limits]") {
    JsonLimits limits = definition_json_limits();
    Diagnostics ok("q.json");
    CHECK(parse_json_text(sections({1000, kMaxQuestions - 1000}), ok, limits));
    CHECK_FALSE(ok.has_errors());

    Diagnostics over("q.json");
    CHECK_FALSE(parse_json_text(sections({1000, kMaxQuestions - 1000 + 1, 5}), over, limits));
    std::string m = only_message(over);
    // Where it crossed: a line:column and the element's pointer; what the limit is; what to do.
    CHECK(over.items()[0].where == "1:" + std::to_string(sections({1000, 1001}).size() - 4));
    CHECK(m.find("at /sections/1/questions/1000: more than 2,000 questions in one questionnaire") != std::string::npos);
    CHECK(m.find("split it into several questionnaires") != std::string::npos);
}

TEST_CASE("limits: a bundle's questionnaires are counted one by one", "[limits]") {
    // Two definitions of 1,500 questions each are two questionnaires, neither over the limit.
    auto definition = [](std::size_t n) { return sections({n}); };
    std::string two = "{\"definitions\":{\"a\":" + definition(1500) + ",\"b\":" + definition(1500) + "}}";
    Diagnostics d("b.json");
    CHECK(parse_json_text(two, d, exchange_json_limits()));
    CHECK_FALSE(d.has_errors());
    std::string over = "{\"definitions\":{\"a\":" + definition(10) + ",\"b\":" + definition(kMaxQuestions + 1) + "}}";
    Diagnostics e("b.json");
    CHECK_FALSE(parse_json_text(over, e, exchange_json_limits()));
    CHECK(only_message(e).find("at /definitions/b/sections/0/questions/2000: more than 2,000 questions") !=
          std::string::npos);
}

TEST_CASE("limits: respondents per answer file and per bundle round", "[limits]") {
    std::string many = "{\"respondents\":[";
    for (std::size_t i = 0; i <= kMaxRoundRespondents; ++i) many += i ? ",{}" : "{}";
    many += "]}";
    Diagnostics d("a.json");
    CHECK_FALSE(parse_json_text(many, d, exchange_json_limits()));
    CHECK(only_message(d).find("at /respondents/100000: more than 100,000 respondents in one answer file") !=
          std::string::npos);

    std::string round = "{\"rounds\":[{\"respondents\":[{}]},{\"respondents\":[" + many.substr(16) + "]}";
    Diagnostics b("b.json");
    CHECK_FALSE(parse_json_text(round, b, exchange_json_limits()));
    CHECK(only_message(b).find("at /rounds/1/respondents/100000: more than 100,000 respondents in one round") !=
          std::string::npos);
}

TEST_CASE("limits: per-array caps count each array, total caps the owner's", "[limits]") {
    JsonLimits l;
    l.caps = {{"/a/*/b", 2, false, "b", "fewer b"}, {"/c", 1, false, "members of c", "fewer"}};
    Diagnostics ok("x");
    CHECK(parse_json_text(R"({"a":[{"b":[1,2]},{"b":[3,4]}],"c":{"k":1}})", ok, l));
    Diagnostics over("x");
    CHECK_FALSE(parse_json_text(R"({"a":[{"b":[1,2]},{"b":[3,4,5]}]})", over, l));
    CHECK(only_message(over) == "1:30: at /a/1/b/2: more than 2 b, the limit; fewer b");
    Diagnostics object("x");
    CHECK_FALSE(parse_json_text("{\"c\":{\"k\":1,\n\"l\":2}}", object, l));
    CHECK(only_message(object) == "2:6: at /c/l: more than 1 members of c, the limit; fewer");
    // The same names elsewhere are not counted.
    Diagnostics elsewhere("x");
    CHECK(parse_json_text(R"({"z":{"a":[{"b":[1,2,3]}]},"y":{"c":[1,2]}})", elsewhere, l));
}

TEST_CASE("limits: a file over the byte limit is refused before it is read", "[limits]") {
    fs::path dir = temp_dir();
    fs::path big = dir / "big.json";
    {
        std::ofstream f(big);
    }
    // Sparse: 200 MB by its size, nothing on disk; reading it would take seconds.
    fs::resize_file(big, 200'000'000);
    Diagnostics d(big.string());
    CHECK_FALSE(read_json_file(big.string(), d, exchange_json_limits()));
    CHECK(only_message(d) == ": the file is 200 MB; the limit is 128 MB (see \"Limits\" in the README)");
    CHECK(file_size_problem(big.string(), kMaxExchangeFileBytes) ==
          "the file is 200 MB; the limit is 128 MB (see \"Limits\" in the README)");
    CHECK(file_size_problem(dir.string(), kMaxExchangeFileBytes) == "this is a folder; expected a file");
    CHECK(file_size_problem((dir / "missing").string(), 1) == "no such file; check the name and the folder");
    Diagnostics folder(dir.string());
    CHECK_FALSE(read_json_file(dir.string(), folder));
    CHECK(only_message(folder) == ": this is a folder; expected a file");
    fs::remove_all(dir);
}

#ifndef _WIN32  // named pipes (FIFOs) are POSIX's
TEST_CASE("limits: a pipe is refused as soon as reading crosses the limit", "[limits]") {
    fs::path dir = temp_dir();
    fs::path fifo = dir / "pipe.json";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::signal(SIGPIPE, SIG_IGN);  // the writer learns the reader left from write()'s error
    // The writer offers far more than the limit and stops when the reader goes away.
    std::thread writer([&] {
        int fd = ::open(fifo.c_str(), O_WRONLY);
        std::string block(65536, ' ');
        for (int i = 0; i < 1000 && ::write(fd, block.data(), block.size()) > 0; ++i) {
        }
        ::close(fd);
    });
    std::string text, error;
    CHECK_FALSE(read_text_file(fifo.string(), 1'000'000, text, error));
    CHECK(error == "the file is larger than the limit of 1 MB (see \"Limits\" in the README)");
    CHECK(text.empty());
    // Unblock the writer if it is still writing: a reader that opens and closes.
    int fd = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
    ::close(fd);
    writer.join();
    fs::remove_all(dir);
}
#endif

TEST_CASE("limits: a binary file is reported as not text, with where", "[limits]") {
    Diagnostics d("logo.png");
    CHECK_FALSE(parse_json_text(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), d));
    CHECK(only_message(d) == "3:1: not a text file (it holds binary data); expected a JSON file saved as UTF-8 text");

    std::istringstream in(std::string("a,b\n\x03\x04\0\0", 8));
    CsvReader r(in);
    std::vector<std::string> fields;
    CHECK(r.next(fields));
    CHECK_FALSE(r.next(fields));
    CHECK(r.error_reason().find("not a text file") == 0);
    CHECK(r.error_line() == 2);
}

TEST_CASE("limits: a CSV stream is refused when it crosses its byte limit", "[limits]") {
    std::string text = "a,b\n";
    while (text.size() < 300000) text += "1,2\n";
    std::istringstream in(text);
    CsvLimits l;
    l.max_total_bytes = 100000;
    CsvReader r(in, l);
    std::vector<std::string> fields;
    std::size_t rows = 0;
    while (r.next(fields)) ++rows;
    CHECK(rows < 100000 / 4);
    CHECK(r.error_reason() == "the file is larger than the limit of 100,000 bytes (see \"Limits\" in the README)");
}

TEST_CASE("limits: a survey CSV with more respondents than a round may hold stops there", "[limits]") {
    Framework fw = test::make_framework({{"format", "yardstick-framework/1"},
                                         {"id", "fw"},
                                         {"version", "1.0"},
                                         {"title", "F"},
                                         {"licence", "CC BY 4.0"},
                                         {"levels", test::levels(1, 2)},
                                         {"scoring", {{"aggregation", "mean"}}},
                                         {"dimensions", {{{"id", "d"}, {"name", "D"}, {"descriptors", test::descriptors(1, 2)}}}}});
    Questionnaire q = test::make_questionnaire(test::questionnaire("fw", {test::choice("q1", "d", {1, 2})}), fw);
    std::string text = "Respondent ID,q1\n";
    for (std::size_t i = 0; i < kMaxRoundRespondents + 5; ++i) text += "r" + std::to_string(i) + ",Option 0\n";
    std::istringstream in(text);
    SurveyImport imported = read_survey_csv(in, "survey.csv", q, nullptr, {});
    INFO(test::all_problems(imported.diags));
    INFO(imported.respondents.size());
    CHECK_FALSE(imported.ok());
    REQUIRE(imported.diags.error_count() == 1);
    const Diagnostic& e = imported.diags.items().back();
    CHECK(e.where == "row 100002");
    CHECK(e.message.find("more than 100,000 respondents, the limit for one round") == 0);
}

TEST_CASE("limits: sizes and counts read as people write them", "[limits]") {
    CHECK(format_count(0) == "0");
    CHECK(format_count(999) == "999");
    CHECK(format_count(1000) == "1,000");
    CHECK(format_count(2000000) == "2,000,000");
    CHECK(format_bytes(1) == "1 byte");
    CHECK(format_bytes(812) == "812 bytes");
    CHECK(format_bytes(100000) == "100,000 bytes");
    CHECK(format_bytes(128'000'000) == "128 MB");
    CHECK(format_bytes(150'300'000) == "150.3 MB");
    CHECK(format_bytes(2'500'000'000ull) == "2.5 GB");
}
