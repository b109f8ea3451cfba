#pragma once
// Action-plan items: recommended actions from a round's framework, adopted with an owner,
// a due date, a status and notes.
#include <string>
#include <vector>

#include "sqlite_handle.h"

namespace ys::store {

struct ActionItem {
    std::string round, action, dimension, owner, due, status = "not-started", notes;
};

// Adds the action (it must be one of the round's framework's) or updates the fields given.
void save_action_item(Connection& c, const ActionItem& item);
std::vector<ActionItem> list_action_items(Connection& c, const std::string& round);

}  // namespace ys::store
