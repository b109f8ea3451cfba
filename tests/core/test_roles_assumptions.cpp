// The role catalogue and cost assumptions: the shipped files read and check cleanly
// against the shipped frameworks, date lookups pick the rule in force, and each bad
// fixture in tests/data/roles is reported as one error with its JSON pointer.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "assumptions.h"
#include "framework_read.h"
#include "json_read.h"
#include "roles.h"

using namespace ys;

namespace {

const std::string kData = std::string(YS_TEST_DATA) + "/roles/";
const std::string kSource = YS_SOURCE_DIR;

std::string problems(const Diagnostics& d) {
    std::string s;
    for (const auto& x : d.items()) s += to_string(x) + "\n";
    return s;
}

nlohmann::json load(const std::string& path) {
    Diagnostics d(path);
    auto doc = read_json_file(path, d);
    INFO(problems(d));
    REQUIRE(doc);
    return *doc;
}

const Framework& shipped_framework(const std::string& name) {
    static std::map<std::string, Framework> cache;
    auto it = cache.find(name);
    if (it != cache.end()) return it->second;
    std::string path = kSource + "/frameworks/" + name + ".json";
    Diagnostics d(path);
    auto fw = parse_framework(load(path), d);
    if (!fw) FAIL(problems(d));
    return cache.emplace(name, *fw).first->second;
}

const Framework& maturity() { return shipped_framework("council-data-maturity"); }
const Framework& skills() { return shipped_framework("analyst-data-skills"); }

RoleCatalogue read_roles(const std::string& path) {
    Diagnostics d(path);
    auto cat = parse_role_catalogue(load(path), d);
    INFO(problems(d));
    REQUIRE(cat);
    REQUIRE(check_role_catalogue(*cat, maturity(), &skills(), d));
    CHECK(d.items().empty());
    return *cat;
}

Assumptions read_assumptions(const std::string& path) {
    Diagnostics d(path);
    auto a = parse_assumptions(load(path), d);
    INFO(problems(d));
    REQUIRE(a);
    CHECK(d.items().empty());
    return *a;
}

struct BadCase {
    std::string file;                // in tests/data/roles
    std::string where;               // exact JSON pointer
    std::vector<std::string> words;  // the message contains each
};

}  // namespace

TEST_CASE("the shipped role catalogue reads and checks cleanly against the shipped frameworks", "[roles][content]") {
    RoleCatalogue cat = read_roles(kSource + "/frameworks/roles/council-data-roles.json");
    CHECK(cat.id == "council-data-roles");
    CHECK(cat.framework_id == "council-data-maturity");
    CHECK(cat.skills_framework_id == "analyst-data-skills");

    for (const char* id : {"head-of-data", "information-governance-lead", "performance-information-analyst",
                           "senior-data-analyst", "bi-developer", "data-engineer", "data-architect", "data-scientist",
                           "data-quality-officer", "data-literacy-lead", "data-protection-officer", "records-manager",
                           "data-governance-manager", "address-gazetteer-custodian", "case-management-system-administrator",
                           "data-foundation-apprentice", "data-technician-apprentice", "data-analyst-apprentice"}) {
        INFO(id);
        CHECK(cat.find(id) != nullptr);
    }
    CHECK(cat.find("no-such-role") == nullptr);

    const Role* tech = cat.find("data-technician-apprentice");
    const Role* analyst = cat.find("data-analyst-apprentice");
    REQUIRE(tech);
    REQUIRE(analyst);
    REQUIRE(tech->apprenticeship);
    REQUIRE(analyst->apprenticeship);
    CHECK(tech->apprenticeship->level == 3);
    CHECK(analyst->apprenticeship->level == 4);
    CHECK(cat.find("data-architect")->shareable);

    // Every responsibility of the framework is carried by at least one role; every band rests
    // on more than one dated figure, says how it was made and is marked as an assumption;
    // trained posts are derived from the market figure, apprentices' bands are apprentice pay.
    std::set<std::string> covered;
    double lowest_trained_min = 1e9;
    for (const auto& r : cat.roles)
        if (!r.apprenticeship) lowest_trained_min = std::min(lowest_trained_min, r.salary.min);
    for (const auto& r : cat.roles) {
        INFO(r.id);
        for (const auto& x : r.responsibilities) covered.insert(x.id);
        CHECK(r.salary.min <= r.salary.mid);
        CHECK(r.salary.mid <= r.salary.max);
        if (r.apprenticeship) {
            // At least the apprentice rate from 1 April 2026: £8.00 x 37 hours x 52.143 weeks = £15,434.
            CHECK(r.salary.min >= 15434);
            CHECK(r.salary.mid < lowest_trained_min);
            bool minimum_wage = false;
            for (const auto& e : r.salary.evidence) minimum_wage = minimum_wage || e.kind == SalaryEvidenceKind::MinimumWage;
            CHECK(minimum_wage);
        } else {
            CHECK(r.salary.source.find("ITJobsWatch") != std::string::npos);
            CHECK(r.salary.source.find("factor") != std::string::npos);
        }
        CHECK(r.salary.evidence.size() >= 2);
        std::set<SalaryEvidenceKind> kinds;
        for (const auto& e : r.salary.evidence) {
            kinds.insert(e.kind);
            CHECK(!e.source.empty());
            CHECK(!e.date.empty());
        }
        CHECK(kinds.size() >= 2);  // more than one kind of source, not two copies of one
        CHECK(!r.salary.method.empty());
        CHECK(r.salary.assumption);
        CHECK(!r.salary.basis.empty());
        REQUIRE(r.ddat);
        CHECK((!r.ddat->family.empty() || !r.ddat->note.empty()));
        CHECK(!r.salary.date.empty());
        CHECK(!r.skills.empty());
        double total = 0;
        for (const auto& x : r.responsibilities) total += x.fte_share;
        CHECK(total <= 1.0 + 1e-9);
    }
    for (const auto& resp : maturity().responsibilities) {
        INFO(resp.id);
        CHECK(covered.count(resp.id) == 1);
    }
}

TEST_CASE("the shipped assumptions read cleanly and answer by date", "[assumptions][content]") {
    Assumptions a = read_assumptions(kSource + "/frameworks/roles/assumptions-england-2025.json");
    CHECK(a.currency == "GBP");
    CHECK(a.oncost_method == OncostMethod::Components);
    REQUIRE(a.flat_rate);
    CHECK(a.flat_rate->rate == Approx(0.30));

    SECTION("employer National Insurance either side of 6 April 2025") {
        const EmployerNiRule* before = a.employer_ni_on("2025-04-05");
        const EmployerNiRule* after = a.employer_ni_on("2025-04-06");
        REQUIRE(before);
        REQUIRE(after);
        CHECK(before->rate == Approx(0.138));
        CHECK(before->threshold == Approx(9100));
        CHECK(after->rate == Approx(0.15));
        CHECK(after->threshold == Approx(5000));
        CHECK(a.employer_ni_on("2030-01-01") == after);  // open ended
        CHECK(a.employer_ni_on("2020-01-01") == nullptr);  // before the first rule
        CHECK(a.employer_ni_on("2025-13-01") == nullptr);  // not a date
        CHECK(a.employer_ni_on("") == nullptr);
    }
    SECTION("the other kinds") {
        REQUIRE(a.pension_on("2025-06-01"));
        CHECK(a.pension_on("2025-06-01")->rate == Approx(0.198));
        REQUIRE(a.apprenticeship_levy_on("2025-06-01"));
        CHECK(a.apprenticeship_levy_on("2025-06-01")->rate == Approx(0.005));
        CHECK(a.apprenticeship_levy_on("2025-06-01")->allowance == Approx(15000));
        REQUIRE(a.pay_award_on("2025-04-01"));
        CHECK(a.pay_award_on("2025-04-01")->rate == Approx(0.032));
        CHECK(a.pay_award_on("2025-03-31") == nullptr);
        REQUIRE(a.london_weighting_on(LondonArea::Inner, "2025-06-01"));
        REQUIRE(a.recruitment_cost_on("2025-06-01"));
        REQUIRE(a.training_budget_on("2025-06-01"));
        for (const auto* r : std::vector<const RulePeriod*>{a.pension_on("2025-06-01"), a.recruitment_cost_on("2025-06-01"),
                                                             a.training_budget_on("2025-06-01"),
                                                             a.london_weighting_on(LondonArea::Inner, "2025-06-01")}) {
            CHECK(!r->source.empty());
            CHECK(!r->date.empty());
        }
    }
    SECTION("apprenticeship funding before and after the announced change") {
        const ApprenticeshipFundingRule* before = a.apprenticeship_funding_on("2026-03-31");
        const ApprenticeshipFundingRule* after = a.apprenticeship_funding_on("2026-04-01");
        REQUIRE(before);
        REQUIRE(after);
        CHECK(before->expiry_months == 24);
        CHECK(before->top_up == Approx(0.10));
        CHECK(after->expiry_months == 12);
        CHECK(after->top_up == Approx(0));
        CHECK(a.apprenticeship_band("data-technician-l3", "2025-09-01") > 0);
        CHECK(a.apprenticeship_band("data-analyst-l4", "2026-09-01") > 0);
        CHECK(a.apprenticeship_band("no-such-standard", "2025-09-01") == 0);
        CHECK(a.apprenticeship_band("data-analyst-l4", "2020-01-01") == 0);
    }
}

TEST_CASE("the small good fixtures read cleanly", "[roles][assumptions]") {
    RoleCatalogue cat = read_roles(kData + "good-roles.json");
    REQUIRE(cat.roles.size() == 2);
    const Role& r = cat.roles[0];
    CHECK(r.pointer == "/roles/0");
    CHECK(r.london_weighting);
    CHECK_FALSE(r.shareable);
    CHECK_FALSE(r.apprenticeship);
    REQUIRE(r.responsibilities.size() == 2);
    CHECK(r.responsibilities[0].id == "data-quality");
    CHECK(r.responsibilities[0].fte_share == Approx(0.8));
    CHECK(r.salary.mid == Approx(34000));
    REQUIRE(cat.roles[1].apprenticeship);
    CHECK(cat.roles[1].apprenticeship->reference == "ST0795");
    CHECK_FALSE(cat.roles[1].london_weighting);  // absent: false

    Assumptions a = read_assumptions(kData + "good-assumptions.json");
    CHECK(a.oncost_method == OncostMethod::Flat);
    CHECK(std::string(to_string(a.oncost_method)) == "flat");
    CHECK(a.employer_ni.size() == 2);
    CHECK(a.employer_ni[1].pointer == "/rules/1");
    CHECK(a.pension[0].note == "Each fund sets its own rate.");
    CHECK(a.apprenticeship_band("data-technician-l3", "2025-04-01") == Approx(15000));
    CHECK(a.apprenticeship_band("data-technician-l3", "2026-04-01") == 0);
}

TEST_CASE("each bad roles or assumptions fixture is one clear error at its pointer", "[roles][assumptions]") {
    static const std::vector<BadCase> cases = {
        // --- role catalogues (parse, then check against the shipped frameworks) ---
        {"bad-roles-wrong-format.json", "/format", {"expected \"yardstick-roles/1\"", "found \"yardstick-roles/2\""}},
        {"bad-roles-negative-salary.json", "/roles/0/salary/min", {"0 or more", "-1000"}},
        {"bad-roles-min-above-mid.json", "/roles/0/salary/mid", {"below min", "min <= mid <= max"}},
        {"bad-roles-missing-source.json", "/roles/0/salary/source", {"missing", "source"}},
        {"bad-roles-bad-salary-date.json", "/roles/0/salary/date", {"YYYY-MM-DD", "31/01/2026"}},
        {"bad-roles-fte-share-zero.json", "/roles/0/responsibilities/1/fte_share", {"above 0 and at most 1", "found 0"}},
        {"bad-roles-fte-share-above-one.json", "/roles/0/responsibilities/0/fte_share",
         {"above 0 and at most 1", "found 1.5"}},
        {"bad-roles-unknown-responsibility.json", "/roles/0/responsibilities/1/id",
         {"unknown responsibility \"statutory-return\"", "council-data-maturity"}},
        {"bad-roles-unknown-skill.json", "/roles/0/skills/1/skill",
         {"unknown skill \"ethics-protection.gdpr\"", "analyst-data-skills"}},
        {"bad-roles-skill-is-a-group.json", "/roles/0/skills/0/skill", {"group of skills", "automation.scripting"}},
        {"bad-roles-skill-level-off-scale.json", "/roles/0/skills/0/level", {"level from 0 to 4", "found 5"}},
        {"bad-roles-duplicate-role-id.json", "/roles/1/id", {"duplicate role id \"data-quality-officer\""}},
        {"bad-roles-unknown-key.json", "/roles/1/sharable", {"unknown key \"sharable\"", "shareable"}},
        {"bad-roles-apprenticeship-reference.json", "/roles/1/apprenticeship/reference", {"ST0795", "found \"0795\""}},

        // --- assumptions ---
        {"bad-assumptions-wrong-format.json", "/format",
         {"expected \"yardstick-assumptions/1\"", "found \"yardstick-assumption/1\""}},
        {"bad-assumptions-missing-rate.json", "/rules/2/rate", {"missing", "rate from 0 to 1"}},
        {"bad-assumptions-negative-threshold.json", "/rules/1/threshold", {"0 or more", "-5000"}},
        {"bad-assumptions-rate-above-one.json", "/rules/1/rate", {"rate from 0 to 1", "found 15", "fraction"}},
        {"bad-assumptions-overlapping-periods.json", "/rules/1/effective_from",
         {"employer_ni", "overlaps", "/rules/0", "2024-04-06 to 2025-04-05"}},
        {"bad-assumptions-to-before-from.json", "/rules/0/effective_to",
         {"2024-04-05 is before effective_from 2024-04-06"}},
        {"bad-assumptions-bad-date.json", "/rules/2/effective_from", {"YYYY-MM-DD", "2023-02-30"}},
        {"bad-assumptions-missing-source.json", "/rules/0/source", {"missing", "source"}},
        {"bad-assumptions-unknown-kind.json", "/rules/2/kind", {"unknown rule kind \"pensions\"", "pension"}},
        {"bad-assumptions-unknown-key.json", "/rules/1/efective_to", {"unknown key \"efective_to\"", "effective_to"}},
        {"bad-assumptions-flat-without-rate.json", "/oncosts/flat_rate", {"missing", "flat"}},
        {"bad-assumptions-co-investment-above-one.json", "/rules/3/co_investment", {"rate from 0 to 1", "found 5"}},
        {"bad-assumptions-negative-band.json", "/rules/3/bands/data-technician-l3", {"0 or more", "-1"}},
        {"bad-assumptions-assumption-without-basis.json", "/rules/2/basis", {"missing", "\"assumption\": true", "basis"}},
        {"bad-assumptions-london-unknown-area.json", "/rules/4/area",
         {"unknown area \"central-london\"", "inner-london", "outer-london", "fringe"}},
        {"bad-assumptions-london-missing-area.json", "/rules/4/area", {"missing", "inner-london"}},
        {"bad-assumptions-london-overlap-same-area.json", "/rules/6/effective_from",
         {"london_weighting rule for inner London", "overlaps", "/rules/4"}},
        {"bad-assumptions-eligibility-overlap.json", "/rules/6/effective_from",
         {"apprenticeship_eligibility rule for level 7", "overlaps", "/rules/4"}},
        {"bad-assumptions-eligibility-level-off-scale.json", "/rules/4/level", {"level", "2 to 8", "found 9"}},
        {"bad-assumptions-negative-incentive.json", "/rules/4/amount", {"0 or more", "-2000"}},
        {"bad-assumptions-incentive-overlap.json", "/rules/6/effective_from",
         {"foundation apprentices aged up to 21", "overlaps", "/rules/5"}},
        {"bad-assumptions-ni-relief-missing-threshold.json", "/rules/4/upper_threshold", {"missing", "amount"}},
    };
    REQUIRE(cases.size() >= 15);
    for (const auto& c : cases) {
        DYNAMIC_SECTION(c.file) {
            std::string path = kData + c.file;
            Diagnostics d(path);
            nlohmann::json doc = load(path);
            if (c.file.rfind("bad-roles-", 0) == 0) {
                auto cat = parse_role_catalogue(doc, d);
                if (cat) {
                    CHECK_FALSE(check_role_catalogue(*cat, maturity(), &skills(), d));
                }
            } else {
                CHECK_FALSE(parse_assumptions(doc, d));
            }
            INFO(problems(d));
            REQUIRE(d.items().size() == 1);
            const Diagnostic& x = d.items()[0];
            CHECK(x.severity == Severity::Error);
            CHECK(x.where == c.where);
            for (const auto& w : c.words) {
                INFO("expected in the message: " << w);
                CHECK(x.message.find(w) != std::string::npos);
            }
        }
    }
}

TEST_CASE("periods of one kind: touching is fine, sharing a day is not", "[assumptions]") {
    auto doc_with = [](const nlohmann::json& rules) {
        return nlohmann::json{{"format", "yardstick-assumptions/1"},
                              {"id", "t"},
                              {"title", "T"},
                              {"currency", "GBP"},
                              {"oncosts", {{"method", "components"}}},
                              {"rules", rules}};
    };
    auto pension = [](const char* from, const char* to, double rate) {
        nlohmann::json r = {{"kind", "pension"}, {"effective_from", from}, {"rate", rate},
                            {"source", "test"},  {"date", "2026-01-01"}};
        if (to) r["effective_to"] = to;
        return r;
    };
    SECTION("adjacent periods") {
        Diagnostics d;
        auto a = parse_assumptions(doc_with({pension("2024-04-01", "2025-03-31", 0.2), pension("2025-04-01", nullptr, 0.21)}), d);
        INFO(problems(d));
        REQUIRE(a);
        CHECK(a->pension_on("2025-03-31")->rate == Approx(0.2));
        CHECK(a->pension_on("2025-04-01")->rate == Approx(0.21));
    }
    SECTION("an open-ended rule overlaps any later one, in either file order") {
        Diagnostics d;
        CHECK_FALSE(parse_assumptions(doc_with({pension("2030-01-01", "2030-12-31", 0.2), pension("2025-04-01", nullptr, 0.21)}), d));
        REQUIRE(d.items().size() == 1);
        CHECK(d.items()[0].where == "/rules/1/effective_from");
        CHECK(d.items()[0].message.find("from 2025-04-01 on") != std::string::npos);
    }
    SECTION("one rule ending on the day the next begins") {
        Diagnostics d;
        CHECK_FALSE(parse_assumptions(doc_with({pension("2024-04-01", "2025-04-01", 0.2), pension("2025-04-01", nullptr, 0.21)}), d));
        REQUIRE(d.items().size() == 1);
    }
    SECTION("different kinds may share days") {
        nlohmann::json ni = {{"kind", "employer_ni"}, {"effective_from", "2025-04-06"}, {"rate", 0.15},
                             {"threshold", 5000},     {"source", "test"},              {"date", "2026-01-01"}};
        Diagnostics d;
        CHECK(parse_assumptions(doc_with({pension("2025-04-01", nullptr, 0.2), ni}), d));
        CHECK(d.items().empty());
    }
}

TEST_CASE("checking a role catalogue against other frameworks", "[roles]") {
    RoleCatalogue cat = read_roles(kData + "good-roles.json");

    SECTION("without a skills framework the skills are not checked") {
        cat.roles[0].skills[0].skill = "anything";
        Diagnostics d;
        CHECK(check_role_catalogue(cat, maturity(), nullptr, d));
        CHECK(d.items().empty());
    }
    SECTION("the wrong maturity framework") {
        Diagnostics d;
        CHECK_FALSE(check_role_catalogue(cat, skills(), &skills(), d));
        REQUIRE(d.items().size() == 1);
        CHECK(d.items()[0].where == "/framework/id");
        CHECK(d.items()[0].message.find("analyst-data-skills") != std::string::npos);
    }
    SECTION("a version the catalogue does not fit") {
        cat.framework_versions = {"2.*"};
        Diagnostics d;
        CHECK_FALSE(check_role_catalogue(cat, maturity(), &skills(), d));
        REQUIRE(d.items().size() == 1);
        CHECK(d.items()[0].where == "/framework/versions");
    }
}

TEST_CASE("role and assumption files that are not objects, or empty", "[roles][assumptions]") {
    Diagnostics d;
    CHECK_FALSE(parse_role_catalogue(nlohmann::json::array(), d));
    CHECK_FALSE(parse_assumptions(nlohmann::json(42), d));
    CHECK(d.items().size() == 2);
    Diagnostics e;
    CHECK_FALSE(parse_role_catalogue(nlohmann::json::object(), e));
    CHECK(e.has_errors());
    for (const auto& x : e.items()) CHECK(!x.where.empty());
}

TEST_CASE("the roles README's examples and salary table match the files", "[roles][assumptions][docs]") {
    std::string readme, error;
    REQUIRE(read_text_file(kSource + "/frameworks/roles/README.md", 1u << 20, readme, error));

    std::vector<nlohmann::json> blocks;
    for (std::size_t at = readme.find("```json\n"); at != std::string::npos; at = readme.find("```json\n", at)) {
        std::size_t start = at + 8;
        std::size_t end = readme.find("\n```", start);
        REQUIRE(end != std::string::npos);
        blocks.push_back(nlohmann::json::parse(readme.substr(start, end - start)));
        at = end + 4;
    }
    REQUIRE(blocks.size() == 2);
    CHECK(blocks[0] == load(kData + "good-roles.json"));
    CHECK(blocks[1] == load(kData + "good-assumptions.json"));

    // "| role-id | factor | min | mid | max |" rows, figures with thousands separators.
    RoleCatalogue cat = read_roles(kSource + "/frameworks/roles/council-data-roles.json");
    std::size_t rows = 0;
    std::size_t pos = 0;
    while ((pos = readme.find("\n| ", pos)) != std::string::npos) {
        std::size_t eol = readme.find('\n', pos + 1);
        std::string line = readme.substr(pos + 1, eol - pos - 1);
        pos = eol;
        std::vector<std::string> cells;
        std::size_t c = 1;
        while (c < line.size()) {
            std::size_t bar = line.find('|', c);
            if (bar == std::string::npos) break;
            std::string cell = line.substr(c, bar - c);
            cell.erase(0, cell.find_first_not_of(' '));
            cell.erase(cell.find_last_not_of(' ') + 1);
            cells.push_back(cell);
            c = bar + 1;
        }
        if (cells.size() != 5) continue;
        const Role* r = cat.find(cells[0]);
        if (!r || r->apprenticeship) continue;
        auto money = [](std::string s) {
            s.erase(std::remove(s.begin(), s.end(), ','), s.end());
            return std::stod(s);
        };
        INFO(line);
        CHECK(r->salary.source.find("factor of " + cells[1] + " ") != std::string::npos);
        CHECK(r->salary.min == money(cells[2]));
        CHECK(r->salary.mid == money(cells[3]));
        CHECK(r->salary.max == money(cells[4]));
        ++rows;
    }
    std::size_t trained = 0;
    for (const auto& r : cat.roles) trained += r.apprenticeship ? 0 : 1;
    CHECK(rows == trained);
}
