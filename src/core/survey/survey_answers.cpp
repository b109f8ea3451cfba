#include <cstdint>

#include "number_format.h"
#include "survey_importer.h"

namespace ys::survey {

template <class OnSpecial>
bool Importer::read_chain(int qi, const std::string& text, const std::string& n, Answer& a, std::string& error,
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

bool Importer::read_answer(int qi, const std::string& text, Answer& a, std::string& error, std::string& free_text) const {
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
            if (is_other_text(n)) {  // the form offered "Other": the respondent's own words
                free_text = text;
                return false;
            }
            error = in_quotes(text) + " is not an option of \"" + qu.id + "\"; expected one of: " + option_ids(qu) +
                    " (or their labels)";
            return false;
        }
        case QuestionKind::Checklist: {
            std::string unknown;
            if (read_checklist(qi, text, n, a, unknown, error, free_text)) return true;
            if (!error.empty() || !free_text.empty()) return false;
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
            // Where the separator is not a comma, a comma in a number is most likely a decimal
            // comma ("1,5") or a European thousands point ("1.234"): either way, not safe to read.
            if (sep_ != ',' && text.find(',') != std::string::npos) {
                error = in_quotes(text) + " holds a comma, which in a " + csv_separator_name(sep_) +
                        "-separated file may be a decimal comma; expected digits with '.' for decimals and no "
                        "thousands separator, such as 12, 4.5 or 1234";
                return false;
            }
            auto v = parse_survey_number(text);
            if (!v) {
                error = in_quotes(text) + " is not a number; expected digits with '.' for decimals, such as 12, 4.5 " +
                        (sep_ == ',' ? "or 1,234" : "or 1234");
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
bool Importer::read_checklist(int qi, const std::string& text, const std::string& n, Answer& a, std::string& unknown,
                    std::string& error, std::string& free_text) const {
    const auto& cands = candidates_[qi];
    std::size_t p = 0;
    auto skip = [&]() {
        while (p < n.size() && (n[p] == ' ' || n[p] == ';' || n[p] == ',')) ++p;
    };
    // Whether a known text starts at `at` and ends at an item's end.
    auto known_at = [&](std::size_t at) {
        for (const auto& c : cands) {
            if (n.compare(at, c.first.size(), c.first) != 0) continue;
            std::size_t k = at + c.first.size();
            while (k < n.size() && n[k] == ' ') ++k;
            if (k == n.size() || n[k] == ';' || n[k] == ',') return true;
        }
        return false;
    };
    std::uint64_t ticked = 0;
    bool any = false;  // an option (or "none") was matched
    skip();
    while (p < n.size()) {
        if (!known_at(p) && is_other_text(n, p)) {
            // The respondent's own words, which may hold separators: up to the next option, or the end.
            std::size_t e = n.size();
            for (std::size_t k = p; k < n.size() && e == n.size(); ++k) {
                if (n[k] != ';' && n[k] != ',') continue;
                std::size_t s = k;
                while (s < n.size() && (n[s] == ' ' || n[s] == ';' || n[s] == ',')) ++s;
                if (s < n.size() && known_at(s)) e = k;
            }
            free_text = text;
            p = e;
            skip();
            continue;
        }
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
            any = true;
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
                bool known = ni.empty() || is_other_text(ni);
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
    // Only words under "Other": not answered with nothing ticked, but left unanswered.
    if (!any && !free_text.empty()) return false;
    a.ticked = ticked;
    return true;
}

}  // namespace ys::survey
