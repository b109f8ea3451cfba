#include "survey_import.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>
#include <system_error>
#include <tuple>
#include <utility>

#include "json_fields.h"
#include "json_read.h"
#include "input_limits.h"
#include "number_format.h"
#include "text_check.h"
#include "timestamps.h"

namespace ys {
namespace {

bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string trim(const std::string& s) {
    std::size_t b = 0, e = s.size();
    while (b < e && is_space(static_cast<unsigned char>(s[b]))) ++b;
    while (e > b && is_space(static_cast<unsigned char>(s[e - 1]))) --e;
    return s.substr(b, e - b);
}

// Input text quoted for a message, cut short (at a character boundary) when long.
std::string in_quotes(const std::string& s) {
    const std::size_t max = 80;
    if (s.size() <= max) return "\"" + s + "\"";
    std::size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    return "\"" + s.substr(0, cut) + "...\"";
}

std::string join(const std::vector<std::string>& items, const char* sep = ", ") {
    std::string s;
    for (const auto& x : items) s += (s.empty() ? "" : sep) + x;
    return s;
}

// How a cell can be read without looking at the question's options.
enum class Special { None, NotApplicable, DontKnow };

Special special_words(const std::string& n) {
    if (n == "n/a" || n == "na" || n == "not applicable") return Special::NotApplicable;
    if (n == "don't know" || n == "dont know" || n == "do not know" || n == "i don't know") return Special::DontKnow;
    return Special::None;
}

bool is_none_word(const std::string& n) {
    return n == "none" || n == "none of these" || n == "none of the above";
}

// Yes/no words in a chain's list of answers: 1 yes, 0 no, -1 neither.
int yes_no(const std::string& n) {
    if (n == "yes" || n == "y" || n == "true") return 1;
    if (n == "no" || n == "n" || n == "false") return 0;
    return -1;
}

enum class Target { None, Question, Id, Role, Name, Email, Submitted };

const char* target_name(Target t) {
    switch (t) {
        case Target::Id: return "respondent id";
        case Target::Role: return "role";
        case Target::Name: return "name";
        case Target::Email: return "email";
        case Target::Submitted: return "submitted";
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
};

// Columns survey tools add that hold no answers.
const char* kToolColumns[] = {"collector id", "ip address", "last modified time", "start date", "first name",
                              "last name", "custom data", "custom data 1", "total points", "score",
                              "quiz feedback", "language", "response type"};

std::string respondent_key(const std::string& text) {
    std::string k;
    for (std::size_t i = 0; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if ((c & 0xC0) == 0x80) continue;  // the rest of a character already replaced
        if ((c >= 'a' && c <= 'z') || is_digit(static_cast<char>(c)) || c == '-' || c == '_' || c == '.')
            k += static_cast<char>(c);
        else if (c >= 'A' && c <= 'Z')
            k += static_cast<char>(c - 'A' + 'a');
        else
            k += '-';
    }
    if (k.empty() || !((k[0] >= 'a' && k[0] <= 'z') || is_digit(k[0]))) k = "r-" + k;
    return k;
}

// What a mapping's answer text stands for.
struct Mapped {
    enum Kind { Option, Steps, NotApplicable, DontKnow, Nothing } kind = Option;
    int index = 0;  // option index, or for chains the number of steps answered yes
};

const char* date_example(DateOrder order) {
    return order == DateOrder::DayMonthYear ? "\"14/03/2026 10:22:05\" (day/month/year)"
                                            : "\"3/14/2026 10:22:05 AM\" (month/day/year)";
}

}  // namespace

std::string normalise_answer_text(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    bool space = false;
    for (std::size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (is_space(c)) {
            space = true;
            ++i;
            continue;
        }
        if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {  // no-break space
            space = true;
            i += 2;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
            unsigned char d = static_cast<unsigned char>(s[i + 2]);
            if (d == 0x98 || d == 0x99) {  // curly single quotes
                out += '\'';
                i += 3;
                continue;
            }
            if (d == 0x9C || d == 0x9D) {  // curly double quotes
                out += '"';
                i += 3;
                continue;
            }
        }
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
        ++i;
    }
    return out;
}

std::string normalise_header(const std::string& text) {
    std::string n = normalise_answer_text(text);
    // Microsoft Forms numbers its questions: "3. Which statement ...".
    std::size_t d = 0;
    while (d < n.size() && d < 4 && is_digit(n[d])) ++d;
    if (d > 0 && d + 1 < n.size() && n[d] == '.' && n[d + 1] == ' ') n.erase(0, d + 2);
    while (!n.empty() && (n.back() == '?' || n.back() == ':' || n.back() == '*' || n.back() == ' ')) n.pop_back();
    return n;
}

std::optional<double> parse_survey_number(const std::string& text) {
    const std::string s = trim(text);
    std::size_t i = 0;
    std::string clean;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) {
        if (s[i] == '-') clean += '-';
        ++i;
    }
    std::string whole, frac;
    std::size_t group = 0;
    bool commas = false;
    for (; i < s.size() && (is_digit(s[i]) || s[i] == ','); ++i) {
        if (s[i] == ',') {
            // Thousands separators: a first group of 1 to 3 digits, then groups of 3.
            if (group == 0 || (!commas && group > 3) || (commas && group != 3)) return std::nullopt;
            commas = true;
            group = 0;
        } else {
            whole += s[i];
            ++group;
        }
    }
    if (commas && group != 3) return std::nullopt;
    if (i < s.size() && s[i] == '.') {
        for (++i; i < s.size() && is_digit(s[i]); ++i) frac += s[i];
        if (frac.empty()) return std::nullopt;
    }
    if (i != s.size() || (whole.empty() && frac.empty())) return std::nullopt;
    clean += whole.empty() ? "0" : whole;
    if (!frac.empty()) clean += "." + frac;
    double v = 0;
    auto [ptr, ec] = std::from_chars(clean.data(), clean.data() + clean.size(), v);
    if (ec != std::errc() || ptr != clean.data() + clean.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

std::optional<std::int64_t> parse_survey_timestamp(const std::string& text, DateOrder order) {
    const std::string s = trim(text);
    if (auto t = parse_iso_datetime(s)) return t;
    std::size_t i = 0;
    // Reads 1..max digits; fails when more follow.
    auto number = [&](std::size_t max, int& value, std::size_t& count) {
        value = 0;
        count = 0;
        while (i < s.size() && is_digit(s[i])) {
            if (++count > max) return false;
            value = value * 10 + (s[i++] - '0');
        }
        return count > 0;
    };
    auto skip_spaces = [&]() {
        while (i < s.size() && s[i] == ' ') ++i;
    };
    auto word = [&](const char* w) {  // case-insensitive
        std::size_t k = 0;
        for (; w[k]; ++k) {
            if (i + k >= s.size()) return false;
            char c = s[i + k];
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
            if (c != w[k]) return false;
        }
        i += k;
        return true;
    };
    int a, b, c;
    std::size_t na, nb, nc;
    if (!number(4, a, na) || i >= s.size()) return std::nullopt;
    const char sep = s[i];
    if (sep != '/' && sep != '-' && sep != '.') return std::nullopt;
    ++i;
    if (!number(2, b, nb) || i >= s.size() || s[i] != sep) return std::nullopt;
    ++i;
    if (!number(4, c, nc)) return std::nullopt;
    int y, m, d;
    if (na == 4) {
        if (nc > 2) return std::nullopt;
        y = a, m = b, d = c;
    } else {
        if (na > 2 || (nc != 4 && nc != 2)) return std::nullopt;
        y = nc == 2 ? 2000 + c : c;
        if (order == DateOrder::DayMonthYear) d = a, m = b;
        else m = a, d = b;
    }
    if (!valid_date(y, m, d)) return std::nullopt;
    int h = 0, mi = 0, se = 0;
    std::int64_t offset = 0;
    if (i < s.size() && s[i] == ',') ++i;
    skip_spaces();
    if (i < s.size()) {
        std::size_t nh, nm, ns;
        if (!number(2, h, nh) || i >= s.size() || s[i] != ':') return std::nullopt;
        ++i;
        if (!number(2, mi, nm) || nm != 2) return std::nullopt;
        if (i < s.size() && s[i] == ':') {
            ++i;
            if (!number(2, se, ns) || ns != 2) return std::nullopt;
            if (i < s.size() && s[i] == '.') {
                ++i;
                if (i >= s.size() || !is_digit(s[i])) return std::nullopt;
                while (i < s.size() && is_digit(s[i])) ++i;
            }
        }
        skip_spaces();
        int half = -1;  // 0 am, 1 pm
        if (word("am") || word("a.m.")) half = 0;
        else if (word("pm") || word("p.m.")) half = 1;
        if (half >= 0) {
            if (h < 1 || h > 12) return std::nullopt;
            h = h % 12 + (half == 1 ? 12 : 0);
        }
        if (h > 23 || mi > 59 || se > 60) return std::nullopt;
        skip_spaces();
        bool zone = false;
        if (word("gmt") || word("utc")) {
            zone = true;
        } else if (word("bst")) {
            offset = 3600;
            zone = true;
        } else if (i < s.size() && s[i] == 'Z') {
            ++i;
            zone = true;
        }
        if (i < s.size() && (s[i] == '+' || s[i] == '-') && offset == 0 && !(zone && s[i - 1] == 'Z')) {
            const int sign = s[i] == '+' ? 1 : -1;
            ++i;
            int oh = 0, om = 0;
            std::size_t noh, nom;
            if (!number(4, oh, noh)) return std::nullopt;
            if (noh == 4) {  // +0100
                om = oh % 100;
                oh /= 100;
            } else if (noh == 3) {
                return std::nullopt;
            } else if (i < s.size() && s[i] == ':') {
                ++i;
                if (!number(2, om, nom) || nom != 2) return std::nullopt;
            }
            if (oh > 14 || om > 59) return std::nullopt;
            offset = sign * (oh * 3600 + om * 60);
        }
        skip_spaces();
        if (i != s.size()) return std::nullopt;
    }
    const std::int64_t t =
        days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d)) * 86400 + h * 3600 + mi * 60 + se - offset;
    if (!time_in_range(t)) return std::nullopt;
    return t;
}

std::optional<SurveyMapping> parse_survey_mapping(const nlohmann::json& doc, Diagnostics& diags) {
    const std::size_t before = diags.error_count();
    JsonAt root(&doc, "", diags);
    if (!root.expect_object()) return std::nullopt;
    root.check_keys({"format", "questionnaire", "columns", "respondent", "roles", "options", "date_order"});
    auto format = root.string("format", Need::Required);
    if (format && *format != kSurveyMappingFormat) {
        root["format"].error("expected \"" + std::string(kSurveyMappingFormat) + "\", found \"" + *format + "\"");
        return std::nullopt;
    }
    SurveyMapping m;
    m.source = diags.file();
    m.questionnaire = root.id("questionnaire", Need::Optional).value_or("");

    // An object of text -> id, whose keys must differ once normalised.
    auto text_to_id = [](const JsonAt& obj, std::map<std::string, std::string>& out, bool header) {
        if (!obj.present() || !obj.expect_object()) return;
        std::map<std::string, std::string> seen;  // normalised -> key
        for (auto it = obj.json().begin(); it != obj.json().end(); ++it) {
            const std::string& key = it.key();
            std::string n = header ? normalise_header(key) : normalise_answer_text(key);
            if (n.empty()) {
                obj[key].error(header ? "empty header text; expected the text of a column's header"
                                      : "empty answer text; expected the text of an answer");
                continue;
            }
            auto [at, fresh] = seen.emplace(n, key);
            if (!fresh) {
                obj[key].error("\"" + key + "\" is the same as \"" + at->second + "\" once case" +
                               (header ? ", spaces, numbering and a trailing ?, : or *" : " and spaces") +
                               " are ignored; expected each once");
                continue;
            }
            if (auto id = obj.id(key, Need::Required)) out[key] = *id;
        }
    };
    text_to_id(root["columns"], m.columns, true);
    text_to_id(root["roles"], m.roles, false);

    JsonAt r = root["respondent"];
    if (r.present() && r.expect_object()) {
        r.check_keys({"id", "role", "name", "email", "submitted"});
        m.respondent.id = r.string("id", Need::Optional).value_or("");
        m.respondent.role = r.string("role", Need::Optional).value_or("");
        m.respondent.name = r.string("name", Need::Optional).value_or("");
        m.respondent.email = r.string("email", Need::Optional).value_or("");
        m.respondent.submitted = r.string("submitted", Need::Optional).value_or("");
        for (const char* k : {"id", "role", "name", "email", "submitted"})
            if (r[k].present() && r[k].json().is_string() && normalise_header(r[k].json().get<std::string>()).empty())
                r[k].error("expected the text of a column's header, found an empty string");
    }

    JsonAt opts = root["options"];
    if (opts.present() && opts.expect_object()) {
        for (auto it = opts.json().begin(); it != opts.json().end(); ++it) {
            if (!is_valid_id(it.key())) {
                opts[it.key()].error("\"" + it.key() + "\" is not a valid question id; expected lower case letters, "
                                     "digits, '-', '_' or '.'");
                continue;
            }
            text_to_id(opts[it.key()], m.options[it.key()], false);
        }
    }

    if (auto order = root.string("date_order", Need::Optional)) {
        if (*order == "dmy") m.date_order = DateOrder::DayMonthYear;
        else if (*order == "mdy") m.date_order = DateOrder::MonthDayYear;
        else root["date_order"].error("expected \"dmy\" (day/month/year) or \"mdy\" (month/day/year), found \"" +
                                      *order + "\"");
    }
    if (diags.error_count() != before) return std::nullopt;
    return m;
}

namespace {

class Importer {
public:
    Importer(std::istream& in, const std::string& file, const Questionnaire& q, const SurveyMapping* mapping,
             const SurveyImportOptions& options)
        : reader_(in, options.limits), file_(file), q_(q), mapping_(mapping), options_(options) {
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
        if (mapping_) order_ = mapping_->date_order;
    }

    SurveyImport run() {
        if (mapping_) check_mapping();
        std::vector<std::string> fields;
        if (!reader_.next(fields)) {
            if (!reader_.error().empty()) csv_error();
            else out_.diags.error("row 1", "the file is empty; expected a header row naming the questions, then one "
                                           "row per respondent");
            return std::move(out_);
        }
        headers_ = fields;
        match_header();
        if (question_columns_ == 0) {
            out_.diags.error("row 1", "no column matches a question of \"" + q_.id +
                                          "\"; expected headers that are the questions' ids or texts, or a mapping "
                                          "file naming the question of each column");
            return std::move(out_);
        }
        for (std::size_t i = 0; i < candidates_.size(); ++i) build_candidates(static_cast<int>(i));
        while (reader_.next(fields)) {
            const std::size_t row = reader_.record();
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
        if (!reader_.error().empty()) csv_error();
        return std::move(out_);
    }

private:
    struct Col {
        Target target = Target::None;
        int question = -1;
    };

    // ---- the mapping, checked against the questionnaire ----

    void mapping_problem(Severity sev, const std::string& pointer, const std::string& message) {
        out_.diags.add({sev, mapping_->source, pointer, message});
    }

    std::string step_list(const Question& qu) const {
        std::vector<std::string> ids;
        for (const auto& s : qu.steps) ids.push_back(s.id);
        return join(ids);
    }

    void check_mapping() {
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

    // ---- the header ----

    void match_header() {
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
        for (Target t : {Target::Id, Target::Role, Target::Name, Target::Email, Target::Submitted}) {
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

    // SurveyMonkey writes a second header row ("Response", "Open-Ended Response").
    bool is_sub_header(const std::vector<std::string>& fields) const {
        bool any = false;
        for (const auto& f : fields) {
            std::string n = normalise_answer_text(f);
            if (n.empty()) continue;
            if (n != "response" && n != "open-ended response" && n != "other (please specify)") return false;
            any = true;
        }
        return any;
    }

    // Texts that stand for one checklist option (or for nothing), longest first.
    void build_candidates(int qi) {
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

    // ---- rows ----

    std::string where(std::size_t row, std::size_t col) const {
        return "row " + std::to_string(row) + (col == npos ? "" : ", column " + std::to_string(col + 1));
    }

    std::string header_suffix(std::size_t col) const {
        if (col >= headers_.size() || trim(headers_[col]).empty()) return "";
        return " (" + in_quotes(trim(headers_[col])) + ")";
    }

    void csv_error() {
        const std::size_t row = reader_.error_record(), col = reader_.error_field() - 1;
        out_.diags.error(where(row, col), reader_.error_reason() + " (line " + std::to_string(reader_.error_line()) +
                                              ", character " + std::to_string(reader_.error_column()) + ")" +
                                              (row > 1 ? header_suffix(col) : ""));
    }

    // A cell's text, with the apostrophe Yardstick's CSV export puts before a formula-like text taken off (csv.h).
    static std::string cell(const std::vector<std::string>& f, std::size_t j) {
        return j < f.size() ? csv_restore(trim(f[j])) : "";
    }

    // Reads one answer; false with a message saying what was expected.
    bool read_answer(int qi, const std::string& text, Answer& a, std::string& error) const {
        const Question& qu = q_.questions[qi];
        const std::string n = normalise_answer_text(text);
        a.question = static_cast<std::uint16_t>(qi);
        a.state = AnswerState::Given;
        auto special = [&](Special s) {
            if (s == Special::NotApplicable) {
                a.state = AnswerState::NotApplicable;
                if (!qu.allow_na) error = "question \"" + qu.id + "\" does not allow \"not applicable\", found " + in_quotes(text);
            } else {
                a.state = AnswerState::DontKnow;
                if (!qu.allow_dont_know) error = "question \"" + qu.id + "\" does not allow \"don't know\", found " + in_quotes(text);
            }
            return error.empty();
        };
        if (auto it = mapped_[qi].find(n); it != mapped_[qi].end()) {
            const Mapped& m = it->second;
            switch (m.kind) {
                case Mapped::NotApplicable: return special(Special::NotApplicable);
                case Mapped::DontKnow: return special(Special::DontKnow);
                case Mapped::Nothing: a.ticked = 0; return true;
                case Mapped::Steps: a.choice = static_cast<std::uint8_t>(m.index); return true;
                case Mapped::Option:
                    if (qu.kind == QuestionKind::Checklist) a.ticked = std::uint64_t{1} << m.index;
                    else a.choice = static_cast<std::uint8_t>(m.index);
                    return true;
            }
        }
        switch (qu.kind) {
            case QuestionKind::Choice:
            case QuestionKind::Likert: {
                for (std::size_t k = 0; k < qu.options.size(); ++k)
                    if (qu.options[k].id == n || labels_[qi][k] == n) {
                        a.choice = static_cast<std::uint8_t>(k);
                        return true;
                    }
                if (Special s = special_words(n); s != Special::None) return special(s);
                error = in_quotes(text) + " is not an option of \"" + qu.id + "\"; expected one of: " + option_ids(qu) +
                        " (or their labels)";
                return false;
            }
            case QuestionKind::Checklist: {
                std::string unknown;
                if (read_checklist(qi, text, n, a, unknown, error)) return true;
                if (!error.empty()) return false;
                if (Special s = special_words(n); s != Special::None) return special(s);
                if (is_none_word(n)) {
                    a.ticked = 0;
                    return true;
                }
                error = in_quotes(unknown) + " is not an option of \"" + qu.id + "\"; expected options separated by \";\" "
                        "or \", \", each one of: " + option_ids(qu) + " (or their labels)";
                return false;
            }
            case QuestionKind::Number: {
                if (Special s = special_words(n); s != Special::None) return special(s);
                auto v = parse_survey_number(text);
                if (!v) {
                    error = in_quotes(text) + " is not a number; expected digits with '.' for decimals, such as 12, 4.5 "
                            "or 1,234";
                    return false;
                }
                if ((qu.min && *v < *qu.min) || (qu.max && *v > *qu.max)) {
                    error = "expected a number" + (qu.min ? " from " + plain(*qu.min) : std::string()) +
                            (qu.max ? " up to " + plain(*qu.max) : std::string()) + ", found " + in_quotes(text);
                    return false;
                }
                a.number = *v;
                return true;
            }
            case QuestionKind::Chain: return read_chain(qi, text, n, a, error, special);
        }
        return false;
    }

    // Checklist items separated by ";" (Microsoft Forms, SurveyMonkey) or ", " (Google Forms),
    // matching the longest known text first so that labels holding commas still work.
    // False with `unknown` set when an item matches no option, with `error` for other problems.
    bool read_checklist(int qi, const std::string& text, const std::string& n, Answer& a, std::string& unknown,
                        std::string& error) const {
        const auto& cands = candidates_[qi];
        std::size_t p = 0;
        auto skip = [&]() {
            while (p < n.size() && (n[p] == ' ' || n[p] == ';' || n[p] == ',')) ++p;
        };
        std::uint64_t ticked = 0;
        skip();
        while (p < n.size()) {
            bool matched = false;
            for (const auto& [cand, idx] : cands) {
                if (n.compare(p, cand.size(), cand) != 0) continue;
                std::size_t k = p + cand.size();
                while (k < n.size() && n[k] == ' ') ++k;
                if (k < n.size() && n[k] != ';' && n[k] != ',') continue;
                if (idx >= 0) {
                    const std::uint64_t bit = std::uint64_t{1} << idx;
                    if (ticked & bit) {
                        error = "option \"" + q_.questions[qi].options[idx].id + "\" is ticked twice in " + in_quotes(text);
                        return false;
                    }
                    ticked |= bit;
                }
                p = k;
                matched = true;
                break;
            }
            if (!matched) {
                // Name the first item, as written, that is not an option.
                const char sep = text.find(';') != std::string::npos ? ';' : ',';
                std::size_t b = 0;
                while (b <= text.size()) {
                    std::size_t e = text.find(sep, b);
                    if (e == std::string::npos) e = text.size();
                    std::string item = trim(text.substr(b, e - b)), ni = normalise_answer_text(item);
                    bool known = ni.empty();
                    for (const auto& c : cands) known = known || c.first == ni;
                    if (!known) {
                        unknown = item;
                        return false;
                    }
                    b = e + 1;
                }
                unknown = n.substr(p);
                return false;
            }
            skip();
        }
        a.ticked = ticked;
        return true;
    }

    template <class OnSpecial>
    bool read_chain(int qi, const std::string& text, const std::string& n, Answer& a, std::string& error,
                    OnSpecial special) const {
        const Question& qu = q_.questions[qi];
        for (std::size_t k = 0; k < qu.steps.size(); ++k)
            if (qu.steps[k].id == n || steps_[qi][k] == n) {
                a.choice = static_cast<std::uint8_t>(k + 1);
                return true;
            }
        if (Special s = special_words(n); s != Special::None) return special(s);
        if (n == "none") {
            a.choice = 0;
            return true;
        }
        // A list of yes/no answers, one per step asked.
        std::vector<int> answers;
        bool list = true;
        std::size_t b = 0;
        while (b <= n.size() && list) {
            std::size_t e = n.find_first_of(";,", b);
            if (e == std::string::npos) e = n.size();
            std::string item = trim(n.substr(b, e - b));
            if (!item.empty()) {
                int yn = yes_no(item);
                if (yn < 0) list = false;
                answers.push_back(yn);
            }
            b = e + 1;
        }
        if (list && !answers.empty()) {
            if (answers.size() > qu.steps.size()) {
                error = "question \"" + qu.id + "\" has " + std::to_string(qu.steps.size()) + " steps, but " +
                        std::to_string(answers.size()) + " answers were given in " + in_quotes(text);
                return false;
            }
            std::size_t yes = 0;
            for (std::size_t k = 0; k < answers.size(); ++k) {
                if (k > 0 && answers[k - 1] == 0) {
                    error = "step " + std::to_string(k + 1) + " of \"" + qu.id + "\" is only asked after a yes to step " +
                            std::to_string(k) + ", which was answered no, in " + in_quotes(text);
                    return false;
                }
                yes += static_cast<std::size_t>(answers[k]);
            }
            a.choice = static_cast<std::uint8_t>(yes);
            return true;
        }
        error = in_quotes(text) + " is not an answer to chain question \"" + qu.id +
                "\"; expected yes/no answers separated by \";\" (such as \"Yes;No\"), the id or text of the last step "
                "answered yes (" + step_list(qu) + "), or \"None\"";
        return false;
    }

    void read_row(const std::vector<std::string>& f, std::size_t row) {
        std::vector<Diagnostic> found;
        auto error = [&](std::size_t col, const std::string& message) {
            found.push_back({Severity::Error, file_, where(row, col), message + header_suffix(col)});
        };
        auto warning = [&](std::size_t col, const std::string& message) {
            found.push_back({Severity::Warning, file_, where(row, col), message + header_suffix(col)});
        };
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
        for (auto [target, field, text] : {std::tuple{Target::Name, TextField::RespondentName, &r.name},
                                           std::tuple{Target::Email, TextField::RespondentEmail, &r.email}})
            if (std::string p = text_problem(field, *text); !p.empty())
                error(static_cast<std::size_t>(respondent_col_[static_cast<int>(target)]), p);
        std::int64_t answered_at = 0;
        if (int c = respondent_col_[static_cast<int>(Target::Submitted)]; c >= 0) {
            const std::string t = cell(f, static_cast<std::size_t>(c));
            if (!t.empty()) {
                if (auto v = parse_survey_timestamp(t, order_)) {
                    answered_at = *v;
                } else {
                    DateOrder other = order_ == DateOrder::DayMonthYear ? DateOrder::MonthDayYear : DateOrder::DayMonthYear;
                    std::string hint;
                    if (parse_survey_timestamp(t, other))
                        hint = other == DateOrder::MonthDayYear
                                   ? "; it reads as month/day/year: set \"date_order\": \"mdy\" in a mapping file"
                                   : "; it reads as day/month/year: set \"date_order\": \"dmy\" in the mapping file";
                    error(static_cast<std::size_t>(c),
                          in_quotes(t) + " is not a date and time; expected one such as " + date_example(order_) +
                              ", \"2026-03-14T10:22:05Z\" or \"2026/03/14 10:22:05 AM GMT\"" + hint);
                }
            }
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
            std::string problem;
            if (read_answer(static_cast<int>(qi), text, a, problem)) {
                a.answered_at = answered_at;
                r.answers.push_back(std::move(a));
                answer_col.push_back(first);
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

    int find_role(const std::string& text) const {
        const std::string n = normalise_answer_text(text);
        if (auto it = mapped_roles_.find(n); it != mapped_roles_.end()) return it->second;
        for (std::size_t i = 0; i < q_.roles.size(); ++i)
            if (normalise_answer_text(q_.roles[i].id) == n || normalise_answer_text(q_.roles[i].name) == n)
                return static_cast<int>(i);
        return -1;
    }

    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    CsvReader reader_;
    std::size_t data_rows_ = 0;  // rows that are not blank, after the header
    std::string file_;
    const Questionnaire& q_;
    const SurveyMapping* mapping_;
    SurveyImportOptions options_;
    DateOrder order_ = DateOrder::DayMonthYear;
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
    int respondent_col_[7] = {-1, -1, -1, -1, -1, -1, -1};  // by Target
    std::map<std::string, std::size_t> keys_;  // respondent id -> row
};

}  // namespace

SurveyImport read_survey_csv(std::istream& in, const std::string& file_name, const Questionnaire& q,
                             const SurveyMapping* mapping, const SurveyImportOptions& options) {
    return Importer(in, file_name, q, mapping, options).run();
}

}  // namespace ys
