// The store's own text checks: every write function refuses what the field table
// (core/text/field_limits.h) refuses, so the desktop app, which calls the store directly,
// is held to the same rules as the command line and the imports.
#include <catch2/catch.hpp>


#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "../support/portable_test.h"
#include "action_items.h"
#include "database.h"
#include "organisations.h"
#include "rounds.h"

namespace fs = std::filesystem;
using ys::store::Connection;
using ys::store::StoreError;

namespace {

nlohmann::json shipped(const std::string& relative) {
    std::ifstream f(std::string(YS_TEST_DATA) + "/../../" + relative);
    return nlohmann::json::parse(f);
}

std::string repeat(const std::string& s, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}

// Runs f, which must throw StoreError(Invalid) whose message contains `what`.
template <class F>
void refused(F f, const std::string& what) {
    try {
        f();
        FAIL("accepted; expected a refusal containing: " << what);
    } catch (const StoreError& e) {
        CHECK(e.kind() == StoreError::Kind::Invalid);
        CHECK_THAT(e.what(), Catch::Contains(what));
    }
}

}  // namespace

TEST_CASE("store text: every write function refuses control characters and text over its field's limit", "[store][text]") {
    fs::create_directories(YS_WORK_DIR);
    const std::string path = std::string(YS_WORK_DIR) + "/text-" + ys::test::pid_text() + ".db";
    for (const char* s : {"", "-wal", "-shm"}) fs::remove(path + s);
    Connection c = ys::store::open_database(path);
    ys::store::add_organisation(c, {"westford", "Westford", "district", "", "", ""});
    auto round = ys::store::new_round(c, "westford", "2026", shipped("frameworks/council-data-maturity.json"),
                                      shipped("questionnaires/council-quick-check.json"));
    const std::string at = repeat("\xC3\xA9", 200), over = repeat("\xC3\xA9", 201);

    refused([&] { ys::store::add_organisation(c, {"evil", "Evil\x1b[2J", "district", "", "", ""}); },
            "organisation name holds a control character (U+001B)");
    refused([&] { ys::store::add_organisation(c, {"evil", "Evil", "district", "Lon\xC0\xAF", "", ""}); },
            "region is not valid UTF-8");
    ys::store::OrgEdit edit;
    edit.name = over;
    refused([&] { ys::store::edit_organisation(c, "westford", edit); }, "organisation name is longer than 200 characters");
    refused([&] { ys::store::add_peer_group(c, "g", "two\nlines"); }, "peer group name holds a control character");
    refused([&] { ys::store::new_round(c, "westford", "20\x01" "27", shipped("frameworks/council-data-maturity.json"),
                                       shipped("questionnaires/council-quick-check.json")); },
            "round period holds a control character");
    refused([&] { ys::store::add_respondent(c, round.id, "frontline", over, ""); }, "respondent name is longer than 200");
    CHECK(ys::store::add_respondent(c, round.id, "frontline", at, "") == "r1");
    refused([&] { ys::store::set_answer(c, round.id, "r1", "qc-strategy", {{"value", "l1"}, {"evidence", "a\x1b" "b"}}, 1); },
            "evidence note holds a control character");
    refused([&] { ys::store::replace_action_item(c, {round.id, "any", "", "", "", "not-started", "a\x07", ""}); },
            "action note holds a control character");
    refused([&] { ys::store::set_target(c, {"westford", "council-data-maturity", "leadership", "2027\t03-31", 3}); },
            "target date holds a control character");

    ys::Respondent r;
    r.id = "r9";
    r.answers.push_back({});
    r.answers.back().question = 0;
    r.answers.back().state = ys::AnswerState::DontKnow;
    r.answers.back().evidence = repeat("x", 20001);
    auto loaded = ys::store::load_round(c, round.id);
    refused([&] { ys::store::write_respondents(c, round.id, *loaded.questionnaire, {r}); },
            "evidence note is longer than 20000 characters");

    // Nothing refused was written.
    CHECK(ys::store::list_organisations(c).size() == 1);
    CHECK(ys::store::find_organisation(c, "westford")->name == "Westford");
    CHECK(ys::store::list_peer_groups(c).empty());
    CHECK(ys::store::list_rounds(c).size() == 1);
    CHECK(ys::store::load_round(c, round.id).answers.respondents.size() == 1);
    CHECK(ys::store::list_targets(c, "westford").empty());
}
