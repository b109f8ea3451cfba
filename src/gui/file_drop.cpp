#include "file_drop.h"

#include "wx_utf8.h"

namespace ys::gui {

bool FilesDropTarget::OnDropFiles(wxCoord, wxCoord, const wxArrayString& names) {
    if (!on_files_ || names.empty()) return false;
    std::vector<std::string> files;
    files.reserve(names.size());
    for (const auto& n : names) files.push_back(path_u8(n));
    return on_files_(files);
}

}  // namespace ys::gui
