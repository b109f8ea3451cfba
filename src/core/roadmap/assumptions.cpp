#include "assumptions.h"

#include <cmath>
#include <cstdio>

#include "json_fields.h"
#include "targets.h"  // is_iso_date

namespace ys {

const char* to_string(OncostMethod m) { return m == OncostMethod::Flat ? "flat" : "components"; }

bool RulePeriod::covers(const std::string& iso_date) const {
    // ISO dates compare correctly as text.
    return !effective_from.empty() && effective_from <= iso_date &&
           (effective_to.empty() || iso_date <= effective_to);
}

namespace {

constexpr long long kMaxAge = 100;

constexpr const char* kKinds =
    "employer_ni, pension, apprenticeship_levy, pay_award, london_weighting, recruitment_cost, "
    "training_budget, short_course, apprenticeship_funding, apprentice_ni_relief, apprenticeship_eligibility or "
    "apprenticeship_incentive";

constexpr const char* kAreas = "\"inner-london\", \"outer-london\" or \"fringe\"";

std::string found(const JsonAt& at) { return at.present() ? at.json().dump() : "nothing"; }

// The keys every rule has, before those of its kind.
const std::initializer_list<const char*> kRuleKeys = {"kind", "effective_from", "effective_to", "source",
                                                      "date", "note", "assumption", "basis"};

template <class Rule>
const Rule* rule_on(const std::vector<Rule>& rules, const std::string& iso_date) {
    if (!is_iso_date(iso_date)) return nullptr;
    for (const auto& r : rules)
        if (r.covers(iso_date)) return &r;
    return nullptr;
}

class AssumptionsReader {
public:
    AssumptionsReader(const nlohmann::json& doc, Diagnostics& diags)
        : root_(&doc, "", diags), errors_before_(diags.error_count()) {}

    std::optional<Assumptions> read() {
        if (!root_.expect_object()) return std::nullopt;
        root_.check_keys({"format", "id", "version", "title", "description", "currency", "oncosts", "rules"});
        auto format = root_.string("format", Need::Required);
        if (format && *format != kAssumptionsFormat)
            root_["format"].error("expected \"" + std::string(kAssumptionsFormat) + "\", found \"" + *format + "\"");
        a_.id = root_.id("id", Need::Required).value_or("");
        if (auto v = root_.string("version", Need::Optional)) {
            if (is_valid_version(*v)) a_.version = *v;
            else root_["version"].error("expected a version such as \"1.0\" or \"1.2.3\", found \"" + *v + "\"");
        }
        a_.title = root_.string("title", Need::Required).value_or("");
        a_.description = root_.string("description", Need::Optional).value_or("");
        if (auto c = root_.string("currency", Need::Required)) {
            bool ok = c->size() == 3;
            for (char ch : *c) ok = ok && ch >= 'A' && ch <= 'Z';
            if (ok) a_.currency = *c;
            else root_["currency"].error("expected an ISO 4217 currency code such as \"GBP\", found \"" + *c + "\"");
        }
        read_oncosts();
        read_rules();
        if (root_.diags().error_count() != errors_before_) return std::nullopt;
        return std::move(a_);
    }

private:
    // A share from 0 to 1.
    std::optional<double> rate(const JsonAt& owner, const char* key, Need need) {
        JsonAt f = owner[key];
        if (!f.present()) {
            if (need == Need::Required) f.error("missing; expected a rate from 0 to 1 (0.15 means 15%)");
            return std::nullopt;
        }
        auto v = owner.number(key, need);
        if (!v) return std::nullopt;
        if (*v < 0 || *v > 1) {
            f.error("expected a rate from 0 to 1 (0.15 means 15%), found " + found(f) +
                    (*v > 1 ? "; write a percentage as a fraction" : ""));
            return std::nullopt;
        }
        return v;
    }

    // An amount of money, 0 or more.
    std::optional<double> amount(const JsonAt& owner, const char* key) {
        JsonAt f = owner[key];
        if (!f.present()) {
            f.error("missing; expected an amount in " + currency() + " (a number of 0 or more)");
            return std::nullopt;
        }
        auto v = owner.number(key, Need::Required);
        if (!v) return std::nullopt;
        if (*v < 0) {
            f.error("expected an amount of 0 or more, found " + found(f));
            return std::nullopt;
        }
        return v;
    }

    std::string currency() const { return a_.currency.empty() ? "the file's currency" : a_.currency; }

    std::string date_field(const JsonAt& owner, const char* key, Need need, const char* missing) {
        JsonAt f = owner[key];
        if (!f.present()) {
            if (need == Need::Required) f.error(missing);
            return {};
        }
        auto s = owner.string(key, Need::Required);
        if (!s) return {};
        if (!is_iso_date(*s)) {
            f.error("expected a date as YYYY-MM-DD, found \"" + *s + "\"");
            return {};
        }
        return *s;
    }

    std::string source_field(const JsonAt& owner) {
        if (!owner["source"].present()) {
            owner["source"].error("missing; expected where the figure came from (a non-empty string): every figure "
                                  "names its source, or says that it is an editable default with no published source");
            return {};
        }
        return owner.string("source", Need::Required).value_or("");
    }

    void read_oncosts() {
        JsonAt o = root_["oncosts"];
        if (!o.expect_object()) return;
        o.check_keys({"method", "flat_rate"});
        if (auto m = o.string("method", Need::Required)) {
            if (*m == "components") a_.oncost_method = OncostMethod::Components;
            else if (*m == "flat") a_.oncost_method = OncostMethod::Flat;
            else o["method"].error("unknown method \"" + *m + "\"; expected components or flat");
        }
        JsonAt f = o["flat_rate"];
        if (!f.present()) {
            if (a_.oncost_method == OncostMethod::Flat && o["method"].present())
                f.error("missing; method \"flat\" needs flat_rate: { \"rate\", \"source\", \"date\" }");
            return;
        }
        if (!f.expect_object()) return;
        f.check_keys({"rate", "source", "date", "note"});
        FlatOncostRate out;
        out.rate = rate(f, "rate", Need::Required).value_or(0);
        out.source = source_field(f);
        out.date = date_field(f, "date", Need::Required, "missing; expected the date the figure was checked, as YYYY-MM-DD");
        a_.flat_rate = out;
    }

    void read_period(const JsonAt& r, RulePeriod& p) {
        p.pointer = r.pointer();
        p.effective_from = date_field(r, "effective_from", Need::Required,
                                      "missing; expected the first day the figure applies, as YYYY-MM-DD");
        p.effective_to = date_field(r, "effective_to", Need::Optional, "");
        if (!p.effective_from.empty() && !p.effective_to.empty() && p.effective_to < p.effective_from) {
            r["effective_to"].error("effective_to " + p.effective_to + " is before effective_from " +
                                    p.effective_from + "; expected the last day the figure applies");
            p.effective_to.clear();
            p.effective_from.clear();  // keep it out of the overlap check
        }
        p.source = source_field(r);
        p.date = date_field(r, "date", Need::Required, "missing; expected the date the figure was checked, as YYYY-MM-DD");
        p.note = r.string("note", Need::Optional).value_or("");
        p.assumption = r.boolean("assumption", Need::Optional).value_or(false);
        JsonAt basis = r["basis"];
        if (basis.present()) {
            if (auto b = r.string("basis", Need::Optional)) {
                if (!b->empty()) p.basis = *b;
                else if (p.assumption)
                    basis.error("expected why this figure is assumed, in words (a non-empty string)");
            }
        } else if (p.assumption) {
            basis.error("missing; a rule marked \"assumption\": true needs a \"basis\": why this figure is "
                        "assumed, in words (\"no award agreed yet; the employers' offer\")");
        }
    }

    // A whole number from lo to hi.
    std::optional<int> whole(const JsonAt& owner, const char* key, Need need, long long lo, long long hi,
                             const std::string& what) {
        JsonAt f = owner[key];
        if (!f.present()) {
            if (need == Need::Required) f.error("missing; expected " + what);
            return std::nullopt;
        }
        auto v = owner.integer(key, Need::Required);
        if (!v) return std::nullopt;
        if (*v < lo || *v > hi) {
            f.error("expected " + what + ", found " + std::to_string(*v));
            return std::nullopt;
        }
        return static_cast<int>(*v);
    }

    LondonArea area_field(const JsonAt& r) {
        JsonAt f = r["area"];
        if (!f.present()) {
            f.error(std::string("missing; expected the London area the amount is paid in: ") + kAreas);
            return LondonArea::None;
        }
        auto s = r.string("area", Need::Required);
        if (!s) return LondonArea::None;
        auto a = parse_london_area(*s);
        if (!a || *a == LondonArea::None) {
            f.error("unknown area \"" + *s + "\"; expected " + kAreas);
            return LondonArea::None;
        }
        return *a;
    }

    void read_bands(const JsonAt& r, std::map<std::string, double>& bands) {
        JsonAt b = r["bands"];
        if (!b.expect_object()) return;
        for (auto it = b.json().begin(); it != b.json().end(); ++it) {
            JsonAt v = b[it.key()];
            if (!is_valid_id(it.key())) {
                v.error("\"" + it.key() + "\" is not a valid standard key; expected lower case letters, digits, "
                        "'-', '_' or '.', such as \"data-analyst-l4\"");
                continue;
            }
            if (!it->is_number()) {
                v.error("expected the funding-band maximum (a number), found " + describe_json_type(*it));
                continue;
            }
            double d = it->get<double>();
            if (d < 0) {
                v.error("expected an amount of 0 or more, found " + it->dump());
                continue;
            }
            bands[it.key()] = d;
        }
    }

    void read_rules() {
        JsonAt rules = root_["rules"];
        if (!rules.expect_array(1)) return;
        for (std::size_t i = 0; i < rules.size(); ++i) {
            JsonAt r = rules[i];
            if (!r.expect_object()) continue;
            auto kind = r.string("kind", Need::Required);
            if (!kind) continue;
            const std::string& k = *kind;
            if (k == "employer_ni") {
                r.check_keys(kRuleKeys, {"rate", "threshold"});
                EmployerNiRule x;
                read_period(r, x);
                x.rate = rate(r, "rate", Need::Required).value_or(0);
                x.threshold = amount(r, "threshold").value_or(0);
                a_.employer_ni.push_back(std::move(x));
            } else if (k == "pension") {
                r.check_keys(kRuleKeys, {"rate", "typical_low", "typical_high"});
                PensionRule x;
                read_period(r, x);
                x.rate = rate(r, "rate", Need::Required).value_or(0);
                auto low = rate(r, "typical_low", Need::Optional), high = rate(r, "typical_high", Need::Optional);
                if (r["typical_low"].present() != r["typical_high"].present())
                    r[r["typical_low"].present() ? "typical_high" : "typical_low"].error(
                        "missing; a typical range gives both typical_low and typical_high (shares from 0 to 1)");
                else if (low && high && *high < *low)
                    r["typical_high"].error("typical_high is below typical_low; expected typical_low <= typical_high");
                else if (low && high)
                    x.typical_low = *low, x.typical_high = *high;
                a_.pension.push_back(std::move(x));
            } else if (k == "apprenticeship_levy") {
                r.check_keys(kRuleKeys, {"rate", "allowance"});
                ApprenticeshipLevyRule x;
                read_period(r, x);
                x.rate = rate(r, "rate", Need::Required).value_or(0);
                x.allowance = amount(r, "allowance").value_or(0);
                a_.apprenticeship_levy.push_back(std::move(x));
            } else if (k == "pay_award") {
                r.check_keys(kRuleKeys, {"rate"});
                PayAwardRule x;
                read_period(r, x);
                x.rate = rate(r, "rate", Need::Required).value_or(0);
                a_.pay_award.push_back(std::move(x));
            } else if (k == "london_weighting") {
                r.check_keys(kRuleKeys, {"area", "amount"});
                LondonWeightingRule x;
                read_period(r, x);
                x.area = area_field(r);
                x.amount = amount(r, "amount").value_or(0);
                a_.london_weighting.push_back(std::move(x));
            } else if (k == "recruitment_cost") {
                r.check_keys(kRuleKeys, {"per_hire"});
                RecruitmentCostRule x;
                read_period(r, x);
                x.per_hire = amount(r, "per_hire").value_or(0);
                a_.recruitment_cost.push_back(std::move(x));
            } else if (k == "training_budget") {
                r.check_keys(kRuleKeys, {"per_head"});
                TrainingBudgetRule x;
                read_period(r, x);
                x.per_head = amount(r, "per_head").value_or(0);
                a_.training_budget.push_back(std::move(x));
            } else if (k == "short_course") {
                r.check_keys(kRuleKeys, {"per_course", "levels", "weeks"});
                ShortCourseRule x;
                read_period(r, x);
                x.per_course = amount(r, "per_course").value_or(0);
                x.levels = whole(r, "levels", Need::Optional, 1, 4, "the most levels one course closes, a whole number from 1 to 4").value_or(2);
                x.weeks = whole(r, "weeks", Need::Optional, 1, 104, "the weeks from booking to the end of a course, a whole number from 1 to 104").value_or(4);
                a_.short_course.push_back(std::move(x));
            } else if (k == "apprenticeship_funding") {
                r.check_keys(kRuleKeys, {"bands", "co_investment", "expiry_months", "top_up", "fully_funded_max_age"});
                ApprenticeshipFundingRule x;
                read_period(r, x);
                read_bands(r, x.bands);
                x.co_investment = rate(r, "co_investment", Need::Required).value_or(0);
                x.top_up = rate(r, "top_up", Need::Optional).value_or(0);
                if (!r["expiry_months"].present()) {
                    r["expiry_months"].error("missing; expected the months before unspent levy funds expire (a whole number of 1 or more)");
                } else if (auto m = r.integer("expiry_months", Need::Required)) {
                    if (*m < 1 || *m > 600)
                        r["expiry_months"].error("expected a whole number of months from 1 to 600, found " + std::to_string(*m));
                    else x.expiry_months = static_cast<int>(*m);
                }
                x.fully_funded_max_age =
                    whole(r, "fully_funded_max_age", Need::Optional, 0, kMaxAge,
                          "the oldest age (a whole number from 0 to 100) at which a non-levy employer pays no "
                          "co-investment; 0 for none")
                        .value_or(0);
                a_.apprenticeship_funding.push_back(std::move(x));
            } else if (k == "apprentice_ni_relief") {
                r.check_keys(kRuleKeys, {"under_age", "upper_threshold"});
                ApprenticeNiReliefRule x;
                read_period(r, x);
                x.under_age = whole(r, "under_age", Need::Optional, 16, kMaxAge,
                                    "the age (a whole number from 16 to 100) the apprentice must be under")
                                  .value_or(25);
                x.upper_threshold = amount(r, "upper_threshold").value_or(0);
                a_.apprentice_ni_relief.push_back(std::move(x));
            } else if (k == "apprenticeship_eligibility") {
                r.check_keys(kRuleKeys, {"level", "max_age", "foundation_only"});
                ApprenticeshipEligibilityRule x;
                read_period(r, x);
                x.foundation_only = r.boolean("foundation_only", Need::Optional).value_or(false);
                x.level =
                    whole(r, "level", Need::Required, 2, 8, "the apprenticeship level (a whole number from 2 to 8)")
                        .value_or(0);
                x.max_age = whole(r, "max_age", Need::Required, 15, kMaxAge,
                                  "the oldest age funded (a whole number from 15 to 100; 21 means under 22)")
                                .value_or(0);
                a_.apprenticeship_eligibility.push_back(std::move(x));
            } else if (k == "apprenticeship_incentive") {
                r.check_keys(kRuleKeys, {"foundation_only", "max_age", "amount"});
                ApprenticeshipIncentiveRule x;
                read_period(r, x);
                x.foundation_only = r.boolean("foundation_only", Need::Optional).value_or(false);
                x.max_age = whole(r, "max_age", Need::Required, 15, kMaxAge,
                                  "the oldest age paid for (a whole number from 15 to 100; 18 means 16 to 18)")
                                .value_or(0);
                x.amount = amount(r, "amount").value_or(0);
                a_.apprenticeship_incentive.push_back(std::move(x));
            } else {
                r["kind"].error("unknown rule kind \"" + k + "\"; expected " + kKinds);
            }
        }
        check_overlaps("employer_ni", a_.employer_ni);
        check_overlaps("pension", a_.pension);
        check_overlaps("apprenticeship_levy", a_.apprenticeship_levy);
        check_overlaps("pay_award", a_.pay_award);
        // London weighting: one rule per area on any day.
        check_overlaps("london_weighting", a_.london_weighting,
                       [](const LondonWeightingRule& r) { return std::string(" for ") + area_name(r.area); });
        check_overlaps("recruitment_cost", a_.recruitment_cost);
        check_overlaps("training_budget", a_.training_budget);
        check_overlaps("short_course", a_.short_course);
        check_overlaps("apprenticeship_funding", a_.apprenticeship_funding);
        check_overlaps("apprentice_ni_relief", a_.apprentice_ni_relief);
        // Eligibility: one rule per level (and one for foundation apprenticeships); incentives: one per (foundation_only, max_age) pair,
        // so the £1,000 for 16-18s and the foundation payment may run side by side.
        check_overlaps("apprenticeship_eligibility", a_.apprenticeship_eligibility,
                       [](const ApprenticeshipEligibilityRule& r) {
                           return r.foundation_only ? std::string(" for foundation apprenticeships")
                                                    : " for level " + std::to_string(r.level);
                       });
        check_overlaps("apprenticeship_incentive", a_.apprenticeship_incentive,
                       [](const ApprenticeshipIncentiveRule& r) {
                           const char* who = r.foundation_only ? "foundation apprentices" : "apprentices";
                           return std::string(" for ") + who + " aged up to " + std::to_string(r.max_age);
                       });
    }

    static std::string period_text(const RulePeriod& p) {
        return p.effective_to.empty() ? "from " + p.effective_from + " on" : p.effective_from + " to " + p.effective_to;
    }

    template <class Rule>
    void check_overlaps(const char* kind, const std::vector<Rule>& rules) {
        check_overlaps(kind, rules, [](const Rule&) { return std::string(); });
    }

    // Two periods of one kind (and of one group within it, as `group` names it: "" for the
    // whole kind) may not share a day; reports each later rule once.
    template <class Rule, class Group>
    void check_overlaps(const char* kind, const std::vector<Rule>& rules, Group group) {
        for (std::size_t j = 1; j < rules.size(); ++j) {
            const RulePeriod& b = rules[j];
            if (b.effective_from.empty()) continue;
            const std::string gb = group(rules[j]);
            for (std::size_t i = 0; i < j; ++i) {
                const RulePeriod& a = rules[i];
                if (a.effective_from.empty() || group(rules[i]) != gb) continue;
                bool a_before_b_ends = b.effective_to.empty() || a.effective_from <= b.effective_to;
                bool b_before_a_ends = a.effective_to.empty() || b.effective_from <= a.effective_to;
                if (a_before_b_ends && b_before_a_ends) {
                    root_.diags().error(b.pointer + "/effective_from",
                                        "this " + std::string(kind) + " rule" + gb + " (" + period_text(b) +
                                            ") overlaps the one at " + a.pointer + " (" + period_text(a) +
                                            "); rules of one kind" + gb +
                                            " must not cover the same day, so end the earlier one with effective_to");
                    break;
                }
            }
        }
    }

    JsonAt root_;
    std::size_t errors_before_;
    Assumptions a_;
};

}  // namespace

const EmployerNiRule* Assumptions::employer_ni_on(const std::string& d) const { return rule_on(employer_ni, d); }
const PensionRule* Assumptions::pension_on(const std::string& d) const { return rule_on(pension, d); }
const ApprenticeshipLevyRule* Assumptions::apprenticeship_levy_on(const std::string& d) const {
    return rule_on(apprenticeship_levy, d);
}
const PayAwardRule* Assumptions::pay_award_on(const std::string& d) const { return rule_on(pay_award, d); }
const LondonWeightingRule* Assumptions::london_weighting_on(LondonArea area, const std::string& d) const {
    if (!is_iso_date(d)) return nullptr;
    for (const auto& r : london_weighting)
        if (r.area == area && r.covers(d)) return &r;
    return nullptr;
}
const ApprenticeNiReliefRule* Assumptions::apprentice_ni_relief_on(const std::string& d) const {
    return rule_on(apprentice_ni_relief, d);
}
const RecruitmentCostRule* Assumptions::recruitment_cost_on(const std::string& d) const {
    return rule_on(recruitment_cost, d);
}
const TrainingBudgetRule* Assumptions::training_budget_on(const std::string& d) const {
    return rule_on(training_budget, d);
}
const ShortCourseRule* Assumptions::short_course_on(const std::string& d) const {
    return rule_on(short_course, d);
}
const ApprenticeshipFundingRule* Assumptions::apprenticeship_funding_on(const std::string& d) const {
    return rule_on(apprenticeship_funding, d);
}

double Assumptions::apprenticeship_band(const std::string& standard_key, const std::string& iso_date) const {
    const ApprenticeshipFundingRule* r = apprenticeship_funding_on(iso_date);
    if (!r) return 0;
    auto it = r->bands.find(standard_key);
    return it == r->bands.end() ? 0 : it->second;
}

std::optional<Assumptions> parse_assumptions(const nlohmann::json& doc, Diagnostics& diags) {
    return AssumptionsReader(doc, diags).read();
}

}  // namespace ys
