#pragma once
// The survey import's reader of one export (not a public API): its parts are in
// survey_columns.cpp (the mapping and the header), survey_answers.cpp (reading one answer)
// and survey_rows.cpp (the rows, and the whole run).
#include <cstddef>
#include <cstdint>
#include <istream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "csv.h"
#include "survey_import.h"
#include "survey_source.h"
#include "survey_text.h"

namespace ys::survey {

// Team, TargetRole, AgeBand: a skills round's respondent tags (respondent_tags.h).
enum class Target { None, Question, Id, Role, Name, Email, Submitted, Team, TargetRole, AgeBand };

// What a mapping's answer text stands for.
struct Mapped {
    enum Kind { Option, Steps, NotApplicable, DontKnow, Nothing } kind = Option;
    int index = 0;  // option index, or for chains the number of steps answered yes
};

class Importer {
public:
    Importer(std::istream& in, const std::string& file, const Questionnaire& q, const SurveyMapping* mapping,
             const SurveyImportOptions& options);
    SurveyImport run();

private:
    struct Col {
        Target target = Target::None;
        int question = -1;
    };

    // survey_columns.cpp: the mapping, checked against the questionnaire, and the header.
    // The separator that splits the header row into columns the questionnaire knows.
    void choose_separator(const std::string& head);
    // 2 for a question's column, 1 for a respondent detail's, 0 for any other.
    int header_kind(const std::string& header) const;
    void mapping_problem(Severity sev, const std::string& pointer, const std::string& message);
    std::string step_list(const Question& qu) const;
    void check_mapping();
    void match_header();
    // SurveyMonkey writes a second header row ("Response", "Open-Ended Response").
    bool is_sub_header(const std::vector<std::string>& fields) const;
    // Texts that stand for one checklist option (or for nothing), longest first.
    void build_candidates(int qi);

    // survey_answers.cpp: one answer; false with a message saying what was expected.
    // An item in the respondent's own words under "Other" is left out and put in `free_text`:
    // true with the checklist options ticked beside it, false (and `error` empty) when it was
    // the whole answer.
    bool read_answer(int qi, const std::string& text, Answer& a, std::string& error, std::string& free_text) const;
    bool read_checklist(int qi, const std::string& text, const std::string& n, Answer& a, std::string& unknown,
                        std::string& error, std::string& free_text) const;
    template <class OnSpecial>
    bool read_chain(int qi, const std::string& text, const std::string& n, Answer& a, std::string& error,
                    OnSpecial special) const;

    // survey_rows.cpp: the rows.
    std::string where(std::size_t row, std::size_t col) const;
    std::string header_suffix(std::size_t col) const;
    void csv_error();
    // A cell's text, with the apostrophe Yardstick's CSV export puts before a formula-like text taken off (csv.h).
    static std::string cell(const std::vector<std::string>& f, std::size_t j);
    void read_row(const std::vector<std::string>& f, std::size_t row);
    // The submission time of a row, in the order the column's dates are in: false with a
    // message when the cell cannot be read (or contradicts the order of earlier rows);
    // `pending` set when the order is not known yet (survey_dates.cpp).
    bool read_submitted(const std::string& text, std::size_t row, std::int64_t& at, std::optional<std::pair<std::int64_t, std::int64_t>>& pending,
                        std::string& error);
    // Once every row is read: the times that waited for the order, and a note saying which.
    void finish_dates();
    int find_role(const std::string& text) const;

    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    std::istream& in_;
    std::unique_ptr<ReplayBuf> replay_;       // the header row's bytes, then the rest of in_
    std::unique_ptr<std::istream> replayed_;
    std::unique_ptr<CsvReader> reader_;
    char sep_ = ',';
    std::string separator_remark_;  // why no separator matched, for the "no column" error
    std::size_t data_rows_ = 0;  // rows that are not blank, after the header
    std::string file_;
    const Questionnaire& q_;
    const SurveyMapping* mapping_;
    SurveyImportOptions options_;
    DateOrder order_ = DateOrder::DayMonthYear;
    bool order_given_ = false;  // by the mapping; otherwise decided by the dates (survey_dates.cpp)
    std::optional<DateOrder> decided_;      // by the first date that reads only one way
    std::size_t decided_row_ = 0, ambiguous_row_ = 0;
    std::string decided_text_, ambiguous_text_;
    struct PendingDate {
        std::size_t respondent;  // in out_.respondents
        std::int64_t dmy, mdy;
    };
    std::vector<PendingDate> pending_;
    SurveyImport out_;

    std::vector<std::vector<std::string>> labels_;  // normalised option labels, per question
    std::vector<std::vector<std::string>> steps_;   // normalised step texts, per question
    std::vector<std::vector<std::pair<std::string, int>>> candidates_;  // checklist texts, longest first
    std::vector<std::map<std::string, Mapped>> mapped_;  // the mapping's answer texts, per question
    std::map<std::string, std::vector<int>> by_text_;    // normalised question text -> questions
    std::map<std::string, std::pair<int, std::string>> mapped_columns_;  // normalised header -> question
    std::map<std::string, int> mapped_roles_;

    std::vector<std::string> headers_;
    std::vector<Col> cols_;
    std::vector<std::vector<std::size_t>> question_cols_;
    std::size_t question_columns_ = 0;
    int respondent_col_[10] = {-1, -1, -1, -1, -1, -1, -1, -1, -1, -1};  // by Target
    std::map<std::string, std::size_t> keys_;  // respondent id -> row
};

}  // namespace ys::survey
