#include "answers.h"

#include <algorithm>

namespace ys {

namespace {
double band_score(const std::vector<Band>& bands, double value) {
    if (bands.empty()) return 0;
    double s = bands.front().score;
    for (const auto& b : bands)
        if (value >= b.min) s = b.score;
    return s;
}
}  // namespace

double answer_score(const Question& q, const Answer& a) {
    switch (q.kind) {
        case QuestionKind::Choice:
        case QuestionKind::Likert:
            return a.choice < q.options.size() ? q.options[a.choice].score : 0;
        case QuestionKind::Chain:
            if (a.choice == 0 || q.steps.empty()) return q.score_if_none.value_or(0);
            return q.steps[std::min<std::size_t>(a.choice, q.steps.size()) - 1].score;
        case QuestionKind::Checklist: {
            if (q.checklist_scoring == Question::ChecklistScoring::Count) {
                double points = 0;
                for (std::size_t i = 0; i < q.options.size(); ++i)
                    if (a.ticked & (std::uint64_t{1} << i)) points += q.options[i].points;
                return band_score(q.bands, points);
            }
            double total = 0;
            for (std::size_t i = 0; i < q.options.size(); ++i)
                if (a.ticked & (std::uint64_t{1} << i)) total += q.options[i].points;
            return std::clamp(total, q.min_score, q.max_score);  // held to the scale when bound
        }
        case QuestionKind::Number:
            return band_score(q.bands, a.number);
    }
    return 0;
}

bool condition_holds(const Questionnaire& qn, const Question& q,
                     const std::vector<const Answer*>& by_question) {
    if (!q.condition) return true;
    const Condition& c = *q.condition;
    const Answer* a = by_question[c.question];
    if (!a || a->state != AnswerState::Given) return false;
    const Question& target = qn.questions[c.question];
    // The earlier question must itself have been asked.
    if (!condition_holds(qn, target, by_question)) return false;
    if (c.score_at_least) return answer_score(target, *a) + 1e-9 >= *c.score_at_least;
    for (const auto& id : c.any_of) {
        switch (target.kind) {
            case QuestionKind::Choice:
            case QuestionKind::Likert:
                if (a->choice < target.options.size() && target.options[a->choice].id == id) return true;
                break;
            case QuestionKind::Checklist:
                for (std::size_t i = 0; i < target.options.size(); ++i)
                    if (target.options[i].id == id && (a->ticked & (std::uint64_t{1} << i))) return true;
                break;
            case QuestionKind::Chain:
                for (std::size_t i = 0; i < target.steps.size() && i < a->choice; ++i)
                    if (target.steps[i].id == id) return true;
                break;
            case QuestionKind::Number:
                break;
        }
    }
    return false;
}

}  // namespace ys
