#pragma once
// How build_action_plan works: one ActionPlanBuilder per plan. action_plan.cpp plans the
// actions, action_plan_sections.cpp writes the sections and action_plan_answers.cpp the appendix
// of answers. Internal to src/report.
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "action_plan.h"
#include "template.h"

namespace ys::report::action_plan_parts {

// Option labels up to this long (an agreement scale, "Yes, fully") are quoted in the appendix;
// longer ones, full statements of a level, are shown as the level they stand for.
constexpr std::size_t kShortOptionLabel = 40;
// An action the framework does not rate sorts with the medium ones and shows a blank.
int effort_rank(std::optional<Effort> e);
std::string effort_text(std::optional<Effort> e);
std::string status_text(const std::string& s);
std::string level_label(const Framework& fw, int value);
// A whole target reads as its level ("3 Defined"); a fractional one as the number ("2.5").
std::string target_label(const Framework& fw, double target);
// What a level looks like in a dimension: its own descriptor, else the framework's words
// for the level in general.
std::string level_meaning(const Framework& fw, const Dimension& d, int value);

// One action in the plan, with what the store says about it.
struct PlannedAction {
    const Action* action = nullptr;
    int dimension = -1;
    const ActionItemView* item = nullptr;
    std::string due;  // YYYY-MM-DD, or "" when open-ended
    std::string status() const { return item ? item->status : "not-started"; }
    // The council's own action: `action` then points at a stand-in holding only its title.
    bool own() const { return item && item->own(); }
};

class ActionPlanBuilder {
public:
    ActionPlanBuilder(const ActionPlanInput& in, const ReportTemplate& tpl)
        : in_(in), fw_(*in.framework), q_(*in.questionnaire), r_(*in.result),
          w_(tpl, placeholders(), in.result->organisation.name, in.created) {}

    Document build();

private:
    std::map<std::string, std::string> placeholders() const;
    void plan_actions();
    void add_own_actions(const std::string& dimension, int d, std::vector<PlannedAction>& list);
    std::string dimension_name(int d) const;
    std::string score_and_level(const NodeScore& n) const;
    void cover();
    void summary();
    void dimensions();
    void dimension(int d, int level);
    static std::string owner_text(const PlannedAction& p);
    void actions_table(int d, const NodeScore& n);
    void own_actions_without_dimension();
    void timeline();
    int aim(int d) const;
    void responsibilities();
    std::string respondent_label(const Respondent& r, float confidence) const;
    std::vector<std::string> option_texts(const Question& q) const;
    std::vector<std::string> tally(const Question& q, const std::vector<const Answer*>& given) const;
    void answers();

    const ActionPlanInput& in_;
    const Framework& fw_;
    const Questionnaire& q_;
    const RoundResult& r_;
    DocumentWriter w_;
    std::map<int, std::vector<PlannedAction>> planned_;  // -1: own actions in no dimension
    std::deque<Action> own_;  // stand-ins for own actions; a deque keeps their addresses
};

}  // namespace ys::report::action_plan_parts
