#pragma once
// Steps of build_roadmap that stand alone.
#include <string>

#include "roadmap.h"

namespace ys {

// The last day of the plan's horizon.
std::string end_of_plan(const RoadmapScenario& s);
// Adds the scenario's non-staff lines to the roadmap: one OtherCost each, and a line per
// category in every year (uplifted, prorated by day, warnings for dates outside the plan).
void cost_other_lines(const RoadmapScenario& s, Roadmap& out);
// The notes and assumptions a plan rests on, in words.
void write_plan_notes(const RoadmapRequest& req, Roadmap& out);

}  // namespace ys
