// The skills operation shared by the CLI, the report job and the GUI.
#include "team_skills.h"

namespace ys::skills {

std::optional<SkillsResult> run_skills(const SkillsRequest& r, Diagnostics& diags) {
    if (!r.skills || !r.questionnaire || !r.roles) {
        diags.error("", "a skills profile needs the round's framework, questionnaire and a role catalogue");
        return std::nullopt;
    }
    auto people = people_from_round(*r.skills, *r.questionnaire, r.sets, *r.roles, diags);
    if (!people) return std::nullopt;
    if (!check_profile_options(*r.roles, *people, r.profile, diags)) return std::nullopt;
    SkillsResult out;
    out.profile = profile_team(*r.skills, *r.roles, std::move(*people), r.profile);
    if (!r.sets.empty()) {
        out.profile.organisation = r.sets.front()->organisation;
        out.profile.period = r.sets.front()->period;
    }
    if (r.assumptions) out.plan = plan_training(*r.skills, *r.roles, *r.assumptions, out.profile, r.plan);
    return out;
}

}  // namespace ys::skills
