#pragma once
// Writes a Book as an .xlsx file with libxlsxwriter: a bold, frozen header row on every
// sheet, autofilters, column widths from the content, numbers stored as numbers with
// their formats, dates as real dates, every text as a string (never a formula).
#include <string>

#include "atomic_file.h"
#include "xlsx_book.h"

namespace ys::xlsx {

// Atomically: the whole workbook or nothing (a failure leaves `path` as it was). False
// with a one-line error naming the file and what went wrong.
bool write_xlsx(const Book& book, const std::string& path, const WriteOptions& options, std::string& error);

// The workbook's bytes alone, made in a scratch file beside `near` (tests compare two runs).
bool render_xlsx(const Book& book, const std::string& near, std::string& bytes, std::string& error);

}  // namespace ys::xlsx
