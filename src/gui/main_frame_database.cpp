// MainFrame's database: opening one (with what the store says when it cannot), creating one
// with or without demo data, and the recent-files list.
#include "main_frame.h"

#include "wx_utf8.h"  // first: the UTF-8 _()
#include "display_names.h"

#include <filesystem>

#include <wx/config.h>

#include "dialogs.h"
#include "exit_codes.h"
#include "import_summary.h"
#include "messages.h"
#include "walkthrough.h"
#include "worker.h"
#include "io/platform.h"

namespace fs = std::filesystem;

namespace ys::gui {

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

}  // namespace ys::gui
