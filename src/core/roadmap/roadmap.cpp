#include "roadmap.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "number_format.h"
#include "targets.h"
#include "timestamps.h"

namespace ys {
namespace {

std::int64_t day_of(const std::string& iso) {
    auto t = parse_iso_datetime(iso);
    return t ? *t / 86400 : 0;
}
std::string date_of(std::int64_t day) { return format_iso_datetime(day * 86400).substr(0, 10); }

// Responsibilities analysts carry in services: the team structure changes how much of
// them a council needs (centralised: one post's worth; hub and spoke: a quarter post more
// per department; decentralised: half a post per department). Any other responsibility is
// carried once posts hold half a post's worth of it between them: one head of data
// carries the leadership, however the rest of the post is spent.
bool analytical(const std::string& responsibility) {
    return responsibility == "performance-reporting" || responsibility == "business-intelligence";
}

constexpr double kCarried = 0.5;

double need_for(const std::string& responsibility, const RoadmapRequest& r) {
    if (!analytical(responsibility)) return kCarried;
    switch (r.structure) {
        case TeamStructure::Centralised: return 1.0;
        case TeamStructure::HubAndSpoke: return 1.0 + 0.25 * r.departments;
        case TeamStructure::Decentralised: return std::max(1.0, 0.5 * r.departments);
    }
    return 1.0;
}

// Pay awards applied between the date a salary was quoted and `day`: each award rule
// applies on its effective date and every anniversary while it is in force.
double pay_multiplier(const Assumptions& a, std::int64_t base_day, std::int64_t day) {
    double m = 1;
    for (const auto& rule : a.pay_award) {
        std::int64_t end = rule.effective_to.empty() ? INT64_MAX : day_of(rule.effective_to);
        for (int n = 0; n < 200; ++n) {
            std::int64_t at = day_of(add_years(rule.effective_from, n));
            if (at > end || at > day) break;
            if (at > base_day) m *= 1 + rule.rate;
        }
    }
    return m;
}

template <typename Rule>
void add_bounds(const std::vector<Rule>& rules, std::set<std::int64_t>& out) {
    for (const auto& r : rules) {
        out.insert(day_of(r.effective_from));
        if (!r.effective_to.empty()) out.insert(day_of(r.effective_to) + 1);
    }
}

}  // namespace

const char* to_string(TeamStructure s) {
    switch (s) {
        case TeamStructure::Centralised: return "centralised";
        case TeamStructure::HubAndSpoke: return "hub-and-spoke";
        case TeamStructure::Decentralised: return "decentralised";
    }
    return "centralised";
}

std::string add_years(const std::string& iso, int years) {
    int y = std::stoi(iso.substr(0, 4)) + years, m = std::stoi(iso.substr(5, 2)), d = std::stoi(iso.substr(8, 2));
    if (m == 2 && d == 29 && !valid_date(y, 2, 29)) d = 28;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

std::string add_days(const std::string& iso, int days) { return date_of(day_of(iso) + days); }

Money YearCost::line(const std::string& name) const {
    for (const auto& [n, m] : lines)
        if (n == name) return m;
    return {};
}

std::vector<std::pair<std::string, Money>> role_year_cost(const Role& role, const Assumptions& a, const std::string& from,
                                                          const std::string& to, const std::string& hired_on, double fte,
                                                          double cost_share, bool london, bool levy_payer, bool first_year,
                                                          std::string& error) {
    static const char* kLines[] = {"Salary",         "London weighting", "Employer National Insurance",
                                   "Employer pension", "Apprenticeship levy", "On-costs (flat rate)",
                                   "Recruitment",    "Training",         "Apprenticeship training",
                                   "Apprenticeship funding"};
    std::vector<std::pair<std::string, Money>> lines;
    for (const char* l : kLines) lines.push_back({l, {}});
    auto at = [&lines](const char* name) -> Money& {
        for (auto& [n, m] : lines)
            if (n == name) return m;
        return lines.front().second;
    };
    const std::int64_t y0 = day_of(from), y1 = day_of(to) + 1, base = day_of(role.salary.date);
    const double year_days = static_cast<double>(y1 - y0);
    std::set<std::int64_t> bounds{y0, y1};
    add_bounds(a.employer_ni, bounds);
    add_bounds(a.pension, bounds);
    add_bounds(a.apprenticeship_levy, bounds);
    add_bounds(a.london_weighting, bounds);
    for (const auto& rule : a.pay_award)
        for (int n = 0; n < 200; ++n) {
            std::int64_t d = day_of(add_years(rule.effective_from, n));
            if (d > y1 || (!rule.effective_to.empty() && d > day_of(rule.effective_to))) break;
            bounds.insert(d);
        }
    const bool flat = a.oncost_method == OncostMethod::Flat;
    const double share = fte * cost_share;
    for (auto it = bounds.begin(); it != bounds.end(); ++it) {
        std::int64_t s = *it;
        auto next = std::next(it);
        if (s < y0 || next == bounds.end() || s >= y1) continue;
        std::int64_t e = std::min(*next, y1);
        const double part = static_cast<double>(e - s) / year_days * share;
        const std::string day = date_of(s);
        const double mult = pay_multiplier(a, base, s);
        const double points[3] = {role.salary.min * mult, role.salary.mid * mult, role.salary.max * mult};
        const LondonWeightingRule* lw = role.london_weighting && london ? a.london_weighting_on(LondonArea::Inner, day) : nullptr;
        const double weighting = lw ? lw->amount : 0;
        const EmployerNiRule* ni = a.employer_ni_on(day);
        const PensionRule* pension = a.pension_on(day);
        const ApprenticeshipLevyRule* levy = a.apprenticeship_levy_on(day);
        if (!flat && (!ni || !pension || (levy_payer && !levy))) {
            error = std::string("no ") + (!ni ? "employer_ni" : !pension ? "pension" : "apprenticeship_levy") +
                    " rule in the assumptions covers " + day;
            return {};
        }
        if (flat && !a.flat_rate) {
            error = "the assumptions ask for flat on-costs but give no flat rate";
            return {};
        }
        for (int k = 0; k < 3; ++k) {
            const double pay = points[k] + weighting;
            auto add = [&](const char* name, double annual) {
                Money& m = at(name);
                double v = annual * part;
                (k == 0 ? m.low : k == 1 ? m.mid : m.high) += v;
            };
            add("Salary", points[k]);
            add("London weighting", weighting);
            if (flat) {
                add("On-costs (flat rate)", a.flat_rate->rate * pay);
            } else {
                add("Employer National Insurance", ni->rate * std::max(0.0, pay - ni->threshold));
                add("Employer pension", pension->rate * pay);
                if (levy_payer) add("Apprenticeship levy", levy->rate * pay);
            }
        }
    }
    if (first_year) {
        if (const RecruitmentCostRule* r = a.recruitment_cost_on(hired_on)) {
            Money& m = at("Recruitment");
            m.low = m.mid = m.high = r->per_hire * share;
        }
        if (role.apprenticeship) {
            double band = a.apprenticeship_band(funding_band_key(*role.apprenticeship), hired_on);
            const ApprenticeshipFundingRule* f = a.apprenticeship_funding_on(hired_on);
            double funded = band * (levy_payer ? 1.0 : 1.0 - (f ? f->co_investment : 0.0));
            Money& t = at("Apprenticeship training");
            t.low = t.mid = t.high = band * share;
            Money& g = at("Apprenticeship funding");
            g.low = g.mid = g.high = -funded * share;
        }
    }
    if (const TrainingBudgetRule* t = a.training_budget_on(from)) {
        Money& m = at("Training");
        m.low = m.mid = m.high = t->per_head * share;
    }
    return lines;
}

std::optional<Roadmap> build_roadmap(const RoadmapRequest& req, std::string& error) {
    if (!req.framework || !req.roles || !req.assumptions) {
        error = "a roadmap needs a framework, a role catalogue and an assumptions file";
        return std::nullopt;
    }
    if (req.horizon_years < 1 || req.horizon_years > 20) {
        error = "the horizon must be 1 to 20 years, not " + std::to_string(req.horizon_years);
        return std::nullopt;
    }
    if (!is_iso_date(req.start)) {
        error = "the start must be a date as YYYY-MM-DD, not \"" + req.start + "\"";
        return std::nullopt;
    }
    if (req.departments < 1) {
        error = "there must be at least one department";
        return std::nullopt;
    }
    const Framework& fw = *req.framework;
    const RoleCatalogue& cat = *req.roles;
    Roadmap out;

    // What is covered now.
    std::map<std::string, double> coverage;
    for (const auto& m : req.team) {
        const Role* role = cat.find(m.role);
        if (!role) {
            error = "the current team names role \"" + m.role + "\", which is not in the catalogue";
            return std::nullopt;
        }
        if (m.fte <= 0) {
            error = "the current team's " + m.role + " needs an FTE above 0";
            return std::nullopt;
        }
        for (const auto& r : role->responsibilities) coverage[r.id] += m.fte * r.fte_share;
    }
    for (const auto& id : req.covered) {
        if (!fw.find_responsibility(id)) {
            error = "\"" + id + "\" is not a responsibility of framework \"" + fw.id + "\"";
            return std::nullopt;
        }
        coverage[id] += need_for(id, req);
    }
    std::map<std::string, double> upskillable;  // team posts that may grow into another role
    for (const auto& u : req.upskill) {
        if (!cat.find(u.from) || !cat.find(u.to)) {
            error = "upskilling names a role that is not in the catalogue (\"" + (cat.find(u.from) ? u.to : u.from) + "\")";
            return std::nullopt;
        }
        double in_team = 0;
        for (const auto& m : req.team)
            if (m.role == u.from) in_team += m.fte;
        if (in_team < 1) {
            error = "upskilling a " + u.from + " needs one in the current team (--team " + u.from + "=1)";
            return std::nullopt;
        }
        upskillable[u.from] = in_team;
    }
    for (const auto& s : req.shared) {
        const Role* role = cat.find(s.role);
        if (!role || s.councils < 2) {
            error = "a shared role needs a role from the catalogue and at least 2 councils (\"" + s.role + "\")";
            return std::nullopt;
        }
    }

    // What each dimension aims at: its target, or one level above where it stands.
    auto aim = [&](int dim) {
        if (!req.current || dim < 0) return fw.min_level() + 1;
        const NodeScore& n = req.current->dimensions[dim];
        if (n.target) return *n.target;
        return std::min(fw.max_level(), (n.score ? n.level : fw.min_level()) + 1);
    };
    std::map<int, std::vector<const Responsibility*>> by_level;  // 0 = get started
    for (const auto& r : fw.responsibilities) {
        if (r.tier == Tier::Foundation) {
            by_level[0].push_back(&r);
            continue;
        }
        bool needed = false;
        for (const auto& d : r.dimensions) needed = needed || aim(fw.find_dimension(d)) >= r.from_level;
        if (needed) by_level[r.from_level].push_back(&r);
    }
    // When a phase starts: a year before the earliest target date that needs its level, or,
    // with no dates, a year after the phase before; never before it, never past the horizon.
    auto due_for = [&](int level, const std::vector<const Responsibility*>& resps) {
        std::string due;
        if (!req.current || level == 0) return due;
        for (const auto* r : resps)
            for (const auto& d : r->dimensions) {
                int k = fw.find_dimension(d);
                if (k < 0) continue;
                const NodeScore& n = req.current->dimensions[k];
                if (n.target && *n.target >= level && n.target_by && (due.empty() || *n.target_by < due)) due = *n.target_by;
            }
        return due;
    };
    int index = 0, previous_start = 1;
    for (auto& [level, resps] : by_level) {
        RoadmapPhase ph;
        ph.number = ++index;
        ph.level = level;
        std::string due = due_for(level, resps);
        int year = index == 1 ? 1 : previous_start + 1;
        if (!due.empty()) {
            std::int64_t lead = day_of(add_years(due, -1)) - day_of(req.start);
            year = lead < 0 ? 1 : static_cast<int>(lead / 365) + 1;
            ph.due = due;
        }
        ph.start_year = std::clamp(year, previous_start, req.horizon_years);
        previous_start = ph.start_year;
        const Level* l = fw.level(level);
        ph.name = level == 0 ? "Get started: every foundation responsibility covered"
                             : "Towards level " + std::to_string(level) + (l ? " (" + l->name + ")" : "");
        for (const auto* r : resps) ph.responsibilities.push_back(r->id);
        out.phases.push_back(std::move(ph));
    }

    // Hire, phase by phase, the roles that cover the most of what is missing for the money.
    std::map<std::string, double> need;
    auto gap = [&](const std::string& r) { return need.count(r) ? std::max(0.0, need[r] - coverage[r]) : 0.0; };
    for (auto& ph : out.phases) {
        for (const auto& r : ph.responsibilities) need[r] = need_for(r, req);
        for (int guard = 0; guard < 200; ++guard) {
            std::string worst;
            for (const auto& [r, n] : need)
                if (gap(r) > 0.05 && (worst.empty() || gap(r) > gap(worst) + 1e-9)) worst = r;
            if (worst.empty()) break;
            // A role that closes the gap alone, with the most cover for the money; failing
            // that, the role holding most of it. Once posts hold part of a responsibility and
            // no single role could close the rest, they carry it jointly.
            const Role* best = nullptr;
            double best_value = 0, best_share = 0;
            bool closes = false;
            for (const auto& role : cat.roles) {
                if (role.apprenticeship && !req.prefer_apprenticeships) continue;
                double share_of_worst = 0, cover = 0;
                for (const auto& rr : role.responsibilities) {
                    if (rr.id == worst) share_of_worst = rr.fte_share;
                    cover += std::min(gap(rr.id), rr.fte_share);
                }
                if (share_of_worst <= 0) continue;
                double cost_share = 1;
                for (const auto& s : req.shared)
                    if (s.role == role.id) cost_share = 1.0 / s.councils;
                // Growing a post in the team costs only the rise in pay.
                double cost = role.salary.mid * cost_share;
                for (const auto& u : req.upskill)
                    if (u.to == role.id && upskillable[u.from] >= 1)
                        cost = std::max(1000.0, role.salary.mid - cat.find(u.from)->salary.mid);
                const double value = cover / cost;
                const bool this_closes = share_of_worst + 1e-9 >= gap(worst);
                bool better = !best || (this_closes && !closes) ||
                              (this_closes == closes && (closes ? value > best_value + 1e-12
                                                                : share_of_worst > best_share + 1e-9 ||
                                                                      (std::fabs(share_of_worst - best_share) < 1e-9 &&
                                                                       value > best_value + 1e-12)));
                if (better) {
                    best = &role;
                    best_value = value;
                    best_share = share_of_worst;
                    closes = this_closes;
                }
            }
            if (!best) {
                out.uncovered.push_back(worst);
                need.erase(worst);
                continue;
            }
            // Posts already planned (or in the team) hold part of it: they carry it jointly
            // rather than a second post of the same kind being added for a sliver.
            bool planned = false;
            for (const auto& h : out.hires) planned = planned || h.role == best->id;
            for (const auto& m : req.team) planned = planned || m.role == best->id;
            // Analysts' work grows with the departments served, so it takes as many posts as it needs.
            if (!analytical(worst) && coverage[worst] > 0 && (!closes || planned)) {
                coverage[worst] = need[worst];
                continue;
            }
            RoadmapHire h;
            h.role = best->id;
            h.title = best->title;
            h.phase = ph.number;
            h.start_year = ph.start_year;
            h.route = best->apprenticeship ? "apprenticeship" : "new post";
            for (const auto& u : req.upskill)
                if (u.to == best->id && upskillable[u.from] >= 1) {
                    // The post moves to the new role: its old work has to be found again.
                    const Role* from = cat.find(u.from);
                    upskillable[u.from] -= 1;
                    for (const auto& rr : from->responsibilities) coverage[rr.id] -= rr.fte_share;
                    h.upskilled_from = u.from;
                    h.route = "upskilling a " + from->title;
                    break;
                }
            for (const auto& s : req.shared)
                if (s.role == best->id) {
                    h.cost_share = 1.0 / s.councils;
                    h.route = "shared with " + std::to_string(s.councils) + " councils";
                }
            bool analyst = false;
            for (const auto& rr : best->responsibilities) {
                double g = gap(rr.id);
                if (g > 0.005) {
                    h.covers.push_back({rr.id, rr.fte_share});
                    const Responsibility* resp = fw.find_responsibility(rr.id);
                    std::string why = "carries " + (resp ? resp->name : rr.id) + " (" + plain(rr.fte_share, 2) +
                                      " of a post; " + plain(g, 2) + " was missing)";
                    // The gaps it answers: the dimensions it serves that are furthest below their aim.
                    std::vector<std::pair<double, std::string>> gaps;
                    if (resp && req.current)
                        for (const auto& d : resp->dimensions) {
                            int k = fw.find_dimension(d);
                            if (k < 0) continue;
                            const NodeScore& n = req.current->dimensions[k];
                            double short_by = n.score ? aim(k) - *n.score : aim(k) - fw.min_level();
                            if (short_by <= 0) continue;
                            gaps.push_back({short_by, fw.dimensions[k].name + " " +
                                                          (n.score ? fixed(*n.score, 2) : std::string("not scored")) +
                                                          " against " + std::to_string(aim(k))});
                        }
                    std::sort(gaps.begin(), gaps.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
                    std::string dims;
                    for (std::size_t i = 0; i < gaps.size() && i < 3; ++i) dims += (i ? "; " : "") + gaps[i].second;
                    h.justification.push_back(why + (dims.empty() ? "" : ", for " + dims));
                    analyst = analyst || analytical(rr.id);
                }
                coverage[rr.id] += rr.fte_share;
            }
            h.sits_in = analyst && req.structure != TeamStructure::Centralised ? "departments" : "central team";
            ph.hires.push_back(out.hires.size());
            out.hires.push_back(std::move(h));
        }
    }

    // Costs per year: the sum of every post's own costs, line by line, so that a business
    // case for one role costs its posts exactly as the roadmap does.
    for (int y = 1; y <= req.horizon_years; ++y) {
        YearCost yc;
        yc.year = y;
        yc.from = add_years(req.start, y - 1);
        yc.to = add_days(add_years(req.start, y), -1);
        out.years.push_back(std::move(yc));
    }
    for (const auto& h : out.hires) {
        const Role* from = h.upskilled_from.empty() ? nullptr : cat.find(h.upskilled_from);
        auto posts = post_costs(req, *cat.find(h.role), from, h.start_year, h.fte, h.cost_share, error);
        if (!error.empty()) return std::nullopt;
        for (std::size_t y = 0; y < posts.size(); ++y) {
            auto& lines = out.years[y].lines;
            if (lines.empty()) lines = posts[y].lines;
            else
                for (std::size_t i = 0; i < posts[y].lines.size(); ++i) lines[i].second += posts[y].lines[i].second;
        }
    }
    Money cumulative;
    for (auto& yc : out.years) {
        for (const auto& [n, m] : yc.lines) yc.total += m;
        cumulative += yc.total;
        yc.cumulative = cumulative;
    }
    const Assumptions& a = *req.assumptions;
    out.notes.push_back(std::string("on-costs: ") + (a.oncost_method == OncostMethod::Flat && a.flat_rate
                                                         ? "a flat " + plain(a.flat_rate->rate * 100, 2) + "% of pay"
                                                         : "employer National Insurance, pension and apprenticeship levy, each by its dated rule"));
    out.notes.push_back("team structure: " + std::string(to_string(req.structure)) + ", " + std::to_string(req.departments) +
                        " department" + (req.departments == 1 ? "" : "s"));
    return out;
}

std::vector<YearCost> post_costs(const RoadmapRequest& req, const Role& role, const Role* from, int start_year, double fte,
                                 double cost_share, std::string& error) {
    std::vector<YearCost> out;
    if (!req.assumptions) {
        error = "costing a post needs the assumptions";
        return out;
    }
    Money cumulative;
    const std::string hired_on = add_years(req.start, start_year - 1);
    for (int y = 1; y <= req.horizon_years; ++y) {
        YearCost yc;
        yc.year = y;
        yc.from = add_years(req.start, y - 1);
        yc.to = add_days(add_years(req.start, y), -1);
        if (y >= start_year) {
            yc.lines = role_year_cost(role, *req.assumptions, yc.from, yc.to, hired_on, fte, cost_share, req.london,
                                      req.levy_payer, y == start_year, error);
            if (!error.empty()) return {};
            if (from) {
                // Growing a post: only the rise in pay and on-costs is new money; nobody is recruited.
                auto before = role_year_cost(*from, *req.assumptions, yc.from, yc.to, hired_on, fte, cost_share, req.london,
                                             req.levy_payer, false, error);
                if (!error.empty()) return {};
                for (std::size_t i = 0; i < yc.lines.size() && i < before.size(); ++i) {
                    const std::string& name = yc.lines[i].first;
                    if (name == "Recruitment") yc.lines[i].second = Money{};
                    else if (name != "Training" && name != "Apprenticeship training" && name != "Apprenticeship funding") {
                        yc.lines[i].second.low -= before[i].second.low;
                        yc.lines[i].second.mid -= before[i].second.mid;
                        yc.lines[i].second.high -= before[i].second.high;
                    }
                }
            }
        }
        for (const auto& [n, m] : yc.lines) yc.total += m;
        cumulative += yc.total;
        yc.cumulative = cumulative;
        out.push_back(std::move(yc));
    }
    return out;
}

std::string next_financial_year_start(const std::string& iso_date) {
    int year = std::stoi(iso_date.substr(0, 4)) + (iso_date.substr(5) >= "04-01" ? 1 : 0);
    return std::to_string(year) + "-04-01";
}

}  // namespace ys
