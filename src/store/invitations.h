#pragma once
// A round's invitation list (schema v4): the people asked to answer, imported from a CSV
// (name, email, role, department), so `round status` can say who has returned answers.
// Yardstick sends no email; the list is for tracking and for a mail merge of reminders.
#include <cstdint>
#include <string>
#include <vector>

#include "diagnostics.h"
#include "sqlite_handle.h"

namespace ys::store {

struct Invitation {
    std::string name, email, role, department;  // role: the questionnaire's role id, or ""
    std::int64_t added_at = 0;
};

struct InviteRequest {
    std::string round;
    std::string csv_file;
    bool dry_run = false;
};

struct InviteReport {
    Diagnostics diagnostics;  // every bad row: "row 3, column 2 (email)"
    std::size_t rows = 0;     // people in the file
    std::size_t added = 0, updated = 0, unchanged = 0;
    bool ok() const { return !diagnostics.has_errors(); }
};

// Reads a CSV with a header row naming (in any case, any order) email and optionally name,
// role and department; other columns are ignored. Refused, every bad row listed by row and
// column and nothing written: an empty or invalid email, one given twice in the file, a role
// that is not one of the round's questionnaire's (by id or name), text over its limit. A
// valid file adds the people not yet invited and updates those already invited (by email,
// whatever its case) in one transaction. A closed round is refused (StoreError).
InviteReport import_invitations(Connection& c, const InviteRequest& request);

// The round's invitation list, by name then email.
std::vector<Invitation> list_invitations(Connection& c, const std::string& round);

// Takes one person off the list (by email, whatever its case). NotFound when not on it; a
// closed round is refused.
void remove_invitation(Connection& c, const std::string& round, const std::string& email);

// A plausible email address: something@domain.tld, one line, no spaces. Not a proof.
bool is_plausible_email(const std::string& s);
// ASCII letters in lower case: how emails are compared.
std::string email_key(const std::string& s);

}  // namespace ys::store
