// The people of a skills round: each respondent's level on every skill, their role and tags.
#include <set>

#include "scoring.h"
#include "skills_parts.h"
#include "team_skills.h"

namespace ys::skills {

namespace {

std::string who(const Respondent& r) {
    if (r.name.empty()) return "respondent \"" + printable(r.id) + "\"";
    return "\"" + printable(r.name) + "\" (respondent \"" + printable(r.id) + "\")";
}

std::string role_ids(const RoleCatalogue& roles) {
    std::string s;
    for (const auto& r : roles.roles) s += (s.empty() ? "" : ", ") + r.id;
    return s;
}

// Every role a person holds or aims at must need only skills the framework has: a level
// asked of a skill no one can be rated on would be a gap no training could close.
bool role_skills_known(const Framework& skills, const RoleCatalogue& roles, const Role& role, Diagnostics& diags) {
    bool ok = true;
    for (std::size_t k = 0; k < role.skills.size(); ++k) {
        const RoleSkill& rs = role.skills[k];
        int d = skills.find_dimension(rs.skill);
        if (d >= 0 && skills.dimensions[static_cast<std::size_t>(d)].is_leaf()) continue;
        diags.add({Severity::Error, "role catalogue " + roles.id, role.pointer + "/skills/" + std::to_string(k),
                   "the role \"" + role.title + "\" needs the skill \"" + printable(rs.skill) + "\", which " +
                       (d >= 0 ? "is a group of skills, not one skill, in" : "is not a skill of") +
                       " the skills framework " + skills.id + " " + skills.version +
                       "; expected the id of one of its skills (yardstick-cli framework show " + skills.id +
                       " lists them): correct the role catalogue"});
        ok = false;
    }
    return ok;
}

}  // namespace

std::vector<int> skill_leaves(const Framework& skills) {
    std::vector<int> out;
    for (std::size_t d = 0; d < skills.dimensions.size(); ++d)
        if (skills.dimensions[d].is_leaf()) out.push_back(static_cast<int>(d));
    return out;
}

bool check_skills_round(const Framework& skills, const Questionnaire& q, const RoleCatalogue& roles,
                        Diagnostics& diags, const std::string& file) {
    const std::size_t before = diags.error_count();
    // Said of the round's answers (their file, or the round), not of the options.
    Diagnostics here(file.empty() ? diags.file() : file);
    const std::string qname = "the questionnaire \"" + q.title + "\" (" + q.id + " " + q.version + ")";
    if (q.audience != Audience::Individual)
        here.error("", qname + " is not a skills self-assessment: its audience is " + to_string(q.audience) +
                            "; a skills profile needs a round of an individual questionnaire such as "
                            "analyst-skills-self-assessment");
    else if (q.framework_id != skills.id)
        here.error("", qname + " measures the framework " + q.framework_id + ", not the skills framework " +
                            skills.id + "; a skills profile needs a round of a self-assessment of " + skills.id);
    if (!here.has_errors() && !roles.skills_framework_id.empty() && roles.skills_framework_id != skills.id)
        here.error("", "the role catalogue " + roles.id + " rates skills on " + roles.skills_framework_id +
                            ", not on " + skills.id + "; use a catalogue made for " + skills.id);
    diags.append(here);
    return diags.error_count() == before;
}

std::optional<std::vector<Person>> people_from_round(const Framework& skills, const Questionnaire& q,
                                                     const std::vector<const AnswerSet*>& sets,
                                                     const RoleCatalogue& roles, Diagnostics& diags) {
    if (!check_skills_round(skills, q, roles, diags, sets.empty() ? std::string() : sets.front()->source))
        return std::nullopt;
    const std::size_t before = diags.error_count();
    const std::vector<int> leaves = skill_leaves(skills);

    ScoreOptions so;
    so.by_role = false;
    const RoundResult scored = score_round(skills, q, sets, so);

    std::vector<Person> people;
    std::set<std::string> checked_roles;
    auto role_ok = [&](const Role& r) {
        if (!checked_roles.insert(r.id).second) return true;
        return role_skills_known(skills, roles, r, diags);
    };
    std::size_t k = 0;  // index into scored.respondent_results: sets in order, respondents in order
    for (const AnswerSet* set : sets) {
        const std::string file = set->source.empty() ? diags.file() : set->source;
        for (std::size_t i = 0; i < set->respondents.size(); ++i, ++k) {
            const Respondent& r = set->respondents[i];
            const std::string where = "/respondents/" + std::to_string(i);
            auto error = [&](const std::string& m) { diags.add({Severity::Error, file, where, m}); };
            Person p;
            p.key = r.id;
            p.name = r.name;
            p.team = r.team;
            if (r.role < 0 || static_cast<std::size_t>(r.role) >= q.roles.size()) {
                error(who(r) + " has no role: a skills profile compares each person with the levels their role "
                               "needs; give them one (`role` in the answer file, the role column of a survey import, "
                               "or the respondent's details in the walk-through) and try again");
            } else {
                const std::string& id = q.roles[static_cast<std::size_t>(r.role)].id;
                if (const Role* role = roles.find(id)) {
                    role_ok(*role);
                    p.role = id;
                } else {
                    error(who(r) + " has the role \"" + printable(id) + "\", which the role catalogue " + roles.id +
                          " does not list; expected one of: " + role_ids(roles) +
                          " (a questionnaire older than version 1.2 names other roles: run `yardstick-cli round "
                          "upgrade` first)");
                }
            }
            if (!r.target_role.empty()) {
                if (const Role* role = roles.find(r.target_role)) {
                    role_ok(*role);
                    p.target_role = r.target_role;
                } else {
                    error(who(r) + " has the target role \"" + printable(r.target_role) +
                          "\", which the role catalogue " + roles.id + " does not list; expected one of: " +
                          role_ids(roles));
                }
            }
            if (!r.age_band.empty()) {
                if (auto b = parse_age_band(r.age_band))
                    p.age = *b;
                else
                    error(who(r) + " has the age band \"" + printable(r.age_band) +
                          "\"; expected 16-18, 19-21, 22-24 or 25-plus (or none)");
            }
            p.levels.assign(leaves.size(), std::nullopt);
            if (k < scored.respondent_results.size()) {
                const auto& dims = scored.respondent_results[k].dimensions;
                for (std::size_t s = 0; s < leaves.size(); ++s) {
                    const auto d = static_cast<std::size_t>(leaves[s]);
                    if (d < dims.size() && dims[d])
                        p.levels[s] = level_for_score(skills, skills.dimensions[d].level_mapping, *dims[d]);
                }
            }
            people.push_back(std::move(p));
        }
    }
    if (diags.error_count() != before) return std::nullopt;
    return people;
}

}  // namespace ys::skills
