#pragma once
// The costed resourcing roadmap: which data responsibilities a council must cover (the
// foundation ones first, then growth ones as its targets rise), how far its existing team
// and planned posts cover them, the posts the tool proposes for what is left (when asked),
// and what the plan costs per year with every on-cost and non-staff line itemised, at
// low, mid and high salary. Every money figure is rounded to the penny where it is made,
// so that totals are exact sums of the figures printed beside them.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "assumptions.h"
#include "framework.h"
#include "roadmap_dates.h"
#include "roles.h"
#include "scenario.h"
#include "scoring.h"

namespace ys {

struct RoadmapRequest {
    const Framework* framework = nullptr;
    const RoleCatalogue* roles = nullptr;
    const Assumptions* assumptions = nullptr;
    const RoundResult* current = nullptr;  // scores, with targets applied (may be null: nothing known)
    RoadmapScenario scenario;
    // The organisation the plan is for: its London area when the scenario says "auto".
    std::string organisation_type, organisation_region, organisation_ons_code;
    // The tool proposes a post only for a gap larger than this (FTE). It never decides what
    // is reported as covered.
    double propose_threshold = 0.1;
};

struct Money {
    double low = 0, mid = 0, high = 0;
    Money& operator+=(const Money& o) {
        low += o.low;
        mid += o.mid;
        high += o.high;
        return *this;
    }
    bool zero() const;  // every figure under half a penny
};
double to_pennies(double pounds);  // rounded to the penny, halves away from zero
Money to_pennies(const Money& m);

// The cost lines, in the order every output lists them.
inline constexpr const char* kStaffCostLines[] = {
    "Salary",           "London weighting",        "Employer National Insurance", "Employer pension",
    "Apprenticeship levy", "On-costs (flat rate)", "Recruitment",                 "Training",
    "Apprenticeship training", "Apprenticeship funding", "Apprenticeship incentive"};

struct YearCost {
    int year = 1;
    std::string from, to;  // YYYY-MM-DD, inclusive
    std::vector<std::pair<std::string, Money>> lines;  // itemised: staff lines, then non-staff categories
    Money total, cumulative;
    Money line(const std::string& name) const;
};

enum class PostOrigin { Team, Planned, Proposed };
const char* to_string(PostOrigin o);  // "team", "planned", "proposed"

// One line of the plan: a post of the team, posts the council plans, or posts the tool
// proposes. Its costs cover all its headcount, at this council's share.
struct RoadmapPost {
    std::string id;      // the scenario's id, or "proposed-1", "proposed-2", ...
    std::string name;    // the scenario's label, or empty
    PostOrigin origin = PostOrigin::Planned;
    std::string role, title;
    PostRoute route = PostRoute::NewPost;
    std::string route_text;  // "new post", "apprenticeship", "shared with 3 councils", "grown from Housing analyst"
    int headcount = 1;
    double fte = 1;          // of each post
    int shared_with = 1;     // councils sharing each post; this council pays and gets 1/shared_with
    std::string grown_from;  // team post id
    std::string start;       // first day in post
    int start_year = 1;      // plan year of `start` (1 when it is before the plan)
    int phase = 0;           // the phase it serves (0 for the team)
    std::string sits_in;     // "central team" or "departments"
    SalaryChoice salary;
    AgeBand age = AgeBand::Unknown;
    // Responsibility -> FTE of it this line gives the council: headcount x fte x the role's
    // share x 1/shared_with.
    std::vector<std::pair<std::string, double>> covers;
    std::vector<YearCost> years;  // per plan year; zero before the start
    Money total;                  // over the horizon
    std::vector<std::string> notes;  // in words: NI relief applied, funding excluded, ...
};

enum class CoverStatus { Covered, Partly, NotCovered };
const char* to_string(CoverStatus s);  // "covered", "partly covered", "not covered"

struct ResponsibilityCover {
    std::string responsibility;
    int phase = 0;        // the phase that first needs it
    double needed = 0;    // FTE, from the team structure and departments
    double held = 0;      // FTE held once every post in the plan has started
    double from_team = 0, from_planned = 0, from_proposed = 0;
    bool elsewhere = false;  // covered by the scenario's "covered" list
    std::string elsewhere_how;
    CoverStatus status = CoverStatus::NotCovered;
    std::string text() const;  // "covered", "partly covered: 0.3 of 1.0 FTE", "not covered", "covered elsewhere: ..."
};

struct RoadmapPhase {
    int number = 1;
    std::string name;   // states what it reaches: "Get started: 7 of 9 foundation responsibilities fully covered"
    int start_year = 1;
    int level = 0;      // maturity level the phase prepares for (0 for "get started")
    std::string due;    // the earliest target date that needs this level, when one is set
    bool due_before_start = false;  // that date is before the plan starts: the phase starts in year 1
    std::vector<std::string> responsibilities;  // newly needed in this phase
    int fully_covered = 0, partly_covered = 0, not_covered = 0;  // of `responsibilities`, once its posts start
    std::vector<std::size_t> posts;  // indices into Roadmap::posts that serve this phase
};

// Why the plan has posts of a role: one list per role, however many posts.
struct RoleReason {
    std::string role, title;
    int headcount = 0;
    std::vector<std::string> reasons;  // "needs a data architect: Data architecture 1.2 against 3"
};

struct OtherCost {
    std::string id, name;
    CostCategory category = CostCategory::Other;
    bool recurring = false, uplift = false;
    std::vector<Money> per_year;  // per plan year (low = mid = high)
    Money total;
};

struct Roadmap {
    std::vector<RoadmapPhase> phases;
    std::vector<RoadmapPost> team;   // the existing team, costed for information, not new spend
    std::vector<RoadmapPost> posts;  // new spend: planned posts, then proposed ones
    std::vector<OtherCost> other_costs;
    std::vector<ResponsibilityCover> cover;  // every responsibility the plan needs, in framework order
    std::vector<RoleReason> reasons;
    std::vector<YearCost> years;       // new spend per year: posts and other costs, itemised
    std::vector<YearCost> team_years;  // the existing team per year, for information
    std::vector<std::string> uncovered;  // needed, but no role in the catalogue carries it
    std::vector<std::string> warnings;   // shown in every output: target dates before the start, ...
    std::vector<std::string> notes;      // assumptions used, in words
    std::vector<std::string> assumed;    // figures used that are assumptions, not published ones, in words

    int count(CoverStatus s) const;
    int headcount() const;  // new posts
};

// Returns nullopt with a one-line error when the request cannot be costed (missing
// inputs, an unknown role, a date no rule covers). Check the scenario first
// (check_scenario) for messages that point into its file.
std::optional<Roadmap> build_roadmap(const RoadmapRequest& request, std::string& error);

// How one post line is costed; the engine's own, exposed for the business case's options.
struct PostTerms {
    const Role* role = nullptr;
    SalaryChoice salary;
    int headcount = 1;
    double fte = 1;
    int shared_with = 1;
    std::string start;  // first day in post
    AgeBand age = AgeBand::Unknown;
    // Grown from a post in the team: only the rise in pay and on-costs is new money, and
    // nobody is recruited.
    const Role* grown_from = nullptr;
    SalaryChoice grown_from_salary;
    // Already employed (the existing team): no recruitment and no apprenticeship training.
    bool in_post = false;
};

// A post line's costs per plan year of the request (zero before its start), with notes on
// the rules applied. `error` is set when a year cannot be costed.
std::vector<YearCost> cost_post(const RoadmapRequest& request, const PostTerms& post, std::vector<std::string>& notes,
                                std::string& error);

// The London area the request's costs use, and how it was decided.
LondonArea london_area(const RoadmapRequest& request, std::string& why);

// One scenario's figures beside another's.
struct ScenarioSummary {
    std::string name;
    std::vector<Money> cost_per_year;  // new spend
    Money total;
    int fully = 0, partly = 0, not_covered = 0, responsibilities = 0;
    int headcount = 0;   // new posts
    double fte = 0;      // this council's FTE of them (shared posts count their share)
    Money team_cost;     // the existing team over the horizon, for information
};
ScenarioSummary summarise(const std::string& name, const Roadmap& r);

}  // namespace ys
