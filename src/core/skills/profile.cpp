// The team profile: who is at which level of each skill, against what their roles need.
#include <algorithm>
#include <map>
#include <set>

#include "skills_parts.h"
#include "stats.h"
#include "team_skills.h"

namespace ys::skills {

const char* to_string(Remedy r) {
    switch (r) {
        case Remedy::OnTheJob: return "on-the-job";
        case Remedy::ShortCourse: return "short-course";
        case Remedy::Apprenticeship: return "apprenticeship";
    }
    return "";
}

int need_of(const Role& role, const std::string& skill) {
    for (const auto& rs : role.skills)
        if (rs.skill == skill) return rs.level;
    return 0;
}

int TeamProfile::find_skill(int dimension) const {
    for (std::size_t s = 0; s < skills.size(); ++s)
        if (skills[s] == dimension) return static_cast<int>(s);
    return -1;
}

bool check_profile_options(const RoleCatalogue& roles, const std::vector<Person>& people,
                           const ProfileOptions& options, Diagnostics& diags) {
    const std::size_t before = diags.error_count();
    if (!options.target_role.empty() && !roles.find(options.target_role)) {
        std::string ids;
        for (const auto& r : roles.roles) ids += (ids.empty() ? "" : ", ") + r.id;
        diags.error("--target-role", "\"" + printable(options.target_role) + "\" is not a role of the catalogue " +
                                         roles.id + "; expected one of: " + ids);
    }
    if (!options.team.empty() &&
        std::none_of(people.begin(), people.end(), [&](const Person& p) { return p.team == options.team; })) {
        std::set<std::string> teams;
        for (const auto& p : people)
            if (!p.team.empty()) teams.insert(p.team);
        std::string list;
        for (const auto& t : teams) list += (list.empty() ? "" : ", ") + ("\"" + printable(t) + "\"");
        diags.error("--team", "no one in the round is in the team \"" + printable(options.team) + "\"; " +
                                  (teams.empty() ? std::string("no respondent has a team")
                                                 : "expected one of: " + list));
    }
    if (options.min_team < 1) diags.error("min_team", "expected 1 or more");
    return diags.error_count() == before;
}

TeamProfile profile_team(const Framework& skills, const RoleCatalogue& roles, std::vector<Person> people,
                         const ProfileOptions& options) {
    TeamProfile out;
    out.framework_id = skills.id;
    out.framework_version = skills.version;
    out.catalogue_id = roles.id;
    out.catalogue_version = roles.version;
    out.anonymised = options.anonymise;
    out.skills = skill_leaves(skills);

    if (!options.team.empty())
        people.erase(std::remove_if(people.begin(), people.end(),
                                    [&](const Person& p) { return p.team != options.team; }),
                     people.end());
    if (!options.target_role.empty() && roles.find(options.target_role)) {
        int given = 0;
        for (auto& p : people)
            if (p.target_role.empty()) p.target_role = options.target_role, ++given;
        if (given > 0)
            out.notes.push_back("The target role " + roles.find(options.target_role)->title + " is set for " +
                                std::to_string(given) + (given == 1 ? " person" : " people") +
                                " who gave none of their own.");
    }
    for (auto& p : people) p.levels.resize(out.skills.size());

    if (options.anonymise) {
        // Keep the round's order (no sort by name, which would leak it), number people, drop
        // keys and names, and fold teams too small to hide a person into one group.
        std::map<std::string, int> size;
        for (const auto& p : people) ++size[p.team];
        bool folded = false;
        for (std::size_t i = 0; i < people.size(); ++i) {
            Person& p = people[i];
            p.key.clear();
            p.name = "Person " + std::to_string(i + 1);
            if (!p.team.empty() && size[p.team] < options.min_team) p.team = "Other teams", folded = true;
        }
        if (folded)
            out.notes.push_back("Teams of fewer than " + std::to_string(options.min_team) +
                                " people are shown together as \"Other teams\", so that no one can be recognised.");
        if (!people.empty() && static_cast<int>(people.size()) < options.min_team)
            out.notes.push_back("Only " + std::to_string(people.size()) + (people.size() == 1 ? " person is" : " people are") +
                                " in this profile: even anonymised, their levels may identify them. Share the "
                                "counts per skill rather than the people.");
    } else {
        std::stable_sort(people.begin(), people.end(), [](const Person& a, const Person& b) {
            if (a.team != b.team) return a.team < b.team;
            if (a.name != b.name) return a.name < b.name;
            return a.key < b.key;
        });
    }

    std::set<std::string> teams;
    for (const auto& p : people)
        if (!p.team.empty()) teams.insert(p.team);
    out.teams.assign(teams.begin(), teams.end());

    const int lo = skills.min_level(), hi = skills.max_level();
    out.spread.resize(out.skills.size());
    for (std::size_t s = 0; s < out.skills.size(); ++s) {
        const std::string& id = skills.dimensions[static_cast<std::size_t>(out.skills[s])].id;
        SkillSpread& sp = out.spread[s];
        sp.at_level.assign(static_cast<std::size_t>(hi - lo + 1), 0);
        std::vector<double> values;
        for (std::size_t i = 0; i < people.size(); ++i) {
            const Person& p = people[i];
            const auto& have = p.levels[s];
            if (have) {
                int l = std::clamp(static_cast<int>(*have), lo, hi);
                ++sp.at_level[static_cast<std::size_t>(l - lo)];
                values.push_back(*have);
            } else {
                ++sp.not_assessed;
            }
            const Role* role = roles.find(p.role);
            const Role* target = p.target_role.empty() ? nullptr : roles.find(p.target_role);
            for (int pass = 0; pass < 2; ++pass) {
                const Role* r = pass == 0 ? role : target;
                if (!r) continue;
                const int need = need_of(*r, id);
                if (need <= 0) continue;
                if (pass == 0) ++sp.need_it;
                const bool below = !have || *have + 1e-9 < need;
                if (have && below) ++(pass == 0 ? sp.below_need : sp.below_target);
                if (!below) continue;
                SkillGap g;
                g.person = static_cast<int>(i);
                g.skill = static_cast<int>(s);
                g.have = have.value_or(0);
                g.assessed = have.has_value();
                g.need = need;
                g.for_target = pass == 1;
                out.gaps.push_back(g);
            }
        }
        if (!values.empty()) sp.median = summarise(values).median;
    }
    // Person-major, then skill order, current role before target.
    std::stable_sort(out.gaps.begin(), out.gaps.end(), [](const SkillGap& a, const SkillGap& b) {
        if (a.person != b.person) return a.person < b.person;
        if (a.skill != b.skill) return a.skill < b.skill;
        return !a.for_target && b.for_target;
    });
    out.people = std::move(people);
    return out;
}

}  // namespace ys::skills
