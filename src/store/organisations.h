#pragma once
// Organisations as a hierarchy (region > council > department) and named peer groups.
#include <optional>
#include <string>
#include <vector>

#include "sqlite_handle.h"

namespace ys::store {

struct OrgRecord {
    std::string id;
    std::string name;
    std::string type;
    std::string region;
    std::string ons_code;
    std::string parent;
};

struct OrgEdit {
    std::optional<std::string> name, type, region, ons_code;
};

// Each checks its input and throws StoreError(Invalid or NotFound) with one line.
void add_organisation(Connection& c, const OrgRecord& org);
void edit_organisation(Connection& c, const std::string& id, const OrgEdit& edit);
// Both refuse to make the hierarchy deeper than kMaxOrganisationDepth (org_tree.h).
// Moves under a new parent ("" for the top); refuses moves that would make a cycle. Moving
// to the top always works, so a loop made by hand in the database can be broken.
void move_organisation(Connection& c, const std::string& id, const std::string& new_parent);
// Removes an organisation that holds nothing yet (a mistyped one, or an add undone): one with
// rounds, saved roadmap scenarios or organisations under it is refused. Its targets and group memberships go with it.
void remove_organisation(Connection& c, const std::string& id);
std::vector<OrgRecord> list_organisations(Connection& c);
std::optional<OrgRecord> find_organisation(Connection& c, const std::string& id);
// The level `id` sits at, 1 at the top; a loop of parents is refused (StoreError Corrupt).
int organisation_level(Connection& c, const std::string& id);

void add_peer_group(Connection& c, const std::string& id, const std::string& name);
void add_peer_group_member(Connection& c, const std::string& group, const std::string& organisation);
struct PeerGroup {
    std::string id, name;
    std::vector<std::string> members;
};
std::vector<PeerGroup> list_peer_groups(Connection& c);

bool is_organisation_type(const std::string& type);

}  // namespace ys::store
