// Bundle version 2's origins: read, written back, and one clear error for each bad origin;
// version 1 bundles still read, with an origin derived from the file.
// Fixtures: tests/data/bundles (good-v2.json and bad-*origin*.json), by make_bundles.py.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <vector>

#include "bundle.h"
#include "json_read.h"
#include "test_helpers.h"

namespace {

using nlohmann::json;
using ys::test::all_problems;

const std::string kBundles = std::string(YS_TEST_DATA) + "/bundles/";
const std::string kOrigin = "5e1f0c3a9b7d42e68a0f1c2d3e4b5a69";  // make_bundles.py's ORIGIN
const std::string kOther = "0d9c8b7a6f5e4d3c2b1a09f8e7d6c5b4";

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

}  // namespace

TEST_CASE("a version 2 bundle carries the origin of the bundle, and of each organisation and round", "[bundle][origin]") {
    ys::Bundle b = parse_ok(load("good-v2.json"));
    CHECK(b.origin == kOrigin);
    CHECK(b.origin_known);
    REQUIRE(b.organisations.size() == 4);
    CHECK(b.organisations[0].origin == kOrigin);
    CHECK(b.organisations[0].origin_id.empty());
    CHECK(b.organisations[0].id_at_origin() == "fictional-london");
    CHECK(b.organisations[3].origin == kOther);
    CHECK(b.organisations[3].id_at_origin() == "llanfair");
    for (const auto& r : b.rounds) CHECK(r.origin == kOrigin);

    // Written back: the same bytes from the same input, and every origin kept.
    json out = ys::bundle_to_json(b, false);
    CHECK(out["format"] == "yardstick-bundle/2");
    CHECK(out["origin"] == kOrigin);
    CHECK(out["organisations"][3]["origin"] == kOther);
    CHECK(out["organisations"][3]["origin_id"] == "llanfair");
    CHECK_FALSE(out["organisations"][0].contains("origin_id"));
    CHECK(out["rounds"][1]["origin"] == kOrigin);
    ys::Bundle back = parse_ok(out);
    CHECK(ys::bundle_to_json(back, false).dump() == out.dump());
}

TEST_CASE("a version 1 bundle is still read, with an origin derived from the file", "[bundle][origin]") {
    json v1 = load("good.json");
    ys::Bundle b = parse_ok(v1);
    CHECK_FALSE(b.origin_known);
    CHECK(ys::is_origin_id(b.origin));
    for (const auto& o : b.organisations) CHECK(o.origin == b.origin);
    for (const auto& r : b.rounds) CHECK(r.origin == b.origin);
    // The same file, the same origin; another file (another time of writing), another origin.
    CHECK(parse_ok(v1).origin == b.origin);
    json later = v1;
    later["created"] = "2026-11-22T05:30:00Z";
    CHECK(parse_ok(later).origin != b.origin);
    json renamed = v1;
    renamed["organisations"][1]["name"] = "Eastmere (another council's)";
    CHECK(parse_ok(renamed).origin != b.origin);
    // Written again, it is a version 2 bundle keeping that origin.
    json out = ys::bundle_to_json(b, false);
    CHECK(out["format"] == "yardstick-bundle/2");
    ys::Bundle again = parse_ok(out);
    CHECK(again.origin_known);
    CHECK(again.origin == b.origin);
}

TEST_CASE("each bad origin gives one clear error", "[bundle][origin]") {
    struct Bad {
        std::string file, where;
        std::vector<std::string> words;
    };
    const std::vector<Bad> all = {
        {"bad-wrong-format.json", "/format", {"expected \"yardstick-bundle/2\"", "\"yardstick-bundle/1\"", "found \"yardstick-bundle/3\""}},
        {"bad-origin-id.json", "/origin", {"expected an origin id: 32 lower-case hex digits", "found \"5E1F0C3A"}},
        {"bad-origin-missing.json", "/origin", {"missing"}},
        {"bad-organisation-origin.json", "/organisations/1/origin", {"expected an origin id", "found \"eastmere\""}},
        {"bad-organisation-origin-id.json", "/organisations/3/origin_id", {"Llanfair Town"}},
        {"bad-round-origin-missing.json", "/rounds/1/origin", {"missing"}},
        {"bad-v1-with-origin.json", "/organisations/0/origin", {"belongs to \"yardstick-bundle/2\"", "has no origins"}},
    };
    for (const auto& c : all) {
        SECTION(c.file) {
            ys::Diagnostics d(c.file);
            json doc = load(c.file);
            CHECK_FALSE(ys::parse_bundle(doc, d));
            INFO(all_problems(d));
            REQUIRE(d.error_count() == 1);
            CHECK(d.items().front().where == c.where);
            for (const auto& w : c.words) CHECK_THAT(d.items().front().message, Catch::Contains(w));
        }
    }
}

TEST_CASE("origin ids have one shape, and a bundle is never written with another", "[bundle][origin]") {
    CHECK(ys::is_origin_id(kOrigin));
    CHECK_FALSE(ys::is_origin_id(""));
    CHECK_FALSE(ys::is_origin_id(kOrigin.substr(1)));
    CHECK_FALSE(ys::is_origin_id(kOrigin + "0"));
    CHECK_FALSE(ys::is_origin_id("5E1F0C3A9B7D42E68A0F1C2D3E4B5A69"));
    CHECK_FALSE(ys::is_origin_id("5e1f0c3a9b7d42e68a0f1c2d3e4b5a6g"));
    ys::Bundle b = parse_ok(load("good-v2.json"));
    ys::Bundle no_origin = b;
    no_origin.origin.clear();
    CHECK_THROWS_AS(ys::bundle_to_json(no_origin, false), std::invalid_argument);
    ys::Bundle bad_org = b;
    bad_org.organisations[0].origin = "eastmere";
    CHECK_THROWS_AS(ys::bundle_to_json(bad_org, false), std::invalid_argument);
    ys::Bundle bad_round = b;
    bad_round.rounds[0].origin = "x";
    CHECK_THROWS_AS(ys::bundle_to_json(bad_round, false), std::invalid_argument);
}
