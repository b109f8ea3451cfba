#pragma once
// A skills round's respondent tags in the store (schema v7: respondent.team, target_role,
// age_band), and `round upgrade` telling where respondents of a retired role went.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "rounds.h"
#include "sqlite_handle.h"

namespace ys::store {

// nullopt leaves a tag as it is, "" clears it. Checked as every reader checks them
// (respondent_tags.h: a team name of at most 100 characters, a target role among the
// questionnaire's roles, an age band).
struct RespondentTags {
    std::optional<std::string> team, target_role, age_band;
    bool any() const { return team || target_role || age_band; }
};

// Sets one respondent's tags; a closed round, a respondent not in the round or a bad tag is
// refused, changing nothing. Returns whether anything changed.
bool tag_respondent(Connection& c, const std::string& round, const std::string& key, const RespondentTags& tags);

// add_respondent (rounds.h) with tags, checked and written in the same transaction.
std::string add_tagged_respondent(Connection& c, const std::string& round, const std::string& role,
                                  const std::string& name, const std::string& email, const std::string& key, bool update,
                                  const RespondentTags& tags);

// A respondent role the new version no longer has, and where its people went.
struct RoleMove {
    std::string from;  // the old role id
    std::string to;    // a role of the new version, or empty: left blank
    std::string note;  // the questionnaire's note on the retired role, if it has one
    std::size_t respondents = 0, target_roles = 0, invitations = 0;  // rows moved or blanked
};

// upgrade_round (rounds.h), which also moves respondents (their role and target role) and
// invitations of a role the new version lacks to the role its `retired_roles` names, or leaves
// the role blank when none does; `roles` says which, sorted by old role id.
UpgradeReport upgrade_round_roles(Connection& c, const std::string& id, const nlohmann::json& framework_doc,
                                  const nlohmann::json& questionnaire_doc, bool drop_retired, std::vector<RoleMove>& roles);

}  // namespace ys::store
