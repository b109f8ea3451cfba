#include "scenario_file.h"

#include "catalogue.h"
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

std::optional<ScenarioReference> load_scenario_reference(const std::string& roles_file,
                                                         const std::vector<std::string>& library_dirs,
                                                         Diagnostics& diags) {
    Diagnostics d(roles_file);
    std::optional<ScenarioReference> out;
    std::optional<RoleCatalogue> roles;
    if (auto doc = read_json_file(roles_file, d, definition_json_limits())) roles = parse_role_catalogue(*doc, d);
    if (roles) {
        Catalogue cat;
        for (const auto& dir : library_dirs) cat.add_library(dir, "library");
        cat.bind_all();
        auto fw = cat.framework(roles->framework_id);
        auto skills = roles->skills_framework_id.empty() ? nullptr : cat.framework(roles->skills_framework_id);
        if (!fw) d.error("/framework", "framework \"" + roles->framework_id + "\" was not found in the libraries");
        else if (check_role_catalogue(*roles, *fw, skills.get(), d)) out = ScenarioReference{std::move(*roles), fw};
    }
    diags.append(d);
    return out;
}

}  // namespace ys
