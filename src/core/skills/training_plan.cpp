// The training plan: which remedy closes which gap, when, at what cost and with what
// funding. The rules are in docs/skills.md, each with a worked example.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "money_text.h"
#include "roadmap_dates.h"
#include "skills_parts.h"
#include "team_skills.h"

namespace ys::skills {

namespace {

// Gaps of this many skills or more, built by one apprenticeship standard, make the
// apprenticeship the remedy ("several gaps").
constexpr int kSeveralGaps = 3;
// On-the-job learning alongside a colleague: twelve weeks (an assumption, docs/skills.md).
constexpr int kOnTheJobWeeks = 12;

// An apprenticeship standard a person could follow.
struct Route {
    Apprenticeship a;
    bool current = false;  // the person's own role is this apprenticeship: they are on it
    bool for_target = false;
};

// Typical months from start to end-point assessment by level: an assumption (docs/skills.md).
int route_months(const Apprenticeship& a) {
    if (a.foundation || a.level <= 2) return 12;
    if (a.level <= 4) return 24;
    return 36;
}

// The level of the standard a skill's `apprenticeship` facet names ("l4-data-analyst" -> 4);
// 0 when the skill names none.
int facet_level(const std::string& value) {
    if (value.size() < 2 || (value[0] != 'l' && value[0] != 'L') || !std::isdigit(static_cast<unsigned char>(value[1])))
        return 0;
    return value[1] - '0';
}

// "l4-data-analyst" -> "data-analyst-l4": the key of the assumptions' funding bands.
std::string facet_key(const std::string& value) {
    const auto dash = value.find('-');
    if (dash == std::string::npos) return value;
    return value.substr(dash + 1) + "-" + value.substr(0, dash);
}

std::string add_months(const std::string& iso, int months) {
    if (iso.size() < 10) return iso;
    int y = std::stoi(iso.substr(0, 4)), m = std::stoi(iso.substr(5, 2)), d = std::stoi(iso.substr(8, 2));
    int total = y * 12 + (m - 1) + months;
    y = total / 12;
    m = total % 12 + 1;
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int last = kDays[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 1 : 0);
    d = std::min(d, last);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

std::string route_name(const Apprenticeship& a) {
    std::string s = a.standard + (a.foundation ? " foundation apprenticeship (level " : " apprenticeship (level ") +
                    std::to_string(a.level);
    if (!a.reference.empty()) s += ", " + a.reference;
    return s + ")";
}

// A standard from the framework's facet value, filled from a catalogue role that follows
// it when there is one (for its reference number).
Apprenticeship route_from_facet(const Framework& skills, const RoleCatalogue& roles, const std::string& value) {
    const std::string key = facet_key(value);
    for (const auto& r : roles.roles)
        if (r.apprenticeship && funding_band_key(*r.apprenticeship) == key) return *r.apprenticeship;
    Apprenticeship a;
    a.level = facet_level(value);
    a.standard = value;
    for (const auto& f : skills.facets)
        if (f.id == "apprenticeship")
            for (const auto& v : f.values)
                if (v.id == value) a.standard = v.name.substr(0, v.name.find(" ("));
    return a;
}

// The facet value ("l4-data-analyst") of the standard that most builds a skill; "" for none.
std::string skill_facet(const Framework& skills, int dimension) {
    const auto& f = skills.dimensions[static_cast<std::size_t>(dimension)].facets;
    auto it = f.find("apprenticeship");
    return it == f.end() ? std::string() : it->second;
}

// A route builds a skill when the skill's facet names a standard of the route's level or
// below (a data analyst apprenticeship also builds what a data technician one does).
bool builds(const Apprenticeship& a, const std::string& facet) {
    const int l = facet_level(facet);
    return l > 0 && l <= a.level;
}

struct PersonGap {
    int skill = 0;
    double have = 0;
    int need = 0;  // the higher of what the current and the target role need
    bool current_gap = false, target_gap = false;
    double size() const { return need - have; }
};

}  // namespace

TrainingPlan plan_training(const Framework& skills, const RoleCatalogue& roles, const Assumptions& rules,
                           const TeamProfile& profile, const PlanOptions& options) {
    TrainingPlan plan;
    const std::string start = day_number(options.start) > 0 ? options.start : std::string("2026-04-01");
    plan.start = start;
    if (start != options.start)
        plan.warnings.push_back("No valid start date was given, so the plan starts on " + long_day(start) + ".");
    plan.levy_payer = options.levy_payer;
    const ShortCourseRule* course = rules.short_course_on(start);
    if (!course)
        plan.warnings.push_back("No short_course rule in the assumptions " + rules.id + " covers " +
                                long_day(start) + ", so short courses are planned at no cost: add one.");
    const TrainingBudgetRule* budget = rules.training_budget_on(start);

    for (std::size_t pi = 0; pi < profile.people.size(); ++pi) {
        const Person& p = profile.people[pi];
        const int person = static_cast<int>(pi);
        const std::string who = !p.name.empty() ? p.name : !p.key.empty() ? "Respondent " + p.key : "Person " + std::to_string(pi + 1);
        // The person's gaps, one per skill, the larger need of current and target role.
        std::map<int, PersonGap> gaps;
        int not_assessed = 0;
        for (const auto& g : profile.gaps) {
            if (g.person != person) continue;
            if (!g.assessed) {
                ++not_assessed;
                continue;
            }
            PersonGap& pg = gaps[g.skill];
            pg.skill = g.skill;
            pg.have = g.have;
            pg.need = std::max(pg.need, g.need);
            (g.for_target ? pg.target_gap : pg.current_gap) = true;
        }
        if (not_assessed > 0)
            plan.warnings.push_back(who + " has not rated " +
                                    count_of(not_assessed, "skill", "skills") +
                                    " their role or target role needs: no training is planned for " +
                                    (not_assessed == 1 ? "it" : "them") + " until they finish the self-assessment.");
        std::vector<TrainingItem> mine;

        // 1. An apprenticeship: the one the person is on (their role), else the target role's
        //    route, else the standard that builds most of their target gaps, when it builds several.
        std::vector<Route> routes;
        const Role* role = roles.find(p.role);
        const Role* target = p.target_role.empty() ? nullptr : roles.find(p.target_role);
        if (role && role->apprenticeship) routes.push_back({*role->apprenticeship, true, false});
        if (target && target->apprenticeship) routes.push_back({*target->apprenticeship, false, true});
        if (target && !target->apprenticeship) {
            std::map<std::string, int> by_standard;
            for (const auto& [s, g] : gaps)
                if (g.target_gap)
                    for (const auto& f : skills.facets)
                        if (f.id == "apprenticeship")
                            for (const auto& v : f.values)
                                if (builds(route_from_facet(skills, roles, v.id),
                                           skill_facet(skills, profile.skills[static_cast<std::size_t>(s)])))
                                    ++by_standard[v.id];
            // The lowest-level standard among those that build the most gaps.
            std::string best;
            for (const auto& [v, n] : by_standard)
                if (best.empty() || n > by_standard[best] || (n == by_standard[best] && facet_level(v) < facet_level(best)))
                    best = v;
            if (!best.empty()) routes.push_back({route_from_facet(skills, roles, best), false, true});
        }
        for (const Route& r : routes) {
            std::vector<int> closes;
            int target_gaps = 0;
            for (const auto& [s, g] : gaps)
                if (builds(r.a, skill_facet(skills, profile.skills[static_cast<std::size_t>(s)]))) {
                    closes.push_back(s);
                    target_gaps += g.target_gap;
                }
            // A new apprenticeship is for growing into the target role: several of the gaps it
            // builds must be gaps against that role (one the person already meets needs none).
            if (closes.empty() || (!r.current && target_gaps < kSeveralGaps)) continue;
            TrainingItem it;
            it.person = person;
            it.skills = closes;
            it.remedy = Remedy::Apprenticeship;
            it.what = route_name(r.a);
            it.start = start;
            it.end = add_months(start, route_months(r.a));
            it.assumption = true;
            it.for_target = r.for_target;
            it.notes.push_back("About " + std::to_string(route_months(r.a)) +
                               " months from start to end-point assessment: an assumption by level, not the "
                               "standard's published duration.");
            if (r.current) {
                it.notes.push_back(who + "'s role is this apprenticeship: its training closes these gaps, and its "
                                            "cost is the post's, not this plan's.");
            } else {
                ApprenticeshipTerms t = rules.apprenticeship_terms(funding_band_key(r.a), r.a.level, r.a.foundation,
                                                                   p.age, options.levy_payer, start);
                it.cost = t.training_cost;
                it.funded = t.funded;
                it.eligible = t.eligible;
                for (auto& n : t.notes) it.notes.push_back(std::move(n));
                if (!t.eligible)
                    plan.warnings.push_back(who + ": the " + it.what + " is not funded for someone " +
                                            age_words(p.age) + " starting on " + long_day(start) +
                                            "; the council would pay " + money_words(it.cost) + " in full.");
            }
            for (int s : closes) gaps.erase(s);
            mine.push_back(std::move(it));
            break;
        }

        // 2. On the job: a one-level gap where a colleague in the same team is at the level needed.
        std::string course_start = start;
        double course_cost = 0;
        for (const auto& [s, g] : gaps) {
            int colleague = -1;
            if (g.size() <= 1 + 1e-9)
                for (std::size_t c = 0; c < profile.people.size() && colleague < 0; ++c) {
                    const Person& q = profile.people[c];
                    if (c != pi && q.team == p.team && q.levels[static_cast<std::size_t>(s)] &&
                        *q.levels[static_cast<std::size_t>(s)] + 1e-9 >= g.need)
                        colleague = static_cast<int>(c);
                }
            const std::string skill = skills.dimensions[static_cast<std::size_t>(profile.skills[static_cast<std::size_t>(s)])].name;
            TrainingItem it;
            it.person = person;
            it.skills = {s};
            it.for_target = g.target_gap && !g.current_gap;
            it.assumption = true;
            if (colleague >= 0) {
                it.remedy = Remedy::OnTheJob;
                it.colleague = colleague;
                it.what = "On the job: " + skill;
                it.start = start;
                it.end = add_days(start, kOnTheJobWeeks * 7);
                it.notes.push_back("Working alongside " + profile.people[static_cast<std::size_t>(colleague)].name +
                                   ", who is at level " + std::to_string(g.need) + "; " +
                                   std::to_string(kOnTheJobWeeks) + " weeks is an assumption.");
            } else {
                // 3. A short course; a gap wider than one course closes takes the next course after it.
                const int per = course ? course->levels : 2;
                const int weeks = course ? course->weeks : 4;
                const int n = std::max(1, static_cast<int>(std::ceil(g.size() / per - 1e-9)));
                it.remedy = Remedy::ShortCourse;
                it.what = "Short course: " + skill;
                it.start = course_start;
                it.end = add_days(course_start, n * weeks * 7);
                course_start = it.end;
                it.cost = course ? n * course->per_course : 0;
                course_cost += it.cost;
                it.notes.push_back(count_of(n, "course", "courses") + " of " + money_words(course ? course->per_course : 0) +
                                   " (" + std::to_string(weeks) + " weeks each" +
                                   (n > 1 ? ", one after another" : "") + ") for a gap of " +
                                   count_of(static_cast<long long>(std::lround(g.size())), "level", "levels") +
                                   (course ? "; the short_course rule of " + long_day(course->date) +
                                                 (course->assumption ? " (an assumption)" : "")
                                           : std::string("; no short_course rule, so no cost")) +
                                   ".");
            }
            mine.push_back(std::move(it));
        }
        if (budget && course_cost > budget->per_head + 1e-9)
            plan.warnings.push_back(who + "'s short courses cost " + money_words(course_cost) + ", more than the training "
                                    "budget of " + money_words(budget->per_head) + " a head a year: spread them over " +
                                    "more than one year or choose free courses.");

        // Readiness for the target role: when the last item closing a target gap ends.
        if (target) {
            Readiness rd;
            rd.person = person;
            rd.role = target->id;
            rd.ready_by = start;
            for (const auto& g : profile.gaps)
                if (g.person == person && g.for_target) (g.assessed ? rd.gaps : rd.not_assessed) += 1;
            for (const auto& it : mine)
                for (int s : it.skills)
                    for (const auto& g : profile.gaps)
                        if (g.person == person && g.for_target && g.skill == s && it.end > rd.ready_by)
                            rd.ready_by = it.end;
            plan.readiness.push_back(rd);
        }
        for (auto& it : mine) plan.items.push_back(std::move(it));
    }

    std::stable_sort(plan.readiness.begin(), plan.readiness.end(), [](const Readiness& a, const Readiness& b) {
        if (a.not_assessed != b.not_assessed) return a.not_assessed < b.not_assessed;
        return a.ready_by < b.ready_by;
    });

    // The team summary: one row per remedy and what, most people first.
    std::map<std::pair<Remedy, std::string>, std::pair<std::set<int>, TrainingNeed>> rows;
    for (const auto& it : plan.items) {
        auto& [who, need] = rows[{it.remedy, it.what}];
        who.insert(it.person);
        need.remedy = it.remedy;
        need.what = it.what;
        need.cost += it.cost;
        need.funded += it.funded;
        plan.cost += it.cost;
        plan.funded += it.funded;
    }
    for (auto& [key, row] : rows) {
        row.second.people = static_cast<int>(row.first.size());
        plan.summary.push_back(row.second);
    }
    std::stable_sort(plan.summary.begin(), plan.summary.end(), [](const TrainingNeed& a, const TrainingNeed& b) {
        return a.people > b.people;
    });
    return plan;
}

}  // namespace ys::skills
