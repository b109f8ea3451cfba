#pragma once
// Before an export writes anything: the first text it would write that Yardstick's own
// import refuses (an old database may hold a note longer than today's limit, or a name
// with a control character), as one line saying where it is and how to fix it.
#include <string>
#include <vector>

#include "answers.h"
#include "bundle.h"

namespace ys {

// What export adds to a problem found: how to fix it.
inline constexpr const char* kExportTextFix =
    "; correct it (desktop app, or yardstick-cli org edit, answer set, action set, target set) and export again, "
    "or export with --anonymise, which leaves names and notes out";

// Respondents of one round: keys, names, emails (unless anonymised) and evidence notes.
// "" when every text fits its field's rule.
std::string respondents_text_problem(const std::string& round, const std::vector<Respondent>& respondents,
                                     const Questionnaire* q, bool anonymise);
// Everything a bundle carries: organisations, peer groups, rounds, respondents, action
// items and targets.
std::string bundle_text_problem(const Bundle& b, bool anonymise);

}  // namespace ys
