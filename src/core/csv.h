#pragma once
// A streaming RFC 4180 CSV reader: one record at a time, with bounded memory.
//
// Accepts a UTF-8 byte order mark (skipped), LF, CRLF and lone CR line ends, quoted fields
// holding commas, doubled quotes and line ends (a line end inside a quoted field is kept
// as "\n"), and a last line with or without a line end. Blank lines are skipped, but are
// counted in record numbers so that those match the row numbers a spreadsheet shows.
//
// Fields are separated by a comma unless another separator is given (';' for Excel in many
// European locales, '\t' for tab-separated text).
//
// Refused, with one line saying where: a quote inside an unquoted field, text after a
// closing quote, a quoted field still open at the end of the input, invalid UTF-8, NUL
// bytes, and a field, record or column count over the limits. Reading stops at a limit:
// an endless line is refused after about max_field_bytes (or max_record_bytes) bytes.
#include <cstddef>
#include <cstdint>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace ys {

struct CsvLimits {
    std::size_t max_field_bytes = 1 << 20;
    std::size_t max_record_bytes = 8 << 20;
    std::size_t max_columns = 4096;
    std::uint64_t max_total_bytes = 0;  // the whole input; 0 for no limit
};

// What stopped a reader (error() says it in words).
enum class CsvProblem { None, Syntax, Limit, NotUtf8, Utf16, NotText };

class CsvReader {
public:
    explicit CsvReader(std::istream& in, CsvLimits limits = {}, char separator = ',');

    // The next record's fields. False at the end of the input or on an error (then
    // error() is set); once false, it stays false.
    bool next(std::vector<std::string>& fields);

    // 1-based record number of the last record returned (the header is record 1).
    std::size_t record() const { return record_; }
    // The physical line that record started on.
    std::size_t line() const { return record_line_; }

    // Empty unless reading failed: "line L, column C: what was expected (record R, field F)".
    const std::string& error() const { return error_; }
    // The parts of error(): the reason alone, and where it was found. The column counts
    // characters from 1 within the physical line; record and field are 1-based.
    const std::string& error_reason() const { return error_reason_; }
    std::size_t error_line() const { return error_line_; }
    std::size_t error_column() const { return error_column_; }
    std::size_t error_record() const { return error_record_; }
    std::size_t error_field() const { return error_field_; }
    CsvProblem problem() const { return problem_; }

    // Bytes taken from the stream so far (read ahead in blocks of at most 64 KiB).
    std::uint64_t bytes_read() const { return bytes_read_; }

private:
    static constexpr int kEnd = -1;
    static constexpr int kFailed = -2;

    int get();            // the next byte, line ends as '\n'; kEnd or kFailed
    bool refill();
    int raw_peek();       // the next raw byte without taking it, or kEnd
    int fail(std::size_t line, std::size_t column, const std::string& reason, CsvProblem problem = CsvProblem::Syntax);
    int not_utf8(std::size_t line, std::size_t column, const std::string& what, unsigned char lead);

    std::istream& in_;
    CsvLimits limits_;
    char sep_ = ',';
    std::vector<char> buf_;
    std::size_t pos_ = 0, end_ = 0;
    bool eof_ = false;
    bool started_ = false;    // the byte order mark has been looked for
    bool finished_ = false;   // end of input reached, or failed
    bool over_limit_ = false; // more than max_total_bytes read
    std::uint64_t bytes_read_ = 0;

    // Where the byte get() last returned is, and where the next one will be.
    std::size_t cur_line_ = 1, cur_col_ = 0;
    std::size_t next_line_ = 1, next_col_ = 1;
    // UTF-8 sequence in progress.
    int utf8_need_ = 0;
    unsigned char utf8_lo_ = 0x80, utf8_hi_ = 0xBF;
    std::size_t utf8_line_ = 0, utf8_col_ = 0;
    unsigned char utf8_lead_ = 0;
    bool utf8_seen_ = false;  // a whole multi-byte character has been read

    std::size_t rows_ = 0;        // records and blank lines started so far
    std::size_t cur_field_ = 0;   // field being read, 1-based
    std::size_t record_ = 0, record_line_ = 0;

    CsvProblem problem_ = CsvProblem::None;
    std::string error_, error_reason_;
    std::size_t error_line_ = 0, error_column_ = 0, error_record_ = 0, error_field_ = 0;
};

// The separator's name for messages: "comma", "semicolon", "tab" (else the character quoted).
std::string csv_separator_name(char separator);
// What to say about a file that is not UTF-8, its first bad sequence starting with `lead`:
// the likely encoding (Windows-1252 or Latin-1, naming the character that byte is there,
// unless the file was UTF-8 until then) and how to save the file as UTF-8 from Excel or
// Google Sheets. One line, starting "the file ...".
std::string not_utf8_advice(unsigned char lead, bool utf8_before);
// How to save a spreadsheet as CSV UTF-8, for messages.
extern const char* const kSaveAsCsvUtf8;

// Writing cells. A spreadsheet runs a cell that starts with '=', '+', '-', '@', tab or
// carriage return as a formula (OWASP, "CSV Injection"), so a text cell starting with one of
// those, or with an apostrophe, gets one more apostrophe in front. A cell that is a plain
// number ("-0.5", "+3", "1e-3") cannot run and is left alone. Reading reverses it exactly:
// a leading apostrophe followed by one of = + - @ tab CR or ' is dropped, so every text
// written comes back as it was (an apostrophe that starts a text is doubled by the writer,
// and one before anything else is kept as it is).
enum class CsvText { Neutralised, Raw };
std::string csv_neutralise(std::string_view text);
std::string csv_restore(std::string text);
void csv_restore_in_place(std::string& text);
// A cell as written: neutralised unless Raw, then quoted when it holds a comma, a quote or a
// line end (RFC 4180).
std::string csv_cell(std::string_view text, CsvText mode = CsvText::Neutralised);
// A number as CSV writes it ("-0.5", "12", "1e-05"): digits with an optional sign, point
// and exponent.
bool is_plain_number(std::string_view text);

}  // namespace ys
