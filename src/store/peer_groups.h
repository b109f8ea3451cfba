#pragma once
// Peer groups edited in place (the desktop app's Peer groups dialog): renamed, members
// taken out, deleted. Adding a group or a member is in organisations.h.
#include <optional>
#include <string>

#include "organisations.h"
#include "sqlite_handle.h"

namespace ys::store {

// Each throws StoreError with one line, NotFound for a group or member not there, and
// writes nothing when it refuses.
std::optional<PeerGroup> find_peer_group(Connection& c, const std::string& id);
void rename_peer_group(Connection& c, const std::string& id, const std::string& name);
void remove_peer_group_member(Connection& c, const std::string& group, const std::string& organisation);
// Deletes the group and its list of members (never the organisations); returns what it was,
// for an undo to put back with put_peer_group.
PeerGroup delete_peer_group(Connection& c, const std::string& id);
// Makes the group exactly `g` (name and members), in one transaction; members that are no
// longer organisations are left out.
void put_peer_group(Connection& c, const PeerGroup& g);
// A free id for a group named `name`: its words in lower case joined by '-', made unique.
std::string new_peer_group_id(Connection& c, const std::string& name);

}  // namespace ys::store
