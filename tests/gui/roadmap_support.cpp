#include "roadmap_support.h"

#include <catch2/catch.hpp>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/spinctrl.h>
#include <wx/textctrl.h>

#include "gui_support.h"
#include "main_frame.h"
#include "money_text.h"
#include "number_format.h"
#include "roadmap_page.h"
#include "scored_rounds.h"
#include "session.h"
#include "wx_utf8.h"

namespace ys::gui::test {

RoadmapPage* eastmere_roadmap(MainFrame* frame) {
    frame->select_organisation("eastmere");
    frame->show_page(MainFrame::kRoadmap);
    pump(100);
    return frame->roadmap();
}

void press(wxWindow* where, const wxString& name) {
    auto* b = wxDynamicCast(wxWindow::FindWindowByName(name, where), wxButton);
    INFO(u8(name));
    REQUIRE(b);
    wxCommandEvent e(wxEVT_BUTTON, b->GetId());
    e.SetEventObject(b);
    b->GetEventHandler()->ProcessEvent(e);
}

bool pick(wxWindow& dialog, const wxString& control_name, const wxString& item) {
    auto* c = wxDynamicCast(control(dialog, control_name), wxChoice);
    if (!c) return false;
    int i = c->FindString(item);
    if (i == wxNOT_FOUND) return false;
    c->SetSelection(i);
    wxCommandEvent e(wxEVT_CHOICE, c->GetId());
    e.SetEventObject(c);
    e.SetInt(i);
    c->GetEventHandler()->ProcessEvent(e);
    return true;
}

void type(wxWindow& dialog, const wxString& control_name, const wxString& text) {
    // A text box or a date field (both take typing as wxTextEntry).
    auto* t = dynamic_cast<wxTextEntry*>(control(dialog, control_name));
    INFO(u8(control_name));
    REQUIRE(t);
    t->SetValue(text);
}

void set_number(wxWindow& dialog, const wxString& control_name, double value) {
    wxWindow* w = control(dialog, control_name);
    INFO(u8(control_name));
    REQUIRE(w);
    if (auto* d = wxDynamicCast(w, wxSpinCtrlDouble)) d->SetValue(value);
    else if (auto* i = wxDynamicCast(w, wxSpinCtrl)) i->SetValue(static_cast<int>(value));
    else FAIL("not a number control");
}

EngineRun engine_run(MainFrame* frame, RoadmapPage* page, const std::string& round_id) {
    Session& s = frame->session();
    Diagnostics diags;
    auto inputs = load_roadmap_inputs(s.shipped_roles_file(), page->assumptions_file(), s.library_dirs(), diags);
    REQUIRE(inputs);
    EngineRun run{std::move(*inputs), std::nullopt, std::nullopt, {}};
    RoadmapRequest req = page->options();
    req.framework = run.inputs.framework.get();
    req.roles = &run.inputs.roles;
    req.assumptions = &run.inputs.assumptions;
    if (!round_id.empty()) {
        ScoreReport report = store::score_stored_rounds(s.db(), {round_id}, ScoreOptions{false, false});
        REQUIRE(report.ok());
        run.scored = report.rounds.front();
        req.framework = run.scored->framework.get();
        req.current = &run.scored->result;
    }
    run.plan = build_roadmap(req, run.error);
    return run;
}

wxString expected_cover(const Roadmap& r, const Framework& fw) {
    wxString out;
    for (const auto& c : r.cover) {
        const Responsibility* resp = fw.find_responsibility(c.responsibility);
        wxString status = wxs(c.text());
        status[0] = wxToupper(status[0]);
        out += wxs(resp ? resp->name : c.responsibility) + wxS("\t") + status + wxS("\t") + wxs(plain(c.needed, 2)) + wxS("\t") +
               wxs(plain(c.held, 2)) + wxString::Format(wxS("\t%d\n"), c.phase);
    }
    return out;
}

wxString expected_total_row(const Roadmap& r) {
    ScenarioSummary s = summarise("", r);
    return wxS("Total\t") + wxs(money_words(s.total.low)) + wxS("\t") + wxs(money_words(s.total.mid)) + wxS("\t") +
           wxs(money_words(s.total.high)) + wxS("\t") + (r.team.empty() ? wxString() : wxs(money_words(s.team_cost.mid))) + wxS("\n");
}

}  // namespace ys::gui::test
