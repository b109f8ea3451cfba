#pragma once
// Answers from respondents, held compactly (options by index) so that tens of
// thousands of respondents fit in little memory.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "questionnaire.h"

namespace ys {

enum class AnswerState : std::uint8_t { Given, NotApplicable, DontKnow };

struct Answer {
    std::uint16_t question = 0;  // index into the questionnaire
    AnswerState state = AnswerState::Given;
    std::uint8_t choice = 0;     // choice/likert: option index; chain: number of steps answered yes
    float confidence = -1;       // 0..1, or -1 when not given
    std::uint64_t ticked = 0;    // checklist: bit i set when option i is ticked
    double number = 0;           // number questions
    std::int64_t answered_at = 0;  // seconds since 1970 (UTC), 0 when not known
    std::string evidence;
};

struct Respondent {
    std::string id;
    int role = -1;  // index into the questionnaire's roles, -1 when none
    std::string name;
    std::string email;
    // Tags of a skills round (src/core/skills/team_skills.h); empty when not given.
    std::string team;         // the team the respondent works in
    std::string target_role;  // a role catalogue id they are developing towards
    std::string age_band;     // "16-18", "19-21", "22-24" or "25-plus", for apprenticeship funding
    std::vector<Answer> answers;  // at most one per question
};

struct Organisation {
    std::string id;
    std::string name;
    std::string type;
    std::string parent;
};

// What a file saved by an offline form carries about that form (questionnaires/README.md):
// which form (a random id per form file), the round it was made for, and when the
// respondent saved. A later save of the same form and respondent replaces an earlier one.
struct FormStamp {
    std::string id, round;  // id: 32 lower case hex characters; round: store::round_id_for(...)
    std::int64_t saved_at = 0;  // seconds since 1970, UTC
};

struct AnswerSet {
    std::string questionnaire_id;
    std::string questionnaire_version;
    Organisation organisation;
    std::string period;
    std::vector<Respondent> respondents;
    std::string source;  // file it came from
    std::optional<FormStamp> form;  // set for a file saved by an offline form (exactly one respondent)
};

// The score an answer gives (only meaningful for AnswerState::Given).
double answer_score(const Question& q, const Answer& a);

// Whether a question's condition holds given the same respondent's answers, indexed by
// question (nullptr where unanswered).
bool condition_holds(const Questionnaire& qn, const Question& q,
                     const std::vector<const Answer*>& by_question);

}  // namespace ys
