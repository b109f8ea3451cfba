#pragma once
// Reading a roadmap scenario file: the definition files' size limit and the scenario
// caps (input_limits.h), then parse_scenario. Shared by `scenario save`, `validate` and
// `roadmap --scenario`.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "diagnostics.h"
#include "framework.h"
#include "roles.h"
#include "scenario.h"

namespace ys {

// Problems go to `diags` under `path` (its file name is set to path for the call).
// nullopt when the file could not be read or any error was found.
std::optional<RoadmapScenario> read_scenario_file(const std::string& path, Diagnostics& diags);

// What check_scenario needs: a role catalogue, checked, and the framework it names (found
// in the library folders). Needs no assumptions file: a scenario's roles and
// responsibilities are checked before anything is costed.
struct ScenarioReference {
    RoleCatalogue roles;
    std::shared_ptr<const Framework> framework;
};
std::optional<ScenarioReference> load_scenario_reference(const std::string& roles_file,
                                                         const std::vector<std::string>& library_dirs,
                                                         Diagnostics& diags);

}  // namespace ys
