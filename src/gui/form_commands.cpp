#include "form_commands.h"

#include "wx_utf8.h"  // first: the UTF-8 _()
#include "display_names.h"

#include <filesystem>

#include <wx/config.h>
#include <wx/filedlg.h>
#include <wx/stdpaths.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

#include "dialogs.h"
#include "exit_codes.h"
#include "form_job.h"
#include "guard.h"
#include "host.h"
#include "messages.h"
#include "organisations.h"
#include "rounds.h"
#include "session.h"

namespace fs = std::filesystem;

namespace ys::gui {

std::optional<SendFormChoices> ask_send_form(wxWindow* parent, const wxString& what, const SendFormChoices& defaults) {
    FormDialog dlg(parent, _("Send questionnaire"),
                   wxString::Format(_("%s as a form that colleagues answer in a web browser, with nothing to install. "
                                      "What you write here appears at the top of the form."),
                                    what));
    auto* note = dlg.add_text(_("Note for colleagues:"), wxs(defaults.note), _("e.g. Please reply by 16 January. Thank you!"), true);
    auto* reply = dlg.add_text(_("Send answers back to:"), wxs(defaults.reply_to), _("e.g. Sam Patel, data@westford.example"));
    dlg.add_note(_("Both are optional. Next you choose where to save the form."));
    dlg.finish();
    if (!dlg.run()) return std::nullopt;
    return SendFormChoices{u8(note->GetValue().Strip(wxString::both)), u8(reply->GetValue().Strip(wxString::both))};
}

std::string default_form_file_name(const std::string& organisation_name, const std::string& period,
                                   const std::string& questionnaire_id) {
    std::string name = organisation_name + " " + period + " " + questionnaire_id + " form";
    std::string out;
    for (char ch : name) {
        // Characters Windows refuses in a file name, and control characters, become spaces;
        // a questionnaire id's hyphens read as words.
        const bool bad = static_cast<unsigned char>(ch) < 0x20 || std::string("/\\:*?\"<>|-").find(ch) != std::string::npos;
        char c = bad ? ' ' : ch;
        if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
        out += c;
    }
    while (!out.empty() && (out.back() == ' ' || out.back() == '.')) out.pop_back();
    return out + ".html";
}

bool write_round_form(Host& host, const std::string& round, const SendFormChoices& choices, const std::string& path) {
    wxWindow* parent = host.window();
    Session& s = host.session();
    if (!s.is_open()) return false;
    jobs::FormJob job;
    job.database = s.path();
    job.round = round;
    job.library_dirs = s.library_dirs();
    job.note = choices.note;
    job.reply_to = choices.reply_to;
    job.out_path = path;
    // Never over the open database (or its journal and backups) or a folder: the job's own
    // check, said before asking about replacing, as the CLI refuses it before writing.
    if (std::string why = jobs::refused_form_output(job); !why.empty()) {
        show_error(parent, _("Form not written"), _("The form would replace a file Yardstick is using, or is not a file."),
                   wxs(why), exit_code::usage);
        return false;
    }
    std::error_code ec;
    if (fs::exists(fs::u8path(path), ec) &&
        ask(parent, _("Replace file?"), wxString::Format(_("%s exists already. Replace it with the new form?"), wxs(path)),
            {_("Replace"), _("Cancel")}) != 0)
        return false;
    jobs::FormResult result;
    {
        wxBusyCursor busy;  // a few milliseconds: no worker thread needed
        result = jobs::write_form(job);
    }
    if (result.exit_code != exit_code::ok) {
        show_error(parent, _("Form not written"), _("The form could not be written; nothing was changed."), wxs(result.error),
                   result.exit_code);
        return false;
    }
    const wxString written = wxs(result.written.empty() ? path : result.written);
    const wxString questions = count_text(static_cast<long long>(result.questions), _("question"), _("questions"));
    host.set_status(wxString::Format(_("Wrote the form %s (%s)"), written, questions));
    const wxString back = choices.reply_to.empty() ? _("to you") : wxString::Format(_("to %s"), wxs(choices.reply_to));
    wxString next = wxString::Format(
        _("Wrote %s, a form of %s.\n\n"
          "What to do next: attach the file to an email to your colleagues, or put it on a shared drive. Each colleague "
          "opens it in a web browser (nothing to install, no internet needed), answers, presses \u201cSave my answers\u201d "
          "and sends the file it saves back %s.\n\n"
          "Import the files you get back with File > Import answers, or drop them onto the list of rounds."),
        written, questions, back);
    if (ask(parent, _("Form written"), next, {_("Open the folder"), _("Close")}) == 0)
        wxLaunchDefaultApplication(wxs(fs::u8path(u8(written)).parent_path().u8string()));
    return true;
}

std::string send_questionnaire(Host& host, const std::string& round,
                               const std::function<std::string(const std::string& default_path)>& choose_file) {
    Session& s = host.session();
    wxWindow* parent = host.window();
    if (!s.is_open() || round.empty()) return {};
    store::RoundRecord r;
    std::string org_name;
    if (!guarded(parent, s.path(), _("The round could not be read."), [&] {
            r = store::get_round(s.db(), round);
            auto org = store::find_organisation(s.db(), r.organisation);
            org_name = org ? org->name : r.organisation;
        }))
        return {};
    if (r.status != "open") {
        show_error(parent, _("Form not written"),
                   wxString::Format(_("Only an open round is sent as a form (answers returned to it are imported); this "
                                      "round is %s. Open it on the Assessments page first."),
                                    status_label(r.status).Lower()));
        return {};
    }
    auto* cfg = wxConfigBase::Get();
    SendFormChoices defaults;
    if (cfg) defaults.reply_to = u8(cfg->Read(wxS("/Forms/ReplyTo"), wxEmptyString));
    std::string title = r.questionnaire_id;
    if (auto docs = round_documents(s.catalogue(), r.questionnaire_id, r.questionnaire_version)) title = docs->title;
    auto choices =
        ask_send_form(parent, wxString::Format(_("\u201c%s\u201d for %s, %s,"), wxs(title), wxs(org_name), period_name(r.period)), defaults);
    if (!choices) return {};
    if (cfg) {
        cfg->Write(wxS("/Forms/ReplyTo"), wxs(choices->reply_to));
        cfg->Flush();
    }
    wxString folder = cfg ? cfg->Read(wxS("/Forms/Folder"), wxEmptyString) : wxString();
    if (folder.empty()) folder = wxStandardPaths::Get().GetDocumentsDir();
    const std::string name = default_form_file_name(org_name, r.period, r.questionnaire_id);
    std::string path;
    if (choose_file) {
        path = choose_file((fs::u8path(u8(folder)) / fs::u8path(name)).u8string());
    } else {
        // No overwrite prompt here: an unsafe output is refused before the question is asked.
        wxFileDialog dlg(parent, _("Save the form as"), folder, wxs(name), _("Web page (*.html)|*.html"), wxFD_SAVE);
        if (dlg.ShowModal() == wxID_OK) path = path_u8(dlg.GetPath());
    }
    if (path.empty()) return {};
    if (!write_round_form(host, round, *choices, path)) return {};
    if (cfg) {
        cfg->Write(wxS("/Forms/Folder"), wxs(fs::u8path(path).parent_path().u8string()));
        cfg->Flush();
    }
    return path;
}

}  // namespace ys::gui
