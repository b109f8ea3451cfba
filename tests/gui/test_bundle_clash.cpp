// A bundle from another database whose organisation has the id of one of ours: the desktop
// app refuses it with the clash named in a dialog, then offers to add it under a new id.
#include <filesystem>
#include <fstream>
#include <string>

#include <catch2/catch.hpp>

#include "bundle.h"
#include "bundle_io.h"
#include "database.h"
#include "exit_codes.h"
#include "gui_support.h"
#include "main_frame.h"
#include "organisations.h"
#include "rounds.h"
#include "session.h"

using namespace ys;
using namespace ys::gui;
using namespace ys::gui::test;

namespace {

nlohmann::json load(const std::string& rel) {
    std::ifstream f(std::string(YS_TEST_DATA) + "/" + rel);
    return nlohmann::json::parse(f);
}

// Another council's database, with its own "eastmere" and one round, written as a bundle.
std::string their_bundle(const std::string& dir) {
    const std::string db = dir + "/theirs.db";
    store::Connection c = store::open_database(db);
    store::add_organisation(c, {"eastmere", "Eastmere (their copy)", "unitary", "", "", ""});
    auto r = store::new_round(c, "eastmere", "2025", load("frameworks/tiny-example.json"), load("questionnaires/tiny-check.json"));
    const std::string path = dir + "/theirs.json";
    std::ofstream(path) << bundle_to_json(store::export_bundle(c, {r.id}), false).dump(1) << "\n";
    return path;
}

bool import(MainFrame* frame, const std::string& file) {
    bool finished = false, ok = true;
    frame->import_files({file}, [&](bool r) {
        finished = true;
        ok = r;
    });
    REQUIRE(pump_until([&] { return finished; }, 30000));
    return ok;
}

}  // namespace

TEST_CASE("app: a bundle's organisation made by another database is refused by name, then added as new if asked",
          "[gui][import]") {
    ensure_wx();
    CapturedMessages messages;
    std::string dir = scratch_dir("bundle-clash");
    const std::string bundle = their_bundle(dir);
    auto* frame = new MainFrame(application_data_dirs());
    frame->Show();
    REQUIRE(frame->create_database(dir + "/ours.db", false));
    store::add_organisation(frame->session().db(), {"eastmere", "Eastmere Borough Council", "london-borough", "", "", ""});

    // Refused; the user cancels the offer: nothing changes.
    messages.answer = 1;
    CHECK_FALSE(import(frame, bundle));
    REQUIRE(messages.errors() == 1);
    const Message& m = messages.messages.back();
    CHECK(m.title == wxS("Nothing was imported"));
    CHECK(m.exit_code == exit_code::invalid_input);
    CHECK(m.detail.Contains(wxS("\"Eastmere (their copy)\"")));
    CHECK(m.detail.Contains(wxS("\"Eastmere Borough Council\"")));
    REQUIRE(messages.questions.size() == 1);
    CHECK(messages.questions.back() == wxS("Organisations from another database"));
    CHECK(store::list_organisations(frame->session().db()).size() == 1);
    CHECK(store::list_rounds(frame->session().db()).empty());

    // Accepted: theirs is added under a new id, ours is as it was.
    messages.answer = 0;
    CHECK(import(frame, bundle));
    auto added = store::find_organisation(frame->session().db(), "eastmere-2");
    REQUIRE(added);
    CHECK(added->name == "Eastmere (their copy)");
    CHECK(store::find_organisation(frame->session().db(), "eastmere")->name == "Eastmere Borough Council");
    CHECK(store::list_rounds(frame->session().db(), "eastmere-2").size() == 1);
    CHECK(messages.messages.back().kind == MessageKind::Info);
    frame->Destroy();
    pump(50);
}
