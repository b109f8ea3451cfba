#pragma once
// File > Send questionnaire: the offline form of a round, written by the same job as
// `yardstick-cli form` (jobs::write_form). The data lead attaches it to an email or puts it
// on a shared drive; colleagues answer it in a browser and send back the answer file it
// saves, which File > Import answers (or a drop onto the Assessments page) reads in.
#include <functional>
#include <optional>
#include <string>

#include <wx/string.h>

class wxWindow;

namespace ys::gui {

class Host;

// What the data lead adds to the form: words shown at its top, and who gets the file back.
struct SendFormChoices {
    std::string note;      // e.g. "Please reply by 16 January"
    std::string reply_to;  // e.g. "Sam Patel, data@westford.example"
};

// The dialog asking for both (`what` names the round: the questionnaire's title, the
// organisation and the period);
// nothing when cancelled.
std::optional<SendFormChoices> ask_send_form(wxWindow* parent, const wxString& what, const SendFormChoices& defaults);

// "Westford 2026 council quick check form.html": no characters a file system refuses.
std::string default_form_file_name(const std::string& organisation_name, const std::string& period,
                                   const std::string& questionnaire_id);

// The whole command for `round`: the dialog, where to save it, the form written, then what
// to do next (with a button that opens the folder). `choose_file` replaces the save dialog
// when set (tests): it gets the default path and returns the chosen one ("" to cancel).
// Returns the file written, "" when cancelled or refused (the reason is shown).
std::string send_questionnaire(Host& host, const std::string& round,
                               const std::function<std::string(const std::string& default_path)>& choose_file = {});

// Writes the form to `path`: an output Yardstick must not replace (the open database, a
// folder) is refused first, then an existing file is replaced only when the user agrees.
// Shows what went wrong, or what to do next; returns whether the file was written.
bool write_round_form(Host& host, const std::string& round, const SendFormChoices& choices, const std::string& path);

}  // namespace ys::gui
