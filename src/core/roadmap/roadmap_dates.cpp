#include "roadmap_dates.h"

#include <cstdio>

#include "timestamps.h"

namespace ys {

std::int64_t day_number(const std::string& iso) {
    auto t = parse_iso_datetime(iso);
    return t ? *t / 86400 : 0;
}

std::string date_from_day(std::int64_t day) { return format_iso_datetime(day * 86400).substr(0, 10); }

std::string add_years(const std::string& iso, int years) {
    int y = std::stoi(iso.substr(0, 4)) + years, m = std::stoi(iso.substr(5, 2)), d = std::stoi(iso.substr(8, 2));
    if (m == 2 && d == 29 && !valid_date(y, 2, 29)) d = 28;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

std::string add_days(const std::string& iso, int days) { return date_from_day(day_number(iso) + days); }

std::string next_financial_year_start(const std::string& iso_date) {
    int year = std::stoi(iso_date.substr(0, 4)) + (iso_date.substr(5) >= "04-01" ? 1 : 0);
    return std::to_string(year) + "-04-01";
}

std::string long_day(const std::string& iso) {
    static const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                    "July",    "August",   "September", "October", "November", "December"};
    if (iso.size() != 10) return iso;
    int m = std::stoi(iso.substr(5, 2)), d = std::stoi(iso.substr(8, 2));
    if (m < 1 || m > 12) return iso;
    return std::to_string(d) + " " + kMonths[m - 1] + " " + iso.substr(0, 4);
}

}  // namespace ys
