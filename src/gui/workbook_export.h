#pragma once
// File > Export workbook: a spreadsheet (.xlsx) of a round's results, of a benchmark, of
// the Roadmap page's plan, or of a team's skills and training plan, written by the same job as `yardstick-cli export --xlsx`
// (jobs::write_workbook) on a worker thread with progress and Cancel. The dialog starts
// from what the pages show: the round chosen on the Assessments page, the Benchmark page's
// group and period, the Roadmap page's scenario, the Skills page's round and options.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <wx/dialog.h>

#include "roadmap.h"
#include "skills_report_options.h"
#include "workbook_job.h"

class wxCheckBox;
class wxChoice;
class wxFilePickerCtrl;
class wxRadioBox;
class wxStaticText;

namespace ys::gui {

class Host;
class MainFrame;

// What the pages show when the dialog opens.
struct WorkbookSource {
    int kind = 0;            // WorkbookDialog::Kind to start with (the page the user is on)
    std::string round;       // the Assessments page's round
    int group = -1;          // the Benchmark page's group (an index of benchmark_groups), -1 for the first
    std::string period;      // the Benchmark page's period ("" = each one's latest round)
    std::vector<std::string> periods;  // the periods it offers
    bool anonymise_benchmark = false;
    bool has_plan = false;            // the Roadmap page has costed a plan for this organisation
    std::string plan_round;           // the round its aims come from ("" for none)
    RoadmapRequest roadmap;           // its scenario and the organisation's place
    std::string assumptions;          // its assumptions file ("" = shipped)
    std::string scenario_name;        // its saved name ("" when not saved)
    SkillsReportOptions skills;       // the Skills page's round and options (defaults when it shows another organisation)
};

// Reads the source from the main window's pages.
WorkbookSource workbook_source(MainFrame& frame);

class WorkbookDialog : public wxDialog {
public:
    WorkbookDialog(wxWindow* parent, Host& host, const std::string& organisation, const WorkbookSource& source);

    enum Kind { kResults = 0, kBenchmark = 1, kRoadmap = 2, kSkills = 3 };
    void set_kind(Kind kind);
    int kind() const;
    void set_output(const std::string& path);
    wxString output() const;
    void set_anonymise(bool on);
    void set_fixed_date(const std::string& date) { fixed_date_ = date; }

    // The job the dialog's choices make; nothing (with the reason in `problem`) when a
    // choice is missing.
    std::optional<jobs::WorkbookJob> job(wxString& problem) const;
    // Writes the workbook on a worker thread; `done` gets the file written ("" when not).
    void generate(std::function<void(const std::string& written)> done = {});
    bool busy() const { return busy_; }
    // The notes of the last workbook written (plan warnings, an upgraded database).
    const wxString& notes() const { return notes_; }

private:
    void update_controls();
    // "Eastmere London Borough Council results 2026-12-05.xlsx".
    std::string default_name(Kind kind) const;

    Host& host_;
    std::string organisation_, org_name_;
    WorkbookSource source_;
    std::string fixed_date_;
    wxString notes_;
    bool busy_ = false;
    std::vector<std::string> rounds_;  // of round_choice_
    std::vector<std::string> skills_rounds_;  // of skills_round_, newest first
    std::vector<std::string> group_children_, group_peer_;
    std::vector<std::vector<std::string>> group_orgs_;
    std::vector<std::string> periods_;  // of period_ after its first item
    wxRadioBox* kind_ = nullptr;
    wxChoice *round_choice_ = nullptr, *skills_round_ = nullptr, *group_ = nullptr, *period_ = nullptr;
    wxStaticText* plan_ = nullptr;
    wxCheckBox* anonymise_ = nullptr;
    wxFilePickerCtrl* out_ = nullptr;
    wxStaticText* note_ = nullptr;
};

// File > Export workbook for the main window's selection: the dialog, shown modally.
void show_workbook_dialog(MainFrame& frame);

}  // namespace ys::gui
