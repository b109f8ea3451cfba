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
// Whether a time lies within the dates valid_date accepts (1900-01-01 to 9999-12-31) in UTC,
// so that format_iso_datetime writes it as text that parse_iso_datetime reads back. A time
// given with an offset, or a leap second, can cross that edge.
bool time_in_range(std::int64_t seconds);

// "2026-03-14T10:22:05Z", "2026-03-14T10:22:05.123+01:00", "2026-03-14 10:22", "2026-03-14".
std::optional<std::int64_t> parse_iso_datetime(const std::string& s);
// "2026-03-14T10:22:05Z"
std::string format_iso_datetime(std::int64_t seconds);
// Today in UTC, "2026-11-21".
std::string today_iso_date();
std::int64_t now_unix_seconds();

}  // namespace ys
