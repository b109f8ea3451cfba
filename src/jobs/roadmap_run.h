#pragma once
// The steps of costing a roadmap that the business case and the workbook share. Inside
// src/jobs; each throws JobFailure with one line.
#include <string>
#include <vector>

#include "organisations.h"
#include "roadmap.h"
#include "roadmap_inputs.h"

namespace ys::jobs {

// The role catalogue, its framework and the assumptions; the first problem when they cannot be read.
RoadmapInputs roadmap_inputs_or_fail(const std::string& roles_file, const std::string& assumptions_file,
                                     const std::vector<std::string>& library_dirs);

// A round's scores set the aims only when the round measures the catalogue's framework.
void require_same_framework(const std::string& round, const std::string& round_framework,
                            const std::string& catalogue_framework);

// The organisation's type, region and ONS code, which the assumptions may depend on.
void set_organisation(RoadmapRequest& req, const store::OrgRecord& org);

// The plan; when other scenarios are compared, a refusal names the plan's scenario.
Roadmap build_plan_or_fail(const RoadmapRequest& req, bool comparing);

// The other scenarios costed as `req` is (same organisation, round and start when they
// give none), summarised in order.
std::vector<ScenarioSummary> cost_scenarios(const RoadmapRequest& req, const std::vector<RoadmapScenario>& others);

}  // namespace ys::jobs
