// Fractional targets (2.5 on a scale whose scores are fractional) are kept exactly by the store
// and by bundles, not truncated to a whole level.
#include <catch2/catch.hpp>

#include <cmath>

#include "bundle_io.h"
#include "scored_rounds.h"
#include "store_test_support.h"
#include "store_errors.h"

using ys_test::make_store;
using ys_test::Scratch;

TEST_CASE("store: a fractional target is stored, scored and exported as it was given", "[store][targets]") {
    Scratch scratch("fractional-target.db");
    const std::string round = make_store(scratch.path);
    ys::store::Connection c = ys::store::open_database(scratch.path);
    ys::store::set_target(c, {"testshire", "tiny-example", "data.quality", "2027-03-31", 2.5});
    auto listed = ys::store::list_targets(c, "testshire");
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].level == 2.5);

    auto report = ys::store::score_stored_rounds(c, {round}, ys::ScoreOptions{false, false});
    REQUIRE(report.rounds.size() == 1);
    const auto& fw = *report.rounds[0].framework;
    CHECK(*report.rounds[0].result.dimensions[static_cast<std::size_t>(fw.find_dimension("data.quality"))].target == 2.5);

    ys::Bundle b = ys::store::export_bundle(c, {round});
    REQUIRE(b.targets.size() == 1);
    CHECK(b.targets[0].level == 2.5);

    // Off the tiny framework's 1-3 scale: refused, nothing changed.
    CHECK_THROWS_AS(ys::store::set_target(c, {"testshire", "tiny-example", "data.quality", "", 3.5}), ys::store::StoreError);
    CHECK_THROWS_AS(ys::store::set_target(c, {"testshire", "tiny-example", "data.quality", "", std::nan("")}),
                    ys::store::StoreError);
    CHECK(ys::store::list_targets(c, "testshire")[0].level == 2.5);
}
