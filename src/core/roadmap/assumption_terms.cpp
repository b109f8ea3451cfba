// What the assumptions say in words and for one case: London areas (and how an
// organisation's is decided), apprentices' age bands, and the funding of one apprenticeship.
#include <cmath>
#include <cstdio>

#include "assumptions.h"
#include "targets.h"  // is_iso_date

namespace ys {

namespace {

// "2026-01-01" -> "1 January 2026", for notes a finance officer reads.
std::string date_in_words(const std::string& iso) {
    static const char* const months[] = {"January", "February", "March",     "April",   "May",      "June",
                                         "July",    "August",   "September", "October", "November", "December"};
    if (!is_iso_date(iso)) return iso;
    int day = std::stoi(iso.substr(8, 2));
    int month = std::stoi(iso.substr(5, 2));
    return std::to_string(day) + " " + months[month - 1] + " " + iso.substr(0, 4);
}

// 2000 -> "£2,000"; 1234.5 -> "£1,234.50".
std::string pounds(double amount) {
    long long pence = std::llround(amount * 100);
    std::string whole = std::to_string(pence / 100);
    for (int at = static_cast<int>(whole.size()) - 3; at > 0; at -= 3) whole.insert(static_cast<std::size_t>(at), ",");
    std::string out = "£" + whole;
    if (pence % 100 != 0) {
        std::string p = std::to_string(pence % 100);
        out += "." + std::string(2 - p.size(), '0') + p;
    }
    return out;
}

std::string percent(double share) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g%%", std::round(share * 10000) / 100);
    return buf;
}

}  // namespace

// "aged 22-24", "aged 25 or over", for notes.
std::string age_words(AgeBand b) {
    switch (b) {
        case AgeBand::From16To18: return "aged 16-18";
        case AgeBand::From19To21: return "aged 19-21";
        case AgeBand::From22To24: return "aged 22-24";
        case AgeBand::From25: return "aged 25 or over";
        case AgeBand::Unknown: break;
    }
    return "of an age not given (taken as 25 or over)";
}

std::string eligibility_words(const ApprenticeshipEligibilityRule& r) {
    return (r.foundation_only ? std::string("Foundation apprenticeships") : "Level " + std::to_string(r.level) + " apprenticeships") +
           " starting on or after " + date_in_words(r.effective_from) + " are funded only for apprentices under " +
           std::to_string(r.max_age + 1);
}

std::string long_date_words(const std::string& iso) { return date_in_words(iso); }

const char* to_string(LondonArea a) {
    switch (a) {
        case LondonArea::Inner: return "inner-london";
        case LondonArea::Outer: return "outer-london";
        case LondonArea::Fringe: return "fringe";
        case LondonArea::None: break;
    }
    return "none";
}

const char* area_name(LondonArea a) {
    switch (a) {
        case LondonArea::Inner: return "inner London";
        case LondonArea::Outer: return "outer London";
        case LondonArea::Fringe: return "the London fringe";
        case LondonArea::None: break;
    }
    return "no London weighting";
}

std::optional<LondonArea> parse_london_area(const std::string& s) {
    for (LondonArea a : {LondonArea::None, LondonArea::Inner, LondonArea::Outer, LondonArea::Fringe})
        if (s == to_string(a)) return a;
    return std::nullopt;
}

namespace {

// The ONS codes of Greater London's 33 local authorities run from E09000001 (City of London)
// to E09000033 (Westminster), in alphabetical order. Inner London is the City and the twelve
// inner London boroughs named in the London Government Act 1963, s.1 and Sch.1 (the former
// County of London), which is the area London weighting agreements for council staff (the
// Greater London Provincial Council's) call inner London. The ONS's statistical "Inner
// London" differs (it adds Haringey and Newham and leaves out Greenwich); it is not used here.
struct InnerBorough {
    const char* code;
    const char* name;
};
constexpr InnerBorough kInnerLondon[] = {
    {"E09000001", "The City of London"},   {"E09000007", "Camden"},
    {"E09000011", "Greenwich"},            {"E09000012", "Hackney"},
    {"E09000013", "Hammersmith and Fulham"}, {"E09000019", "Islington"},
    {"E09000020", "Kensington and Chelsea"}, {"E09000022", "Lambeth"},
    {"E09000023", "Lewisham"},             {"E09000028", "Southwark"},
    {"E09000030", "Tower Hamlets"},        {"E09000032", "Wandsworth"},
    {"E09000033", "Westminster"},
};

bool is_london_code(const std::string& code) {
    if (code.size() != 9 || code.compare(0, 3, "E09") != 0) return false;
    for (std::size_t i = 3; i < 9; ++i)
        if (code[i] < '0' || code[i] > '9') return false;
    int n = std::stoi(code.substr(3));
    return n >= 1 && n <= 33;
}

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

}  // namespace

LondonArea london_area_for(const std::string& type, const std::string& region, const std::string& ons_code,
                           std::string& why) {
    if (is_london_code(ons_code)) {
        for (const auto& b : kInnerLondon)
            if (ons_code == b.code) {
                why = std::string(b.name) + " (" + ons_code +
                      ") is in inner London by its ONS code (the City and the twelve inner London boroughs of the "
                      "London Government Act 1963)";
                return LondonArea::Inner;
            }
        why = "ONS code " + ons_code + " is an outer London borough (a London borough that is not one of the twelve "
              "inner London boroughs)";
        return LondonArea::Outer;
    }
    // Without a London ONS code, a region written as inner or outer London decides.
    std::string r = lower(region);
    if (r.find("inner london") != std::string::npos) {
        why = "the region is given as \"" + region + "\"";
        return LondonArea::Inner;
    }
    if (r.find("outer london") != std::string::npos) {
        why = "the region is given as \"" + region + "\"";
        return LondonArea::Outer;
    }
    if (type == "london-borough") {
        why = ons_code.empty()
                  ? "a London borough with no ONS code is taken as outer London; give its ONS code (E09...) or set "
                    "the London area in the scenario if it is in inner London"
                  : "a London borough whose ONS code (" + ons_code +
                        ") is not a Greater London code is taken as outer London; check the code";
        return LondonArea::Outer;
    }
    why = "a " + (type.empty() ? std::string("organisation") : type) +
          " outside the London boroughs pays no London weighting unless the scenario sets an area (such as the "
          "fringe)";
    return LondonArea::None;
}

const char* to_string(AgeBand b) {
    switch (b) {
        case AgeBand::From16To18: return "16-18";
        case AgeBand::From19To21: return "19-21";
        case AgeBand::From22To24: return "22-24";
        case AgeBand::From25: return "25-plus";
        case AgeBand::Unknown: break;
    }
    return "";
}

std::optional<AgeBand> parse_age_band(const std::string& s) {
    for (AgeBand b : {AgeBand::From16To18, AgeBand::From19To21, AgeBand::From22To24, AgeBand::From25})
        if (s == to_string(b)) return b;
    return std::nullopt;
}

int oldest_age(AgeBand b) {
    switch (b) {
        case AgeBand::From16To18: return 18;
        case AgeBand::From19To21: return 21;
        case AgeBand::From22To24: return 24;
        case AgeBand::From25:
        case AgeBand::Unknown: break;
    }
    return 1000;
}

ApprenticeshipTerms Assumptions::apprenticeship_terms(const std::string& standard_key, int level, bool foundation,
                                                      AgeBand age, bool levy_payer, const std::string& start) const {
    ApprenticeshipTerms t;
    const int oldest = oldest_age(age);
    if (age == AgeBand::Unknown)
        t.notes.push_back("The apprentice's age was not given, so they are treated as 25 or over: no age-based "
                          "funding, exemption or incentive is counted.");

    t.funding_rule = apprenticeship_funding_on(start);
    if (!t.funding_rule) {
        t.notes.push_back("No apprenticeship funding rule covers " + date_in_words(start) +
                          ", so no training cost or funding is counted.");
    } else {
        t.band_is_assumption = t.funding_rule->assumption;
        auto it = t.funding_rule->bands.find(standard_key);
        if (it == t.funding_rule->bands.end()) {
            t.notes.push_back("The assumptions give no funding band for " + standard_key +
                              ", so no training cost or funding is counted.");
        } else {
            t.training_cost = it->second;
            if (t.band_is_assumption)
                t.notes.push_back("The training cost of " + pounds(t.training_cost) + " is an assumption, not a "
                                  "published funding band" +
                                  (t.funding_rule->basis.empty() ? "." : ": " + t.funding_rule->basis));
        }
    }

    if (is_iso_date(start))
        for (const auto& r : apprenticeship_eligibility)
            if (r.applies_to(level, foundation) && r.covers(start) && oldest > r.max_age) {
                t.eligible = false;
                t.eligibility_rule = &r;
                t.notes.push_back(eligibility_words(r) + "; this apprentice is " + age_words(age) +
                                  ", so the council pays the training in full.");
                break;
            }

    if (!t.eligible || t.training_cost <= 0) {
        t.funded = 0;
    } else if (levy_payer) {
        t.funded = t.training_cost;
        t.notes.push_back("The council pays the apprenticeship levy, so the training is met from its levy funds.");
    } else if (t.funding_rule->fully_funded_max_age > 0 && oldest <= t.funding_rule->fully_funded_max_age) {
        t.funded = t.training_cost;
        t.notes.push_back("The council does not pay the levy, and the government pays the whole training cost for "
                          "apprentices aged " +
                          std::to_string(t.funding_rule->fully_funded_max_age) + " or under at such employers.");
    } else {
        t.funded = (1 - t.funding_rule->co_investment) * t.training_cost;
        t.notes.push_back("The council does not pay the levy, so it pays " + percent(t.funding_rule->co_investment) +
                          " of the training cost (" + pounds(t.training_cost - t.funded) +
                          ") and the government pays the rest.");
    }

    if (is_iso_date(start))
        for (const auto& r : apprenticeship_incentive)
            if (r.covers(start) && (foundation || !r.foundation_only) && oldest <= r.max_age && r.amount > 0) {
                t.incentive += r.amount;
                if (!t.incentive_rule) t.incentive_rule = &r;
                t.notes.push_back("The council receives " + pounds(r.amount) + " for taking on " +
                                  (r.foundation_only ? "a foundation apprentice" : "an apprentice") + " aged " +
                                  std::to_string(r.max_age) + " or under" +
                                  (r.assumption ? " (an assumption)." : "."));
            }
    return t;
}

}  // namespace ys
