#include "app.h"

#include "wx_utf8.h"  // first: the UTF-8 _()

#include <clocale>
#include <cstdio>
#include <ctime>
#include <exception>
#include <filesystem>
#include <fstream>
#include <sstream>

#ifdef _WIN32
#include <chrono>

#include <wx/msw/wrapwin.h>  // windows.h as wx wants it
#else
#include <unistd.h>
#endif

#include <wx/cmdline.h>
#include <wx/config.h>
#include <wx/fileconf.h>
#include <wx/stdpaths.h>
#include <wx/tooltip.h>

#include "assessments_page.h"
#include "form_commands.h"
#include "guard.h"
#include "io/platform.h"
#include "main_frame.h"
#include "messages.h"
#include "roadmap_page.h"
#include "round_status_dialog.h"
#include "session.h"
#include "walkthrough.h"
#include "workbook_export.h"

namespace fs = std::filesystem;

namespace ys::gui {

void install_config(const std::string& file) {
    std::string path = file;
    if (path.empty()) {
        // $XDG_CONFIG_HOME/yardstick/yardstick.conf (default ~/.config/yardstick/yardstick.conf);
        // on Windows %APPDATA%\Yardstick\yardstick.conf.
        const std::string config = platform::user_config_dir();
        fs::path dir = config.empty() ? fs::path("yardstick") : platform::path_from_utf8(config);
        std::error_code ec;
        fs::create_directories(dir, ec);
        path = platform::utf8_from_path(dir / "yardstick.conf");
    }
    auto* cfg = new wxFileConfig(wxS("yardstick"), wxEmptyString, wxs(path), wxEmptyString, wxCONFIG_USE_LOCAL_FILE);
    delete wxConfigBase::Set(cfg);
}

std::string start_database() {
    if (auto* cfg = wxConfigBase::Get(); cfg && cfg->ReadBool(wxS("/Preferences/ReopenLast"), true)) {
        wxString last;
        if (cfg->Read(wxS("/Database/Last"), &last) && !last.empty()) {
            std::error_code ec;
            if (fs::exists(platform::path_from_utf8(path_u8(last)), ec)) return path_u8(last);
        }
    }
    return store::default_database_path();
}

#ifdef _WIN32
// Windows: from the process's creation time, as a FILETIME (100 ns units).
double ms_since_process_start() {
    FILETIME created{}, exited{}, kernel{}, user{}, now{};
    if (!::GetProcessTimes(::GetCurrentProcess(), &created, &exited, &kernel, &user)) return -1;
    ::GetSystemTimeAsFileTime(&now);
    auto ticks = [](const FILETIME& t) { return (static_cast<unsigned long long>(t.dwHighDateTime) << 32) | t.dwLowDateTime; };
    return static_cast<double>(ticks(now) - ticks(created)) / 10000.0;
}

static long long monotonic_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
#else
double ms_since_process_start() {
    std::ifstream stat("/proc/self/stat");
    std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    // Field 22 (starttime, in clock ticks since boot) counts from after the command name.
    auto close = text.rfind(')');
    if (close == std::string::npos) return -1;
    std::istringstream in(text.substr(close + 2));
    std::string field;
    unsigned long long start_ticks = 0;
    for (int i = 3; i <= 22 && in >> field; ++i)
        if (i == 22) start_ticks = std::stoull(field);
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    double now_ms = now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
    return now_ms - start_ticks * 1000.0 / static_cast<double>(sysconf(_SC_CLK_TCK));
}

static long long monotonic_ns() {
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return static_cast<long long>(now.tv_sec) * 1000000000LL + now.tv_nsec;
}
#endif

void App::OnInitCmdLine(wxCmdLineParser& parser) {
    wxApp::OnInitCmdLine(parser);
    parser.AddOption(wxS("c"), wxS("config"), _("settings file to use instead of the user's (tests, scripts)"));
    parser.AddOption(wxEmptyString, wxS("first-start"), _("when the database does not exist: demo or empty"));
    parser.AddOption(wxEmptyString, wxS("org"), _("select this organisation"));
    parser.AddOption(wxEmptyString, wxS("page"), _("show this page: assessments, results, benchmark, roadmap or skills"));
    parser.AddOption(wxEmptyString, wxS("answer"), _("open the walk-through of this round"));
    parser.AddOption(wxEmptyString, wxS("scenario"), _("read this roadmap scenario file into the Roadmap page (and show it)"));
    parser.AddOption(wxEmptyString, wxS("round"), _("choose this round on the Assessments page"));
    parser.AddOption(wxEmptyString, wxS("dialog"), _("open a dialog at start (screenshots): send-form, who-answered, export-workbook or reports"));
    parser.AddSwitch(wxEmptyString, wxS("screenshot"), _("no tooltips: for screenshots under a virtual display"));
    parser.AddSwitch(wxEmptyString, wxS("bench-first-paint"), _("print the time of the first paint and exit"));
    parser.AddParam(_("DATABASE"), wxCMD_LINE_VAL_STRING, wxCMD_LINE_PARAM_OPTIONAL);
}

bool App::OnCmdLineParsed(wxCmdLineParser& parser) {
    if (!wxApp::OnCmdLineParsed(parser)) return false;
    wxString v;
    if (parser.Found(wxS("config"), &v)) options_.config = path_u8(v);
    if (parser.Found(wxS("first-start"), &v)) options_.first_start = u8(v);
    if (parser.Found(wxS("org"), &v)) options_.organisation = u8(v);
    if (parser.Found(wxS("page"), &v)) options_.page = u8(v);
    if (parser.Found(wxS("answer"), &v)) options_.answer = u8(v);
    if (parser.Found(wxS("scenario"), &v)) options_.scenario = path_u8(v);
    if (parser.Found(wxS("round"), &v)) options_.round = u8(v);
    if (parser.Found(wxS("dialog"), &v)) options_.dialog = u8(v);
    options_.bench_first_paint = parser.Found(wxS("bench-first-paint"));
    options_.screenshot = parser.Found(wxS("screenshot"));
    if (parser.GetParamCount() > 0) options_.database = path_u8(parser.GetParam(0));
    if (options_.config.empty())
        options_.config = platform::environment("YARDSTICK_CONFIG");
    return true;
}

bool App::OnInit() {
    SetAppName(wxS("yardstick"));
    SetAppDisplayName(wxS("Yardstick"));
    if (!wxApp::OnInit()) return false;
    // GTK set the locale from the environment; numbers are always written with a point.
    std::setlocale(LC_NUMERIC, "C");
    install_config(options_.config);
    if (options_.screenshot) wxToolTip::Enable(false);
    frame_ = new MainFrame(application_data_dirs());
    if (options_.bench_first_paint) {
        frame_->on_first_paint = [this] {
            std::printf("first-paint-ms %.1f\n", ms_since_process_start());
            std::printf("first-paint-monotonic-ns %lld\n", monotonic_ns());
            std::fflush(stdout);
            frame_->Destroy();
        };
    }
    std::string path = options_.database.empty() ? start_database() : options_.database;
    std::error_code ec;
    if (!fs::exists(platform::path_from_utf8(path), ec)) {
        if (options_.first_start == "demo" || options_.first_start == "empty") {
            frame_->Show();
            frame_->create_database(path, options_.first_start == "demo", [this](bool) { after_start(); });
            return true;
        }
        // Asked before the main window shows: the question is then the only window, so a window
        // manager gives it the focus (asked after, openbox kept the main window in front).
        int choice = ask(nullptr, _("Welcome to Yardstick"),
                         wxString::Format(_("There is no database yet at %s.\n\nStart with demo data of three fictional councils "
                                            "(to look around), or with an empty database (to add your own council)?"),
                                          wxs(path)),
                         {_("Demo data"), _("Empty database")});
        frame_->Show();
        if (choice >= 0) {
            frame_->create_database(path, choice == 0, [this](bool) { after_start(); });
            return true;
        }
        frame_->set_status(_("No database open: use File > New database or Open database."));
    } else {
        frame_->Show();
        frame_->open_database(path);
    }
    after_start();
    return true;
}

void App::after_start() {
    if (!frame_ || frame_->IsBeingDeleted()) return;
    if (!options_.organisation.empty()) frame_->select_organisation(options_.organisation);
    if (!options_.round.empty()) {
        frame_->show_page(MainFrame::kAssessments);
        frame_->assessments()->select_round(options_.round);
    }
    const char* pages[] = {"assessments", "results", "benchmark", "roadmap", "skills"};
    for (int i = 0; i < 5; ++i)
        if (options_.page == pages[i]) frame_->show_page(i);
    if (!options_.answer.empty()) frame_->open_walkthrough(options_.answer);
    if (!options_.scenario.empty()) {
        frame_->show_page(MainFrame::kRoadmap);
        frame_->roadmap()->import_scenario(options_.scenario);
    }
    if (options_.screenshot) {
        // The pointer of a virtual screen rests in its middle, where it would raise a tooltip.
        wxToolTip::Enable(false);
        frame_->SetSize(wxGetClientDisplayRect());
        // On the empty end of the notebook's tab row: nothing there raises a tooltip (a list,
        // a chart or the status bar's shortened text would).
        frame_->WarpPointer(frame_->GetClientSize().GetWidth() - 8, frame_->FromDIP(14));
    }
    // A dialog opened at start, once the window is up (the screenshots of the README).
    if (options_.dialog == "send-form")
        frame_->CallAfter([this] { send_questionnaire(*frame_, frame_->assessments()->selected_round()); });
    else if (options_.dialog == "who-answered")
        frame_->CallAfter([this] { show_round_status(*frame_, frame_->assessments()->selected_round()); });
    else if (options_.dialog == "export-workbook")
        frame_->CallAfter([this] { show_workbook_dialog(*frame_); });
    else if (options_.dialog == "reports")
        frame_->CallAfter([this] { frame_->show_reports(); });
}

int App::OnExit() {
    if (auto* cfg = wxConfigBase::Get(false)) cfg->Flush();
    return wxApp::OnExit();
}

bool App::OnExceptionInMainLoop() {
    wxString what;
    try {
        throw;
    } catch (const store::StoreError& e) {
        show_message(GetTopWindow(), store_error_message(e, frame_ ? frame_->session().path() : std::string(),
                                                         _("The last action was not completed.")));
        return true;
    } catch (const std::exception& e) {
        what = wxs(e.what());
    } catch (...) {
        what = _("an unknown exception");
    }
    show_error(GetTopWindow(), _("Internal error"),
               _("Something unexpected went wrong; the last action was not completed. Your saved answers are safe."),
               what + wxS("\n") + _("This is a bug in Yardstick; please report it."), exit_code::internal_error);
    return true;  // carry on running
}

void App::OnUnhandledException() {
    wxString what = _("an unknown exception");
    try {
        throw;
    } catch (const std::exception& e) {
        what = wxs(e.what());
    } catch (...) {
    }
    show_error(nullptr, _("Internal error"), _("Yardstick met an unexpected error and has to stop. Your saved answers are safe."),
               what, exit_code::internal_error);
}

}  // namespace ys::gui
