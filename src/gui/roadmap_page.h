#pragma once
// Roadmap: the costed resourcing roadmap for the selected organisation (the core's
// build_roadmap). The user edits the current team (role and FTE), the structure, the
// horizon, the departments served, roles shared with other councils, posts that can grow
// into another role, responsibilities already carried some other way, and the cost
// assumptions file (choose one, or save a dated copy to edit); the page shows the phases
// with their roles and the cost per year.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "page.h"
#include "roadmap.h"
#include "roadmap_inputs.h"
#include "rounds.h"
#include "score_files.h"

class wxButton;
class wxCheckBox;
class wxChoice;
class wxFileDirPickerEvent;
class wxFilePickerCtrl;
class wxListCtrl;
class wxSpinCtrl;
class wxStaticText;
class wxTextCtrl;

namespace ys::gui {

class ChartPanel;

class RoadmapPage : public Page {
public:
    RoadmapPage(wxWindow* parent, Host& host);
    void refresh() override;

    // What the roadmap is built from (tests set these directly).
    std::vector<TeamMember>& team() { return team_; }
    std::vector<SharedRole>& shared() { return shared_; }
    std::vector<Upskill>& upskill() { return upskill_; }
    std::vector<std::string>& covered() { return covered_; }
    void set_assumptions_file(const std::string& path);
    const std::string& assumptions_file() const { return assumptions_file_; }
    // Copies the assumptions file to `path` (atomically); the copy becomes the one used.
    bool save_dated_copy(const std::string& path);
    // A file name for today's copy: "assumptions-england-2025-2026-11-21.json".
    std::string dated_copy_name() const;
    void recompute();
    // The options the user set (team, structure, horizon, ...), as a business case takes them.
    RoadmapRequest options();
    const std::optional<Roadmap>& plan() const { return plan_; }
    wxString summary_text() const;

private:
    void build();
    bool built_ = false;
    void fill_team();
    void fill_shared();
    void fill_upskill();
    void fill_covered();
    void show();
    void show_why();
    bool load_inputs();

    wxChoice* round_ = nullptr;
    wxListCtrl *team_list_ = nullptr, *shared_list_ = nullptr, *upskill_list_ = nullptr, *covered_list_ = nullptr,
               *phases_ = nullptr, *years_ = nullptr;
    wxButton *add_post_ = nullptr, *remove_post_ = nullptr, *add_share_ = nullptr, *remove_share_ = nullptr,
             *add_upskill_ = nullptr, *remove_upskill_ = nullptr, *add_covered_ = nullptr, *remove_covered_ = nullptr,
             *dated_copy_ = nullptr, *open_assumptions_ = nullptr;
    wxChoice* structure_ = nullptr;
    wxSpinCtrl *departments_ = nullptr, *horizon_ = nullptr;
    wxTextCtrl* start_ = nullptr;
    wxCheckBox *london_ = nullptr, *levy_ = nullptr, *apprenticeships_ = nullptr;
    wxFilePickerCtrl* assumptions_ = nullptr;
    wxStaticText* summary_ = nullptr;
    wxTextCtrl* why_ = nullptr;
    ChartPanel* costs_ = nullptr;
    std::vector<std::pair<int, int>> rows_;  // per phases_ row: phase index, hire index (-1 on a phase's own row)

    std::vector<store::RoundRecord> rounds_;
    std::vector<TeamMember> team_;
    std::vector<SharedRole> shared_;
    std::vector<Upskill> upskill_;
    std::vector<std::string> covered_;
    std::string assumptions_file_;
    std::string loaded_key_;
    std::optional<RoadmapInputs> inputs_;
    std::optional<ScoredRound> scored_;
    std::string scored_round_;
    std::optional<Roadmap> plan_;
    std::string error_;
};

// "£1,234,567": whole pounds with thousands separators (display only).
wxString pounds(double value);

}  // namespace ys::gui
