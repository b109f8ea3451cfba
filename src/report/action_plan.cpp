#include "action_plan.h"

#include <algorithm>
#include <cstdio>
#include <deque>
#include <map>
#include <set>

#include "action_plan_builder.h"
#include "action_plan_crosswalk.h"
#include "level_tables.h"
#include "number_format.h"
#include "targets.h"  // is_iso_date
#include "text_format.h"
#include "timestamps.h"

namespace ys::report {

namespace action_plan_parts {

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

std::string target_label(const Framework& fw, double target) {
    int aim = target_aim(target);
    return aim == target ? level_label(fw, aim) : target_text(target);
}

std::string level_meaning(const Framework& fw, const Dimension& d, int value) {
    auto it = d.descriptors.find(value);
    if (it != d.descriptors.end()) return it->second;
    const Level* l = fw.level(value);
    return l ? l->description : std::string();
}

Document ActionPlanBuilder::build() {
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

std::map<std::string, std::string> ActionPlanBuilder::placeholders() const {
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
void ActionPlanBuilder::plan_actions() {
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
void ActionPlanBuilder::add_own_actions(const std::string& dimension, int d, std::vector<PlannedAction>& list) {
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

}  // namespace action_plan_parts

namespace {

const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                               "July",    "August",   "September", "October", "November", "December"};

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
    return action_plan_parts::ActionPlanBuilder(in, tpl).build();
}

}  // namespace ys::report
