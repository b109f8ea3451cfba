#include "action_items.h"

#include "own_action.h"
#include "rounds.h"
#include "targets.h"
#include "text_guard.h"

namespace ys::store {
namespace {

bool has_dimension(const Framework& fw, const std::string& id) {
    for (const auto& d : fw.dimensions)
        if (d.id == id) return true;
    return false;
}

// A title must say something: text_problem() passes an empty or blank line.
void check_own_title(const std::string& title) {
    if (title.find_first_not_of(" \t") == std::string::npos)
        throw StoreError(StoreError::Kind::Invalid, "an own action needs a title: write what is to be done");
    check_text({{TextField::ActionTitle, &title}});
}

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
    std::string title = item.title;
    if (!dimension.empty()) {
        if (!title.empty())
            throw StoreError(StoreError::Kind::Invalid, "\"" + item.action + "\" is one of framework \"" + fw->id +
                                                            "\"'s actions, which take no title of their own");
    } else if (is_own_action_id(item.action)) {
        if (title.empty()) {
            // An edit of an own action that says nothing of its title keeps the stored one.
            Statement t = c.prepare("SELECT title FROM action_item WHERE round_id = ? AND action_id = ?");
            t.bind(1, item.round).bind(2, item.action);
            if (t.step()) title = t.text(0);
        }
        check_own_title(title);
        dimension = item.dimension;
        if (!dimension.empty() && !has_dimension(*fw, dimension))
            throw StoreError(StoreError::Kind::Invalid,
                             "unknown dimension \"" + dimension + "\" in framework \"" + fw->id + "\"");
    } else {
        throw StoreError(StoreError::Kind::Invalid, "unknown action \"" + item.action + "\" in framework \"" + fw->id + "\"");
    }
    if (item.status != "not-started" && item.status != "in-progress" && item.status != "done" && item.status != "dropped")
        throw StoreError(StoreError::Kind::Invalid,
                         "unknown status \"" + item.status + "\"; expected not-started, in-progress, done or dropped");
    if (!item.due.empty() && !is_iso_date(item.due))
        throw StoreError(StoreError::Kind::Invalid, "expected a due date as YYYY-MM-DD, found \"" + item.due + "\"");
    Statement s = c.prepare(
        std::string("INSERT INTO action_item (round_id, action_id, dimension_id, owner, due_date, status, notes, title) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (round_id, action_id) DO UPDATE SET "
                    "title = excluded.title, dimension_id = excluded.dimension_id, ") +
        (merge ? "owner = coalesce(excluded.owner, owner), due_date = coalesce(excluded.due_date, due_date), "
                 "status = excluded.status, notes = coalesce(excluded.notes, notes)"
               : "owner = excluded.owner, due_date = excluded.due_date, status = excluded.status, notes = excluded.notes"));
    s.bind(1, item.round).bind(2, item.action).bind(3, dimension).bind_optional(4, item.owner).bind_optional(5, item.due);
    s.bind(6, item.status).bind_optional(7, item.notes).bind_optional(8, title);
    s.run();
}

}  // namespace

std::string add_own_action_item(Connection& c, ActionItem item) {
    // Under the write lock, so two programs adding at once cannot both take the same number.
    Transaction tx(c);
    get_round(c, item.round);
    Statement s = c.prepare(
        "SELECT coalesce(max(CAST(substr(action_id, 5) AS INTEGER)), 0) FROM action_item "
        "WHERE round_id = ? AND action_id GLOB 'own-[1-9]*'");
    s.bind(1, item.round);
    s.step();
    std::int64_t n = s.integer(0) + 1;
    check_own_title(item.title);  // says what is missing, rather than "unknown action"
    // A framework may (oddly) name an action "own-N" itself: its number is skipped.
    auto fw = load_framework(c, get_round(c, item.round).framework_hash);
    auto in_framework = [&](const std::string& id) {
        for (const auto& d : fw->dimensions)
            for (const auto& a : d.actions)
                if (a.id == id) return true;
        return false;
    };
    while (in_framework("own-" + std::to_string(n))) ++n;
    item.action = "own-" + std::to_string(n);
    write_action_item(c, item, false);
    tx.commit();
    return item.action;
}

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
        "SELECT round_id, action_id, dimension_id, owner, due_date, status, notes, title FROM action_item "
        "WHERE round_id = ? AND action_id = ?");
    s.bind(1, round).bind(2, action);
    if (!s.step()) return std::nullopt;
    return ActionItem{s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6), s.text(7)};
}

std::vector<ActionItem> list_action_items(Connection& c, const std::string& round) {
    get_round(c, round);
    std::vector<ActionItem> out;
    Statement s = c.prepare(
        "SELECT round_id, action_id, dimension_id, owner, due_date, status, notes, title FROM action_item WHERE round_id = ? "
        "ORDER BY dimension_id, action_id");
    s.bind(1, round);
    while (s.step()) out.push_back({s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6), s.text(7)});
    return out;
}

}  // namespace ys::store
