#include "window_icons.h"

#include "wx_utf8.h"  // first: the UTF-8 _()

#include <filesystem>
#include <system_error>

#include <wx/icon.h>
#include <wx/image.h>

#include "io/platform.h"

namespace fs = std::filesystem;

namespace ys::gui {

wxIconBundle application_icons(const std::string& shipped) {
    wxIconBundle icons;
    if (shipped.empty()) return icons;
    const fs::path root = platform::path_from_utf8(shipped);
    if (!wxImage::FindHandler(wxBITMAP_TYPE_PNG)) wxImage::AddHandler(new wxPNGHandler);
    // Run from a build: the source tree's icons; installed: share/icons beside share/yardstick.
    for (const fs::path& hicolor : {root / "packaging" / "icons" / "hicolor", root / ".." / "icons" / "hicolor"}) {
        for (int n : {16, 24, 32, 48, 64, 128, 256}) {
            const std::string size = std::to_string(n) + "x" + std::to_string(n);
            const fs::path png = hicolor / size / "apps" / "yardstick.png";
            std::error_code ec;
            if (!fs::is_regular_file(png, ec)) continue;
            wxIcon icon;
            if (icon.LoadFile(wxString::FromUTF8(platform::utf8_from_path(png)), wxBITMAP_TYPE_PNG) && icon.IsOk())
                icons.AddIcon(icon);
        }
        if (!icons.IsEmpty()) return icons;
    }
    return icons;
}

}  // namespace ys::gui
