#pragma once
// Skills: the team skills profile and training plan of a skills round (issue 18) of the
// selected organisation. Above, the round, a team filter, a target role for people who have
// none of their own, the plan's start, whether the council pays the levy, and "Anonymise";
// below, the people x skills heatmap, the team's spread per skill, the gaps against roles
// and target roles, and the training plan with the team's summary and totals. The page
// builds the same requests as `yardstick-cli skills profile|plan` and calls the engine
// (src/core/skills); it computes nothing itself. Names are shown to the data lead, who
// uses this page; "Anonymise" numbers people for showing the profile to anyone else.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "page.h"
#include "roadmap_inputs.h"
#include "rounds.h"
#include "skills/team_skills.h"
#include "skills_report_options.h"

class wxCheckBox;
class wxChoice;
class wxListCtrl;
class wxNotebook;

namespace ys::gui {

class ChartPanel;
class DateField;
class WrappingText;

class SkillsPage : public Page {
public:
    SkillsPage(wxWindow* parent, Host& host);
    void refresh() override;

    // The skills rounds of the organisation, newest first; the one shown ("" for none).
    const std::vector<store::RoundRecord>& rounds() const { return rounds_; }
    std::string round() const;
    void select_round(const std::string& id);
    // As a person changes the controls (each shows the result at once).
    void set_anonymise(bool on);
    void set_team(const wxString& team);          // "" (or "All teams") for everyone
    void set_target_role(const std::string& id);  // a catalogue role id, "" for each person's own
    void set_levy_payer(bool yes);

    // What is shown (tests, copying): the engine's results, and the tables as text.
    const std::optional<skills::TeamProfile>& profile() const { return profile_; }
    const std::optional<skills::TrainingPlan>& plan() const { return plan_; }
    const RoleCatalogue* roles() const { return inputs_ ? &inputs_->roles : nullptr; }
    const Framework* skills_framework() const { return loaded_ ? loaded_->framework.get() : nullptr; }
    wxString summary_text() const;
    // One line per row, cells separated by tabs.
    wxString heatmap_text() const;  // row label, then each cell
    wxString spread_text() const;  // the people at each level, then the counts against roles
    wxString gaps_text() const;
    wxString plan_text() const;
    wxString needs_text() const;
    wxString readiness_text() const;
    // The choices offered for a team (first "All teams").
    std::vector<wxString> team_choices() const;
    // What a team skills report is made with (Make report): the round and options shown.
    SkillsReportOptions report_options() const;
    // Make report…: the main window opens the Reports dialog at the team skills report.
    std::function<void()> on_make_report;

private:
    bool load_inputs();
    void load_round();
    void compute();  // the engine on the round read, with the options as set
    void show_nothing(const wxString& why);
    void fill_teams(const std::vector<std::string>& teams);
    void fill_target_roles();

    wxChoice *rounds_choice_, *team_, *target_;
    DateField* start_;
    wxCheckBox *levy_, *anonymise_;
    WrappingText* summary_;
    wxNotebook* views_;
    ChartPanel* heatmap_;
    // The per-skill spread in two lists that each fit a 1024-wide window: the people at each
    // level, and the counts against roles.
    wxListCtrl *spread_, *spread_roles_, *gaps_, *plan_list_, *needs_, *readiness_;
    WrappingText* levels_caption_;

    std::string assumptions_file_, loaded_key_;
    std::optional<RoadmapInputs> inputs_;
    std::vector<store::RoundRecord> rounds_;
    std::string wanted_round_;
    std::optional<store::LoadedRound> loaded_;
    std::optional<skills::TeamProfile> profile_;
    std::optional<skills::TrainingPlan> plan_;
    std::vector<std::string> target_ids_;  // parallel to target_'s items after the first
    wxString heatmap_rows_;
};

}  // namespace ys::gui
