#include "xlsx_writer.h"

#include <memory>
#include <vector>

#include <xlsxwriter.h>

#include "scratch_file.h"

namespace ys::xlsx {
namespace {

// libxlsxwriter's errors in words a user can act on.
std::string words(lxw_error e) {
    switch (e) {
        case LXW_ERROR_MEMORY_MALLOC_FAILED: return "out of memory";
        case LXW_ERROR_CREATING_XLSX_FILE: return "the file could not be created";
        case LXW_ERROR_CREATING_TMPFILE:
        case LXW_ERROR_READING_TMPFILE: return "a temporary file could not be made (is the temporary folder full?)";
        case LXW_ERROR_ZIP_FILE_OPERATION:
        case LXW_ERROR_ZIP_PARAMETER_ERROR:
        case LXW_ERROR_ZIP_BAD_ZIP_FILE:
        case LXW_ERROR_ZIP_INTERNAL_ERROR:
        case LXW_ERROR_ZIP_FILE_ADD:
        case LXW_ERROR_ZIP_CLOSE: return "the file could not be written (is the disk full?)";
        case LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED: return "a text is longer than a spreadsheet cell holds (32,767 characters)";
        case LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED:
        case LXW_ERROR_INVALID_SHEETNAME_CHARACTER:
        case LXW_ERROR_SHEETNAME_START_END_APOSTROPHE:
        case LXW_ERROR_SHEETNAME_ALREADY_USED: return "a sheet name is not allowed by Excel";
        case LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE: return "a sheet has more rows or columns than Excel allows";
        default: return std::string("the spreadsheet library refused it (") + lxw_strerror(e) + ")";
    }
}

// The workbook handle: freed without writing anything unless close() ran.
struct WorkbookFree {
    void operator()(lxw_workbook* w) const { lxw_workbook_free(w); }
};
using WorkbookPtr = std::unique_ptr<lxw_workbook, WorkbookFree>;

struct Formats {
    lxw_format* header = nullptr;
    lxw_format* cells[8][2] = {};  // [Format][bold]
};

const char* num_format(Format f) {
    switch (f) {
        case Format::general: return nullptr;
        case Format::integer: return "0";
        case Format::score: return "0.00";
        case Format::money: return "\xC2\xA3#,##0.00";
        case Format::fte: return "0.00";
        case Format::percent: return "0%";
        case Format::date: return "d mmm yyyy";
        case Format::datetime: return "d mmm yyyy hh:mm";
    }
    return nullptr;
}

// False when the library could not make one (out of memory).
bool make_formats(lxw_workbook* wb, Formats& f) {
    f.header = workbook_add_format(wb);
    if (!f.header) return false;
    format_set_bold(f.header);
    format_set_bottom(f.header, LXW_BORDER_THIN);
    format_set_text_wrap(f.header);
    format_set_align(f.header, LXW_ALIGN_VERTICAL_TOP);
    for (int k = 0; k < 8; ++k)
        for (int b = 0; b < 2; ++b) {
            lxw_format* x = workbook_add_format(wb);
            if (!x) return false;
            if (const char* nf = num_format(static_cast<Format>(k))) format_set_num_format(x, nf);
            if (b) format_set_bold(x);
            format_set_align(x, LXW_ALIGN_VERTICAL_TOP);
            f.cells[k][b] = x;
        }
    return true;
}

// The most characters Excel keeps in one cell.
constexpr std::size_t kCellChars = 32767;

// "C5" for row 4, column 2 (both from 0).
std::string cell_name(std::size_t row, std::size_t col) {
    std::string letters;
    for (std::size_t c = col + 1; c > 0; c = (c - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
    return letters + std::to_string(row + 1);
}

// Characters, as Excel counts a cell's length (UTF-8 continuation bytes do not count).
std::size_t chars(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

// What libxlsxwriter would refuse, found first: it prints its own warning on stderr when it
// refuses, and users see plain words from us instead.
std::string sheet_problem(const Sheet& s) {
    if (s.rows.size() + 1 > LXW_ROW_MAX || s.columns.size() > LXW_COL_MAX)
        return "it has more rows or columns than Excel allows (1,048,576 rows, 16,384 columns)";
    for (std::size_t c = 0; c < s.columns.size(); ++c)
        if (chars(s.columns[c].header) > kCellChars) return "cell " + cell_name(0, c) + ": a text is longer than a spreadsheet cell holds (32,767 characters)";
    for (std::size_t r = 0; r < s.rows.size(); ++r)
        for (std::size_t c = 0; c < s.rows[r].size(); ++c)
            if (s.rows[r][c].kind == Cell::Kind::text && chars(s.rows[r][c].text) > kCellChars)
                return "cell " + cell_name(r + 1, c) + ": a text is longer than a spreadsheet cell holds (32,767 characters)";
    return "";
}

// Writes one sheet; the first libxlsxwriter error, else LXW_NO_ERROR.
lxw_error write_sheet(lxw_worksheet* ws, const Sheet& s, const Formats& f) {
    const std::size_t ncols = s.columns.size();
    for (std::size_t c = 0; c < ncols; ++c) {
        const auto col = static_cast<lxw_col_t>(c);
        if (lxw_error e = worksheet_set_column(ws, col, col, column_width(s, c), nullptr)) return e;
        // worksheet_write_string stores a shared string: "=SUM(A1)" stays text.
        if (lxw_error e = worksheet_write_string(ws, 0, col, s.columns[c].header.c_str(), f.header)) return e;
    }
    for (std::size_t r = 0; r < s.rows.size(); ++r) {
        const auto row = static_cast<lxw_row_t>(r + 1);
        for (std::size_t c = 0; c < s.rows[r].size() && c < ncols; ++c) {
            const Cell& cell = s.rows[r][c];
            const auto col = static_cast<lxw_col_t>(c);
            lxw_format* fmt = f.cells[static_cast<int>(cell.format)][cell.bold ? 1 : 0];
            lxw_error e = LXW_NO_ERROR;
            switch (cell.kind) {
                case Cell::Kind::empty:
                    if (cell.bold) e = worksheet_write_blank(ws, row, col, fmt);
                    break;
                case Cell::Kind::text:
                    if (!cell.text.empty()) e = worksheet_write_string(ws, row, col, cell.text.c_str(), fmt);
                    break;
                case Cell::Kind::number: e = worksheet_write_number(ws, row, col, cell.number, fmt); break;
            }
            if (e) return e;
        }
    }
    worksheet_freeze_panes(ws, 1, 0);
    if (s.filter && ncols > 0)
        if (lxw_error e = worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(s.rows.size()), static_cast<lxw_col_t>(ncols - 1)))
            return e;
    return LXW_NO_ERROR;
}

bool render_to(const Book& book, const ScratchFile& scratch, std::string& error) {
    lxw_workbook_options opts = {};
    opts.constant_memory = LXW_FALSE;
    // Windows: the library's temporary files beside the scratch, in a folder it can spell.
    std::string tmpdir = scratch.library_folder();
    if (!tmpdir.empty()) opts.tmpdir = tmpdir.data();
    WorkbookPtr wb(workbook_new_opt(scratch.library_path(), &opts));
    if (!wb) return error = "the workbook could not be started (out of memory?)", false;
    lxw_doc_properties props = {};
    std::string title = book.title, subject = book.subject, author = "Yardstick";
    props.title = title.data();
    props.subject = subject.data();
    props.author = author.data();
    props.created = static_cast<time_t>(book.created);
    if (lxw_error e = workbook_set_properties(wb.get(), &props)) return error = words(e), false;
    Formats formats;
    if (!make_formats(wb.get(), formats)) return error = words(LXW_ERROR_MEMORY_MALLOC_FAILED), false;
    std::vector<std::string> wanted;
    for (const auto& s : book.sheets) wanted.push_back(s.name);
    const std::vector<std::string> names = sheet_names(wanted);
    for (std::size_t i = 0; i < book.sheets.size(); ++i) {
        if (std::string problem = sheet_problem(book.sheets[i]); !problem.empty())
            return error = "sheet \"" + names[i] + "\", " + problem, false;
        if (lxw_error e = workbook_validate_sheet_name(wb.get(), names[i].c_str()))
            return error = "sheet \"" + names[i] + "\": " + words(e), false;
        lxw_worksheet* ws = workbook_add_worksheet(wb.get(), names[i].c_str());
        if (!ws) return error = "sheet \"" + names[i] + "\" could not be added", false;
        if (lxw_error e = write_sheet(ws, book.sheets[i], formats))
            return error = "sheet \"" + names[i] + "\": " + words(e), false;
    }
    // workbook_close writes the file and frees the handle, whatever it returns.
    const lxw_error e = workbook_close(wb.release());
    if (e) return error = words(e), false;
    return true;
}

}  // namespace

bool render_xlsx(const Book& book, const std::string& near, std::string& bytes, std::string& error) {
    ScratchFile scratch(near);
    if (!scratch.ok()) return error = scratch.error(), false;
    if (!render_to(book, scratch, error)) {
        error = near + ": the workbook was not written: " + error;
        return false;
    }
    return scratch.read(bytes, error);
}

bool write_xlsx(const Book& book, const std::string& path, const WriteOptions& options, std::string& error) {
    std::string bytes;
    if (!render_xlsx(book, path, bytes, error)) return false;
    return write_file_atomic(path, bytes, error, options);
}

}  // namespace ys::xlsx
