#pragma once
// Reading a roadmap scenario file: the definition files' size limit and the scenario
// caps (input_limits.h), then parse_scenario. Shared by `scenario save`, `validate` and
// `roadmap --scenario`.
#include <optional>
#include <string>

#include "diagnostics.h"
#include "scenario.h"

namespace ys {

// Problems go to `diags` under `path` (its file name is set to path for the call).
// nullopt when the file could not be read or any error was found.
std::optional<RoadmapScenario> read_scenario_file(const std::string& path, Diagnostics& diags);

}  // namespace ys
