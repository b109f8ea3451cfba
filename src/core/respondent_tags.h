#pragma once
// The tags of a skills round's respondent (Respondent::team, target_role, age_band): one set of
// checks for every way in (answer files, bundles, survey CSV, the store, the CLI and the GUI),
// so that what one path accepts every other path accepts too.
#include <cstddef>
#include <string>

#include "answers.h"
#include "json_fields.h"
#include "questionnaire.h"

namespace ys {

// The age bands, as files and commands write them.
inline constexpr const char* kAgeBandWords = "16-18, 19-21, 22-24 or 25-plus";
// A team name: one line of at most this many characters.
inline constexpr std::size_t kMaxTeamChars = 100;

// "" when team is acceptable (one line of valid UTF-8, at most kMaxTeamChars characters; empty
// is fine); else one line starting "team name".
std::string team_problem(const std::string& team);

// "" when band is empty or one of the age bands; else one line saying what was expected.
std::string age_band_problem(const std::string& band);
// "" when role is empty or one of the questionnaire's respondent roles (a skills questionnaire's
// roles are role catalogue ids); else one line naming the roles it could be.
std::string target_role_problem(const Questionnaire& q, const std::string& role);
// The first problem with any of a respondent's tags ("" when none): team, target role, age band.
std::string respondent_tags_problem(const Questionnaire& q, const Respondent& r);

// Reads "team", "target_role" and "age_band" of a respondent object (each optional), reporting
// a problem at its own key. The caller lists the keys as allowed.
void read_respondent_tags(const JsonAt& r, const Questionnaire& q, Respondent& out);

}  // namespace ys
