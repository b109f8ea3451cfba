#pragma once
// The main window: the organisation tree on the left; for the selection a notebook of
// Assessments, Results, Benchmark and Roadmap; menus, shortcuts and a status bar.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <wx/cmdproc.h>
#include <wx/filehistory.h>
#include <wx/frame.h>
#include <wx/treectrl.h>

#include "host.h"
#include "session.h"

class wxNotebook;
class wxSplitterWindow;

namespace ys::store {
struct ImportReport;
struct ImportUndo;
struct OrgEdit;
}

namespace ys::gui {

struct JobOutcome;

class AssessmentsPage;
class Help;
class BenchmarkPage;
class Page;
class ResultsPage;
class RoadmapPage;
class SkillsPage;
class WalkthroughDialog;

class MainFrame : public wxFrame, public Host {
public:
    explicit MainFrame(DataDirs dirs);
    ~MainFrame() override;

    // Host
    Session& session() override { return session_; }
    wxCommandProcessor& commands() override { return commands_; }
    void set_status(const wxString& text) override;
    void data_changed() override;
    void answer_changed(const std::string& round, const std::string& respondent, const std::string& question) override;
    void organisations_changed() override;
    wxWindow* window() override { return this; }

    // Opens a database; on failure says why (what and where) and keeps the one open before.
    bool open_database(const std::string& path);
    // Creates a new database at `path` (which must not exist), optionally with demo data;
    // the demo is imported on a worker thread, `done` runs when it has finished.
    bool create_database(const std::string& path, bool demo, std::function<void(bool)> done = {});

    void select_organisation(const std::string& id);
    std::string selected_organisation() const;
    enum PageIndex { kAssessments = 0, kResults, kBenchmark, kRoadmap, kSkills };
    void show_page(int index);
    int current_page() const;
    AssessmentsPage* assessments() const { return assessments_; }
    ResultsPage* results() const { return results_; }
    BenchmarkPage* benchmark() const { return benchmark_; }
    RoadmapPage* roadmap() const { return roadmap_; }
    SkillsPage* skills() const { return skills_; }
    wxTreeCtrl* tree() const { return tree_; }

    // The questionnaire walk-through of a round (one at a time); nullptr when it could not open.
    WalkthroughDialog* open_walkthrough(const std::string& round);
    WalkthroughDialog* walkthrough() const { return walkthrough_; }

    // Imports (on a worker thread, with progress and Cancel); `done` gets whether anything was written.
    // A bundle's organisations whose ids are taken here by another database's are refused; the
    // user is then asked whether to add them under new ids (as_new, the CLI's --as-new).
    void import_files(const std::vector<std::string>& files, std::function<void(bool)> done = {}, bool as_new = false);
    void import_long_csv(const std::string& file, std::function<void(bool)> done = {});
    void import_survey_csv(const std::string& file, std::function<void(bool)> done = {});
    bool export_bundle(const std::string& path, const std::string& organisation, bool anonymise);
    bool export_csv(const std::string& path, const std::string& organisation, bool anonymise);

    // Organisation > Edit and Move, for the selected organisation: a dialog, then the two below.
    void edit_selected_organisation();
    void move_selected_organisation();
    // The store's edit or move (new_parent "" for the top); then the tree is read again with
    // the organisation still selected. A refusal (a cycle, a bad ONS code) is shown with the
    // store's one line and changes nothing; returns false then.
    bool edit_organisation(const std::string& id, const store::OrgEdit& edit);
    bool move_organisation(const std::string& id, const std::string& new_parent);

    // File > Reports. The team skills report takes the Skills page's round and options; on
    // that page (and from its Make report) it is the report chosen.
    void show_reports();

    // The user guide (F1) of this window.
    Help& help() { return *help_; }

    // Called once, after the first paint of the window's content (the start-up benchmark).
    std::function<void()> on_first_paint;

private:
    void build_menus();
    void build_body();
    void fill_tree();
    void on_selection(wxTreeEvent& e);
    void refresh_visible();
    void remember_database(const std::string& path);
    // After File > Export bundle or CSV: the folder remembered, and the file or folder offered.
    void saved_output(const wxString& title, const std::string& path);
    void show_preferences();
    void new_organisation();
    void after_import(const std::string& what, bool ok, const std::vector<std::string>& lines, const wxString& problems,
                      std::function<void(bool)> done);
    // The end every import shares: an error dialog, a cancelled note, or after_import with
    // the report's summary, the extra lines and the problems text; with `undo`, the import
    // goes into the undo list as one step.
    void finish_import(const JobOutcome& o, bool cancelled, const store::ImportReport& report, const std::string& db,
                       const std::vector<std::string>& lines, const wxString& problems, std::function<void(bool)> done,
                       std::shared_ptr<store::ImportUndo> undo = nullptr);

    Session session_;
    wxCommandProcessor commands_;
    wxFileHistory history_;
    wxSplitterWindow* splitter_ = nullptr;
    wxTreeCtrl* tree_ = nullptr;
    wxNotebook* notebook_ = nullptr;
    AssessmentsPage* assessments_ = nullptr;
    ResultsPage* results_ = nullptr;
    BenchmarkPage* benchmark_ = nullptr;
    RoadmapPage* roadmap_ = nullptr;
    SkillsPage* skills_ = nullptr;
    std::vector<Page*> pages_;
    WalkthroughDialog* walkthrough_ = nullptr;
    std::unique_ptr<Help> help_;
    bool refresh_pending_ = false;
    bool painted_ = false;
};

}  // namespace ys::gui
