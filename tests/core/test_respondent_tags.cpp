// The tags of a skills round's respondent (team, target role, age band; respondent_tags.h) on
// every way in and out of the core: answer files (checked and streamed readers alike), survey
// CSV import, the wide CSV export, and the offline form's data. Each bad value is refused at
// its own place with a line that says what was expected.
#include <catch2/catch.hpp>

#include <sstream>

#include "answers_csv.h"
#include "answers_read.h"
#include "answers_stream.h"
#include "catalogue.h"
#include "form_page.h"
#include "input_limits.h"
#include "json_read.h"
#include "respondent_tags.h"
#include "retired_roles.h"
#include "survey_import.h"

namespace {

const std::string kData = YS_TEST_DATA;

const ys::Catalogue& catalogue() {
    static const ys::Catalogue cat = [] {
        ys::Catalogue c;
        ys::Diagnostics d;
        c.add_file(kData + "/frameworks/tiny-example.json", "given", d);
        c.add_file(kData + "/questionnaires/tiny-check.json", "given", d);
        c.bind_all();
        return c;
    }();
    return cat;
}

const ys::Questionnaire& tiny() { return *catalogue().questionnaire("tiny-check", "1.0"); }

// One respondent with the given extra fields (JSON text, each starting with a comma).
std::string answer_file(const std::string& fields) {
    return R"J({"format": "yardstick-answers/1", "questionnaire": {"id": "tiny-check", "version": "1.0"},
        "organisation": {"id": "x", "name": "X (fictional)"}, "period": "2026",
        "respondents": [{"id": "r1", "role": "analyst")J" + fields +
           R"J(, "answers": {"q-quality": {"value": "level-2"}}}]})J";
}

struct Read {
    std::optional<ys::AnswerSet> set;
    std::string diags;
};

Read checked(const std::string& text) {
    Read r;
    ys::Diagnostics d("tags.json");
    if (auto doc = ys::parse_json_text(text, d, ys::exchange_json_limits())) r.set = ys::parse_answers(*doc, tiny(), d);
    for (const auto& x : d.items()) r.diags += ys::to_string(x) + "\n";
    return r;
}

Read streamed(const std::string& text) {
    Read r;
    ys::Diagnostics d("tags.json");
    auto find = [](const ys::AnswersHeader& h) { return catalogue().questionnaire(h.questionnaire_id, h.questionnaire_version); };
    if (auto s = ys::read_answers_streamed(text, ys::exchange_json_limits(), find, d)) r.set = std::move(s->set);
    for (const auto& x : d.items()) r.diags += ys::to_string(x) + "\n";
    return r;
}

std::string tags_of(const ys::Respondent& r) { return r.team + "|" + r.target_role + "|" + r.age_band; }

ys::SurveyImport import_csv(const std::string& text) {
    std::istringstream in(text);
    return ys::read_survey_csv(in, "skills.csv", tiny(), nullptr, {});
}

std::string diags_of(const ys::Diagnostics& d) {
    std::string s;
    for (const auto& x : d.items()) s += ys::to_string(x) + "\n";
    return s;
}

}  // namespace

TEST_CASE("tags: an answer file's team, target role and age band are read, the same by both readers", "[tags][answers]") {
    const std::string text = answer_file(R"J(, "team": "Children's analytics \u2014 north", "target_role": "senior-leader",
                                          "age_band": "19-21")J");
    Read c = checked(text);
    INFO(c.diags);
    REQUIRE(c.set);
    CHECK(tags_of(c.set->respondents.at(0)) == "Children's analytics \xE2\x80\x94 north|senior-leader|19-21");
    Read s = streamed(text);
    REQUIRE(s.set);  // the tags do not push the file off the fast path
    CHECK(tags_of(s.set->respondents.at(0)) == tags_of(c.set->respondents.at(0)));
    CHECK(s.diags == c.diags);
    // None given: all empty.
    Read none = checked(answer_file(""));
    REQUIRE(none.set);
    CHECK(tags_of(none.set->respondents.at(0)) == "||");
    // An empty tag is one not given, as an empty CSV cell is.
    Read empty = checked(answer_file(R"J(, "team": "", "target_role": "", "age_band": "")J"));
    REQUIRE(empty.set);
    CHECK(tags_of(empty.set->respondents.at(0)) == "||");
}

TEST_CASE("tags: bad tags in an answer file are refused at their place, by both readers", "[tags][answers]") {
    struct Case {
        const char* fields;
        const char* pointer;
        const char* says;
    };
    const std::string long_team(101, 't');
    const std::string long_fields = ", \"team\": \"" + long_team + "\"";
    const Case cases[] = {
        {R"J(, "age_band": "30-40")J", "/respondents/0/age_band", "unknown age band \"30-40\"; expected 16-18, 19-21, 22-24 or 25-plus"},
        {R"J(, "target_role": "astronaut")J", "/respondents/0/target_role",
         "unknown target role \"astronaut\"; expected one of the questionnaire's roles: senior-leader, analyst"},
        {long_fields.c_str(), "/respondents/0/team", "team name is longer than 100 characters (101); shorten it"},
        {R"J(, "team": "line\nbreak")J", "/respondents/0/team", "team name"},
        {R"J(, "team": 7)J", "/respondents/0/team", "expected a string"},
        {R"J(, "teams": "x")J", "/respondents/0/teams", "teams"},
    };
    for (const Case& k : cases) {
        const std::string text = answer_file(k.fields);
        INFO(text);
        Read c = checked(text);
        CHECK_FALSE(c.set);
        CHECK_THAT(c.diags, Catch::Contains(k.pointer));
        CHECK_THAT(c.diags, Catch::Contains(k.says));
        Read s = streamed(text);
        CHECK_FALSE(s.set);  // the fast path gives up on anything the checked reader would refuse
    }
    // Invalid UTF-8 in a team: refused by the JSON reader before the tags are looked at.
    std::string bad = answer_file(", \"team\": \"Data \xC3\x28 team\"");
    CHECK_FALSE(checked(bad).set);
    CHECK_FALSE(streamed(bad).set);
}

TEST_CASE("tags: the checks, one line each, empty meaning not given", "[tags]") {
    CHECK(ys::age_band_problem("") == "");
    for (const char* band : {"16-18", "19-21", "22-24", "25-plus"}) CHECK(ys::age_band_problem(band) == "");
    CHECK_THAT(ys::age_band_problem("25+"), Catch::Contains("only used to tell which apprenticeships are funded"));
    CHECK(ys::target_role_problem(tiny(), "") == "");
    CHECK(ys::target_role_problem(tiny(), "analyst") == "");
    CHECK_THAT(ys::target_role_problem(tiny(), "Analyst"), Catch::Contains("unknown target role \"Analyst\""));
    ys::Respondent r;
    r.team = std::string(100, 'x');
    CHECK(ys::respondent_tags_problem(tiny(), r) == "");
    r.team += "y";
    CHECK_THAT(ys::respondent_tags_problem(tiny(), r), Catch::StartsWith("team name is longer than 100 characters"));
    r.team = "Data \xFF";
    CHECK_THAT(ys::respondent_tags_problem(tiny(), r), Catch::StartsWith("team name"));
}

TEST_CASE("tags: a survey CSV's team, target role and age band columns are imported and checked", "[tags][survey]") {
    auto good = import_csv("ID,Role,Team,Target role,Age band,q-quality\r\n"
                           "a1,Analyst,North team,Senior leader,22-24,level-2\r\n"
                           "a2,analyst,,,,level-1\r\n");
    INFO(diags_of(good.diags));
    REQUIRE(good.ok());
    REQUIRE(good.respondents.size() == 2);
    CHECK(tags_of(good.respondents[0]) == "North team|senior-leader|22-24");  // a role's name gives its id
    CHECK(tags_of(good.respondents[1]) == "||");
    // The snake_case headers of the file format work too.
    auto snake = import_csv("id,role,team,target_role,age_band,q-quality\r\na1,analyst,T,analyst,25-plus,level-2\r\n");
    REQUIRE(snake.ok());
    CHECK(tags_of(snake.respondents.at(0)) == "T|analyst|25-plus");

    auto bad = import_csv("ID,Role,Team,Target role,Age band,q-quality\r\n"
                          "a1,analyst,North,astronaut,22-24,level-2\r\n"
                          "a2,analyst,North,analyst,over 25,level-2\r\n"
                          "a3,analyst," + std::string(101, 'n') + ",,,level-2\r\n");
    CHECK_FALSE(bad.ok());
    const std::string all = diags_of(bad.diags);
    CHECK_THAT(all, Catch::Contains("row 2, column 4"));
    CHECK_THAT(all, Catch::Contains("unknown target role \"astronaut\""));
    CHECK_THAT(all, Catch::Contains("row 3, column 5"));
    CHECK_THAT(all, Catch::Contains("unknown age band \"over 25\""));
    CHECK_THAT(all, Catch::Contains("row 4, column 3"));
    CHECK_THAT(all, Catch::Contains("team name is longer than 100 characters"));
}

TEST_CASE("tags: the wide CSV export carries tags only when some respondent has one, and reads back", "[tags][survey]") {
    ys::AnswerSet set;
    ys::Respondent r;
    r.id = "a1";
    r.role = 1;
    r.name = "Sam Example";
    set.respondents.push_back(r);
    std::ostringstream plain;
    ys::write_answers_csv_wide(plain, {"round", &set, &tiny()}, false);
    CHECK(plain.str().find("Team") == std::string::npos);  // other rounds' files are as before

    set.respondents[0].team = "North";
    set.respondents[0].target_role = "senior-leader";
    set.respondents[0].age_band = "19-21";
    std::ostringstream tagged;
    ys::write_answers_csv_wide(tagged, {"round", &set, &tiny()}, false);
    CHECK(tagged.str().rfind("ID,Role,Name,Email,Submitted,Team,Target role,Age band,", 0) == 0);
    auto back = import_csv(tagged.str());
    INFO(tagged.str() << diags_of(back.diags));
    REQUIRE(back.ok());
    CHECK(tags_of(back.respondents.at(0)) == "North|senior-leader|19-21");

    // Anonymised: a team and an age band say who someone is; the target role stays.
    std::ostringstream anon;
    ys::write_answers_csv_wide(anon, {"round", &set, &tiny()}, true);
    CHECK(anon.str().rfind("ID,Role,Submitted,Target role,", 0) == 0);
    CHECK(anon.str().find("North") == std::string::npos);
    CHECK(anon.str().find("19-21") == std::string::npos);
}

TEST_CASE("tags: the offline form asks them for an individual questionnaire only", "[tags][form]") {
    ys::form::FormPage page;
    page.questionnaire = &tiny();
    page.organisation = {"x", "X (fictional)", "", ""};
    page.period = "2026";
    page.round = "x.2026.tiny-check";
    page.form_id = ys::form::new_form_id();
    auto data = ys::form::form_data(page);
    CHECK(data.at("individual") == false);
    CHECK(data.at("team_limit") == 100);

    ys::Questionnaire individual = tiny();
    individual.audience = ys::Audience::Individual;
    page.questionnaire = &individual;
    CHECK(ys::form::form_data(page).at("individual") == true);
    const std::string html = ys::form::render_form_page(page);
    for (const char* id : {"id=\"team\"", "id=\"target-role\"", "id=\"age-band\"", "value=\"25-plus\"",
                           "Only used to tell which apprenticeships are funded for you"})
        CHECK(html.find(id) != std::string::npos);
}

TEST_CASE("tags: a questionnaire's retired_roles are checked, each problem at its place", "[tags][questionnaire]") {
    auto read = [&](const nlohmann::json& retired, std::string& problems) {
        nlohmann::json doc = {{"retired_roles", retired}};
        ys::Diagnostics d("roles-q.json");
        ys::Questionnaire q;
        q.roles = {{"senior-data-analyst", "Senior data analyst"}};
        auto list = ys::read_retired_roles(ys::JsonAt(&doc["retired_roles"], "/retired_roles", d), q);
        problems = diags_of(d);
        return list;
    };
    std::string problems;
    auto good = read(nlohmann::json::parse(R"J([{"id": "senior-analyst", "replaced_by": "senior-data-analyst", "note": "n"},
                                                 {"id": "manager", "note": "No role clearly fits."}])J"),
                     problems);
    CHECK(problems.empty());
    REQUIRE(good.size() == 2);
    CHECK(good[0].replaced_by == "senior-data-analyst");
    CHECK(good[1].replaced_by.empty());
    CHECK(good[1].note == "No role clearly fits.");

    struct Bad {
        const char* json;
        const char* pointer;
        const char* words;
    };
    const Bad bads[] = {
        {R"J([{"id": "senior-data-analyst", "note": "n"}])J", "/retired_roles/0/id", "is a respondent role of this version"},
        {R"J([{"id": "a", "note": "n"}, {"id": "a", "note": "n"}])J", "/retired_roles/1/id", "retired twice"},
        {R"J([{"id": "a", "replaced_by": "zz", "note": "n"}])J", "/retired_roles/0/replaced_by",
         "expected a respondent role of this version, found \"zz\""},
        {R"J([{"id": "a"}])J", "/retired_roles/0/note", "missing"},
        {R"J([{"id": "a", "note": "n", "why": 1}])J", "/retired_roles/0/why", "unknown key"},
    };
    for (const Bad& b : bads) {
        INFO(b.json);
        read(nlohmann::json::parse(b.json), problems);
        CHECK_THAT(problems, Catch::Contains(b.pointer));
        CHECK_THAT(problems, Catch::Contains(b.words));
    }
}
