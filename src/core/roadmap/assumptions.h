#pragma once
// Cost assumptions ("yardstick-assumptions/1"): the dated, sourced figures a business case
// is costed with (employer National Insurance, pension, apprenticeship levy and funding,
// pay award, London weighting, recruitment and training defaults), each rule valid over
// an effective period so that a change announced for a later date sits beside the figure
// it replaces. Format: frameworks/roles/README.md.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "diagnostics.h"

namespace ys {

inline constexpr const char* kAssumptionsFormat = "yardstick-assumptions/1";

enum class OncostMethod { Components, Flat };
const char* to_string(OncostMethod m);

// Salary x rate covers every on-cost at once (Nesta's convention: 0.30).
struct FlatOncostRate {
    double rate = 0;
    std::string source, date;
};

// What every rule carries: its effective period (inclusive; effective_to empty = open
// ended), where the figure came from and when it was checked.
struct RulePeriod {
    std::string effective_from, effective_to;  // YYYY-MM-DD
    std::string source, date, note;
    // A figure that is not a published one: a forecast (a pay award not yet agreed) or a
    // default no source could confirm. Reports print it as an assumption with its basis.
    bool assumption = false;
    std::string basis;    // why this figure, in words; required when assumption is true
    std::string pointer;  // "/rules/3", for messages

    bool covers(const std::string& iso_date) const;
};

struct EmployerNiRule : RulePeriod {
    double rate = 0;       // on earnings above the threshold
    double threshold = 0;  // GBP a year
};
struct PensionRule : RulePeriod {
    double rate = 0;  // employer contribution, share of pay
    // The range councils' own rates typically fall in (each fund and employer differs);
    // printed beside the rate so a reader knows how far theirs may be from it. 0 when not given.
    double typical_low = 0, typical_high = 0;
};
struct ApprenticeshipLevyRule : RulePeriod {
    double rate = 0;       // share of the pay bill
    double allowance = 0;  // GBP a year, set against the levy
};
struct PayAwardRule : RulePeriod {
    double rate = 0;  // uplift to pay from effective_from
};
// Where a council's staff are paid London weighting. Which area applies comes from the
// roadmap scenario (london_area) or, when it says "auto", from the organisation
// (london_area_for).
enum class LondonArea { None, Inner, Outer, Fringe };
const char* to_string(LondonArea a);        // "none", "inner-london", "outer-london", "fringe"
const char* area_name(LondonArea a);        // "no London weighting", "inner London", ...
std::optional<LondonArea> parse_london_area(const std::string& s);  // the to_string forms
// The area an organisation's staff are in, from its type, region and ONS code: inner London
// by its ONS code (the City and the twelve inner London boroughs of the London Government
// Act 1963), any other E09 code outer; without one, a region written "Inner London" or
// "Outer London"; any other London borough outer; else None (the fringe is never guessed).
// `why` says in words how it was decided ("Camden is an inner London borough by its ONS code").
LondonArea london_area_for(const std::string& type, const std::string& region, const std::string& ons_code,
                           std::string& why);

struct LondonWeightingRule : RulePeriod {
    LondonArea area = LondonArea::Inner;
    double amount = 0;  // GBP a year, for roles with london_weighting; rules of one area never overlap
};

// No employer National Insurance on an apprentice's earnings up to the upper secondary
// threshold while the apprentice is under `under_age` (25 since 6 April 2016).
struct ApprenticeNiReliefRule : RulePeriod {
    int under_age = 25;
    double upper_threshold = 0;  // GBP a year (50,270 in 2025-26)
};
struct RecruitmentCostRule : RulePeriod {
    double per_hire = 0;  // GBP
};
struct TrainingBudgetRule : RulePeriod {
    double per_head = 0;  // GBP a year
};
// One short course (a one- to three-day course or its online equivalent) that lifts one
// skill by up to `levels` levels, for the skills training plan (src/core/skills).
struct ShortCourseRule : RulePeriod {
    double per_course = 0;  // GBP per person per course
    int levels = 2;         // the most levels one course closes
    int weeks = 4;          // from booking to the end of the course, in weeks
};
// An apprentice's age on their start date, as the funding and National Insurance rules
// group it.
enum class AgeBand { Unknown, From16To18, From19To21, From22To24, From25 };
const char* to_string(AgeBand b);                              // "", "16-18", "19-21", "22-24", "25-plus"
std::optional<AgeBand> parse_age_band(const std::string& s);   // the to_string forms, not ""
int oldest_age(AgeBand b);  // 18, 21, 24, 1000 for 25-plus and Unknown
std::string age_words(AgeBand b);  // "aged 22-24", "aged 25 or over", for notes
std::string long_date_words(const std::string& iso);  // "2026-01-01" -> "1 January 2026"

// Apprenticeships of a level funded only for the young from a date (level 7 from 1 January
// 2026: only apprentices under 22 on their start date, as the 2025 announcement has it).
// With foundation_only, the rule is for foundation apprenticeships (of any level) rather than
// for every apprenticeship of `level`.
struct ApprenticeshipEligibilityRule : RulePeriod {
    int level = 0;
    int max_age = 0;  // funded only when the apprentice's age band ends at or below this age
    bool foundation_only = false;
    bool applies_to(int apprenticeship_level, bool foundation) const {
        return foundation_only ? foundation : level == apprenticeship_level;
    }
};

// A payment to the employer for taking on a young apprentice (foundation apprenticeships).
// "Level 7 apprenticeships starting on or after 1 January 2026 are funded only for apprentices
// under 22" (no full stop), for notes and warnings.
std::string eligibility_words(const ApprenticeshipEligibilityRule& r);

struct ApprenticeshipIncentiveRule : RulePeriod {
    bool foundation_only = false;  // only for foundation apprenticeships
    int max_age = 0;               // for apprentices whose age band ends at or below this age
    double amount = 0;             // GBP per apprentice
};

struct ApprenticeshipFundingRule : RulePeriod {
    std::map<std::string, double> bands;  // "data-technician-l3" -> funding-band maximum, GBP
    double co_investment = 0;  // employer's share of training cost not met from levy funds
    int expiry_months = 0;     // months before unspent levy funds expire
    double top_up = 0;         // government top-up on levy funds, share (0.10 = 10%)
    // An employer that does not pay the levy pays no co-investment for an apprentice whose
    // age band ends at or below this age (21 under the 2025-26 rules); 0 when no such rule.
    int fully_funded_max_age = 0;
};

// The funding of one apprenticeship, as the rules in force on its start date give it.
struct ApprenticeshipTerms {
    double training_cost = 0;  // the standard's funding-band maximum (0 when the rules give none)
    double funded = 0;         // met from levy funds (levy payer) or by government co-investment
    double incentive = 0;      // payments to the employer (0 or more)
    bool eligible = true;      // false when an eligibility rule excludes this age band
    bool band_is_assumption = false;  // the funding rule is marked as an assumption
    const ApprenticeshipFundingRule* funding_rule = nullptr;
    const ApprenticeshipEligibilityRule* eligibility_rule = nullptr;  // the rule that excluded it
    const ApprenticeshipIncentiveRule* incentive_rule = nullptr;
    std::vector<std::string> notes;  // in words, for the report ("Level 7 is funded only for ...")
};

struct Assumptions {
    std::string id, version, title, description;
    std::string currency;  // "GBP"
    OncostMethod oncost_method = OncostMethod::Components;
    std::optional<FlatOncostRate> flat_rate;  // required when oncost_method is Flat

    // Each in file order; periods of one kind never overlap.
    std::vector<EmployerNiRule> employer_ni;
    std::vector<PensionRule> pension;
    std::vector<ApprenticeshipLevyRule> apprenticeship_levy;
    std::vector<PayAwardRule> pay_award;
    std::vector<LondonWeightingRule> london_weighting;
    std::vector<RecruitmentCostRule> recruitment_cost;
    std::vector<TrainingBudgetRule> training_budget;
    std::vector<ShortCourseRule> short_course;
    std::vector<ApprenticeshipFundingRule> apprenticeship_funding;
    std::vector<ApprenticeNiReliefRule> apprentice_ni_relief;
    std::vector<ApprenticeshipEligibilityRule> apprenticeship_eligibility;
    std::vector<ApprenticeshipIncentiveRule> apprenticeship_incentive;

    // The rule in force on a date (YYYY-MM-DD); nullptr when none covers it or the date is
    // not a valid date.
    const EmployerNiRule* employer_ni_on(const std::string& iso_date) const;
    const PensionRule* pension_on(const std::string& iso_date) const;
    const ApprenticeshipLevyRule* apprenticeship_levy_on(const std::string& iso_date) const;
    const PayAwardRule* pay_award_on(const std::string& iso_date) const;
    const LondonWeightingRule* london_weighting_on(LondonArea area, const std::string& iso_date) const;
    const RecruitmentCostRule* recruitment_cost_on(const std::string& iso_date) const;
    const TrainingBudgetRule* training_budget_on(const std::string& iso_date) const;
    const ShortCourseRule* short_course_on(const std::string& iso_date) const;
    const ApprenticeshipFundingRule* apprenticeship_funding_on(const std::string& iso_date) const;
    const ApprenticeNiReliefRule* apprentice_ni_relief_on(const std::string& iso_date) const;

    // The funding-band maximum for a standard key ("data-analyst-l4") on a date; 0 when no
    // rule covers the date or the rule has no band for the key (no funding assumed).
    double apprenticeship_band(const std::string& standard_key, const std::string& iso_date) const;

    // What the rules say for one apprentice starting on `start`. See ApprenticeshipTerms.
    ApprenticeshipTerms apprenticeship_terms(const std::string& standard_key, int level, bool foundation, AgeBand age,
                                                    bool levy_payer, const std::string& start) const;
};


// Reads an assumptions file, reporting every problem with its JSON pointer: missing or
// out-of-range figures (rates are shares from 0 to 1, amounts 0 or more), bad dates,
// effective_to before effective_from, unknown rule kinds and keys, overlapping periods
// for one kind. Returns nullopt when there was any error.
std::optional<Assumptions> parse_assumptions(const nlohmann::json& doc, Diagnostics& diags);

}  // namespace ys
