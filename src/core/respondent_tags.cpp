#include "respondent_tags.h"

#include "roadmap/assumptions.h"
#include "text_check.h"

namespace ys {

std::string team_problem(const std::string& team) {
    // A one-line name's rules (text_check.h) with a limit of its own; the name field's
    // message is reworded to say "team name".
    if (!invalid_utf8_at(team)) {
        const std::size_t n = utf8_length(team);
        if (n > kMaxTeamChars)
            return "team name is longer than " + std::to_string(kMaxTeamChars) + " characters (" + std::to_string(n) +
                   "); shorten it";
    }
    std::string p = text_problem(TextField::RespondentName, team);
    const std::string label = field_rule(TextField::RespondentName).label;
    if (!p.empty() && p.rfind(label, 0) == 0) p = "team name" + p.substr(label.size());
    return p;
}

std::string age_band_problem(const std::string& band) {
    if (band.empty() || parse_age_band(band)) return {};
    return "unknown age band \"" + escape_for_terminal(band) + "\"; expected " + kAgeBandWords +
           " (or leave it out: it is only used to tell which apprenticeships are funded)";
}

std::string target_role_problem(const Questionnaire& q, const std::string& role) {
    if (role.empty() || q.find_role(role) >= 0) return {};
    if (q.roles.empty())
        return "questionnaire \"" + q.id + "\" has no respondent roles, so no target role can be given; leave it out";
    std::string list;
    for (const auto& x : q.roles) list += (list.empty() ? "" : ", ") + x.id;
    return "unknown target role \"" + escape_for_terminal(role) + "\"; expected one of the questionnaire's roles: " + list;
}

std::string respondent_tags_problem(const Questionnaire& q, const Respondent& r) {
    if (std::string p = team_problem(r.team); !p.empty()) return p;
    if (std::string p = target_role_problem(q, r.target_role); !p.empty()) return p;
    return age_band_problem(r.age_band);
}

void read_respondent_tags(const JsonAt& r, const Questionnaire& q, Respondent& out) {
    if (auto team = r.string("team", Need::Optional)) {
        if (std::string p = team_problem(*team); !p.empty()) r["team"].error(p);
        else out.team = *team;
    }
    if (auto role = r.string("target_role", Need::Optional)) {
        if (std::string p = target_role_problem(q, *role); !p.empty()) r["target_role"].error(p);
        else out.target_role = *role;
    }
    if (auto band = r.string("age_band", Need::Optional)) {
        if (std::string p = age_band_problem(*band); !p.empty()) r["age_band"].error(p);
        else out.age_band = *band;
    }
}

}  // namespace ys
