// Roadmap scenario files (yardstick-roadmap-scenario/1): the good examples read and write
// back exactly, and every bad fixture fails with its pointer and what was expected.
#include <catch2/catch.hpp>

#include <clocale>
#include <filesystem>

#include "framework_read.h"
#include "input_limits.h"
#include "json_read.h"
#include "scenario.h"
#include "scenario_file.h"
#include "test_helpers.h"
#include "validate.h"

using namespace ys;
using nlohmann::json;

namespace {

const std::string kDir = std::string(YS_TEST_DATA) + "/scenarios";
const std::string kShippedRoles = std::string(YS_SOURCE_DIR) + "/frameworks/roles/council-data-roles.json";

json read_doc(const std::string& path) {
    Diagnostics d(path);
    auto doc = read_json_file(path, d);
    if (!doc) FAIL(test::all_problems(d));
    return *doc;
}

struct Shipped {
    RoleCatalogue roles;
    Framework framework;
};

const Shipped& shipped() {
    static const Shipped s = [] {
        Diagnostics d("shipped");
        auto roles = parse_role_catalogue(read_doc(kShippedRoles), d);
        auto fw = parse_framework(read_doc(std::string(YS_SOURCE_DIR) + "/frameworks/council-data-maturity.json"), d);
        if (!roles || !fw) throw std::runtime_error(test::all_problems(d));
        return Shipped{std::move(*roles), std::move(*fw)};
    }();
    return s;
}

RoadmapScenario parse_ok(const json& doc) {
    Diagnostics d("scenario");
    auto s = parse_scenario(doc, d);
    INFO(test::all_problems(d));
    REQUIRE(s);
    CHECK(d.items().empty());
    return *s;
}

// Problems of a scenario: parsed, then checked against the shipped catalogue when it parses.
Diagnostics problems_of(const json& doc) {
    Diagnostics d("scenario");
    if (auto s = parse_scenario(doc, d)) check_scenario(*s, shipped().roles, shipped().framework, d);
    return d;
}

std::vector<std::string> good_files() { return {kDir + "/northmoor-full.json", kDir + "/regional-scheme.json"}; }

// One class of error per bad fixture: where it is reported and what the message says.
struct Case {
    const char* file;
    const char* where;
    const char* says;
};
const Case cases[] = {
    {"wrong-format", "/format", "expected \"yardstick-roadmap-scenario/1\", found \"yardstick-roadmap-scenario/2\""},
    {"missing-name", "/name", "missing; expected a string"},
    {"bad-start-date", "/start", "expected a date as YYYY-MM-DD, found \"2027-02-30\""},
    {"unknown-key", "/horizon", "unknown key \"horizon\""},
    {"horizon-out-of-range", "/horizon_years", "expected a number of years from 1 to 20, found 25"},
    {"bad-structure", "/structure", "\"hub-and-spoke\" or \"decentralised\", found \"matrix\""},
    {"departments-zero", "/departments", "from 1 to 500, found 0"},
    {"duplicate-id", "/posts/0/id", "id \"pi-analyst\" is already used at /team/0/id"},
    {"bad-id", "/posts/0/id", "\"Senior Analyst\" is not a valid id"},
    {"headcount-fraction", "/posts/0/headcount", "expected a whole number, found 1.5"},
    {"fte-over-one", "/posts/0/fte", "above 0 and at most 1"},
    {"bad-route", "/posts/0/route", "\"shared\" or \"grown-from\", found \"secondment\""},
    {"shared-without-count", "/posts/0/shared_with", "missing; expected how many councils share each post"},
    {"shared-with-wrong-route", "/posts/0/shared_with", "only for route \"shared\"; this post's route is \"new-post\""},
    {"shared-too-many", "/posts/0/shared_with", "from 2 to 100, found 101"},
    {"grown-from-missing", "/posts/0/grown_from", "missing; expected the id of the team post"},
    {"grown-from-unknown", "/posts/0/grown_from", "\"analyst\" is not the id of a post in \"team\""},
    {"grown-twice", "/posts/1/grown_from", "team post \"pi-analyst\" is already grown into at /posts/0/grown_from"},
    {"grown-headcount", "/posts/0/headcount", "expected 1 for route \"grown-from\""},
    {"grown-from-wrong-route", "/posts/0/grown_from", "only for route \"grown-from\""},
    {"age-not-apprentice", "/posts/0/age", "only for route \"apprenticeship\""},
    {"bad-age", "/posts/0/age", "\"22-24\" or \"25-plus\", found \"21\""},
    {"bad-salary", "/posts/0/salary", "expected \"band\", \"low\", \"mid\", \"high\" or a salary in GBP a year"},
    {"salary-too-high", "/team/0/salary", "below 1,000,000), found 1000000"},
    {"post-start-bad-date", "/posts/0/start", "expected a date as YYYY-MM-DD, found \"1/9/2027\""},
    {"name-two-lines", "/name", "scenario name holds a control character; expected one line of text"},
    {"cost-end-one-off", "/costs/0/end", "only for a recurring cost"},
    {"cost-end-before-start", "/costs/0/end", "the end 2028-03-31 is before the start 2028-04-01"},
    {"cost-negative", "/costs/0/amount", "expected an amount in GBP of 0 or more, found -5"},
    {"cost-category", "/costs/0/category", "\"recruitment\" or \"other\", found \"consultancy\""},
    {"cost-missing-name", "/costs/0/name", "missing; expected a string"},
    {"inflation-no-basis", "/inflation_basis", "missing; expected why the inflation rate is 0.03"},
    {"inflation-too-high", "/inflation", "expected a yearly rate from 0 to 0.5"},
    {"bad-london-area", "/london_area", "\"fringe\", found \"london\""},
    {"covered-twice", "/covered/1/responsibility", "responsibility \"open-data\" is already listed at /covered/0/responsibility"},
    {"share-proposal-councils", "/share_proposals/0/councils", "from 2 to 100, found 1"},
    {"posts-not-array", "/posts", "expected an array, found an object"},
    // Against the role catalogue and its framework.
    {"unknown-role", "/posts/0/role", "unknown role \"chief-data-wizard\" in role catalogue \"council-data-roles\""},
    {"unknown-team-role", "/team/0/role", "unknown role \"analyst\""},
    {"apprenticeship-no-standard", "/posts/0/route", "\"Data architect\" has no apprenticeship in role catalogue"},
    {"shared-not-shareable", "/posts/0/route", "\"Head of data\" is not marked shareable in role catalogue \"council-data-roles\"; shareable roles: Data architect"},
    {"grown-same-role", "/posts/0/grown_from", "team post \"pi-analyst\" is already a Senior data analyst"},
    {"share-proposal-not-shareable", "/share_proposals/0/role", "\"Head of data\" is not marked shareable"},
    {"unknown-responsibility", "/covered/0/responsibility",
     "unknown responsibility \"open-date\" in framework \"council-data-maturity\""},
};

}  // namespace

TEST_CASE("The full example reads every field", "[scenario]") {
    RoadmapScenario s = parse_ok(read_doc(kDir + "/northmoor-full.json"));
    CHECK(s.name == "Northmoor data team, 3 years");
    CHECK(s.created == "2026-11-20");
    CHECK(s.start == "2027-04-01");
    CHECK(s.horizon_years == 3);
    CHECK(s.structure == TeamStructure::HubAndSpoke);
    CHECK(s.departments == 4);
    REQUIRE(s.team.size() == 2);
    CHECK(s.team[0].fte == 2);
    CHECK(s.team[0].salary.point == SalaryPoint::Mid);
    CHECK(s.team[1].salary.point == SalaryPoint::Exact);
    CHECK(s.team[1].salary.exact == 43512);
    REQUIRE(s.posts.size() == 4);
    CHECK(s.posts[0].route == PostRoute::GrownFrom);
    CHECK(s.posts[0].grown_from == "pi-analyst");
    CHECK(s.posts[0].salary.point == SalaryPoint::Low);
    CHECK(s.posts[1].route == PostRoute::Apprenticeship);
    CHECK(s.posts[1].headcount == 2);
    CHECK(s.posts[1].age == AgeBand::From19To21);
    CHECK(s.posts[2].route == PostRoute::Shared);
    CHECK(s.posts[2].shared_with == 3);
    CHECK(s.posts[3].route == PostRoute::NewPost);
    CHECK(s.posts[3].fte == 0.5);
    CHECK(s.posts[3].start.empty());  // the scenario's start
    CHECK(s.posts[3].salary.exact == 41250.5);
    REQUIRE(s.covered.size() == 2);
    CHECK(s.covered[1].how.empty());
    REQUIRE(s.costs.size() == 3);
    CHECK(s.costs[0].category == CostCategory::ProgrammeManagement);
    CHECK(s.costs[0].recurring);
    CHECK(s.costs[0].end == "2029-03-31");
    CHECK_FALSE(s.costs[1].recurring);
    CHECK(s.costs[2].amount == 4200.75);
    REQUIRE(s.share_proposals.size() == 1);
    CHECK(s.share_proposals[0] == std::make_pair(std::string("data-scientist"), 2));
    REQUIRE(s.london_area);
    CHECK(*s.london_area == LondonArea::None);
    CHECK(s.inflation == 0.1);
    CHECK(s.find_team_post("ig-lead") == &s.team[1]);
    CHECK(s.find_team_post("architect") == nullptr);  // a planned post, not a team post

    Diagnostics d("scenario");
    CHECK(check_scenario(s, shipped().roles, shipped().framework, d));
    CHECK(d.items().empty());
}

TEST_CASE("Omitted keys take their documented defaults", "[scenario]") {
    RoadmapScenario s = parse_ok(read_doc(kDir + "/regional-scheme.json"));
    CHECK(s.structure == TeamStructure::Centralised);
    CHECK(s.departments == 1);
    CHECK(s.team.empty());
    CHECK(s.posts[0].headcount == 50);
    CHECK(s.posts[0].fte == 1);
    CHECK(s.posts[0].route == PostRoute::NewPost);
    CHECK_FALSE(s.propose);
    CHECK(s.prefer_apprenticeships);
    CHECK_FALSE(s.london_area);  // "auto"
    CHECK(s.levy_payer);
    CHECK(s.inflation == 0);
    CHECK(s.costs[1].start == "2028-10-01");
    CHECK(s.costs[0].end.empty());  // to the end of the horizon

    RoadmapScenario bare = parse_ok({{"format", kScenarioFormat}, {"name", "Bare"}, {"start", "2027-04-01"}});
    CHECK(bare.horizon_years == 3);
    CHECK(bare.propose);
    CHECK(bare.posts.empty());
}

TEST_CASE("scenario_json writes every field back: parse(json(s)) gives s", "[scenario]") {
    std::setlocale(LC_ALL, "");  // numbers must not follow the locale
    for (const auto& path : good_files()) {
        INFO(path);
        RoadmapScenario s = parse_ok(read_doc(path));
        json once = scenario_json(s);
        // Through text, as a file or the store holds it.
        Diagnostics d("round trip");
        auto text = parse_json_text(once.dump(2), d);
        REQUIRE(text);
        RoadmapScenario again = parse_ok(*text);
        CHECK(scenario_json(again) == once);
        // scenario_json writes every field, so equal documents mean equal scenarios; check
        // the awkward numbers directly too.
        CHECK(again.inflation == s.inflation);
        for (std::size_t i = 0; i < s.costs.size(); ++i) CHECK(again.costs[i].amount == s.costs[i].amount);
        for (std::size_t i = 0; i < s.posts.size(); ++i) {
            CHECK(again.posts[i].salary.exact == s.posts[i].salary.exact);
            CHECK(again.posts[i].age == s.posts[i].age);
            CHECK(again.posts[i].start == s.posts[i].start);
        }
        CHECK(again.london_area == s.london_area);
    }
    std::setlocale(LC_ALL, "C");
    RoadmapScenario s = parse_ok(read_doc(kDir + "/northmoor-full.json"));
    CHECK(scenario_json(s).dump().find("\"inflation\":0.1,") != std::string::npos);
}

TEST_CASE("Every bad scenario fails with its pointer and what was expected", "[scenario]") {
    std::size_t fixtures = 0;
    for (const auto& e : std::filesystem::directory_iterator(kDir + "/bad")) fixtures += e.path().extension() == ".json";
    CHECK(fixtures == std::size(cases));  // every fixture has its expectation here
    for (const auto& c : cases) {
        INFO(c.file);
        Diagnostics d = problems_of(read_doc(kDir + "/bad/" + c.file + ".json"));
        INFO(test::all_problems(d));
        REQUIRE(d.error_count() == 1);  // one class of error per fixture, one line
        CHECK(d.items()[0].where == c.where);
        CHECK_THAT(d.items()[0].message, Catch::Contains(c.says));
    }
}

TEST_CASE("Scenario lists are capped while reading and when parsed", "[scenario][limits]") {
    json doc = {{"format", kScenarioFormat}, {"name", "Too many"}, {"start", "2027-04-01"}, {"posts", json::array()}};
    for (std::size_t i = 0; i <= kMaxScenarioPosts; ++i)
        doc["posts"].push_back({{"id", "p" + std::to_string(i)}, {"role", "bi-developer"}});
    Diagnostics d("big.json");
    CHECK_FALSE(parse_json_text(doc.dump(), d, definition_json_limits()));
    REQUIRE(d.error_count() == 1);
    CHECK(d.items()[0].message.find("more than 10,000 planned posts in one scenario, the limit") != std::string::npos);

    Diagnostics p("big.json");
    CHECK_FALSE(parse_scenario(doc, p));
    REQUIRE(p.error_count() == 1);
    CHECK(p.items()[0].where == "/posts");
    CHECK(p.items()[0].message == "expected at most 10,000 planned posts, found 10,001 (see \"Limits\" in the README)");

    json costs = {{"format", kScenarioFormat}, {"name", "Costs"}, {"start", "2027-04-01"}, {"costs", json::array()}};
    for (std::size_t i = 0; i <= kMaxScenarioCostLines; ++i)
        costs["costs"].push_back({{"id", "c" + std::to_string(i)}, {"name", "Line"}, {"category", "other"}, {"amount", 1}});
    Diagnostics c("costs.json");
    CHECK_FALSE(parse_json_text(costs.dump(), c, definition_json_limits()));
    CHECK(c.items().at(0).message.find("more than 1,000 cost lines in one scenario") != std::string::npos);
}

TEST_CASE("read_scenario_file names the file and refuses what is not JSON", "[scenario]") {
    Diagnostics d;
    CHECK(read_scenario_file(kDir + "/northmoor-full.json", d));
    CHECK(d.items().empty());
    Diagnostics bad;
    CHECK_FALSE(read_scenario_file(kDir + "/bad/missing-name.json", bad));
    REQUIRE(bad.error_count() == 1);
    CHECK(bad.items()[0].file == kDir + "/bad/missing-name.json");
    Diagnostics none;
    CHECK_FALSE(read_scenario_file(kDir + "/no-such.json", none));
    CHECK(none.error_count() == 1);
}

TEST_CASE("validate recognises scenarios and reports each problem as one line", "[scenario][validate]") {
    ValidateRequest req;
    req.files = good_files();
    req.library_dirs = {YS_SOURCE_DIR};
    req.scenario_roles = kShippedRoles;
    ValidateReport ok = validate_files(req);
    INFO(test::all_problems(ok.diagnostics));
    CHECK(ok.ok());
    REQUIRE(ok.files.size() == 2);
    CHECK(ok.files[0].extra_kind == "roadmap scenario");
    CHECK(ok.files[0].id == "Northmoor data team, 3 years");

    // Against the catalogue given with it rather than the default.
    req.files = {kDir + "/bad/unknown-role.json", kShippedRoles};
    req.scenario_roles = "";
    ValidateReport bad = validate_files(req);
    REQUIRE(bad.diagnostics.error_count() == 1);
    CHECK(to_string(bad.diagnostics.items()[0]) ==
          kDir + "/bad/unknown-role.json: /posts/0/role: unknown role \"chief-data-wizard\" in role catalogue "
                 "\"council-data-roles\"; expected one of its role ids (see `yardstick-cli frameworks` or the "
                 "catalogue file)");

    // No catalogue at all: checked on its own.
    req.files = {kDir + "/bad/unknown-role.json"};
    CHECK(validate_files(req).ok());
    req.files = {kDir + "/bad/grown-twice.json"};
    ValidateReport twice = validate_files(req);
    REQUIRE(twice.diagnostics.items().size() == 1);
    CHECK(twice.diagnostics.items()[0].where == "/posts/1/grown_from");

    // A catalogue that cannot be read: said once, not taken as valid.
    req.files = {kDir + "/northmoor-full.json"};
    req.scenario_roles = kDir + "/no-such-roles.json";
    ValidateReport unread = validate_files(req);
    REQUIRE(unread.diagnostics.error_count() == 1);
    CHECK(unread.diagnostics.items()[0].message.find("could not be checked") != std::string::npos);
}

TEST_CASE("validate reports every bad scenario as one line, at its pointer", "[scenario][validate]") {
    ValidateRequest req;
    for (const auto& c : cases) req.files.push_back(kDir + "/bad/" + c.file + ".json");
    req.library_dirs = {YS_SOURCE_DIR};
    req.scenario_roles = kShippedRoles;
    ValidateReport report = validate_files(req);
    CHECK(report.diagnostics.error_count() == std::size(cases));
    for (const auto& c : cases) {
        const std::string file = kDir + "/bad/" + c.file + ".json";
        INFO(file);
        std::vector<std::string> lines;
        for (const auto& d : report.diagnostics.items())
            if (d.file == file) lines.push_back(to_string(d));
        REQUIRE(lines.size() == 1);
        CHECK(lines[0].rfind(file + ": " + c.where + ": ", 0) == 0);
        CHECK_THAT(lines[0], Catch::Contains(c.says));
        CHECK(lines[0].find('\n') == std::string::npos);
    }
    for (const auto& f : report.files) CHECK_FALSE(f.ok);
}
