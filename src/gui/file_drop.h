#pragma once
// Files dragged from a file manager and dropped onto a window: their paths (UTF-8) go to
// one callback, which does what the matching menu command does with chosen files.
#include <functional>
#include <string>
#include <vector>

#include <wx/dnd.h>

namespace ys::gui {

class FilesDropTarget : public wxFileDropTarget {
public:
    // `on_files` gets every dropped path; it returns whether it took them (false: the drop
    // is refused, e.g. when no database is open).
    explicit FilesDropTarget(std::function<bool(const std::vector<std::string>&)> on_files) : on_files_(std::move(on_files)) {}
    bool OnDropFiles(wxCoord x, wxCoord y, const wxArrayString& names) override;

private:
    std::function<bool(const std::vector<std::string>&)> on_files_;
};

}  // namespace ys::gui
