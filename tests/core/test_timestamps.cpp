#include <catch2/catch.hpp>

#include "timestamps.h"

using namespace ys;

TEST_CASE("ISO 8601 timestamps read and write without the C library's time zone", "[time]") {
    CHECK(*parse_iso_datetime("1970-01-01T00:00:00Z") == 0);
    CHECK(*parse_iso_datetime("2026-03-14T10:22:05Z") == 1773483725);
    CHECK(*parse_iso_datetime("2026-03-14T11:22:05+01:00") == 1773483725);
    CHECK(*parse_iso_datetime("2026-03-14T10:22:05.250Z") == 1773483725);
    CHECK(*parse_iso_datetime("2026-03-14 10:22") == 1773483720);
    CHECK(*parse_iso_datetime("2024-02-29") == 1709164800);
    CHECK(format_iso_datetime(1773483725) == "2026-03-14T10:22:05Z");
    CHECK(format_iso_datetime(0) == "1970-01-01T00:00:00Z");
    for (const char* bad : {"", "2026", "2026-02-30", "2025-02-29", "2026-13-01", "2026-03-14T25:00", "2026-03-14X",
                            "2026-03-14T10:22:05+0100", "14/03/2026", "2026-03-14T10:22:05.Z"})
        CHECK_FALSE(parse_iso_datetime(bad));
}
