// TEMPORARY: stand-ins for the functions the assumptions and scenario branches implement,
// so the engine branch links on its own. Removed when those branches merge.
#include "assumptions.h"
#include "scenario.h"

namespace ys {

const char* to_string(LondonArea a) {
    switch (a) {
        case LondonArea::None: return "none";
        case LondonArea::Inner: return "inner-london";
        case LondonArea::Outer: return "outer-london";
        case LondonArea::Fringe: return "fringe";
    }
    return "none";
}
const char* area_name(LondonArea a) {
    switch (a) {
        case LondonArea::None: return "no London weighting";
        case LondonArea::Inner: return "inner London";
        case LondonArea::Outer: return "outer London";
        case LondonArea::Fringe: return "the London fringe";
    }
    return "";
}
LondonArea london_area_for(const std::string& type, const std::string&, const std::string&, std::string& why) {
    why = type == "london-borough" ? "a London borough" : "not in London";
    return type == "london-borough" ? LondonArea::Outer : LondonArea::None;
}
int oldest_age(AgeBand b) {
    switch (b) {
        case AgeBand::From16To18: return 18;
        case AgeBand::From19To21: return 21;
        case AgeBand::From22To24: return 24;
        default: return 1000;
    }
}
ApprenticeshipTerms Assumptions::apprenticeship_terms(const std::string& key, int level, bool, AgeBand age, bool levy_payer,
                                                      const std::string& start) const {
    ApprenticeshipTerms t;
    t.funding_rule = apprenticeship_funding_on(start);
    t.training_cost = apprenticeship_band(key, start);
    for (const auto& e : apprenticeship_eligibility)
        if (e.level == level && e.covers(start) && oldest_age(age) > e.max_age) {
            t.eligible = false;
            t.eligibility_rule = &e;
        }
    if (t.eligible) t.funded = t.training_cost * (levy_payer ? 1.0 : 1.0 - (t.funding_rule ? t.funding_rule->co_investment : 0));
    for (const auto& i : apprenticeship_incentive)
        if (i.covers(start) && oldest_age(age) <= i.max_age && !i.foundation_only) {
            t.incentive = i.amount;
            t.incentive_rule = &i;
        }
    return t;
}
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
const char* to_string(AgeBand b) {
    switch (b) {
        case AgeBand::Unknown: return "";
        case AgeBand::From16To18: return "16-18";
        case AgeBand::From19To21: return "19-21";
        case AgeBand::From22To24: return "22-24";
        case AgeBand::From25: return "25-plus";
    }
    return "";
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
std::optional<LondonArea> parse_london_area(const std::string& s) {
    for (LondonArea a : {LondonArea::None, LondonArea::Inner, LondonArea::Outer, LondonArea::Fringe})
        if (s == to_string(a)) return a;
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
