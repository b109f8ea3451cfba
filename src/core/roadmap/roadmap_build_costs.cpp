// What the plan costs: every post line costed by year, the non-staff lines, and the
// warnings on apprenticeship routes.
#include "roadmap_builder.h"

#include <algorithm>
#include <cmath>

#include "apprenticeship_routes.h"
#include "money_text.h"
#include "number_format.h"
#include "roadmap_parts.h"
#include "targets.h"

namespace ys::roadmap_build {

PostTerms Builder::terms_of(const RoadmapPost& p) const {
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

void Builder::add_into(std::vector<YearCost>& into, const std::vector<YearCost>& years) {
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

std::vector<YearCost> Builder::empty_years() const {
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

bool Builder::cost_list(std::vector<RoadmapPost>& posts, std::vector<YearCost>& into) {
    for (auto& p : posts) {
        p.years = cost_post(req_, terms_of(p), p.notes, error_);
        if (!error_.empty()) return false;
        p.total = p.years.empty() ? Money{} : p.years.back().cumulative;
        add_into(into, p.years);
    }
    return true;
}

void Builder::close_years(std::vector<YearCost>& years) {
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

bool Builder::cost() {
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

}  // namespace ys::roadmap_build
