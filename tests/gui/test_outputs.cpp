// The desktop app's saves: never over the open database, asking before replacing a file the
// file picker did not ask about, and a new export of names readable by its owner only.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "frames.h"
#include "gui_support.h"
#include "main_frame.h"
#include "report_dialog.h"
#include "session.h"
#include "wx_utf8.h"

namespace fs = std::filesystem;
using namespace ys;
using namespace ys::gui;
using namespace ys::gui::test;

namespace {

std::string slurp(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

unsigned mode_of(const std::string& path) {
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

}  // namespace

TEST_CASE("outputs: an export over the open database or its -wal is refused, a new export of names is 0600", "[gui][outputs]") {
    ensure_wx();  // first: starting wx installs the default message sinks
    CapturedMessages messages;
    std::string dir = scratch_dir("outputs-export");
    MainFrame* frame = demo_frame(dir, messages);
    const std::string db = frame->session().path();
    const std::string before = slurp(db);
    CHECK_FALSE(frame->export_bundle(db, "eastmere", false));
    CHECK_FALSE(frame->export_csv(dir + "/./demo.db-wal", "eastmere", false));
    REQUIRE(messages.errors() == 2);
    CHECK(u8(messages.messages[0].text).find("is the database") != std::string::npos);
    CHECK(u8(messages.messages[1].text).find("write-ahead log") != std::string::npos);
    CHECK(slurp(db) == before);

    REQUIRE(frame->export_bundle(dir + "/eastmere.json", "eastmere", false));
    CHECK(mode_of(dir + "/eastmere.json") == 0600);
    frame->Destroy();
    pump(50);
}

#ifdef YARDSTICK_HAVE_JOBS
TEST_CASE("outputs: the Reports dialog asks before replacing a file, and never writes over the database", "[gui][outputs]") {
    ensure_wx();  // first: starting wx installs the default message sinks
    CapturedMessages messages;
    std::string dir = scratch_dir("outputs-report");
    MainFrame* frame = demo_frame(dir, messages);
    const std::string db = frame->session().path();
    const std::string pdf = dir + "/plan.pdf";
    std::ofstream(pdf) << "someone's earlier plan";
    auto* dlg = new ReportDialog(frame, *frame, "eastmere", "");
    dlg->set_kind(ReportDialog::kActionPlan);
    dlg->set_fixed_date("2026-11-21");
    auto make = [&] {
        bool finished = false;
        std::vector<std::string> written;
        dlg->generate([&](const std::vector<std::string>& w) {
            finished = true;
            written = w;
        });
        REQUIRE(pump_until([&] { return finished; }, 60000));
        return written;
    };
    dlg->set_pdf(pdf);
    messages.answer = 1;  // Cancel
    CHECK(make().empty());
    REQUIRE(messages.questions.size() == 1);
    CHECK(u8(messages.questions[0]) == "Replace files?");
    CHECK(slurp(pdf) == "someone's earlier plan");

    const std::string before = slurp(db);
    messages.answer = 0;  // Replace
    dlg->set_pdf(db);
    CHECK(make().empty());
    INFO(messages.all_text());
    CHECK(messages.questions.size() == 1);  // refused before being asked about
    REQUIRE(messages.errors() == 1);
    CHECK(u8(messages.messages.back().detail).find("is the database") != std::string::npos);
    CHECK(slurp(db) == before);

    dlg->set_pdf(pdf);
    CHECK(make().size() == 1);
    CHECK(slurp(pdf).rfind("%PDF", 0) == 0);
    dlg->Destroy();
    frame->Destroy();
    pump(50);
}
#endif
