// Layouts that fit: every page of the main window (the Skills page with each of its views)
// over the demo data at the three window sizes the README shows (1024x700, 1366x768,
// 1920x1080). Names in lists are not cut, and with the figures after them need no sideways
// scrolling; no button loses part of its label, no control overlaps another or runs off the page, and
// the radar charts keep a readable radius with their labels inside and clear of each other.
#include <algorithm>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/scrolwin.h>
#include <wx/settings.h>
#include <wx/treectrl.h>

#include "assessments_page.h"
#include "benchmark_page.h"
#include "benchmark_rules_panel.h"
#include "results_page.h"
#include "charts.h"
#include "column_fit.h"
#include "frames.h"
#include "gui_support.h"
#include "main_frame.h"
#include "roadmap_page.h"
#include "scenario_editor.h"
#include "demo_skills.h"
#include "skills_page.h"
#include "wx_utf8.h"

using namespace ys;
using namespace ys::gui;
using namespace ys::gui::test;

namespace {

std::string where(wxWindow* w) { return u8(w->GetName()) + " (" + u8(w->GetClassInfo()->GetClassName()) + ")"; }

bool intersect(const wxRect2DDouble& a, const wxRect2DDouble& b) {
    const double slack = 0.5;  // anti-aliased edges may touch
    return a.m_x + slack < b.GetRight() && b.m_x + slack < a.GetRight() && a.m_y + slack < b.GetBottom() &&
           b.m_y + slack < a.GetBottom();
}

// The window's children that are shown and have a size, and all of theirs (not into lists'
// or charts' own inner windows).
void visible_controls(wxWindow* parent, std::vector<wxWindow*>& out) {
    for (wxWindow* w : parent->GetChildren()) {
        if (!w->IsShown() || w->GetSize().GetWidth() <= 0 || w->GetSize().GetHeight() <= 0) continue;
        out.push_back(w);
        if (!dynamic_cast<wxListCtrl*>(w) && !dynamic_cast<ChartPanel*>(w) && !dynamic_cast<wxChoice*>(w)) visible_controls(w, out);
    }
}

// Each cell and heading of a list fits its column with the margin a list draws around text
// (a list too narrow for every column whole scrolls sideways instead of cutting).
void check_list(wxListCtrl* list) {
    const int margin = list->FromDIP(8);
    for (int c = 0; c < list->GetColumnCount(); ++c) {
        const int width = list->GetColumnWidth(c);
        wxListItem head;
        head.SetMask(wxLIST_MASK_TEXT);
        list->GetColumn(c, head);
        INFO(where(list) << " column \"" << u8(head.GetText()) << "\" is " << width << " wide");
        CHECK(list->GetTextExtent(head.GetText()).GetWidth() + margin <= width);
        for (long row = 0; row < list->GetItemCount(); ++row) {
            const wxString text = list->GetItemText(row, c);
            INFO("row " << row << ": \"" << u8(text) << "\"");
            CHECK(list->GetTextExtent(text).GetWidth() + margin <= width);
        }
    }
    // The names and the figures after them are seen without scrolling sideways: the first
    // column and the run of number columns that follows it fit the list's width (a list may
    // scroll sideways only to its text columns further right, or when it has no figures
    // beside its names).
    auto figures = [list](int c) {
        bool any = false;
        for (long row = 0; row < list->GetItemCount(); ++row) {
            const wxString text = list->GetItemText(row, c);
            for (wxUniChar ch : text)
                if (wxIsalpha(ch)) return false;
            any = any || !text.empty();
        }
        return any;
    };
    int lead = list->GetColumnCount() > 0 ? list->GetColumnWidth(0) : 0;
    int figure_columns = 0;
    for (int c = 1; c < list->GetColumnCount() && figures(c); ++c, ++figure_columns) lead += list->GetColumnWidth(c);
    INFO(where(list) << ": its names and " << figure_columns << " number columns after them are " << lead << " wide in a list "
                     << list->GetClientSize().GetWidth() << " wide");
    if (figure_columns > 0) CHECK(lead <= list->GetClientSize().GetWidth());
    // When all the columns can fit the list whole, the list needs no sideways scrolling.
    int natural = 0, total = 0;
    for (int c = 0; c < list->GetColumnCount(); ++c) {
        natural += natural_column_width(*list, c);
        total += list->GetColumnWidth(c);
    }
    const int room = list->GetClientSize().GetWidth() - wxSystemSettings::GetMetric(wxSYS_VSCROLL_X, list) - list->FromDIP(4);
    INFO(where(list) << ": columns " << total << " wide (" << natural << " needed) in a list " << room << " wide");
    if (natural <= room) CHECK(total <= list->GetClientSize().GetWidth());
}

void check_chart(ChartPanel* chart) {
    // A chart below the fold is painted (and measured) only once the page scrolls to it.
    if (auto* page = dynamic_cast<wxScrolled<wxPanel>*>(chart->GetParent())) {
        int ppu = 1;
        page->GetScrollPixelsPerUnit(nullptr, &ppu);
        int x = 0, y = 0;
        page->CalcUnscrolledPosition(chart->GetPosition().x, chart->GetPosition().y, &x, &y);
        page->Scroll(-1, y / std::max(ppu, 1));
        pump(100);
    }
    chart->Refresh();
    chart->Update();
    pump(100);
    const ChartGeometry& g = chart->geometry();
    const wxRect2DDouble inside(0, 0, chart->GetClientSize().GetWidth(), chart->GetClientSize().GetHeight());
    INFO(where(chart) << " " << inside.m_width << "x" << inside.m_height << ", radius " << g.radius);
    if (u8(chart->GetName()).find("Radar") != std::string::npos) CHECK(g.radius >= chart->FromDIP(70));
    for (std::size_t i = 0; i < g.texts.size(); ++i) {
        const auto& t = g.texts[i];
        INFO("text " << i << " at " << t.m_x << "," << t.m_y << " " << t.m_width << "x" << t.m_height);
        CHECK(inside.Contains(t));
        for (std::size_t k = i + 1; k < g.texts.size(); ++k) {
            INFO("and text " << k << " at " << g.texts[k].m_x << "," << g.texts[k].m_y << " " << g.texts[k].m_width << "x" << g.texts[k].m_height);
            CHECK_FALSE(intersect(t, g.texts[k]));
        }
    }
}

void check_page(wxWindow* page) {
    std::vector<wxWindow*> controls;
    visible_controls(page, controls);
    REQUIRE_FALSE(controls.empty());
    const int page_width = page->GetClientSize().GetWidth();
    for (wxWindow* w : controls) {
        INFO(where(w) << " at " << w->GetPosition().x << "," << w->GetPosition().y << " size " << w->GetSize().GetWidth() << "x"
                      << w->GetSize().GetHeight());
        // Nothing runs off the page's right edge (the page scrolls up and down, not sideways).
        if (w->GetParent() == page) CHECK(w->GetPosition().x + w->GetSize().GetWidth() <= page_width);
        if (auto* b = dynamic_cast<wxButton*>(w)) CHECK(b->GetSize().GetWidth() >= b->GetBestSize().GetWidth());
        if (auto* c = dynamic_cast<wxChoice*>(w)) CHECK(c->GetSize().GetWidth() >= c->GetBestSize().GetWidth());
        if (auto* l = dynamic_cast<wxListCtrl*>(w)) check_list(l);
        if (auto* c = dynamic_cast<ChartPanel*>(w)) check_chart(c);
    }
    // Siblings never overlap.
    for (std::size_t i = 0; i < controls.size(); ++i)
        for (std::size_t k = i + 1; k < controls.size(); ++k) {
            wxWindow *a = controls[i], *b = controls[k];
            if (a->GetParent() != b->GetParent()) continue;
            INFO(where(a) << " and " << where(b));
            CHECK_FALSE(a->GetRect().Intersects(b->GetRect()));
        }
}

}  // namespace

TEST_CASE("layout: every page fits at 1024x700, 1366x768 and 1920x1080", "[gui][layout]") {
    const wxSize size = GENERATE(wxSize(1024, 700), wxSize(1366, 768), wxSize(1920, 1080));
    INFO("window " << size.GetWidth() << "x" << size.GetHeight());
    CapturedMessages messages;
    MainFrame* frame = demo_frame(scratch_dir("layout"), messages);
    frame->SetSize(size);
    pump(200);
    REQUIRE(frame->GetSize() == size);
    frame->select_organisation("eastmere");
    // The organisation tree leaves the pages most of the width.
    CHECK(frame->tree()->GetSize().GetWidth() <= size.GetWidth() / 3);
    const std::vector<wxWindow*> pages = {frame->assessments(), frame->results(), frame->benchmark(), frame->roadmap()};
    for (int page : {MainFrame::kAssessments, MainFrame::kResults, MainFrame::kBenchmark, MainFrame::kRoadmap}) {
        INFO("page " << page);
        frame->show_page(page);
        if (page == MainFrame::kBenchmark)
            REQUIRE(pump_until([&] { return !frame->benchmark()->busy() && frame->benchmark()->result().has_value(); }, 30000));
        if (page == MainFrame::kRoadmap)
            REQUIRE(frame->roadmap()->import_scenario(std::string(YS_SOURCE_DIR) + "/examples/scenarios/northmoor-data-team.json"));
        pump(400);  // the refits and rearrangements that follow a fill
        check_page(pages[static_cast<std::size_t>(page)]);
    }
    // The Skills page, over the demo's analyst team, with each of its views in turn.
    frame->select_organisation(kDemoSkillsOrganisation);
    frame->show_page(MainFrame::kSkills);
    pump(400);
    SkillsPage* skills = frame->skills();
    REQUIRE(skills->profile());
    auto* views = dynamic_cast<wxNotebook*>(wxWindow::FindWindowByName(_("Skills views"), skills));
    REQUIRE(views);
    for (std::size_t v = 0; v < views->GetPageCount(); ++v) {
        INFO("Skills page, view \"" << u8(views->GetPageText(v)) << "\"");
        views->ChangeSelection(v);
        pump(300);
        skills->Scroll(0, 0);
        check_page(skills);
    }
    CHECK(messages.errors() == 0);
    frame->Destroy();
    pump(50);
}

TEST_CASE("layout: at 1024x700 the organisation tree's names fit, shortened where too long", "[gui][layout]") {
    CapturedMessages messages;
    MainFrame* frame = demo_frame(scratch_dir("layout-tree"), messages);
    frame->SetSize(wxSize(1024, 700));
    pump(200);
    frame->select_organisation("eastmere");
    pump(200);
    // Every organisation's name is whole in the tree, or shortened with an ellipsis that ends
    // inside it; its whole name is kept.
    wxTreeCtrl* tree = frame->tree();
    const int right = tree->GetClientSize().GetWidth();
    std::vector<wxTreeItemId> items{tree->GetRootItem()};
    int shown = 0;
    while (!items.empty()) {
        wxTreeItemId item = items.back();
        items.pop_back();
        wxTreeItemIdValue cookie;
        for (wxTreeItemId c = tree->GetFirstChild(item, cookie); c.IsOk(); c = tree->GetNextChild(item, cookie)) items.push_back(c);
        if (item == tree->GetRootItem()) continue;
        wxRect r;
        if (!tree->GetBoundingRect(item, r, true)) continue;
        ++shown;
        INFO("\"" << u8(tree->GetItemText(item)) << "\" ends at " << r.GetRight() << " in a tree " << right << " wide");
        CHECK(r.GetRight() <= right);
    }
    CHECK(shown > 3);
    CHECK(messages.errors() == 0);
    frame->Destroy();
    pump(50);
}

TEST_CASE("layout: at 1024x700 the Benchmark page shows its radar and ranks without scrolling", "[gui][layout][benchmark]") {
    CapturedMessages messages;
    MainFrame* frame = demo_frame(scratch_dir("layout-benchmark"), messages);
    frame->SetSize(wxSize(1024, 700));
    pump(200);
    frame->select_organisation("eastmere");
    frame->show_page(MainFrame::kBenchmark);
    BenchmarkPage* page = frame->benchmark();
    REQUIRE(pump_until([&] { return !page->busy() && page->result().has_value(); }, 30000));
    pump(400);  // the refits and rearrangements that follow a fill
    page->Scroll(0, 0);
    pump(100);
    // The rules are in words, their controls folded away until asked for.
    REQUIRE(page->rules());
    CHECK_FALSE(page->rules()->controls_shown());
    CHECK_FALSE(page->rules()->words().empty());
    const int shown = page->GetClientSize().GetHeight();
    for (const wxString& name : {wxString(_("Radar chart against the group median")), wxString(_("Ranks"))}) {
        wxWindow* w = wxWindow::FindWindowByName(name, page);
        REQUIRE(w);
        INFO(u8(name) << " from " << w->GetPosition().y << " to " << w->GetRect().GetBottom() << " in a page " << shown << " high");
        CHECK(w->IsShown());
        CHECK(w->GetPosition().y >= 0);
        CHECK(w->GetRect().GetBottom() < shown);
    }
    if (auto* radar = dynamic_cast<ChartPanel*>(wxWindow::FindWindowByName(_("Radar chart against the group median"), page))) {
        radar->Refresh();
        radar->Update();
        pump(100);
        CHECK(radar->geometry().radius >= radar->FromDIP(70));
    }
    // Asked for, the controls show (the page may then scroll) and fold away again.
    page->rules()->show_controls(true);
    pump(100);
    CHECK(page->rules()->controls_shown());
    auto* coverage = wxWindow::FindWindowByName(_("Minimum coverage (percent)"), page);
    REQUIRE(coverage);
    CHECK(coverage->IsShownOnScreen());
    page->rules()->show_controls(false);
    pump(100);
    CHECK_FALSE(coverage->IsShownOnScreen());
    CHECK(messages.errors() == 0);
    frame->Destroy();
    pump(50);
}

TEST_CASE("layout: the tables grow with the window from 1024x700 to 1920x1080", "[gui][layout]") {
    CapturedMessages messages;
    MainFrame* frame = demo_frame(scratch_dir("layout-grow"), messages);
    frame->select_organisation("eastmere");
    // Each page's lists by name, and their sizes at the small window, then the large (charts
    // keep a readable size instead: the layout test above checks them).
    auto measure = [&](wxSize size) {
        frame->SetSize(size);
        pump(200);
        std::vector<std::pair<std::string, wxSize>> sizes;
        const std::vector<wxWindow*> pages = {frame->assessments(), frame->results(), frame->benchmark(), frame->roadmap()};
        for (int page : {MainFrame::kAssessments, MainFrame::kResults, MainFrame::kBenchmark, MainFrame::kRoadmap}) {
            frame->show_page(page);
            if (page == MainFrame::kBenchmark)
                REQUIRE(pump_until([&] { return !frame->benchmark()->busy() && frame->benchmark()->result().has_value(); }, 30000));
            if (page == MainFrame::kRoadmap && frame->roadmap()->summary_text().empty())
                REQUIRE(frame->roadmap()->import_scenario(std::string(YS_SOURCE_DIR) + "/examples/scenarios/northmoor-data-team.json"));
            pump(300);
            std::vector<wxWindow*> controls;
            visible_controls(pages[static_cast<std::size_t>(page)], controls);
            for (wxWindow* w : controls) {
                // The scenario editor's pane keeps the width its divider is dragged to; the
                // roadmap's results beside it take the growth.
                bool in_editor = false;
                for (wxWindow* p = w; p; p = p->GetParent()) in_editor = in_editor || dynamic_cast<ScenarioEditor*>(p);
                if (dynamic_cast<wxListCtrl*>(w) && !in_editor)
                    sizes.emplace_back(std::to_string(page) + " " + where(w), w->GetSize());
            }
        }
        return sizes;
    };
    const auto small = measure(wxSize(1024, 700));
    const auto large = measure(wxSize(1920, 1080));
    int compared = 0;
    for (const auto& [name, s] : small)
        for (const auto& [other, l] : large) {
            if (name != other) continue;
            ++compared;
            INFO(name << ": " << s.GetWidth() << "x" << s.GetHeight() << " at 1024x700, " << l.GetWidth() << "x" << l.GetHeight()
                      << " at 1920x1080");
            // The window is 896 px wider and 380 px taller. The tree takes up to a third of the
            // width and a chart beside a table keeps some, so a table gains a tenth of either.
            CHECK((l.GetWidth() >= s.GetWidth() + 896 / 10 || l.GetHeight() >= s.GetHeight() + 380 / 10));
        }
    CHECK(compared >= 5);
    CHECK(messages.errors() == 0);
    frame->Destroy();
    pump(50);
}
