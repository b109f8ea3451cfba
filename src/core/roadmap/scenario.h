#pragma once
// A roadmap scenario ("yardstick-roadmap-scenario/1"): the inputs of one costed plan, as a
// council writes it down. The existing team, the posts it plans (with their route, start
// date and salary), the structure it serves, the horizon, responsibilities carried some
// other way and the non-staff cost lines; plus whether the tool may propose posts for what
// the plan leaves uncovered. Saved per organisation in the store and read and written as
// a file. Format: docs/roadmap-scenario-format.md.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "assumptions.h"
#include "diagnostics.h"
#include "framework.h"
#include "roles.h"

namespace ys {

inline constexpr const char* kScenarioFormat = "yardstick-roadmap-scenario/1";

enum class TeamStructure { Centralised, HubAndSpoke, Decentralised };
const char* to_string(TeamStructure s);  // "centralised", "hub-and-spoke", "decentralised"
std::optional<TeamStructure> parse_team_structure(const std::string& s);

// The salary a post is costed at. Band: the role's band, giving the low, mid and high
// columns; Low, Mid or High: that point of the band in every column; Exact: `exact` in
// every column. Band points are as at the band's date and exact salaries as at the post's
// start; pay awards effective after that date raise them.
enum class SalaryPoint { Band, Low, Mid, High, Exact };
struct SalaryChoice {
    SalaryPoint point = SalaryPoint::Band;
    double exact = 0;  // GBP a year, for Exact
};
const char* to_string(SalaryPoint p);  // "band", "low", "mid", "high", "exact"

// A post the council has now. Shown with its cost for information; never new spend.
struct TeamPost {
    std::string id;    // unique among the scenario's team, posts and cost lines ("housing-analyst")
    std::string name;  // optional label ("Housing performance analyst")
    std::string role;  // a role of the catalogue
    double fte = 1;    // total FTE held in this role by these posts (> 0)
    SalaryChoice salary;
};

enum class PostRoute { NewPost, Apprenticeship, Shared, GrownFrom };
const char* to_string(PostRoute r);  // "new-post", "apprenticeship", "shared", "grown-from"

// A post (or several identical posts) the council plans.
struct PlannedPost {
    std::string id;
    std::string name;         // optional label
    std::string role;
    int headcount = 1;        // identical posts (1 to 10,000)
    double fte = 1;           // FTE of each post, (0, 1]
    PostRoute route = PostRoute::NewPost;
    int shared_with = 0;      // Shared: councils sharing each post, this one included (2 to 100)
    std::string grown_from;   // GrownFrom: the id of a TeamPost whose holder moves into this post
    std::string start;        // YYYY-MM-DD: first day in post (the scenario's start when omitted)
    SalaryChoice salary;
    AgeBand age = AgeBand::Unknown;  // Apprenticeship: the apprentice's age on the start date
    std::string note;
};

// A responsibility carried by someone outside the data roles (a partner, a contract, a
// service's own staff). Counted as fully covered, with how.
struct CoveredElsewhere {
    std::string responsibility;
    std::string how;  // optional, in words
};

enum class CostCategory { ProgrammeManagement, Evaluation, Training, Software, Recruitment, Other };
const char* to_string(CostCategory c);  // "programme-management", "evaluation", "training", "software", "recruitment", "other"
const char* category_name(CostCategory c);  // "Programme management and administration", ...
std::optional<CostCategory> parse_cost_category(const std::string& s);

// A cost that is not a post: one-off (paid once, on `start`) or recurring (`amount` a year
// from `start` to `end`, prorated by day in a part year). Uplifted by the scenario's
// inflation from the second plan year when `uplift` is set.
struct CostLine {
    std::string id;
    std::string name;  // "Programme administration"
    CostCategory category = CostCategory::Other;
    double amount = 0;  // GBP: once, or a year
    bool recurring = false;
    std::string start;  // YYYY-MM-DD (the scenario's start when omitted)
    std::string end;    // recurring only; inclusive; empty = to the end of the horizon
    bool uplift = false;
    std::string note;
};

struct RoadmapScenario {
    std::string name;         // "Shared data academy, 3 years"
    std::string description;
    std::string created;      // YYYY-MM-DD the scenario was written (the store keeps its own time too)
    std::string start;        // YYYY-MM-DD: first day of year 1
    int horizon_years = 3;    // 1 to 20
    TeamStructure structure = TeamStructure::Centralised;
    int departments = 1;      // 1 to 500
    std::vector<TeamPost> team;
    std::vector<PlannedPost> posts;
    std::vector<CoveredElsewhere> covered;
    std::vector<CostLine> costs;
    // The tool proposes posts for what the plan leaves uncovered, by its own rules
    // (apprenticeships when allowed, sharing the roles named in `share_proposals`).
    bool propose = true;
    bool prefer_apprenticeships = true;
    std::vector<std::pair<std::string, int>> share_proposals;  // role, councils
    // Where staff are paid London weighting: "auto" (from the organisation), or an area.
    std::optional<LondonArea> london_area;  // nullopt = auto
    bool levy_payer = true;
    // Non-staff lines with uplift rise by this each plan year after the first.
    double inflation = 0;
    std::string inflation_basis;  // why this rate, in words (required when inflation > 0)

    const TeamPost* find_team_post(const std::string& id) const;
};

// Reads a scenario file's JSON, reporting every problem with its JSON pointer and what was
// expected: types, unknown keys, ranges, dates, clashing ids, a grown-from naming no team
// post (or one grown into twice), a route that does not fit (shared_with without "shared").
// Role and responsibility ids are checked against the catalogue and framework by
// check_scenario. Returns nullopt when there was any error.
std::optional<RoadmapScenario> parse_scenario(const nlohmann::json& doc, Diagnostics& diags);

// Checks a parsed scenario against the role catalogue and framework it will be costed
// with: every role known, apprenticeship routes only for roles with an apprenticeship,
// shared only for shareable roles, covered responsibilities known. Errors carry the
// scenario's JSON pointers.
bool check_scenario(const RoadmapScenario& s, const RoleCatalogue& roles, const Framework& fw, Diagnostics& diags);

// The scenario as a file: parse_scenario(scenario_json(s)) gives s back. Numbers are
// written the same whatever the locale.
nlohmann::json scenario_json(const RoadmapScenario& s);

}  // namespace ys
