// The posts the tool proposes to close the gaps, and why the plan has posts of each role.
#include "roadmap_builder.h"

#include <algorithm>
#include <cmath>

#include "apprenticeship_routes.h"
#include "money_text.h"
#include "number_format.h"
#include "roadmap_parts.h"
#include "targets.h"

namespace ys::roadmap_build {

double Builder::gap(const std::string& r) const {
    if (!need_.count(r) || elsewhere_.count(r) || no_role_.count(r)) return 0;
    return std::max(0.0, need_.at(r) - held(r));
}

int Builder::proposed_of(const std::string& role) const {
    int n = 0;
    for (const auto& p : out_.posts)
        if (p.origin == PostOrigin::Proposed && p.role == role) n += p.headcount;
    return n;
}

int Builder::shared_for(const Role& role) const {
    for (const auto& [id, n] : sc_.share_proposals)
        if (id == role.id) return n;
    return 1;
}

// An apprenticeship route that the rules in force at the start of the plan fund for none
// of the ages it names (a level 7 route for over-21s only after 1 January 2026).
bool Builder::route_closed(const Apprenticeship& a) const {
    return req_.assumptions && route_funding(a, *req_.assumptions, sc_.start).funded.empty();
}

// The role that closes the worst gap alone with the most cover for the money; failing
// that, the one carrying most of it.
const Role* Builder::best_role(const std::string& worst) const {
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
std::string Builder::behind(const Responsibility& resp) const {
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
void Builder::give_reasons() {
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

void Builder::propose() {
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

}  // namespace ys::roadmap_build
