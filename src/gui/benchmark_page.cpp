#include "benchmark_page.h"

#include "wx_utf8.h"  // first: the UTF-8 _()

#include <algorithm>
#include <set>

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/config.h>
#include <wx/graphics.h>
#include <wx/listctrl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/wrapsizer.h>

#include "display_names.h"
#include "benchmark_rules_panel.h"
#include "charts.h"
#include "column_fit.h"
#include "database.h"
#include "guard.h"
#include "number_format.h"
#include "organisations.h"
#include "session.h"
#include "worker.h"
#include "wrapping_text.h"

namespace ys::gui {
namespace {

std::vector<int> chart_dimensions(const Framework& fw) {
    if (fw.roots.size() >= 3) return fw.roots;
    if (fw.roots.size() == 1) return fw.dimensions[static_cast<std::size_t>(fw.roots.front())].children;
    return fw.roots;
}

wxString opt(const std::optional<double>& v, int decimals = 2) { return v ? wxs(fixed(*v, decimals)) : wxString(); }
// "+0.21", "-0.86", "0.00": a change or a distance, with its sign.
wxString signed_opt(const std::optional<double>& v) { return (v && *v > 0 ? wxS("+") : wxString()) + opt(v); }

}  // namespace

std::vector<BenchmarkGroup> benchmark_groups(store::Connection& c, const std::string& organisation) {
    std::vector<BenchmarkGroup> groups;
    auto orgs = store::list_organisations(c);
    auto name_of = [&](const std::string& id) {
        for (const auto& o : orgs)
            if (o.id == id) return wxs(o.name);
        return wxs(id);
    };
    std::optional<store::OrgRecord> me;
    for (const auto& o : orgs)
        if (o.id == organisation) me = o;
    bool has_children = std::any_of(orgs.begin(), orgs.end(), [&](const auto& o) { return o.parent == organisation; });
    if (me && !me->parent.empty())
        groups.push_back({wxString::Format(_("Organisations in %s"), name_of(me->parent)), {{}, {}, me->parent}});
    if (has_children)
        groups.push_back({wxString::Format(me && me->type == "region" ? _("Organisations in %s") : _("Departments of %s"),
                                           name_of(organisation)),
                          {{}, {}, organisation}});
    auto peer = store::list_peer_groups(c);
    std::stable_partition(peer.begin(), peer.end(), [&](const auto& g) {
        return std::find(g.members.begin(), g.members.end(), organisation) != g.members.end();
    });
    for (const auto& g : peer)
        groups.push_back({wxString::Format(_("Peer group: %s (%zu)"), wxs(g.name), g.members.size()), {{}, g.id, {}}});
    return groups;
}

BenchmarkPage::BenchmarkPage(wxWindow* parent, Host& host) : Page(parent, host, _("Benchmark")) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    // Each label with its control; the pairs go onto a second line when the page is narrow.
    auto* bar = new wxWrapSizer(wxHORIZONTAL);
    auto* group_pair = new wxBoxSizer(wxHORIZONTAL);
    group_pair->Add(new wxStaticText(this, wxID_ANY, _("Com&pare with:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(6));
    group_ = new wxChoice(this, wxID_ANY);
    group_->SetName(_("Compare with"));
    group_->SetToolTip(_("A peer group, the organisations in the same region, or the organisation's departments"));
    group_pair->Add(group_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(12));
    bar->Add(group_pair, 0, wxBOTTOM, FromDIP(4));
    auto* period_pair = new wxBoxSizer(wxHORIZONTAL);
    period_pair->Add(new wxStaticText(this, wxID_ANY, _("P&eriod:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(6));
    period_ = new wxChoice(this, wxID_ANY);
    period_->SetName(_("Period"));
    period_->SetToolTip(_("Compare each organisation's latest round, or every round of one period"));
    period_pair->Add(period_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(12));
    bar->Add(period_pair, 0, wxBOTTOM, FromDIP(4));
    anonymise_ = new wxCheckBox(this, wxID_ANY, _("&Anonymised"));
    anonymise_->SetName(_("Anonymised"));
    anonymise_->SetToolTip(_("Show every other organisation as Council A, Council B, ...: only the selected one is named"));
    if (auto* cfg = wxConfigBase::Get()) anonymise_->SetValue(cfg->ReadBool(wxS("/Preferences/AnonymiseBenchmark"), false));
    bar->Add(anonymise_, 0, wxALIGN_CENTER_VERTICAL | wxBOTTOM, FromDIP(4));
    top->Add(bar, 0, wxEXPAND | wxALL, FromDIP(8));
    // The inclusion rules, editable, in words (bench15).
    rules_ = new BenchmarkRulesPanel(this);
    top->Add(rules_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8));


    // Charts keep a readable size: below it the page scrolls rather than squash them. The
    // radar and the ranks come first, so that at 1024x700 both are seen without scrolling;
    // the heatmap follows. Side by side when the page is wide enough for every column of the
    // ranks and the radar; otherwise the ranks go under the radar across the page's width,
    // where the names and the figures beside them are seen without scrolling sideways.
    auto* bottom = new wxBoxSizer(wxHORIZONTAL);
    radar_ = new ChartPanel(this, _("Radar chart against the group median"), FromDIP(wxSize(400, 300)));
    bottom->Add(radar_, 1, wxEXPAND | wxRIGHT, FromDIP(8));
    auto* right = new wxBoxSizer(wxVERTICAL);
    right->Add(new wxStaticText(this, wxID_ANY, _("&Ranks (1 = highest)")), 0, wxBOTTOM, FromDIP(4));
    ranks_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL, wxDefaultValidator,
                            _("Ranks"));
    ranks_->SetToolTip(_("Each organisation's overall score, rank, percentile, distance from the group median, and how its "
                         "overall score changed from its first round to its last"));
    const std::pair<wxString, int> cols[] = {{_("Organisation"), 190}, {_("Overall"), 60}, {_("Rank"), 45},
                                             {_("Percentile"), 72},    {_("From median"), 88}, {_("Change"), 105},
                                             {_("Period"), 55},        {_("Respondents"), 88},  {_("Coverage"), 70}};
    int c = 0;
    for (const auto& [name, width] : cols) ranks_->AppendColumn(name, c++ == 0 ? wxLIST_FORMAT_LEFT : wxLIST_FORMAT_RIGHT, FromDIP(width));
    ranks_->SetMinSize(FromDIP(wxSize(200, 100)));
    keep_columns_fitted(*ranks_, 0);
    right->Add(ranks_, 1, wxEXPAND);
    bottom->Add(right, 1, wxEXPAND);
    top->Add(bottom, 5, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8));
    // What was compared and the common gaps, in words, under the radar and the ranks (above
    // them it would push the ranks out of view at 1024x700).
    summary_ = new WrappingText(this, wxEmptyString, _("Benchmark summary"));
    top->Add(summary_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8));
    // Under the radar, the ranks keep their least height and the pair no more than theirs, so
    // that both stay in view at 1024x700; the heatmap below takes the height left over.
    auto arrange = [this, top, bottom, right] {
        int needed = radar_->GetMinSize().GetWidth() + FromDIP(40) + 2 * wxSystemSettings::GetMetric(wxSYS_VSCROLL_X, ranks_);
        for (int col = 0; col < ranks_->GetColumnCount(); ++col) needed += natural_column_width(*ranks_, col);
        const int orientation = GetClientSize().GetWidth() >= needed ? wxHORIZONTAL : wxVERTICAL;
        const bool wide = orientation == wxHORIZONTAL;
        // Beside the radar the ranks take the width of their columns whole; the radar the rest.
        const wxSize least(wide ? needed - radar_->GetMinSize().GetWidth() - FromDIP(40) : FromDIP(200), FromDIP(100));
        if (bottom->GetOrientation() == orientation && ranks_->GetMinSize() == least) return;
        ranks_->SetMinSize(least);
        bottom->SetOrientation(orientation);
        bottom->GetItem(radar_)->SetFlag(wxEXPAND | (wide ? wxRIGHT : wxBOTTOM));
        bottom->GetItem(right)->SetProportion(0);
        top->GetItem(bottom)->SetProportion(wide ? 5 : 0);
        FitInside();
        Layout();
    };
    Bind(wxEVT_SIZE, [this, arrange](wxSizeEvent& e) {
        e.Skip();
        CallAfter(arrange);
    });
    for (auto type : {wxEVT_LIST_INSERT_ITEM, wxEVT_LIST_DELETE_ALL_ITEMS})
        ranks_->Bind(type, [this, arrange](wxListEvent& e) {
            e.Skip();
            CallAfter(arrange);
        });

    heatmap_ = new ChartPanel(this, _("Heatmap of scores by organisation and dimension"), FromDIP(wxSize(420, 230)));
    top->Add(heatmap_, 3, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8));
    SetSizer(top);

    group_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { load(); });
    period_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { compare(); });
    anonymise_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { compare(); });
    rules_->on_change = [this] { compare(); };
}

void BenchmarkPage::choose_group(int index) {
    if (index < 0 || index >= static_cast<int>(groups_.size())) return;
    group_->SetSelection(index);
    load();
}

void BenchmarkPage::choose_period(const std::string& period) {
    period_->SetSelection(0);
    for (std::size_t i = 0; i < periods_.size(); ++i)
        if (periods_[i] == period) period_->SetSelection(static_cast<int>(i) + 1);
    compare();
}

void BenchmarkPage::set_anonymised(bool on) {
    anonymise_->SetValue(on);
    compare();
}

bool BenchmarkPage::anonymised() const { return anonymise_->GetValue(); }

int BenchmarkPage::chosen_group() const {
    int g = group_->GetSelection();
    return g >= 0 && g < static_cast<int>(groups_.size()) ? g : -1;
}

std::string BenchmarkPage::chosen_period() const {
    int p = period_->GetSelection();
    return p > 0 && p <= static_cast<int>(periods_.size()) ? periods_[static_cast<std::size_t>(p - 1)] : std::string();
}

wxString BenchmarkPage::summary_text() const {
    wxString text = summary_->text();
    text.Replace(wxS("\n"), wxS(" "));
    return text;
}

wxString BenchmarkPage::ranks_text() const {
    wxString out;
    for (long r = 0; r < ranks_->GetItemCount(); ++r) {
        for (int c = 0; c < ranks_->GetColumnCount(); ++c) out += (c ? wxS("\t") : wxString()) + ranks_->GetItemText(r, c);
        out += wxS("\n");
    }
    return out;
}

void BenchmarkPage::refresh() {
    fill_groups();
    load();
}

void BenchmarkPage::fill_groups() {
    wxString keep = group_->GetStringSelection();
    groups_.clear();
    group_->Clear();
    Session& s = host_.session();
    if (!s.is_open() || org_.empty()) return;
    guarded(this, s.path(), _("The groups could not be read."), [&] { groups_ = benchmark_groups(s.db(), org_); });
    for (const auto& g : groups_) group_->Append(g.label);
    group_->InvalidateBestSize();  // as wide as its longest entry
    if (!groups_.empty()) {
        int i = keep.empty() ? wxNOT_FOUND : group_->FindString(keep);
        group_->SetSelection(i == wxNOT_FOUND ? 0 : i);
    }
}

void BenchmarkPage::load() {
    int g = group_->GetSelection();
    Session& s = host_.session();
    result_.reset();
    error_.clear();
    if (!s.is_open() || g < 0 || g >= static_cast<int>(groups_.size())) {
        inputs_.reset();
        loaded_key_.clear();
        summary_->set_text(groups_.empty() && !org_.empty()
                               ? _("Nothing to compare with: this organisation has no region, departments or peer group.")
                               : wxString());
        show();
        return;
    }
    const store::BenchmarkSelection sel = groups_[static_cast<std::size_t>(g)].selection;
    const std::string key = s.path() + "|" + sel.peer_group + "|" + sel.children_of;
    ++generation_;
    const int generation = generation_;
    loading_ = true;
    summary_->set_text(_("Reading and scoring the group's rounds\u2026"));
    auto inputs = std::make_shared<std::vector<BenchmarkInput>>();
    const std::string db = s.path();
    loaded_key_ = key;
    run_in_background(
        this, _("Benchmarking"),
        [db, sel, inputs](Progress& p) {
            p.step(0, 0, "Reading and scoring the rounds of the group");
            store::Connection c = store::open_database(db, store::OpenOptions{false, 5000});
            *inputs = store::benchmark_inputs(c, sel);
        },
        [this, inputs, generation, db](const JobOutcome& o) {
            if (generation != generation_) return;  // another group was chosen meanwhile
            loading_ = false;
            if (o.cancelled) {
                summary_->set_text(_("Cancelled."));
                return;
            }
            if (o.error) {
                guarded(this, db, _("The benchmark could not be made."), [&] { std::rethrow_exception(o.error); });
                summary_->set_text(_("The benchmark could not be made."));
                return;
            }
            inputs_ = inputs;
            // The periods the group has rounds in, oldest first.
            std::set<std::string> seen;
            periods_.clear();
            for (const auto& in : *inputs_)
                if (seen.insert(in.period).second) periods_.push_back(in.period);
            std::sort(periods_.begin(), periods_.end(), period_less);
            wxString keep = period_->GetStringSelection();
            period_->Clear();
            period_->Append(_("Each one's latest round"));
            for (const auto& p : periods_) period_->Append(period_name(p));
            int i = keep.empty() ? wxNOT_FOUND : period_->FindString(keep);
            period_->SetSelection(i == wxNOT_FOUND ? 0 : i);
            period_->InvalidateBestSize();  // as wide as its longest entry
            Layout();
            compare();
        });
}

void BenchmarkPage::compare() {
    result_.reset();
    error_.clear();
    if (!inputs_ || loading_) return show();
    if (inputs_->empty()) {
        error_ = u8(_("None of these organisations has a round yet."));
        return show();
    }
    BenchmarkRequest req;
    req.rounds = *inputs_;
    req.rules = rules_->minimums();
    int p = period_->GetSelection();
    if (p > 0 && p <= static_cast<int>(periods_.size())) {
        req.rules.pick = InclusionRules::Pick::Period;
        req.rules.period = periods_[static_cast<std::size_t>(p - 1)];
    }
    // The viewer only when the organisation has a round here: a region or a department with
    // none is compared without one, instead of the engine's note naming it by its id.
    if (std::any_of(inputs_->begin(), inputs_->end(), [&](const BenchmarkInput& in) {
            return (in.organisation_id.empty() ? in.result.organisation.id : in.organisation_id) == org_;
        }))
        req.viewer = org_;
    req.anonymise = anonymise_->GetValue();
    std::string why;
    result_ = run_benchmark(req, why);
    if (!result_) error_ = why;
    rules_->describe(req.rules);
    show();
}

void BenchmarkPage::show() {
    ranks_->DeleteAllItems();
    if (!result_) {
        if (!error_.empty()) summary_->set_text(wxs(error_));
        heatmap_->set_painter({}, _("No benchmark to chart"));
        radar_->set_painter({}, _("No benchmark to chart"));
        return;
    }
    const BenchmarkResult& r = *result_;
    const Framework& fw = *r.framework;
    std::vector<int> dims = chart_dimensions(fw);

    wxString text = wxString::Format(_("%s compared on %s %s"), count_text(static_cast<long long>(r.included.size()), _("organisation"), _("organisations")),
                                     wxs(fw.title), wxs(r.framework_version));
    // Short enough to leave the radar and ranks in view at 1024x700: the rounds below the
    // rules are counted here and marked with their reasons in the ranks; only the other
    // reasons (another framework version, no round in the period) are spelled out.
    if (!r.excluded.empty()) {
        std::size_t below = 0;
        std::set<std::string> reasons;
        for (const auto& e : r.excluded) {
            if (e.below_rules) {
                ++below;
                continue;
            }
            for (const auto& why : e.reasons) reasons.insert(why);
        }
        text += wxString::Format(_("; %s left out"), count_text(static_cast<long long>(r.excluded.size()), _("round"), _("rounds")));
        wxString parts;
        if (below) parts += wxString::Format(_("%s below the rules, marked in the ranks"), count_text(static_cast<long long>(below), _("round"), _("rounds")));
        for (const auto& why : reasons) parts += (parts.empty() ? wxString() : wxS("; ")) + wxs(why);
        text += wxS(" (") + parts + wxS(")");
    }
    // The common gaps by name when few; when many, how many (the heatmap shows which, and
    // the summary's tooltip names them all).
    wxString gaps;
    if (!r.common_gaps.empty()) {
        gaps = wxString::Format(_("Common gaps (below level %d for %s of the group or more): "), r.common_gap_level,
                                wxs(fixed(r.common_gap_share * 100, 0)) + wxS("%"));
        for (std::size_t i = 0; i < r.common_gaps.size(); ++i) {
            const auto& g = r.common_gaps[i];
            gaps += (i ? wxS(", ") : wxString()) + wxs(fw.dimensions[static_cast<std::size_t>(g.dimension)].name) +
                    wxString::Format(wxS(" (%d of %d)"), g.below, g.scored);
        }
        if (r.common_gaps.size() <= 3)
            text += wxS(". ") + gaps;
        else
            text += wxString::Format(_(". Common gaps in %zu dimensions (below level %d for %s of the group or more: hover "
                                       "here for the list)"),
                                     r.common_gaps.size(), r.common_gap_level, wxs(fixed(r.common_gap_share * 100, 0)) + wxS("%"));
    }
    summary_->SetToolTip(gaps);
    if (r.viewer) {
        const TrendSeries& t = r.trends[static_cast<std::size_t>(*r.viewer)].overall;
        if (t.change)
            text += wxString::Format(_(". %s's overall score: %s from %s to %s"),
                                     wxs(r.included[static_cast<std::size_t>(*r.viewer)].label),
                                     signed_opt(t.change), period_name(t.from), period_name(t.to));
    }
    for (const auto& n : r.notes) text += wxS(". ") + wxs(n);
    summary_->set_text(text);

    // Heatmap: organisations down, dimensions and overall across.
    Heatmap h;
    h.lo = fw.min_level();
    h.hi = fw.max_level();
    h.legend_title = _("Score");
    for (int d : dims) h.columns.push_back(wxs(fw.dimensions[static_cast<std::size_t>(d)].name));
    h.columns.push_back(_("Overall"));
    wxString description = _("Heatmap of scores.");
    for (std::size_t i = 0; i < r.included.size(); ++i) {
        h.rows.push_back(wxs(r.included[i].label));
        for (int d : dims) h.cells.push_back(r.dimensions[static_cast<std::size_t>(d)].positions[i].score);
        h.cells.push_back(r.overall.positions[i].score);
        description += wxS(" ") + wxs(r.included[i].label) + wxS(": ") + opt(r.overall.positions[i].score) + wxS(".");
    }
    h.highlight_row = r.viewer ? *r.viewer : -1;
    heatmap_->set_painter([h](wxGraphicsContext& gc, const wxRect& area, const ChartColours& c) { return draw_heatmap(gc, area, c, h); },
                          description);
    // Tall enough for every row's numbers and the legend (the page scrolls when needed).
    heatmap_->SetMinSize(wxSize(FromDIP(420), std::max(FromDIP(230), heatmap_min_height(*heatmap_, h))));

    // Radar: the viewer against the group median (and the quartiles as the group's spread).
    std::vector<wxString> axes;
    RadarSeries median{_("Group median"), {}, SeriesStyle::Dashed, 2};
    RadarSeries viewer{r.viewer ? wxs(r.included[static_cast<std::size_t>(*r.viewer)].label) : wxString(), {}, SeriesStyle::Filled, 0};
    for (int d : dims) {
        const auto& node = r.dimensions[static_cast<std::size_t>(d)];
        axes.push_back(wxs(fw.dimensions[static_cast<std::size_t>(d)].name));
        median.values.push_back(node.group.n ? std::optional<double>(node.group.median) : std::nullopt);
        if (r.viewer) viewer.values.push_back(node.positions[static_cast<std::size_t>(*r.viewer)].score);
    }
    std::vector<RadarSeries> series;
    if (r.viewer) series.push_back(viewer);
    series.push_back(median);
    const double lo = fw.min_level(), hi = fw.max_level();
    radar_->set_painter([axes, series, lo, hi](wxGraphicsContext& gc, const wxRect& area,
                                               const ChartColours& c) { return draw_radar(gc, area, c, axes, lo, hi, series); },
                        r.viewer ? _("Radar chart of this organisation against the group median") : _("Radar chart of the group median"));

    // Ranks, best first; tied organisations share the better rank ("2=").
    std::vector<std::size_t> order(r.included.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        auto ra = r.overall.positions[a].rank, rb = r.overall.positions[b].rank;
        return ra.value_or(1 << 30) < rb.value_or(1 << 30);
    });
    for (std::size_t i : order) {
        const auto& o = r.included[i];
        const auto& pos = r.overall.positions[i];
        long row = ranks_->InsertItem(ranks_->GetItemCount(), wxs(o.label) + (o.viewer ? _(" (selected)") : wxString()));
        ranks_->SetItem(row, 1, opt(pos.score));
        int ties = 0;
        for (const auto& other : r.overall.positions) ties += (other.rank && pos.rank && *other.rank == *pos.rank) ? 1 : 0;
        ranks_->SetItem(row, 2, pos.rank ? wxString::Format(wxS("%d"), *pos.rank) + (ties > 1 ? wxS("=") : wxString()) : wxString());
        ranks_->SetItem(row, 3, opt(pos.percentile, 0));
        ranks_->SetItem(row, 4, signed_opt(pos.distance));
        // The overall score's change from the organisation's first round to its last.
        const TrendSeries& trend = r.trends[i].overall;
        ranks_->SetItem(row, 5, trend.change ? signed_opt(trend.change) + _(" since ") + period_name(trend.from) : _("one round only"));
        ranks_->SetItem(row, 6, period_name(o.period));
        ranks_->SetItem(row, 7, wxString::Format(wxS("%d"), o.respondents));
        ranks_->SetItem(row, 8, wxs(fixed(o.coverage * 100, 0)) + wxS("%"));
        if (o.viewer) ranks_->SetItemState(row, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    }
    // Each organisation's round that the rules keep out, after the ranked ones: marked, unranked.
    for (const auto& e : r.excluded) {
        if (!e.below_rules) continue;
        const auto& o = e.organisation;
        long row = ranks_->InsertItem(ranks_->GetItemCount(), wxs(o.label) + (o.viewer ? _(" (selected)") : wxString()) +
                                                                   _(" (below the rules)"));
        ranks_->SetItem(row, 1, opt(e.overall_score));
        ranks_->SetItem(row, 2, _("not ranked"));
        wxString why;
        for (const auto& reason : e.reasons) why += (why.empty() ? wxString() : wxS("; ")) + wxs(reason);
        ranks_->SetItem(row, 5, why);
        ranks_->SetItem(row, 6, period_name(o.period));
        ranks_->SetItem(row, 7, wxString::Format(wxS("%d"), o.respondents));
        ranks_->SetItem(row, 8, wxs(fixed(o.coverage * 100, 0)) + wxS("%"));
        ranks_->SetItemTextColour(row, wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    }
    Layout();
}

}  // namespace ys::gui
