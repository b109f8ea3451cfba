#pragma once
// Deletes that can be undone: a round (with its respondents, answers, forms, invitations,
// action plan and score summary), a respondent (with their answers) or an organisation
// (with its rounds, targets, scenarios and peer-group places) is copied whole before it is
// deleted, in the same transaction, and the copy puts it back exactly as it was.
#include <cstdint>
#include <string>
#include <vector>

#include "organisations.h"
#include "rounds.h"
#include "sqlite_handle.h"

namespace ys::store {

// One stored value, by its SQLite storage class.
struct StoredValue {
    enum class Kind { Null, Integer, Real, Text };
    Kind kind = Kind::Null;
    std::int64_t integer = 0;
    double real = 0;
    std::string text;
};

// Rows of one table, every column, as stored.
struct StoredRows {
    std::string table;
    std::vector<std::string> columns;
    std::vector<std::vector<StoredValue>> rows;
};

struct RoundSnapshot {
    RoundRecord record;             // what the round was (for messages: period, questionnaire)
    std::vector<StoredRows> tables;  // in the order they are put back
};

struct RespondentSnapshot {
    std::string round, key, name, role;
    std::int64_t answers = 0;
    std::vector<StoredRows> tables;
};

struct OrganisationSnapshot {
    OrgRecord record;
    std::vector<RoundSnapshot> rounds;
    std::vector<StoredRows> tables;  // the organisation, its targets, scenarios, peer-group places
    std::int64_t answers = 0, respondents = 0, scenarios = 0, targets = 0;
};

// Each throws StoreError with one line and writes nothing when it refuses: NotFound for a
// round, respondent or organisation that is not there, Invalid for a refusal.

// Copies the round whole; deletes it and returns the copy. Closed rounds too: deleting is
// the user's explicit choice, after a confirmation naming what goes.
RoundSnapshot snapshot_round(Connection& c, const std::string& id);
RoundSnapshot delete_round(Connection& c, const std::string& id);
// Puts a deleted round back. Refused when a round of the same id exists again (made after
// the delete) or its organisation is gone.
void restore_round(Connection& c, const RoundSnapshot& s);

// A respondent and their answers; an open round only (a closed round's answers are final).
RespondentSnapshot delete_respondent(Connection& c, const std::string& round, const std::string& key);
void restore_respondent(Connection& c, const RespondentSnapshot& s);

// An organisation with everything it holds. One with organisations under it is refused
// (move or delete them first): a delete never takes more than the one the user chose.
OrganisationSnapshot snapshot_organisation(Connection& c, const std::string& id);
OrganisationSnapshot delete_organisation(Connection& c, const std::string& id);
// Refused when the organisation exists again, or the one it was under is gone. Places in
// peer groups deleted since are not put back (the group itself is gone).
void restore_organisation(Connection& c, const OrganisationSnapshot& s);

}  // namespace ys::store
