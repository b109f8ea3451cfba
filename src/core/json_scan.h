#pragma once
// A strict JSON scanner over text in memory, for the streaming readers of large files
// (answers_stream.cpp). It builds no tree and reports nothing: it only says whether what it
// read is plainly valid JSON within the limits. When it is not, the caller reads the file the
// checked way (json_read.h), which says what is wrong and where; so there is one way of
// reporting errors. It accepts no more than nlohmann's strict parser does: the same number
// grammar, control characters and escapes in strings, UTF-8 checked byte by byte.
#include <cstddef>
#include <string>
#include <string_view>

#include "json_read.h"

namespace ys {

class JsonScan {
public:
    JsonScan(const char* begin, const char* end, const JsonLimits& limits)
        : p_(begin), begin_(begin), end_(end), limits_(limits) {}

    // False once anything read was not plainly valid; every later call then fails too.
    bool ok() const { return ok_; }
    bool fail() { return ok_ = false; }

    // Skips white space; the next character, or '\0' at the end (or after a failure).
    char peek();
    // Consumes c (after white space) when it is next.
    bool eat(char c);
    // A string: its text in `out` (decoded; `view` points into `out` or into the input).
    bool string(std::string& out, std::string_view& view);
    // A number as nlohmann's get<double>() would give it.
    bool number(double& out);
    // true or false.
    bool boolean(bool& out);
    // Any value, checked as it is skipped (duplicate keys refused, nesting within the limit).
    bool skip_value(int depth);
    // Only white space left.
    bool at_end();

    const char* position() const { return p_; }

private:
    bool literal(const char* word);

    const char* p_;
    const char* begin_;
    const char* end_;
    const JsonLimits& limits_;
    bool ok_ = true;
};

}  // namespace ys
