#pragma once
// The roadmap's options, as `roadmap` and `report business-case` both take them.
#include <string>
#include <vector>

#include "args.h"
#include "roadmap.h"

namespace ys::cli {

// --roles, --assumptions, --team, --covered, --structure, --departments, --horizon, --start,
// --share, --upskill, --london, --non-levy, --no-apprenticeships.
const std::vector<OptionSpec>& roadmap_option_specs();

// Fills the request's options (not its framework, catalogue, assumptions or scores).
// `req.start` stays empty when --start is not given. Returns false with a one-line error.
bool read_roadmap_options(const ParsedArgs& p, RoadmapRequest& req, std::string& error);

}  // namespace ys::cli
