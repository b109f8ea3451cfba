#include "answers_stream.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <set>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "json_scan.h"
#include "text/text_check.h"

namespace ys {
namespace {

// Not plainly valid: the checked reader says why.
struct NotPlain {};

// The keys of an answer entry, "value" first (read_answer_entry checks the same list).
constexpr std::string_view kEntryKeys[] = {"value", "na", "dont_know", "evidence", "confidence", "answered_at"};

class StreamReader {
public:
    StreamReader(std::string_view text, const JsonLimits& limits, Diagnostics& diags)
        : text_(text), limits_(limits), diags_(diags) {}

    // A bundle round's respondents (read_respondents_streamed).
    std::optional<std::vector<Respondent>> read_list(const Questionnaire& q, const std::string& pointer,
                                                     std::size_t max_respondents, const RespondentFieldsCheck& check) {
        use(q);
        prefix_ = pointer + "/";
        check_ = &check;
        max_respondents_ = max_respondents;
        Diagnostics local(diags_.file());
        std::vector<Respondent> out;
        JsonScan empty(text_.data(), text_.data() + text_.size(), limits_);
        if (empty.eat('[') && empty.eat(']')) {
            if (!empty.at_end()) return std::nullopt;
            return out;  // a round with no respondents yet
        }
        JsonScan s(text_.data(), text_.data() + text_.size(), limits_);
        read_respondents(s, out, local);
        if (!s.at_end() || local.error_count() != 0) return std::nullopt;
        diags_.append(local);
        return out;
    }

    std::optional<StreamedAnswers> read(const FindQuestionnaire& find) {
        nlohmann::json head = nlohmann::json::object();
        const char* rs_begin = nullptr;
        // Anything not plainly valid, wherever in the file, gives up: nothing read is kept.
        JsonScan s(text_.data(), text_.data() + text_.size(), limits_);
        std::string key;
        std::string_view view;
        if (!s.eat('{') || s.eat('}')) return std::nullopt;
        Diagnostics local(diags_.file());
        StreamedAnswers out;
        bool read = false;
        do {
            if (!s.string(key, view) || !s.eat(':')) return std::nullopt;
            std::string name(view);
            s.peek();
            const char* begin = s.position();
            if (name == "respondents") {
                if (rs_begin) return std::nullopt;
                rs_begin = begin;
                // Read as it is met when the questionnaire came first (files made by
                // nlohmann/json, Python and most tools keep keys in order); else after the rest.
                if (head.contains("questionnaire")) {
                    if (!start(head, find, out)) return std::nullopt;
                    read_respondents(s, out.set.respondents, local);
                    read = true;
                } else if (!s.skip_value(1)) {
                    return std::nullopt;
                }
                continue;
            }
            static const char* const kHead[] = {"format", "questionnaire", "organisation", "period", "form"};
            bool known = false;
            for (const char* k : kHead) known = known || name == k;
            if (!known || head.contains(name) || !s.skip_value(1)) return std::nullopt;
            head[name] = nlohmann::json::parse(begin, s.position());  // small, and valid
        } while (s.eat(','));
        if (!s.eat('}') || !s.at_end() || !rs_begin) return std::nullopt;
        if (!read) {
            if (!start(head, find, out)) return std::nullopt;
            JsonScan rs(rs_begin, text_.data() + text_.size(), limits_);
            read_respondents(rs, out.set.respondents, local);
        }

        // The file's other parts are checked now that all are known; their messages come first.
        Diagnostics checked(diags_.file());
        auto set = parse_answers_head(head, *q_, checked);
        if (!set || checked.error_count() != 0 || local.error_count() != 0) return std::nullopt;
        // A form's file holds exactly one respondent: the checked reader says so.
        if (set->form && out.set.respondents.size() != 1) return std::nullopt;
        set->respondents = std::move(out.set.respondents);
        out.set = std::move(*set);
        diags_.append(checked);
        diags_.append(local);
        return out;
    }

private:
    // The questionnaire the file names, found; the respondents can be read.
    bool start(const nlohmann::json& head, const FindQuestionnaire& find, StreamedAnswers& out) {
        Diagnostics ignored;
        auto header = read_answers_header(head, ignored);
        if (!header) return false;
        out.questionnaire = find(*header);
        if (!out.questionnaire) return false;
        use(*out.questionnaire);
        for (const auto& cap : limits_.caps)
            if (cap.pattern == "/respondents") max_respondents_ = cap.max;
        return true;
    }

    // The questions of q, looked up by id and ranked by it.
    void use(const Questionnaire& q) {
        q_ = &q;
        for (std::size_t i = 0; i < q_->questions.size(); ++i) index_[q_->questions[i].id] = static_cast<int>(i);
        // Each question's place in the order of the ids, so answers sort by a number.
        std::vector<int> by_id(q_->questions.size());
        for (std::size_t i = 0; i < by_id.size(); ++i) by_id[i] = static_cast<int>(i);
        std::sort(by_id.begin(), by_id.end(), [&](int x, int y) { return q_->questions[x].id < q_->questions[y].id; });
        rank_.assign(by_id.size(), 0);
        for (std::size_t k = 0; k < by_id.size(); ++k) rank_[static_cast<std::size_t>(by_id[k])] = static_cast<int>(k);
    }

    void read_respondents(JsonScan& s, std::vector<Respondent>& respondents, Diagnostics& local) {
        if (!s.eat('[') || s.eat(']')) throw NotPlain{};
        std::set<std::string> ids;
        std::size_t i = 0;
        const char* first = s.position();
        do {
            if (i >= max_respondents_) throw NotPlain{};
            respondents.push_back(read_respondent(s, i++, ids, local));
            if (i == 1) {
                // Room for as many more as the rest of the text would hold at the first one's
                // size (within the limit): growing by doubling moved them all a dozen times.
                const auto each = static_cast<std::size_t>(s.position() - first) + 1;
                const auto rest = static_cast<std::size_t>(text_.data() + text_.size() - s.position());
                respondents.reserve(std::min(max_respondents_, 1 + rest / each + rest / each / 8));
            }
        } while (s.eat(','));
        if (!s.eat(']')) throw NotPlain{};
    }

    Respondent read_respondent(JsonScan& s, std::size_t index, std::set<std::string>& ids, Diagnostics& local) {
        Respondent r;
        nlohmann::json fields = nlohmann::json::object();
        bool answers = false;
        std::string key;
        std::string_view view;
        if (!s.eat('{') || s.eat('}')) throw NotPlain{};
        do {
            if (!s.string(key, view) || !s.eat(':')) throw NotPlain{};
            if (view == "answers") {
                if (answers) throw NotPlain{};
                answers = true;
                read_answers(s, r, local);
                continue;
            }
            if (view != "id" && view != "role" && view != "name" && view != "email" && view != "team" &&
                view != "target_role" && view != "age_band")
                throw NotPlain{};
            std::string name(view);
            if (fields.contains(name) || s.peek() != '"') throw NotPlain{};
            if (!s.string(key, view)) throw NotPlain{};
            fields[name] = std::string(view);
        } while (s.eat(','));
        if (!s.eat('}') || !answers) throw NotPlain{};
        const std::string at = prefix_ + std::to_string(index);
        if (check_) (*check_)(JsonAt(&fields, at, local), ids, r);
        else read_respondent_fields(JsonAt(&fields, at, local), *q_, ids, r);
        if (local.error_count() != 0) throw NotPlain{};
        // In the order of their question ids, as the checked reader's tree holds them (files
        // written by nlohmann/json already are).
        auto by_id = [&](const Answer& x, const Answer& y) { return rank_[x.question] < rank_[y.question]; };
        if (!std::is_sorted(r.answers.begin(), r.answers.end(), by_id))
            std::sort(r.answers.begin(), r.answers.end(), by_id);
        drop_unasked(*q_, r, [&](const Question& qu, const std::string& message) {
            local.warning(at + "/answers/" + pointer_escape(qu.id), message);
        });
        return r;
    }

    void read_answers(JsonScan& s, Respondent& r, Diagnostics& local) {
        std::string key;
        std::string_view view;
        if (!s.eat('{')) throw NotPlain{};
        if (s.eat('}')) return;
        seen_.assign(q_->questions.size(), false);
        scratch_.clear();
        std::size_t n = 0;
        do {
            if (!s.string(key, view) || !s.eat(':')) throw NotPlain{};
            // Respondents usually answer in the same order: the previous one's question at
            // this place is tried before the table.
            int question = n < order_.size() && q_->questions[order_[n]].id == view ? order_[n] : -1;
            if (question < 0) {
                auto found = index_.find(view);
                if (found == index_.end()) throw NotPlain{};
                question = found->second;
                if (n < order_.size()) order_[n] = question;
                else order_.push_back(question);
            }
            ++n;
            if (seen_[static_cast<std::size_t>(question)]) throw NotPlain{};
            seen_[static_cast<std::size_t>(question)] = true;
            Answer a;
            a.question = static_cast<std::uint16_t>(question);
            read_entry(s, q_->questions[a.question], a, local);
            scratch_.push_back(std::move(a));
        } while (s.eat(','));
        if (!s.eat('}')) throw NotPlain{};
        // Held at their exact number: 10,000 respondents' answers are most of the memory.
        r.answers.assign(std::make_move_iterator(scratch_.begin()), std::make_move_iterator(scratch_.end()));
    }

    // The usual entry, {"value": ...} with perhaps "evidence", is read here; any other goes
    // through read_answer_entry on a small tree of its own.
    void read_entry(JsonScan& s, const Question& q, Answer& a, Diagnostics& local) {
        s.peek();
        const char* begin = s.position();
        std::string key;
        std::string_view view;
        bool usual = true;
        unsigned seen = 0;  // a bit per key of kEntryKeys: a key twice is refused by the checked reader
        nlohmann::json value;
        if (!s.eat('{')) throw NotPlain{};
        if (!s.eat('}')) {
            do {
                if (!s.string(key, view) || !s.eat(':')) throw NotPlain{};
                unsigned bit = 0;
                for (unsigned k = 0; k < sizeof kEntryKeys / sizeof *kEntryKeys && !bit; ++k)
                    if (view == kEntryKeys[k]) bit = 1u << k;
                if (!bit || (seen & bit)) throw NotPlain{};
                seen |= bit;
                if (view == "value") {
                    usual = read_value(s, q, value) && usual;
                } else if (view == "evidence" && s.peek() == '"') {
                    if (!s.string(key, view)) throw NotPlain{};
                    a.evidence.assign(view);
                } else {
                    usual = false;
                    if (!s.skip_value(5)) throw NotPlain{};
                }
            } while (s.eat(','));
            if (!s.eat('}')) throw NotPlain{};
        }
        const bool has_value = seen & 1u;
        if (usual && has_value && choice_ >= 0) {
            if (!text_problem(TextField::Evidence, a.evidence).empty()) throw NotPlain{};
            a.state = AnswerState::Given;
            a.choice = static_cast<std::uint8_t>(choice_);
            return;
        }
        if (usual && has_value) {
            if (!text_problem(TextField::Evidence, a.evidence).empty()) throw NotPlain{};
            a.state = AnswerState::Given;
            if (!read_answer_value(JsonAt(&value, "", local), q, a)) throw NotPlain{};
            return;
        }
        const std::uint16_t question = a.question;
        a = Answer();
        a.question = question;
        const nlohmann::json entry = nlohmann::json::parse(begin, s.position());  // valid: scanned above
        if (!read_answer_entry(JsonAt(&entry, "", local), q, a)) throw NotPlain{};
    }

    // A value the usual way holds: a string, a number, or an array of strings or of true/false.
    // An option of a choice or likert question, the most usual value, is looked up here
    // (in choice_), with no tree, by the function read_answer_value uses.
    bool read_value(JsonScan& s, const Question& q, nlohmann::json& out) {
        std::string_view view;
        choice_ = -1;
        const char c = s.peek();
        if (c == '"') {
            if (!s.string(text_buf_, view)) throw NotPlain{};
            if (q.kind == QuestionKind::Choice || q.kind == QuestionKind::Likert) {
                choice_ = option_index(q, view);
                if (choice_ < 0) throw NotPlain{};
                return true;
            }
            out = std::string(view);
            return true;
        }
        std::string& text = text_buf_;
        if (c == '-' || (c >= '0' && c <= '9')) {
            double d = 0;
            if (!s.number(d)) throw NotPlain{};
            out = d;
            return true;
        }
        if (c != '[') {
            if (!s.skip_value(5)) throw NotPlain{};
            return false;
        }
        s.eat('[');
        out = nlohmann::json::array();
        if (s.eat(']')) return true;
        do {
            const char e = s.peek();
            if (e == '"') {
                if (!s.string(text, view)) throw NotPlain{};
                out.push_back(std::string(view));
            } else if (e == 't' || e == 'f') {
                bool b = false;
                if (!s.boolean(b)) throw NotPlain{};
                out.push_back(b);
            } else {
                throw NotPlain{};
            }
        } while (s.eat(','));
        if (!s.eat(']')) throw NotPlain{};
        return true;
    }

    std::string_view text_;
    const JsonLimits& limits_;
    Diagnostics& diags_;
    const Questionnaire* q_ = nullptr;
    std::unordered_map<std::string_view, int> index_;
    std::vector<int> rank_;   // question index -> place in the order of the ids
    std::vector<int> order_;  // the questions of the last respondent's answers, in file order
    std::vector<bool> seen_;
    std::vector<Answer> scratch_;  // one respondent's answers as they are read
    std::string text_buf_;
    std::string prefix_ = "/respondents/";         // the JSON pointer of the list, and a slash
    const RespondentFieldsCheck* check_ = nullptr;  // a bundle's: else an answer file's
    int choice_ = -1;
    std::size_t max_respondents_ = SIZE_MAX;
};

}  // namespace

std::optional<StreamedAnswers> read_answers_streamed(std::string_view text, const JsonLimits& limits,
                                                     const FindQuestionnaire& find, Diagnostics& diags) {
    try {
        return StreamReader(text, limits, diags).read(find);
    } catch (const NotPlain&) {
        return std::nullopt;
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;  // cannot happen on scanned text; the checked reader would say why
    }
}

std::optional<std::vector<Respondent>> read_respondents_streamed(std::string_view text, const Questionnaire& q,
                                                                const JsonLimits& limits, const std::string& pointer,
                                                                std::size_t max_respondents,
                                                                const RespondentFieldsCheck& check, Diagnostics& diags) {
    try {
        return StreamReader(text, limits, diags).read_list(q, pointer, max_respondents, check);
    } catch (const NotPlain&) {
        return std::nullopt;
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;
    }
}

}  // namespace ys
