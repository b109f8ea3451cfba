#include "roadmap_run.h"

#include "diagnostics.h"
#include "exit_codes.h"
#include "job_support.h"

namespace ys::jobs {

RoadmapInputs roadmap_inputs_or_fail(const std::string& roles_file, const std::string& assumptions_file,
                                     const std::vector<std::string>& library_dirs) {
    Diagnostics diags;
    auto inputs = load_roadmap_inputs(roles_file, assumptions_file, library_dirs, diags);
    if (!inputs) fail(exit_code::invalid_input, diags.items().empty() ? "the role catalogue could not be read"
                                                                      : to_string(diags.items().front()));
    return std::move(*inputs);
}

void require_same_framework(const std::string& round, const std::string& round_framework,
                            const std::string& catalogue_framework) {
    if (round_framework != catalogue_framework)
        fail(exit_code::invalid_input, "round \"" + round + "\" measures framework \"" + round_framework +
                                           "\" but the role catalogue is for \"" + catalogue_framework + "\"");
}

void set_organisation(RoadmapRequest& req, const store::OrgRecord& org) {
    req.organisation_type = org.type;
    req.organisation_region = org.region;
    req.organisation_ons_code = org.ons_code;
}

Roadmap build_plan_or_fail(const RoadmapRequest& req, bool comparing) {
    std::string error;
    auto plan = build_roadmap(req, error);
    if (!plan) fail(exit_code::invalid_input, (comparing ? "scenario \"" + req.scenario.name + "\": " : "") + error);
    return std::move(*plan);
}

std::vector<ScenarioSummary> cost_scenarios(const RoadmapRequest& req, const std::vector<RoadmapScenario>& others) {
    std::vector<ScenarioSummary> compared;
    for (const auto& s : others) {
        RoadmapRequest other = req;
        other.scenario = s;
        if (other.scenario.start.empty()) other.scenario.start = req.scenario.start;
        std::string error;
        auto costed = build_roadmap(other, error);
        if (!costed) fail(exit_code::invalid_input, "scenario \"" + s.name + "\": " + error);
        compared.push_back(summarise(s.name, *costed));
    }
    return compared;
}

}  // namespace ys::jobs
