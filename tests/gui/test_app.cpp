// The main window's own behaviour: refused databases, first start with demo data, imports
// that fail, undoable edits, settings kept out of the user's files.
#include <filesystem>
#include <fstream>
#include <iterator>

#include <catch2/catch.hpp>
#include <wx/config.h>
#include <wx/uiaction.h>

#include "assessments_page.h"
#include "database.h"
#include "edit_commands.h"
#include "exit_codes.h"
#include "frames.h"
#include "gui_support.h"
#include "main_frame.h"
#include "organisations.h"
#include "results_page.h"
#include "rounds.h"
#include "session.h"
#include "wx_utf8.h"

namespace fs = std::filesystem;
using namespace ys;
using namespace ys::gui;
using namespace ys::gui::test;

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void spill(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

int tree_count(wxTreeCtrl* tree) {
    return static_cast<int>(tree->GetCount());
}

}  // namespace

TEST_CASE("app: a file that is not a Yardstick database is refused with a message saying what and where", "[gui][database]") {
    ensure_wx();
    CapturedMessages messages;
    std::string dir = scratch_dir("refused");
    auto* frame = new MainFrame(application_data_dirs());
    frame->Show();
    pump(50);

    SECTION("a text file") {
        std::string path = dir + "/notes.db";
        spill(path, "Minutes of the data board, March 2026. Not a database.\n");
        CHECK_FALSE(frame->open_database(path));
        REQUIRE(messages.messages.size() == 1);
        const Message& m = messages.messages.front();
        CHECK(m.kind == MessageKind::Error);
        CHECK(m.exit_code == exit_code::database_refused);
        CHECK(m.title == wxS("Not a Yardstick database"));
        CHECK(m.detail.Contains(wxs(path)));  // where
        CHECK(slurp(path) == "Minutes of the data board, March 2026. Not a database.\n");  // left untouched
        CHECK_FALSE(frame->session().is_open());
    }
    SECTION("a database from a newer Yardstick, while another is open") {
        std::string good = dir + "/good.db";
        REQUIRE(frame->create_database(good, false));
        std::string newer = dir + "/newer.db";
        {
            store::Connection c = store::open_database(newer);
            c.exec("PRAGMA user_version = 99");
        }
        std::string bytes = slurp(newer);
        CHECK_FALSE(frame->open_database(newer));
        REQUIRE(messages.errors() == 1);
        CHECK(messages.messages.back().exit_code == exit_code::database_refused);
        CHECK(messages.messages.back().title == wxS("Database from a newer version"));
        CHECK(messages.messages.back().detail.Contains(wxs(newer)));
        CHECK(slurp(newer) == bytes);
        // The database open before stays open.
        CHECK(frame->session().path() == good);
    }
    SECTION("a missing file") {
        CHECK_FALSE(frame->open_database(dir + "/missing.db"));
        REQUIRE(messages.errors() == 1);
        CHECK(messages.messages.back().detail.Contains(wxs(dir + "/missing.db")));
        CHECK_FALSE(fs::exists(dir + "/missing.db"));
    }
    frame->Destroy();
    pump(50);
}

TEST_CASE("app: first start with demo data fills the tree, rounds and results of the fictional councils", "[gui][demo]") {
    ensure_wx();
    CapturedMessages messages;
    std::string dir = scratch_dir("demo");
    auto* frame = new MainFrame(application_data_dirs());
    frame->SetSize(1100, 740);
    frame->Show();
    bool finished = false, ok = false;
    REQUIRE(frame->create_database(dir + "/demo.db", true, [&](bool r) {
        finished = true;
        ok = r;
    }));
    REQUIRE(pump_until([&] { return finished; }, 30000));
    INFO(messages.all_text());
    REQUIRE(ok);
    // Demo region, three councils and two departments (one of them the analyst team of the skills round).
    CHECK(tree_count(frame->tree()) == 6);
    CHECK(frame->selected_organisation() == "eastmere");
    pump(100);
    CHECK(frame->assessments()->rounds().size() == 2);
    frame->show_page(MainFrame::kResults);
    pump(200);
    REQUIRE(frame->results()->scored().has_value());
    // Eastmere's 2026 round against its targets, with the change since 2025.
    CHECK(frame->results()->summary_text().Contains(wxS("of the way to target")));
    CHECK(frame->results()->summary_text().Contains(wxS("2025")));
    // The settings went to the tests' own file.
    CHECK(wxConfigBase::Get()->Read(wxS("/Database/Last"), wxEmptyString) == wxs(fs::absolute(dir + "/demo.db").string()));
    CHECK(messages.errors() == 0);
    frame->Destroy();
    pump(50);
}

TEST_CASE("app: an import with a bad file writes nothing and says which file and where", "[gui][import]") {
    ensure_wx();
    CapturedMessages messages;
    std::string dir = scratch_dir("bad-import");
    auto* frame = new MainFrame(application_data_dirs());
    frame->Show();
    REQUIRE(frame->create_database(dir + "/import.db", false));
    std::string bad = dir + "/broken.json";
    spill(bad, "{\n  \"format\": \"yardstick-answers/1\",\n  \"period\": \"2026\"\n  \"respondents\": []\n}\n");
    std::string good = std::string(YS_SOURCE_DIR) + "/examples/answers/northwold-2026-quick.json";
    bool finished = false, ok = true;
    frame->import_files({good, bad}, [&](bool r) {
        finished = true;
        ok = r;
    });
    REQUIRE(pump_until([&] { return finished; }, 30000));
    CHECK_FALSE(ok);
    REQUIRE(messages.errors() == 1);
    const Message& m = messages.messages.back();
    CHECK(m.title == wxS("Nothing was imported"));
    CHECK(m.exit_code == exit_code::invalid_input);
    CHECK(m.detail.Contains(wxS("broken.json: 4:")));  // file and line:column
    CHECK(store::list_organisations(frame->session().db()).empty());  // all or nothing

    // The good file alone goes in.
    finished = false;
    frame->import_files({good}, [&](bool r) {
        finished = true;
        ok = r;
    });
    REQUIRE(pump_until([&] { return finished; }, 30000));
    CHECK(ok);
    CHECK(store::list_organisations(frame->session().db()).size() == 1);
    CHECK(messages.messages.back().kind == MessageKind::Info);
    frame->Destroy();
    pump(50);
}

TEST_CASE("app: targets and action items are undoable edits", "[gui][undo]") {
    ensure_wx();
    CapturedMessages messages;
    std::string round;
    MainFrame* frame = westford_frame(scratch_dir("undo"), round);
    Session& s = frame->session();
    auto level_of = [&](const std::string& dim) {
        for (const auto& t : store::list_targets(s.db(), "westford"))
            if (t.dimension == dim) return t.level;
        return 0.0;
    };
    wxCommandProcessor& cp = frame->commands();
    REQUIRE(cp.Submit(new SetTargetCommand(*frame, {"westford", "council-data-maturity", "leadership", "2027-03-31", 3})));
    CHECK(level_of("leadership") == 3);
    CHECK(cp.CanUndo());  // there was no target before: undo removes it (test_undo.cpp)
    REQUIRE(cp.Submit(new SetTargetCommand(*frame, {"westford", "council-data-maturity", "leadership", "2027-03-31", 4})));
    CHECK(level_of("leadership") == 4);
    REQUIRE(cp.CanUndo());
    CHECK(cp.Undo());
    CHECK(level_of("leadership") == 3);
    CHECK(cp.Redo());
    CHECK(level_of("leadership") == 4);

    // An action item: adopted, then its status changed and changed back.
    const Framework* fw = nullptr;
    auto loaded = store::load_round(s.db(), round);
    fw = loaded.framework.get();
    std::string action = fw->dimensions[static_cast<std::size_t>(fw->find_dimension("skills"))].actions.front().id;
    REQUIRE(cp.Submit(new SaveActionItemCommand(*frame, {round, action, "", "Head of data", "2027-01-31", "not-started", "", ""})));
    REQUIRE(cp.Submit(new SaveActionItemCommand(*frame, {round, action, "", "Head of data", "2027-01-31", "in-progress", "", ""})));
    CHECK(store::list_action_items(s.db(), round).front().status == "in-progress");
    CHECK(cp.Undo());
    CHECK(store::list_action_items(s.db(), round).front().status == "not-started");
    CHECK(messages.errors() == 0);
    frame->Destroy();
    pump(50);
}
