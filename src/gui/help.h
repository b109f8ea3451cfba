#pragma once
// The user guide (guide/ of the shipped data: HTML pages and a wxHTML help book) opened
// in-app at the topic of what the user is looking at: F1 in the main window (Help > User
// guide) gives the page's topic, F1 in a dialog the dialog's. Tests see the topic through a
// sink instead of a window.
#include <functional>
#include <memory>
#include <string>

class wxEventFilter;
class wxHtmlHelpController;
class wxWindow;

namespace ys::gui {

class MainFrame;

// The guide's topic ("page.html" or "page.html#anchor") for a window: its dialog's when it
// is in a dialog the guide explains, else the main window's page; "index.html" when
// nothing more precise is known.
std::string help_topic(wxWindow* window);

// Replaces the help window (tests): the sink gets each topic asked for. Empty restores it.
using HelpSink = std::function<void(const std::string& topic)>;
void set_help_sink(HelpSink sink);

// The guide of one main window: its help window, made on first use, and F1 in its dialogs.
class Help {
public:
    explicit Help(MainFrame& frame);
    ~Help();
    Help(const Help&) = delete;
    Help& operator=(const Help&) = delete;

    // Opens the guide at `topic` (the contents when the topic is unknown); says where the
    // guide was expected when it is not installed.
    void show(const std::string& topic);
    // Opens the guide at the topic of `window` (the window with the focus, usually).
    void show_for(wxWindow* window) { show(help_topic(window)); }
    // The help book (guide/yardstick.hhp), "" when not installed.
    std::string book() const;
    // The help window's controller, nullptr until the guide has been opened (tests).
    wxHtmlHelpController* controller() const { return controller_.get(); }

private:
    MainFrame& frame_;
    std::unique_ptr<wxHtmlHelpController> controller_;
    std::unique_ptr<wxEventFilter> keys_;  // F1 in a dialog (the menu's accelerator covers the main window)
};

// Help > About: version, licence, the libraries used with theirs, and a button to the guide.
void show_about(MainFrame& frame, Help& help);

}  // namespace ys::gui
