// The exchange bundle: SHA-256 and content hashes, reading and checking a bundle, writing
// it back (plain and anonymised), and one clear diagnostic for each malformed bundle.
// Fixtures: tests/data/bundles, written by tests/data/bundles/make_bundles.py.
#include <catch2/catch.hpp>

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "bundle.h"
#include "json_read.h"
#include "sha256.h"
#include "test_helpers.h"
#include "timestamps.h"

namespace {

using nlohmann::json;
using ys::test::all_problems;

const std::string kBundles = std::string(YS_TEST_DATA) + "/bundles/";

json load(const std::string& name) {
    ys::Diagnostics d(name);
    auto doc = ys::read_json_file(kBundles + name, d);
    if (!doc) throw std::runtime_error(all_problems(d));
    return *doc;
}

ys::Bundle parse_ok(const json& doc) {
    ys::Diagnostics d("bundle");
    auto b = ys::parse_bundle(doc, d);
    if (!b) throw std::runtime_error(all_problems(d));
    return *b;
}

// ---- struct equality (the core types have no operator==) ----

bool same(const ys::Answer& a, const ys::Answer& b) {
    return a.question == b.question && a.state == b.state && a.choice == b.choice && a.confidence == b.confidence &&
           a.ticked == b.ticked && a.number == b.number && a.answered_at == b.answered_at && a.evidence == b.evidence;
}

bool same(const ys::Respondent& a, const ys::Respondent& b) {
    if (a.id != b.id || a.role != b.role || a.name != b.name || a.email != b.email ||
        a.answers.size() != b.answers.size())
        return false;
    for (std::size_t i = 0; i < a.answers.size(); ++i)
        if (!same(a.answers[i], b.answers[i])) return false;
    return true;
}

bool same(const ys::BundleActionItem& a, const ys::BundleActionItem& b) {
    return a.action == b.action && a.dimension == b.dimension && a.owner == b.owner && a.due == b.due &&
           a.status == b.status && a.notes == b.notes;
}

bool same(const ys::BundleRound& a, const ys::BundleRound& b) {
    if (a.id != b.id || a.organisation != b.organisation || a.period != b.period || a.status != b.status ||
        a.created != b.created || a.framework_hash != b.framework_hash ||
        a.questionnaire_hash != b.questionnaire_hash || a.respondents.size() != b.respondents.size() ||
        a.action_items.size() != b.action_items.size())
        return false;
    for (std::size_t i = 0; i < a.respondents.size(); ++i)
        if (!same(a.respondents[i], b.respondents[i])) return false;
    for (std::size_t i = 0; i < a.action_items.size(); ++i)
        if (!same(a.action_items[i], b.action_items[i])) return false;
    return true;
}

bool same(const ys::Bundle& a, const ys::Bundle& b) {
    if (a.created != b.created || a.anonymised != b.anonymised || a.definitions != b.definitions ||
        a.questionnaire_framework != b.questionnaire_framework)
        return false;
    auto keys = [](const auto& m) {
        std::vector<std::string> k;
        for (const auto& e : m) k.push_back(e.first);
        return k;
    };
    if (keys(a.frameworks) != keys(b.frameworks) || keys(a.questionnaires) != keys(b.questionnaires)) return false;
    if (a.organisations.size() != b.organisations.size() || a.peer_groups.size() != b.peer_groups.size() ||
        a.rounds.size() != b.rounds.size() || a.targets.size() != b.targets.size())
        return false;
    for (std::size_t i = 0; i < a.organisations.size(); ++i) {
        const auto &x = a.organisations[i], &y = b.organisations[i];
        if (x.id != y.id || x.name != y.name || x.type != y.type || x.region != y.region ||
            x.ons_code != y.ons_code || x.parent != y.parent)
            return false;
    }
    for (std::size_t i = 0; i < a.peer_groups.size(); ++i) {
        const auto &x = a.peer_groups[i], &y = b.peer_groups[i];
        if (x.id != y.id || x.name != y.name || x.members != y.members) return false;
    }
    for (std::size_t i = 0; i < a.rounds.size(); ++i)
        if (!same(a.rounds[i], b.rounds[i])) return false;
    for (std::size_t i = 0; i < a.targets.size(); ++i) {
        const auto &x = a.targets[i], &y = b.targets[i];
        if (x.organisation != y.organisation || x.framework != y.framework || x.dimension != y.dimension ||
            x.by != y.by || x.level != y.level)
            return false;
    }
    return true;
}

}  // namespace

// ------------------------------------------------------------------------------------------
TEST_CASE("sha256_hex matches the FIPS 180-4 test vectors", "[bundle][sha256]") {
    CHECK(ys::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(ys::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(ys::sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(ys::sha256_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrs"
                         "mnopqrstnopqrstu") == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
    CHECK(ys::sha256_hex(std::string(1000000, 'a')) ==
          "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256_hex pads messages of every length around a block boundary", "[bundle][sha256]") {
    CHECK(ys::sha256_hex(std::string(55, 'a')) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
    CHECK(ys::sha256_hex(std::string(56, 'a')) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
    CHECK(ys::sha256_hex(std::string(63, 'a')) == "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34");
    CHECK(ys::sha256_hex(std::string(64, 'a')) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
    CHECK(ys::sha256_hex(std::string(119, 'a')) == "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb");
    CHECK(ys::sha256_hex(std::string(120, 'a')) == "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c");
}

TEST_CASE("content_hash does not depend on key order or layout", "[bundle][sha256]") {
    json a = json::parse(R"({"b": 1, "a": [1, 2.5, "x"]})");
    json b = json::parse("{\n  \"a\" : [ 1, 2.5, \"x\" ],\n  \"b\" : 1\n}");
    CHECK(ys::content_hash(a) == ys::content_hash(b));
    CHECK(ys::content_hash(a) == "sha256:" + ys::sha256_hex(R"({"a":[1,2.5,"x"],"b":1})"));
    CHECK(ys::content_hash(a) != ys::content_hash(json::parse(R"({"b": 2, "a": [1, 2.5, "x"]})")));
}

TEST_CASE("Python's canonical JSON matches nlohmann's dump() byte for byte", "[bundle][sha256]") {
    // make_bundles.py stores each value with the text and hash Python computed for it.
    json cases = load("hash-check.json");
    REQUIRE(cases.size() >= 8);
    for (const auto& c : cases) {
        INFO(c["name"].get<std::string>());
        if (c["python_differs"].get<bool>()) {
            CHECK(c["value"].dump() != c["text"].get<std::string>());
            CHECK(ys::content_hash(c["value"]) != c["hash"].get<std::string>());
        } else {
            CHECK(c["value"].dump() == c["text"].get<std::string>());
            CHECK(ys::content_hash(c["value"]) == c["hash"].get<std::string>());
        }
    }
}

// ------------------------------------------------------------------------------------------
TEST_CASE("the good bundle is read whole", "[bundle]") {
    json doc = load("good.json");
    ys::Diagnostics d("good.json");
    auto b = ys::parse_bundle(doc, d);
    INFO(all_problems(d));
    REQUIRE(b);
    CHECK(d.items().empty());
    CHECK(b->created == *ys::parse_iso_datetime("2026-11-21T05:30:00Z"));
    CHECK_FALSE(b->anonymised);
    CHECK(b->definitions.size() == 3);
    REQUIRE(b->frameworks.size() == 2);
    REQUIRE(b->questionnaires.size() == 1);
    CHECK(b->organisations.size() == 4);
    CHECK(b->organisations[1].ons_code == "E09999901");
    CHECK(b->organisations[1].parent == "fictional-london");
    CHECK(b->organisations[3].name == "Llanfair-ym-Môr (fictional)");
    REQUIRE(b->peer_groups.size() == 1);
    CHECK(b->peer_groups[0].members.size() == 2);
    REQUIRE(b->rounds.size() == 2);
    CHECK(b->targets.size() == 2);
    CHECK(b->targets[1].by.empty());

    const ys::BundleRound& r = b->rounds[0];
    CHECK(r.status == "closed");
    CHECK(r.created == *ys::parse_iso_datetime("2026-03-01T09:00:00Z"));
    CHECK(b->frameworks.at(r.framework_hash)->version == "1.0");
    REQUIRE(r.respondents.size() == 2);
    CHECK(r.respondents[0].name == "Alex Placeholder");
    CHECK(r.respondents[0].answers.size() == 6);
    CHECK(r.respondents[1].answers.size() == 5);
    const ys::Questionnaire& q = *b->questionnaires.at(r.questionnaire_hash);
    CHECK(q.roles.at(static_cast<std::size_t>(r.respondents[1].role)).id == "analyst");
    REQUIRE(r.action_items.size() == 1);
    CHECK(r.action_items[0].status == "in-progress");
    CHECK(r.action_items[0].due == "2026-06-30");
    CHECK(b->rounds[1].created == *ys::parse_iso_datetime("2026-11-20T10:00:00Z"));
}

TEST_CASE("a questionnaire binds to the newest fitting framework, and older rounds get their own binding", "[bundle]") {
    ys::Bundle b = parse_ok(load("good.json"));
    const std::string qh = b.rounds[0].questionnaire_hash;
    REQUIRE(b.questionnaire_framework.count(qh));
    CHECK(b.frameworks.at(b.questionnaire_framework.at(qh))->version == "1.1");
    CHECK(b.questionnaires.at(qh)->bound);

    ys::Diagnostics d("bundle");
    auto newer = ys::round_questionnaire(b, b.rounds[1], d);
    auto older = ys::round_questionnaire(b, b.rounds[0], d);
    INFO(all_problems(d));
    CHECK(d.items().empty());
    REQUIRE(newer);
    REQUIRE(older);
    CHECK(newer == b.questionnaires.at(qh));  // already bound to 1.1
    CHECK(older != newer);                    // a copy bound to 1.0
    CHECK(older->bound);
    CHECK(older->questions.size() == newer->questions.size());
}

TEST_CASE("a bundle survives a round trip unchanged", "[bundle]") {
    ys::Bundle first = parse_ok(load("good.json"));
    json out1 = ys::bundle_to_json(first, false);
    std::string text1 = out1.dump();

    ys::Diagnostics d("round trip");
    auto reparsed_doc = ys::parse_json_text(text1, d);
    REQUIRE(reparsed_doc);
    ys::Bundle second = parse_ok(*reparsed_doc);
    CHECK(same(first, second));

    std::string text2 = ys::bundle_to_json(second, false).dump();
    CHECK(text1 == text2);
    CHECK(ys::bundle_to_json(first, false).dump() == text1);  // same input, same bytes

    // The definitions are carried verbatim, so their hashes still hold.
    for (const auto& [hash, def] : second.definitions) CHECK(ys::content_hash(def) == hash);
}

TEST_CASE("an anonymised bundle holds no names, emails, evidence, owners or notes", "[bundle]") {
    ys::Bundle b = parse_ok(load("good.json"));
    json anon = ys::bundle_to_json(b, true);
    std::string text = anon.dump();
    CHECK(anon["anonymised"] == true);
    for (const char* secret : {"Alex Placeholder", "alex.placeholder@eastmere.example", "Sam Ffugenw",
                               "sam.ffugenw@eastmere.example", "Jo Example", "Monthly checks since March.",
                               "Staff survey, Gorffennaf 2025", "HR training log", "Priya Placeholder",
                               "Agreed at the March board", "\"evidence\"", "\"notes\"", "\"email\""}) {
        INFO(secret);
        CHECK(text.find(secret) == std::string::npos);
    }
    // The frameworks' own actions name owner roles; the action items and respondents must not.
    for (const auto& r : anon["rounds"]) {
        for (const auto& p : r["respondents"]) CHECK_FALSE(p.contains("name"));
        for (const auto& a : r["action_items"]) CHECK_FALSE(a.contains("owner"));
    }
    // What stays: the stable keys, roles, answers and the organisations.
    for (const char* kept : {"\"id\":\"r01\"", "\"id\":\"k7f3a9\"", "\"role\":\"analyst\"", "\"level-2\"",
                             "Eastmere (fictional)", "E09999901", "\"due\":\"2026-06-30\""}) {
        INFO(kept);
        CHECK(text.find(kept) != std::string::npos);
    }

    // It is a valid bundle, and exporting it again changes nothing.
    ys::Bundle back = parse_ok(anon);
    CHECK(back.anonymised);
    CHECK(back.rounds[0].respondents[0].name.empty());
    CHECK(back.rounds[0].respondents[0].role == b.rounds[0].respondents[0].role);
    CHECK(back.rounds[0].respondents[0].answers.size() == b.rounds[0].respondents[0].answers.size());
    CHECK(back.rounds[0].action_items[0].notes.empty());
    CHECK(ys::bundle_to_json(back, false).dump() == text);
    CHECK(ys::bundle_to_json(back, true).dump() == text);
}

TEST_CASE("an answer to a question that was not asked is dropped with a warning", "[bundle]") {
    json doc = load("warn-unasked-answer.json");
    ys::Diagnostics d("warn-unasked-answer.json");
    auto b = ys::parse_bundle(doc, d);
    INFO(all_problems(d));
    REQUIRE(b);
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].severity == ys::Severity::Warning);
    CHECK(d.items()[0].where == "/rounds/0/respondents/1/answers/q-training-plan");
    CHECK_THAT(d.items()[0].message, Catch::Contains("answer ignored") && Catch::Contains("\"q-skills-agree\""));
    CHECK(b->rounds[0].respondents[1].answers.size() == 5);
}

TEST_CASE("bundle_to_json refuses a round whose questionnaire it was not given", "[bundle]") {
    ys::Bundle b = parse_ok(load("good.json"));
    b.questionnaires.clear();
    CHECK_THROWS_AS(ys::bundle_to_json(b, false), std::invalid_argument);
}

// ------------------------------------------------------------------------------------------
namespace {

struct BadBundle {
    std::string file;
    std::string where;  // "{id version}" stands for the key of that definition in the file
    std::vector<std::string> words;
};

std::string deep_pointer() {
    std::string p = "/x-deep";
    for (int i = 0; i < 63; ++i) p += "/0";
    return p;
}

const std::vector<BadBundle>& bad_bundles() {
    static const std::vector<BadBundle> all = {
        {"bad-wrong-format.json", "/format", {"expected \"yardstick-bundle/2\"", "found \"yardstick-bundle/3\""}},
        {"bad-nesting-too-deep.json", deep_pointer(), {"nesting deeper than 64 levels"}},
        {"bad-created-time.json", "/created",
         {"expected a date and time such as \"2026-11-21T05:30:00Z\"", "found \"21/11/2026 05:30\""}},
        // definitions
        {"bad-hash-mismatch.json", "/definitions/{tiny-example 1.0}",
         {"hash does not match the content", "the content hashes to sha256:"}},
        {"bad-definition-invalid.json", "/definitions/{tiny-example 1.1}/dimensions/0/aggregation",
         {"unknown aggregation \"median\""}},
        {"bad-definition-not-a-definition.json", "/definitions/{tiny-check 1.0 answers}",
         {"expected a framework (\"yardstick-framework/1\") or a questionnaire"}},
        {"bad-questionnaire-framework-missing.json", "/definitions/{tiny-check 1.0}/framework/id",
         {"questionnaire \"tiny-check\" measures framework \"tiny-other\" (versions 1.*)",
          "not among the bundle's definitions"}},
        {"bad-round-unknown-framework.json", "/rounds/0/framework",
         {"unknown framework sha256:" + ys::sha256_hex("no such framework"),
          "the bundle's definitions hold nothing with this hash"}},
        {"bad-round-framework-is-questionnaire.json", "/rounds/0/framework",
         {"is a questionnaire definition; expected a framework"}},
        // organisations and peer groups
        {"bad-organisation-parent-cycle.json", "/organisations/0/parent",
         {"organisation parents form a cycle: fictional-london -> fictional-borough-of-eastmere -> "
          "fictional-london"}},
        {"bad-organisation-unknown-parent.json", "/organisations/2/parent",
         {"unknown parent organisation \"fictional-nowhere\""}},
        {"bad-duplicate-organisation-id.json", "/organisations/3/id",
         {"duplicate organisation id \"fictional-borough-of-westmere\""}},
        {"bad-ons-code.json", "/organisations/1/ons_code",
         {"expected an ONS code: a capital letter and 8 digits", "found \"e09999901\""}},
        {"bad-organisation-type.json", "/organisations/3/type",
         {"unknown organisation type \"shire\"", "expected one of: region, london-borough"}},
        {"bad-peer-group-unknown-member.json", "/peer_groups/0/members/2",
         {"unknown organisation \"fictional-borough-of-northmere\""}},
        // rounds
        {"bad-duplicate-round-id.json", "/rounds/1/id", {"duplicate round id \"eastmere-2026\""}},
        {"bad-round-unknown-organisation.json", "/rounds/0/organisation",
         {"unknown organisation \"fictional-borough-of-northmere\""}},
        {"bad-round-status.json", "/rounds/0/status",
         {"unknown round status \"finished\"", "expected one of: draft, open, closed"}},
        {"bad-round-created.json", "/rounds/0/created", {"expected a date and time", "found \"2026-02-30T09:00:00Z\""}},
        {"bad-duplicate-respondent-id.json", "/rounds/0/respondents/1/id",
         {"duplicate respondent id \"r01\" in this round"}},
        {"bad-respondent-role.json", "/rounds/0/respondents/1/role",
         {"unknown role \"caretaker\"", "expected one of: senior-leader, analyst"}},
        {"bad-answer-unknown-question.json", "/rounds/0/respondents/0/answers/q-nonexistent",
         {"unknown question \"q-nonexistent\" in questionnaire \"tiny-check\" 1.0"}},
        {"bad-answer-unknown-option.json", "/rounds/0/respondents/0/answers/q-quality/value",
         {"\"level-9\" is not an option of \"q-quality\"", "expected one of: level-1, level-2, level-3"}},
        {"bad-answer-on-newer-framework.json", "/rounds/1/respondents/0/answers/q-trained/value",
         {"expected a number from 0 up to 100, found 101"}},
        {"bad-anonymised-with-name.json", "/rounds/0/respondents/1/name",
         {"an anonymised bundle holds no respondent names"}},
        // action items
        {"bad-action-unknown.json", "/rounds/0/action_items/0/action",
         {"unknown action \"dq-9-9\" in framework \"tiny-example\" 1.0"}},
        {"bad-action-wrong-dimension.json", "/rounds/0/action_items/0/dimension",
         {"action \"dq-1-2\" hangs on dimension \"data.quality\", not \"data.skills\""}},
        {"bad-action-status.json", "/rounds/0/action_items/0/status",
         {"unknown action status \"doing\"", "expected one of: not-started, in-progress, done, dropped"}},
        {"bad-action-due.json", "/rounds/0/action_items/0/due", {"expected a date as YYYY-MM-DD, found \"30/06/2026\""}},
        {"bad-action-notes-too-long.json", "/rounds/0/action_items/0/notes", {"longer than 20000 characters"}},
        // targets
        {"bad-target-unknown-dimension.json", "/targets/0/dimension",
         {"unknown dimension \"data.speed\" in framework \"tiny-example\" 1.1"}},
        {"bad-target-unknown-framework.json", "/targets/1/framework",
         {"framework \"tiny-other\" is not among the bundle's definitions"}},
        {"bad-target-level.json", "/targets/0/level", {"expected a level from 1 to 3, found 4"}},
        {"bad-target-date.json", "/targets/0/by", {"expected a date as YYYY-MM-DD, found \"2027-02-29\""}},
    };
    return all;
}

// Replaces "{ID VERSION}" (or "{ID VERSION answers}" for an answer file, which names its
// questionnaire) with the key under which that document sits in the bundle's definitions.
std::string resolve(const std::string& where, const json& doc) {
    auto open = where.find('{');
    if (open == std::string::npos) return where;
    auto close = where.find('}', open);
    std::string spec = where.substr(open + 1, close - open - 1);
    for (auto it = doc["definitions"].begin(); it != doc["definitions"].end(); ++it) {
        const json& v = it.value();
        std::string label;
        if (v.contains("questionnaire") && v["questionnaire"].is_object())
            label = v["questionnaire"].value("id", "") + " " + v["questionnaire"].value("version", "") + " answers";
        else
            label = v.value("id", "") + " " + v.value("version", "");
        if (label == spec) return where.substr(0, open) + it.key() + where.substr(close + 1);
    }
    throw std::runtime_error("no definition " + spec);
}

}  // namespace

TEST_CASE("each malformed bundle gives one clear error", "[bundle]") {
    REQUIRE(bad_bundles().size() >= 15);
    for (const auto& c : bad_bundles()) {
        SECTION(c.file) {
            ys::Diagnostics d(c.file);
            std::string text, error;
            REQUIRE(ys::read_text_file(kBundles + c.file, 64u << 20, text, error));
            auto doc = ys::parse_json_text(text, d);  // the reader's own limits come first
            std::string where = c.where;
            if (doc) {
                where = resolve(c.where, *doc);
                CHECK_FALSE(ys::parse_bundle(*doc, d));
            }
            INFO(all_problems(d));
            REQUIRE(d.error_count() == 1);
            const ys::Diagnostic& e = d.items().front().severity == ys::Severity::Error ? d.items().front()
                                                                                         : d.items().back();
            CHECK(e.where == where);
            for (const auto& w : c.words) CHECK_THAT(e.message, Catch::Contains(w));
        }
    }
}

TEST_CASE("bundle limits are enforced with a clear message", "[bundle]") {
    json base = load("good.json");

    SECTION("more than 10,000 rounds") {
        json doc = base;
        json round = doc["rounds"][1];
        round["respondents"] = json::array();
        doc["rounds"] = json::array();
        for (std::size_t i = 0; i <= ys::kMaxBundleRounds; ++i) {
            round["id"] = "round-" + std::to_string(i);
            doc["rounds"].push_back(round);
        }
        ys::Diagnostics d("many rounds");
        CHECK_FALSE(ys::parse_bundle(doc, d));
        REQUIRE(d.error_count() == 1);
        CHECK(d.items()[0].where == "/rounds");
        CHECK(d.items()[0].message == "holds 10001 rounds; the limit is 10000");
    }
    SECTION("more than 100,000 respondents in a round") {
        json doc = base;
        json people = json::array();
        for (std::size_t i = 0; i <= ys::kMaxRoundRespondents; ++i)
            people.push_back({{"id", "p" + std::to_string(i)}, {"answers", json::object()}});
        doc["rounds"][1]["respondents"] = std::move(people);
        ys::Diagnostics d("many respondents");
        CHECK_FALSE(ys::parse_bundle(doc, d));
        REQUIRE(d.error_count() == 1);
        CHECK(d.items()[0].where == "/rounds/1/respondents");
        CHECK(d.items()[0].message == "holds 100001 respondents; the limit is 100000 per round");
    }
    SECTION("evidence longer than the answer-file limit") {
        json doc = base;
        doc["rounds"][0]["respondents"][0]["answers"]["q-quality"]["evidence"] = std::string(20001, 'e');
        ys::Diagnostics d("long evidence");
        CHECK_FALSE(ys::parse_bundle(doc, d));
        REQUIRE(d.error_count() == 1);
        CHECK(d.items()[0].where == "/rounds/0/respondents/0/answers/q-quality/evidence");
        CHECK_THAT(d.items()[0].message, Catch::Contains("longer than 20000 characters"));
    }
}

TEST_CASE("ONS codes and content hash keys have a fixed shape", "[bundle]") {
    CHECK(ys::is_ons_code("E09999901"));
    CHECK(ys::is_ons_code("W06999901"));
    CHECK_FALSE(ys::is_ons_code("e09999901"));
    CHECK_FALSE(ys::is_ons_code("E0999990"));
    CHECK_FALSE(ys::is_ons_code("E099999011"));
    CHECK_FALSE(ys::is_ons_code("EE9999901"));
    CHECK(ys::is_content_hash_text(ys::content_hash(json::object())));
    CHECK_FALSE(ys::is_content_hash_text("sha256:" + std::string(63, 'a')));
    CHECK_FALSE(ys::is_content_hash_text("sha256:" + std::string(64, 'A')));
    CHECK_FALSE(ys::is_content_hash_text("md5:" + std::string(64, 'a')));
}

TEST_CASE("a round's questionnaire must measure the round's framework", "[bundle]") {
    json base = load("good.json");
    std::string fw10_hash = base["rounds"][0]["framework"];
    const json fw10 = base["definitions"][fw10_hash];
    auto with_framework = [&](const json& fw) {
        json doc = base;
        std::string h = ys::content_hash(fw);
        doc["definitions"][h] = fw;
        doc["rounds"][0]["framework"] = h;
        return doc;
    };

    SECTION("another framework altogether") {
        json other = fw10;
        other["id"] = "other-example";
        ys::Diagnostics d("other framework");
        CHECK_FALSE(ys::parse_bundle(with_framework(other), d));
        INFO(all_problems(d));
        REQUIRE(d.error_count() == 1);
        CHECK(d.items()[0].where == "/rounds/0/questionnaire");
        CHECK(d.items()[0].message ==
              "questionnaire \"tiny-check\" 1.0 measures framework \"tiny-example\", but the round's framework is "
              "\"other-example\" 1.0");
    }
    SECTION("a version the questionnaire does not fit") {
        json v2 = fw10;
        v2["version"] = "2.0";
        ys::Diagnostics d("version 2");
        CHECK_FALSE(ys::parse_bundle(with_framework(v2), d));
        INFO(all_problems(d));
        REQUIRE(d.error_count() == 1);
        CHECK(d.items()[0].where == "/rounds/0/questionnaire");
        CHECK_THAT(d.items()[0].message, Catch::Contains("fits framework versions 1.*, but the round's framework is "
                                                         "\"tiny-example\" 2.0"));
    }
    SECTION("a fitting older version the questions do not map onto") {
        json older = fw10;
        older["version"] = "1.0.5";
        json& children = older["dimensions"][0]["children"];
        children.erase(1);  // no data.skills
        ys::Diagnostics d("older version");
        CHECK_FALSE(ys::parse_bundle(with_framework(older), d));
        INFO(all_problems(d));
        REQUIRE(d.error_count() >= 1);
        CHECK(d.items()[0].where == "/rounds/0/questionnaire");
        CHECK_THAT(d.items()[0].message,
                   Catch::Contains("does not fit the round's framework \"tiny-example\" 1.0.5") &&
                       Catch::Contains("unknown dimension \"data.skills\""));
    }
}

TEST_CASE("an anonymised bundle may hold no personal details", "[bundle]") {
    json doc = ys::bundle_to_json(parse_ok(load("good.json")), true);
    json& r0 = doc["rounds"][0];
    r0["respondents"][0]["email"] = "someone@eastmere.example";
    r0["respondents"][0]["answers"]["q-quality"]["evidence"] = "Said so in the corridor.";
    r0["action_items"][0]["owner"] = "Priya Placeholder";
    r0["action_items"][0]["notes"] = "A note.";
    ys::Diagnostics d("anonymised");
    CHECK_FALSE(ys::parse_bundle(doc, d));
    INFO(all_problems(d));
    REQUIRE(d.error_count() == 4);
    std::vector<std::string> where;
    for (const auto& x : d.items()) where.push_back(x.where);
    CHECK(where == std::vector<std::string>{"/rounds/0/respondents/0/email",
                                            "/rounds/0/respondents/0/answers/q-quality/evidence",
                                            "/rounds/0/action_items/0/owner", "/rounds/0/action_items/0/notes"});
}

TEST_CASE("two different definitions with one id and version draw a warning", "[bundle]") {
    json doc = load("good.json");
    std::string fw10_hash = doc["rounds"][0]["framework"];
    json twin = doc["definitions"][fw10_hash];
    twin["description"] = "Edited without a new version number.";
    doc["definitions"][ys::content_hash(twin)] = twin;
    ys::Diagnostics d("twin");
    auto b = ys::parse_bundle(doc, d);
    INFO(all_problems(d));
    REQUIRE(b);
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].severity == ys::Severity::Warning);
    CHECK_THAT(d.items()[0].message, Catch::Contains("framework \"tiny-example\" 1.0 differs from the one at "
                                                     "/definitions/sha256:"));
}

TEST_CASE("the example in docs/bundle-format.md is a valid bundle", "[bundle][docs]") {
    std::string text, error;
    REQUIRE(ys::read_text_file(std::string(YS_SOURCE_DIR) + "/docs/bundle-format.md", 1u << 20, text, error));
    auto heading = text.find("## A complete small example");
    REQUIRE(heading != std::string::npos);
    auto start = text.find("```json\n", heading);
    REQUIRE(start != std::string::npos);
    start += 8;
    auto end = text.find("```", start);
    REQUIRE(end != std::string::npos);
    ys::Diagnostics d("docs/bundle-format.md");
    auto doc = ys::parse_json_text(text.substr(start, end - start), d);
    INFO(all_problems(d));
    REQUIRE(doc);
    auto b = ys::parse_bundle(*doc, d);
    REQUIRE(b);
    CHECK(d.items().empty());
    REQUIRE(b->rounds.size() == 1);
    CHECK(b->rounds[0].respondents[0].answers.size() == 1);
    std::string anon = ys::bundle_to_json(*b, true).dump();
    CHECK(anon.find("Alex Placeholder") == std::string::npos);
    CHECK(anon.find("Monthly quality report.") == std::string::npos);
}

TEST_CASE("a definition that makes a reader throw is reported, not thrown", "[bundle]") {
    // questionnaire_read.cpp looks up later questions' ids with json::value("id", ""), which
    // throws when an id is not a string; the bundle reader turns that into a diagnostic.
    json doc = load("good.json");
    std::string old_hash = doc["rounds"][0]["questionnaire"];
    json q = doc["definitions"][old_hash];
    q["sections"][1]["questions"][2]["condition"]["question"] = "q-later";
    q["sections"][1]["questions"].push_back({{"id", 5}});
    std::string h = ys::content_hash(q);
    doc["definitions"].erase(old_hash);
    doc["definitions"][h] = q;
    for (auto& r : doc["rounds"]) r["questionnaire"] = h;
    ys::Diagnostics d("throwing definition");
    std::optional<ys::Bundle> b;
    REQUIRE_NOTHROW(b = ys::parse_bundle(doc, d));
    CHECK_FALSE(b);
    INFO(all_problems(d));
    REQUIRE(d.has_errors());
    for (const auto& x : d.items()) CHECK(x.where.rfind("/definitions/" + h, 0) == 0);
}
