#include "organisations.h"

#include "bundle.h"
#include "json_fields.h"
#include "text_guard.h"

namespace ys::store {
namespace {

void invalid(const std::string& message) { throw StoreError(StoreError::Kind::Invalid, message); }

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

}  // namespace

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
    if (find_organisation(c, o.id)) invalid("organisation \"" + o.id + "\" already exists");
    if (!o.parent.empty() && !find_organisation(c, o.parent))
        throw StoreError(StoreError::Kind::NotFound, "parent organisation \"" + o.parent + "\" does not exist");
    Statement s = c.prepare(
        "INSERT INTO organisation (id, name, type, region, ons_code, parent_id) VALUES (?, ?, ?, ?, ?, ?)");
    s.bind(1, o.id).bind(2, o.name).bind(3, o.type).bind_optional(4, o.region).bind_optional(5, o.ons_code);
    s.bind_optional(6, o.parent);
    s.run();
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
    if (!find_organisation(c, id)) throw StoreError(StoreError::Kind::NotFound, "organisation \"" + id + "\" does not exist");
    if (!new_parent.empty()) {
        // Walk up from the new parent: meeting the organisation itself would make a cycle.
        std::string at = new_parent;
        for (int guard = 0; !at.empty() && guard < 10000; ++guard) {
            if (at == id) invalid("cannot move \"" + id + "\" under \"" + new_parent + "\": it would sit under itself");
            auto p = find_organisation(c, at);
            if (!p) throw StoreError(StoreError::Kind::NotFound, "organisation \"" + at + "\" does not exist");
            at = p->parent;
        }
    }
    Statement s = c.prepare("UPDATE organisation SET parent_id = ? WHERE id = ?");
    s.bind_optional(1, new_parent).bind(2, id);
    s.run();
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
