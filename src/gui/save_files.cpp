#include "save_files.h"

#include "wx_utf8.h"  // first: the UTF-8 _()

#include <filesystem>

#include <wx/config.h>
#include <wx/datetime.h>
#include <wx/stdpaths.h>
#include <wx/utils.h>

#include "messages.h"
#include "organisations.h"
#include "session.h"
#include "io/platform.h"

namespace fs = std::filesystem;

namespace ys::gui {
namespace {

LaunchSink& launch_sink() {
    static LaunchSink s;
    return s;
}

void launch(const wxString& path) {
    if (launch_sink())
        launch_sink()(path);
    else
        wxLaunchDefaultApplication(path);
}

const wxString kFolderKey = wxS("/Outputs/Folder");

}  // namespace

std::string output_file_name(const std::string& organisation_name, const std::string& what, const std::string& date,
                             const std::string& extension) {
    std::string name = organisation_name + " " + what + " " + date;
    std::string out;
    for (char ch : name) {
        const bool bad = static_cast<unsigned char>(ch) < 0x20 || std::string("/\\:*?\"<>|").find(ch) != std::string::npos;
        const char c = bad ? ' ' : ch;
        if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
        out += c;
    }
    // Windows drops trailing dots and spaces from a name, so a name never ends with one.
    while (!out.empty() && (out.back() == ' ' || out.back() == '.')) out.pop_back();
    if (out.empty()) out = "Yardstick";
    return out + extension;
}

std::string today_iso() { return u8(wxDateTime::Today().FormatISODate()); }

std::string organisation_name(Session& s, const std::string& id) {
    std::string name = id;
    try {
        if (s.is_open())
            if (auto o = store::find_organisation(s.db(), id); o && !o->name.empty()) name = o->name;
    } catch (const std::exception&) {
        // A default file name only: the id will do, and the export itself reports a bad database.
    }
    return name;
}

wxString last_output_folder() {
    if (auto* cfg = wxConfigBase::Get()) {
        const wxString folder = cfg->Read(kFolderKey, wxEmptyString);
        std::error_code ec;
        if (!folder.empty() && fs::is_directory(platform::path_from_utf8(path_u8(folder)), ec)) return folder;
    }
    return wxStandardPaths::Get().GetDocumentsDir();
}

void remember_output_folder(const std::string& file) {
    auto* cfg = wxConfigBase::Get();
    if (!cfg || file.empty()) return;
    cfg->Write(kFolderKey, wxs(platform::utf8_from_path(platform::path_from_utf8(file).parent_path())));
    cfg->Flush();
}

wxString path_in(const wxString& folder, const std::string& name) {
    return wxs(platform::utf8_from_path(platform::path_from_utf8(path_u8(folder)) / platform::path_from_utf8(name)));
}

void offer_to_open(wxWindow* parent, const wxString& title, const wxString& text, const std::string& path) {
    switch (ask(parent, title, text, {_("Open it"), _("Open the folder"), _("Close")})) {
        case 0: launch(wxs(path)); break;
        case 1: launch(wxs(platform::utf8_from_path(platform::path_from_utf8(path).parent_path()))); break;
        default: break;
    }
}

void set_launch_sink(LaunchSink sink) { launch_sink() = std::move(sink); }

}  // namespace ys::gui
