#pragma once
// The application's icon for the title bar, the task switcher and the About box.

#include <string>

#include <wx/iconbndl.h>

namespace ys::gui {

// Every size of the icon found beside the shipped data (`shipped`: the source tree's
// packaging/icons, or the share/icons/hicolor an install puts next to share/yardstick);
// empty when neither is there.
wxIconBundle application_icons(const std::string& shipped);

}  // namespace ys::gui
