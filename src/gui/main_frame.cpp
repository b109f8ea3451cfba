// The main window: its construction, the organisation tree and notebook of pages, page
// switching and the refresh of the page shown, the walk-through, Reports and Preferences.
#include "main_frame.h"

#include "wx_utf8.h"  // first: the UTF-8 _()
#include "display_names.h"

#include <algorithm>

#include <wx/checkbox.h>
#include <wx/config.h>
#include <wx/iconbndl.h>
#include <wx/menu.h>
#include <wx/notebook.h>
#include <wx/persist/toplevel.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>
#include <wx/statusbr.h>

#include "assessments_page.h"
#include "benchmark_page.h"
#include "dialogs.h"
#include "form_commands.h"
#include "help.h"
#include "main_frame_ids.h"
#include "report_dialog.h"
#include "results_page.h"
#include "round_status_dialog.h"
#include "roadmap_page.h"
#include "skills_page.h"
#include "tree_names.h"
#include "walkthrough.h"
#include "window_icons.h"
#include "worker.h"

namespace ys::gui {

MainFrame::MainFrame(DataDirs dirs)
    : wxFrame(nullptr, wxID_ANY, wxS("Yardstick"), wxDefaultPosition, wxSize(1180, 760), wxDEFAULT_FRAME_STYLE, wxS("Yardstick")),
      session_(std::move(dirs)),
      commands_(100),
      history_(9),
      help_(std::make_unique<Help>(*this)) {
    SetName(_("Yardstick main window"));
#ifdef __WXMSW__
    // The title bar and taskbar take the icon the .rc file embeds (packaging/windows/yardstick.rc).
    SetIcons(wxIconBundle(wxS("AppIcon"), nullptr));  // nullptr: this executable's own resources
#else
    // Elsewhere the window takes the icon files shipped with the data (a desktop entry's icon
    // is not given to a window started from a terminal or a build).
    if (wxIconBundle icons = application_icons(session_.dirs().shipped); !icons.IsEmpty()) SetIcons(icons);
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

void MainFrame::build_body() {
    // Made at the window's size, and the pages' notebook at a page's: laid out at GTK's default
    // 20x20 first, the hidden pages' controls were squeezed below their least size, which GTK
    // reports as criticals at the first show.
    splitter_ = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, GetSize(), wxSP_LIVE_UPDATE | wxSP_3DSASH);
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

    notebook_ = new wxNotebook(splitter_, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(900, 640)));
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
    skills_->on_make_report = [this] { show_reports(); };
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

void MainFrame::show_reports() {
    if (!session_.is_open()) return;
    ReportDialog dlg(this, *this, selected_organisation(), assessments_->selected_round(), roadmap_->options(),
                     roadmap_->assumptions_file());
    // The team skills report is made as the Skills page shows it; from that page it is the one chosen.
    if (skills_->organisation() == selected_organisation()) {
        SkillsReportOptions skills = skills_->report_options();
        if (current_page() == kSkills)
            dlg.set_kind(ReportDialog::kSkills);
        else
            skills.anonymise = false;  // the checkbox is every kind's: the page's choice only on its own report
        dlg.set_skills(skills);
    }
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
