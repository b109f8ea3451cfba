// The business case's assumptions (every dated rule with its figure, period and source,
// marked where it is an assumption rather than a published figure) and its apprenticeship
// funding.
#include <algorithm>

#include "business_case_builder.h"
#include "money_text.h"
#include "roadmap_dates.h"
#include "text_format.h"

namespace ys::report::detail {
namespace {

std::string age_words(int oldest) { return oldest >= 1000 ? "any age" : "aged " + std::to_string(oldest) + " or under"; }

}  // namespace

}  // namespace ys::report::detail

namespace ys::report {

std::vector<AssumptionRow> assumption_rows(const Assumptions& a) {
    using detail::effective;
    using detail::rate_text;
    std::vector<AssumptionRow> rows;
    auto row = [&](const std::string& what, const std::string& figure, const RulePeriod& r) {
        rows.push_back({what, figure, effective(r), r.source + (r.note.empty() ? "" : (r.source.empty() ? "" : " Note: ") + r.note),
                        r.date, r.assumption, r.basis});
    };
    if (a.oncost_method == OncostMethod::Flat && a.flat_rate)
        rows.push_back({"On-costs", "A flat " + rate_text(a.flat_rate->rate) + " of pay", "Always", a.flat_rate->source,
                        a.flat_rate->date, false, ""});
    for (const auto& r : a.employer_ni)
        row("Employer National Insurance", rate_text(r.rate) + " of pay above " + money(r.threshold) + " a year", r);
    for (const auto& r : a.apprentice_ni_relief)
        row("Apprentices' National Insurance relief",
            "None on pay up to " + money(r.upper_threshold) + " a year for apprentices under " + std::to_string(r.under_age), r);
    for (const auto& r : a.pension)
        row("Employer pension",
            rate_text(r.rate) + " of pay" +
                (r.typical_high > 0 ? " (councils' own rates typically " + rate_text(r.typical_low) + " to " +
                                          rate_text(r.typical_high) + ": enter yours)"
                                    : ""),
            r);
    for (const auto& r : a.apprenticeship_levy)
        row("Apprenticeship levy", rate_text(r.rate) + " of the pay bill, less " + money(r.allowance) + " a year", r);
    for (const auto& r : a.pay_award) row("Pay award", "Pay rises by " + rate_text(r.rate), r);
    for (const auto& r : a.london_weighting)
        row("London weighting, " + std::string(area_name(r.area)), money(r.amount) + " a year", r);
    for (const auto& r : a.recruitment_cost) row("Recruitment", money(r.per_hire) + " a post", r);
    for (const auto& r : a.training_budget) row("Training", money(r.per_head) + " a post a year", r);
    for (const auto& r : a.apprenticeship_funding) {
        std::vector<std::string> bands;
        for (const auto& [k, v] : r.bands) bands.push_back(k + " " + money(v));
        row("Apprenticeship funding",
            "Band maxima: " + join_words(bands) + "; employer co-investment " + rate_text(r.co_investment) +
                "; funds expire after " + detail::count_text(r.expiry_months, "month", "months") + "; top-up " +
                rate_text(r.top_up),
            r);
    }
    for (const auto& r : a.apprenticeship_eligibility)
        row("Apprenticeship eligibility",
            (r.foundation_only ? std::string("Foundation apprenticeships") : "Level " + std::to_string(r.level)) +
                " funded only for apprentices " + detail::age_words(r.max_age) + " on their start date",
            r);
    for (const auto& r : a.apprenticeship_incentive)
        row("Apprenticeship incentive",
            money(r.amount) + " an apprentice " + detail::age_words(r.max_age) +
                (r.foundation_only ? ", foundation apprenticeships only" : ""),
            r);
    return rows;
}

}  // namespace ys::report

namespace ys::report::detail {

void BusinessCaseBuilder::assumptions() {
    Table t;
    t.caption = "Assumptions, with the dates they apply and their sources";
    t.header = {"Assumption", "Figure", "Applies", "Source", "Checked"};
    t.widths = {1.5, 2.0, 1.4, 4.4, 1.2};
    t.first_column_is_header = true;
    int assumed = 0;
    for (const AssumptionRow& r : assumption_rows(a_)) {
        std::string source = r.source;
        if (r.assumption) {
            ++assumed;
            source = "An assumption, not a published figure: " + r.basis + (r.source.empty() ? "" : " (" + source + ")");
        }
        t.rows.push_back({r.what + (r.assumption ? " (assumption)" : ""), r.figure, r.applies, source,
                          r.checked.empty() ? "-" : long_date(r.checked)});
    }
    w_.add(t);
    if (assumed)
        w_.paragraph(count_text(assumed, "figure above is an assumption", "figures above are assumptions") +
                         ", not published; each says why it was chosen. Check " + (assumed == 1 ? "it" : "them") +
                         " before the case goes to a decision.",
                     TextStyle::note);

    KeyValues kv;
    kv.rows.push_back({"On-cost method", a_.oncost_method == OncostMethod::Flat ? "A flat rate on pay"
                                                                               : "Each on-cost by its own dated rule, prorated by day"});
    std::string why;
    const LondonArea area = london_area(req_, why);
    std::string lw = area == LondonArea::None ? "None (" + why + ")" : std::string("For ") + area_name(area) + " (" + why + ")";
    if (area != LondonArea::None) {
        const LondonWeightingRule* rule = a_.london_weighting_on(area, sc().start);
        lw += rule && rule->amount > 0 ? ": " + money(rule->amount) + " a year at the start of the plan, for roles that carry it"
                                       : ": the assumptions give no figure for this area at the start of the plan, so none is added";
    }
    kv.rows.push_back({"London weighting", lw});
    kv.rows.push_back({"Pays the apprenticeship levy", sc().levy_payer ? "Yes" : "No"});
    kv.rows.push_back({"Team structure", std::string(to_string(sc().structure)) + ", " +
                                             count_text(sc().departments, "department", "departments")});
    if (sc().inflation > 0)
        kv.rows.push_back({"Inflation on other costs", rate_text(sc().inflation) + " a year after the first, for lines marked "
                                                       "for uplift (" + sc().inflation_basis + ")"});
    w_.add(kv);
    if (!map_.notes.empty()) {
        w_.paragraph("How the plan was costed:");
        w_.add(BulletList{map_.notes});
    }
    if (!map_.assumed.empty()) {
        w_.paragraph("Figures used that are assumptions, not published ones:");
        w_.add(BulletList{map_.assumed});
    }
    w_.paragraph("Every figure can be changed in the assumptions file; a rule applies from its start date, so a change "
                 "announced for a later date sits beside the figure it replaces.",
                 TextStyle::note);
}

void BusinessCaseBuilder::funding() {
    int first_year = sc().horizon_years;
    for (const RoadmapPost* h : hires()) first_year = std::min(first_year, h->start_year);
    if (hires().empty()) first_year = 1;
    const std::string first_day = add_years(sc().start, first_year - 1);
    if (const ApprenticeshipLevyRule* levy = a_.apprenticeship_levy_on(first_day)) {
        if (sc().levy_payer)
            w_.paragraph("The council pays the apprenticeship levy: " + rate_text(levy->rate) + " of its pay bill, less an "
                         "allowance of " + money(levy->allowance) + " a year. Its levy funds pay for apprenticeship "
                         "training up to each standard's funding band maximum. Each new post adds its share of the levy, "
                         "shown as a cost line.");
        else
            w_.paragraph("The council does not pay the apprenticeship levy, so it meets a share of apprenticeship training "
                         "costs itself (co-investment) and the government pays the rest.");
    }
    // Apprenticeships in this case: the roles' own, or the apprenticeship option for one role.
    std::vector<const Role*> apprentices;
    for (const Role* r : roles())
        if (r->apprenticeship) apprentices.push_back(r);
    if (role_ && !role_->apprenticeship)
        if (const Role* app = apprentice_for(*role_)) apprentices.push_back(app);
    if (apprentices.empty()) {
        w_.paragraph("No apprenticeship is part of this case.");
    } else {
        Table t;
        t.caption = "Apprenticeship funding";
        t.header = {"Role", "Standard", "Band maximum", "Co-investment", "Funds expire after", "Rules from"};
        t.widths = {2.0, 2.2, 1.2, 1.1, 1.2, 1.4};
        t.first_column_is_header = true;
        for (const Role* r : apprentices) {
            const std::string hired = add_years(sc().start, start_year(*r) - 1);
            const ApprenticeshipFundingRule* f = a_.apprenticeship_funding_on(hired);
            const double band = a_.apprenticeship_band(funding_band_key(*r->apprenticeship), hired);
            t.rows.push_back({r->title, apprenticeship_text(*r->apprenticeship),
                              band > 0 ? money(band) : "No band in the assumptions",
                              f ? (sc().levy_payer ? "None (levy funds)"
                                                   : rate_text(f->co_investment) +
                                                         (f->fully_funded_max_age > 0
                                                              ? " (none for apprentices aged " +
                                                                    std::to_string(f->fully_funded_max_age) + " or under)"
                                                              : ""))
                                : "-",
                              f ? count_text(f->expiry_months, "month", "months") : "-",
                              f ? long_date(f->effective_from) : "-"});
        }
        w_.add(t);
    }
    Money training, funded, incentive, levy_cost;
    for (const auto& y : years_) {
        training += y.line("Apprenticeship training");
        funded += y.line("Apprenticeship funding");
        incentive += y.line("Apprenticeship incentive");
        levy_cost += y.line("Apprenticeship levy");
    }
    KeyValues kv;
    kv.rows.push_back({"Apprenticeship training over the plan", pennies_text(training.mid)});
    kv.rows.push_back({"Met from apprenticeship funding", pennies_text(-funded.mid)});
    kv.rows.push_back({"Apprenticeship incentives paid to the council", pennies_text(-incentive.mid)});
    kv.rows.push_back({"Levy on the new posts' pay (mid)", pennies_text(levy_cost.mid)});
    w_.add(kv);
}

}  // namespace ys::report::detail
