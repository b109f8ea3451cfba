#pragma once
// UTC timestamps as seconds since 1970, read and written as ISO 8601 without the C
// library's locale- and time-zone-dependent functions.
#include <cstdint>
#include <optional>
#include <string>

namespace ys {

// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's algorithm).
std::int64_t days_from_civil(int y, unsigned m, unsigned d);
bool valid_date(int y, int m, int d);

// "2026-03-14T10:22:05Z", "2026-03-14T10:22:05.123+01:00", "2026-03-14 10:22", "2026-03-14".
std::optional<std::int64_t> parse_iso_datetime(const std::string& s);
// "2026-03-14T10:22:05Z"
std::string format_iso_datetime(std::int64_t seconds);
// Today in UTC, "2026-11-21".
std::string today_iso_date();
std::int64_t now_unix_seconds();

}  // namespace ys
