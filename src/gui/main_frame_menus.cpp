// MainFrame's menu bar: File, Edit, Organisation, View and Help, what each item does, and
// when it is enabled.
#include "main_frame.h"

#include "wx_utf8.h"  // first: the UTF-8 _()
#include "display_names.h"

#include <filesystem>

#include <wx/config.h>
#include <wx/filedlg.h>
#include <wx/menu.h>

#include "assessments_page.h"
#include "delete_actions.h"
#include "dialogs.h"
#include "form_commands.h"
#include "help.h"
#include "main_frame_ids.h"
#include "messages.h"
#include "round_status_dialog.h"
#include "save_files.h"
#include "worker.h"
#include "workbook_export.h"
#include "io/output_path.h"
#include "io/platform.h"

namespace fs = std::filesystem;

namespace ys::gui {

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
    file->Append(ID_EXPORT_XLSX, _("Export &workbook\u2026"), _("A round's results, a benchmark, the roadmap or a team's skills as an Excel workbook (.xlsx)"));
    file->AppendSeparator();
    file->Append(ID_REPORTS, _("&Reports\u2026\tCtrl+P"), _("Action plan, benchmark, business case or team skills as PDF or HTML"));
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

}  // namespace ys::gui
