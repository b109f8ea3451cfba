#pragma once
// Roadmap: the costed resourcing roadmap for the selected organisation. On the left the
// scenario editor (scenario_editor.h): the existing team, planned posts, responsibilities
// covered some other way, other costs and the plan's settings. On the right the results
// (roadmap_results.h): phases, posts, cover, cost per year, warnings. Above them the
// round whose scores and targets the plan aims for, and the organisation's named
// scenarios: New, Open, Save, Save as, Rename, Delete, Compare, and Import or Export a
// scenario file. The page builds the same RoadmapRequest as `yardstick-cli roadmap` and
// calls the engine; it costs nothing itself.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "organisations.h"
#include "page.h"
#include "roadmap.h"
#include "roadmap_inputs.h"
#include "rounds.h"
#include "score_files.h"

class wxButton;
class wxChoice;
class wxSplitterWindow;
class wxStaticText;

namespace ys::gui {

class RoadmapResults;
class ScenarioEditor;

class RoadmapPage : public Page {
public:
    RoadmapPage(wxWindow* parent, Host& host);
    void refresh() override;

    ScenarioEditor* editor();
    RoadmapResults* results();
    // The scenario being edited, and a new one to edit (costed at once).
    RoadmapScenario scenario();
    void set_scenario(const RoadmapScenario& s);

    void set_assumptions_file(const std::string& path);
    const std::string& assumptions_file() const { return assumptions_file_; }
    // Copies the assumptions file to `path` (atomically); the copy becomes the one used.
    bool save_dated_copy(const std::string& path);
    // A file name for today's copy: "assumptions-england-2025-2026-11-21.json".
    std::string dated_copy_name() const;
    void recompute();
    // The request the plan is built from, without the catalogue, framework and scores:
    // the scenario and the organisation's place (as a business case takes it).
    RoadmapRequest options();
    const std::optional<Roadmap>& plan() const { return plan_; }
    // The round whose scores and targets the plan aims for ("" for none).
    const std::string& round_id() const { return scored_round_; }
    wxString summary_text() const;

    // The organisation's saved scenarios. Each returns false after showing why it could not.
    const std::string& scenario_name() const { return name_; }
    bool modified() const { return modified_; }
    // The organisations (ids) of this database whose scenario has changes not saved: the one
    // shown and those kept aside when another organisation was chosen.
    std::vector<std::string> unsaved_organisations() const;
    // Before the application quits: asks whether those changes may go (names the
    // organisations); true when there are none or the user says so.
    bool may_close();
    std::vector<std::string> saved_scenarios();
    bool save_scenario_as(const std::string& name, bool replace);
    bool open_scenario(const std::string& name);
    bool rename_scenario(const std::string& from, const std::string& to);
    bool delete_scenario(const std::string& name);
    // The saved scenarios `names`, each costed as this page would, summarised side by side.
    std::optional<std::vector<ScenarioSummary>> compare(const std::vector<std::string>& names);
    // A scenario file (yardstick-roadmap-scenario/1): read into the editor, or written.
    bool import_scenario(const std::string& path);
    bool export_scenario(const std::string& path);

private:
    void build();
    bool built_ = false;
    bool load_inputs();
    // Scores the chosen round when it changed; false with error_ set when it cannot be used.
    bool load_scores();
    // The request for `s`, with the inputs and scores; nullopt (error_ set) when it cannot be costed.
    std::optional<Roadmap> cost(const RoadmapScenario& s, std::string& error);
    void show_name();
    void edited();
    void bind_scenario_buttons();

    wxChoice* round_ = nullptr;
    wxStaticText* name_label_ = nullptr;
    wxButton *new_ = nullptr, *open_ = nullptr, *save_ = nullptr, *save_as_ = nullptr, *rename_ = nullptr, *delete_ = nullptr,
             *compare_ = nullptr, *import_ = nullptr, *export_ = nullptr;
    wxSplitterWindow* split_ = nullptr;
    ScenarioEditor* editor_ = nullptr;
    RoadmapResults* results_ = nullptr;

    std::vector<store::RoundRecord> rounds_;
    std::optional<store::OrgRecord> place_;
    std::string scenario_org_;  // the organisation the scenario in the editor is for
    std::string scenario_db_;   // and the database it is in
    // Each organisation's scenario as it was left when another was chosen, saved or not, so
    // that coming back shows it again (by database path and organisation id).
    struct Draft {
        RoadmapScenario scenario;
        std::string name;
        bool modified = false;
    };
    std::map<std::string, Draft> drafts_;
    std::string name_;          // the saved scenario shown ("" = not saved)
    bool modified_ = false;
    std::string assumptions_file_;
    std::string loaded_key_;
    std::optional<RoadmapInputs> inputs_;
    std::optional<ScoredRound> scored_;
    std::string scored_round_;
    std::optional<Roadmap> plan_;
    std::string error_;
};

}  // namespace ys::gui
