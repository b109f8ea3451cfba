#include "roadmap.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "apprenticeship_routes.h"
#include "money_text.h"
#include "roadmap_parts.h"
#include "number_format.h"
#include "targets.h"

namespace ys {
namespace {

constexpr double kEpsilon = 1e-9;

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

class Builder {
public:
    Builder(const RoadmapRequest& req, std::string& error)
        : req_(req), fw_(*req.framework), cat_(*req.roles), sc_(req.scenario), error_(error) {}

    std::optional<Roadmap> build() {
        if (!check()) return std::nullopt;
        plan_phases();
        take_team();
        take_planned();
        for (const auto& c : sc_.covered) elsewhere_[c.responsibility] = c.how;
        if (sc_.propose) propose();
        report_cover();
        give_reasons();
        if (!cost()) return std::nullopt;
        write_plan_notes(req_, out_);
        return std::move(out_);
    }

private:
    std::string end_of_plan() const { return ys::end_of_plan(sc_); }

    bool fail(const std::string& message) {
        error_ = message;
        return false;
    }

    bool check() {
        if (!is_iso_date(sc_.start)) return fail("the plan's start must be a date as YYYY-MM-DD, not \"" + sc_.start + "\"");
        if (sc_.horizon_years < 1 || sc_.horizon_years > 20)
            return fail("the horizon must be 1 to 20 years, not " + std::to_string(sc_.horizon_years));
        if (sc_.departments < 1) return fail("there must be at least one department");
        for (const auto& t : sc_.team) {
            if (!cat_.find(t.role)) return fail("the team's post \"" + t.id + "\" names role \"" + t.role + "\", which is not in the role catalogue");
            if (t.fte <= 0) return fail("the team's post \"" + t.id + "\" needs an FTE above 0");
        }
        for (const auto& p : sc_.posts) {
            if (!cat_.find(p.role)) return fail("planned post \"" + p.id + "\" names role \"" + p.role + "\", which is not in the role catalogue");
            if (p.headcount < 1 || p.fte <= 0 || p.fte > 1)
                return fail("planned post \"" + p.id + "\" needs a headcount of 1 or more and an FTE above 0 and at most 1");
            if (p.route == PostRoute::Shared && p.shared_with < 2)
                return fail("planned post \"" + p.id + "\" is shared, so it needs the number of councils sharing it (2 or more)");
            if (p.route == PostRoute::GrownFrom && !sc_.find_team_post(p.grown_from))
                return fail("planned post \"" + p.id + "\" grows from \"" + p.grown_from + "\", which is not a post of the team");
            if (!p.start.empty() && !is_iso_date(p.start))
                return fail("planned post \"" + p.id + "\" needs a start date as YYYY-MM-DD, not \"" + p.start + "\"");
        }
        for (const auto& c : sc_.covered)
            if (!fw_.find_responsibility(c.responsibility))
                return fail("\"" + c.responsibility + "\" is not a responsibility of framework \"" + fw_.title + "\"");
        for (const auto& [role, n] : sc_.share_proposals)
            if (!cat_.find(role) || n < 2)
                return fail("a shared role needs a role from the catalogue and at least 2 councils (\"" + role + "\")");
        return true;
    }

    // ---- what is needed, and when ----

    int aim(int dim) const {
        if (!req_.current || dim < 0) return fw_.min_level() + 1;
        const NodeScore& n = req_.current->dimensions[dim];
        if (n.target) return target_aim(*n.target);
        return std::min(fw_.max_level(), (n.score ? n.level : fw_.min_level()) + 1);
    }

    void plan_phases() {
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

    std::string due_for(int level, const std::vector<const Responsibility*>& resps) const {
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

    // ---- who holds what ----

    // Sets what a post line gives each responsibility, keeping the running totals.
    void covers_of(RoadmapPost& p, double fte_total) {
        for (const auto& [id, fte] : p.covers) held_[id] -= fte;
        p.covers.clear();
        const Role* role = cat_.find(p.role);
        for (const auto& rr : role->responsibilities) {
            p.covers.push_back({rr.id, fte_total * rr.fte_share / std::max(1, p.shared_with)});
            held_[rr.id] += p.covers.back().second;
        }
    }

    void take_team() {
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

    int plan_year_of(const std::string& date) const {
        if (date <= sc_.start) return 1;
        for (int y = 1; y <= sc_.horizon_years; ++y)
            if (date <= add_days(add_years(sc_.start, y), -1)) return y;
        return sc_.horizon_years + 1;
    }

    void take_planned() {
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
    double held(const std::string& resp) const {
        auto it = held_.find(resp);
        return it == held_.end() ? 0.0 : it->second;
    }

    // ---- the tool's proposals ----

    double gap(const std::string& r) const {
        if (!need_.count(r) || elsewhere_.count(r) || no_role_.count(r)) return 0;
        return std::max(0.0, need_.at(r) - held(r));
    }

    int proposed_of(const std::string& role) const {
        int n = 0;
        for (const auto& p : out_.posts)
            if (p.origin == PostOrigin::Proposed && p.role == role) n += p.headcount;
        return n;
    }

    int shared_for(const Role& role) const {
        for (const auto& [id, n] : sc_.share_proposals)
            if (id == role.id) return n;
        return 1;
    }

    // An apprenticeship route that the rules in force at the start of the plan fund for none
    // of the ages it names (a level 7 route for over-21s only after 1 January 2026).
    bool route_closed(const Apprenticeship& a) const {
        return req_.assumptions && route_funding(a, *req_.assumptions, sc_.start).funded.empty();
    }

    // The role that closes the worst gap alone with the most cover for the money; failing
    // that, the one carrying most of it.
    const Role* best_role(const std::string& worst) const {
        const Role* best = nullptr;
        double best_value = 0, best_share = 0;
        bool closes = false;
        for (const auto& role : cat_.roles) {
            if (role.apprenticeship && !sc_.prefer_apprenticeships) continue;
            // Never propose a route the rules fund for none of the ages it names.
            if (role.apprenticeship && route_closed(*role.apprenticeship)) continue;
            const int shared = shared_for(role);
            // A council shares one post of a role; it does not buy a third of several.
            if (shared > 1 && proposed_of(role.id) > 0) continue;
            double share_of_worst = 0, cover = 0;
            for (const auto& rr : role.responsibilities) {
                const double given = rr.fte_share / shared;
                if (rr.id == worst) share_of_worst = given;
                cover += std::min(gap(rr.id), given);
            }
            // A post that would add no more than the threshold to the gap is not worth proposing.
            if (share_of_worst <= req_.propose_threshold + kEpsilon) continue;
            const double value = cover / (role.salary.mid / shared);
            const bool this_closes = share_of_worst + kEpsilon >= gap(worst);
            const bool better = !best || (this_closes && !closes) ||
                                (this_closes == closes &&
                                 (closes ? value > best_value + 1e-12
                                         : share_of_worst > best_share + kEpsilon ||
                                               (std::fabs(share_of_worst - best_share) < kEpsilon && value > best_value + 1e-12)));
            if (better) {
                best = &role;
                best_value = value;
                best_share = share_of_worst;
                closes = this_closes;
            }
        }
        return best;
    }

    // What the dimensions a responsibility serves are short of, worst first: "Data
    // infrastructure at 1.20 against 3".
    std::string behind(const Responsibility& resp) const {
        if (!req_.current) return {};
        std::vector<std::pair<double, std::string>> gaps;
        for (const auto& d : resp.dimensions) {
            int k = fw_.find_dimension(d);
            if (k < 0) continue;
            const NodeScore& n = req_.current->dimensions[k];
            double short_by = n.score ? aim(k) - *n.score : aim(k) - fw_.min_level();
            if (short_by <= 0) continue;
            gaps.push_back({short_by, fw_.dimensions[k].name + " at " + (n.score ? fixed(*n.score, 2) : std::string("no score")) +
                                          " against " + std::to_string(aim(k))});
        }
        std::sort(gaps.begin(), gaps.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        std::string out;
        for (std::size_t i = 0; i < gaps.size() && i < 3; ++i) out += (i ? "; " : "") + gaps[i].second;
        return out;
    }

    // Why the plan has posts of each role: the needed responsibilities the role carries, how
    // much of each the whole plan holds, and the scores behind them. One list per role.
    void give_reasons() {
        for (const auto& p : out_.posts) {
            if (p.start_year > sc_.horizon_years) continue;
            auto it = std::find_if(out_.reasons.begin(), out_.reasons.end(), [&](const RoleReason& r) { return r.role == p.role; });
            if (it != out_.reasons.end()) {
                it->headcount += p.headcount;
                continue;
            }
            RoleReason reason{p.role, p.title, p.headcount, {}};
            for (const auto& rr : cat_.find(p.role)->responsibilities) {
                if (!need_.count(rr.id)) continue;
                const Responsibility* resp = fw_.find_responsibility(rr.id);
                auto c = std::find_if(out_.cover.begin(), out_.cover.end(),
                                      [&](const ResponsibilityCover& x) { return x.responsibility == rr.id; });
                std::string line = (resp ? resp->name : rr.id) + ": " + fte_words(need_[rr.id]) + " needed";
                if (c != out_.cover.end()) line += ", " + fte_words(c->held) + " held with this plan (" + c->text() + ")";
                if (resp) {
                    std::string b = behind(*resp);
                    if (!b.empty()) line += "; for " + b;
                }
                reason.reasons.push_back(line);
            }
            if (reason.reasons.empty()) reason.reasons.push_back("carries no responsibility the targets need yet");
            out_.reasons.push_back(std::move(reason));
        }
    }

    void propose() {
        int made = 0;
        for (auto& ph : out_.phases) {
            for (int guard = 0; guard < 500; ++guard) {
                std::string worst;
                for (const auto& [r, n] : need_)
                    if (phase_of_[r] <= ph.number && gap(r) > req_.propose_threshold + kEpsilon &&
                        (worst.empty() || gap(r) > gap(worst) + kEpsilon))
                        worst = r;
                if (worst.empty()) break;
                const Role* best = best_role(worst);
                if (!best) {
                    // No role carries it at all, or none would add more than the threshold.
                    bool carried = false;
                    for (const auto& role : cat_.roles)
                        for (const auto& rr : role.responsibilities) carried = carried || rr.id == worst;
                    if (!carried) out_.uncovered.push_back(worst);
                    else {
                        const Responsibility* resp = fw_.find_responsibility(worst);
                        out_.notes.push_back("No post Yardstick could propose would add more than " + fte_words(req_.propose_threshold) +
                                             " of " + (resp ? resp->name : worst) + ", so it is left as the plan holds it.");
                    }
                    no_role_.insert(worst);
                    continue;
                }
                // Another post of a role already proposed for this phase joins its line.
                auto same = std::find_if(out_.posts.begin(), out_.posts.end(), [&](const RoadmapPost& x) {
                    return x.origin == PostOrigin::Proposed && x.role == best->id && x.phase == ph.number;
                });
                if (same != out_.posts.end()) {
                    ++same->headcount;
                    covers_of(*same, same->headcount);
                    continue;
                }
                RoadmapPost p;
                p.id = "proposed-" + std::to_string(++made);
                p.origin = PostOrigin::Proposed;
                p.role = best->id;
                p.title = best->title;
                p.shared_with = shared_for(*best);
                p.route = best->apprenticeship ? PostRoute::Apprenticeship
                                               : p.shared_with > 1 ? PostRoute::Shared : PostRoute::NewPost;
                p.route_text = route_words(p, cat_, sc_);
                p.start_year = ph.start_year;
                p.start = add_years(sc_.start, ph.start_year - 1);
                p.phase = ph.number;
                bool analyst = false;
                for (const auto& rr : best->responsibilities) {
                    const double g = gap(rr.id);
                    if (g > 0.005) analyst = analyst || analytical(rr.id);
                }
                p.sits_in = analyst && sc_.structure != TeamStructure::Centralised ? "departments" : "central team";
                covers_of(p, 1);
                out_.posts.push_back(std::move(p));
            }
        }
    }

    // ---- what the plan reaches ----

    CoverStatus status_of(const std::string& r, double h) const {
        if (elsewhere_.count(r)) return CoverStatus::Covered;
        if (h + kEpsilon >= need_.at(r)) return CoverStatus::Covered;
        return h > 0.005 ? CoverStatus::Partly : CoverStatus::NotCovered;
    }

    void report_cover() {
        for (std::size_t i = 0; i < out_.posts.size(); ++i) {
            const auto& p = out_.posts[i];
            if (p.phase > 0) out_.phases[p.phase - 1].posts.push_back(i);
        }
        for (const auto& r : fw_.responsibilities) {
            if (!need_.count(r.id)) continue;
            ResponsibilityCover c;
            c.responsibility = r.id;
            c.phase = phase_of_[r.id];
            c.needed = need_[r.id];
            for (const auto* list : {&out_.team, &out_.posts})
                for (const auto& p : *list)
                    for (const auto& [id, fte] : p.covers)
                        if (id == r.id)
                            (p.origin == PostOrigin::Team ? c.from_team
                             : p.origin == PostOrigin::Planned ? c.from_planned
                                                                : c.from_proposed) += fte;
            c.held = c.from_team + c.from_planned + c.from_proposed;
            if (auto it = elsewhere_.find(r.id); it != elsewhere_.end()) {
                c.elsewhere = true;
                c.elsewhere_how = it->second;
            }
            c.status = status_of(r.id, c.held);
            out_.cover.push_back(std::move(c));
        }
        // Each phase, once the posts that start by the end of its years are in post.
        for (std::size_t k = 0; k < out_.phases.size(); ++k) {
            RoadmapPhase& ph = out_.phases[k];
            int last_year = sc_.horizon_years;
            for (std::size_t j = k + 1; j < out_.phases.size(); ++j)
                if (out_.phases[j].start_year > ph.start_year) {
                    last_year = out_.phases[j].start_year - 1;
                    break;
                }
            const std::string by = add_days(add_years(sc_.start, last_year), -1);
            for (const auto& r : ph.responsibilities) {
                double h = 0;
                for (const auto* list : {&out_.team, &out_.posts})
                    for (const auto& p : *list)
                        if (p.origin == PostOrigin::Team || p.start <= by)
                            for (const auto& [id, fte] : p.covers)
                                if (id == r) h += fte;
                switch (status_of(r, h)) {
                    case CoverStatus::Covered: ++ph.fully_covered; break;
                    case CoverStatus::Partly: ++ph.partly_covered; break;
                    case CoverStatus::NotCovered: ++ph.not_covered; break;
                }
            }
            const int total = static_cast<int>(ph.responsibilities.size());
            const Level* l = fw_.level(ph.level);
            std::string reach = std::to_string(ph.fully_covered) + " of " + std::to_string(total) +
                                (ph.level == 0 ? " foundation" : "") + (total == 1 ? " responsibility" : " responsibilities") +
                                " fully covered";
            if (ph.partly_covered) reach += ", " + std::to_string(ph.partly_covered) + " partly";
            reach += " by the end of year " + std::to_string(last_year);
            ph.name = ph.level == 0 ? "Get started: " + reach
                                    : "Towards level " + std::to_string(ph.level) + (l ? " (" + l->name + ")" : "") + ": " + reach;
            if (ph.due_before_start)
                ph.name += " (its target date, " + long_day(ph.due) + ", is before the plan starts, so it starts in year 1)";
        }
    }

    // ---- what it costs ----

    PostTerms terms_of(const RoadmapPost& p) const {
        PostTerms t;
        t.role = cat_.find(p.role);
        t.salary = p.salary;
        t.headcount = p.headcount;
        t.fte = p.fte;
        t.shared_with = p.shared_with;
        t.start = p.start;
        t.age = p.age;
        t.in_post = p.origin == PostOrigin::Team;
        if (p.route == PostRoute::GrownFrom)
            if (const TeamPost* from = sc_.find_team_post(p.grown_from)) {
                t.grown_from = cat_.find(from->role);
                t.grown_from_salary = from->salary;
            }
        return t;
    }

    static void add_into(std::vector<YearCost>& into, const std::vector<YearCost>& years) {
        for (std::size_t y = 0; y < into.size() && y < years.size(); ++y) {
            auto& lines = into[y].lines;
            for (std::size_t i = 0; i < years[y].lines.size(); ++i) {
                // Not a structured binding: clang's C++17 lambdas cannot capture one.
                const std::string& name = years[y].lines[i].first;
                const Money& m = years[y].lines[i].second;
                // Every post's lines come in the same order as the year's: add by position.
                if (i < lines.size() && lines[i].first == name) {
                    lines[i].second += m;
                    continue;
                }
                auto it = std::find_if(lines.begin(), lines.end(), [&](const auto& l) { return l.first == name; });
                if (it == lines.end()) lines.push_back({name, m});
                else it->second += m;
            }
        }
    }

    std::vector<YearCost> empty_years() const {
        std::vector<YearCost> years;
        for (int y = 1; y <= sc_.horizon_years; ++y) {
            YearCost yc;
            yc.year = y;
            yc.from = add_years(sc_.start, y - 1);
            yc.to = add_days(add_years(sc_.start, y), -1);
            for (const char* l : kStaffCostLines) yc.lines.push_back({l, {}});
            years.push_back(std::move(yc));
        }
        return years;
    }

    bool cost_list(std::vector<RoadmapPost>& posts, std::vector<YearCost>& into) {
        for (auto& p : posts) {
            p.years = cost_post(req_, terms_of(p), p.notes, error_);
            if (!error_.empty()) return false;
            p.total = p.years.empty() ? Money{} : p.years.back().cumulative;
            add_into(into, p.years);
        }
        return true;
    }

    static void close_years(std::vector<YearCost>& years) {
        Money cumulative;
        for (auto& y : years) {
            y.total = {};
            for (auto& [n, m] : y.lines) {
                m = to_pennies(m);
                y.total += m;
            }
            y.total = to_pennies(y.total);
            cumulative += y.total;
            y.cumulative = to_pennies(cumulative);
        }
    }

    bool cost() {
        out_.years = empty_years();
        out_.team_years = empty_years();
        if (!cost_list(out_.team, out_.team_years) || !cost_list(out_.posts, out_.years)) return false;
        cost_other_lines(sc_, out_);
        close_years(out_.years);
        close_years(out_.team_years);
        std::set<std::string> used_routes;
        for (const auto& p : out_.posts) {
            if (p.route == PostRoute::Apprenticeship && req_.assumptions && p.start_year <= sc_.horizon_years) {
                const Role* role = cat_.find(p.role);
                if (!role->apprenticeship) continue;
                ApprenticeshipTerms t = req_.assumptions->apprenticeship_terms(
                    funding_band_key(*role->apprenticeship), role->apprenticeship->level, role->apprenticeship->foundation, p.age, sc_.levy_payer,
                    std::max(p.start, sc_.start));
                const std::string who = p.name.empty() ? p.title : p.name;
                if (!t.eligible)
                    out_.warnings.push_back("Apprenticeship training for " + who + " is not funded: the council pays it in full.");
                if (p.age != AgeBand::Unknown && !role->apprenticeship->offered_to(p.age))
                    out_.warnings.push_back(who + " is planned for an apprentice " + age_words(p.age) + ", but the " +
                                            role->title + " route is offered only to apprentices " +
                                            age_bands_words(role->apprenticeship->ages) +
                                            ": choose another route or correct the age.");
                used_routes.insert(role->id);
            }
        }
        // Every route the plan uses must still be funded for the people it names.
        for (const auto& id : used_routes) {
            std::string w = unfunded_route_warning(*cat_.find(id), *req_.assumptions, sc_.start);
            if (!w.empty()) out_.warnings.push_back(w);
        }
        return true;
    }

    const RoadmapRequest& req_;
    const Framework& fw_;
    const RoleCatalogue& cat_;
    const RoadmapScenario& sc_;
    std::string& error_;
    Roadmap out_;
    std::map<std::string, double> need_;
    std::map<std::string, int> phase_of_;
    std::map<std::string, std::string> elsewhere_;
    std::set<std::string> no_role_;
    std::map<std::string, double> held_;
};

}  // namespace

const char* to_string(CoverStatus s) {
    switch (s) {
        case CoverStatus::Covered: return "covered";
        case CoverStatus::Partly: return "partly covered";
        case CoverStatus::NotCovered: return "not covered";
    }
    return "not covered";
}

std::string ResponsibilityCover::text() const {
    if (elsewhere) return "covered elsewhere" + (elsewhere_how.empty() ? std::string() : ": " + elsewhere_how);
    if (status == CoverStatus::Partly) return "partly covered: " + fte_number(held) + " of " + fte_words(needed);
    return to_string(status);
}

int Roadmap::count(CoverStatus s) const {
    int n = 0;
    for (const auto& c : cover) n += c.status == s;
    return n;
}

int Roadmap::headcount() const {
    int n = 0;
    for (const auto& p : posts) n += p.headcount;
    return n;
}

std::optional<Roadmap> build_roadmap(const RoadmapRequest& req, std::string& error) {
    error.clear();
    if (!req.framework || !req.roles || !req.assumptions) {
        error = "a roadmap needs a framework, a role catalogue and an assumptions file";
        return std::nullopt;
    }
    return Builder(req, error).build();
}

ScenarioSummary summarise(const std::string& name, const Roadmap& r) {
    ScenarioSummary s;
    s.name = name;
    for (const auto& y : r.years) s.cost_per_year.push_back(y.total);
    s.total = r.years.empty() ? Money{} : r.years.back().cumulative;
    s.fully = r.count(CoverStatus::Covered);
    s.partly = r.count(CoverStatus::Partly);
    s.not_covered = r.count(CoverStatus::NotCovered);
    s.responsibilities = static_cast<int>(r.cover.size());
    for (const auto& p : r.posts) {
        s.headcount += p.headcount;
        s.fte += p.headcount * p.fte / std::max(1, p.shared_with);
    }
    s.team_cost = r.team_years.empty() ? Money{} : r.team_years.back().cumulative;
    return s;
}

}  // namespace ys
