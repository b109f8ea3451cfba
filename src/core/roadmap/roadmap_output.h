#pragma once
// A roadmap as a text table, JSON or CSV (one row per year and cost line).
#include <ostream>

#include <nlohmann/json.hpp>

#include "roadmap.h"

namespace ys {

void write_roadmap_table(std::ostream& out, const Roadmap& r, const Framework& fw);
nlohmann::json roadmap_json(const Roadmap& r);
void write_roadmap_csv(std::ostream& out, const Roadmap& r);

}  // namespace ys
