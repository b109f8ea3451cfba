#pragma once
// The costed resourcing roadmap: which data responsibilities a council must cover (the
// foundation ones first, then growth ones as its targets rise), which roles cover them,
// and what they cost per year with every on-cost itemised, at low, mid and high salary.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "assumptions.h"
#include "framework.h"
#include "roles.h"
#include "scenario.h"
#include "scoring.h"

namespace ys {


struct TeamMember {
    std::string role;
    double fte = 1;
};

struct SharedRole {
    std::string role;
    int councils = 2;  // councils sharing one post; this council pays 1/councils
};

// A post in the team that can grow into another role (a performance analyst trained into a
// senior analyst): cheaper than a new post, and the old post's work moves with it.
struct Upskill {
    std::string from, to;
};

struct RoadmapRequest {
    const Framework* framework = nullptr;
    const RoleCatalogue* roles = nullptr;
    const Assumptions* assumptions = nullptr;
    const RoundResult* current = nullptr;  // scores, with targets applied (may be null: nothing known)
    std::vector<TeamMember> team;                 // posts the council has now
    std::vector<std::string> covered;             // responsibilities already carried some other way
    TeamStructure structure = TeamStructure::Centralised;
    int departments = 1;
    int horizon_years = 3;
    std::string start;  // YYYY-MM-DD: first day of year 1
    std::vector<SharedRole> shared;
    std::vector<Upskill> upskill;
    bool london = false;          // London weighting applies to roles that carry it
    bool levy_payer = true;       // a council's pay bill is far above the levy allowance
    bool prefer_apprenticeships = true;
};

struct Money {
    double low = 0, mid = 0, high = 0;
    Money& operator+=(const Money& o) {
        low += o.low;
        mid += o.mid;
        high += o.high;
        return *this;
    }
};

struct RoadmapHire {
    std::string role, title;
    std::string route;     // "new post", "apprenticeship", "shared with 3 councils", "upskilling ..."
    std::string upskilled_from;  // the team's role that grows into this one
    double fte = 1;        // posts added to cover the need
    double cost_share = 1; // share of the post's cost this council pays
    int phase = 1;
    int start_year = 1;
    std::string sits_in;   // "central team" or "departments"
    std::vector<std::pair<std::string, double>> covers;  // responsibility, FTE share of it
    std::vector<std::string> justification;              // one line each, in words
};

struct RoadmapPhase {
    int number = 1;
    std::string name;
    int start_year = 1;
    int level = 0;  // maturity level the phase prepares for (0 for "get started")
    std::string due;  // the earliest target date that needs this level, when one is set
    std::vector<std::string> responsibilities;  // newly needed in this phase
    std::vector<std::size_t> hires;
};

struct YearCost {
    int year = 1;
    std::string from, to;  // YYYY-MM-DD, inclusive
    std::vector<std::pair<std::string, Money>> lines;  // itemised, in a fixed order
    Money total, cumulative;
    Money line(const std::string& name) const;
};

struct Roadmap {
    std::vector<RoadmapPhase> phases;
    std::vector<RoadmapHire> hires;
    std::vector<YearCost> years;
    std::vector<std::string> uncovered;  // needed, but no role in the catalogue carries it
    std::vector<std::string> notes;      // assumptions used, in words
};

// Returns nullopt with a one-line error when the request cannot be costed (missing
// inputs, an unknown role, a date no rule covers).
std::optional<Roadmap> build_roadmap(const RoadmapRequest& request, std::string& error);

// The yearly cost of `fte` posts of a role over [from, to], with rules prorated by day.
// Exposed for the worked examples.
std::vector<std::pair<std::string, Money>> role_year_cost(const Role& role, const Assumptions& a, const std::string& from,
                                                          const std::string& to, const std::string& hired_on, double fte,
                                                          double cost_share, bool london, bool levy_payer, bool first_year,
                                                          std::string& error);

// The yearly costs of posts of one role over the roadmap's horizon from `start_year`, as
// the roadmap costs a hire: each year from role_year_cost, recruitment and apprenticeship
// training in the first year; when grown from a post in the team (`upskilled_from`), only
// the rise in pay and on-costs, with no recruitment. `error` is set when a year cannot be
// costed.
std::vector<YearCost> post_costs(const RoadmapRequest& request, const Role& role, const Role* upskilled_from, int start_year,
                                 double fte, double cost_share, std::string& error);

std::string add_years(const std::string& iso_date, int years);
std::string add_days(const std::string& iso_date, int days);
// The first day of the council financial year after the one `iso_date` is in: 1 April.
std::string next_financial_year_start(const std::string& iso_date);

}  // namespace ys
