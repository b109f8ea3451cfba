#include "growth_scenario.h"

#include <algorithm>
#include <map>
#include <string>

#include "money_text.h"
#include "roadmap/assumptions.h"

namespace ys::skills {

namespace {

std::string person_label(const TeamProfile& profile, int i) {
    const std::string& name = profile.people[static_cast<std::size_t>(i)].name;
    return name.empty() ? "Person " + std::to_string(i + 1) : name;
}

std::string role_title(const RoleCatalogue& roles, const std::string& id) {
    const Role* r = roles.find(id);
    return r ? r->title : id;
}

// Whole years from `start` to `end` (YYYY-MM-DD), a part year counting as one.
int years_between(const std::string& start, const std::string& end) {
    if (end <= start) return 0;
    int years = std::stoi(end.substr(0, 4)) - std::stoi(start.substr(0, 4));
    if (end.substr(5) > start.substr(5)) ++years;
    return years;
}

}  // namespace

RoadmapScenario growth_scenario(const TeamProfile& profile, const TrainingPlan& plan, const RoleCatalogue& roles,
                                const std::string& created) {
    RoadmapScenario s;
    const std::string council = profile.organisation.name.empty() ? "the team" : profile.organisation.name;
    s.name = "Growing the team from its skills plan";
    s.created = created;
    s.start = plan.start;
    s.levy_payer = plan.levy_payer;
    // Only what the skills plan says: the roadmap proposes no posts of its own unless asked.
    s.propose = false;

    for (std::size_t i = 0; i < profile.people.size(); ++i) {
        const Person& p = profile.people[i];
        TeamPost post;
        post.id = "person-" + std::to_string(i + 1);
        post.name = person_label(profile, static_cast<int>(i));  // the roadmap adds the role's title
        post.role = p.role;
        s.team.push_back(post);
    }

    std::string last = plan.start;
    std::vector<std::string> not_rated;
    for (const Readiness& r : plan.readiness) {
        const std::string who = person_label(profile, r.person);
        // A target role that is the person's own role (set for everyone by --target-role) is
        // no move: the roadmap refuses growing into the same role.
        if (r.role == profile.people[static_cast<std::size_t>(r.person)].role) continue;
        if (r.not_assessed > 0) {  // not ready until they have rated what the role needs
            not_rated.push_back(who);
            continue;
        }
        PlannedPost post;
        post.id = "grow-person-" + std::to_string(r.person + 1);
        post.name = who + " into " + role_title(roles, r.role);
        post.role = r.role;
        post.route = PostRoute::GrownFrom;
        post.grown_from = "person-" + std::to_string(r.person + 1);
        post.start = r.ready_by;
        post.note = r.gaps == 0 ? "Meets what the role needs now."
                                : "Ready by " + long_date_words(r.ready_by) + ", when the training plan has closed " +
                                      count_of(r.gaps, "skill gap", "skill gaps") + " against the role.";
        last = std::max(last, r.ready_by);
        s.posts.push_back(post);
    }

    // What the council pays for each person's training (cost less funding), from their first start.
    std::map<int, CostLine> lines;
    std::map<int, int> items;
    for (const TrainingItem& it : plan.items) {
        last = std::max(last, it.end);
        const double pays = it.employer_cost();
        if (pays <= 0) continue;
        CostLine& line = lines[it.person];
        if (line.id.empty()) {
            line.id = "training-person-" + std::to_string(it.person + 1);
            line.name = "Training: " + person_label(profile, it.person);
            line.category = CostCategory::Training;
            line.start = it.start;
        }
        line.start = std::min(line.start, it.start);
        line.amount += pays;
        ++items[it.person];
    }
    for (auto& [person, line] : lines) {
        line.note = count_of(items[person], "item", "items") + " of the skills plan, cost less funding, all counted on " +
                    long_date_words(line.start) + ".";
        s.costs.push_back(line);
    }

    // A year past the last person ready or the last training ended, so that the roadmap
    // costs a full year of each growth.
    s.horizon_years = std::clamp(years_between(plan.start, last) + 1, 1, 20);
    s.description = "From the skills plan of " + council + " starting " + long_date_words(plan.start) + ": " +
                    count_of(static_cast<int>(s.team.size()), "person", "people") + " in post, " +
                    count_of(static_cast<int>(s.posts.size()), "person grown", "people grown") +
                    " into their target role when ready, and the training the council pays for. "
                    "Each person's post is costed on their role's salary band at 1 FTE: enter their own FTE and salary.";
    if (!not_rated.empty()) {
        s.description += " Not yet ready to plan (skills their target role needs not rated): ";
        for (std::size_t i = 0; i < not_rated.size(); ++i) s.description += (i ? ", " : "") + not_rated[i];
        s.description += ".";
    }
    return s;
}

}  // namespace ys::skills
