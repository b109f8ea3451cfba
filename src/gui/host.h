#pragma once
// What a page or dialog needs from the main window, without knowing the main window.
#include <string>

#include <wx/string.h>

class wxCommandProcessor;
class wxWindow;

namespace ys::gui {

class Session;

class Host {
public:
    virtual ~Host() = default;
    virtual Session& session() = 0;
    virtual wxCommandProcessor& commands() = 0;
    virtual void set_status(const wxString& text) = 0;
    // Something stored changed (an answer, a target, a round): pages show it when next seen.
    virtual void data_changed() = 0;
    // One answer changed in the store other than through the walk-through (Edit > Undo of an
    // answer): the walk-through showing that round reads it again, and pages are refreshed.
    virtual void answer_changed(const std::string& round, const std::string& respondent, const std::string& question) {
        (void)round, (void)respondent, (void)question;
        data_changed();
    }
    // The organisations changed: the tree is read again.
    virtual void organisations_changed() = 0;
    virtual wxWindow* window() = 0;
};

}  // namespace ys::gui
