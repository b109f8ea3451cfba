#include "scenario_files.h"

#include <optional>

#include "exit_codes.h"
#include "job_support.h"
#include "roadmap_inputs.h"
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

int read_scenarios_for_costing(const std::string& roles_file, const std::string& assumptions_file,
                               const std::string& shipped_dir, const std::vector<std::string>& library_dirs,
                               const std::vector<std::string>& files, std::vector<RoadmapScenario>& out,
                               std::ostream& err) {
    Diagnostics diags;
    auto inputs = load_roadmap_inputs(jobs::roles_file_or_shipped(roles_file, shipped_dir),
                                      jobs::assumptions_file_or_shipped(assumptions_file, shipped_dir), library_dirs, diags);
    for (const auto& d : diags.items()) err << to_string(d) << "\n";
    if (!inputs) return exit_code::invalid_input;
    if (!read_scenario_files(files, inputs->roles, *inputs->framework, out, err)) return exit_code::invalid_input;
    return exit_code::ok;
}

}  // namespace ys::cli
