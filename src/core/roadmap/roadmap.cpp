#include "roadmap.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "apprenticeship_routes.h"
#include "money_text.h"
#include "roadmap_builder.h"
#include "roadmap_parts.h"
#include "number_format.h"
#include "targets.h"

namespace ys {
namespace roadmap_build {

std::optional<Roadmap> Builder::build() {
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

std::string Builder::end_of_plan() const { return ys::end_of_plan(sc_); }

bool Builder::fail(const std::string& message) {
    error_ = message;
    return false;
}

bool Builder::check() {
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

}  // namespace roadmap_build

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
    return roadmap_build::Builder(req, error).build();
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
