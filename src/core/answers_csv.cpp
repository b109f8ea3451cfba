#include "answers_csv.h"

#include <charconv>

#include "number_format.h"
#include "score_output.h"
#include "timestamps.h"

namespace ys {

std::string answer_text(const Question& q, const Answer& a) {
    if (a.state == AnswerState::NotApplicable) return "N/A";
    if (a.state == AnswerState::DontKnow) return "Don't know";
    switch (q.kind) {
        case QuestionKind::Choice:
        case QuestionKind::Likert: return a.choice < q.options.size() ? q.options[a.choice].id : "";
        case QuestionKind::Checklist: {
            std::string s;
            for (std::size_t i = 0; i < q.options.size(); ++i)
                if (a.ticked & (std::uint64_t{1} << i)) s += (s.empty() ? "" : ";") + q.options[i].id;
            return s.empty() ? "None" : s;
        }
        case QuestionKind::Number: return plain(a.number, 6);
        case QuestionKind::Chain: {
            std::string s;
            for (std::size_t i = 0; i < a.choice; ++i) s += (s.empty() ? "" : ";") + std::string("Yes");
            if (a.choice < q.steps.size()) s += (s.empty() ? "" : ";") + std::string("No");
            return s;
        }
    }
    return "";
}

namespace {
std::vector<std::string> split_semicolons(const std::string& s) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i)
        if (i == s.size() || s[i] == ';') {
            parts.push_back(s.substr(start, i - start));
            start = i + 1;
        }
    return parts;
}
}  // namespace

bool answer_from_text(const Question& q, const std::string& text, Answer& out, std::string& error) {
    if (text == "N/A") {
        if (!q.allow_na) return error = "\"" + q.id + "\" does not allow N/A", false;
        out.state = AnswerState::NotApplicable;
        return true;
    }
    if (text == "Don't know") {
        if (!q.allow_dont_know) return error = "\"" + q.id + "\" does not allow \"Don't know\"", false;
        out.state = AnswerState::DontKnow;
        return true;
    }
    out.state = AnswerState::Given;
    switch (q.kind) {
        case QuestionKind::Choice:
        case QuestionKind::Likert:
            for (std::size_t i = 0; i < q.options.size(); ++i)
                if (q.options[i].id == text) {
                    out.choice = static_cast<std::uint8_t>(i);
                    return true;
                }
            return error = "\"" + text + "\" is not an option of \"" + q.id + "\"; expected one of: " + option_ids(q), false;
        case QuestionKind::Checklist: {
            out.ticked = 0;
            if (text == "None") return true;
            for (const auto& part : split_semicolons(text)) {
                bool found = false;
                for (std::size_t i = 0; i < q.options.size(); ++i)
                    if (q.options[i].id == part) {
                        if (out.ticked & (std::uint64_t{1} << i)) return error = "option \"" + part + "\" is ticked twice", false;
                        out.ticked |= std::uint64_t{1} << i;
                        found = true;
                    }
                if (!found)
                    return error = "\"" + part + "\" is not an option of \"" + q.id + "\"; expected one of: " + option_ids(q), false;
            }
            return true;
        }
        case QuestionKind::Number: {
            double v = 0;
            auto res = std::from_chars(text.data(), text.data() + text.size(), v);
            if (text.empty() || res.ec != std::errc() || res.ptr != text.data() + text.size())
                return error = "\"" + text + "\" is not a number (digits, with '.' for decimals)", false;
            if ((q.min && v < *q.min) || (q.max && v > *q.max))
                return error = "expected a number" + (q.min ? " from " + plain(*q.min) : std::string()) +
                               (q.max ? " up to " + plain(*q.max) : std::string()) + ", found " + text, false;
            out.number = v;
            return true;
        }
        case QuestionKind::Chain: {
            auto parts = split_semicolons(text);
            std::size_t yes = 0;
            bool stopped = false;
            if (parts.size() > q.steps.size()) return error = "\"" + q.id + "\" has only " + std::to_string(q.steps.size()) + " steps", false;
            for (const auto& p : parts) {
                if (stopped || (p != "Yes" && p != "No"))
                    return error = "expected Yes or No for each step asked, nothing after a No, found \"" + text + "\"", false;
                if (p == "Yes") ++yes;
                else stopped = true;
            }
            out.choice = static_cast<std::uint8_t>(yes);
            return true;
        }
    }
    return false;
}

void write_answers_csv_long(std::ostream& out, const std::vector<RoundAnswers>& rounds, bool anonymise, CsvText mode) {
    auto csv_field = [mode](const std::string& s) { return csv_cell(s, mode); };
    out << "round,organisation,period,questionnaire,respondent,role,"
        << (anonymise ? "" : "name,email,") << "question,dimension,state,answer,score,"
        << (anonymise ? "" : "evidence,") << "confidence,answered_at\r\n";
    for (const RoundAnswers& r : rounds) {
        const Questionnaire& q = *r.questionnaire;
        for (const Respondent& resp : r.answers->respondents) {
            std::string role = resp.role >= 0 ? q.roles[resp.role].id : "";
            for (const Answer& a : resp.answers) {
                const Question& qu = q.questions[a.question];
                const char* state = a.state == AnswerState::Given ? "value" : a.state == AnswerState::NotApplicable ? "na" : "dont_know";
                out << csv_field(r.round_id) << "," << csv_field(r.answers->organisation.id) << ","
                    << csv_field(r.answers->period) << "," << csv_field(q.id) << "," << csv_field(resp.id) << ","
                    << csv_field(role) << ",";
                if (!anonymise) out << csv_field(resp.name) << "," << csv_field(resp.email) << ",";
                out << csv_field(qu.id) << "," << csv_field(qu.dimension_id) << "," << state << ","
                    << csv_field(answer_text(qu, a)) << ","
                    << (a.state == AnswerState::Given ? plain(answer_score(qu, a)) : "") << ",";
                if (!anonymise) out << csv_field(a.evidence) << ",";
                out << (a.confidence >= 0 ? plain(a.confidence, 3) : "") << ","
                    << (a.answered_at ? format_iso_datetime(a.answered_at) : "") << "\r\n";
            }
        }
    }
}

void write_answers_csv_wide(std::ostream& out, const RoundAnswers& r, bool anonymise, CsvText mode) {
    auto csv_field = [mode](const std::string& s) { return csv_cell(s, mode); };
    const Questionnaire& q = *r.questionnaire;
    // A skills round's tags, only when some respondent has one (other rounds' files are unchanged);
    // team and age band say who someone is, so an anonymised file leaves them out.
    bool team = false, target = false, age = false;
    for (const Respondent& resp : r.answers->respondents) {
        team = team || (!anonymise && !resp.team.empty());
        target = target || !resp.target_role.empty();
        age = age || (!anonymise && !resp.age_band.empty());
    }
    out << "ID,Role" << (anonymise ? "" : ",Name,Email") << ",Submitted" << (team ? ",Team" : "")
        << (target ? ",Target role" : "") << (age ? ",Age band" : "");
    for (const auto& qu : q.questions) out << "," << csv_field(qu.id);
    out << "\r\n";
    for (const Respondent& resp : r.answers->respondents) {
        std::vector<const Answer*> by_question(q.questions.size(), nullptr);
        std::int64_t latest = 0;
        for (const Answer& a : resp.answers) {
            by_question[a.question] = &a;
            latest = std::max(latest, a.answered_at);
        }
        out << csv_field(resp.id) << "," << csv_field(resp.role >= 0 ? q.roles[resp.role].id : "");
        if (!anonymise) out << "," << csv_field(resp.name) << "," << csv_field(resp.email);
        out << "," << (latest ? format_iso_datetime(latest) : "");
        if (team) out << "," << csv_field(resp.team);
        if (target) out << "," << csv_field(resp.target_role);
        if (age) out << "," << csv_field(resp.age_band);
        for (std::size_t i = 0; i < q.questions.size(); ++i)
            out << "," << (by_question[i] ? csv_field(answer_text(q.questions[i], *by_question[i])) : "");
        out << "\r\n";
    }
}

}  // namespace ys
