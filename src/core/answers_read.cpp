#include "answers_read.h"

#include <algorithm>
#include <functional>
#include <set>
#include <unordered_map>

#include "json_fields.h"
#include "number_format.h"
#include "respondent_tags.h"
#include "timestamps.h"

namespace ys {
namespace {

const char* kOrgTypes[] = {"region", "london-borough", "metropolitan-district", "county",
                           "unitary", "district", "department", "other"};

}  // namespace

bool read_answer_entry(const JsonAt& a, const Question& q, Answer& out) {
    if (!a.expect_object()) return false;
    a.check_keys({"value", "na", "dont_know", "evidence", "confidence", "answered_at"});
    std::size_t before = a.diags().error_count();
    bool has_value = a["value"].present();
    bool na = a.boolean("na", Need::Optional).value_or(false);
    bool dk = a.boolean("dont_know", Need::Optional).value_or(false);
    int kinds = (has_value ? 1 : 0) + (na ? 1 : 0) + (dk ? 1 : 0);
    if (kinds != 1) {
        a.error("expected exactly one of \"value\", \"na\": true or \"dont_know\": true");
        return false;
    }
    if (auto ev = a.text("evidence", TextField::Evidence, Need::Optional)) out.evidence = *ev;
    if (auto c = a.number("confidence", Need::Optional)) {
        if (*c < 0 || *c > 1) a["confidence"].error("expected a confidence from 0 to 1");
        else out.confidence = static_cast<float>(*c);
    }
    if (auto at = a.string("answered_at", Need::Optional)) {
        if (auto t = parse_iso_datetime(*at)) out.answered_at = *t;
        else a["answered_at"].error("expected a date and time such as \"2026-03-14T10:22:05Z\", found \"" + *at + "\"");
    }
    if (na) {
        if (!q.allow_na) a["na"].error("question \"" + q.id + "\" does not allow \"not applicable\"");
        out.state = AnswerState::NotApplicable;
    } else if (dk) {
        if (!q.allow_dont_know) a["dont_know"].error("question \"" + q.id + "\" does not allow \"don't know\"");
        out.state = AnswerState::DontKnow;
    } else {
        out.state = AnswerState::Given;
        read_answer_value(a["value"], q, out);
    }
    return a.diags().error_count() == before;
}

int option_index(const Question& q, std::string_view id) {
    for (std::size_t i = 0; i < q.options.size(); ++i)
        if (q.options[i].id == id) return static_cast<int>(i);
    return -1;
}

bool read_answer_value(const JsonAt& v, const Question& q, Answer& out) {
    std::size_t before = v.diags().error_count();
    const auto& j = v.json();
    switch (q.kind) {
        case QuestionKind::Choice:
        case QuestionKind::Likert: {
            if (!j.is_string()) {
                v.error("expected an option id (a string) for " + std::string(to_string(q.kind)) +
                        " question \"" + q.id + "\", found " + describe_json_type(j));
                return v.diags().error_count() == before;
            }
            const std::string& s = j.get_ref<const std::string&>();
            if (int i = option_index(q, s); i >= 0) {
                out.choice = static_cast<std::uint8_t>(i);
                return v.diags().error_count() == before;
            }
            v.error("\"" + s + "\" is not an option of \"" + q.id + "\"; expected one of: " + option_ids(q));
            return v.diags().error_count() == before;
        }
        case QuestionKind::Checklist: {
            if (!j.is_array()) {
                v.error("expected an array of option ids for checklist question \"" + q.id + "\", found " +
                        describe_json_type(j));
                return v.diags().error_count() == before;
            }
            for (std::size_t k = 0; k < j.size(); ++k) {
                if (!j[k].is_string()) {
                    v[k].error("expected an option id (a string)");
                    continue;
                }
                const std::string s = j[k].get<std::string>();
                bool found = false;
                for (std::size_t i = 0; i < q.options.size(); ++i)
                    if (q.options[i].id == s) {
                        found = true;
                        std::uint64_t bit = std::uint64_t{1} << i;
                        if (out.ticked & bit) v[k].error("option \"" + s + "\" is ticked twice");
                        out.ticked |= bit;
                    }
                if (!found)
                    v[k].error("\"" + s + "\" is not an option of \"" + q.id + "\"; expected one of: " + option_ids(q));
            }
            return v.diags().error_count() == before;
        }
        case QuestionKind::Number: {
            if (!j.is_number()) {
                v.error("expected a number for number question \"" + q.id + "\", found " + describe_json_type(j));
                return v.diags().error_count() == before;
            }
            double d = j.get<double>();
            if ((q.min && d < *q.min) || (q.max && d > *q.max)) {
                v.error("expected a number" + (q.min ? " from " + plain(*q.min) : std::string()) +
                        (q.max ? " up to " + plain(*q.max) : std::string()) + ", found " + plain(d));
                return v.diags().error_count() == before;
            }
            out.number = d;
            return v.diags().error_count() == before;
        }
        case QuestionKind::Chain: {
            if (!j.is_array()) {
                v.error("expected an array of true/false, one per step asked, for chain question \"" + q.id +
                        "\", found " + describe_json_type(j));
                return v.diags().error_count() == before;
            }
            if (j.empty()) {
                v.error("expected at least one true/false: the first step of \"" + q.id + "\" is always asked");
                return v.diags().error_count() == before;
            }
            if (j.size() > q.steps.size()) {
                v.error("question \"" + q.id + "\" has " + std::to_string(q.steps.size()) + " steps, but " +
                        std::to_string(j.size()) + " answers were given");
                return v.diags().error_count() == before;
            }
            std::size_t yes = 0;
            bool stopped = false;
            for (std::size_t k = 0; k < j.size(); ++k) {
                if (!j[k].is_boolean()) {
                    v[k].error("expected true or false");
                    return v.diags().error_count() == before;
                }
                if (stopped) {
                    v[k].error("step " + std::to_string(k + 1) + " is only asked after a yes to step " +
                               std::to_string(k) + ", which was answered no");
                    return v.diags().error_count() == before;
                }
                if (j[k].get<bool>()) ++yes;
                else stopped = true;
            }
            out.choice = static_cast<std::uint8_t>(yes);
            return v.diags().error_count() == before;
        }
    }
    return v.diags().error_count() == before;
}

namespace {

class AnswersReader {
public:
    AnswersReader(const nlohmann::json& doc, const Questionnaire& q, Diagnostics& diags)
        : root_(&doc, "", diags), q_(q), errors_before_(diags.error_count()) {
        for (std::size_t i = 0; i < q.questions.size(); ++i) question_index_[q.questions[i].id] = static_cast<int>(i);
    }

    std::optional<AnswerSet> read() {
        if (!read_head()) return std::nullopt;
        JsonAt rs = root_["respondents"];
        if (rs.expect_array(1)) {
            if (out_.form && rs.size() != 1)
                rs.error("a file saved by a form holds exactly one respondent; found " + std::to_string(rs.size()) +
                         " (import each form's own file)");
            std::set<std::string> ids;
            out_.respondents.reserve(rs.size());
            for (std::size_t i = 0; i < rs.size(); ++i) read_respondent(rs[i], ids);
        }
        if (root_.diags().error_count() != errors_before_) return std::nullopt;
        return std::move(out_);
    }

    // Everything but the respondents.
    std::optional<AnswerSet> read_head_only() {
        if (!read_head() || root_.diags().error_count() != errors_before_) return std::nullopt;
        return std::move(out_);
    }

private:
    bool read_head() {
        auto header = read_answers_header(root_.json(), root_.diags());
        if (!header) return false;
        if (header->questionnaire_id != q_.id)
            root_["questionnaire"]["id"].error("answers questionnaire \"" + header->questionnaire_id +
                                               "\" but was checked against \"" + q_.id + "\"");
        if (header->questionnaire_version != q_.version)
            root_["questionnaire"]["version"].error("answers version " + header->questionnaire_version +
                                                    " of \"" + q_.id + "\" but the questionnaire found is version " +
                                                    q_.version);
        out_.questionnaire_id = header->questionnaire_id;
        out_.questionnaire_version = header->questionnaire_version;
        read_organisation();
        out_.period = root_.text("period", TextField::Period, Need::Required).value_or("");
        if (root_["form"].present()) read_form();
        return true;
    }

    void read_organisation() {
        JsonAt o = root_["organisation"];
        if (!o.expect_object()) return;
        o.check_keys({"id", "name", "type", "parent"});
        out_.organisation.id = o.id("id", Need::Required).value_or("");
        out_.organisation.name = o.text("name", TextField::OrganisationName, Need::Required).value_or("");
        out_.organisation.parent = o.id("parent", Need::Optional).value_or("");
        if (auto t = o.string("type", Need::Optional)) {
            bool known = false;
            for (const char* k : kOrgTypes) known = known || *t == k;
            if (!known) {
                std::string list;
                for (const char* k : kOrgTypes) list += std::string(list.empty() ? "" : ", ") + k;
                o["type"].error("unknown organisation type \"" + *t + "\"; expected one of: " + list);
            }
            out_.organisation.type = *t;
        }
    }

    // {"id": 32 lower case hex, "round": the round's id, "saved_at": "2026-12-05T10:42:07Z"}
    void read_form() {
        JsonAt f = root_["form"];
        if (!f.expect_object()) return;
        f.check_keys({"id", "round", "saved_at"});
        FormStamp stamp;
        if (auto id = f.string("id", Need::Required)) {
            bool hex = id->size() == 32;
            for (char ch : *id) hex = hex && ((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'));
            if (!hex) f["id"].error("expected a form id of 32 lower case hexadecimal characters, found \"" + *id + "\"");
            stamp.id = *id;
        }
        stamp.round = f.id("round", Need::Required).value_or("");
        if (auto at = f.string("saved_at", Need::Required)) {
            if (auto t = parse_iso_datetime(*at)) stamp.saved_at = *t;
            else f["saved_at"].error("expected the date and time of saving such as \"2026-12-05T10:42:07Z\", found \"" + *at + "\"");
        }
        out_.form = std::move(stamp);
    }

    void read_respondent(const JsonAt& r, std::set<std::string>& ids) {
        if (!r.expect_object()) return;
        Respondent out;
        read_respondent_fields(r, q_, ids, out);
        JsonAt answers = r["answers"];
        if (answers.expect_object()) {
            out.answers.reserve(answers.size());
            for (auto it = answers.json().begin(); it != answers.json().end(); ++it) {
                JsonAt a = answers[it.key()];
                auto found = question_index_.find(it.key());
                int qi = found == question_index_.end() ? -1 : found->second;
                if (qi < 0) {
                    a.error("unknown question \"" + it.key() + "\" in questionnaire \"" + q_.id + "\"");
                    continue;
                }
                Answer ans;
                ans.question = static_cast<std::uint16_t>(qi);
                if (read_answer_entry(a, q_.questions[qi], ans)) out.answers.push_back(std::move(ans));
            }
            drop_unasked(q_, out, [&](const Question& qu, const std::string& message) { answers[qu.id].warning(message); });
        }
        out_.respondents.push_back(std::move(out));
    }

    JsonAt root_;
    const Questionnaire& q_;
    std::size_t errors_before_;
    std::unordered_map<std::string, int> question_index_;
    AnswerSet out_;
};

}  // namespace

void read_respondent_fields(const JsonAt& r, const Questionnaire& q, std::set<std::string>& ids, Respondent& out) {
    r.check_keys({"id", "role", "name", "email", "team", "target_role", "age_band", "answers"});
    out.id = r.id("id", Need::Required).value_or("");
    if (!out.id.empty() && !ids.insert(out.id).second)
        r["id"].error("duplicate respondent id \"" + out.id + "\"");
    if (auto role = r.string("role", Need::Optional)) {
        out.role = q.find_role(*role);
        if (out.role < 0 && !q.roles.empty()) {
            std::string list;
            for (const auto& x : q.roles) list += (list.empty() ? "" : ", ") + x.id;
            r["role"].error("unknown role \"" + *role + "\"; expected one of: " + list);
        }
    }  // a respondent may decline to give a role; results by role leave them out
    out.name = r.text("name", TextField::RespondentName, Need::Optional).value_or("");
    out.email = r.text("email", TextField::RespondentEmail, Need::Optional).value_or("");
    read_respondent_tags(r, q, out);  // a skills round's team, target role and age band
}

// Walking in question order means a dropped answer cannot satisfy a later question's condition.
void drop_unasked(const Questionnaire& q, Respondent& r,
                  const std::function<void(const Question&, const std::string&)>& warn) {
    std::vector<const Answer*> by_question(q.questions.size(), nullptr);
    for (const auto& a : r.answers) by_question[a.question] = &a;
    bool any = false;
    for (std::size_t qi = 0; qi < q.questions.size(); ++qi) {
        const Question& qu = q.questions[qi];
        if (!by_question[qi] || !qu.condition || condition_holds(q, qu, by_question)) continue;
        warn(qu, "answer ignored: question \"" + qu.id + "\" is only asked when its condition on \"" +
                     q.questions[qu.condition->question].id + "\" holds, and it does not");
        by_question[qi] = nullptr;
        any = true;
    }
    if (!any) return;
    // In place: a new vector per respondent once cost a fifth of reading a large file.
    r.answers.erase(std::remove_if(r.answers.begin(), r.answers.end(),
                                   [&](const Answer& a) { return !by_question[a.question]; }),
                    r.answers.end());
}

std::optional<AnswersHeader> read_answers_header(const nlohmann::json& doc, Diagnostics& diags) {
    JsonAt root(&doc, "", diags);
    if (!root.expect_object()) return std::nullopt;
    root.check_keys({"format", "questionnaire", "organisation", "period", "form", "respondents"});
    auto format = root.string("format", Need::Required);
    if (format && *format != kAnswersFormat) {
        root["format"].error("expected \"" + std::string(kAnswersFormat) + "\", found \"" + *format + "\"");
        return std::nullopt;
    }
    JsonAt q = root["questionnaire"];
    if (!q.expect_object()) return std::nullopt;
    AnswersHeader h;
    auto id = q.id("id", Need::Required);
    auto version = q.string("version", Need::Required);
    if (!id || !version) return std::nullopt;
    h.questionnaire_id = *id;
    h.questionnaire_version = *version;
    return h;
}

std::optional<AnswerSet> parse_answers(const nlohmann::json& doc, const Questionnaire& q, Diagnostics& diags) {
    return AnswersReader(doc, q, diags).read();
}

std::optional<AnswerSet> parse_answers_head(const nlohmann::json& doc, const Questionnaire& q, Diagnostics& diags) {
    return AnswersReader(doc, q, diags).read_head_only();
}

nlohmann::json answer_to_json(const Question& q, const Answer& a, bool with_notes) {
    nlohmann::json j = nlohmann::json::object();
    switch (a.state) {
        case AnswerState::NotApplicable: j["na"] = true; break;
        case AnswerState::DontKnow: j["dont_know"] = true; break;
        case AnswerState::Given: j["value"] = answer_value_json(q, a); break;
    }
    if (with_notes && !a.evidence.empty()) j["evidence"] = a.evidence;
    if (a.confidence >= 0) j["confidence"] = round_to(a.confidence, 3);
    if (a.answered_at) j["answered_at"] = format_iso_datetime(a.answered_at);
    return j;
}

nlohmann::json answer_value_json(const Question& q, const Answer& a) {
    switch (q.kind) {
        case QuestionKind::Choice:
        case QuestionKind::Likert:
            return a.choice < q.options.size() ? nlohmann::json(q.options[a.choice].id) : nlohmann::json(nullptr);
        case QuestionKind::Checklist: {
            nlohmann::json ticks = nlohmann::json::array();
            for (std::size_t i = 0; i < q.options.size(); ++i)
                if (a.ticked & (std::uint64_t{1} << i)) ticks.push_back(q.options[i].id);
            return ticks;
        }
        case QuestionKind::Number:
            return a.number;
        case QuestionKind::Chain: {
            nlohmann::json steps = nlohmann::json::array();
            for (std::size_t i = 0; i < a.choice; ++i) steps.push_back(true);
            if (a.choice < q.steps.size()) steps.push_back(false);
            return steps;
        }
    }
    return nullptr;
}

}  // namespace ys
