// Tagging one respondent of a skills round (schema v7): team, target role, age band. Imports
// write tags through write_respondents; this is the one-at-a-time path (CLI, desktop app).
#include "respondent_tagging.h"

#include "respondent_tags.h"
#include "rounds.h"
#include "store_errors.h"
#include "text_guard.h"

namespace ys::store {

bool tag_respondent(Connection& c, const std::string& round, const std::string& key, const RespondentTags& tags) {
    Transaction t(c);
    RoundRecord r = get_round(c, round);
    require_open_round(c, round, "the tags of its respondents cannot change");
    auto fw = load_framework(c, r.framework_hash);
    auto q = load_questionnaire(c, r.questionnaire_hash, *fw);
    Respondent now;
    std::int64_t pid = 0;
    {
        Statement s = c.prepare("SELECT id, team, target_role, age_band FROM respondent WHERE round_id = ? AND key = ?");
        s.bind(1, round).bind(2, key);
        if (!s.step())
            throw StoreError(StoreError::Kind::NotFound, "respondent \"" + key + "\" is not in round \"" + round +
                                                             "\"; see its respondents with: yardstick-cli round status " + round);
        pid = s.integer(0);
        now.id = key;
        now.team = s.text(1);
        now.target_role = s.text(2);
        now.age_band = s.text(3);
    }
    Respondent wanted = now;
    if (tags.team) wanted.team = *tags.team;
    if (tags.target_role) wanted.target_role = *tags.target_role;
    if (tags.age_band) wanted.age_band = *tags.age_band;
    if (std::string p = respondent_tags_problem(*q, wanted); !p.empty()) invalid(p);
    if (wanted.team == now.team && wanted.target_role == now.target_role && wanted.age_band == now.age_band) return false;
    Statement u = c.prepare("UPDATE respondent SET team = ?, target_role = ?, age_band = ? WHERE id = ?");
    u.bind_optional(1, wanted.team).bind_optional(2, wanted.target_role).bind_optional(3, wanted.age_band).bind(4, pid);
    u.run();
    t.commit();
    return true;
}

}  // namespace ys::store
