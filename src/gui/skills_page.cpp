#include "skills_page.h"

#include "wx_utf8.h"  // first: the UTF-8 _()

#include <algorithm>
#include <filesystem>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/config.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/wrapsizer.h>

#include "charts.h"
#include "column_fit.h"
#include "date_field.h"
#include "display_names.h"
#include "guard.h"
#include "io/platform.h"
#include "organisations.h"
#include "roadmap_dates.h"
#include "session.h"
#include "skills_page_rows.h"
#include "timestamps.h"
#include "wrapping_text.h"

namespace fs = std::filesystem;

namespace ys::gui {
namespace {

constexpr int kHeatmapMinWidth = 560;  // DIP

wxListCtrl* make_list(wxWindow* parent, const wxString& name, const wxString& tip, const std::vector<wxString>& headings,
                      int stretch) {
    auto* list = new wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL,
                                wxDefaultValidator, name);
    list->SetToolTip(tip);
    for (std::size_t c = 0; c < headings.size(); ++c)
        list->AppendColumn(headings[c], c == 0 || static_cast<int>(c) == stretch ? wxLIST_FORMAT_LEFT : wxLIST_FORMAT_RIGHT);
    keep_columns_fitted(*list, stretch);
    return list;
}

void set_rows(wxListCtrl& list, const TableRows& rows) {
    list.Freeze();
    list.DeleteAllItems();
    for (const auto& row : rows) {
        const long at = list.InsertItem(list.GetItemCount(), row.empty() ? wxString() : row[0]);
        for (std::size_t c = 1; c < row.size() && static_cast<int>(c) < list.GetColumnCount(); ++c)
            list.SetItem(at, static_cast<int>(c), row[c]);
    }
    list.Thaw();
}

wxString list_text(const wxListCtrl& list) {
    wxString out;
    for (long r = 0; r < list.GetItemCount(); ++r) {
        for (int c = 0; c < list.GetColumnCount(); ++c) out += (c ? wxS("\t") : wxString()) + list.GetItemText(r, c);
        out += wxS("\n");
    }
    return out;
}

wxString diagnostics_text(const Diagnostics& diags) {
    wxString out;
    // The engine's words only: the JSON pointer of a respondent means nothing on this page.
    for (const auto& d : diags.items()) out += wxs(d.message) + wxS("\n");
    return out;
}

// A labelled control in the top bar; the pairs wrap onto a second line when the page is narrow.
void add_pair(wxWindow* page, wxSizer* bar, const wxString& label, wxWindow* control) {
    auto* pair = new wxBoxSizer(wxHORIZONTAL);
    pair->Add(new wxStaticText(page, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, page->FromDIP(6));
    pair->Add(control, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, page->FromDIP(12));
    bar->Add(pair, 0, wxBOTTOM, page->FromDIP(4));
}

}  // namespace

SkillsPage::SkillsPage(wxWindow* parent, Host& host) : Page(parent, host, _("Skills")) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* bar = new wxWrapSizer(wxHORIZONTAL);
    rounds_choice_ = new wxChoice(this, wxID_ANY);
    rounds_choice_->SetName(_("Skills round"));
    rounds_choice_->SetToolTip(_("The skills self-assessment round whose people are shown"));
    add_pair(this, bar, _("R&ound:"), rounds_choice_);
    team_ = new wxChoice(this, wxID_ANY);
    team_->SetName(_("Team"));
    team_->SetToolTip(_("Everyone, or the people of one team"));
    add_pair(this, bar, _("T&eam:"), team_);
    target_ = new wxChoice(this, wxID_ANY);
    target_->SetName(_("Target role"));
    target_->SetToolTip(_("A role to develop towards, for everyone who has not named one of their own"));
    add_pair(this, bar, _("Tar&get role:"), target_);
    start_ = new DateField(this, next_financial_year_start(today_iso_date()));
    start_->SetName(_("Plan starts"));
    start_->SetToolTip(_("The first day of the training plan (dd/mm/yyyy)"));
    start_->SetMinSize(wxSize(start_->GetTextExtent(wxS("00/00/00000")).GetWidth() + FromDIP(40), -1));  // the whole date and the button
    add_pair(this, bar, _("Plan &starts:"), start_);
    levy_ = new wxCheckBox(this, wxID_ANY, _("Pays the apprenticeship &levy"));
    levy_->SetName(_("Pays the apprenticeship levy"));
    levy_->SetToolTip(_("Councils with a pay bill over \u00a33 million pay the levy, which meets apprenticeship training costs"));
    levy_->SetValue(true);
    bar->Add(levy_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT | wxBOTTOM, FromDIP(12));
    anonymise_ = new wxCheckBox(this, wxID_ANY, _("&Anonymise"));
    anonymise_->SetName(_("Anonymise"));
    anonymise_->SetToolTip(_("Number people instead of naming them and fold small teams together: for showing the profile to "
                             "anyone but the data lead"));
    bar->Add(anonymise_, 0, wxALIGN_CENTER_VERTICAL | wxBOTTOM, FromDIP(4));
    auto* report = new wxButton(this, wxID_ANY, _("&Make report\u2026"), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                                _("Make report"));
    report->SetToolTip(_("The team skills report as PDF, made with the round and the choices above"));
    report->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { if (on_make_report) on_make_report(); });
    report->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(!rounds_.empty()); });
    bar->Add(report, 0, wxALIGN_CENTER_VERTICAL | wxLEFT | wxBOTTOM, FromDIP(12));
    top->Add(bar, 0, wxEXPAND | wxALL, FromDIP(8));
    summary_ = new WrappingText(this, wxEmptyString, _("Skills summary"));
    top->Add(summary_, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));

    views_ = new wxNotebook(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(560, 320)));  // its least size: GTK warns below it
    views_->SetName(_("Skills views"));
    auto* people = new wxPanel(views_);
    auto* ps = new wxBoxSizer(wxVERTICAL);
    heatmap_ = new ChartPanel(people, _("People and skills heatmap"), FromDIP(wxSize(kHeatmapMinWidth, 240)));
    ps->Add(heatmap_, 1, wxEXPAND | wxALL, FromDIP(4));
    people->SetSizer(ps);
    views_->AddPage(people, _("People and skills"));

    auto* per_skill = new wxPanel(views_);
    auto* ss = new wxBoxSizer(wxVERTICAL);
    levels_caption_ = new WrappingText(per_skill, wxEmptyString, _("Levels"));
    ss->Add(levels_caption_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(4));
    spread_ = make_list(per_skill, _("Per skill"), _("How many people are at each level of each skill, and the median level"),
                        {_("Skill")}, 0);
    spread_->SetMinSize(FromDIP(wxSize(300, 120)));
    ss->Add(spread_, 3, wxEXPAND | wxALL, FromDIP(4));
    ss->Add(new wxStaticText(per_skill, wxID_ANY, _("Against roles")), 0, wxLEFT | wxRIGHT, FromDIP(4));
    spread_roles_ = make_list(per_skill, _("Per skill against roles"),
                              _("How many people's roles need each skill, and how many are below what their role or their "
                                "target role needs"),
                              {_("Skill"), _("Role needs it"), _("Below role"), _("Below target")}, 0);
    spread_roles_->SetMinSize(FromDIP(wxSize(300, 120)));
    ss->Add(spread_roles_, 2, wxEXPAND | wxALL, FromDIP(4));
    per_skill->SetSizer(ss);
    views_->AddPage(per_skill, _("Per skill"));

    auto* gaps = new wxPanel(views_);
    auto* gs = new wxBoxSizer(wxVERTICAL);
    gaps_ = make_list(gaps, _("Gaps"), _("Each skill a person has below the level their role, or their target role, needs"),
                      {_("Person"), _("Role"), _("Skill"), _("Has"), _("Needs"), _("Gap"), _("Against")}, 2);
    gs->Add(gaps_, 1, wxEXPAND | wxALL, FromDIP(4));
    gaps->SetSizer(gs);
    views_->AddPage(gaps, _("Gaps"));

    auto* growing = new wxPanel(views_);
    auto* rs = new wxBoxSizer(wxVERTICAL);
    readiness_ = make_list(growing, _("Target roles"),
                           _("Who could be grown into their target role: the gaps against it now, and when the training "
                             "plan closes them"),
                           {_("Person"), _("Target role"), _("Gaps now"), _("Not rated"), _("Ready by")}, 1);
    rs->Add(readiness_, 1, wxEXPAND | wxALL, FromDIP(4));
    growing->SetSizer(rs);
    views_->AddPage(growing, _("Target roles"));

    auto* training = new wxPanel(views_);
    auto* ts = new wxBoxSizer(wxVERTICAL);
    ts->Add(new wxStaticText(training, wxID_ANY, _("Team summary")), 0, wxLEFT | wxTOP, FromDIP(4));
    needs_ = make_list(training, _("Team summary"), _("How many people need each kind of training, and what it costs the team"),
                       {_("Training"), _("Kind"), _("People"), _("Cost"), _("Funded"), _("Council pays")}, 0);
    needs_->SetMinSize(FromDIP(wxSize(300, 90)));
    ts->Add(needs_, 2, wxEXPAND | wxALL, FromDIP(4));
    ts->Add(new wxStaticText(training, wxID_ANY, _("Plan per person")), 0, wxLEFT, FromDIP(4));
    plan_list_ = make_list(training, _("Training plan"),
                           _("What closes each person's gaps, when, and what it costs before and after funding; the last row "
                             "is the total"),
                           {_("Person"), _("Training"), _("Closes"), _("Starts"), _("Ends"), _("Cost"), _("Funded"),
                            _("Council pays"), _("Notes")},
                           8);
    ts->Add(plan_list_, 3, wxEXPAND | wxALL, FromDIP(4));
    training->SetSizer(ts);
    views_->AddPage(training, _("Training plan"));
    views_->SetMinSize(FromDIP(wxSize(560, 320)));
    top->Add(views_, 1, wxEXPAND | wxALL, FromDIP(8));
    SetSizer(top);

    std::string configured;
    if (auto* cfg = wxConfigBase::Get()) configured = path_u8(cfg->Read(wxS("/Roadmap/Assumptions"), wxEmptyString));
    std::error_code ec;
    assumptions_file_ = !configured.empty() && fs::exists(platform::path_from_utf8(configured), ec)
                            ? configured
                            : host_.session().shipped_assumptions_file();

    rounds_choice_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        wanted_round_ = round();
        load_round();
        compute();
    });
    for (wxChoice* c : {team_, target_}) c->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { compute(); });
    for (wxCheckBox* c : {levy_, anonymise_}) c->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { compute(); });
    // A new start date is used once it is a date: when the field is left or Enter pressed.
    start_->GetTextCtrl()->Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) {
        e.Skip();
        CallAfter([this] { compute(); });
    });
    start_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { compute(); });
}

std::string SkillsPage::round() const {
    const int i = rounds_choice_->GetSelection();
    if (i < 0 || i >= static_cast<int>(rounds_.size())) return {};
    return rounds_[static_cast<std::size_t>(i)].id;
}

void SkillsPage::select_round(const std::string& id) {
    if (wanted_round_ == id) return;
    wanted_round_ = id;
    mark_stale();
}

void SkillsPage::set_anonymise(bool on) {
    anonymise_->SetValue(on);
    compute();
}

void SkillsPage::set_team(const wxString& team) {
    const int i = team.empty() ? 0 : team_->FindString(team);
    team_->SetSelection(i == wxNOT_FOUND ? 0 : i);
    compute();
}

void SkillsPage::set_target_role(const std::string& id) {
    auto it = std::find(target_ids_.begin(), target_ids_.end(), id);
    target_->SetSelection(it == target_ids_.end() ? 0 : static_cast<int>(it - target_ids_.begin()) + 1);
    compute();
}

void SkillsPage::set_levy_payer(bool yes) {
    levy_->SetValue(yes);
    compute();
}

wxString SkillsPage::summary_text() const { return summary_->text(); }
wxString SkillsPage::heatmap_text() const { return heatmap_rows_; }
wxString SkillsPage::spread_text() const { return list_text(*spread_) + list_text(*spread_roles_); }
wxString SkillsPage::gaps_text() const { return list_text(*gaps_); }
wxString SkillsPage::plan_text() const { return list_text(*plan_list_); }
wxString SkillsPage::needs_text() const { return list_text(*needs_); }
wxString SkillsPage::readiness_text() const { return list_text(*readiness_); }

std::vector<wxString> SkillsPage::team_choices() const {
    std::vector<wxString> out;
    for (unsigned i = 0; i < team_->GetCount(); ++i) out.push_back(team_->GetString(i));
    return out;
}

SkillsReportOptions SkillsPage::report_options() const {
    SkillsReportOptions o;
    o.round = round();
    o.anonymise = anonymise_->GetValue();
    if (team_->GetSelection() > 0) o.team = u8(team_->GetStringSelection());
    const int t = target_->GetSelection();
    if (t > 0 && t - 1 < static_cast<int>(target_ids_.size())) o.target_role = target_ids_[static_cast<std::size_t>(t - 1)];
    o.start = start_->iso().value_or(next_financial_year_start(today_iso_date()));  // as compute() has it
    o.levy_payer = levy_->GetValue();
    o.assumptions = assumptions_file_;
    return o;
}

bool SkillsPage::load_inputs() {
    Session& s = host_.session();
    const std::string key = s.shipped_roles_file() + "|" + assumptions_file_;
    if (key == loaded_key_ && inputs_) return true;
    inputs_.reset();
    Diagnostics diags;
    inputs_ = load_roadmap_inputs(s.shipped_roles_file(), assumptions_file_, s.library_dirs(), diags);
    loaded_key_ = key;
    if (!inputs_) {
        show_nothing(_("The role catalogue or the cost assumptions could not be read:") + wxS("\n") + diagnostics_text(diags));
        return false;
    }
    fill_target_roles();
    return true;
}

void SkillsPage::fill_target_roles() {
    const wxString keep = target_->GetStringSelection();
    target_->Clear();
    target_ids_.clear();
    target_->Append(_("Each person's own"));
    std::vector<const Role*> roles;
    for (const Role& r : inputs_->roles.roles) roles.push_back(&r);
    std::stable_sort(roles.begin(), roles.end(), [](const Role* a, const Role* b) { return a->title < b->title; });
    for (const Role* r : roles) {
        target_->Append(wxs(r->title));
        target_ids_.push_back(r->id);
    }
    const int i = keep.empty() ? wxNOT_FOUND : target_->FindString(keep);
    target_->SetSelection(i == wxNOT_FOUND ? 0 : i);
    target_->InvalidateBestSize();
}

void SkillsPage::fill_teams(const std::vector<std::string>& teams) {
    const wxString keep = team_->GetSelection() > 0 ? team_->GetStringSelection() : wxString();
    team_->Clear();
    team_->Append(_("All teams"));
    for (const auto& t : teams) team_->Append(wxs(t));
    const int i = keep.empty() ? wxNOT_FOUND : team_->FindString(keep);
    team_->SetSelection(i == wxNOT_FOUND ? 0 : i);
    team_->InvalidateBestSize();
}

void SkillsPage::show_nothing(const wxString& why) {
    profile_.reset();
    plan_.reset();
    summary_->set_text(why);
    heatmap_rows_.clear();
    heatmap_->set_painter({}, why);
    set_rows(*spread_, {});
    set_rows(*spread_roles_, {});
    levels_caption_->set_text(wxString());
    set_rows(*gaps_, {});
    set_rows(*plan_list_, {});
    set_rows(*needs_, {});
    set_rows(*readiness_, {});
    Layout();
}

void SkillsPage::refresh() {
    Session& s = host_.session();
    rounds_choice_->Clear();
    rounds_.clear();
    loaded_.reset();
    if (!s.is_open() || org_.empty()) return show_nothing(_("Choose an organisation on the left."));
    if (!load_inputs()) return;
    guarded(this, s.path(), _("The skills rounds could not be read."), [&] {
        for (auto& r : store::list_rounds(s.db(), org_, false))
            if (r.framework_id == inputs_->roles.skills_framework_id) rounds_.push_back(std::move(r));
        std::stable_sort(rounds_.begin(), rounds_.end(), [](const auto& a, const auto& b) { return a.period > b.period; });
    });
    if (rounds_.empty()) {
        wxString name = wxs(org_);
        guarded(this, s.path(), _("The organisation could not be read."), [&] {
            if (auto o = store::find_organisation(s.db(), org_)) name = wxs(o->name);
        });
        return show_nothing(wxString::Format(
            _("%s has no skills round yet. A skills round is a round of the analyst skills self-assessment, in which each "
              "analyst rates their own skills: start one on the Assessments page, or import answers or a survey."),
            name));
    }
    int sel = 0;
    for (std::size_t i = 0; i < rounds_.size(); ++i) {
        rounds_choice_->Append(round_name(s.catalogue(), rounds_[i]));
        if (rounds_[i].id == wanted_round_) sel = static_cast<int>(i);
    }
    rounds_choice_->SetSelection(sel);
    rounds_choice_->InvalidateBestSize();
    load_round();
    compute();
}

void SkillsPage::load_round() {
    loaded_.reset();
    const std::string id = round();
    if (id.empty() || !inputs_) return;
    Session& s = host_.session();
    guarded(this, s.path(), _("The skills round could not be read."), [&] { loaded_ = store::load_round(s.db(), id); });
}

void SkillsPage::compute() {
    if (!loaded_ || !loaded_->framework || !loaded_->questionnaire || !inputs_) {
        if (!rounds_.empty()) show_nothing(_("The skills round could not be read."));
        return;
    }
    const Framework& fw = *loaded_->framework;
    // The same request as `yardstick-cli skills plan`: the round, the catalogue, the assumptions and the options.
    skills::SkillsRequest req;
    req.skills = &fw;
    req.questionnaire = loaded_->questionnaire.get();
    req.sets = {&loaded_->answers};
    req.roles = &inputs_->roles;
    req.profile.anonymise = anonymise_->GetValue();
    const int t = target_->GetSelection();
    if (t > 0 && t - 1 < static_cast<int>(target_ids_.size())) req.profile.target_role = target_ids_[static_cast<std::size_t>(t - 1)];
    req.plan.levy_payer = levy_->GetValue();
    req.plan.start = start_->iso().value_or(std::string());
    // A start that is not a date is said above the results, which start at the next 1 April meanwhile.
    wxString start_problem = start_->problem(_("Plan starts"), true);
    if (req.plan.start.empty()) req.plan.start = next_financial_year_start(today_iso_date());
    if (!start_problem.empty()) start_problem += wxString::Format(_(" The plan starts on %s meanwhile. "), uk_date(req.plan.start));
    Diagnostics diags;
    std::optional<skills::SkillsResult> everyone, result;
    bool ok = guarded(this, host_.session().path(), _("The skills profile could not be made."), [&] {
        // The teams offered are everyone's (anonymised alike), whichever is chosen now.
        everyone = skills::run_skills(req, diags);
        if (!everyone) return;
        std::vector<std::string> teams;
        for (const auto& team : everyone->profile.teams)
            if (team != "Other teams") teams.push_back(team);  // folded when anonymised: not a team to choose
        fill_teams(teams);
        if (team_->GetSelection() > 0) req.profile.team = u8(team_->GetStringSelection());
        req.assumptions = &inputs_->assumptions;
        result = skills::run_skills(req, diags);
    });
    if (!ok) return show_nothing(_("The skills profile could not be made."));
    if (!result || !result->plan) {
        return show_nothing(_("This round's people cannot be profiled yet:") + wxS("\n") + diagnostics_text(diags));
    }
    profile_ = std::move(result->profile);
    plan_ = std::move(*result->plan);

    const Heatmap h = people_heatmap(fw, *profile_);
    heatmap_rows_.clear();
    for (std::size_t r = 0; r < h.rows.size(); ++r) {
        heatmap_rows_ += h.rows[r];
        for (std::size_t c = 0; c < h.columns.size(); ++c) {
            const auto& v = h.cells[r * h.columns.size() + c];
            heatmap_rows_ += wxS("\t") + (v ? wxString::Format(wxS("%g"), *v) : wxString());
        }
        heatmap_rows_ += wxS("\n");
    }
    heatmap_->set_painter([h](wxGraphicsContext& gc, const wxRect& area, const ChartColours& c) { return draw_heatmap(gc, area, c, h); },
                          wxString::Format(_("Heatmap of %s by %s: each cell is the person's level."),
                                           count_text(static_cast<long long>(h.rows.size()), _("person"), _("people")),
                                           count_text(static_cast<long long>(h.columns.size()), _("skill"), _("skills"))));
    // Tall enough for each person's levels as numbers in the cells (the page scrolls when needed).
    heatmap_->SetMinSize(wxSize(FromDIP(kHeatmapMinWidth), std::max(FromDIP(240), heatmap_min_height(*heatmap_, h))));
    // The per-skill tables: the levels' columns follow the framework's scale, headed by the
    // level's number (named in the caption) so that the table fits a narrow window.
    const auto headings = spread_headings(fw);  // the skill, each level, not assessed, median, then against roles
    const std::size_t split = 1 + fw.levels.size() + 2;
    if (spread_->GetColumnCount() != static_cast<int>(split)) {
        spread_->ClearAll();
        spread_->AppendColumn(headings[0], wxLIST_FORMAT_LEFT);
        for (const Level& l : fw.levels) spread_->AppendColumn(wxString::Format(wxS("%d"), l.value), wxLIST_FORMAT_RIGHT);
        for (std::size_t c = 1 + fw.levels.size(); c < split && c < headings.size(); ++c) spread_->AppendColumn(headings[c], wxLIST_FORMAT_RIGHT);
    }
    wxString levels;
    for (const Level& l : fw.levels) levels += (levels.empty() ? wxString() : wxS(", ")) + wxString::Format(wxS("%d %s"), l.value, wxs(l.name));
    levels_caption_->set_text(wxString::Format(_("People at each level (%s), and the median level"), levels));
    TableRows by_level, by_role;
    for (const auto& row : spread_rows(fw, *profile_)) {
        by_level.emplace_back(row.begin(), row.begin() + static_cast<std::ptrdiff_t>(std::min(split, row.size())));
        std::vector<wxString> against{row.empty() ? wxString() : row[0]};
        for (std::size_t c = split; c < row.size(); ++c) against.push_back(row[c]);
        by_role.push_back(std::move(against));
    }
    set_rows(*spread_, by_level);
    set_rows(*spread_roles_, by_role);
    set_rows(*gaps_, gap_rows(fw, inputs_->roles, *profile_));
    set_rows(*needs_, need_rows(*plan_));
    set_rows(*readiness_, readiness_rows(inputs_->roles, *profile_, *plan_));
    set_rows(*plan_list_, plan_rows(fw, *profile_, *plan_));
    summary_->set_text(start_problem + skills_summary(*profile_, *plan_));
    fit_columns(*spread_, 0);
    levels_caption_->GetParent()->Layout();  // the caption may take another line
    Layout();
}

}  // namespace ys::gui
