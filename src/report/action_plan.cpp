#include "action_plan_crosswalk.h"
#include "action_plan.h"

#include <algorithm>
#include <cstdio>
#include <deque>
#include <map>
#include <set>

#include "level_tables.h"
#include "number_format.h"
#include "targets.h"  // is_iso_date
#include "text_format.h"
#include "timestamps.h"

namespace ys::report {
namespace {

const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                               "July",    "August",   "September", "October", "November", "December"};

// Option labels up to this long (an agreement scale, "Yes, fully") are quoted in the appendix;
// longer ones, full statements of a level, are shown as the level they stand for.
constexpr std::size_t kShortOptionLabel = 40;

// An action the framework does not rate sorts with the medium ones and shows a blank.
int effort_rank(std::optional<Effort> e) { return !e || *e == Effort::Medium ? 1 : *e == Effort::Small ? 0 : 2; }

std::string effort_text(std::optional<Effort> e) {
    if (!e) return "";
    switch (*e) {
        case Effort::Small: return "Small (quick win)";
        case Effort::Medium: return "Medium";
        case Effort::Large: return "Large";
    }
    return "Medium";
}

std::string status_text(const std::string& s) {
    if (s == "not-started") return "Not started";
    if (s == "in-progress") return "In progress";
    if (s == "done") return "Done";
    if (s == "dropped") return "Dropped";
    return s;
}

std::string level_label(const Framework& fw, int value) {
    const Level* l = fw.level(value);
    return std::to_string(value) + (l && !l->name.empty() ? " " + l->name : "");
}

// A whole target reads as its level ("3 Defined"); a fractional one as the number ("2.5").
std::string target_label(const Framework& fw, double target) {
    int aim = target_aim(target);
    return aim == target ? level_label(fw, aim) : target_text(target);
}

// What a level looks like in a dimension: its own descriptor, else the framework's words
// for the level in general.
std::string level_meaning(const Framework& fw, const Dimension& d, int value) {
    auto it = d.descriptors.find(value);
    if (it != d.descriptors.end()) return it->second;
    const Level* l = fw.level(value);
    return l ? l->description : std::string();
}

// One action in the plan, with what the store says about it.
struct PlannedAction {
    const Action* action = nullptr;
    int dimension = -1;
    const ActionItemView* item = nullptr;
    std::string due;  // YYYY-MM-DD, or "" when open-ended
    std::string status() const { return item ? item->status : "not-started"; }
    // The council's own action: `action` then points at a stand-in holding only its title.
    bool own() const { return item && item->own(); }
};

class ActionPlanBuilder {
public:
    ActionPlanBuilder(const ActionPlanInput& in, const ReportTemplate& tpl)
        : in_(in), fw_(*in.framework), q_(*in.questionnaire), r_(*in.result),
          w_(tpl, placeholders(), in.result->organisation.name, in.created) {}

    Document build() {
        plan_actions();
        for (const auto& s : w_.tpl().sections) {
            if (s.id == "answers" && in_.anonymise) continue;
            w_.start_section(s);
            if (s.id == "cover") cover();
            else if (s.id == "summary") {
                summary();
                for (const CrosswalkResult* c : in_.crosswalks) add_crosswalk_summary(w_, *c);
            }
            else if (s.id == "dimensions") dimensions();
            else if (s.id == "timeline") timeline();
            else if (s.id == "responsibilities") responsibilities();
            else if (s.id == "answers") answers();
        }
        return w_.take();
    }

private:
    std::map<std::string, std::string> placeholders() const {
        return {{"organisation", in_.result->organisation.name},
                {"period", in_.result->period},
                {"date", long_date(in_.report_date)},
                {"framework", in_.framework->title},
                {"framework_version", in_.framework->version},
                {"questionnaire", in_.questionnaire->title},
                {"round", in_.round.empty() ? in_.result->period : in_.round}};
    }

    // The actions of a dimension this plan proposes: those for the step from its current
    // level to the next while it is below its target (or has none), and any adopted ones.
    void plan_actions() {
        std::map<std::string, const ActionItemView*> items;
        for (const auto& it : in_.actions) items[it.action] = &it;
        for (std::size_t d = 0; d < fw_.dimensions.size(); ++d) {
            if (r_.is_out_of_scope(d)) continue;  // not part of this round: no actions proposed or shown
            const Dimension& dim = fw_.dimensions[d];
            const NodeScore& n = r_.dimensions[d];
            bool below_target = n.score && n.level < fw_.max_level() && (!n.target || !n.target_met());
            std::vector<PlannedAction> list;
            for (const auto& a : dim.actions) {
                auto it = items.find(a.id);
                bool proposed = below_target && a.from == n.level;
                if (!proposed && it == items.end()) continue;
                PlannedAction p;
                p.action = &a;
                p.dimension = static_cast<int>(d);
                p.item = it == items.end() ? nullptr : it->second;
                if (p.item && is_iso_date(p.item->due)) p.due = p.item->due;
                else if (auto m = timescale_months(a.timescale)) p.due = add_months(in_.report_date, *m);
                list.push_back(p);
            }
            // Quick wins first: small effort, then medium, then large, in the framework's order within each.
            std::stable_sort(list.begin(), list.end(), [](const PlannedAction& a, const PlannedAction& b) {
                return effort_rank(a.action->effort) < effort_rank(b.action->effort);
            });
            add_own_actions(dim.id, static_cast<int>(d), list);
            planned_[static_cast<int>(d)] = std::move(list);
        }
        std::vector<PlannedAction> no_dimension;
        add_own_actions("", -1, no_dimension);
        if (!no_dimension.empty()) planned_[-1] = std::move(no_dimension);
    }

    // The council's own actions in a dimension (or in none: ""), after the framework's.
    void add_own_actions(const std::string& dimension, int d, std::vector<PlannedAction>& list) {
        for (const auto& it : in_.actions) {
            if (!it.own() || it.dimension != dimension) continue;
            Action& stand_in = own_.emplace_back();
            stand_in.id = it.action;
            stand_in.title = it.title;
            PlannedAction p;
            p.action = &stand_in;
            p.dimension = d;
            p.item = &it;
            if (is_iso_date(it.due)) p.due = it.due;
            list.push_back(p);
        }
    }

    std::string dimension_name(int d) const { return d < 0 ? std::string("No dimension") : fw_.dimensions[d].name; }

    std::string score_and_level(const NodeScore& n) const {
        if (!n.score) return "Not scored";
        return level_label(fw_, n.level) + " (score " + score_text(*n.score) + ")";
    }

    void cover() {
        KeyValues kv;
        kv.rows.push_back({"Organisation", r_.organisation.name});
        if (!in_.round.empty()) kv.rows.push_back({"Assessment round", in_.round});
        kv.rows.push_back({"Period", r_.period});
        kv.rows.push_back({"Date of this plan", long_date(in_.report_date)});
        kv.rows.push_back({"Framework", fw_.title + ", version " + fw_.version});
        kv.rows.push_back({"Questionnaire", q_.title + ", version " + q_.version});
        kv.rows.push_back({"Respondents", std::to_string(r_.respondents)});
        kv.rows.push_back({"Coverage", percent(r_.overall.coverage()) + " of the questions that applied were answered"});
        if (auto out = excluded_text(fw_, r_); !out.empty()) kv.rows.push_back({"Excluded from this round", out});
        if (in_.anonymise) kv.rows.push_back({"Answers", "Not included: this plan is anonymised"});
        w_.add(kv);
    }

    void summary() {
        KeyValues kv;
        if (r_.overall.score) {
            kv.rows.push_back({"Overall score", score_text(*r_.overall.score) + " out of " + std::to_string(fw_.max_level())});
            kv.rows.push_back({"Overall level", level_label(fw_, r_.overall.level)});
        } else {
            kv.rows.push_back({"Overall score", "Not scored: too few answers"});
        }
        if (r_.percent_to_target) kv.rows.push_back({"Progress to target", percent(*r_.percent_to_target)});
        if (r_.overall.change && r_.previous_period)
            kv.rows.push_back({"Change since " + *r_.previous_period,
                               signed_change(*r_.overall.change) + " (from " + score_text(*r_.overall.previous) + ")"});
        w_.add(kv);

        RadarChart chart;
        chart.title = "Scores by dimension";
        chart.min = fw_.min_level();
        chart.max = fw_.max_level();
        Series now{r_.period, {}}, target{"Target", {}}, before{r_.previous_period.value_or("Previous round"), {}};
        bool any_target = false, any_before = false;
        for (int d : fw_.roots) {
            if (r_.is_out_of_scope(static_cast<std::size_t>(d))) continue;
            const NodeScore& n = r_.dimensions[d];
            chart.axes.push_back(fw_.dimensions[d].name);
            now.values.push_back(n.score);
            target.values.push_back(n.target ? std::optional<double>(*n.target) : std::nullopt);
            before.values.push_back(n.previous);
            any_target = any_target || n.target.has_value();
            any_before = any_before || n.previous.has_value();
        }
        chart.series.push_back(now);
        if (any_target) chart.series.push_back(target);
        if (any_before) chart.series.push_back(before);
        chart.alt = "Each dimension's score in " + r_.period + (any_target ? ", against its target" : "") +
                    (any_before ? ", and in " + before.name : "") + ", on a scale of " + std::to_string(fw_.min_level()) +
                    " to " + std::to_string(fw_.max_level()) + ".";
        w_.add(chart);

        std::vector<int> scored;
        for (int d : fw_.roots)
            if (r_.dimensions[d].score) scored.push_back(d);
        std::stable_sort(scored.begin(), scored.end(),
                         [&](int a, int b) { return *r_.dimensions[a].score > *r_.dimensions[b].score; });
        if (scored.size() >= 2) {
            std::size_t n = std::max<std::size_t>(1, std::min<std::size_t>(3, scored.size() / 2));
            auto line = [&](int d) {
                const NodeScore& s = r_.dimensions[d];
                return fw_.dimensions[d].name + ": " + score_text(*s.score) + ", level " + level_label(fw_, s.level);
            };
            w_.heading(2, "Strongest dimensions", "summary-strongest");
            BulletList top, bottom;
            for (std::size_t i = 0; i < n; ++i) top.items.push_back(line(scored[i]));
            w_.add(top);
            w_.heading(2, "Weakest dimensions", "summary-weakest");
            for (std::size_t i = 0; i < n; ++i) bottom.items.push_back(line(scored[scored.size() - 1 - i]));
            w_.add(bottom);
        }
        add_level_distribution(w_, fw_, r_, "summary-levels");
    }

    void dimensions() {
        for (int root : fw_.roots)
            if (!r_.is_out_of_scope(static_cast<std::size_t>(root))) dimension(root, 2);
        own_actions_without_dimension();
    }

    void dimension(int d, int level) {
        const Dimension& dim = fw_.dimensions[d];
        const NodeScore& n = r_.dimensions[d];
        w_.heading(std::min(level, 3), dim.name, "dimension-" + dim.id);
        if (!dim.description.empty()) w_.paragraph(dim.description, TextStyle::note);

        KeyValues kv;
        kv.rows.push_back({"Current level", score_and_level(n)});
        if (n.target)
            kv.rows.push_back({"Target", target_label(fw_, *n.target) + (n.target_by ? " by " + long_date(*n.target_by) : "")});
        else
            kv.rows.push_back({"Target", "None set"});
        if (n.gap) kv.rows.push_back({"Gap to target", *n.gap > 0 ? score_text(*n.gap) : "None: target met"});
        if (n.change && r_.previous_period)
            kv.rows.push_back({"Change since " + *r_.previous_period,
                               signed_change(*n.change) + " (from " + score_text(*n.previous) + ")"});
        kv.rows.push_back({"Answers", percent(n.coverage()) + " coverage: " + std::to_string(n.answered) + " answered, " +
                                          std::to_string(n.dont_know) + " don't know, " + std::to_string(n.unanswered) +
                                          " blank, " + std::to_string(n.not_applicable) + " not applicable"});
        w_.add(kv);

        if (n.score) {
            std::string now = level_meaning(fw_, dim, n.level);
            if (!now.empty()) w_.paragraph("At level " + level_label(fw_, n.level) + ": " + now);
            if (n.level < fw_.max_level()) {
                std::string next = level_meaning(fw_, dim, n.level + 1);
                if (!next.empty()) w_.paragraph("What level " + level_label(fw_, n.level + 1) + " looks like: " + next);
            } else {
                w_.paragraph("This is the highest level the framework describes.");
            }
        } else {
            w_.paragraph("This dimension has no score: none of its questions was answered. Its level and actions "
                         "will appear once it is assessed.");
        }
        actions_table(d, n);
        for (int c : dim.children)
            if (!r_.is_out_of_scope(static_cast<std::size_t>(c))) dimension(c, level + 1);
    }

    // The agreed owner, else the framework's hint marked as a suggestion.
    static std::string owner_text(const PlannedAction& p) {
        if (p.item && !p.item->owner.empty()) return p.item->owner;
        return p.action->owner.empty() ? std::string() : p.action->owner + " (suggested)";
    }

    void actions_table(int d, const NodeScore& n) {
        const auto& list = planned_[d];
        const Dimension& dim = fw_.dimensions[d];
        if (list.empty()) {
            if (dim.actions.empty()) return;
            if (n.target_met())
                w_.paragraph("The target is met, so no actions are proposed here. The framework's actions for the "
                             "next level remain available if the council wants to go further.", TextStyle::note);
            else if (n.score && n.level >= fw_.max_level())
                w_.paragraph("No further actions: the dimension is at the top of the scale.", TextStyle::note);
            return;
        }
        Table t;
        t.caption = n.score && n.level < fw_.max_level()
                        ? "Recommended actions: level " + std::to_string(n.level) + " to level " + std::to_string(n.level + 1)
                        : "Actions adopted";
        t.header = {"Action", "Owner", "Effort", "Timescale", "Status", "Due"};
        t.widths = {3.2, 1.8, 1.2, 1.1, 1.0, 1.1};
        BulletList details;
        for (const auto& p : list) {
            const Action& a = *p.action;
            std::string owner = owner_text(p);
            std::string due = p.item && is_iso_date(p.item->due) ? long_date(p.item->due) : std::string();
            if (p.own()) t.rows.push_back({a.title + " (own action)", owner, "", "", status_text(p.status()), due});
            else t.rows.push_back({a.title, owner, effort_text(a.effort), a.timescale, status_text(p.status()), due});
            std::string text = a.title + (a.description.empty() ? "" : ": " + a.description);
            if (p.item && !p.item->notes.empty()) text += " Notes: " + p.item->notes;
            details.items.push_back(text);
        }
        w_.add(t);
        w_.add(details);
    }

    // The council's own actions that it put in no dimension, after every dimension.
    void own_actions_without_dimension() {
        auto it = planned_.find(-1);
        if (it == planned_.end()) return;
        w_.heading(2, "Own actions in no dimension", "own-actions");
        Table t;
        t.caption = "The council's own actions, in no dimension";
        t.header = {"Action", "Owner", "Status", "Due"};
        t.widths = {3.2, 1.8, 1.0, 1.1};
        BulletList details;
        for (const auto& p : it->second) {
            t.rows.push_back({p.item->title, p.item->owner, status_text(p.status()),
                              is_iso_date(p.item->due) ? long_date(p.item->due) : std::string()});
            if (!p.item->notes.empty()) details.items.push_back(p.item->title + ". Notes: " + p.item->notes);
        }
        w_.add(t);
        if (!details.items.empty()) w_.add(details);
    }

    void timeline() {
        struct Row {
            std::string due, quarter;
            const PlannedAction* p;
        };
        std::vector<Row> rows, ongoing;
        for (const auto& [d, list] : planned_)
            for (const auto& p : list) {
                if (p.status() == "done" || p.status() == "dropped") continue;
                if (p.due.empty()) ongoing.push_back({"", "Ongoing", &p});
                else rows.push_back({p.due, financial_quarter(p.due), &p});
            }
        std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.due < b.due; });
        rows.insert(rows.end(), ongoing.begin(), ongoing.end());
        if (rows.empty()) {
            w_.paragraph("No actions are open.");
            return;
        }
        w_.paragraph("Each action is placed in the financial-year quarter in which it is due: its agreed due date "
                     "where one is recorded, otherwise the end of its timescale counted from " +
                         long_date(in_.report_date) + ". Actions done or dropped are left out.",
                     TextStyle::note);
        Table t;
        t.caption = "Actions by quarter";
        t.header = {"Quarter", "Action", "Dimension", "Owner", "Status"};
        t.widths = {1.8, 3.2, 1.8, 1.8, 1.0};
        for (const auto& r : rows) {
            const Action& a = *r.p->action;
            std::string owner = owner_text(*r.p);
            t.rows.push_back({r.quarter, a.title, dimension_name(r.p->dimension), owner, status_text(r.p->status())});
        }
        w_.add(t);
    }

    // What a dimension aims at: its target, else the level above where it stands.
    int aim(int d) const {
        const NodeScore& n = r_.dimensions[d];
        if (n.target) return target_aim(*n.target);
        return std::min(fw_.max_level(), (n.score ? n.level : fw_.min_level()) + 1);
    }

    void responsibilities() {
        if (fw_.responsibilities.empty()) {
            w_.paragraph("The framework names no responsibilities.");
            return;
        }
        w_.paragraph("Foundation responsibilities are needed from the start. A growth responsibility is needed once a "
                     "dimension it serves aims at its level: the dimension's target, or the next level up where no "
                     "target is set.",
                     TextStyle::note);
        Table t;
        t.caption = "Responsibilities the targets call for";
        t.header = {"Responsibility", "Tier", "From level", "Needed for", "What it involves"};
        t.widths = {1.8, 1.0, 0.8, 2.4, 4.0};
        std::vector<std::string> later;
        for (const auto& resp : fw_.responsibilities) {
            std::vector<std::string> why;
            for (const auto& id : resp.dimensions) {
                int k = fw_.find_dimension(id);
                if (k < 0) continue;
                if (resp.tier == Tier::Foundation || aim(k) >= resp.from_level)
                    why.push_back(fw_.dimensions[k].name + " (aim " + std::to_string(aim(k)) + ")");
            }
            if (resp.tier == Tier::Growth && why.empty()) {
                later.push_back(resp.name + " (from level " + std::to_string(resp.from_level) + ")");
                continue;
            }
            t.rows.push_back({resp.name, resp.tier == Tier::Foundation ? "Foundation" : "Growth",
                              std::to_string(resp.from_level),
                              resp.tier == Tier::Foundation ? "Every council, from the start" : join_words(why),
                              resp.description});
        }
        w_.add(t);
        if (!later.empty())
            w_.paragraph("Not yet needed at these targets: " + join_words(later) + ".", TextStyle::note);
    }

    std::string respondent_label(const Respondent& r, float confidence) const {
        std::string role = r.role >= 0 && r.role < static_cast<int>(q_.roles.size()) ? q_.roles[r.role].name : "";
        std::string who = r.name.empty() ? "Respondent " + r.id : r.name;
        std::string about = role;
        if (confidence >= 0) about += (about.empty() ? "" : ", ") + std::string("confidence ") + percent(confidence);
        return about.empty() ? who : who + " (" + about + ")";
    }

    // How an option reads in the appendix: its own words when the question's options are
    // short (an agreement scale), else the level it stands for; the wording of each level of
    // each question is in the questionnaire, and each respondent's choice in the CSV export.
    std::vector<std::string> option_texts(const Question& q) const {
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
    std::vector<std::string> tally(const Question& q, const std::vector<const Answer*>& given) const {
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

    void answers() {
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

    const ActionPlanInput& in_;
    const Framework& fw_;
    const Questionnaire& q_;
    const RoundResult& r_;
    DocumentWriter w_;
    std::map<int, std::vector<PlannedAction>> planned_;  // -1: own actions in no dimension
    std::deque<Action> own_;  // stand-ins for own actions; a deque keeps their addresses
};

}  // namespace

std::string add_months(const std::string& iso, int months) {
    int y = std::stoi(iso.substr(0, 4)), m = std::stoi(iso.substr(5, 2)), d = std::stoi(iso.substr(8, 2));
    int total = y * 12 + (m - 1) + months;
    y = total / 12;
    m = total % 12 + 1;
    while (d > 28 && !valid_date(y, m, d)) --d;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

std::optional<int> timescale_months(const std::string& timescale) {
    std::vector<long> numbers;
    std::string lower;
    for (std::size_t i = 0; i < timescale.size();) {
        char c = timescale[i];
        if (c >= '0' && c <= '9') {
            long v = 0;
            while (i < timescale.size() && timescale[i] >= '0' && timescale[i] <= '9' && v < 10000)
                v = v * 10 + (timescale[i++] - '0');
            numbers.push_back(v);
            continue;
        }
        lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        ++i;
    }
    if (numbers.empty()) return std::nullopt;
    long n = numbers.back();
    if (lower.find("year") != std::string::npos) n *= 12;
    else if (lower.find("week") != std::string::npos) n = (n * 7 + 29) / 30;
    else if (lower.find("month") == std::string::npos) return std::nullopt;
    if (n < 0 || n > 1200) return std::nullopt;
    return static_cast<int>(n);
}

std::string financial_quarter(const std::string& iso) {
    if (!is_iso_date(iso)) return iso;
    int y = std::stoi(iso.substr(0, 4)), m = std::stoi(iso.substr(5, 2));
    int start_year = m >= 4 ? y : y - 1;
    int q = m >= 4 ? (m - 4) / 3 + 1 : 4;  // April to June is Q1
    static const int kFirst[] = {4, 7, 10, 1};
    int first = kFirst[q - 1], last = first + 2;
    char fy[32];
    std::snprintf(fy, sizeof fy, "%d-%02d", start_year, (start_year + 1) % 100);
    return "Q" + std::to_string(q) + " " + fy + " (" + kMonths[first - 1] + " to " + kMonths[last - 1] + " " +
           std::to_string(q == 4 ? start_year + 1 : start_year) + ")";
}

std::optional<Document> build_action_plan(const ActionPlanInput& in, const ReportTemplate& tpl, std::string& error) {
    if (!in.framework || !in.questionnaire || !in.result) {
        error = "an action plan needs a framework, a questionnaire and a scored round";
        return std::nullopt;
    }
    if (tpl.kind != TemplateKind::ActionPlan) {
        error = std::string("the template is for a ") + to_string(tpl.kind) + " report, not an action plan";
        return std::nullopt;
    }
    if (in.result->dimensions.size() != in.framework->dimensions.size() || in.result->framework_id != in.framework->id) {
        error = "the scored round is for framework \"" + in.result->framework_id + "\", not \"" + in.framework->id + "\"";
        return std::nullopt;
    }
    if (in.result->questions.size() != in.questionnaire->questions.size()) {
        error = "the scored round does not belong to questionnaire \"" + in.questionnaire->id + "\"";
        return std::nullopt;
    }
    if (!is_iso_date(in.report_date)) {
        error = "the report date must be a date as YYYY-MM-DD, not \"" + in.report_date + "\"";
        return std::nullopt;
    }
    for (const auto& a : in.actions) {
        if (a.own()) {
            if (!a.dimension.empty() && in.framework->find_dimension(a.dimension) < 0) {
                error = "own action \"" + a.title + "\" is in dimension \"" + a.dimension + "\", which framework \"" +
                        in.framework->id + "\" does not have";
                return std::nullopt;
            }
            continue;
        }
        bool found = false;
        for (const auto& d : in.framework->dimensions)
            for (const auto& x : d.actions) found = found || x.id == a.action;
        if (!found) {
            error = "action \"" + a.action + "\" is not one of framework \"" + in.framework->id + "\"'s";
            return std::nullopt;
        }
    }
    return ActionPlanBuilder(in, tpl).build();
}

}  // namespace ys::report
