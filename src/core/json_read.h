#pragma once
// Reading a JSON file safely: size and nesting limits, duplicate keys refused,
// syntax errors reported as line:column.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "diagnostics.h"

namespace ys {

// A cap on how many elements an array (or members an object) at one place may hold,
// checked while parsing, so a file far over a documented limit is refused there, in
// bounded memory, before the rest of it is read.
struct JsonArrayCap {
    std::string pattern;  // "/sections/*/questions": "*" stands for any one key or index
    std::size_t max = 0;
    bool total = false;   // counted over every array the pattern matches, not per array
    std::string what;     // "questions in a questionnaire", for the message
    std::string advice;   // what to do instead, for the message
};

struct JsonLimits {
    std::size_t max_bytes = 64u * 1024u * 1024u;
    int max_depth = 64;
    std::size_t max_string_bytes = 1u << 20;  // one text value or key
    std::vector<JsonArrayCap> caps;
};

// Parses text already in memory. On failure returns nullopt and adds one error.
std::optional<nlohmann::json> parse_json_text(const std::string& text, Diagnostics& diags,
                                              const JsonLimits& limits = {});

// Reads and parses a file. On failure returns nullopt and adds one error.
std::optional<nlohmann::json> read_json_file(const std::string& path, Diagnostics& diags,
                                             const JsonLimits& limits = {});

// Reads a whole file into a string, refusing files above max_bytes.
// Returns false and sets error (one line) on failure.
bool read_text_file(const std::string& path, std::size_t max_bytes, std::string& out,
                    std::string& error);

// "/a/b~1c": the RFC 6901 form of a path step.
std::string pointer_escape(const std::string& key);

}  // namespace ys
