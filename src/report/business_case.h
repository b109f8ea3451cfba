#pragma once
// The business case for one data role, or for the whole resourcing roadmap: the need (the
// responsibilities the maturity targets call for and the dimension scores behind them),
// the role as a job-description outline, the options (a new post, an apprenticeship,
// growing a post in the team, sharing with other councils) with their costs, a cost
// table per year with every on-cost itemised at low, mid and high salary, the dated
// assumptions and their sources, apprenticeship funding, benefits and the risks of not
// investing. Every figure comes from the roadmap engine (build_roadmap, role_year_cost).
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
    // What the roadmap was built from (start, horizon, team, shared and upskilled posts,
    // London, levy); its `current` round, when set, gives the scores and targets.
    const RoadmapRequest* request = nullptr;
    const Roadmap* roadmap = nullptr;          // build_roadmap(*request)
    const Framework* skills_framework = nullptr;  // optional: names the roles' skills
    std::string role;          // a role id from the catalogue; empty = the whole roadmap
    std::string organisation;  // the council's name; empty = the round's organisation
    std::string report_date;   // YYYY-MM-DD
    std::string created;       // ISO date-time for the PDF's creation date
};

// Returns nullopt with a one-line error when an input is missing, the role is not in the
// catalogue, the report date is not a date, or an option cannot be costed.
std::optional<Document> build_business_case(const BusinessCaseInput& in, const ReportTemplate& tpl, std::string& error);

}  // namespace ys::report
