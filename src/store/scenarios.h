#pragma once
// Roadmap scenarios saved per organisation (table roadmap_scenario): a scenario belongs to
// one organisation, is stored under its name as scenario_json text, and is never shared:
// bundles and exports do not carry scenarios.
#include <cstdint>
#include <string>
#include <vector>

#include "scenario.h"
#include "sqlite_handle.h"

namespace ys::store {

struct SavedScenario {
    std::string name;
    std::int64_t saved_at = 0;  // seconds since 1970 (UTC), when it was last saved
    std::string start;          // YYYY-MM-DD, from the scenario
    int horizon_years = 0;
    bool damaged = false;       // the stored content does not read as a scenario (load says why)
};

// Each throws StoreError with one line: NotFound for an unknown organisation or scenario,
// Invalid for a name clash (without `replace`) or a scenario that would not read back,
// Corrupt for a stored scenario that does not read. A refusal writes nothing.

// Stores `s` under its name; with `replace`, overwrites a scenario of the same name.
void save_scenario(Connection& c, const std::string& org_id, const RoadmapScenario& s, bool replace);
// Whether the organisation has a scenario of this name saved (false for an unknown organisation).
bool scenario_exists(Connection& c, const std::string& org_id, const std::string& name);
// The organisation's scenarios, by name.
std::vector<SavedScenario> list_scenarios(Connection& c, const std::string& org_id);
RoadmapScenario load_scenario(Connection& c, const std::string& org_id, const std::string& name);
// Renames a scenario (its stored content too); refuses a name already used.
void rename_scenario(Connection& c, const std::string& org_id, const std::string& from, const std::string& to);
void delete_scenario(Connection& c, const std::string& org_id, const std::string& name);

}  // namespace ys::store
