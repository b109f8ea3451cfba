#include "results_page.h"

#include "wx_utf8.h"  // first: the UTF-8 _()

#include <algorithm>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/cmdproc.h>
#include <wx/graphics.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>

#include "column_fit.h"
#include "wrapping_text.h"
#include "charts.h"
#include "dialogs.h"
#include "delete_commands.h"
#include "edit_commands.h"
#include "guard.h"
#include "number_format.h"
#include "scored_rounds.h"
#include "display_names.h"
#include "session.h"

namespace ys::gui {
namespace {

wxString num(const std::optional<double>& v, int decimals = 2) { return v ? wxs(fixed(*v, decimals)) : wxString(); }

wxString signed_num(const std::optional<double>& v) {
    if (!v) return {};
    return (*v > 0 ? wxS("+") : wxString()) + wxs(fixed(*v, 2));
}

wxString percent(double share) { return wxs(fixed(share * 100, 0)) + wxS("%"); }

// The axes of the radar: the top-level dimensions, or the children of a single top.
std::vector<int> radar_axes(const Framework& fw) {
    if (fw.roots.size() >= 3) return fw.roots;
    if (fw.roots.size() == 1) return fw.dimensions[static_cast<std::size_t>(fw.roots.front())].children;
    std::vector<int> leaves;
    for (std::size_t i = 0; i < fw.dimensions.size(); ++i)
        if (fw.dimensions[i].is_leaf()) leaves.push_back(static_cast<int>(i));
    return leaves;
}

}  // namespace

ResultsPage::ResultsPage(wxWindow* parent, Host& host) : Page(parent, host, _("Results")) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    bar->Add(new wxStaticText(this, wxID_ANY, _("R&ound:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(6));
    rounds_choice_ = new wxChoice(this, wxID_ANY);
    rounds_choice_->SetName(_("Round"));
    rounds_choice_->SetToolTip(_("The round whose results are shown"));
    bar->Add(rounds_choice_, 1, wxALIGN_CENTER_VERTICAL);
    top->Add(bar, 0, wxEXPAND | wxALL, FromDIP(8));
    summary_ = new WrappingText(this, wxEmptyString, _("Overall result"));
    summary_->SetFont(summary_->GetFont().Bold());
    top->Add(summary_, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));

    auto* middle = new wxBoxSizer(wxHORIZONTAL);
    auto* left = new wxBoxSizer(wxVERTICAL);
    table_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL, wxDefaultValidator,
                            _("Scores by dimension"));
    table_->SetToolTip(_("Score, level, target, gap and change since the previous round per dimension. Press Enter to set the "
                         "selected dimension's target."));
    const std::pair<wxString, int> cols[] = {{_("Dimension"), 142}, {_("Score"), 48}, {_("Level"), 98}, {_("Target"), 50},
                                             {_("Gap"), 42},        {_("Change"), 56}, {_("Coverage"), 72}};
    int c = 0;
    for (const auto& [name, width] : cols)
        table_->AppendColumn(name, c++ == 0 ? wxLIST_FORMAT_LEFT : wxLIST_FORMAT_RIGHT, FromDIP(width));
    table_->SetMinSize(FromDIP(wxSize(320, 180)));
    keep_columns_fitted(*table_, 0);
    left->Add(table_, 1, wxEXPAND);
    target_ = new wxButton(this, wxID_ANY, _("Set &target\u2026"));
    target_->SetToolTip(_("Set the level this organisation aims for in the selected dimension (Edit > Undo takes it back)"));
    untarget_ = new wxButton(this, wxID_ANY, _("&Delete target"));
    untarget_->SetToolTip(_("Take away the selected dimension's target (Edit > Undo puts it back)"));
    auto* tbar = new wxBoxSizer(wxHORIZONTAL);
    tbar->Add(target_, 0, wxRIGHT, FromDIP(6));
    tbar->Add(untarget_, 0);
    left->Add(tbar, 0, wxTOP, FromDIP(6));
    // The table with the radar beside it (or under it); the action plan across the page below.
    middle->Add(left, 1, wxEXPAND | wxRIGHT, FromDIP(8));
    radar_ = new ChartPanel(this, _("Radar chart of scores"), FromDIP(wxSize(420, 330)));
    middle->Add(radar_, 1, wxEXPAND);
    top->Add(middle, 3, wxEXPAND | wxALL, FromDIP(8));
    // The radar beside the table when both fit whole, under it when the page is too narrow
    // (the page then scrolls): dimension names are never cut to make room for the chart.
    side_by_side_when_wide(*this, *middle, *table_, *radar_);
    top->Add(new wxStaticText(this, wxID_ANY, _("Action &plan")), 0, wxLEFT | wxRIGHT, FromDIP(8));
    actions_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL, wxDefaultValidator,
                              _("Action plan"));
    actions_->SetToolTip(_("Recommended actions adopted for this round, with owner, due date and status. Enter edits."));
    actions_->AppendColumn(_("Action"), wxLIST_FORMAT_LEFT, FromDIP(330));
    actions_->AppendColumn(_("Dimension"), wxLIST_FORMAT_LEFT, FromDIP(150));
    actions_->AppendColumn(_("Owner"), wxLIST_FORMAT_LEFT, FromDIP(190));
    actions_->AppendColumn(_("Due"), wxLIST_FORMAT_LEFT, FromDIP(90));
    actions_->AppendColumn(_("Status"), wxLIST_FORMAT_LEFT, FromDIP(90));
    actions_->SetMinSize(FromDIP(wxSize(320, 100)));
    keep_columns_fitted(*actions_, 0);
    top->Add(actions_, 2, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(8));
    auto* abar = new wxBoxSizer(wxHORIZONTAL);
    adopt_ = new wxButton(this, wxID_ANY, _("&Adopt action\u2026"));
    adopt_->SetToolTip(_("Add one of the framework's recommended actions to the plan, or write your own"));
    edit_ = new wxButton(this, wxID_ANY, _("&Edit action\u2026"));
    edit_->SetToolTip(_("Change the owner, due date, status or notes of the selected action"));
    abar->Add(adopt_, 0, wxRIGHT, FromDIP(6));
    abar->Add(edit_, 0, wxRIGHT, FromDIP(6));
    remove_ = new wxButton(this, wxID_ANY, _("De&lete action"));
    remove_->SetToolTip(_("Take the selected action out of the plan (Edit > Undo puts it back)"));
    abar->Add(remove_, 0);
    top->Add(abar, 0, wxALL, FromDIP(8));
    SetSizer(top);

    rounds_choice_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        wanted_round_ = round();
        refresh();
    });
    target_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { edit_target(); });
    table_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { edit_target(); });
    adopt_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { adopt_action(); });
    edit_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { edit_action(); });
    untarget_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { delete_target(); });
    remove_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { delete_action(); });
    actions_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { edit_action(); });
    Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) {
        e.Skip();
        target_->Enable(scored_ && selected_dimension() >= 0);
        adopt_->Enable(scored_.has_value());
        edit_->Enable(actions_->GetSelectedItemCount() > 0);
        remove_->Enable(actions_->GetSelectedItemCount() > 0);
        const int d = scored_ ? selected_dimension() : -1;
        untarget_->Enable(d >= 0 && scored_->result.dimensions[static_cast<std::size_t>(d)].target.has_value());
    });
}

std::string ResultsPage::round() const {
    int i = rounds_choice_->GetSelection();
    if (i < 0 || i >= static_cast<int>(rounds_.size())) return {};
    return rounds_[static_cast<std::size_t>(i)].id;
}

void ResultsPage::select_round(const std::string& id) {
    if (wanted_round_ == id) return;
    wanted_round_ = id;
    mark_stale();
}

wxString ResultsPage::summary_text() const { return summary_->text(); }

wxString ResultsPage::table_text() const {
    wxString out;
    for (long r = 0; r < table_->GetItemCount(); ++r) {
        for (int c = 0; c < table_->GetColumnCount(); ++c) out += (c ? wxS("\t") : wxString()) + table_->GetItemText(r, c);
        out += wxS("\n");
    }
    return out;
}

void ResultsPage::refresh() {
    Session& s = host_.session();
    rounds_choice_->Clear();
    rounds_.clear();
    scored_.reset();
    items_.clear();
    if (!s.is_open() || org_.empty()) {
        summary_->set_text(_("Choose an organisation on the left."));
        fill_table();
        fill_actions();
        draw_radar();
        return;
    }
    guarded(this, s.path(), _("The results could not be read."), [&] {
        rounds_ = store::list_rounds(s.db(), org_);
        std::stable_sort(rounds_.begin(), rounds_.end(), [](const auto& a, const auto& b) { return a.period > b.period; });
        int sel = rounds_.empty() ? -1 : 0;
        for (std::size_t i = 0; i < rounds_.size(); ++i) {
            const auto& r = rounds_[i];
            rounds_choice_->Append(round_name(s.catalogue(), r) + wxS(" (") + status_label(r.status) + wxS(", ") +
                                   count_text(r.respondents, _("respondent"), _("respondents")) + wxS(")"));
            if (r.id == wanted_round_) sel = static_cast<int>(i);
        }
        if (sel < 0) return;
        rounds_choice_->SetSelection(sel);
        ScoreReport report = store::score_stored_rounds(s.db(), {rounds_[static_cast<std::size_t>(sel)].id}, ScoreOptions{false, false});
        if (!report.ok() || report.rounds.empty()) {
            wxString problems;
            for (const auto& d : report.diagnostics.items()) problems += wxs(to_string(d)) + wxS("\n");
            show_error(this, _("Round not scored"), _("The round could not be scored."), problems, exit_code::invalid_input);
            return;
        }
        scored_ = report.rounds.front();
        items_ = store::list_action_items(s.db(), round());
    });
    if (!scored_) {
        summary_->set_text(rounds_.empty() ? _("No rounds yet: start one on the Assessments page.") : wxString());
    } else {
        const RoundResult& r = scored_->result;
        const Framework& fw = *scored_->framework;
        wxString text;
        if (r.overall.score) {
            const Level* lv = fw.level(r.overall.level);
            text = wxString::Format(_("Overall %s, level %d %s"), wxs(fixed(*r.overall.score, 2)), r.overall.level,
                                    lv ? wxs(lv->name) : wxString());
        } else {
            text = _("No score yet: nothing has been answered");
        }
        text += wxS(" \u00b7 ") + count_text(r.respondents, _("respondent"), _("respondents")) +
                wxString::Format(_(" \u00b7 coverage %s"), percent(r.overall.coverage()));
        if (r.percent_to_target) text += wxString::Format(_(" \u00b7 %s of the way to target"), percent(*r.percent_to_target));
        if (r.previous_period && r.overall.previous)
            text += wxString::Format(_(" \u00b7 %s: %s (%s)"), period_name(*r.previous_period), num(r.overall.previous),
                                     signed_num(r.overall.change));
        summary_->set_text(text);
    }
    fill_table();
    fill_actions();
    draw_radar();
    Layout();
}

void ResultsPage::fill_table() {
    int keep = selected_dimension();
    table_->DeleteAllItems();
    rows_.clear();
    if (!scored_) return;
    const Framework& fw = *scored_->framework;
    const RoundResult& r = scored_->result;
    for (std::size_t i = 0; i < fw.dimensions.size() && i < r.dimensions.size(); ++i) {
        const Dimension& d = fw.dimensions[i];
        const NodeScore& n = r.dimensions[i];
        long row = table_->InsertItem(table_->GetItemCount(), wxString(' ', 3 * d.depth) + wxs(d.name));
        rows_.push_back(static_cast<int>(i));
        table_->SetItem(row, 1, num(n.score));
        const Level* lv = n.score ? fw.level(n.level) : nullptr;
        table_->SetItem(row, 2, n.score ? wxString::Format(wxS("%d "), n.level) + (lv ? wxs(lv->name) : wxString()) : wxString());
        table_->SetItem(row, 3, n.target ? wxs(target_text(*n.target)) : wxString());
        table_->SetItem(row, 4, num(n.gap));
        table_->SetItem(row, 5, signed_num(n.change));
        table_->SetItem(row, 6, n.applicable() ? percent(n.coverage()) : wxString());
    }
    if (keep >= 0)
        for (std::size_t i = 0; i < rows_.size(); ++i)
            if (rows_[i] == keep) table_->SetItemState(static_cast<long>(i), wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
}

void ResultsPage::fill_actions() {
    long keep = actions_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    actions_->DeleteAllItems();
    if (!scored_) return;
    const Framework& fw = *scored_->framework;
    for (const auto& it : items_) {
        wxString title = wxs(it.own() ? it.title : it.action), dim = wxs(it.dimension);
        if (it.own() && it.dimension.empty()) dim = _("No dimension");
        for (const auto& d : fw.dimensions) {
            if (it.own() && d.id == it.dimension) dim = wxs(d.name);
            for (const auto& a : d.actions)
                if (!it.own() && a.id == it.action) {
                    title = wxs(a.title);
                    dim = wxs(d.name);
                }
        }
        long row = actions_->InsertItem(actions_->GetItemCount(), title);
        actions_->SetItem(row, 1, dim);
        actions_->SetItem(row, 2, wxs(it.owner));
        actions_->SetItem(row, 3, wxs(it.due));
        actions_->SetItem(row, 4, status_label(it.status));
    }
    if (keep >= 0 && keep < actions_->GetItemCount()) actions_->SetItemState(keep, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
}

void ResultsPage::draw_radar() {
    if (!scored_) {
        radar_->set_painter({}, _("No results to chart"));
        return;
    }
    const Framework& fw = *scored_->framework;
    const RoundResult& r = scored_->result;
    std::vector<int> axes = radar_axes(fw);
    std::vector<wxString> names;
    RadarSeries current{_("This round"), {}, SeriesStyle::Filled, 0};
    RadarSeries target{_("Target"), {}, SeriesStyle::Dashed, 1};
    RadarSeries previous{r.previous_period ? period_name(*r.previous_period) : _("Previous round"), {}, SeriesStyle::Line, 2};
    wxString description = _("Radar chart.");
    for (int a : axes) {
        const auto& d = fw.dimensions[static_cast<std::size_t>(a)];
        const auto& n = r.dimensions[static_cast<std::size_t>(a)];
        names.push_back(wxs(d.name));
        current.values.push_back(n.score);
        target.values.push_back(n.target ? std::optional<double>(*n.target) : std::nullopt);
        previous.values.push_back(n.previous);
        description += wxS(" ") + wxs(d.name) + wxS(": ") + (n.score ? num(n.score) : _("no score")) +
                       (n.target ? wxString::Format(_(", target %s"), wxs(target_text(*n.target))) : wxString()) + wxS(".");
    }
    std::vector<RadarSeries> series{current};
    bool any_target = std::any_of(target.values.begin(), target.values.end(), [](const auto& v) { return v.has_value(); });
    bool any_previous = std::any_of(previous.values.begin(), previous.values.end(), [](const auto& v) { return v.has_value(); });
    if (any_target) series.push_back(target);
    if (any_previous) series.push_back(previous);
    const double lo = fw.min_level(), hi = fw.max_level();
    radar_->set_painter(
        [names, series, lo, hi](wxGraphicsContext& gc, const wxRect& area, const ChartColours& colours) {
            return ys::gui::draw_radar(gc, area, colours, names, lo, hi, series);
        },
        description);
}

int ResultsPage::selected_dimension() const {
    long i = table_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (i < 0 || i >= static_cast<long>(rows_.size())) return -1;
    return rows_[static_cast<std::size_t>(i)];
}

void ResultsPage::edit_target() {
    int d = selected_dimension();
    if (!scored_ || d < 0) return;
    const Framework& fw = *scored_->framework;
    const NodeScore& n = scored_->result.dimensions[static_cast<std::size_t>(d)];
    // Whole and half levels; a fractional target opens at its own value.
    auto form = ask_target(this, fw, fw.dimensions[static_cast<std::size_t>(d)], n.target, n.target_by.value_or(""));
    if (!form) return;
    store::TargetRecord t{org_, fw.id, fw.dimensions[static_cast<std::size_t>(d)].id, form->by, form->level};
    host_.commands().Submit(new SetTargetCommand(host_, t));
}

void ResultsPage::adopt_action() {
    if (!scored_) return;
    const Framework& fw = *scored_->framework;
    const RoundResult& r = scored_->result;
    // Offered: actions not yet adopted, those that start at a dimension's current level first.
    std::vector<const Action*> now, later;
    for (std::size_t i = 0; i < fw.dimensions.size(); ++i) {
        const auto& d = fw.dimensions[i];
        int level = i < r.dimensions.size() && r.dimensions[i].score ? r.dimensions[i].level : fw.min_level();
        for (const auto& a : d.actions) {
            bool adopted = std::any_of(items_.begin(), items_.end(), [&](const auto& it) { return it.action == a.id; });
            if (adopted) continue;
            (a.from == level ? now : later).push_back(&a);
        }
    }
    now.insert(now.end(), later.begin(), later.end());  // may be empty: the council can still write its own
    store::ActionItem item;
    item.round = round();
    auto form = ask_action_item(this, fw, item, now);
    if (!form) return;
    host_.commands().Submit(new SaveActionItemCommand(host_, *form));
}

void ResultsPage::edit_action() {
    long i = actions_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (!scored_ || i < 0 || i >= static_cast<long>(items_.size())) return;
    auto form = ask_action_item(this, *scored_->framework, items_[static_cast<std::size_t>(i)], {});
    if (!form) return;
    host_.commands().Submit(new SaveActionItemCommand(host_, *form));
}

void ResultsPage::delete_target() {
    int d = selected_dimension();
    if (!scored_ || d < 0) return;
    const Framework& fw = *scored_->framework;
    const NodeScore& n = scored_->result.dimensions[static_cast<std::size_t>(d)];
    if (!n.target) return;
    const Dimension& dim = fw.dimensions[static_cast<std::size_t>(d)];
    store::TargetRecord t{org_, fw.id, dim.id, n.target_by.value_or(""), *n.target};
    const wxString name = wxs(dim.name);  // a copy: the page reads its results again when the store changes
    if (host_.commands().Submit(new DeleteTargetCommand(host_, t, name)))
        host_.set_status(wxString::Format(_("Target for %s deleted; Edit > Undo puts it back."), name));
}

void ResultsPage::delete_action() {
    long i = actions_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (!scored_ || i < 0 || i >= static_cast<long>(items_.size())) return;
    const store::ActionItem item = items_[static_cast<std::size_t>(i)];  // a copy, as above
    const wxString title = actions_->GetItemText(i);
    if (host_.commands().Submit(new DeleteActionItemCommand(host_, item, title)))
        host_.set_status(wxString::Format(_("\u201c%s\u201d taken out of the plan; Edit > Undo puts it back."), title));
}

}  // namespace ys::gui
