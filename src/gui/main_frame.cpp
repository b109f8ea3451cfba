#include "main_frame.h"

#include "wx_utf8.h"  // first: the UTF-8 _()
#include "display_names.h"

#include <algorithm>
#include <filesystem>
#include <sstream>

#include <wx/checkbox.h>
#include <wx/config.h>
#include <wx/filedlg.h>
#include <wx/iconbndl.h>
#include <wx/menu.h>
#include <wx/notebook.h>
#include <wx/persist/toplevel.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>
#include <wx/statusbr.h>
#include <wx/utils.h>
#include <wx/wfstream.h>

#include "answers_csv.h"
#include "atomic_file.h"
#include "io/output_path.h"
#include "assessments_page.h"
#include "benchmark_page.h"
#include "bundle.h"
#include "bundle_io.h"
#include "dialogs.h"
#include "delete_actions.h"
#include "edit_commands.h"
#include "form_commands.h"
#include "export_check.h"
#include "guard.h"
#include "help.h"
#include "import_answers.h"
#include "import_summary.h"
#include "org_tree.h"
#include "import_csv.h"
#include "organisations.h"
#include "report_dialog.h"
#include "results_page.h"
#include "round_status_dialog.h"
#include "roadmap_page.h"
#include "skills_page.h"
#include "rounds.h"
#include "save_files.h"
#include "tree_names.h"
#include "walkthrough.h"
#include "worker.h"
#include "workbook_export.h"
#include "io/platform.h"

namespace fs = std::filesystem;

namespace ys::gui {
namespace {

enum {
    ID_IMPORT = wxID_HIGHEST + 100,
    ID_SEND_FORM,
    ID_IMPORT_CSV,
    ID_IMPORT_LONG,
    ID_EXPORT_BUNDLE,
    ID_EXPORT_CSV,
    ID_EXPORT_XLSX,
    ID_REPORTS,
    ID_NEW_ORG,
    ID_EDIT_ORG,
    ID_MOVE_ORG,
    ID_NEW_ROUND,
    ID_ANSWER,
    ID_ROUND_STATUS,
    ID_PAGE_FIRST,
    ID_PAGE_LAST = ID_PAGE_FIRST + 4,
    ID_REFRESH,
};

class OrgItem : public wxTreeItemData {
public:
    OrgItem(std::string id, wxString name) : id(std::move(id)), name(std::move(name)) {}
    std::string id;
    wxString name;  // whole: the tree may show it shortened (tree_names.h)
};

// An item's whole name (its text may be shortened to fit).
wxString org_name(wxTreeCtrl* tree, const wxTreeItemId& item) {
    auto* d = dynamic_cast<OrgItem*>(tree->GetItemData(item));
    return d ? d->name : tree->GetItemText(item);
}

// Whether an export may go to `path`: not the open database or its -wal, -shm or
// backups (by identity, as the CLI checks), nor a folder or special file.
bool output_allowed(const std::string& path, const std::string& database, wxString& error) {
    OutputCheck check = check_outputs({{{"The file", path}}, {}, database});
    if (check.ok()) return true;
    error = wxs(check.message);
    return false;
}

// Writes a whole file atomically (the core's temporary-then-rename), as the CLI does.
bool write_atomically(const std::string& path, const std::string& content, const WriteOptions& options, wxString& error) {
    std::string why;
    if (write_file_atomic(path, content, why, options)) return true;
    error = wxs(why);
    return false;
}

}  // namespace

MainFrame::MainFrame(DataDirs dirs)
    : wxFrame(nullptr, wxID_ANY, wxS("Yardstick"), wxDefaultPosition, wxSize(1180, 760), wxDEFAULT_FRAME_STYLE, wxS("Yardstick")),
      session_(std::move(dirs)),
      commands_(100),
      history_(9),
      help_(std::make_unique<Help>(*this)) {
    SetName(_("Yardstick main window"));
#ifdef __WXMSW__
    // The title bar and taskbar take the icon the .rc file embeds (packaging/windows/yardstick.rc);
    // on Linux the desktop entry names the themed icon.
    SetIcons(wxIconBundle(wxS("AppIcon"), nullptr));  // nullptr: this executable's own resources
#endif
    build_menus();
    build_body();
    CreateStatusBar(2);
    int widths[] = {-3, -2};
    GetStatusBar()->SetStatusWidths(2, widths);
    SetStatusText(_("No database open"), 1);
    SetMinSize(FromDIP(wxSize(760, 480)));
    wxPersistentRegisterAndRestore(this, wxS("MainFrame"));
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& e) {
        if (e.CanVeto() && roadmap_ && !roadmap_->may_close()) return e.Veto();  // unsaved roadmap scenarios
        // The walk-through may ask first (a note typed that would be lost).
        if (walkthrough_ && e.CanVeto() && !walkthrough_->Close()) {
            e.Veto();
            return;
        }
        if (jobs_running()) cancel_and_wait_for_jobs();
        if (walkthrough_) walkthrough_->Close(true);
        if (auto* cfg = wxConfigBase::Get()) {
            history_.Save(*cfg);
            cfg->Flush();
        }
        e.Skip();
    });
}

MainFrame::~MainFrame() { commands_.ClearCommands(); }

void MainFrame::build_menus() {
    auto* file = new wxMenu;
    file->Append(wxID_NEW, _("&New database\u2026\tCtrl+N"), _("Create an empty database, or one with demo data"));
    file->Append(wxID_OPEN, _("&Open database\u2026\tCtrl+O"), _("Open another Yardstick database"));
    auto* recent = new wxMenu;
    file->AppendSubMenu(recent, _("Open &recent"), _("Databases opened lately"));
    history_.UseMenu(recent);
    if (auto* cfg = wxConfigBase::Get()) history_.Load(*cfg);
    file->AppendSeparator();
    file->Append(ID_SEND_FORM, _("Send &questionnaire\u2026"),
                 _("The selected open round as a form colleagues answer in a web browser and send back"));
    file->Append(ID_IMPORT, _("&Import answers or bundle\u2026\tCtrl+I"), _("Answer files (those colleagues return from a form too) and bundles, as many as you choose, in one transaction"));
    file->Append(ID_IMPORT_CSV, _("Import &survey CSV\u2026"), _("A Microsoft Forms, Google Forms or SurveyMonkey export, into one round"));
    file->Append(ID_IMPORT_LONG, _("Import &long CSV\u2026"), _("Many rounds at once, in the layout Export CSV writes"));
    file->Append(ID_EXPORT_BUNDLE, _("Export &bundle\u2026\tCtrl+E"), _("The organisation's rounds, targets and action plans as a bundle"));
    file->Append(ID_EXPORT_CSV, _("Export &CSV\u2026"), _("The organisation's answers, one row per answer"));
    file->Append(ID_EXPORT_XLSX, _("Export &workbook\u2026"), _("A round's results, a benchmark or the roadmap as an Excel workbook (.xlsx)"));
    file->AppendSeparator();
    file->Append(ID_REPORTS, _("&Reports\u2026\tCtrl+P"), _("Action plan, benchmark or business case as PDF or HTML"));
    file->AppendSeparator();
    file->Append(wxID_EXIT, _("&Quit\tCtrl+Q"), _("Quit Yardstick: every answer is already saved"));

    auto* edit = new wxMenu;
    edit->Append(wxID_UNDO, _("&Undo\tCtrl+Z"));
    edit->Append(wxID_REDO, _("&Redo\tCtrl+Shift+Z"));
    edit->AppendSeparator();
    edit->Append(ID_NEW_ROUND, _("New &round\u2026\tCtrl+R"), _("Start an assessment round of the selected organisation"));
    edit->Append(ID_ANSWER, _("&Answer round\u2026\tCtrl+Enter"), _("Open the selected round's questionnaire"));
    edit->Append(ID_ROUND_STATUS, _("&Who has answered\u2026"), _("The selected round's invitation list, who has answered and coverage"));
    edit->AppendSeparator();
    edit->Append(wxID_PREFERENCES, _("&Preferences\u2026\tCtrl+,"));
    commands_.SetEditMenu(edit);
    commands_.Initialize();

    auto* org = new wxMenu;
    org->Append(ID_NEW_ORG, _("&New organisation\u2026"), _("Add a region, council or department"));
    org->Append(ID_EDIT_ORG, _("&Edit organisation\u2026\tF2"), _("Change the selected organisation's name, type, region or ONS code"));
    org->Append(ID_MOVE_ORG, _("&Move organisation\u2026"), _("Put the selected organisation under another, or at the top"));
    add_kept_work_menus(*this, edit, org);  // Delete round / respondent / organisation, Peer groups (delete_actions.cpp)

    auto* view = new wxMenu;
    view->Append(ID_PAGE_FIRST + 0, _("&Assessments\tCtrl+1"));
    view->Append(ID_PAGE_FIRST + 1, _("&Results\tCtrl+2"));
    view->Append(ID_PAGE_FIRST + 2, _("&Benchmark\tCtrl+3"));
    view->Append(ID_PAGE_FIRST + 3, _("Road&map\tCtrl+4"));
    view->Append(ID_PAGE_FIRST + 4, _("&Skills\tCtrl+5"));
    view->AppendSeparator();
    view->Append(ID_REFRESH, _("Re&fresh\tF5"), _("Read everything shown again from the database"));

    auto* help = new wxMenu;
    help->Append(wxID_HELP, _("&User guide\tF1"), _("Open the user guide"));
    help->Append(wxID_ABOUT, _("&About Yardstick"));

    auto* bar = new wxMenuBar;
    bar->Append(file, _("&File"));
    bar->Append(edit, _("&Edit"));
    bar->Append(org, _("&Organisation"));
    bar->Append(view, _("&View"));
    bar->Append(help, _("&Help"));
    SetMenuBar(bar);

    Bind(wxEVT_MENU, [this](wxCommandEvent&) {
        wxFileDialog dlg(this, _("New database"), wxEmptyString, wxS("yardstick.db"), _("Yardstick databases (*.db)|*.db|All files|*"),
                         wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
        if (dlg.ShowModal() != wxID_OK) return;
        std::string path = path_u8(dlg.GetPath());
        std::error_code ec;
        if (fs::exists(platform::path_from_utf8(path), ec)) {
            show_error(this, _("Database not created"),
                       _("A file of that name exists already. Choose a new name, or open the file instead."), dlg.GetPath());
            return;
        }
        int demo = ask(this, _("New database"), _("Start the new database with demo data of three fictional councils, or empty?"),
                       {_("Demo data"), _("Empty")});
        if (demo < 0) return;
        create_database(path, demo == 0);
    }, wxID_NEW);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) {
        wxFileDialog dlg(this, _("Open database"), wxEmptyString, wxEmptyString, _("Yardstick databases (*.db)|*.db|All files|*"),
                         wxFD_OPEN | wxFD_FILE_MUST_EXIST);
        if (dlg.ShowModal() == wxID_OK) open_database(path_u8(dlg.GetPath()));
    }, wxID_OPEN);
    Bind(wxEVT_MENU, [this](wxCommandEvent& e) {
        wxString path = history_.GetHistoryFile(static_cast<size_t>(e.GetId() - wxID_FILE1));
        if (!path.empty()) open_database(path_u8(path));
    }, wxID_FILE1, wxID_FILE9);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) {
        wxFileDialog dlg(this, _("Import answers or bundles"), wxEmptyString, wxEmptyString,
                         _("Answer files and bundles (*.json)|*.json|All files|*"), wxFD_OPEN | wxFD_FILE_MUST_EXIST | wxFD_MULTIPLE);
        if (dlg.ShowModal() != wxID_OK) return;
        wxArrayString paths;
        dlg.GetPaths(paths);
        std::vector<std::string> files;
        for (const auto& p : paths) files.push_back(path_u8(p));
        import_files(files);
    }, ID_IMPORT);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) {
        wxFileDialog dlg(this, _("Import a survey CSV"), wxEmptyString, wxEmptyString, _("CSV files (*.csv)|*.csv|All files|*"),
                         wxFD_OPEN | wxFD_FILE_MUST_EXIST);
        if (dlg.ShowModal() == wxID_OK) import_survey_csv(path_u8(dlg.GetPath()));
    }, ID_IMPORT_CSV);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) {
        wxFileDialog dlg(this, _("Import a long CSV"), wxEmptyString, wxEmptyString, _("CSV files (*.csv)|*.csv|All files|*"),
                         wxFD_OPEN | wxFD_FILE_MUST_EXIST);
        if (dlg.ShowModal() == wxID_OK) import_long_csv(path_u8(dlg.GetPath()));
    }, ID_IMPORT_LONG);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) {
        std::string org = selected_organisation();
        wxFileDialog dlg(this, _("Export bundle"), last_output_folder(),
                         wxs(output_file_name(organisation_name(session_, org), "bundle", today_iso(), ".json")),
                         _("Bundles (*.json)|*.json"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
        if (dlg.ShowModal() != wxID_OK) return;
        int anon = ask(this, _("Export bundle"), _("Leave out respondents' names and emails, evidence notes, and action owners and notes?"),
                       {_("Anonymise"), _("Keep everything")});
        if (anon >= 0 && export_bundle(path_u8(dlg.GetPath()), org, anon == 0)) saved_output(_("Bundle written"), path_u8(dlg.GetPath()));
    }, ID_EXPORT_BUNDLE);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) {
        std::string org = selected_organisation();
        wxFileDialog dlg(this, _("Export CSV"), last_output_folder(),
                         wxs(output_file_name(organisation_name(session_, org), "answers", today_iso(), ".csv")),
                         _("CSV files (*.csv)|*.csv"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
        if (dlg.ShowModal() != wxID_OK) return;
        int anon = ask(this, _("Export CSV"), _("Leave out respondents' names and emails and evidence notes?"),
                       {_("Anonymise"), _("Keep everything")});
        if (anon >= 0 && export_csv(path_u8(dlg.GetPath()), org, anon == 0)) saved_output(_("CSV written"), path_u8(dlg.GetPath()));
    }, ID_EXPORT_CSV);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { show_reports(); }, ID_REPORTS);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { show_workbook_dialog(*this); }, ID_EXPORT_XLSX);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { send_questionnaire(*this, assessments_->selected_round()); }, ID_SEND_FORM);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { show_round_status(*this, assessments_->selected_round()); }, ID_ROUND_STATUS);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { commands_.Undo(); }, wxID_UNDO);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { commands_.Redo(); }, wxID_REDO);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { new_organisation(); }, ID_NEW_ORG);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { edit_selected_organisation(); }, ID_EDIT_ORG);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { move_selected_organisation(); }, ID_MOVE_ORG);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) {
        show_page(kAssessments);
        assessments_->new_round();
    }, ID_NEW_ROUND);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) {
        std::string r = assessments_->selected_round();
        if (!r.empty()) open_walkthrough(r);
    }, ID_ANSWER);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { show_preferences(); }, wxID_PREFERENCES);
    Bind(wxEVT_MENU, [this](wxCommandEvent& e) { show_page(e.GetId() - ID_PAGE_FIRST); }, ID_PAGE_FIRST, ID_PAGE_LAST);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) {
        fill_tree();
        data_changed();
    }, ID_REFRESH);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { help_->show_for(FindFocus() ? FindFocus() : this); }, wxID_HELP);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { show_about(*this, *help_); }, wxID_ABOUT);

    // Menu items are enabled for what is possible now.
    auto needs_db = [this](wxUpdateUIEvent& e) { e.Enable(session_.is_open() && jobs_running() == 0); };
    auto needs_org = [this](wxUpdateUIEvent& e) {
        e.Enable(session_.is_open() && !selected_organisation().empty() && jobs_running() == 0);
    };
    for (int id : {ID_IMPORT, ID_IMPORT_CSV, ID_IMPORT_LONG, ID_NEW_ORG, ID_REPORTS}) Bind(wxEVT_UPDATE_UI, needs_db, id);
    for (int id : {ID_EXPORT_BUNDLE, ID_EXPORT_CSV, ID_EXPORT_XLSX, ID_NEW_ROUND, ID_EDIT_ORG, ID_MOVE_ORG}) Bind(wxEVT_UPDATE_UI, needs_org, id);
    Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(!assessments_->selected_round().empty()); }, ID_ANSWER);
    Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(!assessments_->selected_round().empty()); }, ID_ROUND_STATUS);
    Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) {
        e.Enable(session_.is_open() && assessments_->selected_round_is_open() && jobs_running() == 0);
    }, ID_SEND_FORM);
    Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(jobs_running() == 0); }, wxID_NEW);
    Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(jobs_running() == 0); }, wxID_OPEN);
    Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) {
        e.Enable(commands_.CanUndo());
        e.SetText(commands_.GetUndoMenuLabel());
    }, wxID_UNDO);
    Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) {
        e.Enable(commands_.CanRedo());
        e.SetText(commands_.GetRedoMenuLabel());
    }, wxID_REDO);
}

void MainFrame::build_body() {
    splitter_ = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3DSASH);
    splitter_->SetName(_("Main area"));
    auto* left = new wxPanel(splitter_, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, _("Organisations panel"));
    auto* ls = new wxBoxSizer(wxVERTICAL);
    ls->Add(new wxStaticText(left, wxID_ANY, _("&Organisations")), 0, wxALL, FromDIP(6));
    tree_ = new wxTreeCtrl(left, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                           wxTR_HAS_BUTTONS | wxTR_HIDE_ROOT | wxTR_LINES_AT_ROOT | wxTR_SINGLE);
    tree_->SetName(_("Organisations"));
    tree_->SetToolTip(_("Regions, councils and departments. Choose one to see its assessments, results, benchmark and roadmap."));
    ls->Add(tree_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(6));
    left->SetSizer(ls);

    notebook_ = new wxNotebook(splitter_, wxID_ANY);
    notebook_->SetName(_("Pages"));
    assessments_ = new AssessmentsPage(notebook_, *this);
    results_ = new ResultsPage(notebook_, *this);
    benchmark_ = new BenchmarkPage(notebook_, *this);
    roadmap_ = new RoadmapPage(notebook_, *this);
    skills_ = new SkillsPage(notebook_, *this);
    pages_ = {assessments_, results_, benchmark_, roadmap_, skills_};
    notebook_->AddPage(assessments_, _("Assessments"), true);
    notebook_->AddPage(results_, _("Results"));
    notebook_->AddPage(benchmark_, _("Benchmark"));
    notebook_->AddPage(roadmap_, _("Roadmap"));
    notebook_->AddPage(skills_, _("Skills"));
    assessments_->on_answer = [this](const std::string& round) { open_walkthrough(round); };
    assessments_->on_round_selected = [this](const std::string& round) { results_->select_round(round); };
    assessments_->on_send = [this](const std::string& round) { send_questionnaire(*this, round); };
    assessments_->on_status = [this](const std::string& round) { show_round_status(*this, round); };
    assessments_->on_files_dropped = [this](const std::vector<std::string>& files) {
        if (jobs_running() > 0) return false;  // one import at a time
        import_files(files);
        return true;
    };
    // By default the tree takes the width its names need, up to 30% of the window (the pages
    // need the rest); a longer name is shortened with an ellipsis, whole in its tooltip. A sash the user dragged
    // is kept, but never leaves the pages too narrow.
    long sash = -1;
    if (auto* cfg = wxConfigBase::Get()) cfg->Read(wxS("/MainFrame/Sash"), &sash, -1L);
    splitter_->SetMinimumPaneSize(FromDIP(120));
    splitter_->SetSashGravity(0.0);
    splitter_->SplitVertically(left, notebook_, sash > 0 ? static_cast<int>(sash) : FromDIP(240));
    auto chosen = std::make_shared<bool>(sash > 0);
    splitter_->Bind(wxEVT_SPLITTER_SASH_POS_CHANGED, [this, chosen](wxSplitterEvent& e) {
        e.Skip();
        *chosen = true;  // dragged: kept from now on, and for the next start
        if (auto* cfg = wxConfigBase::Get()) cfg->Write(wxS("/MainFrame/Sash"), e.GetSashPosition());
    });
    splitter_->Bind(wxEVT_SIZE, [this, chosen](wxSizeEvent& e) {
        e.Skip();
        const int width = splitter_->GetSize().GetWidth();  // a posted event carries an older size
        const int most = std::max(FromDIP(120), width - FromDIP(640));
        int want = splitter_->GetSashPosition();
        if (!*chosen) want = std::clamp(tree_->GetBestSize().GetWidth() + FromDIP(16), FromDIP(180), std::max(FromDIP(180), width * 3 / 10));
        want = std::min(want, most);
        if (want != splitter_->GetSashPosition()) splitter_->SetSashPosition(want);
    });

    keep_tree_names_fitted(*tree_, [this](const wxTreeItemId& item) {
        return dynamic_cast<OrgItem*>(tree_->GetItemData(item)) ? org_name(tree_, item) : wxString();
    });
    tree_->Bind(wxEVT_TREE_SEL_CHANGED, &MainFrame::on_selection, this);
    // Right click (or the menu key) on an organisation: what the Organisation menu offers, for it.
    tree_->Bind(wxEVT_TREE_ITEM_MENU, [this](wxTreeEvent& e) {
        if (e.GetItem().IsOk() && e.GetItem() != tree_->GetSelection()) tree_->SelectItem(e.GetItem());
        bool on_org = session_.is_open() && !selected_organisation().empty() && jobs_running() == 0;
        wxMenu menu;
        menu.Append(ID_NEW_ORG, _("&New organisation\u2026"))->Enable(session_.is_open() && jobs_running() == 0);
        menu.Append(ID_EDIT_ORG, _("&Edit organisation\u2026"))->Enable(on_org);
        menu.Append(ID_MOVE_ORG, _("&Move organisation\u2026"))->Enable(on_org);
        if (int del = GetMenuBar()->FindMenuItem(_("Organisation"), _("Delete organisation\u2026")); del != wxNOT_FOUND)
            menu.Append(del, _("&Delete organisation\u2026"))->Enable(on_org);
        PopupMenu(&menu, ScreenToClient(tree_->ClientToScreen(e.GetPoint())));
    });
    notebook_->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& e) {
        e.Skip();
        CallAfter([this] { refresh_visible(); });
    });
    // The first paint of the content: the tree is what a user sees first.
    tree_->Bind(wxEVT_PAINT, [this](wxPaintEvent& e) {
        e.Skip();
        if (painted_) return;
        painted_ = true;
        if (on_first_paint) CallAfter([this] { on_first_paint(); });
    });
}

void MainFrame::set_status(const wxString& text) { SetStatusText(text, 0); }

void MainFrame::data_changed() {
    for (Page* p : pages_) p->mark_stale();
    if (refresh_pending_) return;
    refresh_pending_ = true;
    CallAfter([this] {
        refresh_pending_ = false;
        refresh_visible();
    });
}

void MainFrame::answer_changed(const std::string& round, const std::string& respondent, const std::string& question) {
    if (walkthrough_ && walkthrough_->round_id() == round) walkthrough_->answer_changed(respondent, question);
    data_changed();
}

void MainFrame::organisations_changed() {
    fill_tree();
    data_changed();
}

void MainFrame::refresh_visible() {
    int i = notebook_->GetSelection();
    if (i >= 0 && i < static_cast<int>(pages_.size())) pages_[static_cast<std::size_t>(i)]->refresh_if_stale();
}

void MainFrame::show_page(int index) {
    if (index < 0 || index >= static_cast<int>(pages_.size())) return;
    notebook_->SetSelection(static_cast<size_t>(index));
    refresh_visible();
}

int MainFrame::current_page() const { return notebook_->GetSelection(); }

void MainFrame::remember_database(const std::string& path) {
    std::error_code ec;
    std::string full = platform::utf8_from_path(fs::absolute(platform::path_from_utf8(path), ec));
    history_.AddFileToHistory(wxs(full));
    if (auto* cfg = wxConfigBase::Get()) {
        cfg->Write(wxS("/Database/Last"), wxs(full));
        history_.Save(*cfg);
        cfg->Flush();
    }
}

bool MainFrame::open_database(const std::string& path) {
    // The walk-through answers the round of the database open now: it closes first.
    if (walkthrough_ && !walkthrough_->Close()) return false;
    store::OpenReport report;
    bool ok = false;
    try {
        report = session_.open(path, false);
        ok = true;
    } catch (const store::StoreError& e) {
        Message m = store_error_message(e, path, _("The database was not opened."));
        if (e.kind() == store::StoreError::Kind::NotFound || e.kind() == store::StoreError::Kind::Io) {
            m.title = _("Database not opened");
            m.text = _("The database could not be opened.");
        }
        show_message(this, m);
    } catch (const std::exception& e) {
        show_error(this, _("Database not opened"), _("The database could not be opened."), wxs(path) + wxS("\n") + wxs(e.what()),
                   exit_code::internal_error);
    }
    if (!ok) return false;
    commands_.ClearCommands();
    remember_database(path);
    SetStatusText(wxs(path), 1);
    // A read-only file or folder is opened for reading: its changes are refused by the store.
    SetTitle(wxS("Yardstick \u2013 ") + wxs(platform::utf8_from_path(platform::path_from_utf8(path).filename())) +
             (report.read_only ? _(" (read only)") : wxString()));
    if (report.upgraded_from)
        show_info(this, _("Database upgraded"),
                  wxString::Format(_("The database was upgraded from schema version %d. The old file was kept."), report.upgraded_from),
                  wxs(report.backup_path));
    fill_tree();
    data_changed();
    for (const auto& w : report.warnings) set_status(wxs(w));  // such as permissions left loose
    return true;
}

bool MainFrame::create_database(const std::string& path, bool demo, std::function<void(bool)> done) {
    if (walkthrough_ && !walkthrough_->Close()) {  // as in open_database
        if (done) done(false);
        return false;
    }
    std::error_code ec;
    if (const fs::path p = platform::path_from_utf8(path); p.has_parent_path()) fs::create_directories(p.parent_path(), ec);
    bool ok = false;
    try {
        session_.open(path, true);
        ok = true;
    } catch (const store::StoreError& e) {
        show_message(this, store_error_message(e, path, _("The database was not created.")));
    }
    if (!ok) {
        if (done) done(false);
        return false;
    }
    commands_.ClearCommands();
    remember_database(path);
    SetStatusText(wxs(path), 1);
    SetTitle(wxS("Yardstick \u2013 ") + wxs(platform::utf8_from_path(platform::path_from_utf8(path).filename())));
    fill_tree();
    data_changed();
    if (!demo) {
        if (done) done(true);
        return true;
    }
    auto problems = std::make_shared<Diagnostics>();
    auto written = std::make_shared<bool>(false);
    const std::string examples = session_.examples_dir();
    const auto libs = session_.library_dirs();
    run_in_background(
        this, _("Adding demo data"),
        [path, examples, libs, problems, written](Progress& p) {
            p.step(0, 1, "Importing the example councils (fictional)");
            store::Connection c = store::open_database(path);
            *written = create_demo_data(c, examples, libs, *problems);
        },
        [this, problems, written, path, done](const JobOutcome& o) {
            wxString detail = diagnostics_text(*problems);
            if (o.error) {
                try {
                    std::rethrow_exception(o.error);
                } catch (const store::StoreError& e) {
                    show_message(this, store_error_message(e, path, _("The demo data was not added.")));
                } catch (const std::exception& e) {
                    show_error(this, _("Demo data not added"), _("The demo data was not added."), wxs(e.what()));
                }
            } else if (!*written) {
                show_error(this, _("Demo data not added"), _("The example files could not be imported; the database is empty."),
                           detail, exit_code::invalid_input);
            }
            fill_tree();
            data_changed();
            if (*written) {
                select_organisation("eastmere");
                set_status(_("Demo data added: three fictional councils in a demo region."));
            }
            if (done) done(*written && !o.error);
        });
    return true;
}

void MainFrame::fill_tree() {
    std::string keep = selected_organisation();
    tree_->DeleteAllItems();
    wxTreeItemId root = tree_->AddRoot(_("Organisations"));
    if (!session_.is_open()) return;
    std::vector<store::OrgRecord> orgs;
    if (!guarded(this, session_.path(), _("The organisations could not be read."), [&] { orgs = store::list_organisations(session_.db()); }))
        return;
    // Walked without recursion (org_tree.h): organisations whose parent is missing appear at
    // the top; a chain deeper than the limit (made by hand) stops indenting at the limit, and
    // a loop of parents (also by hand) is shown at the top, so every one can be moved.
    std::vector<OrgLink> links;
    for (const auto& o : orgs) links.push_back({o.id, o.parent});
    OrgTree walked = walk_org_tree(links);
    std::vector<wxTreeItemId> last_at_level{root};  // [level]: the item most recently added there
    for (const auto& row : walked.rows) {
        std::size_t level = static_cast<std::size_t>(std::min(row.level, kMaxOrganisationDepth));
        const auto& o = orgs[row.index];
        wxTreeItemId item = tree_->AppendItem(last_at_level[level - 1], wxs(o.name), -1, -1, new OrgItem(o.id, wxs(o.name)));
        last_at_level.resize(level);
        last_at_level.push_back(item);
    }
    for (std::size_t i : walked.in_cycle) tree_->AppendItem(root, wxs(orgs[i].name), -1, -1, new OrgItem(orgs[i].id, wxs(orgs[i].name)));
    tree_->ExpandAll();
    tree_->InvalidateBestSize();
    splitter_->SendSizeEvent(wxSEND_EVENT_POST);  // the default sash, for these names
    CallAfter([this] { fit_tree_names(*tree_); });
    if (keep.empty())
        if (auto* cfg = wxConfigBase::Get()) keep = u8(cfg->Read(wxS("/Organisation/Last"), wxEmptyString));
    if (!keep.empty()) select_organisation(keep);
    if (selected_organisation().empty()) {
        wxTreeItemIdValue cookie;
        wxTreeItemId first = tree_->GetFirstChild(root, cookie);
        // The first council rather than a region, when there is one.
        if (first.IsOk() && tree_->ItemHasChildren(first)) {
            wxTreeItemIdValue c2;
            wxTreeItemId child = tree_->GetFirstChild(first, c2);
            if (child.IsOk()) first = child;
        }
        if (first.IsOk()) tree_->SelectItem(first);
    }
    if (orgs.empty()) set_status(_("The database is empty: add an organisation (Organisation > New organisation), or import answers."));
}

void MainFrame::select_organisation(const std::string& id) {
    std::function<wxTreeItemId(wxTreeItemId)> find = [&](wxTreeItemId at) -> wxTreeItemId {
        wxTreeItemIdValue cookie;
        for (wxTreeItemId c = tree_->GetFirstChild(at, cookie); c.IsOk(); c = tree_->GetNextChild(at, cookie)) {
            auto* d = dynamic_cast<OrgItem*>(tree_->GetItemData(c));
            if (d && d->id == id) return c;
            wxTreeItemId in = find(c);
            if (in.IsOk()) return in;
        }
        return {};
    };
    if (!tree_->GetRootItem().IsOk()) return;
    wxTreeItemId item = find(tree_->GetRootItem());
    if (item.IsOk()) {
        tree_->SelectItem(item);
        tree_->EnsureVisible(item);
    }
}

std::string MainFrame::selected_organisation() const {
    wxTreeItemId sel = tree_->GetSelection();
    if (!sel.IsOk()) return {};
    auto* d = dynamic_cast<OrgItem*>(tree_->GetItemData(sel));
    return d ? d->id : std::string();
}

void MainFrame::on_selection(wxTreeEvent& e) {
    e.Skip();
    std::string id = selected_organisation();
    for (Page* p : pages_) p->set_organisation(id);
    if (auto* cfg = wxConfigBase::Get(); cfg && !id.empty()) cfg->Write(wxS("/Organisation/Last"), wxs(id));
    set_status(tree_->GetSelection().IsOk() ? org_name(tree_, tree_->GetSelection()) : wxString());
    refresh_visible();
}

WalkthroughDialog* MainFrame::open_walkthrough(const std::string& round) {
    if (walkthrough_) {
        if (walkthrough_->round_id() == round) {
            walkthrough_->Raise();
            return walkthrough_;
        }
        walkthrough_->Close(true);
    }
    auto* w = new WalkthroughDialog(this, *this, round);
    if (!w->loaded()) {
        w->Destroy();
        return nullptr;
    }
    walkthrough_ = w;
    w->on_changed = [this] { data_changed(); };
    w->on_closed = [this, w] {
        if (walkthrough_ == w) walkthrough_ = nullptr;
        data_changed();
    };
    w->Show();
    w->Raise();  // the walk-through keeps the status bar up to date itself
    return w;
}

void MainFrame::saved_output(const wxString& title, const std::string& path) {
    remember_output_folder(path);
    offer_to_open(this, title, wxString::Format(_("Wrote %s."), wxs(path)), path);
}

bool MainFrame::export_bundle(const std::string& path, const std::string& organisation, bool anonymise) {
    wxString refused;
    if (!output_allowed(path, session_.path(), refused)) {
        show_error(this, _("Export refused"), refused, {}, exit_code::usage);
        return false;
    }
    std::string text;
    std::size_t rounds = 0;
    if (!guarded(this, session_.path(), _("The bundle was not written."), [&] {
            std::vector<std::string> ids;
            for (const auto& r : store::list_rounds(session_.db(), organisation)) ids.push_back(r.id);
            if (ids.empty()) throw store::StoreError(store::StoreError::Kind::NotFound, "the organisation has no rounds to export");
            Bundle b = store::export_bundle(session_.db(), ids);
            // Nothing is written that Yardstick's own import would refuse (as the CLI's export).
            if (std::string p = bundle_text_problem(b, anonymise); !p.empty())
                throw store::StoreError(store::StoreError::Kind::Invalid, p + kExportTextFix);
            rounds = b.rounds.size();
            text = bundle_to_json(b, anonymise).dump(1) + "\n";
        }))
        return false;
    wxString error;
    if (!write_atomically(path, text, WriteOptions{!anonymise}, error)) {
        show_error(this, _("Export failed"), error, {}, exit_code::output_failed);
        return false;
    }
    set_status(wxString::Format(_("Wrote %s (%s%s)"), wxs(path), count_text(static_cast<long long>(rounds), _("round"), _("rounds")),
                                anonymise ? _(", anonymised") : wxString()));
    return true;
}

bool MainFrame::export_csv(const std::string& path, const std::string& organisation, bool anonymise) {
    wxString refused;
    if (!output_allowed(path, session_.path(), refused)) {
        show_error(this, _("Export refused"), refused, {}, exit_code::usage);
        return false;
    }
    std::string text;
    std::size_t count = 0;
    if (!guarded(this, session_.path(), _("The CSV file was not written."), [&] {
            std::vector<store::LoadedRound> loaded;
            for (const auto& r : store::list_rounds(session_.db(), organisation)) loaded.push_back(store::load_round(session_.db(), r.id));
            if (loaded.empty()) throw store::StoreError(store::StoreError::Kind::NotFound, "the organisation has no rounds to export");
            std::vector<RoundAnswers> rounds;
            for (const auto& l : loaded) {
                rounds.push_back({l.record.id, &l.answers, l.questionnaire.get()});
                if (std::string p = respondents_text_problem(l.record.id, l.answers.respondents, l.questionnaire.get(), anonymise);
                    !p.empty())
                    throw store::StoreError(store::StoreError::Kind::Invalid, p + kExportTextFix);
            }
            std::ostringstream out;
            write_answers_csv_long(out, rounds, anonymise);
            text = out.str();
            count = rounds.size();
        }))
        return false;
    wxString error;
    if (!write_atomically(path, text, WriteOptions{!anonymise}, error)) {
        show_error(this, _("Export failed"), error, {}, exit_code::output_failed);
        return false;
    }
    set_status(wxString::Format(_("Wrote %s (%s)"), wxs(path), count_text(static_cast<long long>(count), _("round"), _("rounds"))));
    return true;
}

void MainFrame::new_organisation() {
    if (!session_.is_open()) return;
    std::vector<store::OrgRecord> orgs;
    if (!guarded(this, session_.path(), _("The organisations could not be read."), [&] { orgs = store::list_organisations(session_.db()); }))
        return;
    auto org = ask_organisation(this, orgs, selected_organisation());
    if (!org) return;
    // Edit > Undo removes it again.
    if (commands_.Submit(new AddOrganisationCommand(*this, *org))) select_organisation(org->id);
}

void MainFrame::edit_selected_organisation() {
    std::string id = selected_organisation();
    if (!session_.is_open() || id.empty()) return;
    std::optional<store::OrgRecord> org;
    if (!guarded(this, session_.path(), _("The organisation could not be read."), [&] { org = store::find_organisation(session_.db(), id); }))
        return;
    if (!org) return;
    if (auto edit = ask_edit_organisation(this, *org)) edit_organisation(id, *edit);
}

void MainFrame::move_selected_organisation() {
    std::string id = selected_organisation();
    if (!session_.is_open() || id.empty()) return;
    std::vector<store::OrgRecord> orgs;
    if (!guarded(this, session_.path(), _("The organisations could not be read."), [&] { orgs = store::list_organisations(session_.db()); }))
        return;
    auto org = std::find_if(orgs.begin(), orgs.end(), [&](const auto& o) { return o.id == id; });
    if (org == orgs.end()) return;
    if (auto parent = ask_move_organisation(this, orgs, *org)) move_organisation(id, *parent);
}

bool MainFrame::edit_organisation(const std::string& id, const store::OrgEdit& edit) {
    if (!session_.is_open()) return false;
    // Edit > Undo puts the earlier details back.
    if (!commands_.Submit(new EditOrganisationCommand(*this, id, edit))) return false;
    select_organisation(id);
    set_status(wxString::Format(_("%s changed."), wxs(edit.name.value_or(id))));
    return true;
}

bool MainFrame::move_organisation(const std::string& id, const std::string& new_parent) {
    if (!session_.is_open()) return false;
    if (!commands_.Submit(new MoveOrganisationCommand(*this, id, new_parent))) return false;
    select_organisation(id);
    // Names as the tree shows them, now that it holds the organisation in its new place.
    wxTreeItemId at = tree_->GetSelection();
    wxString name = at.IsOk() ? org_name(tree_, at) : wxs(id);
    wxString under = at.IsOk() && tree_->GetItemParent(at).IsOk() ? org_name(tree_, tree_->GetItemParent(at)) : wxs(new_parent);
    set_status(new_parent.empty() ? wxString::Format(_("%s moved to the top."), name)
                                  : wxString::Format(_("%s moved under %s."), name, under));
    return true;
}

void MainFrame::show_reports() {
    if (!session_.is_open()) return;
    ReportDialog dlg(this, *this, selected_organisation(), assessments_->selected_round(), roadmap_->options(),
                     roadmap_->assumptions_file());
    dlg.ShowModal();
}

void MainFrame::show_preferences() {
    FormDialog dlg(this, _("Preferences"));
    auto* cfg = wxConfigBase::Get();
    bool reopen = cfg ? cfg->ReadBool(wxS("/Preferences/ReopenLast"), true) : true;
    bool anonymise = cfg ? cfg->ReadBool(wxS("/Preferences/AnonymiseBenchmark"), false) : false;
    auto* r = dlg.add_check(_("Open the last database at start"), reopen);
    auto* a = dlg.add_check(_("Show benchmarks anonymised by default"), anonymise);
    dlg.finish();
    if (dlg.ShowModal() != wxID_OK || !cfg) return;
    cfg->Write(wxS("/Preferences/ReopenLast"), r->GetValue());
    cfg->Write(wxS("/Preferences/AnonymiseBenchmark"), a->GetValue());
    cfg->Flush();
}

}  // namespace ys::gui
