// The tags of a skills round's respondent in the store (schema v7): a version 6 database
// upgraded to hold them, tag_respondent and its refusals, imports and bundles carrying them,
// and `round upgrade` of the analyst self-assessment from 1.1 (roles of its own) to 1.2 (the
// role catalogue's analyst roles).
#include "store_test_support.h"

#include "bundle.h"
#include "bundle_io.h"
#include "respondent_tagging.h"
#include "snapshots.h"

using namespace ys_test;
using ys::store::Connection;
using ys::store::RespondentTags;
using Kind = ys::store::StoreError::Kind;

namespace {

std::string tags_of(const ys::Respondent& r) { return r.team + "|" + r.target_role + "|" + r.age_band; }

const ys::Respondent& respondent(const ys::store::LoadedRound& lr, const std::string& key) {
    for (const auto& r : lr.answers.respondents)
        if (r.id == key) return r;
    FAIL("no respondent " << key);
    throw 0;
}

std::string stored_tags(Connection& c, const std::string& round, const std::string& key) {
    return tags_of(respondent(ys::store::load_round(c, round), key));
}

nlohmann::json source_json(const std::string& path) { return nlohmann::json::parse(slurp(std::string(YS_SOURCE_DIR) + "/" + path)); }

}  // namespace

TEST_CASE("schema v7: a version 6 database is backed up and upgraded, and takes respondent tags", "[store][schema]") {
    const std::string fixture = std::string(YS_TEST_DATA) + "/db/yardstick-v6.db";
    const std::string fixture_bytes = slurp(fixture);
    Scratch db("v6-to-v7.db");
    fs::copy_file(fixture, db.path);
    ys::store::OpenReport report;
    {
        Connection c = ys::store::open_database(db.path, {}, &report);
        CHECK(report.upgraded_from == 6);
        REQUIRE(report.backup_path == db.path + ".v6.bak");
        CHECK(c.scalar_int("PRAGMA user_version") == ys::store::kSchemaVersion);
        CHECK(c.scalar_int("SELECT count(*) FROM respondent WHERE team IS NOT NULL OR target_role IS NOT NULL "
                           "OR age_band IS NOT NULL") == 0);
        // What version 6 held is all there: its answers, its score summary, its (empty) round scopes.
        const std::string round = "northwold.2026.council-quick-check";
        CHECK(c.scalar_int("SELECT count(*) FROM round_summary") == 1);
        CHECK(c.scalar_int("SELECT count(*) FROM round_scope") == 0);
        CHECK(ys::store::get_round(c, round).answers == 11);
        CHECK(ys::store::tag_respondent(c, round, "r2", {std::string("Performance"), std::string("senior-leader"),
                                                          std::string("22-24")}));
        CHECK(stored_tags(c, round, "r2") == "Performance|senior-leader|22-24");
    }
    {
        Connection backup = Connection::open(report.backup_path, false, 1000);
        CHECK(backup.scalar_int("PRAGMA user_version") == 6);
        CHECK(backup.scalar_int("SELECT count(*) FROM pragma_table_info('respondent') WHERE name = 'team'") == 0);
    }
    std::error_code ec;
    fs::remove(report.backup_path, ec);
    CHECK(slurp(fixture) == fixture_bytes);
}

TEST_CASE("tags: tag_respondent sets, keeps and clears tags, and refuses bad ones changing nothing", "[store][tags]") {
    Scratch db("tags.db");
    const std::string round = make_store(db.path);
    Connection c = ys::store::open_database(db.path);
    const std::string key = ys::store::add_respondent(c, round, "analyst", "Sam Example", "sam@example.org");
    CHECK(stored_tags(c, round, key) == "||");

    CHECK(ys::store::tag_respondent(c, round, key, {std::string("North"), std::nullopt, std::string("16-18")}));
    CHECK(stored_tags(c, round, key) == "North||16-18");
    // Only what is given changes; the same again changes nothing.
    CHECK(ys::store::tag_respondent(c, round, key, {std::nullopt, std::string("senior-leader"), std::nullopt}));
    CHECK(stored_tags(c, round, key) == "North|senior-leader|16-18");
    CHECK_FALSE(ys::store::tag_respondent(c, round, key, {std::string("North"), std::nullopt, std::nullopt}));
    // "" clears.
    CHECK(ys::store::tag_respondent(c, round, key, {std::string(), std::nullopt, std::string()}));
    CHECK(stored_tags(c, round, key) == "|senior-leader|");

    auto tag = [&](RespondentTags t, const std::string& k) { return [&c, &round, t, k] { ys::store::tag_respondent(c, round, k, t); }; };
    refused(tag({std::nullopt, std::nullopt, std::string("30-40")}, key), Kind::Invalid,
            "unknown age band \"30-40\"; expected 16-18, 19-21, 22-24 or 25-plus");
    refused(tag({std::nullopt, std::string("astronaut"), std::nullopt}, key), Kind::Invalid,
            "unknown target role \"astronaut\"; expected one of the questionnaire's roles: senior-leader, analyst");
    refused(tag({std::string(101, 'x'), std::nullopt, std::nullopt}, key), Kind::Invalid,
            "team name is longer than 100 characters (101)");
    refused(tag({std::string("Data \xC3\x28"), std::nullopt, std::nullopt}, key), Kind::Invalid, "team name");
    refused(tag({std::string("North"), std::nullopt, std::nullopt}, "r99"), Kind::NotFound, "respondent \"r99\" is not in round");
    CHECK(stored_tags(c, round, key) == "|senior-leader|");  // nothing changed by the refusals

    // One bad tag among good ones: none is written.
    refused(tag({std::string("South"), std::string("analyst"), std::string("old")}, key), Kind::Invalid, "unknown age band");
    CHECK(stored_tags(c, round, key) == "|senior-leader|");

    // A closed round refuses, naming how to reopen it.
    ys::store::set_round_status(c, round, "closed");
    refused(tag({std::string("South"), std::nullopt, std::nullopt}, key), Kind::Invalid, "reopen it first");
    CHECK(stored_tags(c, round, key) == "|senior-leader|");
}

TEST_CASE("tags: add_tagged_respondent takes tags in its own transaction, all or nothing", "[store][tags]") {
    Scratch db("tags-add.db");
    const std::string round = make_store(db.path);
    Connection c = ys::store::open_database(db.path);
    const std::string key =
        ys::store::add_tagged_respondent(c, round, "analyst", "", "", "", false, {std::string("North"), std::string("senior-leader"), std::string("25-plus")});
    CHECK(stored_tags(c, round, key) == "North|senior-leader|25-plus");
    refused([&] { ys::store::add_tagged_respondent(c, round, "analyst", "", "", "new-one", false, {std::nullopt, std::string("boss"), std::nullopt}); },
            Kind::Invalid, "unknown target role \"boss\"");
    CHECK(ys::store::get_round(c, round).respondents == 1);  // the refused one was not added
}

TEST_CASE("tags: imports write tags, keep stored ones when a file gives none, and refuse bad ones", "[store][tags]") {
    Scratch db("tags-import.db");
    const std::string round = make_store(db.path);
    Connection c = ys::store::open_database(db.path);
    ys::store::LoadedRound lr = ys::store::load_round(c, round);
    const ys::Questionnaire& q = *lr.questionnaire;
    ys::Respondent r;
    r.id = "a1";
    r.role = q.find_role("analyst");
    r.team = "North";
    r.target_role = "senior-leader";
    r.age_band = "19-21";
    auto w = ys::store::write_respondents(c, round, q, {r});
    CHECK(w.respondents_added == 1);
    CHECK(stored_tags(c, round, "a1") == "North|senior-leader|19-21");
    // The same again: unchanged. Without tags: the stored ones are kept (as a name is).
    CHECK(ys::store::write_respondents(c, round, q, {r}).respondents_unchanged == 1);
    ys::Respondent bare = r;
    bare.team = bare.target_role = bare.age_band = "";
    CHECK(ys::store::write_respondents(c, round, q, {bare}).respondents_unchanged == 1);
    CHECK(stored_tags(c, round, "a1") == "North|senior-leader|19-21");
    // A new team is a change.
    ys::Respondent moved = r;
    moved.team = "South";
    CHECK(ys::store::write_respondents(c, round, q, {moved}).respondents_updated == 1);
    CHECK(stored_tags(c, round, "a1") == "South|senior-leader|19-21");
    // A bad tag on any respondent refuses the whole write.
    ys::Respondent good2 = r;
    good2.id = "a2";
    ys::Respondent bad = r;
    bad.id = "a3";
    bad.age_band = "25+";
    refused([&] { ys::store::write_respondents(c, round, q, {good2, bad}); }, Kind::Invalid,
            "respondent \"a3\": unknown age band \"25+\"");
    CHECK(ys::store::get_round(c, round).respondents == 1);
}

TEST_CASE("tags: a bundle carries them, and an anonymised one keeps only the target role", "[store][tags][bundle]") {
    Scratch from("tags-bundle-from.db");
    Scratch to("tags-bundle-to.db");
    Scratch to_anon("tags-bundle-anon.db");
    const std::string round = make_store(from.path);
    {
        Connection c = ys::store::open_database(from.path);
        ys::store::add_tagged_respondent(c, round, "analyst", "Sam Example", "", "a1", false,
                                  {std::string("North"), std::string("senior-leader"), std::string("22-24")});
    }
    Connection c = ys::store::open_database(from.path);
    ys::Bundle b = ys::store::export_bundle(c, {round});
    for (bool anonymise : {false, true}) {
        INFO("anonymised: " << anonymise);
        nlohmann::json j = ys::bundle_to_json(b, anonymise);
        const auto& rj = j["rounds"][0]["respondents"][0];
        CHECK(rj.value("target_role", "") == "senior-leader");
        CHECK(rj.contains("team") == !anonymise);
        CHECK(rj.contains("age_band") == !anonymise);
        ys::Diagnostics d("tags.bundle.json");
        auto back = ys::parse_bundle(j, d);
        INFO(all_diagnostics(d));
        REQUIRE(back);
        Connection t = ys::store::open_database(anonymise ? to_anon.path : to.path);
        auto report = ys::store::import_bundle(t, *back, "tags.bundle.json", false);
        INFO(all_diagnostics(report.diagnostics));
        CHECK(stored_tags(t, round, "a1") == (anonymise ? "|senior-leader|" : "North|senior-leader|22-24"));
    }
    SECTION("an anonymised bundle that names a team, or a bundle with a bad tag, is refused at its place") {
        nlohmann::json j = ys::bundle_to_json(b, true);
        j["rounds"][0]["respondents"][0]["team"] = "North";
        ys::Diagnostics d("tags.bundle.json");
        CHECK_FALSE(ys::parse_bundle(j, d));
        CHECK_THAT(all_diagnostics(d), Catch::Contains("/rounds/0/respondents/0/team"));
        CHECK_THAT(all_diagnostics(d), Catch::Contains("an anonymised bundle holds no respondent's team or age band"));
        nlohmann::json k = ys::bundle_to_json(b, false);
        k["rounds"][0]["respondents"][0]["target_role"] = "astronaut";
        ys::Diagnostics e("tags.bundle.json");
        CHECK_FALSE(ys::parse_bundle(k, e));
        CHECK_THAT(all_diagnostics(e), Catch::Contains("/rounds/0/respondents/0/target_role"));
    }
}

TEST_CASE("tags: round upgrade moves a 1.1 skills round to the catalogue's roles, and says which it left blank",
          "[store][tags][upgrade]") {
    Scratch db("skills-upgrade.db");
    const nlohmann::json fw = source_json("frameworks/analyst-data-skills.json");
    const nlohmann::json old_q =
        nlohmann::json::parse(slurp(std::string(YS_TEST_DATA) + "/skills-1.1/questionnaires/analyst-skills-self-assessment.json"));
    const nlohmann::json new_q = source_json("questionnaires/analyst-skills-self-assessment.json");
    REQUIRE(old_q["version"] == "1.1");
    REQUIRE(new_q["version"] == "1.2");
    Connection c = ys::store::open_database(db.path);
    ys::store::add_organisation(c, {"skillshire", "Skillshire (fictional)", "county", "", "", ""});
    const std::string round = ys::store::new_round(c, "skillshire", "2026", fw, old_q).id;
    ys::store::add_tagged_respondent(c, round, "analyst", "", "", "p1", false, {std::string("North"), std::string("senior-analyst"), std::nullopt});
    ys::store::add_respondent(c, round, "senior-analyst", "", "", "p2");
    ys::store::add_respondent(c, round, "apprentice", "", "", "p3");
    ys::store::add_respondent(c, round, "manager", "", "", "p4");
    ys::store::add_respondent(c, round, "analyst", "", "", "p5");

    std::vector<ys::store::RoleMove> moves;
    ys::store::upgrade_round_roles(c, round, fw, new_q, false, moves);
    REQUIRE(moves.size() == 4);  // sorted by old id
    CHECK(moves[0].from == "analyst");
    CHECK(moves[0].to == "performance-information-analyst");
    CHECK(moves[0].respondents == 2);
    CHECK(moves[1].from == "apprentice");
    CHECK(moves[1].to.empty());
    CHECK_THAT(moves[1].note, Catch::Contains("three analyst apprenticeships"));
    CHECK(moves[2].from == "manager");
    CHECK(moves[2].to.empty());
    CHECK(moves[3].from == "senior-analyst");
    CHECK(moves[3].to == "senior-data-analyst");
    CHECK(moves[3].respondents == 1);
    CHECK(moves[3].target_roles == 1);

    ys::store::LoadedRound lr = ys::store::load_round(c, round);
    CHECK(lr.questionnaire->version == "1.2");
    auto role_of = [&](const std::string& key) {
        const ys::Respondent& r = respondent(lr, key);
        return r.role < 0 ? std::string() : lr.questionnaire->roles[static_cast<std::size_t>(r.role)].id;
    };
    CHECK(role_of("p1") == "performance-information-analyst");
    CHECK(respondent(lr, "p1").target_role == "senior-data-analyst");
    CHECK(respondent(lr, "p1").team == "North");
    CHECK(role_of("p2") == "senior-data-analyst");
    CHECK(role_of("p3").empty());
    CHECK(role_of("p4").empty());
    CHECK(c.scalar_int("SELECT count(*) FROM respondent WHERE role IN ('apprentice', 'manager')") == 0);
}

TEST_CASE("tags: the skills questionnaire's roles are the role catalogue's analyst roles, with their titles", "[content][tags]") {
    const nlohmann::json q = source_json("questionnaires/analyst-skills-self-assessment.json");
    const nlohmann::json roles = source_json("frameworks/roles/council-data-roles.json");
    std::map<std::string, std::string> titles;
    for (const auto& r : roles["roles"]) titles[r["id"].get<std::string>()] = r["title"].get<std::string>();
    REQUIRE(q["respondent_roles"].size() >= 5);
    for (const auto& r : q["respondent_roles"]) {
        INFO(r.dump());
        REQUIRE(titles.count(r["id"].get<std::string>()) == 1);
        CHECK(titles[r["id"].get<std::string>()] == r["name"].get<std::string>());
    }
}

TEST_CASE("tags: deleting a respondent or a round and undoing it brings their tags back", "[store][tags][snapshot]") {
    Scratch db("tags-snapshot.db");
    const std::string round = make_store(db.path);
    Connection c = ys::store::open_database(db.path);
    ys::store::add_tagged_respondent(c, round, "analyst", "", "", "a1", false,
                                     {std::string("North"), std::string("senior-leader"), std::string("19-21")});
    auto gone = ys::store::delete_respondent(c, round, "a1");
    CHECK(ys::store::get_round(c, round).respondents == 0);
    ys::store::restore_respondent(c, gone);
    CHECK(stored_tags(c, round, "a1") == "North|senior-leader|19-21");
    auto whole = ys::store::delete_round(c, round);
    ys::store::restore_round(c, whole);
    CHECK(stored_tags(c, round, "a1") == "North|senior-leader|19-21");
}
