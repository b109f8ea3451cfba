#pragma once
// Action-plan items: recommended actions from a round's framework, adopted with an owner,
// a due date, a status and notes; or actions the council writes itself, with a title, an
// id "own-N" the store chooses, and a dimension only if the council names one.
#include <optional>
#include <string>
#include <vector>

#include "sqlite_handle.h"

namespace ys::store {

struct ActionItem {
    std::string round, action, dimension, owner, due, status = "not-started", notes;
    std::string title;  // set only for the council's own actions
    bool own() const { return !title.empty(); }
};

// Adds an action of the council's own (item.title required; item.dimension empty or one of
// the framework's dimensions; item.action ignored) and returns the id chosen for it, the
// next free "own-N" of the round (core/own_action.h), chosen under the write lock and never
// one of the framework's own action ids.
std::string add_own_action_item(Connection& c, ActionItem item);

// Adds the action (one of the round's framework's, or an own action that has a title) or
// updates it; an own action's title, when empty here, is kept as stored. An empty
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
