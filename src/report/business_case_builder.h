#pragma once
// Internal to the business case: the builder whose sections are written in
// business_case*.cpp, one file per group of sections.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "business_case.h"

namespace ys::report::detail {

// One way of filling a role, costed per post and for the plan's headcount.
struct OptionRow {
    std::string name;   // "New post", "Apprenticeship", "Upskill", "Share"
    std::string route;  // how, in words
    bool available = false;
    bool chosen = false;
    int headcount = 1;
    std::vector<YearCost> per_post;  // one post, as the engine costs it (headcount 1)
    std::vector<YearCost> total;     // the headcount, as the engine costs it
    // Upskill only: the two parts of one post's cost (the rise in pay of the grown post,
    // and a new post of its old role to carry its old work), over the plan.
    Money grown_part, backfill_part;
    std::string backfill_title;
    std::string note;
};

// "£1,234.56" for every money cell of the cost tables (the CSV's figures).
std::string pennies_text(double v);
Money horizon_total(const std::vector<YearCost>& years);
// The first year with any cost, else a zero year.
const YearCost* first_paid_year(const std::vector<YearCost>& years);
// Adds b into a, year by year and line by line (lines matched by name).
void add_years_into(std::vector<YearCost>& a, const std::vector<YearCost>& b);
// "1 year", "2 posts"
std::string count_text(long long n, const std::string& singular, const std::string& plural);
// "Data architect" -> "data architect" (acronyms kept: "GIS analyst").
std::string lower_title(const std::string& title);
std::string rate_text(double share);  // "13.8%"
std::string effective(const RulePeriod& r);
std::string apprenticeship_text(const Apprenticeship& a);
// Whether the existing team alone covers every responsibility a phase needs (the only time
// "Already covered by the current team" is true).
bool team_covers(const Roadmap& r, const RoadmapPhase& ph);

class BusinessCaseBuilder {
public:
    BusinessCaseBuilder(const BusinessCaseInput& in, const ReportTemplate& tpl, const Role* role);
    std::optional<Document> build(std::string& error);

private:
    static std::string organisation(const BusinessCaseInput& in);
    static std::map<std::string, std::string> placeholders(const BusinessCaseInput& in, const Role* role);
    const RoundResult* round() const { return req_.current; }
    const RoadmapScenario& sc() const { return req_.scenario; }
    std::string plan_name() const;

    std::vector<const RoadmapPost*> posts_of(const Role& r) const;
    std::vector<const RoadmapPost*> hires() const;  // of the role, or all new posts
    std::vector<const Role*> roles() const;
    int start_year(const Role& r) const;
    int headcount_of(const Role& r) const;
    std::string chosen_route(const Role& r) const;
    std::string responsibility_name(const std::string& id) const;
    std::vector<std::string> responsibilities_in_scope() const;
    int phase_of(const std::string& resp) const;

    // business_case_options.cpp
    bool cost(std::string& error);
    std::vector<OptionRow> role_options(const Role& r, std::string& error) const;
    const Role* apprentice_for(const Role& r) const;
    const TeamPost* upskill_from(const Role& r) const;
    int shared_councils(const Role& r) const;
    void options();

    // business_case.cpp
    void cover();
    void summary();
    void scenarios();

    // business_case_need.cpp
    void need();
    void cover_table();
    void phases_table();
    void reasons();
    std::vector<std::string> enabled_actions() const;
    void benefits();
    void risks();

    // business_case_role.cpp
    std::string skill_name(const RoleSkill& s) const;
    void role_outline(const Role& r, int level);
    void salary_evidence(const RoleSalary& s);
    void role_section();

    // business_case_costs.cpp
    void posts();
    void costs();

    // business_case_assumptions.cpp
    void assumptions();
    void funding();

    const BusinessCaseInput& in_;
    const Framework& fw_;
    const RoleCatalogue& cat_;
    const Assumptions& a_;
    const RoadmapRequest& req_;
    const Roadmap& map_;
    const Role* role_;
    DocumentWriter w_;
    std::vector<YearCost> years_;  // the yearly costs shown: the plan's, or the role's posts'
    std::map<std::string, std::vector<OptionRow>> options_;
};

}  // namespace ys::report::detail
