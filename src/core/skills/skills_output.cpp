// The team skills profile and training plan as JSON, CSV and a text table.
#include "skills_output.h"

#include <cmath>
#include <iomanip>
#include <sstream>

#include "csv.h"
#include "money_text.h"
#include "number_format.h"

namespace ys::skills {

namespace {

using nlohmann::json;

json opt(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

const Dimension& dim(const Framework& fw, const TeamProfile& p, int s) {
    return fw.dimensions[static_cast<std::size_t>(p.skills[static_cast<std::size_t>(s)])];
}

std::string facet_of(const Dimension& d) {
    auto it = d.facets.find("apprenticeship");
    return it == d.facets.end() ? std::string() : it->second;
}

std::string person_label(const TeamProfile& p, int i) {
    const Person& x = p.people[static_cast<std::size_t>(i)];
    if (!x.name.empty()) return x.name;
    return p.anonymised || x.key.empty() ? "Person " + std::to_string(i + 1) : "Respondent " + x.key;
}

std::string money(double v) { return plain(std::round(v * 100) / 100, 2); }

}  // namespace

std::string role_title(const RoleCatalogue& roles, const std::string& id) {
    const Role* r = roles.find(id);
    return r ? r->title : id;
}

json skills_json(const Framework& skills, const RoleCatalogue& roles, const TeamProfile& profile,
                 const TrainingPlan* plan, const std::string& today) {
    json j = {{"format", kSkillsFormat},
              {"made", today},
              {"organisation", {{"id", profile.organisation.id}, {"name", profile.organisation.name},
                                {"type", profile.organisation.type}}},
              {"period", profile.period},
              {"anonymised", profile.anonymised},
              {"framework", {{"id", profile.framework_id}, {"version", profile.framework_version}}},
              {"catalogue", {{"id", profile.catalogue_id}, {"version", profile.catalogue_version}}},
              {"people_count", profile.people.size()}};
    json levels = json::array();
    for (const auto& l : skills.levels) levels.push_back({{"value", l.value}, {"name", l.name}});
    j["levels"] = levels;
    json sk = json::array();
    for (std::size_t s = 0; s < profile.skills.size(); ++s) {
        const Dimension& d = dim(skills, profile, static_cast<int>(s));
        const SkillSpread& sp = profile.spread[s];
        const std::string f = facet_of(d);
        sk.push_back({{"id", d.id}, {"name", d.name}, {"apprenticeship", f.empty() ? json(nullptr) : json(f)},
                      {"at_level", sp.at_level}, {"not_assessed", sp.not_assessed}, {"median", opt(sp.median)},
                      {"need_it", sp.need_it}, {"below_need", sp.below_need}, {"below_target", sp.below_target}});
    }
    j["skills"] = sk;
    j["teams"] = profile.teams;
    j["notes"] = profile.notes;
    json people = json::array();
    for (std::size_t i = 0; i < profile.people.size(); ++i) {
        const Person& p = profile.people[i];
        json lv = json::array();
        for (const auto& l : p.levels) lv.push_back(opt(l));
        json x = {{"name", person_label(profile, static_cast<int>(i))}, {"team", p.team}, {"role", p.role},
                  {"role_title", role_title(roles, p.role)}, {"target_role", p.target_role},
                  {"target_role_title", p.target_role.empty() ? std::string() : role_title(roles, p.target_role)},
                  {"levels", lv}};
        // Keys and ages identify people: only for the data lead.
        if (!profile.anonymised) x["key"] = p.key, x["age_band"] = to_string(p.age);
        people.push_back(x);
    }
    j["people"] = people;
    json gaps = json::array();
    for (const auto& g : profile.gaps)
        gaps.push_back({{"person", g.person}, {"skill", dim(skills, profile, g.skill).id},
                        {"have", g.assessed ? json(g.have) : json(nullptr)}, {"need", g.need},
                        {"gap", g.assessed ? json(g.size()) : json(nullptr)}, {"for_target", g.for_target}});
    j["gaps"] = gaps;
    if (!plan) return j;

    json items = json::array();
    for (const auto& it : plan->items) {
        json ids = json::array();
        for (int s : it.skills) ids.push_back(dim(skills, profile, s).id);
        json x = {{"person", it.person}, {"remedy", to_string(it.remedy)}, {"what", it.what}, {"skills", ids},
                  {"start", it.start}, {"end", it.end}, {"cost", it.cost}, {"funded", it.funded},
                  {"employer_cost", it.employer_cost()}, {"eligible", it.eligible}, {"for_target", it.for_target},
                  {"assumption", it.assumption}, {"notes", it.notes}};
        x["colleague"] = it.colleague >= 0 ? json(it.colleague) : json(nullptr);
        items.push_back(x);
    }
    json summary = json::array();
    for (const auto& n : plan->summary)
        summary.push_back({{"remedy", to_string(n.remedy)}, {"what", n.what}, {"people", n.people}, {"cost", n.cost},
                           {"funded", n.funded}, {"employer_cost", n.cost - n.funded}});
    json ready = json::array();
    for (const auto& r : plan->readiness)
        ready.push_back({{"person", r.person}, {"role", r.role}, {"role_title", role_title(roles, r.role)},
                         {"gaps", r.gaps}, {"not_assessed", r.not_assessed}, {"ready_by", r.ready_by},
                         {"ready_now", r.ready_now()}});
    j["plan"] = {{"start", plan->start}, {"levy_payer", plan->levy_payer}, {"items", items}, {"summary", summary},
                 {"readiness", ready}, {"cost", plan->cost}, {"funded", plan->funded},
                 {"employer_cost", plan->cost - plan->funded}, {"warnings", plan->warnings}};
    return j;
}

void write_profile_csv(std::ostream& out, const Framework& skills, const RoleCatalogue& roles,
                       const TeamProfile& profile) {
    out << "person,team,role,target_role,skill,skill_name,level,need,target_need\r\n";
    for (std::size_t i = 0; i < profile.people.size(); ++i) {
        const Person& p = profile.people[i];
        const Role* role = roles.find(p.role);
        const Role* target = p.target_role.empty() ? nullptr : roles.find(p.target_role);
        for (std::size_t s = 0; s < profile.skills.size(); ++s) {
            const Dimension& d = dim(skills, profile, static_cast<int>(s));
            int need = 0, tneed = 0;
            for (const auto& rs : role ? role->skills : std::vector<RoleSkill>{})
                if (rs.skill == d.id) need = rs.level;
            for (const auto& rs : target ? target->skills : std::vector<RoleSkill>{})
                if (rs.skill == d.id) tneed = rs.level;
            out << csv_cell(person_label(profile, static_cast<int>(i))) << ',' << csv_cell(p.team) << ','
                << csv_cell(role_title(roles, p.role)) << ','
                << csv_cell(p.target_role.empty() ? std::string() : role_title(roles, p.target_role)) << ','
                << csv_cell(d.id) << ',' << csv_cell(d.name) << ','
                << (p.levels[s] ? plain(*p.levels[s], 2) : std::string()) << ',' << (need ? std::to_string(need) : "")
                << ',' << (tneed ? std::to_string(tneed) : "") << "\r\n";
        }
    }
}

void write_plan_csv(std::ostream& out, const Framework& skills, const TeamProfile& profile, const TrainingPlan& plan) {
    out << "person,remedy,what,skills,start,end,cost,funded,employer_cost,eligible\r\n";
    for (const auto& it : plan.items) {
        std::string ids;
        for (int s : it.skills) ids += (ids.empty() ? "" : ";") + dim(skills, profile, s).id;
        out << csv_cell(person_label(profile, it.person)) << ',' << to_string(it.remedy) << ',' << csv_cell(it.what)
            << ',' << csv_cell(ids) << ',' << it.start << ',' << it.end << ',' << money(it.cost) << ','
            << money(it.funded) << ',' << money(it.employer_cost()) << ',' << (it.eligible ? "yes" : "no") << "\r\n";
    }
    out << "Total,,,,,," << money(plan.cost) << ',' << money(plan.funded) << ',' << money(plan.cost - plan.funded)
        << ",\r\n";
}

void write_skills_table(std::ostream& out, const Framework& skills, const RoleCatalogue& roles,
                        const TeamProfile& profile, const TrainingPlan* plan) {
    out << "Team skills profile: " << profile.organisation.name << ", " << profile.period << " ("
        << count_of(static_cast<long long>(profile.people.size()), "person", "people")
        << (profile.anonymised ? ", anonymised" : "") << ")\n";
    out << "Levels: ";
    for (const auto& l : skills.levels) out << l.value << " " << l.name << (&l == &skills.levels.back() ? "" : ", ");
    out << ". A * marks a level below what the person's role needs; - not rated.\n\nSkills:\n";
    for (std::size_t s = 0; s < profile.skills.size(); ++s)
        out << "  S" << std::left << std::setw(3) << (s + 1) << dim(skills, profile, static_cast<int>(s)).name << "\n";
    std::size_t w = 6;
    for (std::size_t i = 0; i < profile.people.size(); ++i) w = std::max(w, person_label(profile, static_cast<int>(i)).size());
    w = std::min<std::size_t>(w, 28);
    out << "\n" << std::left << std::setw(static_cast<int>(w)) << "Person";
    for (std::size_t s = 0; s < profile.skills.size(); ++s) out << std::right << std::setw(4) << ("S" + std::to_string(s + 1));
    out << "  Role\n";
    for (std::size_t i = 0; i < profile.people.size(); ++i) {
        const Person& p = profile.people[i];
        out << std::left << std::setw(static_cast<int>(w)) << person_label(profile, static_cast<int>(i)).substr(0, w);
        for (std::size_t s = 0; s < profile.skills.size(); ++s) {
            bool below = false;
            for (const auto& g : profile.gaps)
                if (g.person == static_cast<int>(i) && g.skill == static_cast<int>(s) && !g.for_target && g.assessed)
                    below = true;
            std::string cell = p.levels[s] ? plain(*p.levels[s], 1) : std::string("-");
            out << std::right << std::setw(4) << (cell + (below ? "*" : ""));
        }
        out << "  " << role_title(roles, p.role);
        if (!p.target_role.empty()) out << " -> " << role_title(roles, p.target_role);
        if (!p.team.empty()) out << " (" << p.team << ")";
        out << "\n";
    }
    out << "\nBelow the role's need (people):";
    for (std::size_t s = 0; s < profile.skills.size(); ++s)
        out << (s ? ", " : " ") << "S" << (s + 1) << " " << profile.spread[s].below_need << "/" << profile.spread[s].need_it;
    out << "\n";
    for (const auto& n : profile.notes) out << "Note: " << n << "\n";
    if (!plan) return;

    out << "\nTraining plan from " << plan->start << (plan->levy_payer ? " (levy payer)" : " (not a levy payer)") << ":\n";
    for (const auto& it : plan->items) {
        out << "  " << person_label(profile, it.person) << ": " << it.what << ", " << it.start << " to " << it.end;
        if (it.cost > 0)
            out << ", " << money_words(it.cost) << " (funded " << money_words(it.funded) << ", council "
                << money_words(it.employer_cost()) << ")";
        if (!it.eligible) out << ", NOT FUNDED for this person";
        out << "\n";
    }
    out << "\nTeam summary:\n";
    for (const auto& n : plan->summary)
        out << "  " << count_of(n.people, "person", "people") << ": " << n.what
            << (n.cost > 0 ? ", " + money_words(n.cost) + " (council " + money_words(n.cost - n.funded) + ")" : "")
            << "\n";
    out << "  Total: " << money_words(plan->cost) << ", of which funded " << money_words(plan->funded)
        << "; the council pays " << money_words(plan->cost - plan->funded) << "\n";
    if (!plan->readiness.empty()) {
        out << "\nReadiness for target roles:\n";
        for (const auto& r : plan->readiness)
            out << "  " << person_label(profile, r.person) << " -> " << role_title(roles, r.role) << ": "
                << (r.ready_now() ? "ready now"
                                  : count_of(r.gaps, "gap", "gaps") + ", ready by " + r.ready_by +
                                        (r.not_assessed ? " (" + std::to_string(r.not_assessed) + " not rated)" : ""))
                << "\n";
    }
    for (const auto& w : plan->warnings) out << "Warning: " << w << "\n";
}

}  // namespace ys::skills
