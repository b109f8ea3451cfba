#pragma once
// Action-plan items: recommended actions from a round's framework, adopted with an owner,
// a due date, a status and notes.
#include <optional>
#include <string>
#include <vector>

#include "sqlite_handle.h"

namespace ys::store {

struct ActionItem {
    std::string round, action, dimension, owner, due, status = "not-started", notes;
};

// Adds the action (it must be one of the round's framework's) or updates it; an empty
// owner, due date or notes keeps what is stored (imports and bundles merge this way).
void save_action_item(Connection& c, const ActionItem& item);
// Adds or overwrites the item exactly as given: an empty owner, due date or notes clears
// it. What an edit, and its undo, need to put any earlier state back.
void replace_action_item(Connection& c, const ActionItem& item);
// Takes an action out of the round's plan; an action not in the plan is a NotFound error.
void remove_action_item(Connection& c, const std::string& round, const std::string& action);
std::optional<ActionItem> find_action_item(Connection& c, const std::string& round, const std::string& action);
std::vector<ActionItem> list_action_items(Connection& c, const std::string& round);

}  // namespace ys::store
