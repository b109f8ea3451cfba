#pragma once
// Main windows over the databases the GUI tests start from, each in a directory of its own.
#include <string>

#include "gui_support.h"

namespace ys::gui {
class MainFrame;
}

namespace ys::gui::test {

// The demo data of three fictional councils, made as on first start (on a worker thread).
MainFrame* demo_frame(const std::string& dir, CapturedMessages& messages);
// A new database holding Westford (fictional), selected, and one open quick-check round
// (its id in `round`).
MainFrame* westford_frame(const std::string& dir, std::string& round);

}  // namespace ys::gui::test
