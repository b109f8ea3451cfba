#pragma once
// File > Reports: the action plan, the benchmark report, the business case and the team
// skills report as PDF (and the accessible HTML version), made by the same job the CLI runs (jobs::run_report) on a
// worker thread with progress and Cancel. A batch makes one action plan for each
// organisation under the selected one.
#include <functional>
#include <string>
#include <vector>

#include <wx/dialog.h>

#include "roadmap.h"
#include "skills_report_options.h"

class wxCheckBox;
class wxChoice;
class wxDirPickerCtrl;
class wxFilePickerCtrl;
class wxRadioBox;
class wxStaticText;

namespace ys::gui {

class Host;

// Whether this build has reports (yardstick_jobs was there when it was configured).
bool reports_available();

class ReportDialog : public wxDialog {
public:
    // `roadmap` holds the Roadmap page's options for a business case; `assumptions` its file.
    ReportDialog(wxWindow* parent, Host& host, const std::string& organisation, const std::string& round,
                 const RoadmapRequest& roadmap = {}, const std::string& assumptions = {});

    enum Kind { kActionPlan = 0, kBenchmark = 1, kBusinessCase = 2, kSkills = 3 };
    void set_kind(Kind kind);
    int kind() const;
    // The team skills report as the Skills page shows it: its round (when it is one of the
    // organisation's skills rounds), anonymised or not, and its plan options. Does not
    // change the kind.
    void set_skills(const SkillsReportOptions& options);
    // The skills round chosen ("" when the organisation has none).
    std::string skills_round() const;
    // The PDF's path and the batch folder as the dialog shows them (tests).
    wxString pdf_path() const;
    wxString folder_path() const;
    void set_pdf(const std::string& path);
    void set_html(bool also_html);
    // One action plan per organisation under the selected one, into `folder`.
    void set_batch(bool batch, const std::string& folder = {});
    void set_fixed_date(const std::string& date) { fixed_date_ = date; }

    // Makes the report(s) on a worker thread; `done` gets the files written (empty on failure).
    void generate(std::function<void(const std::vector<std::string>&)> done = {});
    bool busy() const { return busy_; }

private:
    void update_controls();
    // "Eastmere London Borough Council action plan 2026-12-05.pdf".
    std::string default_name(Kind kind) const;

    Host& host_;
    std::string organisation_, round_, org_name_;
    RoadmapRequest roadmap_;
    std::string assumptions_;
    std::string fixed_date_;
    bool busy_ = false;
    std::vector<std::string> rounds_;
    std::vector<std::string> skills_rounds_;  // of skills_round_, newest first
    SkillsReportOptions skills_;              // the plan options (its round and anonymise: the controls)
    std::vector<std::string> group_children_, group_peer_;
    wxRadioBox* kind_ = nullptr;
    wxChoice *round_choice_ = nullptr, *skills_round_ = nullptr, *group_ = nullptr, *role_ = nullptr;
    wxCheckBox *anonymise_ = nullptr, *html_ = nullptr, *batch_ = nullptr;
    wxFilePickerCtrl* pdf_ = nullptr;
    wxDirPickerCtrl* folder_ = nullptr;
    wxStaticText* note_ = nullptr;
    std::vector<std::string> role_ids_;
};

}  // namespace ys::gui
