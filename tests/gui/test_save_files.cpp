// Saving outputs as a person does: File > Reports, Export workbook, Export bundle and CSV
// suggest a name of the organisation, the output and the date in the folder last saved to
// (Documents at first), and offer to open the file or its folder once written.
#include <filesystem>
#include <fstream>
#include <string>

#include <catch2/catch.hpp>

#include <wx/button.h>
#include <wx/config.h>
#include <wx/filedlg.h>
#include <wx/menu.h>
#include <wx/stdpaths.h>

#include "frames.h"
#include "gui_support.h"
#include "main_frame.h"
#include "report_dialog.h"
#include "save_files.h"
#include "wx_utf8.h"
#include "workbook_export.h"

namespace fs = std::filesystem;
using namespace ys;
using namespace ys::gui;
using namespace ys::gui::test;

namespace {

const char* const kEastmere = "Eastmere London Borough Council (fictional)";

void forget_folder() {
    wxConfigBase::Get()->DeleteEntry(wxS("/Outputs/Folder"));
}

wxString in_folder(const wxString& folder, const std::string& name) { return path_in(folder, name); }

void click(wxWindow* button) {
    wxCommandEvent e(wxEVT_BUTTON, button->GetId());
    e.SetEventObject(button);
    button->GetEventHandler()->ProcessEvent(e);
}

}  // namespace

TEST_CASE("save files: a default name says whose, what and when, and is a valid file name on Windows", "[gui][save]") {
    CHECK(output_file_name("Eastmere London Borough Council", "action plan", "2026-12-05", ".pdf") ==
          "Eastmere London Borough Council action plan 2026-12-05.pdf");
    // Characters Windows refuses become spaces, never doubled; no trailing dot or space.
    CHECK(output_file_name("Bad/Name: \"Council\"? <A|B>*\\", "benchmark", "2026-12-05", ".pdf") ==
          "Bad Name Council A B benchmark 2026-12-05.pdf");
    CHECK(output_file_name("Ynys M\xc3\xb4n", "results", "", ".xlsx") == "Ynys M\xc3\xb4n results.xlsx");
    CHECK(output_file_name("Tab\tand\nnewline.", "", "", ".csv") == "Tab and newline.csv");
    CHECK(output_file_name("", "", "", ".json") == "Yardstick.json");
}

#ifdef YARDSTICK_HAVE_JOBS
TEST_CASE("save files: Reports suggests the organisation, report and date in Documents, then the folder last used",
          "[gui][save]") {
    ensure_wx();
    CapturedMessages messages;
    const std::string dir = scratch_dir("save-report");
    MainFrame* frame = demo_frame(dir, messages);
    forget_folder();
    const std::string today = today_iso();
    const wxString docs = wxStandardPaths::Get().GetDocumentsDir();

    auto* dlg = new ReportDialog(frame, *frame, "eastmere", "");
    CHECK(dlg->pdf_path() == in_folder(docs, std::string(kEastmere) + " action plan " + today + ".pdf"));
    CHECK(dlg->folder_path() == docs);
    dlg->set_kind(ReportDialog::kBenchmark);
    wxCommandEvent radio(wxEVT_RADIOBOX, dlg->GetId());
    // The name follows the kind chosen (as a click on the radio box does).
    for (wxWindow* c : dlg->GetChildren())
        if (c->GetName() == _("Report")) {
            radio.SetEventObject(c);
            c->GetEventHandler()->ProcessEvent(radio);
        }
    CHECK(dlg->pdf_path() == in_folder(docs, std::string(kEastmere) + " benchmark " + today + ".pdf"));
    dlg->set_kind(ReportDialog::kActionPlan);

    // Made with the Make report button into a folder of the user's: offered to open, and the
    // folder is the next report's.
    const std::string pdf = dir + "/mine.pdf";
    dlg->set_pdf(pdf);
    messages.answer = 1;  // Open the folder
    click(dlg->FindWindow(wxID_OK));
    REQUIRE(pump_until([&] { return !dlg->busy() && fs::exists(pdf); }, 60000));
    REQUIRE(pump_until([&] { return !messages.launched.empty(); }, 5000));
    INFO(messages.all_text());
    CHECK(messages.errors() == 0);
    REQUIRE(messages.questions.size() == 1);
    CHECK(u8(messages.questions[0]) == "Report made");
    CHECK(messages.launched == std::vector<wxString>{wxs(dir)});
    dlg->Destroy();

    auto* next = new ReportDialog(frame, *frame, "eastmere", "");
    CHECK(next->pdf_path() == in_folder(wxs(dir), std::string(kEastmere) + " action plan " + today + ".pdf"));
    CHECK(next->folder_path() == wxs(dir));
    next->Destroy();

    // A remembered folder that has gone: Documents again, not a folder that fails to save.
    fs::remove_all(dir + "/gone");
    fs::create_directories(dir + "/gone");
    remember_output_folder(dir + "/gone/x.pdf");
    fs::remove_all(dir + "/gone");
    auto* after = new ReportDialog(frame, *frame, "eastmere", "");
    CHECK(after->folder_path() == docs);
    after->Destroy();
    frame->Destroy();
    pump(50);
}

TEST_CASE("save files: Export workbook suggests a name for each kind and offers to open what it wrote", "[gui][save]") {
    ensure_wx();
    CapturedMessages messages;
    const std::string dir = scratch_dir("save-workbook");
    MainFrame* frame = demo_frame(dir, messages);
    frame->select_organisation("eastmere");
    remember_output_folder(dir + "/anything.pdf");  // as after a report saved here
    const std::string today = today_iso();
    auto* dlg = new WorkbookDialog(frame, *frame, "eastmere", workbook_source(*frame));
    CHECK(dlg->output() == in_folder(wxs(dir), std::string(kEastmere) + " results " + today + ".xlsx"));
    dlg->set_kind(WorkbookDialog::kBenchmark);
    CHECK(dlg->output() == in_folder(wxs(dir), std::string(kEastmere) + " benchmark " + today + ".xlsx"));
    dlg->set_kind(WorkbookDialog::kResults);
    const std::string out = u8(dlg->output());
    REQUIRE_FALSE(fs::exists(out));
    messages.answer = 0;  // Open it
    click(dlg->FindWindow(wxID_OK));
    REQUIRE(pump_until([&] { return !messages.launched.empty(); }, 60000));
    INFO(messages.all_text());
    CHECK(fs::exists(out));
    CHECK(messages.launched == std::vector<wxString>{wxs(out)});
    CHECK(u8(messages.questions.back()) == "Workbook written");
    dlg->Destroy();
    frame->Destroy();
    pump(50);
}
#endif

TEST_CASE("save files: Export bundle and Export CSV suggest the organisation's name and the date in the last folder",
          "[gui][save]") {
    ensure_wx();
    CapturedMessages messages;
    const std::string dir = scratch_dir("save-bundle");
    MainFrame* frame = demo_frame(dir, messages);
    frame->select_organisation("eastmere");
    remember_output_folder(dir + "/earlier.pdf");
    std::vector<wxString> suggested;
    // GTK's file chooser cannot be given a path unseen: the suggestion is read, then cancelled
    // (what is offered after writing is the Reports and workbook tests' offer_to_open).
    DialogAnswers answers([&](wxDialog& d) {
        if (auto* files = dynamic_cast<wxFileDialog*>(&d)) suggested.push_back(path_in(files->GetDirectory(), u8(files->GetFilename())));
        return wxID_CANCEL;
    });
    for (const char* item : {"Export bundle\u2026", "Export CSV\u2026"}) {
        const int id = frame->GetMenuBar()->FindMenuItem(_("File"), wxs(item));
        REQUIRE(id != wxNOT_FOUND);
        wxCommandEvent menu(wxEVT_MENU, id);
        frame->GetEventHandler()->ProcessEvent(menu);
    }
    const std::string today = today_iso();
    CHECK(suggested == std::vector<wxString>{in_folder(wxs(dir), std::string(kEastmere) + " bundle " + today + ".json"),
                                             in_folder(wxs(dir), std::string(kEastmere) + " answers " + today + ".csv")});
    CHECK(messages.questions.empty());  // cancelled: nothing asked, nothing written
    CHECK(messages.messages.empty());
    frame->Destroy();
    pump(50);
}
