#include "workbook_export.h"

#include "wx_utf8.h"  // first: the UTF-8 _()

#include <algorithm>
#include <filesystem>
#include <memory>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/filepicker.h>
#include <wx/radiobox.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/stdpaths.h>
#include <wx/utils.h>

#include "assessments_page.h"
#include "benchmark_page.h"
#include "benchmark_rules_panel.h"
#include "display_names.h"
#include "exit_codes.h"
#include "guard.h"
#include "host.h"
#include "main_frame.h"
#include "messages.h"
#include "organisations.h"
#include "output_dialog_parts.h"
#include "roadmap_page.h"
#include "rounds.h"
#include "save_files.h"
#include "session.h"
#include "skills_page.h"
#include "worker.h"

namespace fs = std::filesystem;

namespace ys::gui {

namespace {
const char* const kWhat[] = {"results", "benchmark", "roadmap", "team skills"};
}

WorkbookSource workbook_source(MainFrame& frame) {
    WorkbookSource src;
    const int page = frame.current_page();
    src.kind = page == MainFrame::kBenchmark ? WorkbookDialog::kBenchmark
               : page == MainFrame::kRoadmap ? WorkbookDialog::kRoadmap
               : page == MainFrame::kSkills  ? WorkbookDialog::kSkills
                                             : WorkbookDialog::kResults;
    src.round = frame.assessments()->selected_round();
    const std::string org = frame.selected_organisation();
    if (BenchmarkPage* b = frame.benchmark(); b && b->organisation() == org && !b->stale()) {
        src.group = b->chosen_group();
        src.period = b->chosen_period();
        src.periods = b->periods();
        src.anonymise_benchmark = b->anonymised();
    }
    if (RoadmapPage* r = frame.roadmap(); r && r->organisation() == org && !r->stale() && r->plan()) {
        src.has_plan = true;
        src.plan_round = r->round_id();
        src.roadmap = r->options();
        src.assumptions = r->assumptions_file();
        src.scenario_name = r->scenario_name();
    }
    if (SkillsPage* k = frame.skills(); k && k->organisation() == org && !k->stale()) src.skills = k->report_options();
    if (src.kind == WorkbookDialog::kRoadmap && !src.has_plan) src.kind = WorkbookDialog::kResults;
    return src;
}

WorkbookDialog::WorkbookDialog(wxWindow* parent, Host& host, const std::string& organisation, const WorkbookSource& source)
    : wxDialog(parent, wxID_ANY, _("Export workbook"), wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      host_(host),
      organisation_(organisation),
      source_(source) {
    SetName(_("Export workbook"));
    const OrganisationChoices read = read_organisation_choices(parent, host_.session(), organisation);
    const std::string& org_name = read.name;
    org_name_ = org_name;
    const std::vector<store::RoundRecord>& rounds = read.rounds;
    const std::vector<BenchmarkGroup>& groups = read.groups;

    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* intro = new wxStaticText(this, wxID_ANY,
                                   wxString::Format(_("A workbook (.xlsx) for Excel or LibreOffice from %s: numbers as numbers, "
                                                      "a header row with filters on every sheet, and a sheet saying where the "
                                                      "figures come from."),
                                                    wxs(org_name)));
    intro->Wrap(FromDIP(500));
    top->Add(intro, 0, wxALL, FromDIP(10));
    wxArrayString kinds;
    kinds.push_back(_("Results of a round: dimensions, questions, respondents"));
    kinds.push_back(_("Benchmark: organisations by dimension, quartiles, ranks, trends"));
    kinds.push_back(_("Roadmap: posts per year, every cost line at low, mid and high, assumptions"));
    kinds.push_back(_("Team skills: each person's levels, the gaps, and the training plan with its costs"));
    kind_ = new wxRadioBox(this, wxID_ANY, _("Workbook"), wxDefaultPosition, wxDefaultSize, kinds, 1, wxRA_SPECIFY_COLS);
    kind_->SetName(_("Workbook"));
    top->Add(kind_, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(10));

    auto* grid = new wxFlexGridSizer(2, FromDIP(6), FromDIP(10));
    grid->AddGrowableCol(1, 1);
    auto row = [&](const wxString& label, wxWindow* control, const wxString& name) {
        add_labelled_row(this, grid, label, control, name);
    };
    round_choice_ = new wxChoice(this, wxID_ANY);
    int sel = -1, newest = 0;
    for (const auto& r : rounds) {
        round_choice_->Append(round_label(host_.session().catalogue(), r));
        rounds_.push_back(r.id);
        const int i = static_cast<int>(rounds_.size()) - 1;
        if (r.id == source.round) sel = i;
        if (r.period > rounds[static_cast<std::size_t>(newest)].period) newest = i;
    }
    if (sel < 0) sel = newest;  // no round chosen on the Assessments page: the latest
    if (!rounds_.empty()) round_choice_->SetSelection(sel);
    round_choice_->SetToolTip(_("Results: the round whose scores, answers and respondents are written"));
    row(_("R&ound:"), round_choice_, _("Round"));
    skills_round_ = new wxChoice(this, wxID_ANY);
    int skills_sel = 0;
    for (const auto& r : skills_rounds_of(host_.session(), rounds)) {
        skills_round_->Append(round_label(host_.session().catalogue(), r));
        skills_rounds_.push_back(r.id);
        if (r.id == source.skills.round) skills_sel = static_cast<int>(skills_rounds_.size()) - 1;
    }
    if (!skills_rounds_.empty()) skills_round_->SetSelection(skills_sel);  // the Skills page's, else the newest
    skills_round_->SetToolTip(_("Team skills: the skills self-assessment round the workbook is made from"));
    row(_("S&kills round:"), skills_round_, _("Skills round"));
    group_ = new wxChoice(this, wxID_ANY);
    for (const auto& g : groups) {
        group_->Append(g.label);
        group_children_.push_back(g.selection.children_of);
        group_peer_.push_back(g.selection.peer_group);
        group_orgs_.push_back(g.selection.organisations);
    }
    if (!groups.empty())
        group_->SetSelection(source.group >= 0 && source.group < static_cast<int>(groups.size()) ? source.group : 0);
    group_->SetToolTip(_("Benchmark: the organisations compared"));
    row(_("&Compare with:"), group_, _("Compare with"));
    period_ = new wxChoice(this, wxID_ANY);
    period_->Append(_("Each one's latest round"));
    periods_ = source.periods;
    if (periods_.empty())
        for (const auto& r : rounds)
            if (std::find(periods_.begin(), periods_.end(), r.period) == periods_.end()) periods_.push_back(r.period);
    period_->SetSelection(0);
    for (std::size_t i = 0; i < periods_.size(); ++i) {
        period_->Append(period_name(periods_[i]));
        if (periods_[i] == source.period) period_->SetSelection(static_cast<int>(i) + 1);
    }
    period_->SetToolTip(_("Benchmark: each organisation's latest round, or every round of one period"));
    row(_("&Period:"), period_, _("Period"));
    plan_ = new wxStaticText(this, wxID_ANY,
                             !source.has_plan ? _("Open the Roadmap page to make a plan first.")
                             : source.scenario_name.empty()
                                 ? _("The plan on the Roadmap page (not saved)")
                                 : wxString::Format(_("The plan on the Roadmap page: %s"), wxs(source.scenario_name)));
    row(_("Plan:"), plan_, _("Plan"));
    top->Add(grid, 0, wxEXPAND | wxALL, FromDIP(10));

    anonymise_ = new wxCheckBox(this, wxID_ANY,
                                _("&Anonymise (results: no names; benchmark: others as Council A, B, \u2026; team skills: "
                                  "people numbered)"));
    anonymise_->SetName(_("Anonymise"));
    anonymise_->SetValue((source.anonymise_benchmark && source.kind == kBenchmark) || (source.skills.anonymise && source.kind == kSkills));
    top->Add(anonymise_, 0, wxLEFT | wxRIGHT, FromDIP(10));

    auto* out = new wxFlexGridSizer(2, FromDIP(6), FromDIP(10));
    out->AddGrowableCol(1, 1);
    // No overwrite prompt in the picker: an unsafe output is refused before the question.
    // The name follows the kind (set_kind below), in the folder last saved to.
    out_ = new wxFilePickerCtrl(this, wxID_ANY, path_in(last_output_folder(), default_name(kResults)), _("Save the workbook as"),
                                _("Excel workbook (*.xlsx)|*.xlsx"), wxDefaultPosition, wxDefaultSize, wxFLP_SAVE | wxFLP_USE_TEXTCTRL);
    out_->SetName(_("Workbook file"));
    out_->SetToolTip(_("Where the workbook is written (atomically: a reader never sees half a file)"));
    out->Add(new wxStaticText(this, wxID_ANY, _("&File:")), 0, wxALIGN_CENTER_VERTICAL | wxALIGN_RIGHT);
    out->Add(out_, 1, wxEXPAND);
    top->Add(out, 0, wxEXPAND | wxALL, FromDIP(10));

    note_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    note_->SetName(_("Workbook status"));
    top->Add(note_, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(10));
    auto* buttons = new wxStdDialogButtonSizer;
    auto* make = new wxButton(this, wxID_OK, _("&Write workbook"));
    make->SetDefault();
    buttons->AddButton(make);
    buttons->AddButton(new wxButton(this, wxID_CANCEL, _("Close")));
    buttons->Realize();
    top->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(10));
    SetSizerAndFit(top);
    SetMinSize(GetSize());
    CentreOnParent();

    kind_->Bind(wxEVT_RADIOBOX, [this](wxCommandEvent&) { set_kind(static_cast<Kind>(kind_->GetSelection())); });
    make->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        generate([this](const std::string& written) {
            if (written.empty()) return;
            wxString text = wxString::Format(_("Wrote %s."), wxs(written));
            if (!notes_.empty()) text += wxS("\n\n") + notes_;  // the plan's warnings, an upgraded database
            offer_to_open(this, _("Workbook written"), text, written);
        });
    });
    set_kind(static_cast<Kind>(source.kind));
}

int WorkbookDialog::kind() const { return kind_->GetSelection(); }

void WorkbookDialog::set_kind(Kind kind) {
    kind_->SetSelection(kind);
    // The default file name follows the kind; a name the user typed keeps its folder.
    fs::path p = fs::u8path(path_u8(out_->GetPath()));
    out_->SetPath(path_in(wxs(p.parent_path().u8string()), default_name(kind)));
    update_controls();
}

void WorkbookDialog::set_output(const std::string& path) { out_->SetPath(wxs(path)); }
wxString WorkbookDialog::output() const { return out_->GetPath(); }

std::string WorkbookDialog::default_name(Kind kind) const {
    return output_file_name(org_name_, kWhat[kind], fixed_date_.empty() ? today_iso() : fixed_date_, ".xlsx");
}
void WorkbookDialog::set_anonymise(bool on) { anonymise_->SetValue(on); }

void WorkbookDialog::update_controls() {
    const int k = kind_->GetSelection();
    kind_->Enable(kRoadmap, source_.has_plan);
    round_choice_->Enable(k == kResults && !rounds_.empty());
    skills_round_->Enable(k == kSkills && !skills_rounds_.empty());
    group_->Enable(k == kBenchmark && group_->GetCount() > 0);
    period_->Enable(k == kBenchmark);
    plan_->Enable(k == kRoadmap);
    anonymise_->Enable(k != kRoadmap);
    FindWindow(wxID_OK)->Enable(!busy_);
}

std::optional<jobs::WorkbookJob> WorkbookDialog::job(wxString& problem) const {
    Session& s = host_.session();
    jobs::WorkbookJob j;
    const int k = kind_->GetSelection();
    j.kind = k == kBenchmark ? jobs::WorkbookKind::benchmark
             : k == kRoadmap ? jobs::WorkbookKind::roadmap
             : k == kSkills  ? jobs::WorkbookKind::skills
                             : jobs::WorkbookKind::results;
    j.database = s.path();
    j.shipped_dir = s.dirs().shipped;
    j.library_dirs = s.library_dirs();
    j.out = path_u8(out_->GetPath());
    j.anonymise = k != kRoadmap && anonymise_->GetValue();
    if (!fixed_date_.empty()) {
        j.date = fixed_date_;
        j.fixed_date = true;
    }
    if (k == kResults) {
        const int r = round_choice_->GetSelection();
        if (r < 0 || r >= static_cast<int>(rounds_.size())) {
            problem = _("This organisation has no round yet: start one on the Assessments page.");
            return std::nullopt;
        }
        j.round = rounds_[static_cast<std::size_t>(r)];
        j.organisation = organisation_;
    } else if (k == kBenchmark) {
        const int g = group_->GetSelection();
        if (g < 0 || g >= static_cast<int>(group_peer_.size())) {
            problem = _("There is nothing to compare this organisation with.");
            return std::nullopt;
        }
        j.organisation = organisation_;  // the viewer: named even when the others are not
        j.peer_group = group_peer_[static_cast<std::size_t>(g)];
        j.children_of = group_children_[static_cast<std::size_t>(g)];
        j.compare = group_orgs_[static_cast<std::size_t>(g)];
        const int p = period_->GetSelection();
        if (p > 0 && p <= static_cast<int>(periods_.size())) j.period = periods_[static_cast<std::size_t>(p - 1)];
        // The inclusion rules as the Benchmark page last had them (bench15).
        j.min_coverage = saved_benchmark_minimums().min_coverage;
        j.min_respondents = saved_benchmark_minimums().min_respondents;
    } else if (k == kSkills) {
        const int r = skills_round_->GetSelection();
        if (r < 0 || r >= static_cast<int>(skills_rounds_.size())) {
            problem = wxString::Format(_("%s has no skills round yet. A skills round is a round of the data skills "
                                         "self-assessment: start one on the Assessments page."),
                                       wxs(org_name_));
            return std::nullopt;
        }
        // The plan as the Skills page makes it (its options, its assumptions).
        j.organisation = organisation_;
        j.round = skills_rounds_[static_cast<std::size_t>(r)];
        if (j.round == source_.skills.round) j.team = source_.skills.team;  // a team is of the page's round
        j.target_role = source_.skills.target_role;
        j.start = source_.skills.start;
        j.levy_payer = source_.skills.levy_payer;
        j.assumptions_file = source_.skills.assumptions;
    } else {
        if (!source_.has_plan) {
            problem = _("There is no plan yet: open the Roadmap page, where the plan is made.");
            return std::nullopt;
        }
        // The plan as the page shows it, saved or not (as File > Reports' business case).
        j.organisation = organisation_;
        j.round = source_.plan_round;
        j.roadmap = source_.roadmap;
        j.assumptions_file = source_.assumptions;
    }
    if (j.out.empty()) {
        problem = _("Choose where to save the workbook.");
        return std::nullopt;
    }
    return j;
}

void WorkbookDialog::generate(std::function<void(const std::string&)> done) {
    if (busy_) return;
    wxString problem;
    auto j = job(problem);
    if (!j) {
        show_error(this, _("No workbook written"), problem);
        if (done) done({});
        return;
    }
    // Never over the open database or an input: said before asking about replacing.
    if (std::string why = jobs::refused_workbook_output(*j); !why.empty()) {
        show_error(this, _("No workbook written"), _("The workbook would replace a file Yardstick is using, or is not a file."),
                   wxs(why), exit_code::usage);
        if (done) done({});
        return;
    }
    std::error_code ec;
    if (fs::exists(fs::u8path(j->out), ec) &&
        ask(this, _("Replace file?"), wxString::Format(_("%s exists already. Replace it with the new workbook?"), wxs(j->out)),
            {_("Replace"), _("Cancel")}) != 0) {
        if (done) done({});
        return;
    }
    busy_ = true;
    update_controls();
    note_->SetLabel(_("Writing the workbook\u2026"));
    auto result = std::make_shared<jobs::WorkbookResult>();
    const jobs::WorkbookJob request = *j;
    run_in_background(
        this, _("Writing the workbook"),
        [request, result](Progress& p) { *result = jobs::write_workbook(request, p); },
        [this, result, done](const JobOutcome& o) {
            busy_ = false;
            update_controls();
            std::string written;
            if (o.error) {
                guarded(this, host_.session().path(), _("The workbook was not written."), [&] { std::rethrow_exception(o.error); });
            } else if (o.cancelled && result->exit_code != exit_code::ok) {
                note_->SetLabel(_("Cancelled: nothing was written."));
            } else if (result->exit_code != exit_code::ok) {
                show_error(this, _("No workbook written"), _("The workbook could not be written; no file was changed."),
                           wxs(result->error), result->exit_code);
                note_->SetLabel(wxEmptyString);
            } else {
                written = result->written;
                remember_output_folder(written);
                wxString notes;
                for (const auto& n : result->notes) notes += wxs(n) + wxS("\n");
                note_->SetLabel(wxString::Format(_("Wrote %s."), wxs(written)));
                host_.set_status(wxString::Format(_("Wrote the workbook %s"), wxs(written)));
                notes_ = notes;
            }
            Layout();
            if (done) done(written);
        });
}

void show_workbook_dialog(MainFrame& frame) {
    if (!frame.session().is_open() || frame.selected_organisation().empty()) return;
    WorkbookDialog dlg(&frame, frame, frame.selected_organisation(), workbook_source(frame));
    dlg.ShowModal();
}

}  // namespace ys::gui
