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

// An id for a post named on the command line: its role, then role-2, role-3, ...
std::string fresh_id(const RoadmapScenario& s, const std::string& base) {
    auto taken = [&](const std::string& id) {
        for (const auto& t : s.team)
            if (t.id == id) return true;
        for (const auto& p : s.posts)
            if (p.id == id) return true;
        return false;
    };
    std::string id = base;
    for (int n = 2; taken(id); ++n) id = base + "-" + std::to_string(n);
    return id;
}

}  // namespace

const std::vector<OptionSpec>& roadmap_option_specs() {
    static const std::vector<OptionSpec> specs = {
        {"roles", true, "FILE", "role catalogue (default: the shipped council-data-roles.json)"},
        {"assumptions", true, "FILE", "dated cost assumptions (default: the shipped assumptions-england-2025.json)"},
        {"team", true, "ROLE=FTE", "a post the council has now; may be repeated"},
        {"post", true, "ROLE[=N]", "N planned new posts of a role from the start (default 1); may be repeated"},
        {"covered", true, "RESPONSIBILITY", "a responsibility already carried some other way; may be repeated"},
        {"structure", true, "S", "centralised (default), hub-and-spoke or decentralised"},
        {"departments", true, "N", "departments analysts serve (default 1)"},
        {"horizon", true, "YEARS", "years to plan (default 3)"},
        {"start", true, "DATE", "first day of year 1 (default: the next 1 April)"},
        {"share", true, "ROLE:COUNCILS", "the tool's proposed posts of a role are shared by this many councils; may be repeated"},
        {"upskill", true, "FROM=TO", "plan to grow the team's FROM post into a TO post from the start; may be repeated"},
        {"london-area", true, "AREA", "auto (default: from the organisation), none, inner-london, outer-london or fringe"},
        {"non-levy", false, "", "the employer does not pay the apprenticeship levy"},
        {"no-apprenticeships", false, "", "do not propose apprenticeships"},
        {"no-proposals", false, "", "cost the council's own posts only; propose none"},
    };
    return specs;
}

bool plan_options_given(const ParsedArgs& p) {
    for (const char* o : {"team", "post", "covered", "structure", "departments", "horizon", "start", "share", "upskill",
                          "london-area", "non-levy", "no-apprenticeships", "no-proposals"})
        if (p.has(o)) return true;
    return false;
}

bool read_roadmap_options(const ParsedArgs& p, RoadmapRequest& req, std::string& error) {
    RoadmapScenario& s = req.scenario;
    if (s.name.empty()) s.name = "Command-line plan";
    std::string structure = p.value("structure", "centralised");
    if (auto st = parse_team_structure(structure)) s.structure = *st;
    else {
        error = "--structure must be centralised, hub-and-spoke or decentralised, not \"" + structure + "\"";
        return false;
    }
    for (const auto& [name, target] : std::vector<std::pair<const char*, int*>>{{"departments", &s.departments},
                                                                              {"horizon", &s.horizon_years}}) {
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
        if (!split_number(t, '=', role, fte) || !(fte > 0)) {
            error = "--team takes ROLE=FTE with an FTE above 0, such as performance-information-analyst=2, not \"" + t + "\"";
            return false;
        }
        TeamPost post;
        post.id = fresh_id(s, role);
        post.role = role;
        post.fte = fte;
        s.team.push_back(post);
    }
    for (const auto& t : p.values("post")) {
        std::string role = t;
        double n = 1;
        if (t.find('=') != std::string::npos &&
            (!split_number(t, '=', role, n) || n < 1 || n > 10000 || n != static_cast<int>(n))) {
            error = "--post takes ROLE or ROLE=N with N a whole number from 1 to 10000, such as data-analyst-apprentice=2, not \"" +
                    t + "\"";
            return false;
        }
        PlannedPost post;
        post.id = fresh_id(s, role);
        post.role = role;
        post.headcount = static_cast<int>(n);
        s.posts.push_back(post);
    }
    for (const auto& sh : p.values("share")) {
        std::string role;
        double councils = 0;
        if (!split_number(sh, ':', role, councils) || councils != static_cast<int>(councils) || councils < 2 || councils > 100) {
            error = "--share takes ROLE:COUNCILS with 2 to 100 councils, such as data-architect:3, not \"" + sh + "\"";
            return false;
        }
        s.share_proposals.push_back({role, static_cast<int>(councils)});
    }
    for (const auto& u : p.values("upskill")) {
        auto eq = u.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == u.size()) {
            error = "--upskill takes FROM=TO, such as performance-information-analyst=senior-data-analyst, not \"" + u + "\"";
            return false;
        }
        const std::string from = u.substr(0, eq), to = u.substr(eq + 1);
        const TeamPost* team = nullptr;
        for (const auto& t : s.team)
            if (t.role == from) team = &t;
        if (!team) {
            error = "--upskill " + u + " grows a " + from + " post, but --team names none (add --team " + from + "=1)";
            return false;
        }
        PlannedPost post;
        post.id = fresh_id(s, to);
        post.role = to;
        post.route = PostRoute::GrownFrom;
        post.grown_from = team->id;
        s.posts.push_back(post);
    }
    for (const auto& c : p.values("covered")) s.covered.push_back({c, ""});
    if (p.has("london-area") && p.value("london-area") != "auto") {
        auto area = parse_london_area(p.value("london-area"));
        if (!area) {
            error = "--london-area must be auto, none, inner-london, outer-london or fringe, not \"" + p.value("london-area") + "\"";
            return false;
        }
        s.london_area = *area;
    }
    s.levy_payer = !p.has("non-levy");
    s.prefer_apprenticeships = !p.has("no-apprenticeships");
    s.propose = !p.has("no-proposals");
    // Empty: the caller starts the roadmap on the next 1 April after today or the report's date.
    s.start = p.value("start");
    return true;
}

}  // namespace ys::cli
