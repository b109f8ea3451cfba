#pragma once
// Numbers for files and tables, never dependent on the user's locale.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace ys {

// Fixed decimals with '.' as the separator: fixed(2.5, 2) == "2.50".
std::string fixed(double value, int decimals);
// Shortest round-trip form, after rounding to `decimals` places: 2.5 -> "2.5".
std::string plain(double value, int decimals = 4);
// Rounds to a number of decimal places (for JSON output).
double round_to(double value, int decimals);
// Whole numbers with thousands separators: 2000000 -> "2,000,000".
std::string format_count(std::size_t n);
// Sizes in decimal units, as file managers show them: "812 bytes", "64 MB", "150.3 MB".
std::string format_bytes(std::uint64_t n);

}  // namespace ys
