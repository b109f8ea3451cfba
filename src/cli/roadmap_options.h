#pragma once
// The roadmap's options, as `roadmap` and `report business-case` both take them: a plan
// written on the command line, for when there is no scenario file.
#include <string>
#include <vector>

#include "args.h"
#include "roadmap.h"

namespace ys::cli {

// --roles, --assumptions, --team, --post, --covered, --structure, --departments, --horizon,
// --start, --share, --upskill, --london-area, --non-levy, --no-apprenticeships, --no-proposals.
const std::vector<OptionSpec>& roadmap_option_specs();

// Whether any option that writes the plan itself was given (they cannot be mixed with a
// scenario file).
bool plan_options_given(const ParsedArgs& p);

// Fills req.scenario from the options (not the framework, catalogue, assumptions or
// scores). `req.scenario.start` stays empty when --start is not given. Returns false with a
// one-line error.
bool read_roadmap_options(const ParsedArgs& p, RoadmapRequest& req, std::string& error);

}  // namespace ys::cli
