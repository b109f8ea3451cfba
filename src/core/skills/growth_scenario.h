#pragma once
// The skills plan as a roadmap scenario (docs/skills.md, "Into the roadmap"): the team as it is
// (one post per person, in their current role), a "grown-from" post for each person the plan
// makes ready for their target role, starting on the day they are ready, and the training the
// council pays for as cost lines. `yardstick-cli roadmap --scenario` then costs the growth
// (only the rise in pay and on-costs is new money) beside the rest of the plan.
#include <string>

#include "roadmap/scenario.h"
#include "team_skills.h"

namespace ys::skills {

// `created`: YYYY-MM-DD, the day the scenario is written. The scenario starts on the plan's
// start and runs a year past the day the last person is ready or the last training ends
// (whole years, 1 to 20). Posts and lines are named as the profile names people ("Person 3" when anonymised).
RoadmapScenario growth_scenario(const TeamProfile& profile, const TrainingPlan& plan, const RoleCatalogue& roles,
                                const std::string& created);

}  // namespace ys::skills
