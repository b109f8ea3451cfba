#include "scenarios.h"

#include "json_read.h"
#include "organisations.h"
#include "rounds.h"  // now_seconds
#include "store_errors.h"

namespace ys::store {
namespace {

void require_organisation(Connection& c, const std::string& org_id) {
    if (!find_organisation(c, org_id))
        throw StoreError(StoreError::Kind::NotFound, "organisation \"" + org_id + "\" does not exist");
}

std::string label(const std::string& org_id, const std::string& name) {
    return "scenario \"" + name + "\" of organisation \"" + org_id + "\"";
}

// The content to store: scenario_json, refused unless it reads back as a scenario (a
// scenario built in code, by the desktop app, is held to the file's rules).
std::string content_of(const RoadmapScenario& s) {
    nlohmann::json j = scenario_json(s);
    Diagnostics d("scenario \"" + s.name + "\"");
    if (!parse_scenario(j, d)) invalid(first_problem(d));
    return j.dump();
}

std::optional<RoadmapScenario> read_content(const std::string& content, Diagnostics& d) {
    auto doc = parse_json_text(content, d);
    if (!doc) return std::nullopt;
    return parse_scenario(*doc, d);
}

bool exists(Connection& c, const std::string& org_id, const std::string& name) {
    Statement s = c.prepare("SELECT 1 FROM roadmap_scenario WHERE organisation_id = ? AND name = ?");
    s.bind(1, org_id).bind(2, name);
    return s.step();
}

std::string stored_content(Connection& c, const std::string& org_id, const std::string& name) {
    Statement s = c.prepare("SELECT content FROM roadmap_scenario WHERE organisation_id = ? AND name = ?");
    s.bind(1, org_id).bind(2, name);
    if (!s.step())
        throw StoreError(StoreError::Kind::NotFound,
                         "no scenario named \"" + name + "\" is saved for organisation \"" + org_id + "\"");
    return s.text(0);
}

RoadmapScenario parse_stored(const std::string& org_id, const std::string& name, const std::string& content) {
    Diagnostics d(label(org_id, name));
    auto s = read_content(content, d);
    if (!s) throw StoreError(StoreError::Kind::Corrupt, first_problem(d) + " (the stored scenario is damaged; delete it and save it again)");
    return std::move(*s);
}

}  // namespace

void save_scenario(Connection& c, const std::string& org_id, const RoadmapScenario& s, bool replace) {
    const std::string content = content_of(s);
    Transaction t(c);
    require_organisation(c, org_id);
    if (!replace && exists(c, org_id, s.name))
        invalid("a scenario named \"" + s.name + "\" is already saved for organisation \"" + org_id +
                "\"; replace it, or give the scenario another name");
    Statement st = c.prepare(
        "INSERT INTO roadmap_scenario (organisation_id, name, content, created_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (organisation_id, name) DO UPDATE SET content = excluded.content, created_at = excluded.created_at");
    st.bind(1, org_id).bind(2, s.name).bind(3, content).bind(4, now_seconds());
    st.run();
    t.commit();
}

bool scenario_exists(Connection& c, const std::string& org_id, const std::string& name) {
    return exists(c, org_id, name);
}

std::vector<SavedScenario> list_scenarios(Connection& c, const std::string& org_id) {
    require_organisation(c, org_id);
    std::vector<SavedScenario> out;
    Statement s = c.prepare("SELECT name, created_at, content FROM roadmap_scenario WHERE organisation_id = ? ORDER BY name");
    s.bind(1, org_id);
    while (s.step()) {
        SavedScenario row;
        row.name = s.text(0);
        row.saved_at = s.integer(1);
        Diagnostics d;
        if (auto sc = read_content(s.text(2), d)) {
            row.start = sc->start;
            row.horizon_years = sc->horizon_years;
        } else {
            row.damaged = true;
        }
        out.push_back(std::move(row));
    }
    return out;
}

RoadmapScenario load_scenario(Connection& c, const std::string& org_id, const std::string& name) {
    require_organisation(c, org_id);
    return parse_stored(org_id, name, stored_content(c, org_id, name));
}

void rename_scenario(Connection& c, const std::string& org_id, const std::string& from, const std::string& to) {
    Transaction t(c);
    require_organisation(c, org_id);
    RoadmapScenario s = parse_stored(org_id, from, stored_content(c, org_id, from));
    if (from == to) return;
    if (exists(c, org_id, to))
        invalid("a scenario named \"" + to + "\" is already saved for organisation \"" + org_id +
                "\"; choose another name, or delete that one first");
    s.name = to;
    const std::string content = content_of(s);  // checks the new name as the file's rules do
    Statement st = c.prepare("UPDATE roadmap_scenario SET name = ?, content = ? WHERE organisation_id = ? AND name = ?");
    st.bind(1, to).bind(2, content).bind(3, org_id).bind(4, from);
    st.run();
    t.commit();
}

void delete_scenario(Connection& c, const std::string& org_id, const std::string& name) {
    Transaction t(c);
    require_organisation(c, org_id);
    Statement s = c.prepare("DELETE FROM roadmap_scenario WHERE organisation_id = ? AND name = ?");
    s.bind(1, org_id).bind(2, name);
    s.run();
    if (c.changes() == 0)
        throw StoreError(StoreError::Kind::NotFound,
                         "no scenario named \"" + name + "\" is saved for organisation \"" + org_id + "\"");
    t.commit();
}

}  // namespace ys::store
