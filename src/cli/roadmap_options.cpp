#include "roadmap_options.h"

#include <charconv>

namespace ys::cli {
namespace {

// "role=1.5" or "role:3": the text before the separator and the number after it.
bool split_number(const std::string& s, char sep, std::string& name, double& value) {
    auto at = s.find(sep);
    if (at == std::string::npos) return false;
    name = s.substr(0, at);
    std::string v = s.substr(at + 1);
    auto res = std::from_chars(v.data(), v.data() + v.size(), value);
    return !name.empty() && res.ec == std::errc() && res.ptr == v.data() + v.size();
}

}  // namespace

const std::vector<OptionSpec>& roadmap_option_specs() {
    static const std::vector<OptionSpec> specs = {
        {"roles", true, "FILE", "role catalogue (default: the shipped council-data-roles.json)"},
        {"assumptions", true, "FILE", "dated cost assumptions (default: the shipped assumptions-england-2025.json)"},
        {"team", true, "ROLE=FTE", "a post the council has now; may be repeated"},
        {"covered", true, "RESPONSIBILITY", "a responsibility already carried some other way; may be repeated"},
        {"structure", true, "S", "centralised (default), hub-and-spoke or decentralised"},
        {"departments", true, "N", "departments analysts serve (default 1)"},
        {"horizon", true, "YEARS", "years to plan (default 3)"},
        {"start", true, "DATE", "first day of year 1 (default: the next 1 April)"},
        {"share", true, "ROLE:COUNCILS", "a post shared between this many councils; may be repeated"},
        {"upskill", true, "FROM=TO", "a post in the team that can grow into another role; may be repeated"},
        {"london", false, "", "apply London weighting to roles that carry it"},
        {"non-levy", false, "", "the employer does not pay the apprenticeship levy"},
        {"no-apprenticeships", false, "", "do not propose apprenticeships"},
    };
    return specs;
}

bool read_roadmap_options(const ParsedArgs& p, RoadmapRequest& req, std::string& error) {
    std::string structure = p.value("structure", "centralised");
    if (structure == "centralised") req.structure = TeamStructure::Centralised;
    else if (structure == "hub-and-spoke") req.structure = TeamStructure::HubAndSpoke;
    else if (structure == "decentralised") req.structure = TeamStructure::Decentralised;
    else {
        error = "--structure must be centralised, hub-and-spoke or decentralised";
        return false;
    }
    for (const auto& [name, target] : std::vector<std::pair<const char*, int*>>{{"departments", &req.departments},
                                                                              {"horizon", &req.horizon_years}}) {
        if (!p.has(name)) continue;
        const std::string v = p.value(name);
        auto res = std::from_chars(v.data(), v.data() + v.size(), *target);
        if (v.empty() || res.ec != std::errc() || res.ptr != v.data() + v.size()) {
            error = std::string("--") + name + " must be a whole number, not \"" + v + "\"";
            return false;
        }
    }
    for (const auto& t : p.values("team")) {
        std::string role;
        double fte = 0;
        if (!split_number(t, '=', role, fte)) {
            error = "--team takes ROLE=FTE, such as performance-information-analyst=2, not \"" + t + "\"";
            return false;
        }
        req.team.push_back({role, fte});
    }
    for (const auto& s : p.values("share")) {
        std::string role;
        double councils = 0;
        if (!split_number(s, ':', role, councils) || councils != static_cast<int>(councils)) {
            error = "--share takes ROLE:COUNCILS, such as data-architect:3, not \"" + s + "\"";
            return false;
        }
        req.shared.push_back({role, static_cast<int>(councils)});
    }
    for (const auto& u : p.values("upskill")) {
        auto eq = u.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == u.size()) {
            error = "--upskill takes FROM=TO, such as performance-information-analyst=senior-data-analyst, not \"" + u + "\"";
            return false;
        }
        req.upskill.push_back({u.substr(0, eq), u.substr(eq + 1)});
    }
    req.covered = p.values("covered");
    req.london = p.has("london");
    req.levy_payer = !p.has("non-levy");
    req.prefer_apprenticeships = !p.has("no-apprenticeships");
    // Empty: the job starts the roadmap on the next 1 April after the report's date.
    req.start = p.value("start");
    return true;
}

}  // namespace ys::cli
