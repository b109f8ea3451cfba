#include "peer_groups.h"

#include <cctype>

#include "json_fields.h"
#include "store_errors.h"
#include "text_guard.h"

namespace ys::store {

namespace {

[[noreturn]] void no_group(const std::string& id) {
    throw StoreError(StoreError::Kind::NotFound, "peer group \"" + id + "\" does not exist");
}

}  // namespace

std::optional<PeerGroup> find_peer_group(Connection& c, const std::string& id) {
    for (auto& g : list_peer_groups(c))
        if (g.id == id) return g;
    return std::nullopt;
}

void rename_peer_group(Connection& c, const std::string& id, const std::string& name) {
    check_text({{TextField::PeerGroupName, &name}});
    if (name.empty()) invalid("peer group \"" + id + "\" needs a name");
    Statement s = c.prepare("UPDATE peer_group SET name = ? WHERE id = ?");
    s.bind(1, name).bind(2, id);
    s.run();
    if (c.changes() == 0) no_group(id);
}

void remove_peer_group_member(Connection& c, const std::string& group, const std::string& organisation) {
    Transaction t(c);
    if (!find_peer_group(c, group)) no_group(group);
    Statement s = c.prepare("DELETE FROM peer_group_member WHERE group_id = ? AND organisation_id = ?");
    s.bind(1, group).bind(2, organisation);
    s.run();
    if (c.changes() == 0)
        throw StoreError(StoreError::Kind::NotFound, "organisation \"" + organisation + "\" is not in peer group \"" + group + "\"");
    t.commit();
}

PeerGroup delete_peer_group(Connection& c, const std::string& id) {
    Transaction t(c);
    auto g = find_peer_group(c, id);
    if (!g) no_group(id);
    Statement s = c.prepare("DELETE FROM peer_group WHERE id = ?");  // its members go with it (ON DELETE CASCADE)
    s.bind(1, id);
    s.run();
    t.commit();
    return *g;
}

void put_peer_group(Connection& c, const PeerGroup& g) {
    Transaction t(c);
    add_peer_group(c, g.id, g.name);  // checks the id and name; adds or renames
    Statement d = c.prepare("DELETE FROM peer_group_member WHERE group_id = ?");
    d.bind(1, g.id);
    d.run();
    for (const auto& m : g.members)
        if (find_organisation(c, m)) add_peer_group_member(c, g.id, m);
    t.commit();
}

std::string new_peer_group_id(Connection& c, const std::string& name) {
    std::string base;
    for (unsigned char ch : name) {
        if (std::isalnum(ch) && ch < 0x80) base += static_cast<char>(std::tolower(ch));
        else if (!base.empty() && base.back() != '-') base += '-';
    }
    while (!base.empty() && base.back() == '-') base.pop_back();
    if (base.size() > 40) base.resize(40);
    while (!base.empty() && base.back() == '-') base.pop_back();
    if (base.empty() || !std::isalpha(static_cast<unsigned char>(base[0]))) base = "group" + (base.empty() ? "" : "-" + base);
    std::string id = base;
    for (int n = 2; find_peer_group(c, id); ++n) id = base + "-" + std::to_string(n);
    return id;
}

}  // namespace ys::store
