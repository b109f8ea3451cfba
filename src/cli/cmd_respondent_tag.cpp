// yardstick-cli respondent tag ROUND KEY [--team T] [--target-role ID] [--age-band B]: the tags a
// skills round keeps for each person (docs/skills.md). The store checks and writes them
// (store::tag_respondent), so the desktop app and the imports accept exactly the same.
#include "cmd_respondent_tag.h"

#include <ostream>

#include "commands.h"
#include "exit_codes.h"
#include "respondent_tagging.h"
#include "rounds.h"

namespace ys::cli {

std::vector<StoreSubcommand> respondent_tag_subcommands() {
    return {
        {"tag", "tag ROUND KEY [--team TEAM] [--target-role ROLE] [--age-band BAND]",
         "Sets the tags of a respondent in a skills round: the team they work in, the role they are developing\n"
         "towards (one of the questionnaire's roles) and their age band (16-18, 19-21, 22-24 or 25-plus; only used\n"
         "to tell which apprenticeships are funded for them). A tag not given is kept; an empty one (--team \"\")\n"
         "is cleared. Without options, shows the respondent's tags.",
         {{"team", true, "TEAM", "the team they work in (at most 100 characters)"},
          {"target-role", true, "ROLE", "a role id of the questionnaire, or \"\" for none"},
          {"age-band", true, "BAND", "16-18, 19-21, 22-24 or 25-plus, or \"\" for none"}},
         2,
         [](const Context& ctx, const ParsedArgs& p, store::Connection& c) {
             const std::string& round = p.positional[0];
             const std::string& key = p.positional[1];
             store::RespondentTags tags;
             if (p.has("team")) tags.team = p.value("team");
             if (p.has("target-role")) tags.target_role = p.value("target-role");
             if (p.has("age-band")) tags.age_band = p.value("age-band");
             bool changed = false;
             if (tags.team || tags.target_role || tags.age_band) changed = store::tag_respondent(c, round, key, tags);
             store::LoadedRound lr = store::load_round(c, round);
             for (const Respondent& r : lr.answers.respondents) {
                 if (r.id != key) continue;
                 const Questionnaire& q = *lr.questionnaire;
                 int target = q.find_role(r.target_role);
                 ctx.out << key << (changed ? " (changed)" : "") << ":\n"
                         << "  team:         " << (r.team.empty() ? "(none)" : r.team) << "\n"
                         << "  target role:  "
                         << (target < 0 ? std::string("(none)") : q.roles[static_cast<std::size_t>(target)].name + " (" + r.target_role + ")")
                         << "\n"
                         << "  age band:     " << (r.age_band.empty() ? "(not given)" : r.age_band) << "\n";
                 return exit_code::ok;
             }
             ctx.err << "yardstick-cli respondent tag: respondent \"" << key << "\" is not in round \"" << round
                     << "\"; see its respondents with: yardstick-cli round status " << round << "\n";
             return exit_code::invalid_input;
         }},
    };
}

}  // namespace ys::cli
