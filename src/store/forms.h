#pragma once
// Offline forms (schema v4): each form file made for a round is recorded with its random id,
// so a returned file can be traced to the form it came from, and a round can list its forms.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sqlite_handle.h"

namespace ys::store {

struct FormRecord {
    std::string id;     // 32 lower case hex characters
    std::string round;
    std::int64_t created_at = 0;  // seconds since 1970, UTC
    std::string note;
};

// Whether s is a form id: 32 lower case hexadecimal characters.
bool is_form_id(const std::string& s);

// Records a form made for a round, in a transaction of its own (or the caller's). Refused
// (StoreError Invalid, one line) when the id is not a form id or is already recorded, and
// (NotFound) when the round does not exist. The note is optional free text (such as who the
// form was sent to), checked as an evidence note is.
void record_form(Connection& c, const std::string& form_id, const std::string& round_id, std::int64_t created_at,
                 const std::string& note);

std::optional<FormRecord> find_form(Connection& c, const std::string& form_id);
// A round's forms, oldest first.
std::vector<FormRecord> list_forms(Connection& c, const std::string& round_id);

}  // namespace ys::store
