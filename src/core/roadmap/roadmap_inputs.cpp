#include "roadmap_inputs.h"

#include "catalogue.h"
#include "json_read.h"

namespace ys {

std::optional<RoadmapInputs> load_roadmap_inputs(const std::string& roles_file, const std::string& assumptions_file,
                                                 const std::vector<std::string>& library_dirs, Diagnostics& diags) {
    std::size_t before = diags.error_count();
    Catalogue cat;
    for (const auto& d : library_dirs) cat.add_library(d, "library");
    cat.bind_all();
    RoadmapInputs out;
    Diagnostics dr(roles_file);
    std::optional<RoleCatalogue> roles;
    if (auto doc = read_json_file(roles_file, dr)) roles = parse_role_catalogue(*doc, dr);
    if (roles) {
        out.framework = cat.framework(roles->framework_id);
        auto skills = roles->skills_framework_id.empty() ? nullptr : cat.framework(roles->skills_framework_id);
        if (!out.framework) dr.error("/framework", "framework \"" + roles->framework_id + "\" was not found in the libraries");
        else check_role_catalogue(*roles, *out.framework, skills.get(), dr);
    }
    diags.append(dr);
    Diagnostics da(assumptions_file);
    std::optional<Assumptions> assumptions;
    if (auto doc = read_json_file(assumptions_file, da)) assumptions = parse_assumptions(*doc, da);
    diags.append(da);
    if (diags.error_count() != before || !roles || !assumptions) return std::nullopt;
    out.roles = std::move(*roles);
    out.assumptions = std::move(*assumptions);
    return out;
}

}  // namespace ys
