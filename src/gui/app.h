#pragma once
// The application: command line, settings (wxConfig), the database opened at start (the
// one given, else the last one used, else the default), the first start (demo data or an
// empty database), and the last line of defence against unexpected exceptions.
#include <string>

#include <wx/app.h>

class wxCmdLineParser;

namespace ys::gui {

class MainFrame;

struct StartOptions {
    std::string database;      // DATABASE argument
    std::string config;        // --config FILE, else $YARDSTICK_CONFIG
    std::string first_start;   // --first-start demo|empty: answers the first-start question
    std::string organisation;  // --org ID: select it
    std::string page;          // --page assessments|results|benchmark|roadmap
    std::string answer;        // --answer ROUND: open its walk-through
    std::string scenario;      // --scenario FILE: read this roadmap scenario file into the Roadmap page
    std::string round;         // --round ID: choose this round on the Assessments page
    std::string dialog;        // --dialog send-form|who-answered|export-workbook|reports: open it (screenshots)
    bool screenshot = false;         // no tooltips (the pointer rests in the middle of a virtual screen)
    bool bench_first_paint = false;  // print the time of the first paint and exit
};

// Points wxConfig at `file` (a private file for tests and scripts) or, when empty, at the
// user's settings file ($XDG_CONFIG_HOME/yardstick.conf).
void install_config(const std::string& file);

// The database to open when none is named: the last one used (when the preference allows),
// else the default path of the store.
std::string start_database();

// Milliseconds since this process started (from /proc; on Windows from its creation time),
// for the start-up benchmark.
double ms_since_process_start();

class App : public wxApp {
public:
    bool OnInit() override;
    int OnExit() override;
    void OnInitCmdLine(wxCmdLineParser& parser) override;
    bool OnCmdLineParsed(wxCmdLineParser& parser) override;
    bool OnExceptionInMainLoop() override;
    void OnUnhandledException() override;

private:
    void after_start();
    StartOptions options_;
    MainFrame* frame_ = nullptr;
};

}  // namespace ys::gui
