// The assumptions' rules for London areas and apprentices: parsing the newer rule kinds,
// the assumption flag and its basis, London areas from an organisation, age bands, and
// apprenticeship terms worked by hand; and the shipped file's figures for them.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "assumptions.h"
#include "json_read.h"

using namespace ys;
using json = nlohmann::json;

namespace {

const std::string kSource = YS_SOURCE_DIR;

std::string problems(const Diagnostics& d) {
    std::string s;
    for (const auto& x : d.items()) s += to_string(x) + "\n";
    return s;
}

// A vector, not a json: a braced list of one rule would be taken for that rule itself.
json doc_with(const std::vector<json>& rules) {
    return json{{"format", "yardstick-assumptions/1"},
                {"id", "t"},
                {"title", "T"},
                {"currency", "GBP"},
                {"oncosts", {{"method", "components"}}},
                {"rules", json(rules)}};
}

json rule(const char* kind, const char* from, json figures, const char* to = nullptr) {
    json r = {{"kind", kind}, {"effective_from", from}, {"source", "test"}, {"date", "2026-01-01"}};
    if (to) r["effective_to"] = to;
    for (auto it = figures.begin(); it != figures.end(); ++it) r[it.key()] = it.value();
    return r;
}

Assumptions parse_ok(const std::vector<json>& rules) {
    Diagnostics d;
    auto a = parse_assumptions(doc_with(rules), d);
    INFO(problems(d));
    REQUIRE(a);
    CHECK(d.items().empty());
    return *a;
}

// The one error a document gives: its pointer and message.
Diagnostic parse_one_error(const std::vector<json>& rules) {
    Diagnostics d;
    CHECK_FALSE(parse_assumptions(doc_with(rules), d));
    INFO(problems(d));
    REQUIRE(d.items().size() == 1);
    return d.items()[0];
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

bool any_note(const ApprenticeshipTerms& t, const std::string& part) {
    for (const auto& n : t.notes)
        if (has(n, part)) return true;
    return false;
}

// The funding, eligibility and incentive rules of a small hand-worked case.
Assumptions apprentice_rules() {
    return parse_ok({
        rule("apprenticeship_funding", "2025-04-01",
             {{"bands", {{"data-analyst-l4", 19000}, {"senior-leader-l7", 14000}}},
              {"co_investment", 0.05},
              {"expiry_months", 24},
              {"fully_funded_max_age", 21}},
             "2026-03-31"),
        rule("apprenticeship_funding", "2026-04-01",
             {{"bands", {{"data-analyst-l4", 19000}, {"senior-leader-l7", 14000}}},
              {"co_investment", 0.25},
              {"expiry_months", 12},
              {"assumption", true},
              {"basis", "announced, not yet in the funding rules"}}),
        rule("apprenticeship_eligibility", "2026-01-01", {{"level", 7}, {"max_age", 21}}),
        rule("apprenticeship_incentive", "2017-05-01", {{"max_age", 18}, {"amount", 1000}}),
        rule("apprenticeship_incentive", "2025-08-01", {{"foundation_only", true}, {"max_age", 21}, {"amount", 2000}}),
    });
}

}  // namespace

TEST_CASE("the newer rule kinds and the assumption flag read as written", "[assumptions]") {
    Assumptions a = parse_ok({
        rule("london_weighting", "2025-04-01", {{"area", "inner-london"}, {"amount", 3405}}),
        rule("london_weighting", "2025-04-01", {{"area", "outer-london"}, {"amount", 1812}}),
        rule("london_weighting", "2025-04-01", {{"area", "fringe"}, {"amount", 824}}),
        rule("apprentice_ni_relief", "2021-04-06", {{"upper_threshold", 50270}}),
        rule("apprenticeship_eligibility", "2026-01-01", {{"level", 7}, {"max_age", 21}}),
        rule("apprenticeship_eligibility", "2026-01-01", {{"level", 6}, {"max_age", 24}}),
        rule("apprenticeship_incentive", "2025-08-01", {{"foundation_only", true}, {"max_age", 21}, {"amount", 2000}}),
        rule("apprenticeship_incentive", "2017-05-01", {{"max_age", 18}, {"amount", 1000}}),
        rule("pay_award", "2026-04-01", {{"rate", 0.03}, {"assumption", true}, {"basis", "the employers' offer"}}),
        rule("pay_award", "2025-04-01", {{"rate", 0.032}, {"assumption", false}}, "2026-03-31"),
    });
    REQUIRE(a.london_weighting.size() == 3);
    CHECK(a.london_weighting_on(LondonArea::Inner, "2026-06-01")->amount == Approx(3405));
    CHECK(a.london_weighting_on(LondonArea::Outer, "2026-06-01")->amount == Approx(1812));
    CHECK(a.london_weighting_on(LondonArea::Fringe, "2026-06-01")->amount == Approx(824));
    CHECK(a.london_weighting_on(LondonArea::None, "2026-06-01") == nullptr);
    CHECK(a.london_weighting_on(LondonArea::Inner, "2025-03-31") == nullptr);

    const ApprenticeNiReliefRule* ni = a.apprentice_ni_relief_on("2025-04-06");
    REQUIRE(ni);
    CHECK(ni->under_age == 25);  // the default
    CHECK(ni->upper_threshold == Approx(50270));
    CHECK(a.apprentice_ni_relief_on("2021-04-05") == nullptr);

    REQUIRE(a.apprenticeship_eligibility.size() == 2);
    CHECK(a.apprenticeship_eligibility[1].level == 6);
    CHECK(a.apprenticeship_eligibility[1].max_age == 24);
    REQUIRE(a.apprenticeship_incentive.size() == 2);
    CHECK(a.apprenticeship_incentive[0].foundation_only);
    CHECK_FALSE(a.apprenticeship_incentive[1].foundation_only);  // absent: false
    CHECK(a.apprenticeship_incentive[1].amount == Approx(1000));

    const PayAwardRule* later = a.pay_award_on("2027-04-01");
    REQUIRE(later);
    CHECK(later->assumption);
    CHECK(later->basis == "the employers' offer");
    CHECK(later->pointer == "/rules/8");
    CHECK_FALSE(a.pay_award_on("2025-04-01")->assumption);
}

TEST_CASE("each bad value in the newer rules is one error at its pointer", "[assumptions]") {
    SECTION("an assumption with an empty basis") {
        Diagnostic x = parse_one_error({rule("pay_award", "2026-04-01", {{"rate", 0.03}, {"assumption", true}, {"basis", ""}})});
        CHECK(x.where == "/rules/0/basis");
        CHECK(has(x.message, "non-empty"));
    }
    SECTION("assumption is not true or false") {
        Diagnostic x = parse_one_error({rule("pay_award", "2026-04-01", {{"rate", 0.03}, {"assumption", "yes"}})});
        CHECK(x.where == "/rules/0/assumption");
        CHECK(has(x.message, "true or false"));
    }
    SECTION("London weighting with area none") {
        Diagnostic x = parse_one_error({rule("london_weighting", "2025-04-01", {{"area", "none"}, {"amount", 1}})});
        CHECK(x.where == "/rules/0/area");
        CHECK(has(x.message, "\"inner-london\", \"outer-london\" or \"fringe\""));
    }
    SECTION("London weighting of two areas on the same days is fine, of one area is not") {
        parse_ok({rule("london_weighting", "2025-04-01", {{"area", "fringe"}, {"amount", 824}}),
                  rule("london_weighting", "2025-04-01", {{"area", "outer-london"}, {"amount", 1812}})});
        Diagnostic x = parse_one_error({rule("london_weighting", "2025-04-01", {{"area", "fringe"}, {"amount", 824}}),
                                        rule("london_weighting", "2026-04-01", {{"area", "fringe"}, {"amount", 850}})});
        CHECK(x.where == "/rules/1/effective_from");
        CHECK(has(x.message, "for the London fringe"));
    }
    SECTION("an age out of range") {
        Diagnostic x = parse_one_error({rule("apprentice_ni_relief", "2021-04-06", {{"under_age", 12}, {"upper_threshold", 1}})});
        CHECK(x.where == "/rules/0/under_age");
        CHECK(has(x.message, "found 12"));
        Diagnostic y = parse_one_error({rule("apprenticeship_incentive", "2025-08-01", {{"max_age", 21.5}, {"amount", 1}})});
        CHECK(y.where == "/rules/0/max_age");
        CHECK(has(y.message, "whole number"));
    }
    SECTION("an eligibility rule without its age") {
        Diagnostic x = parse_one_error({rule("apprenticeship_eligibility", "2026-01-01", {{"level", 7}})});
        CHECK(x.where == "/rules/0/max_age");
        CHECK(has(x.message, "missing"));
    }
    SECTION("eligibility rules of different levels may share days; incentives of different ages may") {
        parse_ok({rule("apprenticeship_eligibility", "2026-01-01", {{"level", 7}, {"max_age", 21}}),
                  rule("apprenticeship_eligibility", "2026-01-01", {{"level", 6}, {"max_age", 21}}),
                  rule("apprenticeship_incentive", "2025-08-01", {{"max_age", 18}, {"amount", 1000}}),
                  rule("apprenticeship_incentive", "2025-08-01", {{"max_age", 21}, {"amount", 500}})});
    }
    SECTION("fully_funded_max_age out of range") {
        Diagnostic x = parse_one_error({rule("apprenticeship_funding", "2025-04-01",
                                             {{"bands", json::object()}, {"co_investment", 0.05}, {"expiry_months", 24},
                                              {"fully_funded_max_age", -1}})});
        CHECK(x.where == "/rules/0/fully_funded_max_age");
    }
    SECTION("a misspelt key on a new kind") {
        Diagnostic x = parse_one_error({rule("apprenticeship_incentive", "2025-08-01",
                                             {{"foundation", true}, {"max_age", 21}, {"amount", 2000}})});
        CHECK(x.where == "/rules/0/foundation");
        CHECK(has(x.message, "unknown key"));
    }
    SECTION("the unknown-kind message names the new kinds") {
        Diagnostic x = parse_one_error({rule("apprentice_incentive", "2025-08-01", json::object())});
        CHECK(has(x.message, "apprentice_ni_relief"));
        CHECK(has(x.message, "apprenticeship_eligibility"));
        CHECK(has(x.message, "apprenticeship_incentive"));
    }
}

TEST_CASE("London areas: names, parsing and the area an organisation is in", "[assumptions][london]") {
    for (LondonArea area : {LondonArea::None, LondonArea::Inner, LondonArea::Outer, LondonArea::Fringe}) {
        auto back = parse_london_area(to_string(area));
        REQUIRE(back);
        CHECK(*back == area);
    }
    CHECK(std::string(to_string(LondonArea::Inner)) == "inner-london");
    CHECK(std::string(area_name(LondonArea::Outer)) == "outer London");
    CHECK(std::string(area_name(LondonArea::None)) == "no London weighting");
    CHECK_FALSE(parse_london_area("Inner London"));
    CHECK_FALSE(parse_london_area(""));

    std::string why;
    SECTION("an inner London borough by its ONS code") {
        CHECK(london_area_for("london-borough", "", "E09000007", why) == LondonArea::Inner);
        CHECK(has(why, "Camden"));
        CHECK(has(why, "ONS code"));
        CHECK(london_area_for("london-borough", "", "E09000001", why) == LondonArea::Inner);  // the City
        CHECK(london_area_for("london-borough", "", "E09000011", why) == LondonArea::Inner);  // Greenwich (statute)
        CHECK(london_area_for("london-borough", "Outer London", "E09000033", why) == LondonArea::Inner);  // code wins
    }
    SECTION("an outer London borough by its ONS code") {
        CHECK(london_area_for("london-borough", "", "E09000003", why) == LondonArea::Outer);  // Barnet
        CHECK(has(why, "E09000003"));
        CHECK(london_area_for("london-borough", "", "E09000025", why) == LondonArea::Outer);  // Newham
        CHECK(london_area_for("london-borough", "", "E09000014", why) == LondonArea::Outer);  // Haringey
    }
    SECTION("a London borough with no code is taken as outer London, and says so") {
        CHECK(london_area_for("london-borough", "", "", why) == LondonArea::Outer);
        CHECK(has(why, "no ONS code"));
        CHECK(london_area_for("london-borough", "London", "E09999902", why) == LondonArea::Outer);  // not a real code
        CHECK(has(why, "check the code"));
    }
    SECTION("a region written as inner or outer London decides when there is no code") {
        CHECK(london_area_for("london-borough", "Inner London", "", why) == LondonArea::Inner);
        CHECK(has(why, "Inner London"));
        CHECK(london_area_for("region", "inner london", "", why) == LondonArea::Inner);
        CHECK(london_area_for("department", "Outer London", "", why) == LondonArea::Outer);
    }
    SECTION("anything else has no London weighting") {
        CHECK(london_area_for("county", "South East", "E10000030", why) == LondonArea::None);
        CHECK(has(why, "county"));
        CHECK(london_area_for("region", "London", "", why) == LondonArea::None);
        CHECK(london_area_for("", "", "", why) == LondonArea::None);
        CHECK(london_area_for("unitary", "", "E090000071", why) == LondonArea::None);  // too long to be a code
    }
}

TEST_CASE("age bands", "[assumptions]") {
    for (AgeBand b : {AgeBand::From16To18, AgeBand::From19To21, AgeBand::From22To24, AgeBand::From25}) {
        auto back = parse_age_band(to_string(b));
        REQUIRE(back);
        CHECK(*back == b);
    }
    CHECK(std::string(to_string(AgeBand::From25)) == "25-plus");
    CHECK(std::string(to_string(AgeBand::Unknown)).empty());
    for (const char* bad : {"", "25+", "16 - 18", "16-19", "22-24 ", "Unknown", "unknown", "18"}) {
        INFO(bad);
        CHECK_FALSE(parse_age_band(bad));
    }
    CHECK(oldest_age(AgeBand::From16To18) == 18);
    CHECK(oldest_age(AgeBand::From19To21) == 21);
    CHECK(oldest_age(AgeBand::From22To24) == 24);
    CHECK(oldest_age(AgeBand::From25) > 100);
    CHECK(oldest_age(AgeBand::Unknown) == oldest_age(AgeBand::From25));
}

TEST_CASE("apprenticeship terms, worked by hand", "[assumptions][apprentices]") {
    Assumptions a = apprentice_rules();

    SECTION("a levy payer: the band from levy funds") {
        ApprenticeshipTerms t = a.apprenticeship_terms("data-analyst-l4", 4, false, AgeBand::From22To24, true, "2025-09-01");
        CHECK(t.training_cost == Approx(19000));
        CHECK(t.funded == Approx(19000));
        CHECK(t.eligible);
        CHECK(t.incentive == 0);
        CHECK_FALSE(t.band_is_assumption);
        CHECK(t.funding_rule == &a.apprenticeship_funding[0]);
        CHECK(any_note(t, "levy funds"));
    }
    SECTION("not a levy payer, aged 22-24: the council co-invests 5%") {
        ApprenticeshipTerms t = a.apprenticeship_terms("data-analyst-l4", 4, false, AgeBand::From22To24, false, "2025-09-01");
        CHECK(t.funded == Approx(19000 * 0.95));  // 18,050
        CHECK(any_note(t, "5% of the training cost (£950)"));
    }
    SECTION("not a levy payer, aged 19-21: fully funded by the rule's age") {
        ApprenticeshipTerms t = a.apprenticeship_terms("data-analyst-l4", 4, false, AgeBand::From19To21, false, "2025-09-01");
        CHECK(t.funded == Approx(19000));
        CHECK(any_note(t, "21 or under"));
    }
    SECTION("not a levy payer after April 2026: 25% co-investment, and the band is an assumption") {
        ApprenticeshipTerms t = a.apprenticeship_terms("data-analyst-l4", 4, false, AgeBand::From25, false, "2026-09-01");
        CHECK(t.funded == Approx(19000 * 0.75));  // 14,250
        CHECK(t.band_is_assumption);
        CHECK(any_note(t, "announced, not yet in the funding rules"));
    }
    SECTION("level 7, aged 22-24, after the cut-off: excluded, the council pays in full") {
        ApprenticeshipTerms t = a.apprenticeship_terms("senior-leader-l7", 7, false, AgeBand::From22To24, true, "2026-01-01");
        CHECK_FALSE(t.eligible);
        CHECK(t.training_cost == Approx(14000));
        CHECK(t.funded == 0);
        REQUIRE(t.eligibility_rule == &a.apprenticeship_eligibility[0]);
        CHECK(any_note(t, "Level 7 apprenticeships starting on or after 1 January 2026 are funded only for apprentices "
                          "under 22; this apprentice is aged 22-24, so the council pays the training in full."));
    }
    SECTION("level 7, aged 22-24, the day before the cut-off: funded") {
        ApprenticeshipTerms t = a.apprenticeship_terms("senior-leader-l7", 7, false, AgeBand::From22To24, true, "2025-12-31");
        CHECK(t.eligible);
        CHECK(t.funded == Approx(14000));
    }
    SECTION("level 7, aged 19-21, after the cut-off: funded") {
        ApprenticeshipTerms t = a.apprenticeship_terms("senior-leader-l7", 7, false, AgeBand::From19To21, true, "2026-06-01");
        CHECK(t.eligible);
        CHECK(t.eligibility_rule == nullptr);
        CHECK(t.funded == Approx(14000));
    }
    SECTION("the age not given: counted as 25 or over, with a note") {
        ApprenticeshipTerms t = a.apprenticeship_terms("senior-leader-l7", 7, true, AgeBand::Unknown, false, "2026-06-01");
        CHECK_FALSE(t.eligible);
        CHECK(t.funded == 0);
        CHECK(t.incentive == 0);
        CHECK(any_note(t, "age was not given"));
        ApprenticeshipTerms u = a.apprenticeship_terms("data-analyst-l4", 4, false, AgeBand::Unknown, false, "2025-09-01");
        CHECK(u.funded == Approx(19000 * 0.95));  // not the young apprentices' full funding
    }
    SECTION("a foundation apprentice aged 16-18: both payments") {
        ApprenticeshipTerms t = a.apprenticeship_terms("data-analyst-l4", 4, true, AgeBand::From16To18, true, "2025-09-01");
        CHECK(t.incentive == Approx(3000));
        REQUIRE(t.incentive_rule);
        CHECK(any_note(t, "£2,000"));
        CHECK(any_note(t, "£1,000"));
    }
    SECTION("incentives by age, kind and date") {
        CHECK(a.apprenticeship_terms("data-analyst-l4", 4, false, AgeBand::From16To18, true, "2025-09-01").incentive ==
              Approx(1000));
        CHECK(a.apprenticeship_terms("data-analyst-l4", 4, true, AgeBand::From19To21, true, "2025-09-01").incentive ==
              Approx(2000));
        CHECK(a.apprenticeship_terms("data-analyst-l4", 4, false, AgeBand::From19To21, true, "2025-09-01").incentive == 0);
        CHECK(a.apprenticeship_terms("data-analyst-l4", 4, true, AgeBand::From19To21, true, "2025-07-31").incentive == 0);
        CHECK(a.apprenticeship_terms("data-analyst-l4", 4, true, AgeBand::From22To24, true, "2025-09-01").incentive == 0);
    }
    SECTION("no band for the standard, or no rule on the date: nothing counted, and said") {
        ApprenticeshipTerms t = a.apprenticeship_terms("no-such-standard", 4, false, AgeBand::From25, true, "2025-09-01");
        CHECK(t.training_cost == 0);
        CHECK(t.funded == 0);
        CHECK(any_note(t, "no funding band for no-such-standard"));
        ApprenticeshipTerms u = a.apprenticeship_terms("data-analyst-l4", 4, false, AgeBand::From25, true, "2020-01-01");
        CHECK(u.funding_rule == nullptr);
        CHECK(u.funded == 0);
        CHECK(any_note(u, "1 January 2020"));
        ApprenticeshipTerms v = a.apprenticeship_terms("data-analyst-l4", 4, false, AgeBand::From25, true, "2025-13-01");
        CHECK(v.funded == 0);
    }
}

TEST_CASE("the shipped assumptions carry the apprentice and London rules, sourced and dated", "[assumptions][content]") {
    const std::string path = kSource + "/frameworks/roles/assumptions-england-2025.json";
    Diagnostics d(path);
    auto doc = read_json_file(path, d);
    REQUIRE(doc);
    auto parsed = parse_assumptions(*doc, d);
    INFO(problems(d));
    REQUIRE(parsed);
    const Assumptions& a = *parsed;

    // Every rule names a source and the date it was checked; every assumption its basis.
    std::vector<const RulePeriod*> all;
    auto add = [&](const auto& rules) {
        for (const auto& r : rules) all.push_back(&r);
    };
    add(a.employer_ni), add(a.pension), add(a.apprenticeship_levy), add(a.pay_award), add(a.london_weighting);
    add(a.recruitment_cost), add(a.training_budget), add(a.apprenticeship_funding), add(a.apprentice_ni_relief);
    add(a.apprenticeship_eligibility), add(a.apprenticeship_incentive), add(a.short_course);
    CHECK(all.size() == doc->at("rules").size());
    for (const RulePeriod* r : all) {
        INFO(r->pointer);
        CHECK(r->source.size() > 20);
        CHECK(r->date >= "2026-11-21");
        if (r->assumption) CHECK(r->basis.size() > 20);
    }

    // London weighting in every area, never zero.
    for (LondonArea area : {LondonArea::Inner, LondonArea::Outer, LondonArea::Fringe}) {
        INFO(area_name(area));
        const LondonWeightingRule* lw = a.london_weighting_on(area, "2026-06-01");
        REQUIRE(lw);
        CHECK(lw->amount > 0);
        CHECK(lw->assumption);  // no current published figure could be confirmed
    }
    CHECK(a.london_weighting_on(LondonArea::Inner, "2026-06-01")->amount >
          a.london_weighting_on(LondonArea::Outer, "2026-06-01")->amount);

    // The pay award: agreed for 2025-26, assumed (and said) from April 2026 on.
    REQUIRE(a.pay_award_on("2025-06-01"));
    CHECK_FALSE(a.pay_award_on("2025-06-01")->assumption);
    const PayAwardRule* later = a.pay_award_on("2029-06-01");
    REQUIRE(later);
    CHECK(later->assumption);
    CHECK(later->effective_from == "2026-04-01");

    const ApprenticeNiReliefRule* ni = a.apprentice_ni_relief_on("2026-06-01");
    REQUIRE(ni);
    CHECK(ni->under_age == 25);
    CHECK(ni->upper_threshold == Approx(50270));

    // Level 7 from 1 January 2026, for the under-22s; the incentives of 2025-26.
    ApprenticeshipTerms l7 = a.apprenticeship_terms("data-analyst-l4", 7, false, AgeBand::From22To24, true, "2026-01-01");
    CHECK_FALSE(l7.eligible);
    CHECK(a.apprenticeship_terms("data-analyst-l4", 7, false, AgeBand::From22To24, true, "2025-12-31").eligible);
    ApprenticeshipTerms young = a.apprenticeship_terms("data-analyst-l4", 4, true, AgeBand::From16To18, true, "2025-09-01");
    CHECK(young.incentive == Approx(3000));
    CHECK(young.band_is_assumption);  // the bands are not published figures
    CHECK(a.apprenticeship_terms("data-analyst-l4", 4, false, AgeBand::From19To21, false, "2025-09-01").funded ==
          Approx(a.apprenticeship_band("data-analyst-l4", "2025-09-01")));
}
