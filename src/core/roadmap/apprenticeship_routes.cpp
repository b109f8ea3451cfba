#include "apprenticeship_routes.h"

namespace ys {

std::vector<AgeBand> route_age_bands(const Apprenticeship& a) {
    if (!a.ages.empty()) return a.ages;
    return {AgeBand::From16To18, AgeBand::From19To21, AgeBand::From22To24, AgeBand::From25};
}

RouteFunding route_funding(const Apprenticeship& a, const Assumptions& rules, const std::string& iso_date) {
    RouteFunding out;
    for (AgeBand band : route_age_bands(a)) {
        const ApprenticeshipEligibilityRule* excluded = nullptr;
        for (const auto& r : rules.apprenticeship_eligibility)
            if (r.applies_to(a.level, a.foundation) && r.covers(iso_date) && oldest_age(band) > r.max_age) {
                excluded = &r;
                break;
            }
        if (excluded) {
            out.unfunded.push_back(band);
            if (!out.rule) out.rule = excluded;
        } else {
            out.funded.push_back(band);
        }
    }
    return out;
}

std::string age_bands_words(const std::vector<AgeBand>& bands) {
    std::vector<std::string> parts;
    for (AgeBand b : bands) {
        std::string w = age_words(b);  // "aged 22-24"
        parts.push_back(parts.empty() ? w : w.substr(w.find(' ') + 1));
    }
    std::string s;
    for (std::size_t i = 0; i < parts.size(); ++i)
        s += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
    return s;
}

std::string unfunded_route_warning(const Role& role, const Assumptions& rules, const std::string& iso_date) {
    if (!role.apprenticeship) return {};
    const Apprenticeship& a = *role.apprenticeship;
    RouteFunding f = route_funding(a, rules, iso_date);
    if (f.unfunded.empty()) return {};
    std::string route = (a.foundation ? "the " + a.standard + " foundation apprenticeship"
                                      : "the " + a.standard + " apprenticeship (level " + std::to_string(a.level) + ")");
    std::string offered = a.ages.empty() ? "to apprentices of any age" : "to apprentices " + age_bands_words(a.ages);
    std::string what_to_do =
        f.funded.empty() ? "the route is closed to everyone it names: plan another route for this role"
                         : "name only the ages it is funded for (\"ages\" in the role catalogue: " + age_bands_words(f.funded) +
                               ") or plan another route for the others";
    return "The " + role.title + " role offers " + route + " " + offered + ", but " + eligibility_words(*f.rule) +
           ", so it is not funded for apprentices " + age_bands_words(f.unfunded) + " starting on " +
           long_date_words(iso_date) + ": " + what_to_do + ".";
}

}  // namespace ys
