#include <charconv>
#include <fstream>
#include <map>
#include <unordered_map>

#include "answers_csv.h"
#include "catalogue.h"
#include "csv.h"
#include "import_csv.h"
#include "json_fields.h"
#include "input_limits.h"
#include "number_format.h"
#include "organisations.h"
#include "rounds.h"
#include "text_check.h"
#include "timestamps.h"
#include "io/platform.h"

namespace ys::store {
namespace {

constexpr std::size_t kMaxReportedProblems = 200;

// The round being filled: its questionnaire and the respondents read so far.
struct OpenRound {
    std::string id;
    std::string org, period, questionnaire;  // as written in the file
    std::shared_ptr<const Questionnaire> q;
    std::unordered_map<std::string, int> question_index;
    std::vector<Respondent> respondents;
    std::unordered_map<std::string, std::size_t> by_key;
};

}  // namespace

ImportReport import_long_csv(Connection& c, const std::string& path, const std::vector<std::string>& library_dirs,
                             bool dry_run, Progress* progress) {
    ImportReport report;
    Diagnostics& diags = report.diagnostics;
    diags.set_file(path);
    // No byte limit (it streams), but a folder is said to be one.
    if (std::string why = file_size_problem(path, UINT64_MAX); !why.empty()) {
        diags.error("", why);
        return report;
    }
    std::ifstream in(platform::path_from_utf8(path), std::ios::binary);
    if (!in) {
        diags.error("", "cannot open file");
        return report;
    }
    CsvReader csv(in);
    std::vector<std::string> row;
    if (!csv.next(row)) {
        diags.error("row 1", csv.error().empty() ? "the file is empty; expected a header row" : csv.error());
        return report;
    }
    std::map<std::string, int> col;
    for (std::size_t i = 0; i < row.size(); ++i) col[row[i]] = static_cast<int>(i);
    for (const char* needed : {"organisation", "period", "questionnaire", "respondent", "question", "answer"})
        if (!col.count(needed)) diags.error("row 1", std::string("missing the column \"") + needed + "\"");
    if (diags.has_errors()) return report;
    auto column = [&col](const char* name) { return col.count(name) ? col[name] : -1; };
    const int c_org = col["organisation"], c_period = col["period"], c_q = col["questionnaire"], c_resp = col["respondent"],
              c_question = col["question"], c_answer = col["answer"];
    const int c_version = column("questionnaire_version"), c_role = column("role"), c_name = column("name"),
              c_email = column("email"), c_evidence = column("evidence"), c_confidence = column("confidence"),
              c_at = column("answered_at");

    Catalogue catalogue;
    bool catalogue_loaded = false;
    std::map<std::string, std::shared_ptr<const Questionnaire>> round_questionnaires;
    Transaction t(c);
    OpenRound open;
    std::size_t problems = 0;
    auto problem = [&](std::size_t record, int column_index, const std::string& message) {
        if (++problems <= kMaxReportedProblems)
            diags.error("row " + std::to_string(record) + (column_index >= 0 ? ", column " + std::to_string(column_index + 1) : ""),
                        message);
    };
    auto flush = [&]() {
        if (!open.id.empty() && !open.respondents.empty() && !diags.has_errors()) {
            count_writes(report, open.id, write_respondents(c, open.id, *open.q, open.respondents, progress));
        }
        open.respondents.clear();
        open.by_key.clear();
    };
    auto cell = [&row](int i) -> const std::string& {
        static const std::string empty;
        return i >= 0 && static_cast<std::size_t>(i) < row.size() ? row[i] : empty;
    };
    // Text fields held to the same rules as every other entry point (text/field_limits.h).
    auto text_cells_refused = [&](std::size_t rec, std::initializer_list<std::pair<int, TextField>> cells) {
        for (auto [i, field] : cells)
            if (std::string p = text_problem(field, cell(i)); !p.empty()) return problem(rec, i, p), true;
        return false;
    };

    while (csv.next(row)) {
        const std::size_t rec = csv.record();
        if (progress && rec % 1000 == 0) {
            stop_if_cancelled(progress);
            progress->step(static_cast<long long>(rec), 0, "Reading row " + std::to_string(rec));
        }
        if (row.size() == 1 && row[0].empty()) continue;
        if (rec > kMaxLongCsvRows + 1) {
            diags.error("row " + std::to_string(rec), "more than " + format_count(kMaxLongCsvRows) +
                                                          " answers, the limit for one file; split it into several files "
                                                          "(whole rounds in each) and import them one after another");
            break;
        }
        for (auto& f : row) csv_restore_in_place(f);  // undo the export's formula neutralising (csv.h)
        if (text_cells_refused(rec, {{c_period, TextField::Period}})) continue;
        // Rows come grouped by round: the id is only rebuilt when the round changes.
        if (cell(c_org) != open.org || cell(c_period) != open.period || cell(c_q) != open.questionnaire) {
            std::string round_id = round_id_for(cell(c_org), cell(c_period), cell(c_q));
            flush();
            open = OpenRound{};
            open.id = round_id;
            open.org = cell(c_org);
            open.period = cell(c_period);
            open.questionnaire = cell(c_q);
            auto known = round_questionnaires.find(round_id);
            if (known != round_questionnaires.end()) {
                open.q = known->second;
            } else {
                // Find or start the round.
                Statement s = c.prepare("SELECT 1 FROM round WHERE id = ?");
                s.bind(1, round_id);
                if (s.step()) {
                    RoundRecord r = get_round(c, round_id);
                    open.q = load_questionnaire(c, r.questionnaire_hash, *load_framework(c, r.framework_hash));
                } else if (!find_organisation(c, cell(c_org))) {
                    problem(rec, c_org, "organisation \"" + cell(c_org) + "\" is not in the database; add it with yardstick-cli org add");
                } else {
                    if (!catalogue_loaded) {
                        for (const auto& d : library_dirs) catalogue.add_library(d, "library");
                        catalogue.bind_all();
                        catalogue_loaded = true;
                    }
                    auto q = catalogue.questionnaire(cell(c_q), cell(c_version));
                    if (!q) {
                        problem(rec, c_q, "questionnaire \"" + cell(c_q) + "\" " + cell(c_version) + " was not found in the libraries");
                    } else {
                        new_round(c, cell(c_org), cell(c_period), *catalogue.document_of(catalogue.framework(q->framework_id).get()),
                                  *catalogue.document_of(q.get()));
                        report.rounds_created.push_back(round_id);
                        open.q = q;
                    }
                }
                round_questionnaires[round_id] = open.q;
                if (open.q) report.rounds_touched.push_back(round_id);
            }
            if (open.q)
                for (std::size_t i = 0; i < open.q->questions.size(); ++i) open.question_index[open.q->questions[i].id] = static_cast<int>(i);
        }
        if (!open.q) continue;  // the round's problem is already reported
        const Questionnaire& q = *open.q;
        if (c_version >= 0 && cell(c_version) != q.version) {
            problem(rec, c_version, "round \"" + open.id + "\" uses version " + q.version + " of \"" + q.id + "\", not " + cell(c_version));
            continue;
        }
        auto qi = open.question_index.find(cell(c_question));
        if (qi == open.question_index.end()) {
            problem(rec, c_question, "unknown question \"" + cell(c_question) + "\" in \"" + q.id + "\"");
            continue;
        }
        const Question& qu = q.questions[qi->second];
        Answer a;
        a.question = static_cast<std::uint16_t>(qi->second);
        std::string error;
        if (!answer_from_text(qu, cell(c_answer), a, error)) {
            problem(rec, c_answer, error);
            continue;
        }
        a.evidence = cell(c_evidence);
        if (text_cells_refused(rec, {{c_evidence, TextField::Evidence}})) continue;
        if (!cell(c_confidence).empty()) {
            double x = -1;
            auto res = std::from_chars(cell(c_confidence).data(), cell(c_confidence).data() + cell(c_confidence).size(), x);
            if (res.ec != std::errc() || x < 0 || x > 1) {
                problem(rec, c_confidence, "expected a confidence from 0 to 1, found \"" + cell(c_confidence) + "\"");
                continue;
            }
            a.confidence = static_cast<float>(x);
        }
        if (!cell(c_at).empty()) {
            auto at = parse_iso_datetime(cell(c_at));
            if (!at) {
                problem(rec, c_at, "expected a time such as 2026-03-14T10:22:05Z, found \"" + cell(c_at) + "\"");
                continue;
            }
            a.answered_at = *at;
        }
        const std::string& key = cell(c_resp);
        auto found = open.by_key.find(key);
        if (found == open.by_key.end()) {
            if (!is_valid_id(key)) {
                problem(rec, c_resp, "respondent \"" + key + "\" is not a valid key (lower case letters, digits, '-', '_', '.')");
                continue;
            }
            if (open.respondents.size() >= kMaxRoundRespondents) {
                problem(rec, c_resp, "more than " + format_count(kMaxRoundRespondents) + " respondents in the round of " +
                                         open.org + " for " + open.period + ", the limit for one round");
                break;
            }
            Respondent r;
            r.id = key;
            r.role = c_role >= 0 && !cell(c_role).empty() ? q.find_role(cell(c_role)) : -1;
            if (c_role >= 0 && !cell(c_role).empty() && r.role < 0) {
                problem(rec, c_role, "unknown role \"" + cell(c_role) + "\" in \"" + q.id + "\"");
                continue;
            }
            r.name = cell(c_name);
            r.email = cell(c_email);
            if (text_cells_refused(rec, {{c_name, TextField::RespondentName}, {c_email, TextField::RespondentEmail}})) continue;
            found = open.by_key.emplace(key, open.respondents.size()).first;
            open.respondents.push_back(std::move(r));
        }
        open.respondents[found->second].answers.push_back(std::move(a));
    }
    if (!csv.error().empty()) diags.error("row " + std::to_string(csv.error_record()), csv.error());
    flush();
    if (problems > kMaxReportedProblems)
        diags.error("", std::to_string(problems - kMaxReportedProblems) + " more problems not listed");
    if (!report.ok() || dry_run) return report;
    t.commit();
    return report;
}

}  // namespace ys::store
