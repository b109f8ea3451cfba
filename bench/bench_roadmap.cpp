// A roadmap at the scenario's limits: up to 10,000 planned post lines over a 20-year horizon
// with the shipped catalogue and assumptions, against its floor, costing the same post lines
// alone (cost_post), so the figures show what planning, cover and proposals add.
#include <chrono>
#include <cstdio>
#include <string>

#include "roadmap.h"
#include "roadmap_inputs.h"

using namespace ys;

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main() {
    Diagnostics d("shipped");
    auto in = load_roadmap_inputs(std::string(YS_SOURCE_DIR) + "/frameworks/roles/council-data-roles.json",
                                  std::string(YS_SOURCE_DIR) + "/frameworks/roles/assumptions-england-2025.json",
                                  {YS_SOURCE_DIR}, d);
    if (!in) {
        std::fprintf(stderr, "bench_roadmap: the shipped roles or assumptions did not read\n");
        return 1;
    }
    std::printf("%-12s %-8s %-16s %-18s %s\n", "post lines", "years", "build_roadmap s", "cost_post alone s", "ratio");
    for (int lines : {100, 1000, 10000}) {
        RoadmapRequest req;
        req.framework = in->framework.get();
        req.roles = &in->roles;
        req.assumptions = &in->assumptions;
        req.scenario.start = "2026-04-01";
        req.scenario.horizon_years = 20;
        req.scenario.structure = TeamStructure::HubAndSpoke;
        req.scenario.departments = 40;
        for (int i = 0; i < lines; ++i) {
            PlannedPost p;
            p.id = "p" + std::to_string(i);
            p.role = in->roles.roles[static_cast<std::size_t>(i) % in->roles.roles.size()].id;
            p.headcount = 1 + i % 7;
            p.start = "202" + std::to_string(6 + i % 4) + "-0" + std::to_string(1 + i % 9) + "-15";
            if (in->roles.roles[static_cast<std::size_t>(i) % in->roles.roles.size()].apprenticeship) {
                p.route = PostRoute::Apprenticeship;
                p.age = AgeBand::From19To21;
            }
            req.scenario.posts.push_back(p);
        }
        std::string error;
        auto t0 = std::chrono::steady_clock::now();
        auto plan = build_roadmap(req, error);
        const double whole = seconds_since(t0);
        if (!plan) {
            std::fprintf(stderr, "bench_roadmap: %s\n", error.c_str());
            return 1;
        }
        t0 = std::chrono::steady_clock::now();
        for (const auto& p : req.scenario.posts) {
            PostTerms t;
            t.role = in->roles.find(p.role);
            t.headcount = p.headcount;
            t.start = p.start;
            t.age = p.age;
            std::vector<std::string> notes;
            cost_post(req, t, notes, error);
        }
        const double floor = seconds_since(t0);
        std::printf("%-12d %-8d %-16.3f %-18.3f %.2fx\n", lines, req.scenario.horizon_years, whole, floor, whole / floor);
    }
    return 0;
}
