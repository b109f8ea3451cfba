#pragma once
// Every message box and question the application shows goes through here, so that tests
// can capture them instead of blocking on a modal dialog, and so that store errors are
// worded the same way everywhere: what went wrong, and where.
#include <functional>
#include <string>
#include <vector>

#include <wx/string.h>

class wxWindow;

namespace ys::store {
class StoreError;
}

namespace ys::gui {

enum class MessageKind { Info, Warning, Error };

struct Message {
    MessageKind kind = MessageKind::Info;
    wxString title;
    wxString text;    // what happened, in one or two sentences
    wxString detail;  // the file, the line, the store's own words (may be empty)
    int exit_code = 0;  // for errors: the matching code of exit_codes.h (0 when none applies)
};

// Shows a message: a modal dialog unless a sink is installed.
void show_message(wxWindow* parent, const Message& m);
void show_error(wxWindow* parent, const wxString& title, const wxString& text, const wxString& detail = {}, int exit_code = 0);
void show_info(wxWindow* parent, const wxString& title, const wxString& text, const wxString& detail = {});

// A question with a few answers (button labels); returns the index chosen, or -1 for
// Cancel / closing the dialog. The first answer is the default.
int ask(wxWindow* parent, const wxString& title, const wxString& text, const std::vector<wxString>& answers);

// Replaces the dialogs (tests). Passing empty functions restores them.
using MessageSink = std::function<void(const Message&)>;
using QuestionSink = std::function<int(const wxString& title, const wxString& text, const std::vector<wxString>& answers)>;
void set_message_sink(MessageSink sink);
void set_question_sink(QuestionSink sink);

// A store error as a message: the database path, the kind of failure in words, the
// store's one line, and the CLI's exit code for it (store::exit_code_for).
Message store_error_message(const store::StoreError& e, const std::string& path, const wxString& doing);

}  // namespace ys::gui
