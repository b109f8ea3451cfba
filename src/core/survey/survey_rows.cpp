#include <memory>
#include <sstream>
#include <tuple>
#include <utility>

#include "input_limits.h"
#include "json_fields.h"
#include "number_format.h"
#include "respondent_tags.h"
#include "survey_importer.h"
#include "text_check.h"

namespace ys::survey {

Importer::Importer(std::istream& in, const std::string& file, const Questionnaire& q, const SurveyMapping* mapping,
         const SurveyImportOptions& options)
    : in_(in), file_(file), q_(q), mapping_(mapping), options_(options) {
    out_.diags.set_file(file);
    const std::size_t nq = q.questions.size();
    labels_.resize(nq);
    steps_.resize(nq);
    candidates_.resize(nq);
    mapped_.resize(nq);
    question_cols_.resize(nq);
    for (std::size_t i = 0; i < nq; ++i) {
        const Question& qu = q.questions[i];
        for (const auto& o : qu.options) labels_[i].push_back(normalise_answer_text(o.label));
        for (const auto& s : qu.steps) steps_[i].push_back(normalise_answer_text(s.text));
        std::string t = normalise_header(qu.text);
        if (!t.empty()) by_text_[t].push_back(static_cast<int>(i));
    }
    if (mapping_ && mapping_->date_order) {
        order_ = *mapping_->date_order;
        order_given_ = true;
    }
}

SurveyImport Importer::run() {
    if (mapping_) check_mapping();
    // The header row is read ahead to choose the separator, then read again by the CSV reader.
    std::stringbuf nothing;  // outlives the reader, which is only used within run()
    std::streambuf& source = in_.rdbuf() ? *in_.rdbuf() : nothing;
    std::string head = read_head(source, options_.limits.max_record_bytes + 16);
    choose_separator(head);
    replay_ = std::make_unique<ReplayBuf>(std::move(head), source);
    replayed_ = std::make_unique<std::istream>(replay_.get());
    reader_ = std::make_unique<CsvReader>(*replayed_, options_.limits, sep_);
    std::vector<std::string> fields;
    if (!reader_->next(fields)) {
        if (!reader_->error().empty()) csv_error();
        else out_.diags.error("row 1", "the file is empty; expected a header row naming the questions, then one "
                                       "row per respondent");
        return std::move(out_);
    }
    headers_ = fields;
    match_header();
    if (question_columns_ == 0) {
        out_.diags.error("row 1", "no column matches a question of \"" + q_.id + "\"" + separator_remark_ +
                                      "; expected headers that are the questions' ids or texts, or a mapping "
                                      "file naming the question of each column");
        return std::move(out_);
    }
    for (std::size_t i = 0; i < candidates_.size(); ++i) build_candidates(static_cast<int>(i));
    while (reader_->next(fields)) {
        const std::size_t row = reader_->record();
        if (row == 2 && is_sub_header(fields)) continue;
        bool blank = true;
        for (const auto& f : fields)
            if (!trim(f).empty()) blank = false;
        if (blank) continue;
        if (++data_rows_ > kMaxRoundRespondents) {
            out_.diags.error("row " + std::to_string(row),
                             "more than " + format_count(kMaxRoundRespondents) +
                                 " respondents, the limit for one round; check that the file is the export of "
                                 "one survey");
            return std::move(out_);
        }
        read_row(fields, row);
    }
    if (!reader_->error().empty()) csv_error();
    finish_dates();
    return std::move(out_);
}

std::string Importer::where(std::size_t row, std::size_t col) const {
    return "row " + std::to_string(row) + (col == npos ? "" : ", column " + std::to_string(col + 1));
}

std::string Importer::header_suffix(std::size_t col) const {
    if (col >= headers_.size() || trim(headers_[col]).empty()) return "";
    return " (" + in_quotes(trim(headers_[col])) + ")";
}

void Importer::csv_error() {
    const std::size_t row = reader_->error_record(), col = reader_->error_field() - 1;
    out_.diags.error(where(row, col), reader_->error_reason() + " (line " + std::to_string(reader_->error_line()) +
                                          ", character " + std::to_string(reader_->error_column()) + ")" +
                                          (row > 1 ? header_suffix(col) : ""));
}

std::string Importer::cell(const std::vector<std::string>& f, std::size_t j) {
    return j < f.size() ? csv_restore(trim(f[j])) : "";
}

void Importer::read_row(const std::vector<std::string>& f, std::size_t row) {
    std::vector<Diagnostic> found;
    auto error = [&](std::size_t col, const std::string& message) {
        found.push_back({Severity::Error, file_, where(row, col), message + header_suffix(col)});
    };
    auto warning = [&](std::size_t col, const std::string& message) {
        found.push_back({Severity::Warning, file_, where(row, col), message + header_suffix(col)});
    };
    // A row that does not split into columns as the header did: read as one cell, its
    // answers would be lost without a word.
    if (f.size() == 1 && headers_.size() > 1)
        for (char other : kSeparators)
            if (std::size_t n = other == sep_ ? 0 : count_char(f, other)) {
                error(0, "the row has one column with " + std::to_string(n) + " " + csv_separator_name(other) +
                             (n == 1 ? "" : "s") + " in it, but the header row is " + csv_separator_name(sep_) +
                             "-separated; expected the same separator in every row");
                break;
            }
    for (std::size_t j = headers_.size(); j < f.size(); ++j)
        if (!trim(f[j]).empty()) {
            error(j, "a value in a column with no header; expected at most " + std::to_string(headers_.size()) +
                         " columns, as in the header row");
            break;
        }

    Respondent r;
    const int id_col = respondent_col_[static_cast<int>(Target::Id)];
    const std::string id_text = id_col >= 0 ? cell(f, static_cast<std::size_t>(id_col)) : "";
    const std::size_t id_at = id_col >= 0 ? static_cast<std::size_t>(id_col) : npos;
    r.id = id_text.empty() ? "row-" + std::to_string(row) : respondent_key(id_text);
    bool id_ok = true;
    if (!is_valid_id(r.id)) {
        error(id_at, "respondent id " + in_quotes(id_text) + " is longer than 128 characters; expected a shorter id");
        id_ok = false;
    }
    if (int c = respondent_col_[static_cast<int>(Target::Role)]; c >= 0) {
        const std::string t = cell(f, static_cast<std::size_t>(c));
        if (!t.empty()) {
            r.role = find_role(t);
            if (r.role < 0) {
                std::vector<std::string> names;
                for (const auto& x : q_.roles) names.push_back(x.name + " (" + x.id + ")");
                error(static_cast<std::size_t>(c), in_quotes(t) + " is not a respondent role of \"" + q_.id +
                                                       "\"; expected one of: " + join(names));
            }
        }
    }
    if (int c = respondent_col_[static_cast<int>(Target::Name)]; c >= 0) r.name = cell(f, static_cast<std::size_t>(c));
    if (int c = respondent_col_[static_cast<int>(Target::Email)]; c >= 0) r.email = cell(f, static_cast<std::size_t>(c));
    if (int c = respondent_col_[static_cast<int>(Target::Team)]; c >= 0) r.team = cell(f, static_cast<std::size_t>(c));
    for (auto [target, field, text] : {std::tuple{Target::Name, TextField::RespondentName, &r.name},
                                       std::tuple{Target::Email, TextField::RespondentEmail, &r.email}})
        if (std::string p = text_problem(field, *text); !p.empty())
            error(static_cast<std::size_t>(respondent_col_[static_cast<int>(target)]), p);
    if (std::string p = team_problem(r.team); !p.empty())
        error(static_cast<std::size_t>(respondent_col_[static_cast<int>(Target::Team)]), p);
    // A skills round's target role (by id or name, as the role column) and age band.
    if (int c = respondent_col_[static_cast<int>(Target::TargetRole)]; c >= 0) {
        const std::string t = cell(f, static_cast<std::size_t>(c));
        const int k = t.empty() ? -1 : find_role(t);
        if (k >= 0) r.target_role = q_.roles[static_cast<std::size_t>(k)].id;
        else if (!t.empty()) error(static_cast<std::size_t>(c), target_role_problem(q_, t));
    }
    if (int c = respondent_col_[static_cast<int>(Target::AgeBand)]; c >= 0) {
        r.age_band = cell(f, static_cast<std::size_t>(c));
        if (std::string p = age_band_problem(r.age_band); !p.empty()) error(static_cast<std::size_t>(c), p);
    }
    std::int64_t answered_at = 0;
    std::optional<std::pair<std::int64_t, std::int64_t>> pending;  // by day/month, by month/day
    if (int c = respondent_col_[static_cast<int>(Target::Submitted)]; c >= 0) {
        const std::string t = cell(f, static_cast<std::size_t>(c));
        std::string problem;
        if (!t.empty() && !read_submitted(t, row, answered_at, pending, problem)) error(static_cast<std::size_t>(c), problem);
    }

    std::vector<std::size_t> answer_col;
    for (std::size_t qi = 0; qi < q_.questions.size(); ++qi) {
        const auto& cols = question_cols_[qi];
        std::size_t first = npos;
        std::string text;
        for (std::size_t c : cols) {
            std::string t = cell(f, c);
            if (t.empty()) continue;
            if (first == npos) {
                first = c;
                text = t;
            } else if (normalise_answer_text(t) != normalise_answer_text(text)) {
                error(c, in_quotes(t) + " differs from " + in_quotes(text) + " in column " + std::to_string(first + 1) +
                             header_suffix(first) + ", which answers the same question \"" + q_.questions[qi].id +
                             "\"; expected one of them empty, or both the same");
            }
        }
        if (first == npos) continue;
        Answer a;
        std::string problem, free_text;
        const std::string& qid = q_.questions[qi].id;
        if (read_answer(static_cast<int>(qi), text, a, problem, free_text)) {
            a.answered_at = answered_at;
            r.answers.push_back(std::move(a));
            answer_col.push_back(first);
            if (!free_text.empty())
                warning(first, in_quotes(free_text) + " holds free text (the respondent's own words under \"Other\"), "
                                   "not an option of \"" + qid + "\": the free text is not imported, the options "
                                   "ticked beside it are");
        } else if (!free_text.empty()) {
            warning(first, in_quotes(free_text) + " is free text (the respondent's own words under \"Other\"), not an "
                               "option of \"" + qid + "\": it is not imported, and \"" + qid + "\" is left "
                               "unanswered for this respondent; the rest of the row is imported");
        } else {
            error(first, problem);
        }
    }

    // Answers to questions whose condition did not hold are not counted.
    std::vector<const Answer*> by_question(q_.questions.size(), nullptr);
    for (const auto& a : r.answers) by_question[a.question] = &a;
    std::vector<Answer> kept;
    kept.reserve(r.answers.size());
    for (std::size_t i = 0; i < r.answers.size(); ++i) {
        const Question& qu = q_.questions[r.answers[i].question];
        if (qu.condition && !condition_holds(q_, qu, by_question)) {
            warning(answer_col[i], "answer ignored: question \"" + qu.id + "\" is only asked when its condition on \"" +
                                       q_.questions[qu.condition->question].id + "\" holds, and it does not");
            continue;
        }
        kept.push_back(r.answers[i]);
    }
    r.answers = std::move(kept);

    if (id_ok) {
        auto it = keys_.find(r.id);
        if (it != keys_.end())
            error(id_at, "duplicate respondent id \"" + r.id + "\", first in row " + std::to_string(it->second) +
                             "; expected each respondent once");
    }

    std::size_t errors = 0;
    for (const auto& d : found) errors += d.severity == Severity::Error;
    if (errors == 0 || !options_.skip_invalid) {
        if (id_ok) keys_.emplace(r.id, row);
        for (auto& d : found) out_.diags.add(std::move(d));
        if (errors == 0) {
            if (pending) pending_.push_back({out_.respondents.size(), pending->first, pending->second});
            out_.respondents.push_back(std::move(r));
            out_.records.push_back(row);
        }
        return;
    }
    for (const auto& d : found)
        if (d.severity == Severity::Error) {
            out_.skipped.push_back({row, d.message});
            break;
        }
    for (auto& d : found) {
        if (d.severity == Severity::Error) {
            d.severity = Severity::Warning;
            d.message = "row skipped: " + d.message;
        }
        out_.diags.add(std::move(d));
    }
}

int Importer::find_role(const std::string& text) const {
    const std::string n = normalise_answer_text(text);
    if (auto it = mapped_roles_.find(n); it != mapped_roles_.end()) return it->second;
    for (std::size_t i = 0; i < q_.roles.size(); ++i)
        if (normalise_answer_text(q_.roles[i].id) == n || normalise_answer_text(q_.roles[i].name) == n)
            return static_cast<int>(i);
    return -1;
}

}  // namespace ys::survey

namespace ys {

SurveyImport read_survey_csv(std::istream& in, const std::string& file_name, const Questionnaire& q,
                             const SurveyMapping* mapping, const SurveyImportOptions& options) {
    return survey::Importer(in, file_name, q, mapping, options).run();
}

}  // namespace ys
