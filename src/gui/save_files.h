#pragma once
// What every "save as" of the application shares (reports, workbooks, bundles, CSV): a
// default file name a person recognises (the organisation, what it is, the date), the folder
// last saved to, and, once written, a message offering to open the file or its folder.
#include <functional>
#include <string>

#include <wx/string.h>

class wxWindow;

namespace ys::gui {

class Session;

// "Eastmere London Borough Council action plan 2026-12-05.pdf": the parts joined by
// spaces, with the characters Windows refuses in a file name (and control characters)
// left out. `extension` includes its dot.
std::string output_file_name(const std::string& organisation_name, const std::string& what, const std::string& date,
                             const std::string& extension);

// Today as YYYY-MM-DD (local time), for default file names.
std::string today_iso();

// The organisation's name, its id when it has none or cannot be read.
std::string organisation_name(Session& s, const std::string& id);

// The folder an output was last saved in, when it still exists; else the Documents folder.
wxString last_output_folder();
// Remembers the folder of `file` for the next save.
void remember_output_folder(const std::string& file);
// `folder`/`name` as one path.
wxString path_in(const wxString& folder, const std::string& name);

// "Wrote …" with Open it, Open the folder and Close; opens what was chosen.
void offer_to_open(wxWindow* parent, const wxString& title, const wxString& text, const std::string& path);

// Replaces opening files and folders in other applications (tests): the sink gets the path.
using LaunchSink = std::function<void(const wxString& path)>;
void set_launch_sink(LaunchSink sink);

}  // namespace ys::gui
