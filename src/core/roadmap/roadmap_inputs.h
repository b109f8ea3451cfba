#pragma once
// Reading what a roadmap is costed from: the role catalogue, the assumptions file and
// the framework the catalogue names, each checked.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "assumptions.h"
#include "diagnostics.h"
#include "framework.h"
#include "roles.h"

namespace ys {

struct RoadmapInputs {
    std::shared_ptr<const Framework> framework;
    RoleCatalogue roles;
    Assumptions assumptions;
};

std::optional<RoadmapInputs> load_roadmap_inputs(const std::string& roles_file, const std::string& assumptions_file,
                                                 const std::vector<std::string>& library_dirs, Diagnostics& diags);

}  // namespace ys
