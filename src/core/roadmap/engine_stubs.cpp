// TEMPORARY: stand-ins for the functions the assumptions and scenario branches implement,
// so the engine branch links on its own. Removed when those branches merge.
#include "assumptions.h"
#include "scenario.h"

namespace ys {






const char* category_name(CostCategory c) {
    switch (c) {
        case CostCategory::ProgrammeManagement: return "Programme management and administration";
        case CostCategory::Evaluation: return "Evaluation";
        case CostCategory::Training: return "Training budget";
        case CostCategory::Software: return "Software and licences";
        case CostCategory::Recruitment: return "Recruitment campaigns";
        case CostCategory::Other: return "Other";
    }
    return "Other";
}
const TeamPost* RoadmapScenario::find_team_post(const std::string& id) const {
    for (const auto& t : team)
        if (t.id == id) return &t;
    return nullptr;
}

}  // namespace ys

namespace ys {
const char* to_string(SalaryPoint p) {
    switch (p) {
        case SalaryPoint::Band: return "band";
        case SalaryPoint::Low: return "low";
        case SalaryPoint::Mid: return "mid";
        case SalaryPoint::High: return "high";
        case SalaryPoint::Exact: return "exact";
    }
    return "band";
}
const char* to_string(PostRoute r) {
    switch (r) {
        case PostRoute::NewPost: return "new-post";
        case PostRoute::Apprenticeship: return "apprenticeship";
        case PostRoute::Shared: return "shared";
        case PostRoute::GrownFrom: return "grown-from";
    }
    return "new-post";
}

const char* to_string(CostCategory c) {
    switch (c) {
        case CostCategory::ProgrammeManagement: return "programme-management";
        case CostCategory::Evaluation: return "evaluation";
        case CostCategory::Training: return "training";
        case CostCategory::Software: return "software";
        case CostCategory::Recruitment: return "recruitment";
        case CostCategory::Other: return "other";
    }
    return "other";
}
}  // namespace ys
namespace ys {
std::optional<TeamStructure> parse_team_structure(const std::string& s) {
    if (s == "centralised") return TeamStructure::Centralised;
    if (s == "hub-and-spoke") return TeamStructure::HubAndSpoke;
    if (s == "decentralised") return TeamStructure::Decentralised;
    return std::nullopt;
}

}  // namespace ys
namespace ys {
std::optional<RoadmapScenario> parse_scenario(const nlohmann::json&, Diagnostics& diags) {
    diags.error("", "scenario files are not read yet");
    return std::nullopt;
}
bool check_scenario(const RoadmapScenario&, const RoleCatalogue&, const Framework&, Diagnostics&) { return true; }
}  // namespace ys
