#pragma once
// Every exit code yardstick-cli uses, documented in README.md ("Exit codes").
namespace ys::exit_code {
inline constexpr int ok = 0;
inline constexpr int internal_error = 1;  // a bug: an unexpected exception
inline constexpr int invalid_input = 2;   // an input file is missing, unreadable or invalid
inline constexpr int usage = 3;           // the command line itself is wrong
inline constexpr int output_failed = 4;   // the output file could not be written
inline constexpr int database_busy = 5;   // another program held the database past the timeout
inline constexpr int database_refused = 6;  // not a Yardstick database, damaged, or from a newer version
}  // namespace ys::exit_code
