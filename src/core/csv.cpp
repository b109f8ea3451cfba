#include "csv.h"

#include <algorithm>

#include "number_format.h"

namespace ys {
namespace {

constexpr std::size_t kBlockBytes = 64 * 1024;

std::string hex_byte(int c) {
    static const char* hex = "0123456789ABCDEF";
    std::string s = "0x";
    s += hex[(c >> 4) & 0xF];
    s += hex[c & 0xF];
    return s;
}

// Windows-1252's characters for bytes 0x80 to 0x9F (Latin-1 has control characters there);
// "" for the five bytes it leaves undefined.
const char* const kCp1252High[32] = {
    "\u20AC", "", "\u201A", "\u0192", "\u201E", "\u2026", "\u2020", "\u2021", "\u02C6", "\u2030", "\u0160",
    "\u2039", "\u0152", "", "\u017D", "", "", "\u2018", "\u2019", "\u201C", "\u201D", "\u2022",
    "\u2013", "\u2014", "\u02DC", "\u2122", "\u0161", "\u203A", "\u0153", "", "\u017E", "\u0178"};

}  // namespace

const char* const kSaveAsCsvUtf8 =
    "in Excel, use File > Save As and choose \"CSV UTF-8 (Comma delimited) (*.csv)\"; from Google Sheets, use "
    "File > Download > \"Comma Separated Values (.csv)\"";

std::string csv_separator_name(char separator) {
    switch (separator) {
        case ',': return "comma";
        case ';': return "semicolon";
        case '\t': return "tab";
        default: return std::string("'") + separator + "'";
    }
}

std::string not_utf8_advice(unsigned char lead, bool utf8_before) {
    std::string guess;
    if (utf8_before) {
        guess = "the file is UTF-8 before this point, so it is damaged or holds text pasted in from another encoding";
    } else if (lead >= 0x80 && lead <= 0x9F && !*kCp1252High[lead - 0x80]) {
        guess = "the file is not UTF-8, nor Windows-1252 (byte " + hex_byte(lead) +
                " means nothing there): perhaps Mac Roman or another old encoding";
    } else if (lead >= 0x80) {
        std::string ch;
        if (lead <= 0x9F) {
            ch = kCp1252High[lead - 0x80];
        } else {  // Latin-1 and Windows-1252 agree: the byte is the code point
            ch += static_cast<char>(0xC0 | (lead >> 6));
            ch += static_cast<char>(0x80 | (lead & 0x3F));
        }
        guess = lead <= 0x9F ? "the file looks like Windows-1252 (Excel's \"CSV (Comma delimited)\" on Windows), "
                               "where byte " + hex_byte(lead) + " is \"" + ch + "\""
                             : "the file looks like Windows-1252 or Latin-1 (ISO-8859-1), where byte " + hex_byte(lead) +
                                   " is " + (lead == 0xA0 ? std::string("a no-break space") : "\"" + ch + "\"");
    } else {
        guess = "the file is not UTF-8 text";
    }
    return guess + "; nothing is imported from it, so no text is misread; expected UTF-8: " + kSaveAsCsvUtf8;
}

CsvReader::CsvReader(std::istream& in, CsvLimits limits, char separator) : in_(in), limits_(limits), sep_(separator) {
    if (limits_.max_columns == 0) limits_.max_columns = 1;
}

bool CsvReader::refill() {
    if (eof_) return false;
    if (buf_.empty()) buf_.resize(kBlockBytes);
    // Straight from the buffer: no stream state, so no exceptions from the stream's mask.
    std::streambuf* sb = in_.rdbuf();
    std::streamsize n = sb ? sb->sgetn(buf_.data(), static_cast<std::streamsize>(buf_.size())) : 0;
    if (n <= 0) {
        eof_ = true;
        return false;
    }
    pos_ = 0;
    end_ = static_cast<std::size_t>(n);
    bytes_read_ += static_cast<std::uint64_t>(n);
    if (limits_.max_total_bytes && bytes_read_ > limits_.max_total_bytes) over_limit_ = true;
    return true;
}

int CsvReader::raw_peek() {
    if (pos_ == end_ && !refill()) return kEnd;
    return static_cast<unsigned char>(buf_[pos_]);
}

int CsvReader::not_utf8(std::size_t line, std::size_t column, const std::string& what, unsigned char lead) {
    return fail(line, column, "invalid UTF-8 (" + what + "): " + not_utf8_advice(lead, utf8_seen_), CsvProblem::NotUtf8);
}

int CsvReader::fail(std::size_t line, std::size_t column, const std::string& reason, CsvProblem problem) {
    finished_ = true;
    problem_ = problem;
    error_reason_ = reason;
    error_line_ = line;
    error_column_ = column;
    error_record_ = cur_field_ == 0 ? rows_ + 1 : rows_;  // 0: the record has not started
    error_field_ = cur_field_ ? cur_field_ : 1;
    error_ = "line " + std::to_string(line) + ", column " + std::to_string(column) + ": " + reason + " (record " +
             std::to_string(error_record_) + ", field " + std::to_string(error_field_) + ")";
    return kFailed;
}

int CsvReader::get() {
    if (!started_) {
        started_ = true;
        if (raw_peek() != kEnd && end_ - pos_ >= 2) {
            unsigned char a = static_cast<unsigned char>(buf_[pos_]), b = static_cast<unsigned char>(buf_[pos_ + 1]);
            if (end_ - pos_ >= 3 && a == 0xEF && b == 0xBB && static_cast<unsigned char>(buf_[pos_ + 2]) == 0xBF) {
                pos_ += 3;
            } else if ((a == 0xFF && b == 0xFE) || (a == 0xFE && b == 0xFF)) {
                return fail(1, 1,
                            std::string("the file is UTF-16 ") + (a == 0xFF ? "little-endian" : "big-endian") +
                                " text (it starts with that byte order mark), as Excel's \"Unicode Text\" saves it; "
                                "expected UTF-8: " + kSaveAsCsvUtf8,
                            CsvProblem::Utf16);
            }
        }
    }
    int c = raw_peek();
    if (over_limit_)
        return fail(next_line_, next_col_, "the file is larger than the limit of " + format_bytes(limits_.max_total_bytes) +
                                               " (see \"Limits\" in the README)", CsvProblem::Limit);
    if (c == kEnd) {
        if (utf8_need_ > 0) return not_utf8(utf8_line_, utf8_col_, "a character cut short at the end of the input", utf8_lead_);
        return kEnd;
    }
    ++pos_;
    cur_line_ = next_line_;
    cur_col_ = next_col_;
    if (utf8_need_ > 0) {
        if (c >= utf8_lo_ && c <= utf8_hi_) {
            --utf8_need_;
            utf8_lo_ = 0x80;
            utf8_hi_ = 0xBF;
            cur_col_ = utf8_col_;
            if (utf8_need_ == 0) utf8_seen_ = true;
            return c;
        }
        utf8_need_ = 0;
        return not_utf8(utf8_line_, utf8_col_,
                        "byte " + hex_byte(utf8_lead_) + " starts a character that byte " + hex_byte(c) + " does not continue",
                        utf8_lead_);
    }
    if (c < 0x80) {
        if (c == 0)
            return fail(cur_line_, cur_col_,
                        "not a text file (a NUL byte); expected a CSV file saved as UTF-8 text (is it UTF-16 without a "
                        "byte order mark, or a workbook?): " + std::string(kSaveAsCsvUtf8),
                        CsvProblem::NotText);
        if (c == '\n' || c == '\r') {
            if (c == '\r' && raw_peek() == '\n') ++pos_;
            ++next_line_;
            next_col_ = 1;
            return '\n';
        }
        ++next_col_;
        return c;
    }
    // The first byte of a multi-byte character (RFC 3629: no overlong forms, no surrogates).
    int need = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) need = 1;
    else if (c == 0xE0) need = 2, lo = 0xA0;
    else if (c == 0xED) need = 2, hi = 0x9F;
    else if (c >= 0xE1 && c <= 0xEF) need = 2;
    else if (c == 0xF0) need = 3, lo = 0x90;
    else if (c == 0xF4) need = 3, hi = 0x8F;
    else if (c >= 0xF1 && c <= 0xF3) need = 3;
    else return not_utf8(cur_line_, cur_col_, "byte " + hex_byte(c), static_cast<unsigned char>(c));
    utf8_need_ = need;
    utf8_lead_ = static_cast<unsigned char>(c);
    utf8_lo_ = lo;
    utf8_hi_ = hi;
    utf8_line_ = cur_line_;
    utf8_col_ = cur_col_;
    ++next_col_;
    return c;
}

bool CsvReader::next(std::vector<std::string>& fields) {
    // Fields are reused from the last record so their buffers need no new allocations.
    std::size_t used = 0;
    if (finished_) return fields.clear(), false;
    int c;
    // Skip blank lines, counting them as rows.
    for (;;) {
        cur_field_ = 0;
        c = get();
        if (c == kFailed) return false;
        if (c == kEnd) {
            finished_ = true;
            return false;
        }
        ++rows_;
        if (c != '\n') break;
    }
    record_ = rows_;
    record_line_ = cur_line_;
    std::size_t record_bytes = 0;
    const std::size_t max_field_bytes = limits_.max_field_bytes, max_record_bytes = limits_.max_record_bytes;
    auto record_too_long = [&]() {
        fail(cur_line_, cur_col_, "a record longer than " + std::to_string(max_record_bytes) + " bytes; expected at most " + std::to_string(max_record_bytes),
             CsvProblem::Limit);
        fields.clear();
        return false;
    };
    for (;;) {  // one field per pass; c is its first byte
        if (used == limits_.max_columns) {
            fail(cur_line_, cur_col_, "more than " + std::to_string(limits_.max_columns) +
                                          " fields in a record; expected at most " +
                                          std::to_string(limits_.max_columns),
                 CsvProblem::Limit);
            fields.clear();
            return false;
        }
        if (used < fields.size()) fields[used].clear();
        else fields.emplace_back();
        cur_field_ = ++used;
        std::string& f = fields[used - 1];
        if (c == '"') {
            const std::size_t qline = cur_line_, qcol = cur_col_;
            if (++record_bytes > limits_.max_record_bytes) return record_too_long();
            for (;;) {
                c = get();
                if (c == kFailed) return fields.clear(), false;
                if (c == kEnd) {
                    fail(qline, qcol, "the quoted field starting here has no closing quote; expected a '\"' "
                                      "before the end of the input");
                    fields.clear();
                    return false;
                }
                if (++record_bytes > limits_.max_record_bytes) return record_too_long();
                if (c == '"') {
                    c = get();
                    if (c == kFailed) return fields.clear(), false;
                    if (c != '"') break;  // the closing quote
                    if (++record_bytes > limits_.max_record_bytes) return record_too_long();
                }
                if (f.size() >= limits_.max_field_bytes) {
                    fail(cur_line_, cur_col_,
                         "a field longer than " + std::to_string(max_field_bytes) + " bytes; expected at most " + std::to_string(max_field_bytes) +
                             " (is the closing quote of the field starting at line " + std::to_string(qline) +
                             ", column " + std::to_string(qcol) + " missing?)",
                         CsvProblem::Limit);
                    fields.clear();
                    return false;
                }
                f.push_back(static_cast<char>(c));
            }
            if (c != sep_ && c != '\n' && c != kEnd) {
                fail(cur_line_, cur_col_, "text after the closing quote of a field; expected a " + csv_separator_name(sep_) +
                                              " or the end of the line (a quote inside a quoted field is written \"\")");
                fields.clear();
                return false;
            }
        } else {
            while (c != sep_ && c != '\n' && c != kEnd) {
                if (c == '"') {
                    fail(cur_line_, cur_col_, "a quote inside an unquoted field; expected the whole field in quotes, "
                                              "with each quote inside it doubled (\"\")");
                    fields.clear();
                    return false;
                }
                if (f.size() >= limits_.max_field_bytes) {
                    fail(cur_line_, cur_col_, "a field longer than " + std::to_string(max_field_bytes) + " bytes; expected at most " + std::to_string(max_field_bytes),
                         CsvProblem::Limit);
                    fields.clear();
                    return false;
                }
                if (++record_bytes > limits_.max_record_bytes) return record_too_long();
                f.push_back(static_cast<char>(c));
                // Most bytes are plain ASCII with nothing to track but the column: copy a run
                // of them straight from the buffer, within the same limits.
                if (utf8_need_ == 0) {
                    std::size_t room = std::min(max_field_bytes - f.size(), max_record_bytes - record_bytes);
                    std::size_t i = pos_, stop = std::min(end_, pos_ + room);
                    while (i < stop) {
                        unsigned char b = static_cast<unsigned char>(buf_[i]);
                        if (b < 0x20 || b >= 0x7F || b == static_cast<unsigned char>(sep_) || b == '"') break;
                        ++i;
                    }
                    if (std::size_t n = i - pos_) {
                        f.append(&buf_[pos_], n);
                        pos_ = i;
                        record_bytes += n;
                        next_col_ += n;
                        cur_col_ = next_col_ - 1;
                    }
                }
                c = get();
                if (c == kFailed) return fields.clear(), false;
            }
        }
        if (c != sep_) {  // end of line or of input
            fields.resize(used);
            return true;
        }
        if (++record_bytes > limits_.max_record_bytes) return record_too_long();
        cur_field_ = used + 1;  // the next field's first byte
        c = get();
        if (c == kFailed) return fields.clear(), false;
    }
}

namespace {

bool formula_start(char c) { return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'; }

}  // namespace

bool is_plain_number(std::string_view s) {
    std::size_t i = 0, n = s.size();
    if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
    std::size_t digits = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
    if (i < n && s[i] == '.') {
        ++i;
        while (i < n && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
    }
    if (digits == 0) return false;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
        std::size_t exp = 0;
        while (i < n && s[i] >= '0' && s[i] <= '9') ++i, ++exp;
        if (exp == 0) return false;
    }
    return i == n;
}

std::string csv_neutralise(std::string_view text) {
    if (text.empty() || !(formula_start(text[0]) || text[0] == '\'') || is_plain_number(text)) return std::string(text);
    return "'" + std::string(text);
}

void csv_restore_in_place(std::string& text) {
    if (text.size() >= 2 && text[0] == '\'' && (formula_start(text[1]) || text[1] == '\'')) text.erase(0, 1);
}

std::string csv_restore(std::string text) {
    csv_restore_in_place(text);
    return text;
}

std::string csv_cell(std::string_view text, CsvText mode) {
    std::string s = mode == CsvText::Neutralised ? csv_neutralise(text) : std::string(text);
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

}  // namespace ys
