#pragma once
// Whether the apprenticeship routes a role catalogue offers are still funded for the people
// they name. A route names the age bands it is offered to ("ages"); the assumptions' dated
// eligibility rules say which ages each level (and foundation apprenticeships) is funded for.
// A business case must not offer a route the rules no longer fund for those it names: the
// roadmap warns for every such route it uses and never proposes a route that is closed to
// every age it names.
#include <string>
#include <vector>

#include "assumptions.h"
#include "roles.h"

namespace ys {

// The age bands a route is offered to: its `ages`, or all four bands when it names none.
std::vector<AgeBand> route_age_bands(const Apprenticeship& a);

// The bands of the route that the rules in force on `iso_date` do not fund, in band order,
// and the rule that excludes the first of them (nullptr when every band is funded).
struct RouteFunding {
    std::vector<AgeBand> unfunded;
    std::vector<AgeBand> funded;
    const ApprenticeshipEligibilityRule* rule = nullptr;
};
RouteFunding route_funding(const Apprenticeship& a, const Assumptions& rules, const std::string& iso_date);

// "aged 16-18 and 19-21", for messages.
std::string age_bands_words(const std::vector<AgeBand>& bands);

// One sentence for a role whose route names an age band the rules do not fund on the date,
// saying which rule and what to do; empty when every band it names is funded (or the role
// has no apprenticeship).
std::string unfunded_route_warning(const Role& role, const Assumptions& rules, const std::string& iso_date);

}  // namespace ys
