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

// The same, against the catalogue and assumptions they will be costed with, read first
// (empty names: the shipped ones under `shipped_dir`; their problems go to `err` too).
// Returns 0 with `out` filled, else the exit code for invalid input.
int read_scenarios_for_costing(const std::string& roles_file, const std::string& assumptions_file,
                               const std::string& shipped_dir, const std::vector<std::string>& library_dirs,
                               const std::vector<std::string>& files, std::vector<RoadmapScenario>& out,
                               std::ostream& err);

}  // namespace ys::cli
