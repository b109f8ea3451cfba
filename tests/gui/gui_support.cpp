#include "gui_support.h"

#include <array>
#include <clocale>
#include <cstdio>
#include <filesystem>
#include <sstream>
#include <thread>

#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <wx/app.h>
#include <wx/dialog.h>
#include <wx/evtloop.h>
#include <wx/init.h>
#include <wx/stattext.h>

#include "app.h"
#include "save_files.h"
#include "wx_utf8.h"

namespace fs = std::filesystem;

namespace ys::gui::test {

namespace {
void install_default_sinks();
// CapturedMessages alive now: starting wx must not replace their sinks with the defaults
// (a test makes its CapturedMessages before the first frame starts wx).
int live_captures = 0;
}

void ensure_wx() {
    static bool started = false;
    if (started) return;
    const char* display = std::getenv("DISPLAY");
    if (!display || !*display) FAIL("the GUI tests need a display: run them under xvfb-run (ctest does)");
    static int argc = 1;
    static char arg0[] = "test_gui";
    static char* argv[] = {arg0, nullptr};
    // The shipped library from the source tree, and no user library or settings of a real user.
    setenv("YARDSTICK_DATA_DIR", YS_SOURCE_DIR, 1);
    setenv("XDG_DATA_HOME", scratch_dir("xdg-data").c_str(), 1);
    setenv("XDG_CONFIG_HOME", scratch_dir("xdg-config").c_str(), 1);
    wxApp::SetInstance(new wxApp);
    REQUIRE(wxEntryStart(argc, argv));
    REQUIRE(wxTheApp->CallOnInit());
    std::setlocale(LC_NUMERIC, "C");
    // Settings go to a file of the tests' own, never the user's.
    install_config(scratch_dir("settings") + "/yardstick.conf");
    if (live_captures == 0) install_default_sinks();
    static wxGUIEventLoop loop;
    wxEventLoopBase::SetActive(&loop);
    started = true;
}

void pump(int ms) {
    auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    do {
        if (auto* loop = wxEventLoopBase::GetActive()) {
            while (loop->Pending()) loop->Dispatch();
        }
        wxTheApp->ProcessPendingEvents();
        wxTheApp->ProcessIdle();
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    } while (std::chrono::steady_clock::now() < end);
}

bool pump_until(const std::function<bool()>& done, int timeout_ms) {
    auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (!done()) {
        if (std::chrono::steady_clock::now() > end) return done();
        pump(10);
    }
    return true;
}

int run(const std::string& command, std::string& output) {
    output.clear();
    FILE* p = popen((command + " 2>&1").c_str(), "r");
    if (!p) return -1;
    std::array<char, 4096> buf{};
    std::size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) output.append(buf.data(), n);
    int status = pclose(p);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string pdf_text(const std::string& pdf) {
    std::string out, text;
    REQUIRE(run("pdftotext -layout '" + pdf + "' -", out) == 0);
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);)
        if (line.find("begincidrange") == std::string::npos) text += line + "\n";
    return text;
}

std::string scratch_dir(const std::string& name) {
    fs::path p = fs::path(YS_WORK_DIR) / name;
    std::error_code ec;
    fs::remove_all(p, ec);
    fs::create_directories(p);
    return p.string();
}

CapturedMessages::CapturedMessages() {
    ++live_captures;
    set_message_sink([this](const Message& m) { messages.push_back(m); });
    set_question_sink([this](const wxString& title, const wxString& text, const std::vector<wxString>&) {
        questions.push_back(title);
        question_texts.push_back(text);
        return answer;
    });
    // A test never opens a file or folder in another application: it sees what would be opened.
    set_launch_sink([this](const wxString& path) { launched.push_back(path); });
}

namespace {
// Outside a CapturedMessages, a message is printed and a question cancelled: a test never
// blocks on a modal dialog.
void install_default_sinks() {
    set_message_sink([](const Message& m) { std::fprintf(stderr, "message: %s\n", u8(m.title + wxS(": ") + m.text + wxS(" | ") + m.detail).c_str()); });
    set_question_sink([](const wxString& title, const wxString&, const std::vector<wxString>&) {
        std::fprintf(stderr, "question (cancelled): %s\n", u8(title).c_str());
        return -1;
    });
}
}  // namespace

CapturedMessages::~CapturedMessages() {
    --live_captures;
    set_launch_sink({});
    install_default_sinks();
}

std::size_t CapturedMessages::errors() const {
    std::size_t n = 0;
    for (const auto& m : messages) n += m.kind == MessageKind::Error ? 1 : 0;
    return n;
}

std::string CapturedMessages::all_text() const {
    std::string out;
    for (const auto& m : messages) out += u8(m.title + wxS(": ") + m.text + wxS(" | ") + m.detail) + "\n";
    return out;
}

DialogAnswers::DialogAnswers(std::function<int(wxDialog&)> answer) : answer_(std::move(answer)) { Register(); }

int DialogAnswers::Enter(wxDialog* dialog) {
    titles.push_back(dialog->GetTitle());
    int button = answer_(*dialog);
    return button == wxID_NONE ? wxID_CANCEL : button;  // never left showing: a test must not block
}

wxWindow* control(wxWindow& dialog, const wxString& name) { return wxWindow::FindWindowByName(name, &dialog); }

wxString shown_reason(wxWindow& window, const wxString& field) {
    auto* l = wxDynamicCast(control(window, field + wxS(" problem")), wxStaticText);
    REQUIRE(l);
    wxString text = l->IsShown() ? l->GetLabel() : wxString();
    text.Replace(wxS("\n"), wxS(" "));  // wrapped to the form's width
    return text;
}

}  // namespace ys::gui::test
