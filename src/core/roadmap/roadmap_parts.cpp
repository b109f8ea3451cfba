// The parts of a plan that are not posts: non-staff cost lines, and the notes that say in
// words which assumptions the figures rest on.
#include "roadmap_parts.h"

#include <algorithm>
#include <cmath>

#include "money_text.h"
#include "number_format.h"

namespace ys {

std::string end_of_plan(const RoadmapScenario& s) { return add_days(add_years(s.start, s.horizon_years), -1); }

void cost_other_lines(const RoadmapScenario& sc, Roadmap& out) {
    for (CostCategory c : {CostCategory::ProgrammeManagement, CostCategory::Evaluation, CostCategory::Training,
                           CostCategory::Software, CostCategory::Recruitment, CostCategory::Other})
        for (auto& y : out.years) y.lines.push_back({category_name(c), {}});
    for (const auto& line : sc.costs) {
        OtherCost oc{line.id, line.name, line.category, line.recurring, line.uplift, {}, {}};
        const std::string start = line.start.empty() ? sc.start : line.start;
        const std::string end = line.recurring ? (line.end.empty() ? end_of_plan(sc) : line.end) : start;
        if (start < sc.start && !line.recurring)
            out.warnings.push_back("Cost line " + line.name + " is paid on " + long_day(start) + ", before the plan starts on " +
                                   long_day(sc.start) + ", so it is not counted.");
        if (start > end_of_plan(sc))
            out.warnings.push_back("Cost line " + line.name + " starts on " + long_day(start) +
                                   ", after the plan ends, so it is not counted.");
        for (auto& y : out.years) {
            double v = 0;
            if (line.recurring) {
                const std::int64_t y0 = day_number(y.from), y1 = day_number(y.to) + 1;
                const std::int64_t s = std::max(y0, day_number(std::max(start, sc.start)));
                const std::int64_t e = std::min(y1, day_number(end) + 1);
                if (e > s) v = line.amount * static_cast<double>(e - s) / static_cast<double>(y1 - y0);
            } else if (start >= y.from && start <= y.to) {
                v = line.amount;
            }
            if (line.uplift) v *= std::pow(1 + sc.inflation, y.year - 1);
            Money m;
            m.low = m.mid = m.high = to_pennies(v);
            oc.per_year.push_back(m);
            oc.total += m;
            for (auto& [n, total] : y.lines)
                if (n == category_name(line.category))
                    total = to_pennies(Money{total.low + m.low, total.mid + m.mid, total.high + m.high});
        }
        oc.total = to_pennies(oc.total);
        out.other_costs.push_back(std::move(oc));
    }
}

void write_plan_notes(const RoadmapRequest& req, Roadmap& out) {
    const RoadmapScenario& sc = req.scenario;
    const Assumptions& a = *req.assumptions;
    out.notes.insert(out.notes.begin(),
                     std::string("On-costs: ") +
                         (a.oncost_method == OncostMethod::Flat && a.flat_rate
                              ? "a flat " + plain(a.flat_rate->rate * 100, 2) + "% of pay"
                              : "employer National Insurance, pension and apprenticeship levy, each by its dated rule") +
                         ".");
    out.notes.push_back("Team structure: " + std::string(to_string(sc.structure)) + ", serving " +
                        count_of(sc.departments, "department", "departments") + ".");
    std::string why;
    LondonArea area = london_area(req, why);
    out.notes.push_back(area == LondonArea::None ? "No London weighting (" + why + ")."
                                                 : std::string("London weighting for ") + area_name(area) + " (" + why + ").");
    out.notes.push_back(sc.levy_payer ? "The council pays the apprenticeship levy."
                                      : "The council does not pay the apprenticeship levy.");
    if (!sc.propose) out.notes.push_back("The tool proposes no posts: the plan is the council's own.");
    const std::string from = sc.start, to = end_of_plan(sc);
    auto overlaps = [&](const RulePeriod& r) {
        return r.effective_from <= to && (r.effective_to.empty() || r.effective_to >= from);
    };
    // "Basis: ..." as a sentence of its own, however the file ends it.
    auto basis = [](const RulePeriod& r) {
        std::string b = r.basis;
        while (!b.empty() && (b.back() == ' ' || b.back() == '.')) b.pop_back();
        return " Basis: " + b + ".";
    };
    for (const auto& r : a.pay_award)
        if (overlaps(r) && r.assumption)
            out.assumed.push_back("Pay rises by " + plain(r.rate * 100, 2) + "% on " + long_day(r.effective_from) +
                                  (r.effective_to.empty() ? " and every year after" : "") +
                                  ": an assumption, as no award is agreed." + basis(r));
    auto other = [&](const char* what, const auto& rules, bool used) {
        if (!used) return;
        for (const auto& r : rules)
            if (overlaps(r) && r.assumption)
                out.assumed.push_back(std::string(what) + " from " + long_day(r.effective_from) + " is an assumption." + basis(r));
    };
    // Only the rules this plan's figures use.
    bool apprentices = false, weighted = false;
    for (const auto* list : {&out.team, &out.posts})
        for (const auto& p : *list) {
            const Role* role = req.roles ? req.roles->find(p.role) : nullptr;
            apprentices = apprentices || (role && role->apprenticeship && p.origin != PostOrigin::Team);
            weighted = weighted || (role && role->london_weighting);
        }
    const bool components = a.oncost_method == OncostMethod::Components;
    other("Employer National Insurance", a.employer_ni, components);
    other("Employer pension", a.pension, components);
    other("Apprenticeship levy", a.apprenticeship_levy, components && sc.levy_payer);
    std::vector<LondonWeightingRule> here;
    for (const auto& r : a.london_weighting)
        if (r.area == area) here.push_back(r);
    other("London weighting", here, weighted && area != LondonArea::None);
    other("Recruitment cost", a.recruitment_cost, !out.posts.empty());
    other("Training budget", a.training_budget, true);
    other("The apprenticeship funding rule", a.apprenticeship_funding, apprentices);
    other("Apprentices' National Insurance relief", a.apprentice_ni_relief, apprentices && components);
    other("The apprenticeship eligibility rule", a.apprenticeship_eligibility, apprentices);
    other("The apprenticeship incentive", a.apprenticeship_incentive, apprentices);
    if (sc.inflation > 0)
        out.assumed.push_back("Non-staff lines marked for uplift rise by " + plain(sc.inflation * 100, 2) +
                              "% a year after the first: an assumption. Basis: " + sc.inflation_basis + ".");
}

}  // namespace ys
