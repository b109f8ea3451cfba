#include "organisations.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "bundle.h"
#include "json_fields.h"
#include "org_tree.h"
#include "text_guard.h"
#include "store_errors.h"

namespace ys::store {
namespace {

void check_fields(const OrgRecord& o) {
    if (!is_valid_id(o.id))
        invalid("organisation id \"" + o.id + "\" is not valid; expected lower case letters, digits, '-', '_' or '.'");
    if (o.name.empty()) invalid("organisation \"" + o.id + "\" needs a name");
    if (!is_organisation_type(o.type))
        invalid("unknown organisation type \"" + o.type +
                "\"; expected region, london-borough, metropolitan-district, county, unitary, district, department or other");
    if (!o.ons_code.empty() && !is_ons_code(o.ons_code))
        invalid("ONS code \"" + o.ons_code + "\" is not valid; expected a capital letter and 8 digits, such as E09000001");
}

std::string levels(int n) { return std::to_string(n) + (n == 1 ? " level" : " levels"); }

// How many levels `id` sits at (1 at the top), walking up with a visited set: a loop of
// parents (only a database edited by hand can hold one) is refused, however long.
int level_of(Connection& c, const std::string& id) {
    std::unordered_set<std::string> visited;
    int level = 0;
    for (std::string at = id; !at.empty();) {
        if (!visited.insert(at).second)
            throw StoreError(StoreError::Kind::Corrupt, c.path() + ": the organisations above \"" + id +
                                                            "\" form a loop of parents at \"" + at +
                                                            "\"; move one of them to the top: yardstick-cli org move " + at +
                                                            " --top");
        auto o = find_organisation(c, at);
        if (!o) break;  // a missing parent: the organisation shows at the top
        ++level;
        at = o->parent;
    }
    return level;
}

// Levels in `id`'s subtree, itself included (1 for one with nothing under it), walked
// without recursion; a loop below (hand-edited) ends the walk where it repeats.
int height_of(Connection& c, const std::string& id) {
    std::unordered_map<std::string, std::vector<std::string>> children;
    Statement s = c.prepare("SELECT id, parent_id FROM organisation WHERE parent_id IS NOT NULL");
    while (s.step()) children[s.text(1)].push_back(s.text(0));
    std::unordered_set<std::string> visited{id};
    std::vector<std::pair<std::string, int>> stack{{id, 1}};
    int height = 1;
    while (!stack.empty()) {
        auto [at, h] = stack.back();
        stack.pop_back();
        height = std::max(height, h);
        for (const auto& ch : children[at])
            if (visited.insert(ch).second) stack.emplace_back(ch, h + 1);
    }
    return height;
}

void refuse_too_deep(const std::string& what, int level) {
    if (level > kMaxOrganisationDepth)
        invalid(what + " would make the hierarchy " + levels(level) + " deep; at most " + levels(kMaxOrganisationDepth) +
                " are allowed (region > council > department needs three)");
}

}  // namespace

int organisation_level(Connection& c, const std::string& id) { return level_of(c, id); }

bool is_organisation_type(const std::string& t) {
    for (const char* k : {"region", "london-borough", "metropolitan-district", "county", "unitary", "district",
                          "department", "other"})
        if (t == k) return true;
    return false;
}

std::optional<OrgRecord> find_organisation(Connection& c, const std::string& id) {
    Statement s = c.prepare("SELECT id, name, type, region, ons_code, parent_id FROM organisation WHERE id = ?");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return OrgRecord{s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5)};
}

void add_organisation(Connection& c, const OrgRecord& o) {
    check_text({{TextField::OrganisationId, &o.id}, {TextField::OrganisationName, &o.name}, {TextField::Region, &o.region},
                {TextField::OnsCode, &o.ons_code}, {TextField::OrganisationId, &o.parent}});
    check_fields(o);
    Transaction t(c);  // checked and stored under one write lock, so two programs adding one id get a clear refusal
    if (find_organisation(c, o.id)) invalid("organisation \"" + o.id + "\" already exists");
    if (!o.parent.empty() && !find_organisation(c, o.parent))
        throw StoreError(StoreError::Kind::NotFound, "parent organisation \"" + o.parent + "\" does not exist");
    if (!o.parent.empty()) refuse_too_deep("adding \"" + o.id + "\" under \"" + o.parent + "\"", level_of(c, o.parent) + 1);
    Statement s = c.prepare(
        "INSERT INTO organisation (id, name, type, region, ons_code, parent_id) VALUES (?, ?, ?, ?, ?, ?)");
    s.bind(1, o.id).bind(2, o.name).bind(3, o.type).bind_optional(4, o.region).bind_optional(5, o.ons_code);
    s.bind_optional(6, o.parent);
    s.run();
    t.commit();
}

void edit_organisation(Connection& c, const std::string& id, const OrgEdit& e) {
    check_text({{TextField::OrganisationName, e.name ? &*e.name : nullptr}, {TextField::Region, e.region ? &*e.region : nullptr},
                {TextField::OnsCode, e.ons_code ? &*e.ons_code : nullptr}});
    auto current = find_organisation(c, id);
    if (!current) throw StoreError(StoreError::Kind::NotFound, "organisation \"" + id + "\" does not exist");
    OrgRecord o = *current;
    if (e.name) o.name = *e.name;
    if (e.type) o.type = *e.type;
    if (e.region) o.region = *e.region;
    if (e.ons_code) o.ons_code = *e.ons_code;
    check_fields(o);
    Statement s = c.prepare("UPDATE organisation SET name = ?, type = ?, region = ?, ons_code = ? WHERE id = ?");
    s.bind(1, o.name).bind(2, o.type).bind_optional(3, o.region).bind_optional(4, o.ons_code).bind(5, id);
    s.run();
}

void move_organisation(Connection& c, const std::string& id, const std::string& new_parent) {
    // Checked and moved under one write lock: two programs moving a under b and b under a at
    // once cannot make a loop between them.
    Transaction t(c);
    if (!find_organisation(c, id)) throw StoreError(StoreError::Kind::NotFound, "organisation \"" + id + "\" does not exist");
    if (!new_parent.empty()) {
        // Walk up from the new parent, every step remembered: meeting the organisation itself
        // would make a cycle; meeting any other twice means the database already holds one.
        std::unordered_set<std::string> visited;
        for (std::string at = new_parent; !at.empty();) {
            if (at == id) invalid("cannot move \"" + id + "\" under \"" + new_parent + "\": it would sit under itself");
            if (!visited.insert(at).second)
                throw StoreError(StoreError::Kind::Corrupt, c.path() + ": the organisations above \"" + new_parent +
                                                                "\" form a loop of parents at \"" + at +
                                                                "\"; move one of them to the top first: yardstick-cli org move " +
                                                                at + " --top");
            auto p = find_organisation(c, at);
            if (!p) throw StoreError(StoreError::Kind::NotFound, "organisation \"" + at + "\" does not exist");
            at = p->parent;
        }
        refuse_too_deep("moving \"" + id + "\" under \"" + new_parent + "\"",
                        static_cast<int>(visited.size()) + height_of(c, id));
    }
    Statement s = c.prepare("UPDATE organisation SET parent_id = ? WHERE id = ?");
    s.bind_optional(1, new_parent).bind(2, id);
    s.run();
    t.commit();
}

void remove_organisation(Connection& c, const std::string& id) {
    Transaction t(c);
    if (!find_organisation(c, id)) throw StoreError(StoreError::Kind::NotFound, "organisation \"" + id + "\" does not exist");
    auto count = [&](const char* sql) {
        Statement s = c.prepare(sql);
        s.bind(1, id);
        s.step();
        return s.integer(0);
    };
    if (auto n = count("SELECT count(*) FROM organisation WHERE parent_id = ?"))
        invalid("organisation \"" + id + "\" has " + std::to_string(n) + " organisation" + (n == 1 ? "" : "s") +
                " under it; move or remove them first");
    if (auto n = count("SELECT count(*) FROM round WHERE organisation_id = ?"))
        invalid("organisation \"" + id + "\" has " + std::to_string(n) + " round" + (n == 1 ? "" : "s") +
                " of answers; it cannot be removed");
    // Its saved roadmap scenarios would go with it (ON DELETE CASCADE): never silently.
    if (auto n = count("SELECT count(*) FROM roadmap_scenario WHERE organisation_id = ?"))
        invalid("organisation \"" + id + "\" has " + std::to_string(n) + " saved roadmap scenario" + (n == 1 ? "" : "s") +
                "; delete them first");
    Statement s = c.prepare("DELETE FROM organisation WHERE id = ?");
    s.bind(1, id);
    s.run();
    t.commit();
}

std::vector<OrgRecord> list_organisations(Connection& c) {
    std::vector<OrgRecord> out;
    Statement s = c.prepare("SELECT id, name, type, region, ons_code, parent_id FROM organisation ORDER BY id");
    while (s.step()) out.push_back({s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5)});
    return out;
}

void add_peer_group(Connection& c, const std::string& id, const std::string& name) {
    check_text({{TextField::PeerGroupId, &id}, {TextField::PeerGroupName, &name}});
    if (!is_valid_id(id)) invalid("peer group id \"" + id + "\" is not valid");
    if (name.empty()) invalid("peer group \"" + id + "\" needs a name");
    Statement s = c.prepare("INSERT INTO peer_group (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name");
    s.bind(1, id).bind(2, name);
    s.run();
}

void add_peer_group_member(Connection& c, const std::string& group, const std::string& organisation) {
    Statement g = c.prepare("SELECT 1 FROM peer_group WHERE id = ?");
    g.bind(1, group);
    if (!g.step()) throw StoreError(StoreError::Kind::NotFound, "peer group \"" + group + "\" does not exist");
    if (!find_organisation(c, organisation))
        throw StoreError(StoreError::Kind::NotFound, "organisation \"" + organisation + "\" does not exist");
    Statement s = c.prepare("INSERT OR IGNORE INTO peer_group_member (group_id, organisation_id) VALUES (?, ?)");
    s.bind(1, group).bind(2, organisation);
    s.run();
}

std::vector<PeerGroup> list_peer_groups(Connection& c) {
    std::vector<PeerGroup> out;
    Statement s = c.prepare("SELECT id, name FROM peer_group ORDER BY id");
    while (s.step()) out.push_back({s.text(0), s.text(1), {}});
    Statement m = c.prepare("SELECT organisation_id FROM peer_group_member WHERE group_id = ? ORDER BY organisation_id");
    for (auto& g : out) {
        m.reset();
        m.bind(1, g.id);
        while (m.step()) g.members.push_back(m.text(0));
    }
    return out;
}

}  // namespace ys::store
