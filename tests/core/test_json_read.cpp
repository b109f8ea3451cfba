#include <catch2/catch.hpp>

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
    CHECK(d2.items()[0].message == "cannot open file");
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
