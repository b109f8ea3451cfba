// The action plan's sections: cover, summary, each dimension with its actions, the timeline
// by quarter and the responsibilities the targets call for.
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

std::string ActionPlanBuilder::dimension_name(int d) const { return d < 0 ? std::string("No dimension") : fw_.dimensions[d].name; }

std::string ActionPlanBuilder::score_and_level(const NodeScore& n) const {
    if (!n.score) return "Not scored";
    return level_label(fw_, n.level) + " (score " + score_text(*n.score) + ")";
}

void ActionPlanBuilder::cover() {
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

void ActionPlanBuilder::summary() {
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

void ActionPlanBuilder::dimensions() {
    for (int root : fw_.roots)
        if (!r_.is_out_of_scope(static_cast<std::size_t>(root))) dimension(root, 2);
    own_actions_without_dimension();
}

void ActionPlanBuilder::dimension(int d, int level) {
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
std::string ActionPlanBuilder::owner_text(const PlannedAction& p) {
    if (p.item && !p.item->owner.empty()) return p.item->owner;
    return p.action->owner.empty() ? std::string() : p.action->owner + " (suggested)";
}

void ActionPlanBuilder::actions_table(int d, const NodeScore& n) {
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
void ActionPlanBuilder::own_actions_without_dimension() {
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

void ActionPlanBuilder::timeline() {
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
int ActionPlanBuilder::aim(int d) const {
    const NodeScore& n = r_.dimensions[d];
    if (n.target) return target_aim(*n.target);
    return std::min(fw_.max_level(), (n.score ? n.level : fw_.min_level()) + 1);
}

void ActionPlanBuilder::responsibilities() {
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

}  // namespace ys::report::action_plan_parts
