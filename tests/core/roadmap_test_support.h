#pragma once
// Small catalogues, assumptions and scenarios for the roadmap's worked examples; each test
// computes its figures by hand beside its checks.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "assumptions.h"
#include "roadmap.h"
#include "roadmap_inputs.h"
#include "roles.h"

namespace ys::test {

using nlohmann::json;

inline json rule(const std::string& kind, const std::string& from, const std::string& to, json fields) {
    fields["kind"] = kind;
    fields["effective_from"] = from;
    if (!to.empty()) fields["effective_to"] = to;
    fields["source"] = "Worked example figure.";
    fields["date"] = "2025-03-31";
    return fields;
}

inline Assumptions assumptions(bool flat, const std::vector<json>& rules, double flat_rate = 0.30) {
    json j = {{"format", "yardstick-assumptions/1"}, {"id", "example"}, {"title", "Example"}, {"currency", "GBP"},
              {"oncosts", {{"method", flat ? "flat" : "components"},
                           {"flat_rate", {{"rate", flat_rate}, {"source", "Nesta's flat 30%."}, {"date", "2025-03-31"}}}}},
              {"rules", rules}};
    Diagnostics d("assumptions");
    auto a = parse_assumptions(j, d);
    if (!a) FAIL(d.items().front().message);
    return *a;
}

inline json role_json(const std::string& id, double mid, std::vector<std::pair<std::string, double>> covers, bool shareable = false,
                      const json& apprenticeship = nullptr, bool london = false) {
    json resp = json::array();
    for (const auto& [r, s] : covers) resp.push_back({{"id", r}, {"fte_share", s}});
    json role = {{"id", id}, {"title", id}, {"purpose", "An example role."}, {"responsibilities", resp}, {"grade", "Example"},
                 {"salary", {{"min", mid - 5000}, {"mid", mid}, {"max", mid + 5000}, {"source", "Worked example."}, {"date", "2025-03-31"}}},
                 {"london_weighting", london}, {"skills", json::array()}, {"shareable", shareable}};
    if (!apprenticeship.is_null()) role["apprenticeship"] = apprenticeship;
    return role;
}

inline RoleCatalogue catalogue(const std::vector<json>& roles) {
    json j = {{"format", "yardstick-roles/1"}, {"id", "example-roles"}, {"version", "1.0"}, {"title", "Example roles"},
              {"framework", {{"id", "council-data-maturity"}, {"versions", {"1.*"}}}},
              {"skills_framework", {{"id", "analyst-data-skills"}, {"versions", {"1.*"}}}},
              {"sources", {{{"title", "Worked example"}, {"date", "2025-03-31"}}}}, {"roles", roles}};
    Diagnostics d("roles");
    auto c = parse_role_catalogue(j, d);
    if (!c) FAIL(d.items().front().where + " " + d.items().front().message);
    return *c;
}

inline const json kNiAlways = rule("employer_ni", "2020-01-01", "", {{"rate", 0.15}, {"threshold", 5000}});
inline const json kPension = rule("pension", "2020-01-01", "", {{"rate", 0.198}});
inline const json kLevy = rule("apprenticeship_levy", "2017-04-06", "", {{"rate", 0.005}, {"allowance", 15000}});

// The shipped framework, roles and assumptions, read as `yardstick-cli roadmap` reads them.
inline RoadmapInputs shipped_inputs() {
    Diagnostics d("shipped");
    auto in = load_roadmap_inputs(std::string(YS_SOURCE_DIR) + "/frameworks/roles/council-data-roles.json",
                                  std::string(YS_SOURCE_DIR) + "/frameworks/roles/assumptions-england-2025.json",
                                  {YS_SOURCE_DIR}, d);
    if (!in) FAIL(d.items().front().message);
    return std::move(*in);
}

// A request over the shipped framework with a given catalogue and assumptions; the plan is
// the council's own (no proposals) unless the test says otherwise.
inline RoadmapRequest request(const Framework& fw, const RoleCatalogue& roles, const Assumptions& a, const std::string& start,
                              int years) {
    RoadmapRequest r;
    r.framework = &fw;
    r.roles = &roles;
    r.assumptions = &a;
    r.scenario.name = "Worked example";
    r.scenario.start = start;
    r.scenario.horizon_years = years;
    r.scenario.propose = false;
    r.scenario.london_area = LondonArea::None;
    return r;
}

inline Roadmap plan_of(const RoadmapRequest& req) {
    std::string error;
    auto plan = build_roadmap(req, error);
    INFO(error);
    REQUIRE(plan);
    return std::move(*plan);
}

inline PlannedPost post(const std::string& id, const std::string& role, int headcount = 1) {
    PlannedPost p;
    p.id = id;
    p.role = role;
    p.headcount = headcount;
    return p;
}

inline const ResponsibilityCover& cover_of(const Roadmap& r, const std::string& id) {
    for (const auto& c : r.cover)
        if (c.responsibility == id) return c;
    FAIL("no cover entry for " + id);
    return r.cover.front();
}

inline const RoadmapPost& post_of(const Roadmap& r, const std::string& id) {
    for (const auto& p : r.posts)
        if (p.id == id) return p;
    FAIL("no post " + id);
    return r.posts.front();
}

inline bool mentions(const std::vector<std::string>& lines, const std::string& what) {
    for (const auto& l : lines)
        if (l.find(what) != std::string::npos) return true;
    return false;
}

}  // namespace ys::test
