// The Benchmark page over the demo data of three fictional councils (the Roadmap page's
// tests are in test_roadmap_page.cpp and test_roadmap_scenarios.cpp).
#include <algorithm>
#include <filesystem>

#include <catch2/catch.hpp>

#include "benchmark_page.h"
#include "frames.h"
#include "gui_support.h"
#include "main_frame.h"
#include "session.h"
#include "timestamps.h"
#include "wx_utf8.h"

namespace fs = std::filesystem;
using namespace ys;
using namespace ys::gui;
using namespace ys::gui::test;

TEST_CASE("benchmark page: the region's councils compared, ranked and anonymised on request", "[gui][benchmark]") {
    CapturedMessages messages;
    MainFrame* frame = demo_frame(scratch_dir("benchmark-page"), messages);
    frame->select_organisation("eastmere");
    frame->show_page(MainFrame::kBenchmark);
    BenchmarkPage* page = frame->benchmark();
    REQUIRE(pump_until([&] { return !page->busy() && page->result().has_value(); }, 30000));
    REQUIRE_FALSE(page->groups().empty());
    CHECK(page->groups().front().selection.children_of == "demo-region");
    const BenchmarkResult& r = *page->result();
    CHECK(r.included.size() == 3);
    REQUIRE(r.viewer.has_value());
    CHECK(r.included[static_cast<std::size_t>(*r.viewer)].id == "eastmere");
    wxString ranks = page->ranks_text();
    INFO(u8(ranks));
    CHECK(ranks.StartsWith(wxS("Eastmere London Borough Council (fictional) (selected)\t3.59\t1\t")));
    CHECK(ranks.Contains(wxS("Northwold District Council (fictional)")));
    // Eastmere answered in 2025 and 2026: its overall change is shown with the periods it spans.
    wxString eastmere_row = ranks.BeforeFirst(wxS('\n'));
    CHECK(eastmere_row.Contains(wxS(" since 2025\t2026\t")));
    CHECK(ranks.Contains(wxS("one round only")));
    CHECK(page->summary_text().Contains(wxS("Eastmere London Borough Council (fictional)'s overall score: +")));
    CHECK(page->summary_text().Contains(wxS(" from 2025 to 2026")));

    page->set_anonymised(true);
    ranks = page->ranks_text();
    CHECK(ranks.Contains(wxS("Council A")));
    CHECK(ranks.Contains(wxS("Council B")));
    CHECK_FALSE(ranks.Contains(wxS("Northwold")));
    CHECK_FALSE(ranks.Contains(wxS("Ashby")));
    CHECK(ranks.Contains(wxS("Eastmere")));  // the viewer stays named

    page->choose_period("2025");
    REQUIRE(page->result().has_value());
    CHECK(page->result()->included.size() == 1);  // only Eastmere answered in 2025
    CHECK(messages.errors() == 0);
    frame->Destroy();
    pump(50);
}
