#pragma once
// Who has answered a round: its invitation list matched to its respondents, coverage so far,
// and the list of those still to reply (for a mail merge; Yardstick sends no email).
#include <cstdint>
#include <string>
#include <vector>

#include "invitations.h"
#include "sqlite_handle.h"

namespace ys::store {

struct RespondentProgress {
    std::string key, name, email, role;
    std::string role_name;  // the questionnaire's name for the role; "" when none
    std::int64_t returned_at = 0;  // when their form was saved, else their latest answer; 0 when none
    std::size_t answered = 0;      // questions answered (a value or N/A; "don't know" is not an answer)
    bool from_form = false;
};

struct InviteeStatus {
    Invitation invitation;
    std::string role_name;  // the questionnaire's name for the invitation's role; "" when none
    bool returned = false;
    std::string matched_by;  // "email" or "name" when returned
    RespondentProgress respondent;  // when returned
};

struct Coverage {
    std::string label;  // a role's name, a department, or "overall"
    std::size_t invited = 0, returned = 0;
};

struct RoundStatus {
    std::string round;
    std::string status;            // open, draft or closed
    std::size_t questions = 0;     // in the round's questionnaire, less those of dimensions out of its scope
    std::vector<InviteeStatus> invitees;          // the list, by name
    std::vector<RespondentProgress> not_invited;  // respondents matched to no one on the list
    std::size_t respondents = 0;                  // every respondent of the round
    Coverage overall;
    std::vector<Coverage> by_role, by_department;  // invitees' roles and departments; "(none)" when not given
};

// Matches each respondent to at most one invitee: by email (whatever its case), else by the
// exact name among those not yet matched. NotFound when the round does not exist.
RoundStatus round_status(Connection& c, const std::string& round);

// The CSV of those still to reply: name,email,role,department, the role by its name (which
// `round invite` reads back); cells a spreadsheet would run as formulas neutralised as export
// --csv does.
std::string pending_csv(const RoundStatus& status);

}  // namespace ys::store
