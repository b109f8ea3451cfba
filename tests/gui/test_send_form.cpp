// File > Send questionnaire: the offline form of the round chosen on the Assessments page,
// written by the same job as `yardstick-cli form` (jobs::write_form). Offered only for an
// open round; an unsafe output is refused before any question, an existing file is replaced
// only when the user agrees.
#include <filesystem>

#include <catch2/catch.hpp>
#include <wx/filedlg.h>
#include <wx/menu.h>
#include <wx/textctrl.h>

#include "assessments_page.h"
#include "exit_codes.h"
#include "form_commands.h"
#include "frames.h"
#include "gui_support.h"
#include "main_frame.h"
#include "organisations.h"
#include "returns_support.h"
#include "rounds.h"
#include "session.h"
#include "wx_utf8.h"

namespace fs = std::filesystem;
using namespace ys;
using namespace ys::gui;
using namespace ys::gui::test;

namespace {

// Whether the menu shows the item enabled now (after the window's update-UI pass).
bool menu_enabled(MainFrame* frame, const wxString& menu, const wxString& item) {
    wxMenuBar* bar = frame->GetMenuBar();
    int id = bar->FindMenuItem(menu, item);
    REQUIRE(id != wxNOT_FOUND);
    frame->DoMenuUpdates();
    return bar->IsEnabled(id);
}

const wxString kSend = wxS("Send questionnaire\u2026");

// Fills the Send questionnaire dialog as a person would and presses OK.
DialogAnswers fill_send_dialog(const std::string& note, const std::string& reply_to) {
    return DialogAnswers([note, reply_to](wxDialog& d) {
        if (d.GetTitle() != _("Send questionnaire")) return static_cast<int>(wxID_CANCEL);
        auto* n = wxDynamicCast(control(d, _("Note for colleagues")), wxTextCtrl);
        auto* r = wxDynamicCast(control(d, _("Send answers back to")), wxTextCtrl);
        REQUIRE(n);
        REQUIRE(r);
        n->SetValue(wxs(note));
        r->SetValue(wxs(reply_to));
        return static_cast<int>(wxID_OK);
    });
}

}  // namespace

TEST_CASE("send form: Send questionnaire is offered only while an open round is chosen, Who has answered for any round",
          "[gui][form]") {
    ensure_wx();
    CapturedMessages messages;
    std::string dir = scratch_dir("send-menu");
    std::string round;
    MainFrame* frame = westford_frame(dir, round);
    frame->show_page(MainFrame::kAssessments);
    pump(100);
    REQUIRE(frame->assessments()->selected_round() == round);
    CHECK(menu_enabled(frame, _("File"), kSend));

    store::set_round_status(frame->session().db(), round, "closed");
    frame->data_changed();
    pump(100);
    REQUIRE(frame->assessments()->selected_round() == round);
    CHECK_FALSE(menu_enabled(frame, _("File"), kSend));
    CHECK(menu_enabled(frame, _("Edit"), wxS("Who has answered\u2026")));  // a closed round's list can still be seen

    // An organisation without rounds: nothing chosen, nothing to send.
    store::add_organisation(frame->session().db(), {"eastbury", "Eastbury (fictional)", "district", "", "", ""});
    frame->organisations_changed();
    frame->select_organisation("eastbury");
    pump(100);
    CHECK(frame->assessments()->selected_round().empty());
    CHECK_FALSE(menu_enabled(frame, _("File"), kSend));
    CHECK_FALSE(menu_enabled(frame, _("Edit"), wxS("Who has answered\u2026")));
    CHECK(menu_enabled(frame, _("File"), wxS("Export workbook\u2026")));  // an organisation is enough for that
    frame->Destroy();
    pump(50);
}

TEST_CASE("send form: the form written for the round carries its id, the note and where to send it back", "[gui][form]") {
    ensure_wx();
    CapturedMessages messages;
    std::string dir = scratch_dir("send-write");
    std::string round;
    MainFrame* frame = westford_frame(dir, round);
    pump(100);
    std::string offered;
    auto answers = fill_send_dialog("Please reply by 16 January \u2013 diolch!", "Sam Patel, data@westford.example");
    std::string written = send_questionnaire(*frame, round, [&](const std::string& default_path) {
        offered = default_path;
        return dir + "/form.html";
    });
    INFO(messages.all_text());
    REQUIRE(written == dir + "/form.html");
    CHECK(answers.titles.size() == 1);
    CHECK(fs::path(offered).filename() == "Westford (fictional) 2026 council quick check form.html");
    const std::string html = slurp_file(written);
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find(round) != std::string::npos);
    CHECK(html.find("diolch") != std::string::npos);
    CHECK(html.find("data@westford.example") != std::string::npos);
    // Then what to do next, with a button that opens the folder (the test answers Close).
    REQUIRE(messages.questions.size() == 1);
    CHECK(messages.questions.back() == _("Form written"));
    CHECK(messages.errors() == 0);

    // The reply-to is offered again next time.
    wxString offered_reply;
    DialogAnswers peek([&](wxDialog& d) {
        if (auto* r = wxDynamicCast(control(d, _("Send answers back to")), wxTextCtrl)) offered_reply = r->GetValue();
        return static_cast<int>(wxID_CANCEL);
    });
    CHECK(send_questionnaire(*frame, round, [](const std::string&) { return std::string(); }).empty());
    CHECK(offered_reply == wxS("Sam Patel, data@westford.example"));
    frame->Destroy();
    pump(50);
}

TEST_CASE("send form: the database as the form's file is refused before any question, and a kept file stays as it was",
          "[gui][form]") {
    ensure_wx();
    CapturedMessages messages;
    std::string dir = scratch_dir("send-refused");
    std::string round;
    MainFrame* frame = westford_frame(dir, round);
    pump(100);
    const std::string db = frame->session().path();
    const std::string db_before = slurp_file(db);
    CHECK_FALSE(write_round_form(*frame, round, {}, db));
    REQUIRE(messages.errors() == 1);
    CHECK(messages.messages.back().title == _("Form not written"));
    CHECK(messages.messages.back().exit_code == exit_code::usage);
    CHECK(messages.questions.empty());
    CHECK(slurp_file(db) == db_before);

    const std::string mine = dir + "/mine.html";
    spill_file(mine, "my own page");
    messages.answer = 1;  // Cancel "Replace file?"
    CHECK_FALSE(write_round_form(*frame, round, {}, mine));
    CHECK(slurp_file(mine) == "my own page");

    // A closed round is not sent: the job's refusal, in its words.
    messages.answer = 0;
    store::set_round_status(frame->session().db(), round, "closed");
    CHECK_FALSE(write_round_form(*frame, round, {}, dir + "/closed.html"));
    CHECK(messages.errors() == 2);
    CHECK_FALSE(fs::exists(dir + "/closed.html"));
    frame->Destroy();
    pump(50);
}
