#include "results_book.h"

#include <algorithm>

namespace ys::xlsx {
namespace {

Cell score_cell(const std::optional<double>& v) { return v ? number(*v, Format::score) : blank(); }

std::string level_name(const Framework& fw, int value) {
    const Level* l = fw.level(value);
    return l ? l->name : "";
}

Sheet dimensions_sheet(const RoundResult& r, const Framework& fw) {
    Sheet s;
    s.name = "Dimensions";
    s.columns = {{"Dimension id"}, {"Dimension", 0},  {"Parent"},         {"Score"},     {"Level"},     {"Level name"},
                 {"Target"},       {"Target by"},     {"Gap to target"},  {std::string("Previous round") + (r.previous_period ? " (" + *r.previous_period + ")" : "")},
                 {"Change"},       {"Answered"},      {"Don't know"},     {"N/A"},       {"Unanswered"}, {"Coverage"}};
    auto row = [&](const std::string& id, const std::string& name, const std::string& parent, const NodeScore& n, bool bold) {
        std::vector<Cell> cells = {text(id),
                                   text(name),
                                   text(parent),
                                   score_cell(n.score),
                                   n.score ? number(n.level, Format::integer) : blank(),
                                   text(n.score ? level_name(fw, n.level) : ""),
                                   n.target ? number(*n.target, target_aim(*n.target) == *n.target ? Format::integer : Format::score) : blank(),
                                   n.target_by ? date(*n.target_by) : blank(),
                                   score_cell(n.gap),
                                   score_cell(n.previous),
                                   score_cell(n.change),
                                   number(n.answered, Format::integer),
                                   number(n.dont_know, Format::integer),
                                   number(n.not_applicable, Format::integer),
                                   number(n.unanswered, Format::integer),
                                   n.applicable() ? number(n.coverage(), Format::percent) : blank()};
        for (auto& c : cells) c.bold = bold;
        s.rows.push_back(std::move(cells));
    };
    for (std::size_t i = 0; i < fw.dimensions.size() && i < r.dimensions.size(); ++i) {
        const Dimension& d = fw.dimensions[i];
        row(d.id, d.name, d.parent >= 0 ? fw.dimensions[d.parent].id : "", r.dimensions[i], false);
    }
    row("overall", "Overall", "", r.overall, true);
    return s;
}

Sheet questions_sheet(const RoundResult& r, const Questionnaire& q) {
    Sheet s;
    s.name = "Questions";
    s.columns = {{"Question id"}, {"Dimension id"}, {"Question", 60}, {"Score"},     {"Mean score"}, {"Lowest"},
                 {"Highest"},     {"Agreement"},    {"Answered"},     {"N/A"},       {"Don't know"}, {"Unanswered"},
                 {"Not asked"}};
    for (std::size_t i = 0; i < q.questions.size() && i < r.questions.size(); ++i) {
        const Question& qu = q.questions[i];
        const QuestionResult& x = r.questions[i];
        const bool any = x.spread.n > 0;
        s.rows.push_back({text(qu.id), text(qu.dimension_id), text(qu.text), score_cell(x.value),
                          any ? number(x.spread.mean, Format::score) : blank(),
                          any ? number(x.spread.min, Format::score) : blank(),
                          any ? number(x.spread.max, Format::score) : blank(),
                          x.agreement ? number(*x.agreement, Format::percent) : blank(),
                          number(x.answered, Format::integer), number(x.not_applicable, Format::integer),
                          number(x.dont_know, Format::integer), number(x.unanswered, Format::integer),
                          number(x.not_asked, Format::integer)});
    }
    return s;
}

Sheet respondents_sheet(const RoundResult& r, const Questionnaire& q, const AnswerSet& answers, bool anonymise) {
    Sheet s;
    s.name = "Respondents";
    s.columns = {{"Respondent"}, {"Role"}};
    if (!anonymise) s.columns.insert(s.columns.end(), {{"Name"}, {"Email"}});
    s.columns.insert(s.columns.end(), {{"Overall score"}, {"Level"}, {"Coverage"}, {"Last answered"}});
    // One column per question: the answer's score, or N/A / Don't know in words.
    for (const auto& qu : q.questions) s.columns.push_back({qu.id});
    for (const Respondent& resp : answers.respondents) {
        std::vector<Cell> row = {text(resp.id), text(resp.role >= 0 && resp.role < static_cast<int>(q.roles.size())
                                                         ? q.roles[resp.role].name
                                                         : "")};
        if (!anonymise) row.insert(row.end(), {text(resp.name), text(resp.email)});
        const RespondentResult* rr = nullptr;
        for (const auto& x : r.respondent_results)
            if (x.id == resp.id) rr = &x;
        row.push_back(rr ? score_cell(rr->overall) : blank());
        row.push_back(rr && rr->overall ? number(rr->level, Format::integer) : blank());
        row.push_back(rr ? number(rr->coverage, Format::percent) : blank());
        std::vector<const Answer*> by_question(q.questions.size(), nullptr);
        std::int64_t latest = 0;
        for (const Answer& a : resp.answers) {
            if (a.question < by_question.size()) by_question[a.question] = &a;
            latest = std::max(latest, a.answered_at);
        }
        row.push_back(latest ? datetime(latest) : blank());
        for (std::size_t i = 0; i < q.questions.size(); ++i) {
            const Answer* a = by_question[i];
            if (!a) row.push_back(blank());
            else if (a->state == AnswerState::Given) row.push_back(number(answer_score(q.questions[i], *a), Format::score));
            else row.push_back(text(a->state == AnswerState::NotApplicable ? "N/A" : "Don't know"));
        }
        s.rows.push_back(std::move(row));
    }
    return s;
}

}  // namespace

Book results_book(const ResultsBookInput& in) {
    const RoundResult& r = in.scored->result;
    const Framework& fw = *in.scored->framework;
    const Questionnaire& q = *in.scored->questionnaire;
    About about = in.about;
    about.what = "Round results";
    about.rows.insert(about.rows.begin(),
                      {{"Organisation", r.organisation.name.empty() ? r.organisation.id : r.organisation.name + " (" + r.organisation.id + ")"},
                       {"Round", in.round},
                       {"Period", r.period},
                       {"Questionnaire", q.title + " (" + q.id + " version " + q.version + ")"},
                       {"Framework", fw.title + " (" + fw.id + " version " + fw.version + ")"},
                       {"Respondents", std::to_string(r.respondents)},
                       {"Previous round", r.previous_period ? *r.previous_period : "none"}});
    about.anonymised = in.anonymise;
    Book b;
    b.title = "Results: " + in.round;
    b.subject = "Yardstick round results";
    b.sheets = {about_sheet(about), dimensions_sheet(r, fw), questions_sheet(r, q),
                respondents_sheet(r, q, *in.answers, in.anonymise)};
    return b;
}

}  // namespace ys::xlsx
