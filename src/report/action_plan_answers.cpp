// The action plan's appendix: every answer of the round with its evidence, by question.
#include "action_plan_builder.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "action_plan_crosswalk.h"
#include "level_tables.h"
#include "number_format.h"
#include "targets.h"  // is_iso_date
#include "text_format.h"
#include "timestamps.h"

namespace ys::report::action_plan_parts {

std::string ActionPlanBuilder::respondent_label(const Respondent& r, float confidence) const {
    std::string role = r.role >= 0 && r.role < static_cast<int>(q_.roles.size()) ? q_.roles[r.role].name : "";
    std::string who = r.name.empty() ? "Respondent " + r.id : r.name;
    std::string about = role;
    if (confidence >= 0) about += (about.empty() ? "" : ", ") + std::string("confidence ") + percent(confidence);
    return about.empty() ? who : who + " (" + about + ")";
}

// How an option reads in the appendix: its own words when the question's options are
// short (an agreement scale), else the level it stands for; the wording of each level of
// each question is in the questionnaire, and each respondent's choice in the CSV export.
std::vector<std::string> ActionPlanBuilder::option_texts(const Question& q) const {
    bool short_labels = std::all_of(q.options.begin(), q.options.end(),
                                    [](const Option& o) { return o.label.size() <= kShortOptionLabel; });
    std::vector<std::string> out;
    for (const Option& o : q.options) {
        int level = static_cast<int>(o.score);
        if (q.kind == QuestionKind::Likert || short_labels) out.push_back(o.label);
        else if (level == o.score && fw_.level(level)) out.push_back("level " + level_label(fw_, level));
        else out.push_back("score " + plain(o.score, 2));
    }
    return out;
}

// One line per distinct answer ("5 × level 4 Established"), highest on the scale first;
// a checklist gives one line per item with how many ticked it, in the questionnaire's order.
std::vector<std::string> ActionPlanBuilder::tally(const Question& q, const std::vector<const Answer*>& given) const {
    struct Line {
        std::string text;
        double rank;  // higher first
        int count;
    };
    std::vector<Line> lines;
    auto add = [&](const std::string& text, double rank) {
        auto it = std::find_if(lines.begin(), lines.end(), [&](const Line& l) { return l.text == text; });
        if (it == lines.end()) lines.push_back({text, rank, 1});
        else ++it->count;
    };
    const bool choice = q.kind == QuestionKind::Choice || q.kind == QuestionKind::Likert;
    const std::vector<std::string> options = choice ? option_texts(q) : std::vector<std::string>{};
    std::vector<int> ticks(q.kind == QuestionKind::Checklist ? std::min<std::size_t>(q.options.size(), 64) : 0, 0);
    const std::uint64_t items = ticks.size() == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << ticks.size()) - 1;
    int checklists = 0, none_ticked = 0;
    for (const Answer* a : given) {
        if (a->state == AnswerState::NotApplicable) add("not applicable", -1e9);
        else if (a->state == AnswerState::DontKnow) add("don't know", -2e9);
        else switch (q.kind) {
            case QuestionKind::Choice:
            case QuestionKind::Likert:
                if (a->choice < options.size()) add(options[a->choice], q.options[a->choice].score);
                else add("option " + std::to_string(a->choice + 1), 0);
                break;
            case QuestionKind::Checklist:
                ++checklists;
                if (!(a->ticked & items)) ++none_ticked;
                for (std::size_t i = 0; i < ticks.size(); ++i)
                    if (a->ticked & (std::uint64_t{1} << i)) ++ticks[i];
                break;
            case QuestionKind::Chain:
                add(a->choice == 0 ? "no to the first step"
                                   : "yes to " + std::to_string(a->choice) + " of " + std::to_string(q.steps.size()) + " steps",
                    a->choice);
                break;
            case QuestionKind::Number:
                add(plain(a->number, 2) + (q.unit.empty() ? "" : " " + q.unit), a->number);
                break;
        }
    }
    std::vector<std::string> out;
    if (checklists) {
        for (std::size_t i = 0; i < ticks.size(); ++i) out.push_back(std::to_string(ticks[i]) + " \u00d7 " + q.options[i].label);
        if (none_ticked) out.push_back(std::to_string(none_ticked) + " \u00d7 none ticked");
    }
    std::stable_sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) { return a.rank > b.rank; });
    for (const Line& l : lines) out.push_back(std::to_string(l.count) + " \u00d7 " + l.text);
    return out;
}

void ActionPlanBuilder::answers() {
    if (in_.answers.empty()) {
        w_.paragraph("The answers were not supplied with this plan.");
        return;
    }
    // One row per question: how many gave each answer, then every evidence note once with
    // who wrote it. Each respondent's own answers are in the CSV export; printed one per
    // line they would fill a hundred pages of the same sentences.
    for (const auto& sec : q_.sections) {
        Table t;
        t.caption = "Answers and evidence: " + sec.title;
        t.header = {"Question", "Answers given", "Evidence notes"};
        t.widths = {3.4, 2.6, 4.0};
        for (int qi : sec.questions) {
            const Question& q = q_.questions[qi];
            std::vector<const Answer*> given;
            std::vector<std::pair<std::string, std::vector<std::string>>> notes;  // note, who; first seen first
            for (const AnswerSet* set : in_.answers)
                for (const auto& r : set->respondents)
                    for (const auto& a : r.answers) {
                        if (a.question != qi) continue;
                        given.push_back(&a);
                        // A confidence with no words is not evidence; it stays with the answer.
                        if (a.evidence.empty()) continue;
                        auto it = std::find_if(notes.begin(), notes.end(), [&](const auto& n) { return n.first == a.evidence; });
                        if (it == notes.end()) notes.push_back({a.evidence, {respondent_label(r, a.confidence)}});
                        else it->second.push_back(respondent_label(r, a.confidence));
                    }
            std::string answers_given, evidence;
            for (const auto& line : tally(q, given)) answers_given += (answers_given.empty() ? "" : "\n") + line;
            for (const auto& [note, who] : notes) evidence += (evidence.empty() ? "" : "\n") + join_words(who) + ": " + note;
            t.rows.push_back({q.text, answers_given.empty() ? "No answers" : answers_given, evidence});
        }
        w_.heading(2, sec.title, "answers-" + sec.id);
        w_.add(t);
    }
}

}  // namespace ys::report::action_plan_parts
