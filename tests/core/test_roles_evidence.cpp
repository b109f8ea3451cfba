// The role catalogue's salary evidence, DDaT mapping and apprenticeship ages, and the
// assumptions' foundation eligibility and pension range: each bad input is one error with its
// JSON pointer and what was expected; good ones read back as written.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "assumptions.h"
#include "json_read.h"
#include "roles.h"

using namespace ys;
using nlohmann::json;

namespace {

const std::string kData = std::string(YS_TEST_DATA) + "/roles/";

json good(const std::string& file) {
    Diagnostics d(file);
    auto doc = read_json_file(kData + file, d);
    REQUIRE(doc);
    return *doc;
}

json evidence_item() {
    return {{"kind", "njc-spine"}, {"figure", "SCP 3, £24,796 a year"}, {"low", 24796}, {"high", 24796},
            {"source", "Example: an NJC pay table."}, {"date", "2026-12-05"}};
}

// Parses a catalogue expected to fail with exactly one error at `where` whose message holds `words`.
void one_roles_error(const json& doc, const std::string& where, const std::vector<std::string>& words) {
    Diagnostics d("roles.json");
    CHECK_FALSE(parse_role_catalogue(doc, d));
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].where == where);
    for (const auto& w : words) {
        INFO(d.items()[0].message);
        CHECK(d.items()[0].message.find(w) != std::string::npos);
    }
}

void one_assumptions_error(const json& doc, const std::string& where, const std::vector<std::string>& words) {
    Diagnostics d("assumptions.json");
    CHECK_FALSE(parse_assumptions(doc, d));
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].where == where);
    for (const auto& w : words) {
        INFO(d.items()[0].message);
        CHECK(d.items()[0].message.find(w) != std::string::npos);
    }
}

}  // namespace

TEST_CASE("salary evidence, method, assumption, DDaT mapping and ages read back", "[roles]") {
    json doc = good("good-roles.json");
    auto& salary = doc["roles"][0]["salary"];
    salary["method"] = "SCP 3 to SCP 8.";
    salary["assumption"] = true;
    salary["basis"] = "Example: no grade yet.";
    salary["evidence"] = {evidence_item(), {{"kind", "minimum-wage"}, {"figure", "£8.00 an hour"}, {"source", "Example."}, {"date", "2026-04-01"}}};
    doc["roles"][0]["ddat"] = {{"family", "Data"}, {"role", "Data governance manager"}};
    doc["roles"][1]["ddat"] = {{"note", "No DDaT role fits an apprentice in this example."}};
    doc["roles"][1]["apprenticeship"]["ages"] = {"16-18", "19-21"};
    Diagnostics d("roles.json");
    auto cat = parse_role_catalogue(doc, d);
    REQUIRE(cat);
    const Role& r = cat->roles[0];
    CHECK(r.salary.method == "SCP 3 to SCP 8.");
    CHECK(r.salary.assumption);
    REQUIRE(r.salary.evidence.size() == 2);
    CHECK(r.salary.evidence[0].kind == SalaryEvidenceKind::NjcSpine);
    CHECK(r.salary.evidence[0].low == 24796);
    CHECK_FALSE(r.salary.evidence[1].low.has_value());
    REQUIRE(r.ddat);
    CHECK(r.ddat->family == "Data");
    const Role& app = cat->roles[1];
    CHECK(app.ddat->family.empty());
    REQUIRE(app.apprenticeship);
    CHECK(app.apprenticeship->ages == std::vector<AgeBand>{AgeBand::From16To18, AgeBand::From19To21});
    CHECK(app.apprenticeship->offered_to(AgeBand::From19To21));
    CHECK_FALSE(app.apprenticeship->offered_to(AgeBand::From25));
    CHECK_FALSE(app.apprenticeship->offered_to(AgeBand::Unknown));
    // A route that names no ages is offered to all, an unknown age included.
    CHECK(cat->roles[1].apprenticeship->ages.size() == 2);
    Apprenticeship any;
    CHECK(any.offered_to(AgeBand::Unknown));
}

TEST_CASE("bad salary evidence is reported where it is", "[roles]") {
    json doc = good("good-roles.json");
    auto& ev = doc["roles"][0]["salary"]["evidence"];
    ev = {evidence_item()};

    SECTION("an unknown kind") {
        ev[0]["kind"] = "rumour";
        one_roles_error(doc, "/roles/0/salary/evidence/0/kind", {"\"njc-spine\"", "\"rumour\""});
    }
    SECTION("no source") {
        ev[0].erase("source");
        one_roles_error(doc, "/roles/0/salary/evidence/0/source", {"every figure names its source"});
    }
    SECTION("no date") {
        ev[0].erase("date");
        one_roles_error(doc, "/roles/0/salary/evidence/0/date", {"YYYY-MM-DD"});
    }
    SECTION("high below low") {
        ev[0]["high"] = 20000;
        one_roles_error(doc, "/roles/0/salary/evidence/0/high", {"below low", "low <= high"});
    }
    SECTION("a negative figure") {
        ev[0]["low"] = -1;
        ev[0].erase("high");
        one_roles_error(doc, "/roles/0/salary/evidence/0/low", {"0 or more"});
    }
    SECTION("an unknown key") {
        ev[0]["salary"] = 1;
        one_roles_error(doc, "/roles/0/salary/evidence/0/salary", {});
    }
    SECTION("a band marked as an assumption without its basis") {
        doc["roles"][0]["salary"]["assumption"] = true;
        one_roles_error(doc, "/roles/0/salary/basis", {"says why it was chosen"});
    }
}

TEST_CASE("a bad DDaT mapping is reported where it is", "[roles]") {
    json doc = good("good-roles.json");
    auto& ddat = doc["roles"][0]["ddat"];

    SECTION("a family the framework does not have") {
        ddat = {{"family", "Wizardry"}, {"role", "Data wizard"}};
        one_roles_error(doc, "/roles/0/ddat/family", {"expected a DDaT job family", "\"Data\"", "\"Wizardry\""});
    }
    SECTION("a family without a role") {
        ddat = {{"family", "Data"}};
        one_roles_error(doc, "/roles/0/ddat/role", {"both the job family and the role"});
    }
    SECTION("no family and no note saying why") {
        ddat = json::object();
        one_roles_error(doc, "/roles/0/ddat/note", {"says why"});
    }
}

TEST_CASE("bad apprenticeship ages are reported where they are", "[roles]") {
    json doc = good("good-roles.json");
    auto& ages = doc["roles"][1]["apprenticeship"]["ages"];

    SECTION("not an age band") {
        ages = {"16-18", "under 25"};
        one_roles_error(doc, "/roles/1/apprenticeship/ages/1", {"\"16-18\", \"19-21\", \"22-24\" or \"25-plus\""});
    }
    SECTION("a band twice") {
        ages = {"19-21", "19-21"};
        one_roles_error(doc, "/roles/1/apprenticeship/ages/1", {"listed twice"});
    }
    SECTION("an empty list") {
        ages = json::array();
        Diagnostics d("roles.json");
        CHECK_FALSE(parse_role_catalogue(doc, d));
        REQUIRE(d.items().size() == 1);
        CHECK(d.items()[0].where == "/roles/1/apprenticeship/ages");
    }
}

TEST_CASE("a foundation eligibility rule sits beside a level 2 rule and applies only to foundation routes", "[assumptions]") {
    json doc = good("good-assumptions.json");
    json foundation = {{"kind", "apprenticeship_eligibility"}, {"effective_from", "2025-08-01"}, {"level", 2},
                       {"foundation_only", true}, {"max_age", 21}, {"source", "Example."}, {"date", "2026-12-05"}};
    json level2 = foundation;
    level2.erase("foundation_only");
    level2["max_age"] = 24;
    doc["rules"].push_back(foundation);
    doc["rules"].push_back(level2);
    Diagnostics d("assumptions.json");
    auto a = parse_assumptions(doc, d);
    REQUIRE(a);
    const auto& f = a->apprenticeship_eligibility[a->apprenticeship_eligibility.size() - 2];
    CHECK(f.foundation_only);
    CHECK(f.applies_to(2, true));
    CHECK(f.applies_to(3, true));
    CHECK_FALSE(f.applies_to(2, false));
    CHECK(eligibility_words(f) ==
          "Foundation apprenticeships starting on or after 1 August 2025 are funded only for apprentices under 22");

    SECTION("two foundation rules on the same day overlap") {
        doc["rules"].push_back(foundation);
        one_assumptions_error(doc, "/rules/" + std::to_string(doc["rules"].size() - 1) + "/effective_from",
                              {"overlaps", "for foundation apprenticeships"});
    }
}

TEST_CASE("a pension rule's typical range", "[assumptions]") {
    json doc = good("good-assumptions.json");
    std::size_t at = 0;
    for (std::size_t i = 0; i < doc["rules"].size(); ++i)
        if (doc["rules"][i]["kind"] == "pension") at = i;
    auto& p = doc["rules"][at];
    const std::string here = "/rules/" + std::to_string(at);

    SECTION("reads back") {
        p["typical_low"] = 0.15;
        p["typical_high"] = 0.3;
        Diagnostics d("assumptions.json");
        auto a = parse_assumptions(doc, d);
        REQUIRE(a);
        CHECK(a->pension[0].typical_low == Approx(0.15));
        CHECK(a->pension[0].typical_high == Approx(0.3));
    }
    SECTION("one end only") {
        p["typical_low"] = 0.15;
        one_assumptions_error(doc, here + "/typical_high", {"both typical_low and typical_high"});
    }
    SECTION("the ends the wrong way round") {
        p["typical_low"] = 0.3;
        p["typical_high"] = 0.15;
        one_assumptions_error(doc, here + "/typical_high", {"typical_low <= typical_high"});
    }
    SECTION("a share above 1") {
        p["typical_low"] = 0.15;
        p["typical_high"] = 30;
        one_assumptions_error(doc, here + "/typical_high", {"from 0 to 1"});
    }
}
