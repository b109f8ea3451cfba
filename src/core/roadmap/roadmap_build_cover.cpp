// What the plan reaches: each responsibility's cover, and each phase's by its last year.
#include "roadmap_builder.h"

#include <algorithm>
#include <cmath>

#include "apprenticeship_routes.h"
#include "money_text.h"
#include "number_format.h"
#include "roadmap_parts.h"
#include "targets.h"

namespace ys::roadmap_build {

CoverStatus Builder::status_of(const std::string& r, double h) const {
    if (elsewhere_.count(r)) return CoverStatus::Covered;
    if (h + kEpsilon >= need_.at(r)) return CoverStatus::Covered;
    return h > 0.005 ? CoverStatus::Partly : CoverStatus::NotCovered;
}

void Builder::report_cover() {
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

}  // namespace ys::roadmap_build
