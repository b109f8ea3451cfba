#include "xlsx_book.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <set>

#include "timestamps.h"

namespace ys::xlsx {
namespace {

// Characters, not bytes: UTF-8 continuation bytes do not count.
std::size_t chars(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

// The first `n` characters of a UTF-8 string.
std::string first_chars(const std::string& s, std::size_t n) {
    std::size_t seen = 0, i = 0;
    for (; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
            if (seen == n) break;
            ++seen;
        }
    }
    return s.substr(0, i);
}

std::string lower_ascii(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Roughly how wide a cell shows, in characters.
std::size_t shown_width(const Cell& c) {
    switch (c.kind) {
        case Cell::Kind::empty: return 0;
        case Cell::Kind::text: {
            // The longest line of a multi-line text.
            std::size_t best = 0, start = 0;
            while (true) {
                auto nl = c.text.find('\n', start);
                best = std::max(best, chars(c.text.substr(start, nl == std::string::npos ? std::string::npos : nl - start)));
                if (nl == std::string::npos) break;
                start = nl + 1;
            }
            return best;
        }
        case Cell::Kind::number: break;
    }
    switch (c.format) {
        case Format::date: return 11;
        case Format::datetime: return 17;
        case Format::money: return std::to_string(static_cast<long long>(std::fabs(c.number))).size() * 4 / 3 + 5;
        case Format::percent: return 6;
        default: return 8;
    }
}

}  // namespace

Cell text(const std::string& s) {
    Cell c;
    c.kind = Cell::Kind::text;
    c.text = s;
    return c;
}

Cell number(double v, Format f) {
    Cell c;
    c.kind = Cell::Kind::number;
    c.number = v;
    c.format = f;
    return c;
}

Cell date(const std::string& iso) {
    int y = 0, m = 0, d = 0;
    if (iso.size() == 10 && std::sscanf(iso.c_str(), "%4d-%2d-%2d", &y, &m, &d) == 3 && valid_date(y, m, d)) {
        // Excel's serial day: 1 = 1900-01-01, counting its phantom 29 February 1900, so
        // any date from March 1900 is days since 1899-12-30.
        const double serial = static_cast<double>(days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d)) -
                                                  days_from_civil(1899, 12, 30));
        if (serial >= 61) return number(serial, Format::date);
    }
    return text(iso);
}

Cell datetime(std::int64_t unix_seconds) {
    const double days = static_cast<double>(unix_seconds) / 86400.0;
    return number(days + static_cast<double>(days_from_civil(1970, 1, 1) - days_from_civil(1899, 12, 30)), Format::datetime);
}

Cell blank() { return Cell{}; }

std::vector<std::string> sheet_names(const std::vector<std::string>& wanted) {
    std::vector<std::string> out;
    std::set<std::string> taken;  // lower-cased: Excel compares names ignoring case
    for (const auto& w : wanted) {
        std::string name;
        for (char c : w) name += std::string("[]:*?/\\").find(c) == std::string::npos ? c : '-';
        while (!name.empty() && name.front() == '\'') name.erase(name.begin());
        while (!name.empty() && name.back() == '\'') name.pop_back();
        if (name.empty()) name = "Sheet";
        name = first_chars(name, 31);
        std::string unique = name;
        for (int n = 2; taken.count(lower_ascii(unique)); ++n) {
            const std::string suffix = " (" + std::to_string(n) + ")";
            unique = first_chars(name, 31 - suffix.size()) + suffix;
        }
        taken.insert(lower_ascii(unique));
        out.push_back(unique);
    }
    return out;
}

double column_width(const Sheet& s, std::size_t c) {
    if (c < s.columns.size() && s.columns[c].width > 0) return s.columns[c].width;
    std::size_t w = c < s.columns.size() ? chars(s.columns[c].header) + 3 : 0;  // room for the filter button
    for (const auto& row : s.rows)
        if (c < row.size()) w = std::max(w, shown_width(row[c]) + 1);
    return std::clamp(static_cast<double>(w), 8.0, 60.0);
}

Sheet about_sheet(const About& a) {
    Sheet s;
    s.name = "About";
    s.filter = false;
    s.columns = {{"About this workbook", 28}, {"", 0}};
    s.rows.push_back({text("Contents"), text(a.what)});
    s.rows.push_back({text("Source database"), text(a.database)});
    for (const auto& [k, v] : a.rows) s.rows.push_back({text(k), text(v)});
    s.rows.push_back({text("Made by"), text(a.made_by)});
    s.rows.push_back({text("Date made"), date(a.date)});
    if (a.anonymise_applies) s.rows.push_back({text("Anonymised"), text(a.anonymised ? "Yes" : "No")});
    return s;
}

}  // namespace ys::xlsx
