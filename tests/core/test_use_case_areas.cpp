// One vocabulary of use-case areas across every framework: action tags outside it are named
// by validate (as warnings, so frameworks already stored in databases still load).
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "catalogue.h"
#include "framework.h"
#include "json_fields.h"
#include "use_case_areas.h"
#include "validate.h"

using namespace ys;

namespace {
const std::string kMisspelt = std::string(YS_TEST_DATA) + "/vocabulary/fw-misspelt-use-case-area.json";
}

TEST_CASE("use-case areas: eleven, each with a valid unique id and a name", "[content][vocabulary]") {
    std::set<std::string> ids;
    for (const auto& a : use_case_areas()) {
        INFO(a.id);
        CHECK(is_valid_id(a.id));
        CHECK(std::string(a.name).size() > 3);
        CHECK(ids.insert(a.id).second);
        CHECK(find_use_case_area(a.id) == &a);
    }
    CHECK(ids.size() == 11);
    CHECK(find_use_case_area("outcomes-performance") == nullptr);  // the council file's old spelling
    CHECK(find_use_case_area("") == nullptr);
}

TEST_CASE("use-case areas: a tag spelt another way is one warning naming the tag, where it is and the areas",
          "[content][vocabulary]") {
    ValidateReport report = validate_files({{kMisspelt}, {}});
    REQUIRE(report.diagnostics.items().size() == 1);
    const Diagnostic& d = report.diagnostics.items()[0];
    INFO(to_string(d));
    CHECK(d.severity == Severity::Warning);
    CHECK(d.where == "/dimensions/0/children/0/actions/0/tags/0");
    CHECK(d.message.find("unknown use-case area \"outcomes-performance\"") != std::string::npos);
    CHECK(d.message.find("outcomes-based-performance") != std::string::npos);
    CHECK(to_string(d).find("fw-misspelt-use-case-area.json") != std::string::npos);
    // A warning: the framework still loads and its tags are kept as written.
    CHECK(report.ok());
    REQUIRE(report.files.size() == 1);
    CHECK(report.files[0].ok);
}

TEST_CASE("use-case areas: both shipped frameworks tag actions only from the one vocabulary", "[content][vocabulary]") {
    Catalogue cat;
    cat.add_library(YS_SOURCE_DIR, "shipped");
    cat.bind_all();
    std::set<std::string> used;
    for (const char* id : {"council-data-maturity", "analyst-data-skills"}) {
        auto fw = cat.framework(id);
        REQUIRE(fw);
        for (const auto& d : fw->dimensions)
            for (const auto& a : d.actions)
                for (const auto& t : a.tags) {
                    INFO(id << ": action " << a.id << ": tag " << t);
                    CHECK(find_use_case_area(t) != nullptr);
                    used.insert(t);
                }
    }
    CHECK(used.size() == use_case_areas().size());  // every area is used somewhere
}
