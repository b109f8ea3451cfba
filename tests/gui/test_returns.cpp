// Answers coming back: files dropped onto the Assessments page are imported as File >
// Import answers imports them (the same store::import_files request), all or nothing.
#include <filesystem>

#include <catch2/catch.hpp>
#include <wx/dnd.h>

#include "assessments_page.h"
#include "exit_codes.h"
#include "frames.h"
#include "gui_support.h"
#include "main_frame.h"
#include "returns_support.h"
#include "rounds.h"
#include "session.h"
#include "worker.h"
#include "wx_utf8.h"

using namespace ys;
using namespace ys::gui;
using namespace ys::gui::test;

namespace {

// Drops `files` onto the round list as a file manager would, then waits for the import.
bool drop(MainFrame* frame, const std::vector<std::string>& files, CapturedMessages& messages) {
    wxArrayString names;
    for (const auto& f : files) names.push_back(wxs(f));
    const std::size_t before = messages.messages.size();
    wxFileDropTarget* target = frame->assessments()->drop_target();
    REQUIRE(target);
    // The target a file manager's drop reaches: the round list's own.
    wxWindow* list = wxWindow::FindWindowByName(_("Rounds"), frame->assessments());
    REQUIRE(list);
    REQUIRE(list->GetDropTarget() == target);
    if (!target->OnDropFiles(10, 10, names)) return false;
    REQUIRE(pump_until([&] { return jobs_running() == 0 && messages.messages.size() > before; }, 30000));
    return true;
}

int respondents_in(MainFrame* frame, const std::string& round) {
    return store::get_round(frame->session().db(), round).respondents;
}

}  // namespace

TEST_CASE("returns: two answer files dropped onto the Assessments page are imported together", "[gui][returns]") {
    ensure_wx();
    CapturedMessages messages;
    std::string dir = scratch_dir("returns-drop");
    std::string round;
    MainFrame* frame = westford_frame(dir, round);
    frame->show_page(MainFrame::kAssessments);
    pump(100);
    write_answer_file(dir + "/sam.json", "f-00000000000000a1", "l2");
    write_answer_file(dir + "/alex.json", "f-00000000000000b2", "l4");
    REQUIRE(respondents_in(frame, round) == 0);

    REQUIRE(drop(frame, {dir + "/sam.json", dir + "/alex.json"}, messages));
    INFO(messages.all_text());
    REQUIRE(messages.errors() == 0);
    const Message& m = messages.messages.back();
    CHECK(m.title == wxS("Import finished"));
    CHECK(m.text.Contains(wxS("Imported 2 new respondents")));
    CHECK(respondents_in(frame, round) == 2);
    frame->Destroy();
    pump(50);
}

TEST_CASE("returns: a drop holding one broken file imports nothing and names that file", "[gui][returns]") {
    ensure_wx();
    CapturedMessages messages;
    std::string dir = scratch_dir("returns-drop-bad");
    std::string round;
    MainFrame* frame = westford_frame(dir, round);
    pump(100);
    write_answer_file(dir + "/sam.json", "f-00000000000000a1", "l2");
    spill_file(dir + "/cut-short.json", "{\n  \"format\": \"yardstick-answers/1\",\n  \"period\": \"2026\"\n");

    REQUIRE(drop(frame, {dir + "/sam.json", dir + "/cut-short.json"}, messages));
    REQUIRE(messages.errors() == 1);
    const Message& m = messages.messages.back();
    CHECK(m.title == wxS("Nothing was imported"));
    CHECK(m.exit_code == exit_code::invalid_input);
    CHECK(m.detail.Contains(wxS("cut-short.json")));
    CHECK(respondents_in(frame, round) == 0);  // all or nothing: the good file is not in either
    frame->Destroy();
    pump(50);
}

TEST_CASE("returns: two returned forms dropped together go in, and an older save dropped later is reported skipped",
          "[gui][returns]") {
    ensure_wx();
    CapturedMessages messages;
    std::string dir = scratch_dir("returns-forms");
    std::string round;
    MainFrame* frame = westford_frame(dir, round);
    REQUIRE(round == "westford.2026.council-quick-check");  // the round the fixtures' forms were made for
    pump(100);
    const std::string forms = std::string(YS_TEST_DATA) + "/forms/";

    REQUIRE(drop(frame, {forms + "ann-dec05.json", forms + "bob-dec05.json"}, messages));
    INFO(messages.all_text());
    REQUIRE(messages.errors() == 0);
    CHECK(messages.messages.back().text.Contains(wxS("Imported 2 new respondents")));
    CHECK(respondents_in(frame, round) == 2);

    // Ann's earlier save arrives late: kept out, and said so by file and name.
    REQUIRE(drop(frame, {forms + "ann-dec04.json"}, messages));
    REQUIRE(messages.errors() == 0);
    const Message& m = messages.messages.back();
    CHECK(m.title == wxS("Import finished"));
    CHECK(m.text.Contains(wxS("Returned forms skipped, as newer answers of the same people are kept: 1.")));
    CHECK(m.detail.Contains(wxS("ann-dec04.json: Ann Smith")));
    CHECK(m.detail.Contains(wxS("skipped")));
    CHECK_FALSE(m.detail.Contains(wxS(YS_TEST_DATA)));  // the file's name, not its whole path
    CHECK(respondents_in(frame, round) == 2);
    // The newer save's answers stay: it answered qc-skills, the older one qc-tools.
    store::LoadedRound loaded = store::load_round(frame->session().db(), round);
    bool skills = false, tools = false;
    for (const auto& r : loaded.answers.respondents)
        if (r.name == "Ann Smith")
            for (const auto& a : r.answers) {
                const std::string& id = loaded.questionnaire->questions[static_cast<std::size_t>(a.question)].id;
                skills = skills || id == "qc-skills";
                tools = tools || id == "qc-tools";
            }
    CHECK(skills);
    CHECK_FALSE(tools);
    frame->Destroy();
    pump(50);
}
