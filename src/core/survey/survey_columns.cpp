#include <algorithm>
#include <optional>
#include <set>
#include <tuple>

#include "json_read.h"
#include "survey_importer.h"

namespace ys::survey {
namespace {

const char* target_name(Target t) {
    switch (t) {
        case Target::Id: return "respondent id";
        case Target::Role: return "role";
        case Target::Name: return "name";
        case Target::Email: return "email";
        case Target::Submitted: return "submitted";
        case Target::Team: return "team";
        case Target::TargetRole: return "target_role";
        case Target::AgeBand: return "age_band";
        default: return "";
    }
}

const char* target_phrase(Target t) {
    switch (t) {
        case Target::Id: return "the respondent id";
        case Target::Role: return "the role";
        case Target::Name: return "the name";
        case Target::Email: return "the email address";
        case Target::Submitted: return "the submission time";
        case Target::Team: return "the team";
        case Target::TargetRole: return "the target role";
        case Target::AgeBand: return "the age band";
        default: return "";
    }
}

// Respondent columns recognised by their header; for the submission time, a lower rank wins.
struct KnownHeader {
    const char* text;
    Target target;
    int rank;
};
const KnownHeader kKnownHeaders[] = {
    {"id", Target::Id, 0},
    {"respondent id", Target::Id, 0},
    {"response id", Target::Id, 0},
    {"email", Target::Email, 0},
    {"email address", Target::Email, 0},
    {"name", Target::Name, 0},
    {"full name", Target::Name, 0},
    {"role", Target::Role, 0},
    {"completion time", Target::Submitted, 0},
    {"date submitted", Target::Submitted, 1},
    {"submitted", Target::Submitted, 2},
    {"end date", Target::Submitted, 3},
    {"timestamp", Target::Submitted, 4},
    {"start time", Target::Submitted, 5},
    {"team", Target::Team, 0},
    {"target_role", Target::TargetRole, 0},
    {"target role", Target::TargetRole, 0},
    {"age_band", Target::AgeBand, 0},
    {"age band", Target::AgeBand, 0},
};

// Columns survey tools add that hold no answers.
const char* kToolColumns[] = {"collector id", "ip address", "last modified time", "start date", "first name",
                              "last name", "custom data", "custom data 1", "total points", "score",
                              "quiz feedback", "language", "response type"};

}  // namespace

int Importer::header_kind(const std::string& header) const {
    const std::string h = normalise_header(header);
    if (h.empty()) return 0;
    if (mapped_columns_.count(h) || q_.find_question(h) >= 0 || by_text_.count(h)) return 2;
    if (mapping_) {
        const auto& r = mapping_->respondent;
        for (const std::string* m : {&r.id, &r.role, &r.name, &r.email, &r.submitted})
            if (!m->empty() && normalise_header(*m) == h) return 1;
    }
    for (const auto& k : kKnownHeaders)
        if (h == k.text) return 1;
    return 0;
}

void Importer::choose_separator(const std::string& head) {
    struct Split {
        char sep;
        std::optional<std::vector<std::string>> fields;
        std::string why;  // when it does not split
        int questions = 0, known = 0;
    };
    std::vector<Split> splits;
    for (char sep : kSeparators) {
        Split s{sep, std::nullopt, "", 0, 0};
        s.fields = split_header(head, sep, options_.limits, &s.why);
        if (s.fields)
            for (const auto& f : *s.fields) {
                const int k = header_kind(f);
                s.questions += k == 2;
                s.known += k > 0;
            }
        splits.push_back(std::move(s));
    }
    // The split with the most question columns, then the most known columns, else the most
    // columns; the earlier separator when equal.
    const Split* best = &splits[0];
    for (const Split& s : splits) {
        if (!s.fields) continue;
        if (!best->fields || std::tie(s.questions, s.known) > std::tie(best->questions, best->known) ||
            (best->questions == 0 && s.questions == 0 && s.fields->size() > best->fields->size()))
            best = &s;
    }
    sep_ = best->fields ? best->sep : ',';
    if (!best->fields) {  // no split reads: the separator the first line holds most of, so the reader says why
        std::size_t most = 0;
        const std::string line = head.substr(0, head.find_first_of("\r\n", head.find_first_not_of("\r\n")));
        for (char sep : kSeparators) {
            const std::size_t n = static_cast<std::size_t>(std::count(line.begin(), line.end(), sep));
            if (n > most) most = n, sep_ = sep;
        }
        return;
    }
    const Split& comma = splits[0];
    if (best->fields && best->questions > 0) {
        if (sep_ != ',')
            out_.notes.push_back("read as " + csv_separator_name(sep_) + "-separated: the header row splits into " +
                                 std::to_string(best->fields->size()) + " columns at " + csv_separator_name(sep_) +
                                 "s, " + std::to_string(best->questions) + " of them questions" +
                                 (comma.fields ? ", against " + std::to_string(comma.questions) + " at commas" : ""));
        return;
    }
    // No split finds a question: say what the separators make of the header row.
    if (!comma.fields) return;  // the reader reports why it cannot be read
    const std::size_t n = comma.fields->size();
    const std::string columns = n == 1 ? "one column" : std::to_string(n) + " columns";
    for (const Split& s : splits) {
        const std::size_t count = s.sep == ',' ? 0 : count_char(*comma.fields, s.sep);
        if (count < n) continue;  // not more of them than columns: not its separator
        separator_remark_ = "; the header row has " + columns + " with " + std::to_string(count) + " " +
                            csv_separator_name(s.sep) + (count == 1 ? "" : "s") + " in " + (n == 1 ? "it" : "them") +
                            ": the file looks " +
                            csv_separator_name(s.sep) + "-separated, but ";
        if (!s.fields) {
            separator_remark_ += "it does not read that way (" + s.why + ")";
        } else {
            std::vector<std::string> first;
            for (std::size_t i = 0; i < s.fields->size() && i < 4; ++i) first.push_back(in_quotes((*s.fields)[i]));
            separator_remark_ += "split at " + csv_separator_name(s.sep) + "s no column matches either (" +
                                 join(first) + (s.fields->size() > 4 ? ", ..." : "") + ")";
        }
        return;
    }
}

void Importer::mapping_problem(Severity sev, const std::string& pointer, const std::string& message) {
    out_.diags.add({sev, mapping_->source, pointer, message});
}

std::string Importer::step_list(const Question& qu) const {
    std::vector<std::string> ids;
    for (const auto& s : qu.steps) ids.push_back(s.id);
    return join(ids);
}

void Importer::check_mapping() {
    const SurveyMapping& m = *mapping_;
    if (!m.questionnaire.empty() && m.questionnaire != q_.id)
        mapping_problem(Severity::Error, "/questionnaire",
                        "the mapping is for questionnaire \"" + m.questionnaire + "\"; expected \"" + q_.id +
                            "\", the questionnaire being imported");
    for (const auto& [header, qid] : m.columns) {
        int qi = q_.find_question(qid);
        if (qi < 0) {
            mapping_problem(Severity::Error, "/columns/" + pointer_escape(header),
                            "unknown question \"" + qid + "\" in questionnaire \"" + q_.id + "\"");
            continue;
        }
        mapped_columns_[normalise_header(header)] = {qi, header};
    }
    for (const auto& [text, rid] : m.roles) {
        int ri = q_.find_role(rid);
        if (ri < 0) {
            std::vector<std::string> ids;
            for (const auto& x : q_.roles) ids.push_back(x.id);
            mapping_problem(Severity::Error, "/roles/" + pointer_escape(text),
                            "unknown role \"" + rid + "\"; expected one of: " +
                                (ids.empty() ? "(the questionnaire has no respondent roles)" : join(ids)));
            continue;
        }
        mapped_roles_[normalise_answer_text(text)] = ri;
    }
    for (const auto& [qid, texts] : m.options) {
        const std::string qptr = "/options/" + pointer_escape(qid);
        int qi = q_.find_question(qid);
        if (qi < 0) {
            mapping_problem(Severity::Error, qptr, "unknown question \"" + qid + "\" in questionnaire \"" + q_.id + "\"");
            continue;
        }
        const Question& qu = q_.questions[qi];
        for (const auto& [text, value] : texts) {
            const std::string ptr = qptr + "/" + pointer_escape(text);
            Mapped r;
            bool found = false;
            for (std::size_t k = 0; k < qu.options.size() && !found; ++k)
                if (qu.options[k].id == value) r = {Mapped::Option, static_cast<int>(k)}, found = true;
            for (std::size_t k = 0; k < qu.steps.size() && !found; ++k)
                if (qu.steps[k].id == value) r = {Mapped::Steps, static_cast<int>(k + 1)}, found = true;
            if (!found && value == "none" &&
                (qu.kind == QuestionKind::Chain || qu.kind == QuestionKind::Checklist))
                r = {qu.kind == QuestionKind::Chain ? Mapped::Steps : Mapped::Nothing, 0}, found = true;
            if (!found && value == "na") {
                r = {Mapped::NotApplicable, 0}, found = true;
                if (!qu.allow_na) {
                    mapping_problem(Severity::Error, ptr, "question \"" + qid + "\" does not allow \"not applicable\"");
                    continue;
                }
            }
            if (!found && value == "dont_know") {
                r = {Mapped::DontKnow, 0}, found = true;
                if (!qu.allow_dont_know) {
                    mapping_problem(Severity::Error, ptr, "question \"" + qid + "\" does not allow \"don't know\"");
                    continue;
                }
            }
            if (!found) {
                std::string expected;
                switch (qu.kind) {
                    case QuestionKind::Choice:
                    case QuestionKind::Likert: expected = option_ids(qu) + ", na or dont_know"; break;
                    case QuestionKind::Checklist: expected = option_ids(qu) + ", none, na or dont_know"; break;
                    case QuestionKind::Chain: expected = step_list(qu) + ", none, na or dont_know"; break;
                    case QuestionKind::Number: expected = "na or dont_know (a number question has no options)"; break;
                }
                mapping_problem(Severity::Error, ptr,
                                "\"" + value + "\" is not an option of \"" + qid + "\"; expected one of: " + expected);
                continue;
            }
            mapped_[qi][normalise_answer_text(text)] = r;
        }
    }
}

void Importer::match_header() {
    const std::size_t n = headers_.size();
    cols_.assign(n, Col{});
    out_.columns.resize(n);
    std::vector<int> rank(n, 0);
    struct MappedRespondent {
        Target target;
        const std::string* header;
        const char* key;
    };
    std::vector<MappedRespondent> mapped_respondent;
    if (mapping_) {
        const auto& r = mapping_->respondent;
        mapped_respondent = {{Target::Id, &r.id, "id"},
                             {Target::Role, &r.role, "role"},
                             {Target::Name, &r.name, "name"},
                             {Target::Email, &r.email, "email"},
                             {Target::Submitted, &r.submitted, "submitted"}};
    }
    std::set<std::string> present;
    for (std::size_t j = 0; j < n; ++j) {
        ColumnMatch& cm = out_.columns[j];
        cm.column = j + 1;
        cm.header = headers_[j];
        const std::string h = normalise_header(headers_[j]);
        present.insert(h);
        Col& col = cols_[j];
        if (h.empty()) {
            cm.how = "ignored: no header";
            continue;
        }
        if (auto it = mapped_columns_.find(h); it != mapped_columns_.end()) {
            col = {Target::Question, it->second.first};
            cm.how = "mapping";
            continue;
        }
        bool done = false;
        for (const auto& mr : mapped_respondent)
            if (!done && !mr.header->empty() && normalise_header(*mr.header) == h) {
                col.target = mr.target;
                rank[j] = -1;  // named by the mapping: wins
                cm.how = "mapping";
                done = true;
            }
        if (done) continue;
        int qi = q_.find_question(h);
        if (qi >= 0) {
            col = {Target::Question, qi};
            cm.how = "id";
            continue;
        }
        if (auto it = by_text_.find(h); it != by_text_.end()) {
            if (it->second.size() == 1) {
                col = {Target::Question, it->second[0]};
                cm.how = "text";
            } else {
                std::vector<std::string> ids;
                for (int k : it->second) ids.push_back(q_.questions[k].id);
                cm.how = "ignored: the text of several questions (" + join(ids) + "); name one in a mapping file";
            }
            continue;
        }
        for (const auto& k : kKnownHeaders)
            if (!done && h == k.text) {
                col.target = k.target;
                rank[j] = k.rank;
                cm.how = "text";
                done = true;
            }
        if (done) continue;
        bool tool = false;
        for (const char* t : kToolColumns) tool = tool || h == t;
        cm.how = tool ? "ignored: a survey tool's column" : "ignored: not a question of \"" + q_.id + "\"";
    }
    if (mapping_) {
        for (const auto& [header, qid] : mapping_->columns)
            if (!present.count(normalise_header(header)) && q_.find_question(qid) >= 0)
                mapping_problem(Severity::Warning, "/columns/" + pointer_escape(header),
                                "no column \"" + header + "\" in " + file_ + "; this entry is not used");
        for (const auto& mr : mapped_respondent)
            if (!mr.header->empty() && !present.count(normalise_header(*mr.header)))
                mapping_problem(Severity::Warning, std::string("/respondent/") + mr.key,
                                "no column \"" + *mr.header + "\" in " + file_ + "; this entry is not used");
    }
    // One column per respondent detail: the mapping's, else the best ranked, else the first.
    for (Target t : {Target::Id, Target::Role, Target::Name, Target::Email, Target::Submitted, Target::Team,
                     Target::TargetRole, Target::AgeBand}) {
        int best = -1;
        for (std::size_t j = 0; j < n; ++j)
            if (cols_[j].target == t && (best < 0 || rank[j] < rank[best])) best = static_cast<int>(j);
        if (best < 0) continue;
        for (std::size_t j = 0; j < n; ++j) {
            if (cols_[j].target != t || static_cast<int>(j) == best) continue;
            cols_[j].target = Target::None;
            out_.columns[j].how = "ignored: column " + std::to_string(best + 1) + " (" +
                                  in_quotes(headers_[best]) + ") gives " + target_phrase(t);
        }
        if (t == Target::Role && q_.roles.empty()) {
            cols_[best].target = Target::None;
            out_.columns[best].how = "ignored: the questionnaire has no respondent roles";
            continue;
        }
        respondent_col_[static_cast<int>(t)] = best;
    }
    for (std::size_t j = 0; j < n; ++j) {
        if (cols_[j].target == Target::Question) {
            out_.columns[j].target = q_.questions[cols_[j].question].id;
            question_cols_[cols_[j].question].push_back(j);
            ++question_columns_;
        } else {
            out_.columns[j].target = target_name(cols_[j].target);
        }
    }
    if (question_columns_ == 0) return;
    std::vector<std::string> missing;
    for (std::size_t i = 0; i < q_.questions.size(); ++i)
        if (question_cols_[i].empty()) missing.push_back(q_.questions[i].id);
    if (!missing.empty())
        out_.diags.warning("row 1", "no column for question" + std::string(missing.size() > 1 ? "s " : " ") +
                                        join(missing) + "; " + (missing.size() > 1 ? "they" : "it") +
                                        " will be unanswered");
    if (respondent_col_[static_cast<int>(Target::Role)] < 0 && !q_.roles.empty())
        out_.diags.warning("row 1", "no role column; respondents will have no role (expected a column \"Role\" "
                                    "holding one of the questionnaire's respondent roles)");
}

bool Importer::is_sub_header(const std::vector<std::string>& fields) const {
    bool any = false;
    for (const auto& f : fields) {
        std::string n = normalise_answer_text(f);
        if (n.empty()) continue;
        if (n != "response" && n != "open-ended response" && n != "other (please specify)") return false;
        any = true;
    }
    return any;
}

void Importer::build_candidates(int qi) {
    const Question& qu = q_.questions[qi];
    if (qu.kind != QuestionKind::Checklist) return;
    auto& c = candidates_[qi];
    for (std::size_t k = 0; k < qu.options.size(); ++k) {
        c.push_back({normalise_answer_text(qu.options[k].id), static_cast<int>(k)});
        c.push_back({labels_[qi][k], static_cast<int>(k)});
    }
    for (const auto& [text, m] : mapped_[qi])
        if (m.kind == Mapped::Option || m.kind == Mapped::Nothing) c.push_back({text, m.kind == Mapped::Option ? m.index : -1});
    c.erase(std::remove_if(c.begin(), c.end(), [](const auto& x) { return x.first.empty(); }), c.end());
    std::stable_sort(c.begin(), c.end(), [](const auto& x, const auto& y) { return x.first.size() > y.first.size(); });
}

}  // namespace ys::survey
