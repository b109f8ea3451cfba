#pragma once
// How build_roadmap works: one Builder per request, its steps in files of their own
// (roadmap.cpp checks the scenario, roadmap_build_phases.cpp, roadmap_build_proposals.cpp,
// roadmap_build_cover.cpp and roadmap_build_costs.cpp do the rest). Internal to src/core/roadmap.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "roadmap.h"

namespace ys::roadmap_build {

constexpr double kEpsilon = 1e-9;

// Whether a responsibility is one analysts carry in services (see need_for).
bool analytical(const std::string& responsibility);
// How many posts' worth of a responsibility the council needs, by its team structure.
double need_for(const std::string& responsibility, const RoadmapScenario& s);
// A post's route in words: "new post", "shared with 3 councils", ...
std::string route_words(const RoadmapPost& p, const RoleCatalogue& cat, const RoadmapScenario& sc);

class Builder {
public:
    Builder(const RoadmapRequest& req, std::string& error)
        : req_(req), fw_(*req.framework), cat_(*req.roles), sc_(req.scenario), error_(error) {}

    std::optional<Roadmap> build();

private:
    std::string end_of_plan() const;
    bool fail(const std::string& message);
    bool check();

    // ---- what is needed, and when ----
    int aim(int dim) const;
    void plan_phases();
    std::string due_for(int level, const std::vector<const Responsibility*>& resps) const;

    // ---- who holds what ----
    void covers_of(RoadmapPost& p, double fte_total);
    void take_team();
    int plan_year_of(const std::string& date) const;
    void take_planned();
    double held(const std::string& resp) const;

    // ---- the tool's proposals ----
    double gap(const std::string& r) const;
    int proposed_of(const std::string& role) const;
    int shared_for(const Role& role) const;
    bool route_closed(const Apprenticeship& a) const;
    const Role* best_role(const std::string& worst) const;
    std::string behind(const Responsibility& resp) const;
    void give_reasons();
    void propose();

    // ---- what the plan reaches ----
    CoverStatus status_of(const std::string& r, double h) const;
    void report_cover();

    // ---- what it costs ----
    PostTerms terms_of(const RoadmapPost& p) const;
    static void add_into(std::vector<YearCost>& into, const std::vector<YearCost>& years);
    std::vector<YearCost> empty_years() const;
    bool cost_list(std::vector<RoadmapPost>& posts, std::vector<YearCost>& into);
    static void close_years(std::vector<YearCost>& years);
    bool cost();

    const RoadmapRequest& req_;
    const Framework& fw_;
    const RoleCatalogue& cat_;
    const RoadmapScenario& sc_;
    std::string& error_;
    Roadmap out_;
    std::map<std::string, double> need_;
    std::map<std::string, int> phase_of_;
    std::map<std::string, std::string> elsewhere_;
    std::set<std::string> no_role_;
    std::map<std::string, double> held_;
};

}  // namespace ys::roadmap_build
