#pragma once
// The business case for one data role, or for the whole resourcing roadmap: the need (the
// responsibilities the maturity targets call for, how far the plan covers each, and the
// scores behind them), the role as a job-description outline, the options (a new post, an
// apprenticeship, growing a post in the team, sharing with other councils) with their cost
// per post and in total, the plan's own posts and non-staff lines, a cost table per year
// with every on-cost itemised at low, mid and high salary, the dated assumptions and their
// sources, apprenticeship funding, other scenarios side by side, benefits and the risks of
// not investing. Every figure comes from the roadmap engine (build_roadmap, cost_post).
#include <optional>
#include <string>
#include <vector>

#include "assumptions.h"
#include "document.h"
#include "framework.h"
#include "roadmap.h"
#include "roles.h"
#include "template.h"

namespace ys::report {

struct BusinessCaseInput {
    const Framework* framework = nullptr;      // the maturity framework the roles serve
    const RoleCatalogue* roles = nullptr;
    const Assumptions* assumptions = nullptr;
    // What the roadmap was built from (its scenario, the organisation's place); its
    // `current` round, when set, gives the scores and targets.
    const RoadmapRequest* request = nullptr;
    const Roadmap* roadmap = nullptr;          // build_roadmap(*request)
    const Framework* skills_framework = nullptr;  // optional: names the roles' skills
    std::string role;          // a role id from the catalogue; empty = the whole roadmap
    std::string organisation;  // the council's name; empty = the round's organisation
    std::string report_date;   // YYYY-MM-DD
    std::string created;       // ISO date-time for the PDF's creation date
    // Other scenarios to set beside this plan (summarise() of each), for the whole roadmap's
    // "Scenarios compared" section. This plan comes first there, named by its scenario.
    std::vector<ScenarioSummary> compared;
};

// Returns nullopt with a one-line error when an input is missing, the role is not in the
// catalogue, the report date is not a date, scenarios are compared in a one-role case, or
// an option cannot be costed.
std::optional<Document> build_business_case(const BusinessCaseInput& in, const ReportTemplate& tpl, std::string& error);

// One dated rule of the assumptions, as the business case's assumptions table lists it
// (the spreadsheet export lists the same rows).
struct AssumptionRow {
    std::string what;     // "Employer pension"
    std::string figure;   // "20.0% of pay"
    std::string applies;  // "From 1 April 2025"
    std::string source;   // its source, with its note
    std::string checked;  // YYYY-MM-DD the figure was checked, or ""
    bool assumption = false;  // an assumption, not a published figure
    std::string basis;        // why, when it is an assumption
};
std::vector<AssumptionRow> assumption_rows(const Assumptions& a);

}  // namespace ys::report
