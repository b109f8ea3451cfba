#include "action_items.h"

#include "rounds.h"
#include "targets.h"
#include "text_guard.h"

namespace ys::store {
namespace {

// Checks the item against its round's framework and writes it; `merge` keeps stored
// owner, due date and notes where the item's are empty.
void write_action_item(Connection& c, const ActionItem& item, bool merge) {
    check_text({{TextField::ActionOwner, &item.owner}, {TextField::DueDate, &item.due}, {TextField::ActionNotes, &item.notes}});
    RoundRecord r = get_round(c, item.round);
    auto fw = load_framework(c, r.framework_hash);
    std::string dimension;
    for (const auto& d : fw->dimensions)
        for (const auto& a : d.actions)
            if (a.id == item.action) dimension = d.id;
    if (dimension.empty())
        throw StoreError(StoreError::Kind::Invalid, "unknown action \"" + item.action + "\" in framework \"" + fw->id + "\"");
    if (item.status != "not-started" && item.status != "in-progress" && item.status != "done" && item.status != "dropped")
        throw StoreError(StoreError::Kind::Invalid,
                         "unknown status \"" + item.status + "\"; expected not-started, in-progress, done or dropped");
    if (!item.due.empty() && !is_iso_date(item.due))
        throw StoreError(StoreError::Kind::Invalid, "expected a due date as YYYY-MM-DD, found \"" + item.due + "\"");
    Statement s = c.prepare(
        std::string("INSERT INTO action_item (round_id, action_id, dimension_id, owner, due_date, status, notes) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (round_id, action_id) DO UPDATE SET ") +
        (merge ? "owner = coalesce(excluded.owner, owner), due_date = coalesce(excluded.due_date, due_date), "
                 "status = excluded.status, notes = coalesce(excluded.notes, notes)"
               : "owner = excluded.owner, due_date = excluded.due_date, status = excluded.status, notes = excluded.notes"));
    s.bind(1, item.round).bind(2, item.action).bind(3, dimension).bind_optional(4, item.owner).bind_optional(5, item.due);
    s.bind(6, item.status).bind_optional(7, item.notes);
    s.run();
}

}  // namespace

void save_action_item(Connection& c, const ActionItem& item) { write_action_item(c, item, true); }

void replace_action_item(Connection& c, const ActionItem& item) { write_action_item(c, item, false); }

void remove_action_item(Connection& c, const std::string& round, const std::string& action) {
    get_round(c, round);  // an unknown round says so, rather than "not in the plan"
    Statement s = c.prepare("DELETE FROM action_item WHERE round_id = ? AND action_id = ?");
    s.bind(1, round).bind(2, action);
    s.run();
    if (c.changes() == 0)
        throw StoreError(StoreError::Kind::NotFound, "action \"" + action + "\" is not in the action plan of round \"" + round + "\"");
}

std::optional<ActionItem> find_action_item(Connection& c, const std::string& round, const std::string& action) {
    Statement s = c.prepare(
        "SELECT round_id, action_id, dimension_id, owner, due_date, status, notes FROM action_item "
        "WHERE round_id = ? AND action_id = ?");
    s.bind(1, round).bind(2, action);
    if (!s.step()) return std::nullopt;
    return ActionItem{s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6)};
}

std::vector<ActionItem> list_action_items(Connection& c, const std::string& round) {
    get_round(c, round);
    std::vector<ActionItem> out;
    Statement s = c.prepare(
        "SELECT round_id, action_id, dimension_id, owner, due_date, status, notes FROM action_item WHERE round_id = ? "
        "ORDER BY dimension_id, action_id");
    s.bind(1, round);
    while (s.step()) out.push_back({s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6)});
    return out;
}

}  // namespace ys::store
