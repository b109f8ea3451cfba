#include "scenario_files.h"

#include <optional>

#include "scenario_file.h"

namespace ys::cli {

bool read_scenario_files(const std::vector<std::string>& files, const RoleCatalogue& roles, const Framework& fw,
                         std::vector<RoadmapScenario>& out, std::ostream& err) {
    bool bad = false;
    for (const auto& f : files) {
        Diagnostics d(f);
        std::optional<RoadmapScenario> s = read_scenario_file(f, d);  // the size limit and caps, then parse_scenario
        if (s) check_scenario(*s, roles, fw, d);
        for (const auto& item : d.items()) err << to_string(item) << "\n";
        if (!s || d.error_count()) bad = true;
        else out.push_back(std::move(*s));
    }
    return !bad;
}

}  // namespace ys::cli
