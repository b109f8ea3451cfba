// A roadmap's phases (what is needed, and when) and the posts of the team and the plan (who
// holds what).
#include "roadmap_builder.h"

#include <algorithm>
#include <cmath>

#include "apprenticeship_routes.h"
#include "money_text.h"
#include "number_format.h"
#include "roadmap_parts.h"
#include "targets.h"

namespace ys::roadmap_build {

// Responsibilities analysts carry in services: the team structure changes how much of
// them a council needs (centralised: one post's worth; hub and spoke: a quarter post more
// per department; decentralised: half a post per department). Every other responsibility
// needs half a post's worth: one head of data carries the leadership, however the rest of
// the post is spent.
bool analytical(const std::string& responsibility) {
    return responsibility == "performance-reporting" || responsibility == "business-intelligence";
}

double need_for(const std::string& responsibility, const RoadmapScenario& s) {
    if (!analytical(responsibility)) return 0.5;
    switch (s.structure) {
        case TeamStructure::Centralised: return 1.0;
        case TeamStructure::HubAndSpoke: return 1.0 + 0.25 * s.departments;
        case TeamStructure::Decentralised: return std::max(1.0, 0.5 * s.departments);
    }
    return 1.0;
}

std::string route_words(const RoadmapPost& p, const RoleCatalogue& cat, const RoadmapScenario& sc) {
    switch (p.route) {
        case PostRoute::NewPost: return "new post";
        case PostRoute::Apprenticeship: return "apprenticeship";
        case PostRoute::Shared: return "shared with " + std::to_string(p.shared_with) + " councils";
        case PostRoute::GrownFrom: {
            const TeamPost* t = sc.find_team_post(p.grown_from);
            const Role* r = t ? cat.find(t->role) : nullptr;
            std::string from = t && !t->name.empty() ? t->name : r ? r->title : p.grown_from;
            return "grown from the team's " + from;
        }
    }
    return "new post";
}

int Builder::aim(int dim) const {
    if (!req_.current || dim < 0) return fw_.min_level() + 1;
    const NodeScore& n = req_.current->dimensions[dim];
    if (n.target) return target_aim(*n.target);
    return std::min(fw_.max_level(), (n.score ? n.level : fw_.min_level()) + 1);
}

void Builder::plan_phases() {
    std::map<int, std::vector<const Responsibility*>> by_level;  // 0 = get started
    for (const auto& r : fw_.responsibilities) {
        if (r.tier == Tier::Foundation) {
            by_level[0].push_back(&r);
            continue;
        }
        bool needed = false;
        for (const auto& d : r.dimensions) needed = needed || aim(fw_.find_dimension(d)) >= r.from_level;
        if (needed) by_level[r.from_level].push_back(&r);
    }
    if (req_.current)
        for (std::size_t k = 0; k < fw_.dimensions.size(); ++k) {
            const NodeScore& n = req_.current->dimensions[k];
            if (n.target && n.target_by && *n.target_by < sc_.start)
                out_.warnings.push_back("The target for " + fw_.dimensions[k].name + " (level " + target_text(*n.target) +
                                        " by " + long_day(*n.target_by) + ") is before the plan starts on " +
                                        long_day(sc_.start) + "; the work it needs is planned from year 1.");
        }
    // A phase starts a year before the earliest target date that needs its level or, with
    // no dates, a year after the phase before; never before it, never past the horizon.
    int index = 0, previous_start = 1;
    for (auto& [level, resps] : by_level) {
        RoadmapPhase ph;
        ph.number = ++index;
        ph.level = level;
        std::string due = due_for(level, resps);
        int year = index == 1 ? 1 : previous_start + 1;
        if (!due.empty()) {
            std::int64_t lead = day_number(add_years(due, -1)) - day_number(sc_.start);
            year = lead < 0 ? 1 : static_cast<int>(lead / 365) + 1;
            ph.due = due;
            ph.due_before_start = due < sc_.start;
        }
        ph.start_year = std::clamp(year, previous_start, sc_.horizon_years);
        previous_start = ph.start_year;
        for (const auto* r : resps) {
            ph.responsibilities.push_back(r->id);
            need_[r->id] = need_for(r->id, sc_);
            phase_of_[r->id] = ph.number;
        }
        out_.phases.push_back(std::move(ph));
    }
}

std::string Builder::due_for(int level, const std::vector<const Responsibility*>& resps) const {
    std::string due;
    if (!req_.current || level == 0) return due;
    for (const auto* r : resps)
        for (const auto& d : r->dimensions) {
            int k = fw_.find_dimension(d);
            if (k < 0) continue;
            const NodeScore& n = req_.current->dimensions[k];
            if (n.target && target_aim(*n.target) >= level && n.target_by && (due.empty() || *n.target_by < due)) due = *n.target_by;
        }
    return due;
}

// Sets what a post line gives each responsibility, keeping the running totals.
void Builder::covers_of(RoadmapPost& p, double fte_total) {
    for (const auto& [id, fte] : p.covers) held_[id] -= fte;
    p.covers.clear();
    const Role* role = cat_.find(p.role);
    for (const auto& rr : role->responsibilities) {
        p.covers.push_back({rr.id, fte_total * rr.fte_share / std::max(1, p.shared_with)});
        held_[rr.id] += p.covers.back().second;
    }
}

void Builder::take_team() {
    for (const auto& t : sc_.team) {
        RoadmapPost p;
        p.id = t.id;
        p.name = t.name;
        p.origin = PostOrigin::Team;
        p.role = t.role;
        p.title = cat_.find(t.role)->title;
        p.route_text = "in the team now";
        p.headcount = 1;
        p.fte = t.fte;
        p.start = sc_.start;
        p.salary = t.salary;
        p.sits_in = "current team";
        // Posts that grow into another role take their FTE with them.
        double moving = 0;
        for (const auto& g : sc_.posts)
            if (g.route == PostRoute::GrownFrom && g.grown_from == t.id) moving += g.headcount * g.fte;
        covers_of(p, std::max(0.0, t.fte - moving));
        if (moving > 0) p.notes.push_back(fte_words(std::min(moving, t.fte)) + " of this post grows into another role.");
        out_.team.push_back(std::move(p));
    }
}

int Builder::plan_year_of(const std::string& date) const {
    if (date <= sc_.start) return 1;
    for (int y = 1; y <= sc_.horizon_years; ++y)
        if (date <= add_days(add_years(sc_.start, y), -1)) return y;
    return sc_.horizon_years + 1;
}

void Builder::take_planned() {
    for (const auto& pp : sc_.posts) {
        RoadmapPost p;
        p.id = pp.id;
        p.name = pp.name;
        p.origin = PostOrigin::Planned;
        p.role = pp.role;
        p.title = cat_.find(pp.role)->title;
        p.route = pp.route;
        // A new post of an apprentice role is an apprenticeship (it is costed as one).
        if (p.route == PostRoute::NewPost && cat_.find(pp.role)->apprenticeship) p.route = PostRoute::Apprenticeship;
        p.headcount = pp.headcount;
        p.fte = pp.fte;
        p.shared_with = pp.route == PostRoute::Shared ? pp.shared_with : 1;
        p.grown_from = pp.grown_from;
        p.start = pp.start.empty() ? sc_.start : pp.start;
        p.start_year = plan_year_of(p.start);
        p.salary = pp.salary;
        p.age = pp.age;
        p.route_text = route_words(p, cat_, sc_);
        const std::string label = pp.name.empty() ? p.title : pp.name;
        if (p.start < sc_.start)
            out_.warnings.push_back("Planned post " + label + " starts on " + long_day(p.start) + ", before the plan starts on " +
                                    long_day(sc_.start) + "; it is costed from the plan's start, with no recruitment.");
        if (p.start_year > sc_.horizon_years) {
            out_.warnings.push_back("Planned post " + label + " starts on " + long_day(p.start) + ", after the plan ends on " +
                                    long_day(end_of_plan()) + "; it costs nothing in this plan and covers nothing yet.");
        } else {
            covers_of(p, p.headcount * p.fte);
        }
        int phase = 0;
        for (const auto& [resp, fte] : p.covers)
            if (phase_of_.count(resp) && (phase == 0 || phase_of_[resp] < phase)) phase = phase_of_[resp];
        p.phase = phase;
        if (phase == 0 && p.start_year <= sc_.horizon_years)
            out_.notes.push_back("Planned post " + label + " carries no responsibility the targets need yet.");
        out_.posts.push_back(std::move(p));
    }
}

// What the team and the posts so far hold of a responsibility (kept as posts are added).
double Builder::held(const std::string& resp) const {
    auto it = held_.find(resp);
    return it == held_.end() ? 0.0 : it->second;
}

}  // namespace ys::roadmap_build
