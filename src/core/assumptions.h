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
    std::string pointer;  // "/rules/3", for messages

    bool covers(const std::string& iso_date) const;
};

struct EmployerNiRule : RulePeriod {
    double rate = 0;       // on earnings above the threshold
    double threshold = 0;  // GBP a year
};
struct PensionRule : RulePeriod {
    double rate = 0;  // employer contribution, share of pay
};
struct ApprenticeshipLevyRule : RulePeriod {
    double rate = 0;       // share of the pay bill
    double allowance = 0;  // GBP a year, set against the levy
};
struct PayAwardRule : RulePeriod {
    double rate = 0;  // uplift to pay from effective_from
};
struct LondonWeightingRule : RulePeriod {
    double amount = 0;  // GBP a year, for roles with london_weighting
};
struct RecruitmentCostRule : RulePeriod {
    double per_hire = 0;  // GBP
};
struct TrainingBudgetRule : RulePeriod {
    double per_head = 0;  // GBP a year
};
struct ApprenticeshipFundingRule : RulePeriod {
    std::map<std::string, double> bands;  // "data-technician-l3" -> funding-band maximum, GBP
    double co_investment = 0;  // employer's share of training cost not met from levy funds
    int expiry_months = 0;     // months before unspent levy funds expire
    double top_up = 0;         // government top-up on levy funds, share (0.10 = 10%)
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
    std::vector<ApprenticeshipFundingRule> apprenticeship_funding;

    // The rule in force on a date (YYYY-MM-DD); nullptr when none covers it or the date is
    // not a valid date.
    const EmployerNiRule* employer_ni_on(const std::string& iso_date) const;
    const PensionRule* pension_on(const std::string& iso_date) const;
    const ApprenticeshipLevyRule* apprenticeship_levy_on(const std::string& iso_date) const;
    const PayAwardRule* pay_award_on(const std::string& iso_date) const;
    const LondonWeightingRule* london_weighting_on(const std::string& iso_date) const;
    const RecruitmentCostRule* recruitment_cost_on(const std::string& iso_date) const;
    const TrainingBudgetRule* training_budget_on(const std::string& iso_date) const;
    const ApprenticeshipFundingRule* apprenticeship_funding_on(const std::string& iso_date) const;

    // The funding-band maximum for a standard key ("data-analyst-l4") on a date; 0 when no
    // rule covers the date or the rule has no band for the key (no funding assumed).
    double apprenticeship_band(const std::string& standard_key, const std::string& iso_date) const;
};

// Reads an assumptions file, reporting every problem with its JSON pointer: missing or
// out-of-range figures (rates are shares from 0 to 1, amounts 0 or more), bad dates,
// effective_to before effective_from, unknown rule kinds and keys, overlapping periods
// for one kind. Returns nullopt when there was any error.
std::optional<Assumptions> parse_assumptions(const nlohmann::json& doc, Diagnostics& diags);

}  // namespace ys
