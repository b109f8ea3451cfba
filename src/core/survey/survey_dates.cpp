#include <string>

#include "survey_importer.h"
#include "survey_text.h"
#include "timestamps.h"

namespace ys {

using survey::is_digit;
using survey::trim;

std::optional<std::int64_t> parse_survey_timestamp(const std::string& text, DateOrder order) {
    const std::string s = trim(text);
    if (auto t = parse_iso_datetime(s)) return t;
    std::size_t i = 0;
    // Reads 1..max digits; fails when more follow.
    auto number = [&](std::size_t max, int& value, std::size_t& count) {
        value = 0;
        count = 0;
        while (i < s.size() && is_digit(s[i])) {
            if (++count > max) return false;
            value = value * 10 + (s[i++] - '0');
        }
        return count > 0;
    };
    auto skip_spaces = [&]() {
        while (i < s.size() && s[i] == ' ') ++i;
    };
    auto word = [&](const char* w) {  // case-insensitive
        std::size_t k = 0;
        for (; w[k]; ++k) {
            if (i + k >= s.size()) return false;
            char c = s[i + k];
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
            if (c != w[k]) return false;
        }
        i += k;
        return true;
    };
    int a, b, c;
    std::size_t na, nb, nc;
    if (!number(4, a, na) || i >= s.size()) return std::nullopt;
    const char sep = s[i];
    if (sep != '/' && sep != '-' && sep != '.') return std::nullopt;
    ++i;
    if (!number(2, b, nb) || i >= s.size() || s[i] != sep) return std::nullopt;
    ++i;
    if (!number(4, c, nc)) return std::nullopt;
    int y, m, d;
    if (na == 4) {
        if (nc > 2) return std::nullopt;
        y = a, m = b, d = c;
    } else {
        if (na > 2 || (nc != 4 && nc != 2)) return std::nullopt;
        y = nc == 2 ? 2000 + c : c;
        if (order == DateOrder::DayMonthYear) d = a, m = b;
        else m = a, d = b;
    }
    if (!valid_date(y, m, d)) return std::nullopt;
    int h = 0, mi = 0, se = 0;
    std::int64_t offset = 0;
    if (i < s.size() && s[i] == ',') ++i;
    skip_spaces();
    if (i < s.size()) {
        std::size_t nh, nm, ns;
        if (!number(2, h, nh) || i >= s.size() || s[i] != ':') return std::nullopt;
        ++i;
        if (!number(2, mi, nm) || nm != 2) return std::nullopt;
        if (i < s.size() && s[i] == ':') {
            ++i;
            if (!number(2, se, ns) || ns != 2) return std::nullopt;
            if (i < s.size() && s[i] == '.') {
                ++i;
                if (i >= s.size() || !is_digit(s[i])) return std::nullopt;
                while (i < s.size() && is_digit(s[i])) ++i;
            }
        }
        skip_spaces();
        int half = -1;  // 0 am, 1 pm
        if (word("am") || word("a.m.")) half = 0;
        else if (word("pm") || word("p.m.")) half = 1;
        if (half >= 0) {
            if (h < 1 || h > 12) return std::nullopt;
            h = h % 12 + (half == 1 ? 12 : 0);
        }
        if (h > 23 || mi > 59 || se > 60) return std::nullopt;
        skip_spaces();
        bool zone = false;
        if (word("gmt") || word("utc")) {
            zone = true;
        } else if (word("bst")) {
            offset = 3600;
            zone = true;
        } else if (i < s.size() && s[i] == 'Z') {
            ++i;
            zone = true;
        }
        if (i < s.size() && (s[i] == '+' || s[i] == '-') && offset == 0 && !(zone && s[i - 1] == 'Z')) {
            const int sign = s[i] == '+' ? 1 : -1;
            ++i;
            int oh = 0, om = 0;
            std::size_t noh, nom;
            if (!number(4, oh, noh)) return std::nullopt;
            if (noh == 4) {  // +0100
                om = oh % 100;
                oh /= 100;
            } else if (noh == 3) {
                return std::nullopt;
            } else if (i < s.size() && s[i] == ':') {
                ++i;
                if (!number(2, om, nom) || nom != 2) return std::nullopt;
            }
            if (oh > 14 || om > 59) return std::nullopt;
            offset = sign * (oh * 3600 + om * 60);
        }
        skip_spaces();
        if (i != s.size()) return std::nullopt;
    }
    const std::int64_t t =
        days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d)) * 86400 + h * 3600 + mi * 60 + se - offset;
    if (!time_in_range(t)) return std::nullopt;
    return t;
}

}  // namespace ys

namespace ys::survey {
namespace {

const char* order_name(DateOrder order) {
    return order == DateOrder::DayMonthYear ? "day/month/year" : "month/day/year";
}

const char* order_key(DateOrder order) { return order == DateOrder::DayMonthYear ? "dmy" : "mdy"; }

DateOrder other_order(DateOrder order) {
    return order == DateOrder::DayMonthYear ? DateOrder::MonthDayYear : DateOrder::DayMonthYear;
}

const char* kOtherForms = ", \"2026-03-14T10:22:05Z\" or \"2026/03/14 10:22:05 AM GMT\"";

}  // namespace

bool Importer::read_submitted(const std::string& t, std::size_t row, std::int64_t& at,
                              std::optional<std::pair<std::int64_t, std::int64_t>>& pending, std::string& error) {
    if (order_given_) {  // the mapping says which order: a date that reads only the other way is an error
        if (auto v = parse_survey_timestamp(t, order_)) {
            at = *v;
            return true;
        }
        const DateOrder other = other_order(order_);
        error = in_quotes(t) + " is not a date and time; expected one such as " +
                (order_ == DateOrder::DayMonthYear ? "\"14/03/2026 10:22:05\" (day/month/year)"
                                                   : "\"3/14/2026 10:22:05 AM\" (month/day/year)") +
                kOtherForms;
        if (parse_survey_timestamp(t, other))
            error += std::string("; it reads as ") + order_name(other) + ": the mapping file's \"date_order\" is \"" +
                     order_key(order_) + "\", set it to \"" + order_key(other) + "\" if the file is " + order_name(other);
        return false;
    }
    const auto dmy = parse_survey_timestamp(t, DateOrder::DayMonthYear);
    const auto mdy = parse_survey_timestamp(t, DateOrder::MonthDayYear);
    if (!dmy && !mdy) {
        error = in_quotes(t) + " is not a date and time; expected one such as \"14/03/2026 10:22:05\" (day/month/year), "
                "\"3/14/2026 10:22:05 AM\" (month/day/year)" + kOtherForms;
        return false;
    }
    if (dmy && mdy) {
        if (*dmy == *mdy) {  // ISO 8601, year first, or the day is the month
            at = *dmy;
            return true;
        }
        if (!ambiguous_row_) ambiguous_row_ = row, ambiguous_text_ = t;
        if (decided_) at = *decided_ == DateOrder::DayMonthYear ? *dmy : *mdy;
        else pending = std::pair{*dmy, *mdy};  // set once the column's order is known
        return true;
    }
    const DateOrder fits = dmy ? DateOrder::DayMonthYear : DateOrder::MonthDayYear;
    if (!decided_) decided_ = fits, decided_row_ = row, decided_text_ = t;
    if (*decided_ == fits) {
        at = dmy ? *dmy : *mdy;
        return true;
    }
    error = in_quotes(t) + " only reads as " + order_name(fits) + ", but row " + std::to_string(decided_row_) + " (" +
            in_quotes(decided_text_) + ") only reads as " + order_name(*decided_) +
            "; expected every date of the column in one order: correct the dates that are wrong, or set "
            "\"date_order\": \"" + order_key(fits) + "\" (" + order_name(fits) + ") or \"" + order_key(*decided_) +
            "\" in a mapping file to say which order the file is in";
    return false;
}

void Importer::finish_dates() {
    const int c = respondent_col_[static_cast<int>(Target::Submitted)];
    if (order_given_ || c < 0) return;
    const DateOrder order = decided_.value_or(DateOrder::DayMonthYear);
    if (!ambiguous_row_ && order == DateOrder::DayMonthYear) return;  // as documented, nothing to say
    for (const PendingDate& p : pending_)
        for (Answer& a : out_.respondents[p.respondent].answers)
            a.answered_at = order == DateOrder::DayMonthYear ? p.dmy : p.mdy;
    const std::string column = "column " + std::to_string(c + 1) + header_suffix(static_cast<std::size_t>(c));
    if (decided_)
        out_.notes.push_back("dates in " + column + " are read as " + order_name(order) + ": row " +
                             std::to_string(decided_row_) + "'s " + in_quotes(decided_text_) +
                             " only reads that way" +
                             (ambiguous_row_ ? " (dates such as row " + std::to_string(ambiguous_row_) + "'s " +
                                                   in_quotes(ambiguous_text_) + " would read either way)"
                                             : std::string()));
    else
        out_.notes.push_back("dates in " + column + " are read as day/month/year, the UK order: every one of them reads "
                             "either way (such as row " + std::to_string(ambiguous_row_) + "'s " +
                             in_quotes(ambiguous_text_) + "); if the file is month/day/year, set \"date_order\": "
                             "\"mdy\" in a mapping file");
}

}  // namespace ys::survey
