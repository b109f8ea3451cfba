// The Benchmark page's inclusion rules: shown in words, changed with their controls (and
// kept), a round below them marked in the ranks, and the button back to the defaults.
#include <catch2/catch.hpp>

#include <wx/button.h>
#include <wx/config.h>

#include "benchmark_page.h"
#include "benchmark_rules_panel.h"
#include "frames.h"
#include "gui_support.h"
#include "main_frame.h"
#include "wx_utf8.h"

using namespace ys;
using namespace ys::gui;
using namespace ys::gui::test;

namespace {

std::string one_line(wxString text) {
    text.Replace(wxS("\n"), wxS(" "));
    return u8(text);
}

}  // namespace

TEST_CASE("benchmark page: the inclusion rules in words, changed, and a round below them marked", "[gui][benchmark][rules]") {
    CapturedMessages messages;
    MainFrame* frame = demo_frame(scratch_dir("benchmark-rules"), messages);
    frame->select_organisation("eastmere");
    frame->show_page(MainFrame::kBenchmark);
    BenchmarkPage* page = frame->benchmark();
    REQUIRE(pump_until([&] { return !page->busy() && page->result().has_value(); }, 30000));
    BenchmarkRulesPanel* rules = page->rules();
    REQUIRE(rules);

    // The documented defaults, in words on the page, and what was compared.
    CHECK(one_line(rules->words()) == inclusion_rules_text(InclusionRules{}));
    CHECK(page->result()->rules.min_coverage == Approx(0.6));
    CHECK(page->result()->rules.min_respondents == 3);
    CHECK(page->result()->included.size() == 3);
    CHECK_FALSE(page->ranks_text().Contains(wxS("below the rules")));

    // Seven respondents: Northwold's six are too few. It is listed after the ranked
    // councils, marked and unranked, with the reason.
    rules->set_minimums(0.6, 7);
    REQUIRE(page->result().has_value());
    CHECK(page->result()->included.size() == 2);
    wxString ranks = page->ranks_text();
    INFO(u8(ranks));
    CHECK(ranks.Contains(wxS("Northwold District Council (fictional) (below the rules)\t")));
    wxString northwold = ranks.BeforeLast(wxS('\n')).AfterLast(wxS('\n'));  // the last row
    CHECK(northwold.StartsWith(wxS("Northwold")));
    CHECK(northwold.Contains(wxS("\tnot ranked\t")));
    CHECK(northwold.Contains(wxS("6 respondents, fewer than 7")));
    CHECK(one_line(rules->words()).find("at least 7 respondents") != std::string::npos);
    CHECK(one_line(rules->words()).find("The defaults are 60% coverage and 3 respondents.") != std::string::npos);
    // Kept for the next time the page (or the app) opens.
    CHECK(saved_benchmark_minimums().min_respondents == 7);
    CHECK(saved_benchmark_minimums().min_coverage == Approx(0.6));

    // The Defaults button puts the documented rules back.
    auto* button = dynamic_cast<wxButton*>(wxWindow::FindWindowByName(_("Back to the default rules"), rules));
    REQUIRE(button);
    CHECK(button->IsEnabled());
    wxCommandEvent click(wxEVT_BUTTON, button->GetId());
    click.SetEventObject(button);
    button->ProcessWindowEvent(click);
    REQUIRE(page->result().has_value());
    CHECK(page->result()->included.size() == 3);
    CHECK_FALSE(page->ranks_text().Contains(wxS("below the rules")));
    CHECK(one_line(rules->words()) == inclusion_rules_text(InclusionRules{}));
    CHECK_FALSE(button->IsEnabled());
    CHECK(saved_benchmark_minimums().min_respondents == 3);
    CHECK(messages.errors() == 0);
    frame->Destroy();
    pump(50);
}
