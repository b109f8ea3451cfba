#include "scenario_file.h"

#include "input_limits.h"
#include "json_read.h"

namespace ys {

std::optional<RoadmapScenario> read_scenario_file(const std::string& path, Diagnostics& diags) {
    Diagnostics d(path);
    std::optional<RoadmapScenario> out;
    if (auto doc = read_json_file(path, d, definition_json_limits())) out = parse_scenario(*doc, d);
    diags.append(d);
    return out;
}

}  // namespace ys
