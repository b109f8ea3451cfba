#pragma once
// Helpers of the walk-through's tests: a main window over Westford (fictional) with a
// quick-check round, a full-assessment round beside it, keys pressed through the X server
// and answers read back through a connection of the test's own.
#include <string>
#include <vector>

#include "answers.h"
#include "gui_support.h"

namespace ys::gui {
class MainFrame;
class WalkthroughDialog;
}

namespace ys::gui::test {

struct WalkSetup {
    std::string dir, db, round;
    MainFrame* frame = nullptr;  // null once the test closed it itself
    explicit WalkSetup(const std::string& name);
    ~WalkSetup();
    std::string full_round();  // a new council-full round of Westford
};

// The answers stored for one respondent.
std::vector<Answer> stored_answers(const std::string& db, const std::string& round, const std::string& key);
const Answer* find_answer(const std::vector<Answer>& answers, int question);

// A key (with modifiers such as wxMOD_CONTROL) pressed through the X server at the window.
void press_key(wxWindow* w, int key, int modifiers = 0);
// Text typed through the X server into whatever has the focus.
void type_text(wxWindow* w, const char* text);

}  // namespace ys::gui::test
