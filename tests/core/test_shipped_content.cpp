// The shipped frameworks and questionnaires validate and meet the content requirements.
#include <catch2/catch.hpp>

#include <filesystem>

#include "catalogue.h"
#include "validate.h"

using namespace ys;

namespace {
std::vector<std::string> shipped_files() {
    std::vector<std::string> files;
    for (const char* dir : {"frameworks", "frameworks/roles", "questionnaires", "examples/answers", "examples/targets"}) {
        std::filesystem::path p = std::filesystem::path(YS_SOURCE_DIR) / dir;
        if (!std::filesystem::is_directory(p)) continue;
        for (const auto& e : std::filesystem::directory_iterator(p))
            if (e.path().extension() == ".json") files.push_back(e.path().string());
    }
    return files;
}
}  // namespace

TEST_CASE("every shipped file validates without a warning", "[content]") {
    ValidateReport report = validate_files({shipped_files(), {}});
    for (const auto& d : report.diagnostics.items()) UNSCOPED_INFO(to_string(d));
    CHECK(report.diagnostics.items().empty());
    CHECK(report.files.size() >= 6);
}

TEST_CASE("the council framework has the content the product promises", "[content]") {
    Catalogue cat;
    cat.add_library(YS_SOURCE_DIR, "shipped");
    cat.bind_all();
    auto fw = cat.framework("council-data-maturity");
    REQUIRE(fw);
    CHECK(fw->levels.size() == 5);
    CHECK(fw->roots.size() >= 9);
    for (const char* id : {"leadership", "culture", "skills", "governance", "data-management", "tools", "analytics",
                           "collaboration", "use-impact"})
        CHECK(fw->find_dimension(id) >= 0);
    for (const auto& d : fw->dimensions) {
        if (!d.is_leaf()) continue;
        CHECK(d.descriptors.size() == fw->levels.size());
        for (int from = fw->min_level(); from < fw->max_level(); ++from) {
            int n = 0;
            for (const auto& a : d.actions) n += a.from == from ? 1 : 0;
            INFO(d.id << " " << from << "->" << from + 1);
            CHECK(n >= 2);
        }
    }
    int foundation = 0, growth = 0;
    for (const auto& r : fw->responsibilities) (r.tier == Tier::Foundation ? foundation : growth)++;
    CHECK(foundation + growth >= 12);
    CHECK(foundation >= 1);
    CHECK(growth >= 1);

    auto full = cat.questionnaire("council-full");
    auto quick = cat.questionnaire("council-quick-check");
    auto cs = cat.questionnaire("childrens-services");
    REQUIRE(full);
    REQUIRE(quick);
    REQUIRE(cs);
    CHECK(full->questions.size() >= 50);
    CHECK(quick->questions.size() <= 15);
    CHECK(cs->audience == Audience::Service);
    auto skills = cat.questionnaire("analyst-skills-self-assessment");
    REQUIRE(skills);
    CHECK(skills->audience == Audience::Individual);
}
