#pragma once
// Helpers for the GUI tests: wx is started lazily, on the first test that needs it (so that
// listing the tests needs no display), a private settings file, event pumping, and every
// message box captured instead of shown.
#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include <wx/modalhook.h>

#include "messages.h"

class wxDialog;
class wxWindow;

namespace ys::gui::test {

// Starts wxWidgets once for the whole process (needs $DISPLAY: run under xvfb-run).
void ensure_wx();

// Processes pending events, timers and idle handlers for about `ms` milliseconds.
void pump(int ms = 50);
// Pumps until `done` is true or `timeout_ms` passes; returns done().
bool pump_until(const std::function<bool()>& done, int timeout_ms = 5000);

// A fresh directory under the build tree for one test.
std::string scratch_dir(const std::string& name);

// Runs a shell command; returns its exit status and standard output (standard error joins it).
int run(const std::string& command, std::string& output);

// A PDF's text as `pdftotext -layout` reads it, without Poppler's one complaint about
// libharu's ToUnicode map (fails the test when pdftotext does).
std::string pdf_text(const std::string& pdf);

// Captures messages and answers questions while alive.
class CapturedMessages {
public:
    CapturedMessages();
    ~CapturedMessages();
    std::vector<Message> messages;
    std::vector<wxString> questions;       // their titles
    std::vector<wxString> question_texts;  // and what each asked
    int answer = 0;  // the answer given to questions
    std::vector<wxString> launched;  // files and folders the application would have opened
    std::size_t errors() const;
    std::string all_text() const;
};

// Answers the application's modal dialogs while alive, instead of showing them: `answer`
// gets each dialog as the application filled it, may change its controls as a person would,
// and returns the button pressed (wxID_OK or wxID_CANCEL). The application then reads the
// controls as after a real click: the code path is the one a person takes.
class DialogAnswers : public wxModalDialogHook {
public:
    explicit DialogAnswers(std::function<int(wxDialog&)> answer);  // unregistered by the base's destructor
    std::vector<wxString> titles;  // of every dialog answered

protected:
    int Enter(wxDialog* dialog) override;
    void Exit(wxDialog*) override {}

private:
    std::function<int(wxDialog&)> answer_;
};

// A dialog's control by its name (FormDialog names each after its label, without the colon).
wxWindow* control(wxWindow& dialog, const wxString& name);
// The reason FieldCheck shows beside a field (its label "<field> problem"), unwrapped; empty when hidden.
wxString shown_reason(wxWindow& window, const wxString& field);

}  // namespace ys::gui::test
