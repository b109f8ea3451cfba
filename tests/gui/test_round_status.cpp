// Who has answered: the Assessments page's button opens the round's status (store::round_status):
// the invitation list with who returned answers and when, those not on the list, coverage;
// an invitation list imported from CSV (bad rows named by row and column, nothing written)
// and the CSV of those still to reply, refused over the database and asked before replacing.
#include <filesystem>

#include <catch2/catch.hpp>
#include <wx/button.h>
#include <wx/listctrl.h>

#include "assessments_page.h"
#include "exit_codes.h"
#include "frames.h"
#include "gui_support.h"
#include "main_frame.h"
#include "returns_support.h"
#include "round_status_dialog.h"
#include "session.h"
#include "worker.h"
#include "wx_utf8.h"

namespace fs = std::filesystem;
using namespace ys;
using namespace ys::gui;
using namespace ys::gui::test;

namespace {

const std::string kForms = std::string(YS_TEST_DATA) + "/forms/";

void import_and_wait(MainFrame* frame, const std::vector<std::string>& files) {
    bool finished = false, ok = false;
    frame->import_files(files, [&](bool r) {
        finished = true;
        ok = r;
    });
    REQUIRE(pump_until([&] { return finished; }, 30000));
    REQUIRE(ok);
}

// The invitation list's rows as "name|answered", in the order shown.
std::vector<std::string> rows(wxListCtrl* list) {
    std::vector<std::string> out;
    for (long i = 0; i < list->GetItemCount(); ++i) out.push_back(u8(list->GetItemText(i, 0) + wxS("|") + list->GetItemText(i, 4)));
    return out;
}

}  // namespace

TEST_CASE("round status: the dialog lists the invitees, who has answered, coverage, and writes those still to reply",
          "[gui][status]") {
    ensure_wx();
    CapturedMessages messages;
    std::string dir = scratch_dir("status-list");
    std::string round;
    MainFrame* frame = westford_frame(dir, round);
    pump(100);
    auto* dlg = new RoundStatusDialog(frame, *frame, round);
    CHECK(dlg->invitees()->GetItemCount() == 0);
    CHECK(dlg->summary_text().Contains(wxS("No invitation list yet")));

    // A list with bad rows is refused whole, each named by row and column.
    CHECK_FALSE(dlg->import_list(kForms + "invitations-bad.csv"));
    REQUIRE(messages.errors() == 1);
    CHECK(messages.messages.back().title == _("Invitation list not imported"));
    CHECK(messages.messages.back().exit_code == exit_code::invalid_input);
    CHECK(messages.messages.back().detail.Contains(wxS("row 3")));
    CHECK(messages.messages.back().detail.Contains(wxS("column")));
    CHECK(dlg->invitees()->GetItemCount() == 0);

    REQUIRE(dlg->import_list(kForms + "invitations.csv"));
    CHECK(messages.errors() == 1);
    CHECK(dlg->invitees()->GetItemCount() == 4);

    // Ann (by her exact name: her form gave another email) and Bob (by email, whatever its case) answer.
    import_and_wait(frame, {kForms + "ann-dec05.json", kForms + "bob-dec05.json", kForms + "anonymous-dec05.json"});
    REQUIRE(dlg->reload());
    INFO(messages.all_text());
    CHECK(dlg->summary_text().Contains(wxS("2 of the 4 people invited have answered (50%)")));
    auto shown = rows(dlg->invitees());
    REQUIRE(shown.size() == 4);
    CHECK(std::count(shown.begin(), shown.end(), "Ann Smith|Yes") == 1);
    CHECK(std::count(shown.begin(), shown.end(), "Bob Jones|Yes") == 1);
    CHECK(std::count(shown.begin(), shown.end(), "Carol White|No") == 1);
    CHECK(dlg->others()->GetItemCount() == 1);  // the anonymous respondent, not on the list
    REQUIRE(dlg->coverage()->GetItemCount() >= 3);
    CHECK(dlg->coverage()->GetItemText(0, 0) == _("Everyone invited"));
    CHECK(dlg->coverage()->GetItemText(0, 3) == wxS("50%"));

    // A click on the Answered heading puts those who have not answered first; a second, last.
    wxListEvent click(wxEVT_LIST_COL_CLICK, dlg->invitees()->GetId());
    click.m_col = 4;
    click.SetEventObject(dlg->invitees());
    dlg->invitees()->GetEventHandler()->ProcessEvent(click);
    CHECK(rows(dlg->invitees()).front().find("|No") != std::string::npos);
    dlg->invitees()->GetEventHandler()->ProcessEvent(click);
    CHECK(rows(dlg->invitees()).front().find("|Yes") != std::string::npos);

    const std::string pending = dir + "/still to reply.csv";
    REQUIRE(dlg->save_pending(pending));
    const std::string csv = slurp_file(pending);
    CHECK(csv.rfind("name,email,role,department", 0) == 0);
    CHECK(csv.find("carol.white@westford.example") != std::string::npos);
    CHECK(csv.find("dave@westford.example") != std::string::npos);
    CHECK(csv.find("bob.jones") == std::string::npos);
    CHECK(csv.find("Ann Smith") == std::string::npos);
    CHECK(csv.find("'=HYPERLINK") != std::string::npos);  // a formula-like name is neutralised
    CHECK((fs::status(pending).permissions() & fs::perms::others_read) == fs::perms::none);  // names and emails: owner only

    // Never over the database; an existing file only when the user agrees.
    const std::string db = frame->session().path();
    const std::string db_before = slurp_file(db);
    const std::size_t questions = messages.questions.size();
    CHECK_FALSE(dlg->save_pending(db));
    CHECK(messages.messages.back().title == _("List not saved"));
    CHECK(messages.messages.back().exit_code == exit_code::usage);
    CHECK(messages.questions.size() == questions);
    CHECK(slurp_file(db) == db_before);
    spill_file(dir + "/mine.csv", "mine");
    messages.answer = 1;  // Cancel
    CHECK_FALSE(dlg->save_pending(dir + "/mine.csv"));
    CHECK(slurp_file(dir + "/mine.csv") == "mine");
    dlg->Destroy();
    frame->Destroy();
    pump(50);
}

TEST_CASE("round status: the Assessments page's Who has answered button opens it for the chosen round", "[gui][status]") {
    ensure_wx();
    CapturedMessages messages;
    std::string dir = scratch_dir("status-button");
    std::string round;
    MainFrame* frame = westford_frame(dir, round);
    frame->show_page(MainFrame::kAssessments);
    pump(100);
    REQUIRE(frame->assessments()->selected_round() == round);
    import_and_wait(frame, {kForms + "bob-dec05.json"});
    int shown = -1;
    DialogAnswers answers([&](wxDialog& d) {
        if (auto* status = dynamic_cast<RoundStatusDialog*>(&d)) {
            CHECK(status->status().round == round);
            shown = status->others()->GetItemCount();
        }
        return static_cast<int>(wxID_CANCEL);
    });
    auto* button = wxDynamicCast(wxWindow::FindWindowByLabel(_("&Who has answered\u2026"), frame->assessments()), wxButton);
    REQUIRE(button);
    frame->assessments()->UpdateWindowUI(wxUPDATE_UI_RECURSE);
    REQUIRE(button->IsEnabled());
    wxCommandEvent press(wxEVT_BUTTON, button->GetId());
    press.SetEventObject(button);
    button->GetEventHandler()->ProcessEvent(press);
    CHECK(answers.titles.size() == 1);
    CHECK(shown == 1);  // Bob answered; there is no list yet
    INFO(messages.all_text());
    CHECK(messages.errors() == 0);
    frame->Destroy();
    pump(50);
}
