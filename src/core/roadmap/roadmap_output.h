#pragma once
// A roadmap as a text table, JSON or CSV, and scenarios side by side. The CSV is for
// finance: a row per post line, plan year and cost line (with the cost per post beside the
// line's total), a row per non-staff line and year, then the plan's totals; every figure to
// the penny as the reports print it.
#include <ostream>
#include <vector>

#include <nlohmann/json.hpp>

#include "roadmap.h"

namespace ys {

void write_roadmap_table(std::ostream& out, const Roadmap& r, const Framework& fw);
nlohmann::json roadmap_json(const Roadmap& r);
void write_roadmap_csv(std::ostream& out, const Roadmap& r);

void write_comparison_table(std::ostream& out, const std::vector<ScenarioSummary>& s);
nlohmann::json comparison_json(const std::vector<ScenarioSummary>& s);
void write_comparison_csv(std::ostream& out, const std::vector<ScenarioSummary>& s);

}  // namespace ys
