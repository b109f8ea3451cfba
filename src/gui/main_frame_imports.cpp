// MainFrame's imports: answer files and bundles (File > Import, or files dropped on the
// Assessments page), long CSV and survey CSV, each on a worker thread with progress and
// Cancel, in one transaction, then one summary.
#include "main_frame.h"

#include "wx_utf8.h"  // first: the UTF-8 _()
#include "display_names.h"
#include "money_text.h"

#include <filesystem>

#include "dialogs.h"
#include "exit_codes.h"
#include "guard.h"
#include "import_answers.h"
#include "import_csv.h"
#include "import_summary.h"
#include "import_undo.h"
#include "answer_commands.h"
#include "messages.h"
#include "organisations.h"
#include "worker.h"
#include "io/platform.h"

namespace fs = std::filesystem;

namespace ys::gui {

void MainFrame::after_import(const std::string& what, bool ok, const std::vector<std::string>& lines, const wxString& problems,
                             std::function<void(bool)> done) {
    if (ok) {
        wxString detail;
        for (const auto& l : lines) detail += wxs(l) + wxS("\n");
        set_status(wxs(what));
        show_info(this, _("Import finished"), wxs(what), detail);
    } else {
        show_error(this, _("Nothing was imported"), wxs(what), problems, exit_code::invalid_input);
    }
    fill_tree();
    data_changed();
    if (done) done(ok);
}

namespace {

struct ImportOutcome {
    store::ImportReport report;
    std::vector<std::string> extra;  // skipped rows, columns
    bool cancelled = false;
    std::shared_ptr<store::ImportUndo> undo;  // what Edit > Undo needs, when the import can be undone
};

// Imports writing more answers than this are not undoable (each round's copy is held in memory).
constexpr std::size_t kUndoableAnswers = 200000;

// The body every import shares: a connection of its own, one outer transaction so that a
// Cancel pressed while the store works leaves nothing written. The store polls Cancel
// between respondents (and every 1,000 rows of a long CSV) and unwinds with ImportCancelled.
void run_import(const std::string& db, Progress& p, ImportOutcome& out,
                const std::function<store::ImportReport(store::Connection&, ImportOutcome&)>& body) {
    // The database as it was, read through a connection of its own whose view stays as it is
    // now while the import writes: the copy Edit > Undo puts back.
    store::ViewBefore before(db);
    store::Connection c = store::open_database(db, store::OpenOptions{false, 5000});
    store::Transaction tx(c);
    try {
        out.report = body(c, out);
    } catch (const store::ImportCancelled&) {
        out.cancelled = true;
        return;  // rolled back
    }
    if (p.cancelled()) {
        out.cancelled = true;
        return;  // rolled back
    }
    if (!out.report.ok()) return;
    // A very large import is kept out of the undo list: its copies would take too much memory.
    const auto& n = out.report.counts;
    if (store::import_is_undoable(out.report) && n.answers_written + n.answers_unchanged <= kUndoableAnswers)
        out.undo = std::make_shared<store::ImportUndo>(store::record_import(before.c, c, out.report));
    tx.commit();
}

}  // namespace

void MainFrame::finish_import(const JobOutcome& o, bool cancelled, const store::ImportReport& report, const std::string& db,
                              const std::vector<std::string>& lines, const wxString& problems,
                              std::function<void(bool)> done, std::shared_ptr<store::ImportUndo> undo) {
    if (o.error) {
        guarded(this, db, _("Nothing was imported."), [&] { std::rethrow_exception(o.error); });
        if (done) done(false);
        return;
    }
    if (cancelled || o.cancelled) {
        set_status(_("Import cancelled: nothing was written."));
        if (done) done(false);
        return;
    }
    bool ok = report.ok();
    // Already done: stored in the undo list without running it again.
    if (ok && undo && db == session_.path()) commands_.Store(new ImportCommand(*this, std::move(*undo), _("Import")));
    after_import(ok ? u8(import_summary(report))
                    : u8(problems_found(report.diagnostics.error_count()) + wxS(" ") +
                         _("Correct the files named below and import them again.")),
                 ok, lines, problems, done);
}

void MainFrame::import_files(const std::vector<std::string>& files, std::function<void(bool)> done, bool as_new) {
    if (!session_.is_open() || files.empty()) return;
    auto out = std::make_shared<ImportOutcome>();
    const std::string db = session_.path();
    const auto libs = session_.library_dirs();
    run_in_background(
        this, _("Importing"),
        [db, libs, files, out, as_new](Progress& p) {
            p.step(0, 0, "Checking and importing " + count_of(static_cast<long long>(files.size()), "file", "files"));
            run_import(db, p, *out, [&](store::Connection& c, ImportOutcome&) {
                store::ImportAnswersRequest req{files, libs, false, &p};
                req.org_mapping.as_new = as_new;
                return store::import_files(c, req);
            });
        },
        [this, out, done, db, files, as_new](const JobOutcome& o) {
            std::vector<std::string> lines = import_lines(out->report);
            const auto& clashing = out->report.organisations_clashing;
            const bool offer = !as_new && !o.error && !o.cancelled && !out->cancelled && !clashing.empty();
            // The refusal, with every clash named, is shown first; then the way out is offered.
            finish_import(o, out->cancelled, out->report, db, lines, diagnostics_text(out->report.diagnostics),
                          offer ? std::function<void(bool)>() : done, out->undo);
            if (!offer) return;
            std::string names;
            for (const auto& id : clashing) names += (names.empty() ? "" : ", ") + id;
            int again = ask(this, _("Organisations from another database"),
                            wxString::Format(_("These organisations in the bundle have the id of one of yours but were made by "
                                               "another database: %s. Nothing was imported. Add them as new organisations, "
                                               "under new ids such as %s-2? Yours stay as they are."),
                                             wxs(names), wxs(clashing.front())),
                            {_("Add as new organisations"), _("Cancel")});
            if (again == 0) import_files(files, done, true);
            else if (done) done(false);
        });
}

void MainFrame::import_long_csv(const std::string& file, std::function<void(bool)> done) {
    if (!session_.is_open()) return;
    auto out = std::make_shared<ImportOutcome>();
    const std::string db = session_.path();
    const auto libs = session_.library_dirs();
    run_in_background(
        this, _("Importing"),
        [db, libs, file, out](Progress& p) {
            p.step(0, 0, "Importing " + platform::utf8_from_path(platform::path_from_utf8(file).filename()));
            run_import(db, p, *out, [&](store::Connection& c, ImportOutcome&) { return store::import_long_csv(c, file, libs, false, &p); });
        },
        [this, out, done, db](const JobOutcome& o) {
            finish_import(o, out->cancelled, out->report, db, {}, diagnostics_text(out->report.diagnostics), done, out->undo);
        });
}

void MainFrame::import_survey_csv(const std::string& file, std::function<void(bool)> done) {
    if (!session_.is_open()) return;
    std::vector<store::OrgRecord> orgs;
    if (!guarded(this, session_.path(), _("The organisations could not be read."), [&] { orgs = store::list_organisations(session_.db()); }))
        return;
    if (orgs.empty()) {
        show_error(this, _("Nothing to import into"), _("Add the organisation that answered first (Organisation > New organisation)."));
        return;
    }
    auto form = ask_csv_import(this, orgs, selected_organisation(), session_.catalogue());
    if (!form) return;
    auto out = std::make_shared<ImportOutcome>();
    const std::string db = session_.path();
    const auto libs = session_.library_dirs();
    store::ImportCsvRequest req{file, form->organisation, form->period, form->questionnaire, form->mapping, libs, form->skip_invalid, false};
    run_in_background(
        this, _("Importing"),
        [db, req, out](Progress& p) {
            p.step(0, 0, "Importing " + platform::utf8_from_path(platform::path_from_utf8(req.csv_file).filename()));
            run_import(db, p, *out, [&](store::Connection& c, ImportOutcome& o) {
                store::ImportCsvRequest with_progress = req;
                with_progress.progress = &p;
                store::ImportCsvReport r = store::import_survey_csv(c, with_progress);
                for (const auto& s : r.skipped) o.extra.push_back("skipped row " + std::to_string(s.record) + ": " + s.reason);
                if (!r.import.ok())
                    for (const auto& col : r.columns)
                        o.extra.push_back("column " + std::to_string(col.column) + " \"" + col.header + "\" -> " +
                                          (col.target.empty() ? "(ignored)" : col.target) + " [" + col.how + "]");
                return r.import;
            });
        },
        [this, out, done, db](const JobOutcome& o) {
            wxString problems = diagnostics_text(out->report.diagnostics);
            for (const auto& l : out->extra) problems += wxs(l) + wxS("\n");
            finish_import(o, out->cancelled, out->report, db, out->extra, problems, done, out->undo);
        });
}

}  // namespace ys::gui
