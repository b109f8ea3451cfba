// The application's forms checked as the user types (New organisation, Set target, Add a
// respondent, Import a survey CSV), with names instead of ids and dates the UK way; and the
// names, periods, dates and plurals users see (display_names.h, date_field.h).
#include <catch2/catch.hpp>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "assessments_page.h"
#include "date_field.h"
#include "dialogs.h"
#include "display_names.h"
#include "frames.h"
#include "gui_support.h"
#include "main_frame.h"
#include "session.h"
#include "wx_utf8.h"

using namespace ys;
using namespace ys::gui;
using namespace ys::gui::test;

namespace {

wxString reason(wxDialog& d, const wxString& field) {
    auto* l = wxDynamicCast(control(d, field + wxS(" problem")), wxStaticText);
    REQUIRE(l);
    wxString text = l->IsShown() ? l->GetLabel() : wxString();
    text.Replace(wxS("\n"), wxS(" "));  // wrapped to the form's width
    return text;
}

bool ok_enabled(wxDialog& d) { return d.FindWindow(wxID_OK)->IsEnabled(); }

void type(wxDialog& d, const wxString& field, const wxString& text) {
    auto* t = dynamic_cast<wxTextEntry*>(control(d, field));
    INFO(u8(field));
    REQUIRE(t);
    t->SetValue(text);
}

wxArrayString items(wxDialog& d, const wxString& field) {
    auto* c = wxDynamicCast(control(d, field), wxChoice);
    REQUIRE(c);
    return c->GetStrings();
}

}  // namespace

TEST_CASE("forms: names, periods, UK dates and plurals as users see them", "[gui][forms]") {
    ensure_wx();
    CHECK(organisation_type_name("london-borough") == wxS("London borough"));
    CHECK(organisation_type_name("metropolitan-district") == wxS("Metropolitan district"));
    CHECK(organisation_type_name("combined-authority") == wxS("Combined authority"));  // not known: still readable
    CHECK(period_name("2026-27") == wxS("2026/27"));
    CHECK(period_name("2026/27") == wxS("2026/27"));
    CHECK(period_name("2026-2027") == wxS("2026/27"));
    CHECK(period_name("2026") == wxS("2026"));
    CHECK(period_name("2026-Q1") == wxS("2026-Q1"));
    CHECK(period_name("2026-28") == wxS("2026-28"));  // not one year after the other: as stored
    CHECK(count_text(1, wxS("respondent"), wxS("respondents")) == wxS("1 respondent"));
    CHECK(count_text(0, wxS("respondent"), wxS("respondents")) == wxS("0 respondents"));
    CHECK(count_text(2, wxS("respondent"), wxS("respondents")) == wxS("2 respondents"));
    CHECK(problems_found(1) == wxS("1 problem was found; nothing was written."));
    CHECK(problems_found(3) == wxS("3 problems were found; nothing was written."));
    CHECK(uk_date("2027-03-31") == wxS("31/03/2027"));
    CHECK(iso_from_uk(wxS("31/03/2027")) == std::optional<std::string>("2027-03-31"));
    CHECK(iso_from_uk(wxS(" 1/4/2027 ")) == std::optional<std::string>("2027-04-01"));
    CHECK(iso_from_uk(wxS("01.04.2027")) == std::optional<std::string>("2027-04-01"));
    CHECK(iso_from_uk(wxS("2027-04-01")) == std::optional<std::string>("2027-04-01"));
    CHECK(iso_from_uk(wxS("")) == std::optional<std::string>(""));
    CHECK_FALSE(iso_from_uk(wxS("30/02/2027")));
    CHECK_FALSE(iso_from_uk(wxS("04/01/27")));  // a two-digit year is ambiguous
    CHECK_FALSE(iso_from_uk(wxS("1 April 2027")));
}

TEST_CASE("forms: New organisation says what is wrong as it is typed and offers names, not ids", "[gui][forms]") {
    ensure_wx();
    std::vector<store::OrgRecord> existing{{"north-vale", "North Vale (fictional)", "region", "", "", ""},
                                           {"westford", "Westford Borough Council (fictional)", "unitary", "North Vale", "", "north-vale"}};
    int shown = 0;
    DialogAnswers answers([&](wxDialog& d) {
        ++shown;
        CHECK_FALSE(ok_enabled(d));  // nothing typed yet
        CHECK(reason(d, wxS("Name")) == wxS("Name: type the organisation's name."));
        CHECK(items(d, wxS("Type")).Index(wxS("London borough")) != wxNOT_FOUND);
        CHECK(items(d, wxS("Type")).Index(wxS("london-borough")) == wxNOT_FOUND);
        CHECK(items(d, wxS("Part of")).Index(wxS("North Vale (fictional)")) != wxNOT_FOUND);

        type(d, wxS("Name"), wxS("Westford"));  // the id suggested from it is taken
        CHECK(reason(d, wxS("Name")).empty());
        CHECK(reason(d, wxS("Id")) ==
              wxS("Id: Westford Borough Council (fictional) already has the id \u201cwestford\u201d; choose another, such as westford-2."));
        CHECK_FALSE(ok_enabled(d));
        type(d, wxS("Id"), wxS("Westford Two"));
        CHECK(reason(d, wxS("Id")).StartsWith(wxS("Id: lower case letters, digits")));
        type(d, wxS("Id"), wxS("westford-two"));
        CHECK(reason(d, wxS("Id")).empty());
        CHECK(ok_enabled(d));

        type(d, wxS("ONS code"), wxS("e0900001"));
        CHECK(reason(d, wxS("ONS code")) == wxS("ONS code: a capital letter and 8 digits, such as E09000001; or leave it empty."));
        CHECK_FALSE(ok_enabled(d));
        CHECK(wxDynamicCast(control(d, wxS("ONS code")), wxTextCtrl)->GetValue() == wxS("e0900001"));  // kept as typed
        type(d, wxS("ONS code"), wxS("E09000001"));
        CHECK(ok_enabled(d));
        // The name typed again does not overwrite an id the user typed.
        type(d, wxS("Name"), wxS("Westford Two (fictional)"));
        CHECK(wxDynamicCast(control(d, wxS("Id")), wxTextCtrl)->GetValue() == wxS("westford-two"));
        return static_cast<int>(wxID_OK);
    });
    auto org = ask_organisation(nullptr, existing, "");
    CHECK(shown == 1);
    REQUIRE(org);
    CHECK(org->id == "westford-two");
    CHECK(org->ons_code == "E09000001");
}

TEST_CASE("forms: Set target takes its date the UK way, with a calendar, and refuses a date that does not exist", "[gui][forms]") {
    ensure_wx();
    Framework fw;
    fw.levels = {{1, "Initial", ""}, {2, "Developing", ""}, {3, "Defined", ""}};
    Dimension dim;
    dim.id = "governance";
    dim.name = "Governance";
    DialogAnswers answers([&](wxDialog& d) {
        auto* by = dynamic_cast<DateField*>(control(d, wxS("By")));
        REQUIRE(by);
        CHECK(by->GetValue() == wxS("31/03/2027"));  // stored 2027-03-31
        CHECK(ok_enabled(d));
        type(d, wxS("By"), wxS("30/02/2028"));
        CHECK_FALSE(ok_enabled(d));
        CHECK(reason(d, wxS("By")) == wxS("By: \u201c30/02/2028\u201d is not a date; type it as dd/mm/yyyy, such as 31/03/2027, "
                                           "or pick it from the calendar."));
        type(d, wxS("By"), wxS("1/3/2028"));
        CHECK(reason(d, wxS("By")).empty());
        CHECK(ok_enabled(d));
        return static_cast<int>(wxID_OK);
    });
    auto t = ask_target(nullptr, fw, dim, 2, "2027-03-31");
    REQUIRE(t);
    CHECK(t->by == "2028-03-01");
    CHECK(t->level == 2);
}

TEST_CASE("forms: Set target offers half-way levels (2.5) and keeps a target set at another fraction", "[gui][forms]") {
    ensure_wx();
    Framework fw;
    fw.levels = {{1, "Initial", ""}, {2, "Developing", ""}, {3, "Defined", ""}};
    Dimension dim;
    dim.id = "governance";
    dim.name = "Governance";
    wxArrayString offered;
    std::optional<TargetForm> t;
    {
        DialogAnswers answers([&](wxDialog& d) {
            auto* level = dynamic_cast<wxChoice*>(control(d, wxS("Target level")));
            REQUIRE(level);
            offered = level->GetStrings();
            CHECK(level->GetStringSelection() == wxS("2.5 (between Developing and Defined)"));  // opens at the target set
            level->SetSelection(level->FindString(wxS("1.5 (between Initial and Developing)")));
            return static_cast<int>(wxID_OK);
        });
        t = ask_target(nullptr, fw, dim, 2.5, "");
    }
    REQUIRE(t);
    CHECK(t->level == Approx(1.5));
    CHECK(offered.size() == 5);
    CHECK(offered[0] == wxS("1 Initial"));
    CHECK(offered[4] == wxS("3 Defined"));

    // 2.3 (from a targets file) is offered as it is, in its place, and kept when OK is pressed.
    DialogAnswers keep([&](wxDialog& d) {
        auto* level = dynamic_cast<wxChoice*>(control(d, wxS("Target level")));
        REQUIRE(level);
        CHECK(level->GetCount() == 6);
        CHECK(level->GetString(3) == wxS("2.3 (as set now)"));
        CHECK(level->GetSelection() == 3);
        return static_cast<int>(wxID_OK);
    });
    t = ask_target(nullptr, fw, dim, 2.3, "");
    REQUIRE(t);
    CHECK(t->level == Approx(2.3));
}

TEST_CASE("forms: Add a respondent checks the email as it is typed, name and email stay optional", "[gui][forms]") {
    ensure_wx();
    Questionnaire q;
    q.roles = {{"data-lead", "Data lead"}};
    DialogAnswers answers([&](wxDialog& d) {
        CHECK(ok_enabled(d));  // everything is optional
        type(d, wxS("Email"), wxS("Sam Patel"));
        CHECK(reason(d, wxS("Email")) == wxS("Email: an address such as sam.patel@westford.example, or leave it empty."));
        CHECK_FALSE(ok_enabled(d));
        type(d, wxS("Email"), wxS("sam.patel@westford.example"));
        CHECK(ok_enabled(d));
        type(d, wxS("Name"), wxString(wxS('x'), 201));
        CHECK(reason(d, wxS("Name")).StartsWith(wxS("Respondent name is longer than 200 characters")));
        CHECK_FALSE(ok_enabled(d));
        type(d, wxS("Name"), wxS("Sam Patel"));
        return static_cast<int>(wxID_OK);
    });
    auto r = ask_respondent(nullptr, q);
    REQUIRE(r);
    CHECK(r->email == "sam.patel@westford.example");
    CHECK(r->role == "data-lead");
}

TEST_CASE("forms: the Assessments list and Import a survey CSV name questionnaires by title, not id", "[gui][forms]") {
    CapturedMessages messages;
    MainFrame* frame = demo_frame(scratch_dir("forms-names"), messages);
    frame->select_organisation("eastmere");
    pump(100);
    wxListCtrl* list = nullptr;
    for (wxWindow* w : frame->assessments()->GetChildren())
        if (auto* l = wxDynamicCast(w, wxListCtrl)) list = l;
    REQUIRE(list);
    REQUIRE(list->GetItemCount() > 0);
    for (long i = 0; i < list->GetItemCount(); ++i) {
        wxString q = list->GetItemText(i, 1);
        INFO(u8(q));
        CHECK(q.StartsWith(wxS("Council data maturity: ")));
        CHECK_FALSE(q.Contains(wxS("council-")));
        CHECK(list->GetItemText(i, 5).Matches(wxS("?" "?/?" "?/?" "???")));  // started, the UK way
    }

    wxArrayString offered;
    DialogAnswers answers([&](wxDialog& d) {
        offered = items(d, wxS("Questionnaire"));
        auto* q = wxDynamicCast(control(d, wxS("Questionnaire")), wxChoice);
        q->SetSelection(q->FindString(wxS("Council data maturity: quick check, version 1.1")));
        type(d, wxS("Period"), wxS("2026/27"));
        return static_cast<int>(wxID_OK);
    });
    std::vector<store::OrgRecord> orgs{{"eastmere", "Eastmere (fictional)", "unitary", "", "", ""}};
    auto form = ask_csv_import(frame, orgs, "eastmere", frame->session().catalogue());
    REQUIRE(form);
    CHECK(offered.Index(wxS("Council data maturity: quick check, version 1.1")) != wxNOT_FOUND);
    for (const auto& o : offered) CHECK_FALSE(o.Contains(wxS("council-quick-check")));
    CHECK(form->questionnaire == "council-quick-check");
    CHECK(form->period == "2026/27");
    frame->Destroy();
    pump(50);
}
