#include <catch2/catch.hpp>

#include "json_fields.h"
#include "json_read.h"

using namespace ys;

TEST_CASE("syntax errors are reported as line:column on one line", "[json]") {
    Diagnostics d("f.json");
    auto j = parse_json_text("{\n  \"a\": 1,\n  b: 2\n}", d);
    CHECK_FALSE(j);
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].where == "3:3");
    CHECK(to_string(d.items()[0]).find('\n') == std::string::npos);
}

TEST_CASE("duplicate keys are refused with their pointer", "[json]") {
    Diagnostics d("f.json");
    CHECK_FALSE(parse_json_text(R"({"a": {"b": 1, "b": 2}})", d));
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].where == "/a/b");
}

TEST_CASE("keys in different objects may repeat", "[json]") {
    Diagnostics d("f.json");
    CHECK(parse_json_text(R"([{"a": 1}, {"a": 2, "b": [1, {"a": 3}]}])", d));
    CHECK(d.items().empty());
}

TEST_CASE("deep nesting is refused, not recursed into", "[json]") {
    Diagnostics d("f.json");
    std::string deep(100000, '[');
    CHECK_FALSE(parse_json_text(deep, d));
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].message.find("nesting deeper than 64") != std::string::npos);
}

TEST_CASE("size limit and unreadable files", "[json]") {
    Diagnostics d("f.json");
    JsonLimits small;
    small.max_bytes = 4;
    CHECK_FALSE(parse_json_text("[1,2,3]", d, small));
    Diagnostics d2("/nonexistent/x.json");
    CHECK_FALSE(read_json_file("/nonexistent/x.json", d2));
    CHECK(d2.items()[0].message == "no such file; check the name and the folder");
}

TEST_CASE("messages stay valid UTF-8 whatever bytes a file holds", "[json]") {
    // Overlong '/', a surrogate, a code point above U+10FFFF, and a good "ŵ".
    Diagnostic d{Severity::Error, "f.json", "/a", "bad \xC0\xAF \xED\xA0\x80 \xF5\x80\x80\x80 good \xC5\xB5"};
    CHECK(to_string(d) == "f.json: /a: bad \\xC0\\xAF \\xED\\xA0\\x80 \\xF5\\x80\\x80\\x80 good \xC5\xB5");
}

TEST_CASE("invalid UTF-8 is a clear error", "[json]") {
    Diagnostics d("f.json");
    CHECK_FALSE(parse_json_text("{\"a\": \"\xff\"}", d));
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].where == "1:8");
}

TEST_CASE("a text value or key longer than the limit is refused with its pointer", "[json][limits]") {
    const std::string big(JsonLimits{}.max_string_bytes + 1, 'x');
    const std::string fits(JsonLimits{}.max_string_bytes, 'x');
    {
        Diagnostics d("f.json");
        CHECK(parse_json_text("{\"a\": [\"" + fits + "\"]}", d));
        CHECK(d.items().empty());
    }
    {
        Diagnostics d("f.json");
        CHECK_FALSE(parse_json_text("{\"a\": [1, \"" + big + "\"]}", d));
        REQUIRE(d.items().size() == 1);
        CHECK(d.items()[0].where == "/a/1");
        CHECK(d.items()[0].message == "a text of 1048577 bytes; the limit is 1048576");
    }
    {
        Diagnostics d("f.json");
        CHECK_FALSE(parse_json_text("{\"a\": {\"" + big + "\": 1}}", d));
        REQUIRE(d.items().size() == 1);
        CHECK(d.items()[0].where == "/a");  // the key itself is not repeated in the message
        CHECK(to_string(d.items()[0]).size() < 200);
    }
}

TEST_CASE("a JsonAt writes out its pointer only when asked, the same for every path", "[json][pointer]") {
    // Ten levels: deeper than the steps a JsonAt holds in place, so the rest are written out.
    auto doc = nlohmann::json::parse(
        R"({"a/b": {"c~d": [0, {"e": [[[{"f": {"g": {"h": {"i": 1}}}}]]]}]}})");
    Diagnostics d("f.json");
    JsonAt root(&doc, "", d);
    CHECK(root.where() == "/");
    CHECK(root.pointer().empty());
    JsonAt deep = root["a/b"]["c~d"][1]["e"][0][0][0]["f"]["g"]["h"]["i"];
    REQUIRE(deep.present());
    CHECK(deep.pointer() == "/a~1b/c~0d/1/e/0/0/0/f/g/h/i");
    // Past the last value present, steps are still written with their escapes.
    CHECK(root["a/b"]["nope/x"]["y~z"][3].pointer() == "/a~1b/nope~1x/y~0z/3");
    CHECK_FALSE(root["a/b"]["c~d"][7].present());
    CHECK(root["a/b"]["c~d"][7].pointer() == "/a~1b/c~0d/7");
    CHECK(root["a/b"]["c~d"][0]["k"].pointer() == "/a~1b/c~0d/0/k");  // a number has no keys
    // A base pointer given to the constructor comes first.
    JsonAt based(&doc["a/b"], "/definitions/x", d);
    CHECK(based["c~d"][1].pointer() == "/definitions/x/c~0d/1");
    deep.error("bad");
    root["missing"]["deeper"].warning("gone");
    REQUIRE(d.items().size() == 2);
    CHECK(to_string(d.items()[0]) == "f.json: /a~1b/c~0d/1/e/0/0/0/f/g/h/i: bad");
    CHECK(to_string(d.items()[1]) == "f.json: /missing/deeper: warning: gone");
}

TEST_CASE("a JsonAt made from temporaries stays valid while its document lives", "[json][pointer]") {
    // Each intermediate JsonAt below is a temporary destroyed at the end of its statement;
    // the ASan build checks that nothing kept points into one.
    auto doc = nlohmann::json::parse(R"({"respondents": [{"answers": {"q-1": {"value": "yes"}}}]})");
    Diagnostics d("a.json");
    JsonAt root(&doc, "", d);
    JsonAt value = root["respondents"][0]["answers"]["q-1"]["value"];
    JsonAt gone = root["respondents"][0]["answers"][std::string("q-") + "2"]["value"];
    std::vector<JsonAt> kept;
    for (int i = 0; i < 40; ++i) kept.push_back(root["respondents"][0]["answers"]["q-1"]);  // copies move around
    CHECK(value.json() == "yes");
    CHECK(value.pointer() == "/respondents/0/answers/q-1/value");
    CHECK_FALSE(gone.present());
    CHECK(gone.pointer() == "/respondents/0/answers/q-2/value");
    CHECK(kept.back()["value"].pointer() == "/respondents/0/answers/q-1/value");
}

TEST_CASE("problems past the cap of one file are counted in one last line, not kept", "[diagnostics][limits]") {
    Diagnostics d("big.json");
    for (std::size_t i = 0; i < kMaxProblemsPerFile; ++i) d.warning("/w/" + std::to_string(i), "odd");
    CHECK(d.items().size() == kMaxProblemsPerFile);
    d.warning("/w/more", "odd");
    REQUIRE(d.items().size() == kMaxProblemsPerFile + 1);
    CHECK(d.items().back().severity == Severity::Warning);
    CHECK(to_string(d.items().back()) == "big.json: warning: 1 more problem was found and not shown (0 errors, 1 "
                                         "warning); at most 1000 are listed per file");
    CHECK_FALSE(d.has_errors());
    // An error past the cap is not listed, but it is counted and the last line becomes an error.
    for (int i = 0; i < 2500; ++i) d.error("/e", "wrong");
    CHECK(d.items().size() == kMaxProblemsPerFile + 1);
    CHECK(d.error_count() == 2500);
    CHECK(d.warning_count() == kMaxProblemsPerFile + 1);
    CHECK(d.has_errors());
    CHECK(d.items().back().severity == Severity::Error);
    CHECK(to_string(d.items().back()) == "big.json: 2501 more problems were found and not shown (2500 errors, 1 "
                                         "warning); at most 1000 are listed per file");

    // Gathered with another file's problems: each file keeps its own cap, and the counts add up.
    Diagnostics all;
    Diagnostics small("small.json");
    small.error("/x", "wrong");
    all.append(small);
    all.append(d);
    all.append(small);
    CHECK(all.error_count() == 2502);
    CHECK(all.warning_count() == kMaxProblemsPerFile + 1);
    REQUIRE(all.items().size() == kMaxProblemsPerFile + 3);
    CHECK(to_string(all.items()[kMaxProblemsPerFile + 1]) == to_string(d.items().back()));
    CHECK(to_string(all.items().back()) == "small.json: /x: wrong");
    // Copied line by line, as readers do with a catalogue entry's problems, the same.
    Diagnostics copied;
    for (const auto& x : d.items()) copied.add(x);
    CHECK(copied.error_count() == d.error_count());
    CHECK(copied.items().size() == d.items().size());
    CHECK(to_string(copied.items().back()) == to_string(d.items().back()));
}
