#include "roadmap_page.h"

#include "wx_utf8.h"  // first: the UTF-8 _()

#include <algorithm>
#include <filesystem>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/config.h>
#include <wx/filedlg.h>
#include <wx/filepicker.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>
#include <wx/utils.h>

#include "atomic_file.h"
#include "guard.h"
#include "io/output_path.h"
#include "json_read.h"
#include "roadmap_dates.h"
#include "roadmap_forms.h"
#include "roadmap_results.h"
#include "roadmap_words.h"
#include "scenario_editor.h"
#include "scored_rounds.h"
#include "session.h"
#include "timestamps.h"
#include "display_names.h"
#include "io/platform.h"

namespace fs = std::filesystem;

namespace ys::gui {

RoadmapPage::RoadmapPage(wxWindow* parent, Host& host) : Page(parent, host, _("Roadmap")) {
    // The controls are made when the page is first shown: a scrolled window sized while its
    // notebook page is hidden upsets GTK, and the start is quicker.
}

ScenarioEditor* RoadmapPage::editor() {
    build();
    return editor_;
}

RoadmapResults* RoadmapPage::results() {
    build();
    return results_;
}

void RoadmapPage::build() {
    if (built_) return;
    built_ = true;
    Freeze();
    auto* top = new wxBoxSizer(wxVERTICAL);

    // The round, and the scenario shown with what can be done with scenarios.
    auto* head = new wxBoxSizer(wxHORIZONTAL);
    head->Add(new wxStaticText(this, wxID_ANY, _("Scores and targets from &round:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(6));
    round_ = new wxChoice(this, wxID_ANY);
    round_->SetName(_("Scores and targets from round"));
    round_->SetToolTip(_("The round whose scores and the organisation's targets set what the roadmap aims for"));
    head->Add(round_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(16));
    name_label_ = new wxStaticText(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
    name_label_->SetName(_("Scenario shown"));
    name_label_->SetFont(name_label_->GetFont().Bold());
    top->Add(head, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(8));
    // On a line of its own: beside a round's long name it ran off a narrow page.
    top->Add(name_label_, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(8));

    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    auto button = [&](const wxString& label, const wxString& name, const wxString& tip) {
        auto* b = new wxButton(this, wxID_ANY, label, wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
        b->SetName(name);
        b->SetToolTip(tip);
        bar->Add(b, 0, wxRIGHT, FromDIP(4));
        return b;
    };
    bar->Add(new wxStaticText(this, wxID_ANY, _("Scenarios:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(6));
    new_ = button(_("&New"), _("New scenario"), _("Start a new scenario for this organisation"));
    open_ = button(_("&Open\u2026"), _("Open scenario"), _("Open one of this organisation's saved scenarios"));
    save_ = button(_("Sa&ve"), _("Save scenario"), _("Save the scenario under its name"));
    save_as_ = button(_("Save &as\u2026"), _("Save scenario as"), _("Save the scenario under a new name for this organisation"));
    rename_ = button(_("Rena&me\u2026"), _("Rename scenario"), _("Give the saved scenario another name"));
    delete_ = button(_("De&lete\u2026"), _("Delete scenario"), _("Delete one of this organisation's saved scenarios"));
    compare_ = button(_("Com&pare\u2026"), _("Compare scenarios"), _("Show two or more saved scenarios side by side"));
    import_ = button(_("&Import file\u2026"), _("Import scenario file"), _("Read a scenario file (yardstick-roadmap-scenario/1) into the editor"));
    export_ = button(_("E&xport file\u2026"), _("Export scenario file"), _("Write the scenario to a file, for the command line or another organisation"));
    top->Add(bar, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(6));

    split_ = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3DSASH, _("Roadmap panes"));
    editor_ = new ScenarioEditor(split_);
    results_ = new RoadmapResults(split_);
    split_->SetMinimumPaneSize(FromDIP(240));
    split_->SetSashGravity(0.0);
    split_->SplitVertically(editor_, results_, FromDIP(400));
    top->Add(split_, 1, wxEXPAND | wxALL, FromDIP(6));
    SetSizer(top);

    editor_->on_changed([this] { edited(); });
    round_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { recompute(); });
    editor_->assumptions_picker()->Bind(wxEVT_FILEPICKER_CHANGED, [this](wxFileDirPickerEvent&) {
        set_assumptions_file(path_u8(editor_->assumptions_picker()->GetPath()));
    });
    editor_->dated_copy_button()->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        std::string dir = host_.session().dirs().user.empty() ? std::string() : host_.session().dirs().user + "/assumptions";
        std::error_code ec;
        if (!dir.empty()) fs::create_directories(platform::path_from_utf8(dir), ec);
        wxFileDialog dlg(this, _("Save a dated copy of the assumptions"), wxs(dir), wxs(dated_copy_name()),
                         _("Assumptions (*.json)|*.json"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
        if (dlg.ShowModal() == wxID_OK) save_dated_copy(path_u8(dlg.GetPath()));
    });
    editor_->edit_assumptions_button()->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (assumptions_file_ == host_.session().shipped_assumptions_file()) {
            show_info(this, _("Edit assumptions"),
                      _("The shipped assumptions are not edited in place: save a dated copy first, then edit the copy."));
            return;
        }
        if (!wxLaunchDefaultApplication(wxs(assumptions_file_)))
            show_error(this, _("Edit assumptions"), _("No application could open the file."), wxs(assumptions_file_));
        loaded_key_.clear();  // read again when next costed
    });
    bind_scenario_buttons();
    // Coming back to the page after editing the assumptions costs them again.
    Bind(wxEVT_SHOW, [this](wxShowEvent& e) {
        e.Skip();
        if (e.IsShown() && loaded_key_.empty() && !org_.empty()) CallAfter([this] { recompute(); });
    });

    std::string configured;
    if (auto* cfg = wxConfigBase::Get()) configured = path_u8(cfg->Read(wxS("/Roadmap/Assumptions"), wxEmptyString));
    std::error_code ec;
    assumptions_file_ = !configured.empty() && fs::exists(platform::path_from_utf8(configured), ec) ? configured : host_.session().shipped_assumptions_file();
    editor_->assumptions_picker()->SetPath(wxs(assumptions_file_));
    RoadmapScenario fresh;
    fresh.start = next_financial_year_start(today_iso_date());
    editor_->set_scenario(fresh);
    show_name();
    Layout();
    Thaw();
}

wxString RoadmapPage::summary_text() const { return results_ ? results_->summary_text() : wxString(); }

RoadmapScenario RoadmapPage::scenario() { return editor()->scenario(); }

void RoadmapPage::set_scenario(const RoadmapScenario& s) {
    build();
    editor_->set_scenario(s);
    recompute();
}

void RoadmapPage::edited() {
    modified_ = true;
    show_name();
    recompute();
}

void RoadmapPage::show_name() {
    const std::string shown = editor_->scenario().name;
    wxString text = !name_.empty()    ? wxString::Format(_("Scenario \u201c%s\u201d"), wxs(name_))
                    : !shown.empty() ? wxString::Format(_("\u201c%s\u201d \u2013 not saved here"), wxs(shown))
                                     : _("New scenario (not saved)");
    if (modified_ && !name_.empty()) text += _(" \u2013 changed since it was saved");
    name_label_->SetLabel(text);
    name_label_->SetToolTip(text);
}

std::string RoadmapPage::dated_copy_name() const {
    std::string stem = platform::utf8_from_path(platform::path_from_utf8(assumptions_file_).stem());
    // A copy of a copy keeps one date: "x-2026-11-21" becomes "x-<today>".
    if (stem.size() > 11 && stem[stem.size() - 11] == '-' && is_iso_date(stem.substr(stem.size() - 10)))
        stem = stem.substr(0, stem.size() - 11);
    return stem + "-" + today_iso_date() + ".json";
}

void RoadmapPage::set_assumptions_file(const std::string& path) {
    build();
    assumptions_file_ = path;
    editor_->assumptions_picker()->SetPath(wxs(path));
    if (auto* cfg = wxConfigBase::Get()) {
        cfg->Write(wxS("/Roadmap/Assumptions"), wxs(path == host_.session().shipped_assumptions_file() ? std::string() : path));
        cfg->Flush();
    }
    loaded_key_.clear();
    recompute();
}

bool RoadmapPage::save_dated_copy(const std::string& path) {
    build();
    std::string text, error;
    if (!read_text_file(assumptions_file_, 64u * 1024u * 1024u, text, error)) {
        show_error(this, _("Copy not saved"), _("The assumptions file could not be read."), wxs(error), exit_code::invalid_input);
        return false;
    }
    // Not over the assumptions being copied, nor the open database.
    OutputCheck check = check_outputs({{{"The copy", path}}, {{"the assumptions", assumptions_file_}}, host_.session().path()});
    if (!check.ok()) {
        show_error(this, _("Copy not saved"), _("The copy would replace a file Yardstick is using."), wxs(check.message),
                   exit_code::usage);
        return false;
    }
    if (!write_file_atomic(path, text, error)) {
        show_error(this, _("Copy not saved"), _("The copy could not be written."), wxs(error), exit_code::output_failed);
        return false;
    }
    set_assumptions_file(path);
    host_.set_status(wxString::Format(_("Saved %s; the roadmap is now costed with it."), wxs(path)));
    return true;
}

bool RoadmapPage::load_inputs() {
    Session& s = host_.session();
    const std::string key = s.shipped_roles_file() + "|" + assumptions_file_;
    if (key == loaded_key_ && inputs_) return true;
    inputs_.reset();
    editor_->set_inputs(nullptr, nullptr);
    Diagnostics diags;
    inputs_ = load_roadmap_inputs(s.shipped_roles_file(), assumptions_file_, s.library_dirs(), diags);
    loaded_key_ = key;
    if (!inputs_) {
        wxString detail;
        for (const auto& d : diags.items()) detail += wxs(to_string(d)) + wxS("\n");
        error_ = u8(_("The role catalogue or the cost assumptions could not be read:")) + "\n" + u8(detail);
        return false;
    }
    editor_->set_inputs(&inputs_->roles, inputs_->framework.get());
    return true;
}

void RoadmapPage::refresh() {
    build();
    Session& s = host_.session();
    wxString keep = round_->GetStringSelection();
    round_->Clear();
    rounds_.clear();
    scored_.reset();
    scored_round_.clear();
    place_.reset();
    if (s.is_open() && !org_.empty()) {
        guarded(this, s.path(), _("The rounds could not be read."), [&] {
            rounds_ = store::list_rounds(s.db(), org_, false);
            std::stable_sort(rounds_.begin(), rounds_.end(), [](const auto& a, const auto& b) { return a.period > b.period; });
            place_ = store::find_organisation(s.db(), org_);
        });
    }
    round_->Append(_("None: nothing known yet"));
    for (const auto& r : rounds_) round_->Append(round_name(s.catalogue(), r));
    int i = keep.empty() ? wxNOT_FOUND : round_->FindString(keep);
    round_->SetSelection(i != wxNOT_FOUND ? i : (rounds_.empty() ? 0 : 1));
    round_->InvalidateBestSize();  // as wide as its longest entry
    Layout();
    // A scenario belongs to one organisation: the one being edited is kept aside for its
    // organisation (saved or not), and the organisation chosen gets back its own, or a new one.
    const std::string db = s.is_open() ? s.path() : std::string();
    if (org_ != scenario_org_ || db != scenario_db_) {
        if (!scenario_org_.empty()) drafts_[scenario_db_ + '\n' + scenario_org_] = {editor_->scenario(), name_, modified_};
        scenario_org_ = org_;
        scenario_db_ = db;
        auto kept = drafts_.find(db + '\n' + org_);
        if (kept != drafts_.end()) {
            name_ = kept->second.name;
            modified_ = kept->second.modified;
            editor_->set_scenario(kept->second.scenario);
        } else {
            name_.clear();
            modified_ = false;
            RoadmapScenario fresh;
            fresh.start = next_financial_year_start(today_iso_date());
            editor_->set_scenario(fresh);
        }
        show_name();
    }
    recompute();
}

RoadmapRequest RoadmapPage::options() {
    build();
    RoadmapRequest req;
    req.scenario = editor_->scenario();
    if (place_) {
        req.organisation_type = place_->type;
        req.organisation_region = place_->region;
        req.organisation_ons_code = place_->ons_code;
    }
    return req;
}

bool RoadmapPage::load_scores() {
    Session& s = host_.session();
    int sel = round_->GetSelection();
    std::string round = sel > 0 && sel <= static_cast<int>(rounds_.size()) ? rounds_[static_cast<std::size_t>(sel - 1)].id : std::string();
    if (round != scored_round_) {
        scored_.reset();
        scored_round_ = round;
        if (!round.empty() && s.is_open())
            guarded(this, s.path(), _("The round could not be scored."), [&] {
                ScoreReport report = store::score_stored_rounds(s.db(), {round}, ScoreOptions{false, false});
                if (report.ok() && !report.rounds.empty()) scored_ = report.rounds.front();
            });
    }
    if (scored_ && scored_->framework->id != inputs_->framework->id) {
        error_ = u8(wxString::Format(_("The round measures framework \u201c%s\u201d but the role catalogue is for \u201c%s\u201d."),
                                     wxs(scored_->framework->id), wxs(inputs_->framework->id)));
        return false;
    }
    return true;
}

std::optional<Roadmap> RoadmapPage::cost(const RoadmapScenario& s, std::string& error) {
    RoadmapRequest req = options();
    req.scenario = s;
    req.framework = scored_ ? scored_->framework.get() : inputs_->framework.get();
    req.roles = &inputs_->roles;
    req.assumptions = &inputs_->assumptions;
    req.current = scored_ ? &scored_->result : nullptr;
    // What a scenario file or the store may hold that the forms never make: said in words.
    Diagnostics diags;
    if (!check_scenario(s, inputs_->roles, *req.framework, diags)) {
        wxString text;
        for (const auto& d : diags.items()) text += (text.empty() ? wxString() : wxS(" ")) + scenario_problem(&s, &inputs_->roles, d);
        error = u8(text);
        return std::nullopt;
    }
    return build_roadmap(req, error);
}

void RoadmapPage::recompute() {
    build();
    plan_.reset();
    error_.clear();
    if (!load_inputs() || !load_scores()) {
        results_->show_problem(wxs(error_));
        return;
    }
    const RoadmapScenario s = editor_->scenario();
    FieldProblem settings = editor_->settings_problem();
    editor_->show_problem(settings);
    if (!settings.ok()) {
        error_ = u8(settings.text);
        results_->show_problem(_("The plan cannot be costed until this is put right: ") + settings.text);
        return;
    }
    {
        // What "from the organisation" means here, beside the choice.
        RoadmapRequest place = options();
        place.scenario.london_area.reset();
        std::string area_why;
        const LondonArea area = london_area(place, area_why);
        editor_->show_organisation_area(wxs(area_name(area)), wxs(area_why));
    }
    std::string why;
    plan_ = cost(s, why);
    if (!plan_) {
        error_ = why;
        results_->show_problem(_("The plan cannot be costed: ") + wxs(why));
        return;
    }
    const Framework& fw = scored_ ? *scored_->framework : *inputs_->framework;
    results_->show(*plan_, fw, inputs_->roles,
                   scored_ ? wxString() : _("No round chosen: the plan starts from nothing known about the council's maturity."));
}

}  // namespace ys::gui
