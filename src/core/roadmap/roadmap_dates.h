#pragma once
// Calendar arithmetic for plans: whole days since 1970 and ISO dates (YYYY-MM-DD).
#include <cstdint>
#include <string>

namespace ys {

std::int64_t day_number(const std::string& iso_date);  // 0 when not a date
std::string date_from_day(std::int64_t day);
std::string add_years(const std::string& iso_date, int years);  // 29 February becomes 28 February
std::string add_days(const std::string& iso_date, int days);
// The first day of the council financial year after the one `iso_date` is in: 1 April.
std::string next_financial_year_start(const std::string& iso_date);
// "1 April 2026"
std::string long_day(const std::string& iso_date);

}  // namespace ys
