#pragma once
// Importing a survey tool's CSV export (Microsoft Forms, Google Forms, SurveyMonkey: one
// row per respondent, one column per question) as respondents of a bound questionnaire.
// See docs/survey-csv-import.md.
#include <cstddef>
#include <cstdint>
#include <istream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "answers.h"
#include "csv.h"
#include "diagnostics.h"
#include "questionnaire.h"

namespace ys {

inline constexpr const char* kSurveyMappingFormat = "yardstick-csv-mapping/1";

enum class DateOrder { DayMonthYear, MonthDayYear };

// Which column holds what, for exports whose headers do not match the questionnaire.
struct SurveyMapping {
    std::string source;         // the mapping file's name (diagnostics about it name it)
    std::string questionnaire;  // "" when not given
    std::map<std::string, std::string> columns;  // header text -> question id
    struct RespondentColumns {
        std::string id, role, name, email, submitted;  // header texts, "" when not given
    } respondent;
    std::map<std::string, std::string> roles;  // answer text -> role id
    // question id -> answer text -> option id (for chain questions: step id or "none";
    // for any question also "na" or "dont_know" where no option has that id)
    std::map<std::string, std::map<std::string, std::string>> options;
    // Not given: decided by the dates in the file (docs/survey-csv-import.md, "Timestamps").
    std::optional<DateOrder> date_order;
};

// Reads a "yardstick-csv-mapping/1" document; errors name JSON pointers. Whether its
// question, option and role ids exist is checked by read_survey_csv.
std::optional<SurveyMapping> parse_survey_mapping(const nlohmann::json& doc, Diagnostics& diags);

struct SurveyImportOptions {
    bool skip_invalid = false;
    CsvLimits limits = {};
};

struct SkippedRow {
    std::size_t record;  // CSV record (the header is record 1)
    std::string reason;  // the row's first error
};

struct ColumnMatch {
    std::size_t column;  // 1-based
    std::string header;
    // A question id, or "respondent id", "role", "name", "email", "submitted", or "" when ignored.
    std::string target;
    std::string how;  // "id", "text", "mapping", or "ignored: <reason>"
};

struct SurveyImport {
    std::vector<Respondent> respondents;
    std::vector<std::size_t> records;  // CSV record of each respondent
    std::vector<SkippedRow> skipped;
    std::vector<ColumnMatch> columns;
    // How the file was read, where it was a choice: its separator, the order of its dates.
    std::vector<std::string> notes;
    Diagnostics diags;
    bool ok() const { return !diags.has_errors(); }
};

// Reads the export: comma-, semicolon- or tab-separated, whichever splits the header row into
// columns that match the questionnaire. Every problem is a diagnostic whose file is file_name and whose
// where is "row R, column C" ("row 1" for the header); problems in the mapping name the
// mapping's file and a JSON pointer. Without skip_invalid any invalid row makes ok()
// false (every row is still checked); with it, invalid rows are left out and listed in
// `skipped`, and their problems become warnings. A CSV syntax error is always an error.
SurveyImport read_survey_csv(std::istream& in, const std::string& file_name, const Questionnaire& q,
                             const SurveyMapping* mapping, const SurveyImportOptions& options);

// The pieces, for tests and for other importers.
// "14/03/2026 10:22:05", "3/14/2026 10:22:05 AM" (MonthDayYear), "2026/03/14 10:22:05 AM GMT+1",
// ISO 8601; seconds since 1970 (UTC; times without a zone are taken as UTC).
std::optional<std::int64_t> parse_survey_timestamp(const std::string& text, DateOrder order);
// "1,234.5", "-3", "12" (never the locale's format).
std::optional<double> parse_survey_number(const std::string& text);
// Trimmed, white space collapsed, ASCII lower case, curly quotes made straight.
std::string normalise_answer_text(const std::string& text);
// normalise_answer_text, then without Microsoft Forms' "3. " numbering and a trailing "?", ":" or "*".
std::string normalise_header(const std::string& text);

}  // namespace ys
