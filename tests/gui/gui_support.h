#pragma once
// Helpers for the GUI tests: wx is started lazily, on the first test that needs it (so that
// listing the tests needs no display), a private settings file, event pumping, and every
// message box captured instead of shown.
#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "messages.h"

namespace ys::gui::test {

// Starts wxWidgets once for the whole process (needs $DISPLAY: run under xvfb-run).
void ensure_wx();

// Processes pending events, timers and idle handlers for about `ms` milliseconds.
void pump(int ms = 50);
// Pumps until `done` is true or `timeout_ms` passes; returns done().
bool pump_until(const std::function<bool()>& done, int timeout_ms = 5000);

// A fresh directory under the build tree for one test.
std::string scratch_dir(const std::string& name);

// Captures messages and answers questions while alive.
class CapturedMessages {
public:
    CapturedMessages();
    ~CapturedMessages();
    std::vector<Message> messages;
    std::vector<wxString> questions;
    int answer = 0;  // the answer given to questions
    std::size_t errors() const;
    std::string all_text() const;
};

}  // namespace ys::gui::test
