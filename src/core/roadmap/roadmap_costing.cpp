// What one post line costs per plan year: pay at its salary point, London weighting for its
// area, employer National Insurance (with apprentices' relief), pension and levy by their
// dated rules, recruitment, training and apprenticeship funding. One post is costed to the
// penny, line by line, and the line multiplied by its headcount, so that a finance officer
// can re-derive a total from the cost per post printed beside it.
#include <algorithm>
#include <climits>
#include <cmath>
#include <set>

#include "number_format.h"
#include "roadmap.h"
#include "roadmap_dates.h"
#include "money_text.h"

namespace ys {
namespace {

// Pay awards applied between the date a salary was quoted and `day`: each award rule
// applies on its effective date and every anniversary while it is in force.
double pay_multiplier(const Assumptions& a, std::int64_t base_day, std::int64_t day) {
    double m = 1;
    for (const auto& rule : a.pay_award) {
        std::int64_t end = rule.effective_to.empty() ? INT64_MAX : day_number(rule.effective_to);
        for (int n = 0; n < 200; ++n) {
            std::int64_t at = day_number(add_years(rule.effective_from, n));
            if (at > end || at > day) break;
            if (at > base_day) m *= 1 + rule.rate;
        }
    }
    return m;
}

template <typename Rule>
void add_bounds(const std::vector<Rule>& rules, std::set<std::int64_t>& out) {
    for (const auto& r : rules) {
        out.insert(day_number(r.effective_from));
        if (!r.effective_to.empty()) out.insert(day_number(r.effective_to) + 1);
    }
}

using Lines = std::vector<std::pair<std::string, Money>>;

Lines empty_lines() {
    Lines lines;
    for (const char* l : kStaffCostLines) lines.push_back({l, {}});
    return lines;
}

Money& at(Lines& lines, const char* name) {
    for (auto& [n, m] : lines)
        if (n == name) return m;
    return lines.front().second;
}

void set_all(Money& m, double v) { m.low = m.mid = m.high = v; }

// The three salary columns of one person, before pay awards, and the date they are quoted at.
void salary_points(const Role& role, const SalaryChoice& s, const std::string& start, double points[3], std::string& base) {
    base = role.salary.date;
    switch (s.point) {
        case SalaryPoint::Band:
            points[0] = role.salary.min, points[1] = role.salary.mid, points[2] = role.salary.max;
            return;
        case SalaryPoint::Low: points[0] = points[1] = points[2] = role.salary.min; return;
        case SalaryPoint::Mid: points[0] = points[1] = points[2] = role.salary.mid; return;
        case SalaryPoint::High: points[0] = points[1] = points[2] = role.salary.max; return;
        case SalaryPoint::Exact:
            points[0] = points[1] = points[2] = s.exact;
            base = start;
            return;
    }
}

struct PayContext {
    const Assumptions& a;
    LondonArea area;
    bool levy_payer;
};

// Pay and on-cost lines of one person in `role` over [s0, s1) (day numbers) of a plan year
// of `year_days` days, at this council's `share` of the post.
bool pay_lines(const PayContext& c, const Role& role, const SalaryChoice& salary, const std::string& start, double fte,
               double share, bool ni_relief_age, std::int64_t s0, std::int64_t s1, double year_days, Lines& lines,
               std::set<std::string>& notes, std::string& error) {
    const Assumptions& a = c.a;
    double points[3];
    std::string base_date;
    salary_points(role, salary, start, points, base_date);
    const std::int64_t base = day_number(base_date);
    std::set<std::int64_t> bounds{s0, s1};
    add_bounds(a.employer_ni, bounds);
    add_bounds(a.pension, bounds);
    add_bounds(a.apprenticeship_levy, bounds);
    add_bounds(a.london_weighting, bounds);
    add_bounds(a.apprentice_ni_relief, bounds);
    for (const auto& rule : a.pay_award)
        for (int n = 0; n < 200; ++n) {
            std::int64_t d = day_number(add_years(rule.effective_from, n));
            if (d > s1 || (!rule.effective_to.empty() && d > day_number(rule.effective_to))) break;
            bounds.insert(d);
        }
    const bool flat = a.oncost_method == OncostMethod::Flat;
    if (flat && !a.flat_rate) {
        error = "the assumptions ask for flat on-costs but give no flat rate";
        return false;
    }
    for (auto it = bounds.begin(); it != bounds.end(); ++it) {
        const std::int64_t s = *it;
        auto next = std::next(it);
        if (s < s0 || next == bounds.end() || s >= s1) continue;
        const std::int64_t e = std::min(*next, s1);
        const double part = static_cast<double>(e - s) / year_days * share;
        const std::string day = date_from_day(s);
        const double mult = pay_multiplier(a, base, s);
        double weighting = 0;
        if (role.london_weighting && c.area != LondonArea::None) {
            const LondonWeightingRule* lw = a.london_weighting_on(c.area, day);
            if (lw && lw->amount > 0) weighting = lw->amount;
            else
                notes.insert(std::string("No London weighting figure for ") + area_name(c.area) + " covers " + long_day(day) +
                             " in the assumptions, so none is added for " + role.title + ".");
        }
        const EmployerNiRule* ni = a.employer_ni_on(day);
        const PensionRule* pension = a.pension_on(day);
        const ApprenticeshipLevyRule* levy = a.apprenticeship_levy_on(day);
        if (!flat && (!ni || !pension || (c.levy_payer && !levy))) {
            error = std::string("the assumptions have no ") +
                    (!ni ? "employer National Insurance" : !pension ? "employer pension" : "apprenticeship levy") +
                    " rule for " + day + "; add one to the assumptions file that covers that date";
            return false;
        }
        const ApprenticeNiReliefRule* relief = ni_relief_age ? a.apprentice_ni_relief_on(day) : nullptr;
        for (int k = 0; k < 3; ++k) {
            const double earnings = (points[k] * mult + weighting) * fte;
            auto add = [&](const char* name, double annual) {
                Money& m = at(lines, name);
                (k == 0 ? m.low : k == 1 ? m.mid : m.high) += annual * part;
            };
            add("Salary", points[k] * mult * fte);
            add("London weighting", weighting * fte);
            if (flat) {
                add("On-costs (flat rate)", a.flat_rate->rate * earnings);
                continue;
            }
            // Apprentices under the relief's age pay no employer NI up to the upper threshold.
            const double threshold = relief ? std::max(ni->threshold, relief->upper_threshold) : ni->threshold;
            add("Employer National Insurance", ni->rate * std::max(0.0, earnings - threshold));
            add("Employer pension", pension->rate * earnings);
            if (c.levy_payer) add("Apprenticeship levy", levy->rate * earnings);
        }
        if (relief && !flat)
            notes.insert("No employer National Insurance on pay up to " + money_words(relief->upper_threshold) +
                         " a year while the apprentice is under " + std::to_string(relief->under_age) + ".");
    }
    return true;
}

bool is_pay_line(const std::string& name) {
    return name != "Recruitment" && name != "Training" && name.rfind("Apprenticeship t", 0) != 0 &&
           name != "Apprenticeship funding" && name != "Apprenticeship incentive";
}

}  // namespace

bool Money::zero() const { return std::fabs(low) < 0.005 && std::fabs(mid) < 0.005 && std::fabs(high) < 0.005; }

double to_pennies(double pounds) {
    double p = std::round(pounds * 100) / 100;
    return p == 0 ? 0 : p;  // no "-0.00"
}

Money to_pennies(const Money& m) { return {to_pennies(m.low), to_pennies(m.mid), to_pennies(m.high)}; }

Money YearCost::line(const std::string& name) const {
    for (const auto& [n, m] : lines)
        if (n == name) return m;
    return {};
}

const char* to_string(PostOrigin o) {
    switch (o) {
        case PostOrigin::Team: return "team";
        case PostOrigin::Planned: return "planned";
        case PostOrigin::Proposed: return "proposed";
    }
    return "planned";
}

LondonArea london_area(const RoadmapRequest& r, std::string& why) {
    if (r.scenario.london_area) {
        why = std::string("set in the scenario: ") + area_name(*r.scenario.london_area);
        return *r.scenario.london_area;
    }
    return london_area_for(r.organisation_type, r.organisation_region, r.organisation_ons_code, why);
}

std::vector<YearCost> cost_post(const RoadmapRequest& req, const PostTerms& t, std::vector<std::string>& notes_out,
                                std::string& error) {
    std::vector<YearCost> out;
    if (!req.assumptions || !t.role) {
        error = "costing a post needs the assumptions and a role";
        return out;
    }
    const Assumptions& a = *req.assumptions;
    const RoadmapScenario& sc = req.scenario;
    const Role& role = *t.role;
    std::string why;
    const PayContext ctx{a, london_area(req, why), sc.levy_payer};
    const std::string start = t.start.empty() || t.start < sc.start ? sc.start : t.start;
    const bool recruited = !t.in_post && !t.grown_from && (t.start.empty() || t.start >= sc.start);
    const double share = 1.0 / std::max(1, t.shared_with);
    const bool apprentice = role.apprenticeship.has_value();
    const bool relief_age = apprentice && t.age != AgeBand::Unknown && a.apprentice_ni_relief_on(start) &&
                            oldest_age(t.age) < a.apprentice_ni_relief_on(start)->under_age;
    std::set<std::string> notes;
    if (apprentice && t.age == AgeBand::Unknown && !t.in_post)
        notes.insert("The apprentice's age was not given, so no National Insurance relief is assumed.");
    Money cumulative;
    for (int y = 1; y <= sc.horizon_years; ++y) {
        YearCost yc;
        yc.year = y;
        yc.from = add_years(sc.start, y - 1);
        yc.to = add_days(add_years(sc.start, y), -1);
        Lines lines = empty_lines();
        if (start <= yc.to) {
            const std::int64_t y0 = day_number(yc.from), y1 = day_number(yc.to) + 1;
            const std::int64_t s0 = std::max(y0, day_number(start));
            const double year_days = static_cast<double>(y1 - y0);
            if (!pay_lines(ctx, role, t.salary, start, t.fte, share, relief_age, s0, y1, year_days, lines, notes, error))
                return {};
            if (t.grown_from) {
                // Growing a post: only the rise in pay and on-costs is new money.
                Lines before = empty_lines();
                if (!pay_lines(ctx, *t.grown_from, t.grown_from_salary, start, t.fte, share, false, s0, y1, year_days, before,
                               notes, error))
                    return {};
                for (std::size_t i = 0; i < lines.size(); ++i)
                    if (is_pay_line(lines[i].first)) {
                        lines[i].second.low -= before[i].second.low;
                        lines[i].second.mid -= before[i].second.mid;
                        lines[i].second.high -= before[i].second.high;
                    }
            }
            const bool first = start >= yc.from;
            if (first && recruited)
                if (const RecruitmentCostRule* r = a.recruitment_cost_on(start)) set_all(at(lines, "Recruitment"), r->per_hire * share);
            if (const TrainingBudgetRule* tr = a.training_budget_on(date_from_day(s0)))
                set_all(at(lines, "Training"), tr->per_head * share * static_cast<double>(y1 - s0) / year_days);
            if (first && apprentice && !t.in_post && !t.grown_from) {
                const Apprenticeship& app = *role.apprenticeship;
                ApprenticeshipTerms terms =
                    a.apprenticeship_terms(funding_band_key(app), app.level, app.foundation, t.age, sc.levy_payer, start);
                set_all(at(lines, "Apprenticeship training"), terms.training_cost * share);
                set_all(at(lines, "Apprenticeship funding"), -terms.funded * share);
                set_all(at(lines, "Apprenticeship incentive"), -terms.incentive * share);
                for (const auto& n : terms.notes) notes.insert(n);
            }
        }
        // One post to the penny, then its headcount.
        for (auto& [name, m] : lines) {
            Money one = to_pennies(m);
            m = to_pennies(Money{one.low * t.headcount, one.mid * t.headcount, one.high * t.headcount});
            yc.total += m;
        }
        yc.lines = std::move(lines);
        yc.total = to_pennies(yc.total);
        cumulative += yc.total;
        yc.cumulative = to_pennies(cumulative);
        out.push_back(std::move(yc));
    }
    notes_out.insert(notes_out.end(), notes.begin(), notes.end());
    return out;
}

}  // namespace ys
