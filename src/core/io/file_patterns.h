#pragma once
// File name patterns on the command line. A Unix shell expands `returns/*.json` before a
// program sees it; Windows' shells do not, so a command taking many files expands `*` (any
// run of characters) and `?` (one character) in the last part of a path itself.
#include <string>
#include <vector>

namespace ys {

bool has_wildcards(const std::string& arg);

// The files a pattern names, sorted by name: regular files (or links to them) in its folder
// whose names match; names starting with '.' only when the pattern does too. An argument
// without wildcards, or naming a file that exists as spelled, is returned as it is. False,
// with a one-line `error`, when the pattern matches nothing, its folder cannot be read, or
// a wildcard is in a folder's name.
bool expand_file_pattern(const std::string& arg, std::vector<std::string>& out, std::string& error);

// Whether `name` matches `pattern` (`*` and `?`; every other character as it is).
bool wildcard_match(const std::string& pattern, const std::string& name);

}  // namespace ys
