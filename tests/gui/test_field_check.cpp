// FieldCheck and FormDialog's checks as the user types: OK disabled until every rule is
// satisfied, each reason shown beside its field and gone once corrected, nothing typed
// changed, and typing starting in the first field.
#include <catch2/catch.hpp>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "dialogs.h"
#include "field_check.h"
#include "gui_support.h"
#include "wx_utf8.h"

using namespace ys::gui;
using namespace ys::gui::test;

namespace {

bool ok_enabled(wxWindow& dlg) {
    wxWindow* ok = dlg.FindWindow(wxID_OK);
    REQUIRE(ok);
    return ok->IsEnabled();
}

}  // namespace

TEST_CASE("field check: OK is disabled and the reason shown beside the field until the rule is met", "[gui][forms]") {
    ensure_wx();
    FormDialog dlg(nullptr, wxS("Test form"));
    auto* name = dlg.add_text(wxS("Name:"), {});
    auto* code = dlg.add_text(wxS("Code:"), wxS("AB"));
    dlg.require(name, [name] { return name->GetValue().Strip(wxString::both).empty() ? wxString(wxS("Type a name.")) : wxString(); });
    dlg.require(code, [code] { return code->GetValue().length() == 3 ? wxString() : wxString(wxS("Three letters, such as ABC.")); });
    dlg.finish();

    CHECK_FALSE(ok_enabled(dlg));
    CHECK(shown_reason(dlg, wxS("Name")) == wxS("Type a name."));
    CHECK(shown_reason(dlg, wxS("Code")) == wxS("Three letters, such as ABC."));
    CHECK(dlg.problem_text() == wxS("Type a name."));

    name->SetValue(wxS("Westford"));  // a person typing sends the same wxEVT_TEXT
    CHECK(shown_reason(dlg, wxS("Name")).empty());
    CHECK(shown_reason(dlg, wxS("Code")) == wxS("Three letters, such as ABC."));
    CHECK_FALSE(ok_enabled(dlg));

    code->SetValue(wxS("ABC"));
    CHECK(shown_reason(dlg, wxS("Code")).empty());
    CHECK(ok_enabled(dlg));
    CHECK(dlg.reason_for(code).empty());

    // Wrong again: the reason comes back and what was typed stays as typed.
    code->SetValue(wxS("ABCD"));
    CHECK_FALSE(ok_enabled(dlg));
    CHECK(dlg.reason_for(code) == wxS("Three letters, such as ABC."));
    CHECK(code->GetValue() == wxS("ABCD"));
    CHECK(name->GetValue() == wxS("Westford"));
}

TEST_CASE("field check: a form rule over two fields marks the field it names and follows either field", "[gui][forms]") {
    ensure_wx();
    FormDialog dlg(nullptr, wxS("Test form"));
    auto* from = dlg.add_integer(wxS("From:"), 5, 0, 100);
    auto* to = dlg.add_integer(wxS("To:"), 3, 0, 100);
    dlg.set_check([&]() -> FormDialog::Problem {
        if (to->GetValue() < from->GetValue()) return {to, wxS("To: at least From.")};
        return {};
    });
    dlg.finish();
    CHECK_FALSE(ok_enabled(dlg));
    CHECK(shown_reason(dlg, wxS("To")) == wxS("To: at least From."));
    CHECK(shown_reason(dlg, wxS("From")).empty());

    // Changing the other field clears it: every rule is checked on every change.
    from->SetValue(2);
    wxSpinEvent e(wxEVT_SPINCTRL, from->GetId());
    e.SetEventObject(from);
    from->GetEventHandler()->ProcessEvent(e);
    CHECK(shown_reason(dlg, wxS("To")).empty());
    CHECK(ok_enabled(dlg));
}

TEST_CASE("field check: a dialog ended with OK while a field is wrong stays open and says why", "[gui][forms]") {
    ensure_wx();
    int shown = 0;
    wxString seen_second_time;
    DialogAnswers answers([&](wxDialog& d) {
        ++shown;
        auto* f = dynamic_cast<FormDialog*>(&d);
        REQUIRE(f);
        if (shown == 1) return static_cast<int>(wxID_OK);  // as if OK were pressed regardless
        seen_second_time = f->problem_text();
        wxDynamicCast(control(d, wxS("Name")), wxTextCtrl)->SetValue(wxS("Eastbury"));
        return static_cast<int>(wxID_OK);
    });
    FormDialog dlg(nullptr, wxS("Test form"));
    auto* name = dlg.add_text(wxS("Name:"), {});
    dlg.require(name, [name] { return name->IsEmpty() ? wxString(wxS("Type a name.")) : wxString(); });
    dlg.finish();
    CHECK(dlg.run());
    CHECK(shown == 2);
    CHECK(seen_second_time == wxS("Type a name."));
    CHECK(name->GetValue() == wxS("Eastbury"));
}

TEST_CASE("field check: typing starts in the first field, not on OK", "[gui][forms]") {
    ensure_wx();
    auto* dlg = new FormDialog(nullptr, wxS("Test form"));
    wxArrayString items;
    items.push_back(wxS("One"));
    auto* first = dlg->add_choice(wxS("Kind:"), items, 0);
    dlg->add_text(wxS("Name:"), wxS("x"));
    dlg->finish();
    dlg->Show();
    CHECK(pump_until([&] { return wxWindow::FindFocus() == first; }, 3000));
    dlg->Destroy();
    pump();
}

TEST_CASE("field check: works on a plain dialog with labels placed by the caller, and survives its checker", "[gui][forms]") {
    ensure_wx();
    auto* dlg = new wxDialog(nullptr, wxID_ANY, wxS("Plain"));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* text = new wxTextCtrl(dlg, wxID_ANY);
    auto* reason = make_reason_label(dlg, wxS("Text"));
    sizer->Add(text);
    sizer->Add(reason);
    sizer->Add(dlg->CreateStdDialogButtonSizer(wxOK | wxCANCEL));
    dlg->SetSizerAndFit(sizer);
    {
        FieldCheck check(dlg, dlg->FindWindow(wxID_OK));
        check.watch(text, reason, [text] { return text->GetValue() == wxS("yes") ? wxString() : wxString(wxS("Type yes.")); });
        CHECK_FALSE(check.valid());
        CHECK(reason->IsShown());
        CHECK(reason->GetLabel() == wxS("Type yes."));
        CHECK_FALSE(dlg->FindWindow(wxID_OK)->IsEnabled());
        text->SetValue(wxS("yes"));
        CHECK_FALSE(reason->IsShown());
        CHECK(dlg->FindWindow(wxID_OK)->IsEnabled());
        CHECK(check.reasons().empty());
    }
    text->SetValue(wxS("no"));  // the checker is gone: nothing reacts, nothing crashes
    CHECK(dlg->FindWindow(wxID_OK)->IsEnabled());
    dlg->Destroy();
    pump();
}
