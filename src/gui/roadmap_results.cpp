#include "roadmap_results.h"

#include "wx_utf8.h"  // first: the UTF-8 _()

#include <algorithm>

#include <wx/graphics.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/scrolwin.h>
#include <wx/settings.h>

#include "column_fit.h"
#include "charts.h"
#include "money_text.h"
#include "number_format.h"
#include "roadmap_words.h"

namespace ys::gui {
namespace {

wxListCtrl* report_list(wxWindow* parent, const wxString& name, const wxString& tip,
                        const std::vector<std::pair<wxString, int>>& columns, const std::vector<int>& right) {
    auto* l = new wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL, wxDefaultValidator,
                             name);
    l->SetToolTip(tip);
    int c = 0;
    for (const auto& [title, width] : columns) {
        bool r = std::find(right.begin(), right.end(), c) != right.end();
        l->AppendColumn(title, r ? wxLIST_FORMAT_RIGHT : wxLIST_FORMAT_LEFT, parent->FromDIP(width));
        ++c;
    }
    keep_columns_fitted(*l, 0);
    return l;
}

long add_row(wxListCtrl* l, const std::vector<wxString>& cells) {
    long r = l->InsertItem(l->GetItemCount(), cells.empty() ? wxString() : cells[0]);
    for (std::size_t c = 1; c < cells.size(); ++c) l->SetItem(r, static_cast<int>(c), cells[c]);
    return r;
}

wxString list_text(const wxListCtrl* l) {
    wxString out;
    for (long r = 0; r < l->GetItemCount(); ++r) {
        for (int c = 0; c < l->GetColumnCount(); ++c) out += (c ? wxS("\t") : wxString()) + l->GetItemText(r, c);
        out += wxS("\n");
    }
    return out;
}

wxString money(double pounds) { return wxs(money_words(pounds)); }
wxString fte(double v) { return wxs(plain(v, 2)); }

wxString origin_words(PostOrigin o) {
    switch (o) {
        case PostOrigin::Team: return _("Existing team");
        case PostOrigin::Planned: return _("Planned");
        case PostOrigin::Proposed: return _("Proposed");
    }
    return {};
}

wxString capitalised(const std::string& s) {
    wxString w = wxs(s);
    if (!w.empty()) w[0] = wxToupper(w[0]);
    return w;
}

}  // namespace

// Read-only text that wraps to its width and scrolls. A static text rather than a
// read-only multi-line text control: GTK's text view crashes when its text is set before
// the notebook page it sits on was first shown.
class TextPane : public wxScrolledWindow {
public:
    TextPane(wxWindow* parent, const wxString& name, const wxSize& min)
        : wxScrolledWindow(parent, wxID_ANY, wxDefaultPosition, min, wxVSCROLL | wxBORDER_THEME, name) {
        SetScrollRate(0, FromDIP(10));
        SetBackgroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW));
        text_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
        text_->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT));
        text_->SetName(name);
        auto* s = new wxBoxSizer(wxVERTICAL);
        s->Add(text_, 0, wxALL, FromDIP(6));
        SetSizer(s);
        Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
            e.Skip();
            CallAfter([this] { wrap(); });
        });
    }
    void set_text(const wxString& t) {
        plain_ = t;
        wrap();
    }
    void set_colours(const wxColour& background, const wxColour& text) {
        SetBackgroundColour(background);
        text_->SetForegroundColour(text);
    }
    // Grows with its text up to `h`, then scrolls (0: as its sizer makes it).
    void set_max_height(int h) { max_height_ = h; }
    const wxString& text() const { return plain_; }

private:
    void wrap() {
        text_->SetLabel(plain_);
        text_->Wrap(std::max(FromDIP(120), GetClientSize().GetWidth() - FromDIP(16)));
        if (max_height_ > 0) {
            int h = std::min(max_height_, text_->GetBestSize().GetHeight() + FromDIP(14));
            if (GetMinSize().GetHeight() != h) {
                SetMinSize(wxSize(-1, h));
                if (GetParent()) GetParent()->Layout();
            }
        }
        FitInside();
    }
    int max_height_ = 0;
    wxStaticText* text_;
    wxString plain_;
};

RoadmapResults::RoadmapResults(wxWindow* parent)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, _("Roadmap results")) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    summary_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    summary_->SetName(_("Roadmap summary"));
    top->Add(summary_, 0, wxEXPAND | wxBOTTOM, FromDIP(6));

    // Warnings stand apart, on a colour of their own that reads in light and dark themes.
    // Several warnings scroll rather than push the results off the page.
    warnings_ = new TextPane(this, _("Roadmap warnings"), FromDIP(wxSize(-1, 40)));
    const wxColour amber(0xff, 0xf0, 0xc0);
    warnings_->set_colours(amber, text_colour_on(amber));
    warnings_->set_max_height(FromDIP(110));
    warnings_->Hide();
    top->Add(warnings_, 0, wxEXPAND | wxBOTTOM, FromDIP(6));

    tabs_ = new wxNotebook(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, _("Roadmap results tabs"));
    // Posts by phase, and why.
    auto* pp = new wxPanel(tabs_);
    auto* ps = new wxBoxSizer(wxVERTICAL);
    posts_ = report_list(pp, _("Phases and posts"),
                         _("Each phase, what it reaches, and the posts that serve it: planned by the council, or proposed by "
                           "Yardstick for what the plan leaves uncovered"),
                         {{_("Phase and post"), 230}, {_("Planned?"), 75}, {_("Route"), 125}, {_("Posts"), 70}, {_("Starts"), 85}},
                         {3});
    ps->Add(posts_, 1, wxEXPAND | wxALL, FromDIP(4));
    why_ = new TextPane(pp, _("Why this post"), FromDIP(wxSize(-1, 96)));
    why_->SetToolTip(_("Why the plan has posts of the selected role, and the rules its cost follows"));
    ps->Add(why_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(4));
    pp->SetSizer(ps);
    tabs_->AddPage(pp, _("Posts by phase"));
    // Cover.
    auto* cp = new wxPanel(tabs_);
    auto* cs = new wxBoxSizer(wxVERTICAL);
    cover_ = report_list(cp, _("Cover"),
                         _("Each responsibility the plan needs: the FTE it needs and the FTE held once every post has started"),
                         {{_("Responsibility"), 175}, {_("Cover"), 215}, {_("Needed"), 55}, {_("Held"), 45}, {_("Phase"), 48}},
                         {2, 3, 4});
    cs->Add(cover_, 1, wxEXPAND | wxALL, FromDIP(4));
    cp->SetSizer(cs);
    tabs_->AddPage(cp, _("Cover"));
    // Cost per year.
    auto* yp = new wxPanel(tabs_);
    auto* ys = new wxBoxSizer(wxVERTICAL);
    auto* ynote = new wxStaticText(yp, wxID_ANY, _("New spend at the low, mid and high salary points. The existing team is "
                                                   "shown for information (mid): it is not new spend."));
    ynote->Wrap(FromDIP(440));
    ys->Add(ynote, 0, wxALL, FromDIP(4));
    years_ = report_list(yp, _("Cost per year"),
                         _("New spend per year at the low, mid and high salary points; the existing team's cost is for information"),
                         {{_("Year"), 70}, {_("Low"), 110}, {_("Mid"), 110}, {_("High"), 110}, {_("Existing team"), 110}},
                         {1, 2, 3, 4});
    years_->SetMinSize(FromDIP(wxSize(-1, 120)));
    ys->Add(years_, 1, wxEXPAND | wxALL, FromDIP(4));
    chart_ = new ChartPanel(yp, _("New spend per year chart"), FromDIP(wxSize(240, 170)));
    ys->Add(chart_, 1, wxEXPAND | wxALL, FromDIP(4));
    yp->SetSizer(ys);
    tabs_->AddPage(yp, _("Cost per year"));
    // Assumptions.
    notes_ = new TextPane(tabs_, _("Roadmap assumptions"), wxDefaultSize);
    tabs_->AddPage(notes_, _("Assumptions"));
    top->Add(tabs_, 1, wxEXPAND);
    SetSizer(top);

    posts_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
        e.Skip();
        show_why();
    });
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        CallAfter([this] { rewrap(); });
    });
}

void RoadmapResults::rewrap() {
    int w = std::max(FromDIP(200), GetClientSize().GetWidth() - FromDIP(16));
    summary_->SetLabel(summary_plain_);
    summary_->Wrap(w);
    warnings_->Show(!warnings_plain_.empty());
    warnings_->set_text(warnings_plain_);
    Layout();
}

void RoadmapResults::select_tab(int i) {
    if (i >= 0 && i < static_cast<int>(tabs_->GetPageCount())) tabs_->SetSelection(static_cast<std::size_t>(i));
}

void RoadmapResults::show_problem(const wxString& text) {
    plan_ = nullptr;
    post_rows_.clear();
    phase_rows_.clear();
    for (auto* l : {posts_, cover_, years_}) l->DeleteAllItems();
    why_->set_text(wxString());
    notes_->set_text(wxString());
    summary_plain_ = text;
    warnings_plain_.clear();
    chart_->set_painter({}, _("No roadmap to chart"));
    rewrap();
}

void RoadmapResults::show(const Roadmap& r, const Framework& fw, const RoleCatalogue& roles, const wxString& context) {
    plan_ = &r;
    fw_ = &fw;
    roles_ = &roles;
    const ScenarioSummary sum = summarise("", r);
    // The summary: posts, spend, and what the plan reaches.
    wxString text = wxString::Format(_("%s (%s FTE) in %s over %s. New spend: %s at mid salaries (%s to %s)."),
                                     wxs(count_of(r.headcount(), "new post", "new posts")), fte(sum.fte),
                                     wxs(count_of(static_cast<long long>(r.phases.size()), "phase", "phases")),
                                     wxs(count_of(static_cast<long long>(r.years.size()), "year", "years")), money(sum.total.mid),
                                     money(sum.total.low), money(sum.total.high));
    text += wxString::Format(_(" Once every post has started, %d of %d responsibilities are covered, %d partly and %d not at all."),
                             sum.fully, sum.responsibilities, sum.partly, sum.not_covered);
    if (!r.team.empty())
        text += wxString::Format(_(" The existing team costs %s over the plan at mid salaries (for information; not new spend)."),
                                 money(sum.team_cost.mid));
    if (!context.empty()) text += wxS(" ") + context;
    summary_plain_ = text;

    wxString warn;
    for (const auto& w : r.warnings) warn += (warn.empty() ? wxString() : wxS("\n")) + wxS("\u26a0 ") + wxs(w);
    if (!r.uncovered.empty()) {
        wxString names;
        for (const auto& id : r.uncovered) names += (names.empty() ? wxString() : wxS(", ")) + responsibility_name(&fw, id);
        warn += (warn.empty() ? wxString() : wxS("\n")) + wxS("\u26a0 ") + _("No role in the catalogue carries: ") + names;
    }
    warnings_plain_ = warn;

    // Posts by phase.
    posts_->DeleteAllItems();
    post_rows_.clear();
    phase_rows_.clear();
    wxFont bold = posts_->GetFont().Bold();
    for (std::size_t pi = 0; pi < r.phases.size(); ++pi) {
        const RoadmapPhase& p = r.phases[pi];
        wxString title = wxString::Format(wxS("%d. "), p.number) + wxs(p.name);
        long row = add_row(posts_, {title, wxString(), wxString(), wxString(), wxString::Format(_("year %d"), p.start_year)});
        posts_->SetItemFont(row, bold);
        post_rows_.push_back(-1);
        phase_rows_.push_back(static_cast<int>(pi));
        for (std::size_t i : p.posts) {
            const RoadmapPost& post = r.posts[i];
            wxString name = post.name.empty() ? wxs(post.title) : wxs(post.name);
            wxString count = wxString::Format(wxS("%d"), post.headcount);
            if (post.fte != 1) count += wxS(" \u00d7 ") + fte(post.fte) + _(" FTE");
            add_row(posts_, {wxS("    ") + name, origin_words(post.origin), capitalised(post.route_text), count, wxs(post.start)});
            post_rows_.push_back(static_cast<int>(i));
            phase_rows_.push_back(static_cast<int>(pi));
        }
        if (p.posts.empty()) {
            add_row(posts_, {wxS("    ") + _("(no new post in this phase)")});
            post_rows_.push_back(-1);
            phase_rows_.push_back(static_cast<int>(pi));
        }
    }
    // The first phase is selected: the pane below shows its whole title, which a narrow
    // column cuts.
    if (!post_rows_.empty()) posts_->SetItemState(0, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    show_why();

    // Cover.
    cover_->DeleteAllItems();
    for (const auto& c : r.cover) {
        long row = add_row(cover_, {responsibility_name(&fw, c.responsibility), capitalised(c.text()), fte(c.needed), fte(c.held),
                                    wxString::Format(wxS("%d"), c.phase)});
        if (c.status == CoverStatus::NotCovered) cover_->SetItemTextColour(row, wxColour(0xb0, 0x00, 0x20));
        else if (c.status == CoverStatus::Partly) cover_->SetItemTextColour(row, wxColour(0x8a, 0x4b, 0x00));
    }

    // Cost per year: new spend, and the existing team apart.
    years_->DeleteAllItems();
    std::vector<CostBar> bars;
    wxString description = _("New spend per year at mid salaries.");
    wxString dates;
    for (std::size_t i = 0; i < r.years.size(); ++i) {
        const YearCost& y = r.years[i];
        wxString label = wxString::Format(_("Year %d"), y.year);
        wxString team = i < r.team_years.size() ? money(r.team_years[i].total.mid) : wxString();
        add_row(years_, {label, money(y.total.low),
                         money(y.total.mid), money(y.total.high), team});
        bars.push_back({label, y.total.low, y.total.mid, y.total.high});
        description += wxS(" ") + label + wxS(" (") + wxs(y.from) + wxS(" to ") + wxs(y.to) + wxS("): ") + money(y.total.mid) + wxS(".");
        dates += wxS("\n") + label + wxS(": ") + wxs(y.from) + wxS(" to ") + wxs(y.to);
    }
    years_->SetToolTip(_("New spend per year at the low, mid and high salary points; the existing team's cost is for information") +
                       dates);
    // Not bold: a bold figure to the penny no longer fits its column.
    add_row(years_, {_("Total"), money(sum.total.low), money(sum.total.mid), money(sum.total.high),
                                  r.team.empty() ? wxString() : money(sum.team_cost.mid)});
    chart_->set_painter([bars](wxGraphicsContext& gc, const wxRect& area,
                               const ChartColours& c) { return draw_cost_bars(gc, area, c, bars, wxS("\u00a3")); },
                        description);

    // Assumptions.
    wxString notes;
    for (const auto& n : r.notes) notes += wxs(n) + wxS("\n");
    if (!r.assumed.empty()) {
        notes += wxS("\n") + _("Figures that are assumptions, not published ones:") + wxS("\n");
        for (const auto& a : r.assumed) notes += wxS("\u2022 ") + wxs(a) + wxS("\n");
    }
    notes_->set_text(notes);
    rewrap();
}

void RoadmapResults::show_why() {
    long i = posts_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (!plan_ || i < 0 || i >= static_cast<long>(post_rows_.size())) {
        why_->set_text(plan_ ? _("Choose a post to see why the plan has it.") : wxString());
        return;
    }
    if (post_rows_[static_cast<std::size_t>(i)] < 0) {
        // A phase: its whole title, when it starts, and what it newly needs.
        const RoadmapPhase& ph = plan_->phases[static_cast<std::size_t>(phase_rows_[static_cast<std::size_t>(i)])];
        wxString text = wxString::Format(wxS("%d. "), ph.number) + wxs(ph.name) + wxS(".\n") +
                        wxString::Format(_("From year %d"), ph.start_year);
        if (!ph.due.empty()) text += _(", for targets due ") + wxs(ph.due);
        text += wxS(".");
        if (!ph.responsibilities.empty()) {
            text += _(" Newly needed: ");
            for (std::size_t k = 0; k < ph.responsibilities.size(); ++k)
                text += (k ? wxS(", ") : wxString()) + (fw_ ? responsibility_name(fw_, ph.responsibilities[k]) : wxs(ph.responsibilities[k]));
            text += wxS(".");
        }
        text += wxS(" ") + _("Choose a post to see why the plan has it.");
        why_->set_text(text);
        return;
    }
    const RoadmapPost& p = plan_->posts[static_cast<std::size_t>(post_rows_[static_cast<std::size_t>(i)])];
    wxString text = (p.name.empty() ? wxs(p.title) : wxs(p.name)) + wxS(", ") + wxs(p.route_text) + wxS(": ") +
                    wxs(money_words(p.total.mid)) + _(" over the plan at mid salary.");
    for (const auto& reason : plan_->reasons)
        if (reason.role == p.role)
            for (const auto& line : reason.reasons) text += wxS("\n\u2022 ") + capitalised(line);
    for (const auto& n : p.notes) text += wxS("\n") + wxs(n);
    // The role in the civil service's terms (DDaT), for councils that recruit against it.
    if (const Role* role = roles_ ? roles_->find(p.role) : nullptr; role && role->ddat) {
        const DdatMapping& d = *role->ddat;
        if (!d.role.empty())
            text += wxS("\n") + wxString::Format(_("DDaT: %s, in the %s job family."), wxs(d.role), wxs(d.family)) +
                    (d.note.empty() ? wxString() : wxS(" ") + wxs(d.note));
        else
            text += wxS("\n") + _("DDaT: no DDaT role fits.") + (d.note.empty() ? wxString() : wxS(" ") + wxs(d.note));
    }
    why_->set_text(text);
}

wxString RoadmapResults::summary_text() const { return summary_plain_; }
wxString RoadmapResults::warnings_text() const { return warnings_plain_; }
wxString RoadmapResults::posts_text() const { return list_text(posts_); }
wxString RoadmapResults::cover_text() const { return list_text(cover_); }
wxString RoadmapResults::years_text() const { return list_text(years_); }
wxString RoadmapResults::why_text() const { return why_->text(); }

}  // namespace ys::gui
