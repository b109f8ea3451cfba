// MainFrame's File > Export bundle and Export CSV: the organisation's rounds written whole
// (temporary file, then rename), never over the open database.
#include "main_frame.h"

#include "wx_utf8.h"  // first: the UTF-8 _()
#include "display_names.h"

#include <sstream>

#include "answers_csv.h"
#include "atomic_file.h"
#include "bundle.h"
#include "bundle_io.h"
#include "dialogs.h"
#include "exit_codes.h"
#include "export_check.h"
#include "guard.h"
#include "io/output_path.h"
#include "messages.h"
#include "save_files.h"

namespace ys::gui {

namespace {

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

}  // namespace ys::gui
