#pragma once
// A costed roadmap (the figures of the business case) as a workbook: About, Cost per year
// (low, mid, high and cumulative, with the plan's total: the business case's own table),
// Cost lines (every line of every year at low, mid and high), Posts (each post line),
// Post costs (each post's lines per year, per post and in all), Posts per year, Other
// costs, the existing team, Cover, Assumptions (each dated rule with its source, and
// whether it is an assumption with its basis) and, when given, Scenarios compared. Every
// figure is build_roadmap's, to the penny, as a number.
#include <string>
#include <vector>

#include "roadmap.h"
#include "xlsx_book.h"

namespace ys::xlsx {

struct RoadmapBookInput {
    const Roadmap* roadmap = nullptr;
    const RoadmapRequest* request = nullptr;  // its scenario and assumptions
    const Framework* framework = nullptr;      // names the responsibilities
    std::vector<ScenarioSummary> compared;     // this plan first, when others are compared
    About about;
};

Book roadmap_book(const RoadmapBookInput& in);

}  // namespace ys::xlsx
