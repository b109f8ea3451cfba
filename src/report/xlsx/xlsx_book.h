#pragma once
// A workbook as plain data: sheets of typed cells with their number formats, made by the
// builders (results, benchmark, roadmap) without any spreadsheet library, and written by
// write_xlsx (xlsx_writer.h). Keeping the two apart lets tests read what a builder made
// and keeps libxlsxwriter in one file.
#include <cstdint>
#include <string>
#include <vector>

namespace ys::xlsx {

// How a number is shown; the value stored is always the plain number.
enum class Format { general, integer, score, money, fte, percent, date, datetime };

struct Cell {
    enum class Kind { empty, text, number } kind = Kind::empty;
    std::string text;
    double number = 0;
    Format format = Format::general;
    bool bold = false;
};

Cell text(const std::string& s);                        // always a string, never a formula
Cell number(double v, Format f = Format::general);      // a typed number
Cell date(const std::string& iso);                      // YYYY-MM-DD as a real date; text when it is not one
Cell datetime(std::int64_t unix_seconds);               // UTC, as a real date and time
Cell blank();

struct Column {
    std::string header;
    double width = 0;  // characters; 0: sized from the content
};

struct Sheet {
    std::string name;  // made safe and unique by the writer (sheet_names)
    std::vector<Column> columns;
    std::vector<std::vector<Cell>> rows;  // under the header row
    bool filter = true;                   // an autofilter over the header and rows
};

struct Book {
    std::string title;    // the file's document properties
    std::string subject;
    std::int64_t created = 0;  // unix seconds, for the properties (0: now)
    std::vector<Sheet> sheets;
};

// Names within Excel's rules, in order: at most 31 characters (UTF-8 aware), none of
// []:*?/\, not starting or ending with an apostrophe, not empty, unique ignoring case
// ("Name (2)" for a repeat).
std::vector<std::string> sheet_names(const std::vector<std::string>& wanted);

// The column width (in characters) a sheet gets for column `c`: the given width, else the
// widest of its header and cells, between 8 and 60.
double column_width(const Sheet& s, std::size_t c);

// The "About" sheet every workbook starts with: what it was made from, by what, and when.
struct About {
    std::string what;  // "Round results", "Benchmark", "Roadmap"
    std::string database;  // the database's file name (not its folder)
    std::vector<std::pair<std::string, std::string>> rows;  // organisation, round, framework, ...
    std::string made_by;   // "Yardstick 0.9.0"
    std::string date;      // YYYY-MM-DD
    bool anonymised = false;
    bool anonymise_applies = true;  // whether the "Anonymised" row means anything here
};
Sheet about_sheet(const About& a);

}  // namespace ys::xlsx
