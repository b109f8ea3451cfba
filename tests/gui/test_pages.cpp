// The Benchmark and Roadmap pages over the demo data of three fictional councils.
#include <algorithm>
#include <filesystem>

#include <catch2/catch.hpp>

#include "benchmark_page.h"
#include "frames.h"
#include "gui_support.h"
#include "main_frame.h"
#include "roadmap_page.h"
#include "session.h"
#include "timestamps.h"
#include "wx_utf8.h"

namespace fs = std::filesystem;
using namespace ys;
using namespace ys::gui;
using namespace ys::gui::test;

namespace {

// Eastmere's Roadmap page, costed once it is shown.
RoadmapPage* eastmere_roadmap(MainFrame* frame) {
    frame->select_organisation("eastmere");
    frame->show_page(MainFrame::kRoadmap);
    pump(100);
    return frame->roadmap();
}

}  // namespace

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
    CHECK(ranks.StartsWith(wxS("Eastmere London Borough Council (fictional) (selected)\t3.63\t1\t")));
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

TEST_CASE("roadmap page: phases and yearly costs, the team counted first, a dated copy of the assumptions", "[gui][roadmap]") {
    CapturedMessages messages;
    MainFrame* frame = demo_frame(scratch_dir("roadmap-page"), messages);
    RoadmapPage* page = eastmere_roadmap(frame);
    REQUIRE(page->plan().has_value());
    const Roadmap before = *page->plan();
    CHECK(before.years.size() == 3);
    auto heads_of_data = [](const Roadmap& r) {
        double fte = 0;
        for (const auto& h : r.hires) fte += h.role == "head-of-data" ? h.fte : 0;
        return fte;
    };
    REQUIRE(heads_of_data(before) > 0);
    CHECK(page->summary_text().Contains(wxS("in total at mid salaries")));

    // A head of data in the team now: no new one is proposed, and the cost falls.
    page->team().push_back({"head-of-data", 1});
    page->recompute();
    REQUIRE(page->plan().has_value());
    CHECK(heads_of_data(*page->plan()) == 0);
    CHECK(page->plan()->years.back().cumulative.mid < before.years.back().cumulative.mid);

    // A dated copy of the assumptions becomes the file the roadmap is costed with.
    std::string name = page->dated_copy_name();
    CHECK(name == "assumptions-england-2025-" + today_iso_date() + ".json");
    std::string copy = fs::path(YS_WORK_DIR) / "roadmap-page" / name;
    REQUIRE(page->save_dated_copy(copy));
    CHECK(fs::exists(copy));
    CHECK(page->assumptions_file() == copy);
    REQUIRE(page->plan().has_value());
    CHECK(messages.errors() == 0);
    frame->Destroy();
    pump(50);
}

TEST_CASE("roadmap page: a post in the team grows into a role and a responsibility already covered adds no role", "[gui][roadmap]") {
    CapturedMessages messages;
    MainFrame* frame = demo_frame(scratch_dir("roadmap-options"), messages);
    RoadmapPage* page = eastmere_roadmap(frame);
    REQUIRE(page->plan().has_value());
    const Roadmap before = *page->plan();
    REQUIRE_FALSE(before.hires.empty());

    // A responsibility the first post was hired for, now carried some other way, costs no
    // more; with every responsibility carried some other way, no post is added at all.
    const std::string carried = before.hires.front().covers.front().first;
    page->covered().push_back(carried);
    page->recompute();
    REQUIRE(page->plan().has_value());
    CHECK(page->plan()->years.back().cumulative.mid <= before.years.back().cumulative.mid);
    CHECK(page->options().covered == std::vector<std::string>{carried});
    page->covered().clear();
    for (const auto& p : before.phases)
        for (const auto& r : p.responsibilities)
            if (std::find(page->covered().begin(), page->covered().end(), r) == page->covered().end()) page->covered().push_back(r);
    page->recompute();
    REQUIRE(page->plan().has_value());
    CHECK(page->plan()->hires.empty());
    CHECK(page->plan()->years.back().cumulative.mid == 0);
    page->covered().clear();

    // A performance analyst in the team grows into a senior analyst: that post costs only
    // the rise in pay, and nobody is recruited for it.
    page->team().push_back({"performance-information-analyst", 1});
    page->upskill().push_back({"performance-information-analyst", "senior-data-analyst"});
    page->recompute();
    REQUIRE(page->plan().has_value());
    const RoadmapHire* grown = nullptr;
    for (const auto& h : page->plan()->hires)
        if (!h.upskilled_from.empty()) grown = &h;
    REQUIRE(grown);
    CHECK(grown->role == "senior-data-analyst");
    CHECK(grown->upskilled_from == "performance-information-analyst");
    CHECK(page->options().upskill.size() == 1);

    // Without the post in the team the roadmap says why it cannot be costed.
    page->team().clear();
    page->recompute();
    CHECK_FALSE(page->plan().has_value());
    CHECK(page->summary_text().Contains(wxS("needs one in the current team")));
    CHECK(messages.errors() == 0);
    frame->Destroy();
    pump(50);
}
