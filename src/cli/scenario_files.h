#pragma once
// Roadmap scenario files as `roadmap` and `report business-case` both read them: each file
// read, parsed and checked against the role catalogue and framework it will be costed
// with, every problem reported with the file's name and its JSON pointer.
#include <ostream>
#include <string>
#include <vector>

#include "framework.h"
#include "roles.h"
#include "scenario.h"

namespace ys::cli {

// Reads every file before returning (so one run lists the problems of all of them), one
// line per problem to `err`. Returns false, with `out` incomplete, when any had an error.
bool read_scenario_files(const std::vector<std::string>& files, const RoleCatalogue& roles, const Framework& fw,
                         std::vector<RoadmapScenario>& out, std::ostream& err);

}  // namespace ys::cli
