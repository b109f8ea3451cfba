#include "report_dialog.h"

#include "wx_utf8.h"  // first: the UTF-8 _()

#include <algorithm>
#include <atomic>
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

#include "display_names.h"
#include "benchmark_page.h"
#include "benchmark_rules_panel.h"
#include "exit_codes.h"
#include "guard.h"
#include "host.h"
#include "io/platform.h"
#include "messages.h"
#include "organisations.h"
#include "output_dialog_parts.h"
#include "roadmap_inputs.h"
#include "rounds.h"
#include "save_files.h"
#include "session.h"
#include "worker.h"
#ifdef YARDSTICK_HAVE_JOBS
#include "report_job.h"
#include "io/platform.h"
#endif

namespace fs = std::filesystem;

namespace ys::gui {

bool reports_available() {
#ifdef YARDSTICK_HAVE_JOBS
    return true;
#else
    return false;
#endif
}

ReportDialog::ReportDialog(wxWindow* parent, Host& host, const std::string& organisation, const std::string& round,
                           const RoadmapRequest& roadmap, const std::string& assumptions)
    : wxDialog(parent, wxID_ANY, _("Reports"), wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      host_(host),
      organisation_(organisation),
      round_(round),
      roadmap_(roadmap),
      assumptions_(assumptions) {
    SetName(_("Reports"));
    Session& s = host_.session();
    const OrganisationChoices read = read_organisation_choices(parent, s, organisation);
    const std::string& org_name = read.name;
    const std::vector<BenchmarkGroup>& groups = read.groups;
    const std::vector<store::RoundRecord>& rounds = read.rounds;

    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* intro = new wxStaticText(this, wxID_ANY, wxString::Format(_("Reports for %s, as PDF for printing and, if you wish, "
                                                                      "as accessible HTML."),
                                                                    wxs(org_name)));
    intro->Wrap(FromDIP(480));
    top->Add(intro, 0, wxALL, FromDIP(10));
    wxArrayString kinds;
    kinds.push_back(_("Action plan: where the organisation stands and the actions to the next level"));
    kinds.push_back(_("Benchmark: a heatmap, quartiles, trends and common gaps of a group"));
    kinds.push_back(_("Business case: the need, the roles and their cost per year"));
    kinds.push_back(_("Team skills: each person's skills, the team's gaps and a costed training plan"));
    kind_ = new wxRadioBox(this, wxID_ANY, _("Report"), wxDefaultPosition, wxDefaultSize, kinds, 1, wxRA_SPECIFY_COLS);
    kind_->SetName(_("Report"));
    top->Add(kind_, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(10));

    auto* grid = new wxFlexGridSizer(2, FromDIP(6), FromDIP(10));
    grid->AddGrowableCol(1, 1);
    auto row = [&](const wxString& label, wxWindow* control, const wxString& name) {
        add_labelled_row(this, grid, label, control, name);
    };
    round_choice_ = new wxChoice(this, wxID_ANY);
    round_choice_->Append(_("The latest round"));
    rounds_.push_back({});
    int sel = 0;
    for (const auto& r : rounds) {
        round_choice_->Append(round_label(s.catalogue(), r));
        rounds_.push_back(r.id);
        if (r.id == round) sel = static_cast<int>(rounds_.size()) - 1;
    }
    round_choice_->SetSelection(sel);
    round_choice_->SetToolTip(_("Action plan and business case: the round they are made from"));
    row(_("R&ound:"), round_choice_, _("Round"));
    // The role catalogue: the business case's roles, and which rounds are skills rounds.
    Diagnostics diags;
    const auto inputs = load_roadmap_inputs(s.shipped_roles_file(), assumptions_.empty() ? s.shipped_assumptions_file() : assumptions_,
                                            s.library_dirs(), diags);
    skills_round_ = new wxChoice(this, wxID_ANY);
    if (inputs && !inputs->roles.skills_framework_id.empty())
        for (const auto& r : skills_rounds_of(s, rounds, inputs->roles.skills_framework_id)) {
            skills_round_->Append(round_label(s.catalogue(), r));
            skills_rounds_.push_back(r.id);
        }
    if (!skills_rounds_.empty()) skills_round_->SetSelection(0);
    skills_round_->SetToolTip(_("Team skills: the skills self-assessment round the report is made from"));
    row(_("S&kills round:"), skills_round_, _("Skills round"));
    group_ = new wxChoice(this, wxID_ANY);
    for (const auto& g : groups) {
        group_->Append(g.label);
        group_children_.push_back(g.selection.children_of);
        group_peer_.push_back(g.selection.peer_group);
    }
    if (!groups.empty()) group_->SetSelection(0);
    group_->SetToolTip(_("Benchmark: the organisations compared"));
    row(_("&Compare with:"), group_, _("Compare with"));
    role_ = new wxChoice(this, wxID_ANY);
    role_->Append(_("The whole roadmap"));
    role_ids_.push_back({});
    if (inputs)
        for (const auto& r : inputs->roles.roles) {
            role_->Append(wxs(r.title));
            role_ids_.push_back(r.id);
        }
    role_->SetSelection(0);
    role_->SetToolTip(_("Business case: one role, or every post of the roadmap (with the Roadmap page's options)"));
    row(_("Ro&le:"), role_, _("Role"));
    top->Add(grid, 0, wxEXPAND | wxALL, FromDIP(10));

    // Its words follow the kind (update_controls); the longest sizes the dialog.
    anonymise_ = new wxCheckBox(this, wxID_ANY, _("&Anonymise: people as Person 1, 2, \u2026 and teams under 3 people together"));
    anonymise_->SetName(_("Anonymise"));
    top->Add(anonymise_, 0, wxLEFT | wxRIGHT, FromDIP(10));

    auto* out = new wxFlexGridSizer(2, FromDIP(6), FromDIP(10));
    out->AddGrowableCol(1, 1);
    // A name a person recognises in the folder last saved to; the kind changes only the name.
    org_name_ = org_name;
    const wxString folder = last_output_folder();
    pdf_ = new wxFilePickerCtrl(this, wxID_ANY, path_in(folder, default_name(kActionPlan)), _("Save the report as"),
                                _("PDF (*.pdf)|*.pdf"), wxDefaultPosition, wxDefaultSize,
                                wxFLP_SAVE | wxFLP_USE_TEXTCTRL);  // replacing is asked once, in generate()
    pdf_->SetName(_("PDF file"));
    pdf_->SetToolTip(_("Where the PDF is written (atomically: a reader never sees half a file)"));
    out->Add(new wxStaticText(this, wxID_ANY, _("&PDF file:")), 0, wxALIGN_CENTER_VERTICAL | wxALIGN_RIGHT);
    out->Add(pdf_, 1, wxEXPAND);
    out->AddSpacer(0);
    html_ = new wxCheckBox(this, wxID_ANY, _("Also write the accessible &HTML version beside it"));
    html_->SetName(_("Also write HTML"));
    out->Add(html_, 0);
    out->AddSpacer(0);
    batch_ = new wxCheckBox(this, wxID_ANY, _("&Batch: an action plan for each organisation under this one"));
    batch_->SetName(_("Batch"));
    out->Add(batch_, 0);
    folder_ = new wxDirPickerCtrl(this, wxID_ANY, folder, _("Folder for the action plans"), wxDefaultPosition, wxDefaultSize,
                                  wxDIRP_USE_TEXTCTRL);
    folder_->SetName(_("Folder"));
    out->Add(new wxStaticText(this, wxID_ANY, _("&Folder:")), 0, wxALIGN_CENTER_VERTICAL | wxALIGN_RIGHT);
    out->Add(folder_, 1, wxEXPAND);
    top->Add(out, 0, wxEXPAND | wxALL, FromDIP(10));

    note_ = new wxStaticText(this, wxID_ANY, reports_available() ? wxString() : _("Reports are not part of this build of Yardstick."));
    note_->SetName(_("Report status"));
    top->Add(note_, 0, wxLEFT | wxRIGHT, FromDIP(10));
    auto* buttons = new wxStdDialogButtonSizer;
    auto* make = new wxButton(this, wxID_OK, _("&Make report"));
    make->SetDefault();
    buttons->AddButton(make);
    buttons->AddButton(new wxButton(this, wxID_CANCEL, _("Close")));
    buttons->Realize();
    top->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(10));
    SetSizerAndFit(top);
    CentreOnParent();

    kind_->Bind(wxEVT_RADIOBOX, [this](wxCommandEvent&) {
        // The default file name follows the kind; a folder the user chose stays.
        fs::path p = platform::path_from_utf8(path_u8(pdf_->GetPath()));
        pdf_->SetPath(path_in(wxs(platform::utf8_from_path(p.parent_path())), default_name(static_cast<Kind>(kind_->GetSelection()))));
        update_controls();
    });
    batch_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { update_controls(); });
    make->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        generate([this](const std::vector<std::string>& written) {
            if (written.empty()) return;
            offer_to_open(this, _("Report made"),
                          wxString::Format(_("Wrote %s"), wxs(written.front())) +
                              (written.size() > 1 ? wxString::Format(_(" and %zu more"), written.size() - 1) : wxString()) + wxS("."),
                          written.front());
        });
    });
    update_controls();
}

void ReportDialog::update_controls() {
    const int k = kind_->GetSelection();
    round_choice_->Enable(k == kActionPlan || k == kBusinessCase);
    skills_round_->Enable(k == kSkills && !skills_rounds_.empty());
    group_->Enable(k == kBenchmark && group_->GetCount() > 0);
    role_->Enable(k == kBusinessCase);
    anonymise_->Enable(k != kBusinessCase);
    static const char* const anonymised[] = {
        "&Anonymise: leave out the appendix of everyone's answers", "&Anonymise: the others as Council A, B, \u2026",
        "&Anonymise (not used in a business case)", "&Anonymise: people as Person 1, 2, \u2026 and teams under 3 people together"};
    anonymise_->SetLabel(_(anonymised[k]));
    batch_->Enable(k == kActionPlan);
    if (k != kActionPlan) batch_->SetValue(false);
    folder_->Enable(batch_->GetValue());
    pdf_->Enable(!batch_->GetValue());
    FindWindow(wxID_OK)->Enable(reports_available() && !busy_);
}

std::string ReportDialog::default_name(Kind kind) const {
    static const char* const what[] = {"action plan", "benchmark", "business case", "team skills"};
    return output_file_name(org_name_, what[kind], fixed_date_.empty() ? today_iso() : fixed_date_, ".pdf");
}

wxString ReportDialog::pdf_path() const { return pdf_->GetPath(); }
wxString ReportDialog::folder_path() const { return folder_->GetPath(); }

void ReportDialog::set_kind(Kind kind) {
    // The default name follows the kind (as the Skills page's Make report needs); a name
    // given instead stays.
    const fs::path p = platform::path_from_utf8(path_u8(pdf_->GetPath()));
    if (platform::utf8_from_path(p.filename()) == default_name(static_cast<Kind>(kind_->GetSelection())))
        pdf_->SetPath(path_in(wxs(platform::utf8_from_path(p.parent_path())), default_name(kind)));
    kind_->SetSelection(kind);
    update_controls();
}

int ReportDialog::kind() const { return kind_->GetSelection(); }

void ReportDialog::set_skills(const SkillsReportOptions& options) {
    skills_ = options;
    auto it = std::find(skills_rounds_.begin(), skills_rounds_.end(), options.round);
    if (it != skills_rounds_.end()) skills_round_->SetSelection(static_cast<int>(it - skills_rounds_.begin()));
    anonymise_->SetValue(options.anonymise);
    update_controls();
}

std::string ReportDialog::skills_round() const {
    const int i = skills_round_->GetSelection();
    return i >= 0 && i < static_cast<int>(skills_rounds_.size()) ? skills_rounds_[static_cast<std::size_t>(i)] : std::string();
}

void ReportDialog::set_pdf(const std::string& path) { pdf_->SetPath(wxs(path)); }
void ReportDialog::set_html(bool also_html) { html_->SetValue(also_html); }

void ReportDialog::set_batch(bool batch, const std::string& folder) {
    batch_->SetValue(batch);
    if (!folder.empty()) folder_->SetPath(wxs(folder));
    update_controls();
}

void ReportDialog::generate(std::function<void(const std::vector<std::string>&)> done) {
#ifndef YARDSTICK_HAVE_JOBS
    show_error(this, _("No reports"), _("Reports are not part of this build of Yardstick."));
    if (done) done({});
#else
    if (busy_) return;
    Session& s = host_.session();
    jobs::ReportJob base;
    const int k = kind_->GetSelection();
    base.kind = k == kBenchmark      ? jobs::ReportKind::benchmark
                : k == kBusinessCase ? jobs::ReportKind::business_case
                : k == kSkills       ? jobs::ReportKind::skills
                                     : jobs::ReportKind::action_plan;
    base.database = s.path();
    base.shipped_dir = s.dirs().shipped;
    base.library_dirs = s.library_dirs();
    base.organisation = organisation_;
    int r = round_choice_->GetSelection();
    if ((k == kActionPlan || k == kBusinessCase) && r > 0 && r < static_cast<int>(rounds_.size()))
        base.round = rounds_[static_cast<std::size_t>(r)];
    if (k == kSkills) {
        base.round = skills_round();
        if (base.round.empty()) {
            show_error(this, _("No report made"),
                       wxString::Format(_("%s has no skills round yet. A skills round is a round of the data skills "
                                          "self-assessment: start one on the Assessments page."),
                                        wxs(org_name_)));
            if (done) done({});
            return;
        }
        // The plan as the Skills page makes it (its options, its assumptions).
        if (base.round == skills_.round) base.team = skills_.team;  // a team is of the page's round
        base.target_role = skills_.target_role;
        base.start = skills_.start;
        base.levy_payer = skills_.levy_payer;
        base.assumptions_file = skills_.assumptions.empty() ? assumptions_ : skills_.assumptions;
    }
    if (k == kBenchmark) {
        int g = group_->GetSelection();
        if (g < 0) {
            show_error(this, _("No report made"), _("There is nothing to compare this organisation with."));
            if (done) done({});
            return;
        }
        base.peer_group = group_peer_[static_cast<std::size_t>(g)];
        base.children_of = group_children_[static_cast<std::size_t>(g)];
        // The inclusion rules as the Benchmark page last had them (bench15).
        base.min_coverage = saved_benchmark_minimums().min_coverage;
        base.min_respondents = saved_benchmark_minimums().min_respondents;
    }
    base.anonymise = anonymise_->IsEnabled() && anonymise_->GetValue();
    if (k == kBusinessCase) {
        int ri = role_->GetSelection();
        if (ri > 0) base.role = role_ids_[static_cast<std::size_t>(ri)];
        base.roadmap = roadmap_;
        base.assumptions_file = assumptions_;
    }
    if (!fixed_date_.empty()) {
        base.date = fixed_date_;
        base.fixed_date = true;
    }
    // The jobs to run: one, or one action plan per organisation under this one.
    std::vector<jobs::ReportJob> list;
    if (batch_->GetValue()) {
        const std::string folder = path_u8(folder_->GetPath());
        guarded(this, s.path(), _("The organisations could not be read."), [&] {
            for (const auto& o : store::list_organisations(s.db()))
                if (o.parent == organisation_ && !store::list_rounds(s.db(), o.id, false).empty()) {
                    jobs::ReportJob j = base;
                    j.organisation = o.id;
                    j.round.clear();
                    j.pdf_out = platform::utf8_from_path(platform::path_from_utf8(folder) / (o.id + "-action-plan.pdf"));
                    if (html_->GetValue()) j.html_out = platform::utf8_from_path(platform::path_from_utf8(folder) / (o.id + "-action-plan.html"));
                    list.push_back(j);
                }
        });
        if (list.empty()) {
            show_error(this, _("No report made"), _("No organisation under this one has a round yet."));
            if (done) done({});
            return;
        }
    } else {
        base.pdf_out = path_u8(pdf_->GetPath());
        if (base.pdf_out.empty()) {
            show_error(this, _("No report made"), _("Choose where to save the PDF."));
            if (done) done({});
            return;
        }
        if (html_->GetValue()) base.html_out = platform::utf8_from_path(platform::path_from_utf8(base.pdf_out).replace_extension(".html"));
        list.push_back(base);
    }
    // Never over the open database or an input: said before asking about replacing.
    for (const auto& j : list) {
        std::string why = jobs::refused_outputs(j);
        if (why.empty()) continue;
        show_error(this, _("No report made"), _("The report would replace a file Yardstick is using."), wxs(why),
                   exit_code::usage);
        if (done) done({});
        return;
    }
    // Asked here, once, for every file (the picker does not ask): a typed, default or browsed
    // name, the HTML beside the PDF and a batch's files, by name.
    wxString existing;
    std::size_t replacing = 0;
    for (const auto& j : list)
        for (const std::string* path : {&j.pdf_out, &j.html_out}) {
            std::error_code ec;
            if (path->empty() || !fs::exists(fs::u8path(*path), ec)) continue;
            if (++replacing <= 5) existing += wxS("\n") + wxs(*path);
        }
    if (replacing > 5) existing += wxString::Format(_("\nand %zu more"), replacing - 5);
    if (replacing > 0 &&
        ask(this, _("Replace files?"), wxString::Format(_("These files exist already and would be replaced:%s"), existing),
            {_("Replace"), _("Cancel")}) != 0) {
        if (done) done({});
        return;
    }
    busy_ = true;
    update_controls();
    note_->SetLabel(_("Making the report\u2026"));
    auto results = std::make_shared<std::vector<jobs::JobResult>>();
    run_in_background(
        this, _("Making reports"),
        [list, results](Progress& p) {
            for (std::size_t i = 0; i < list.size(); ++i) {
                if (p.cancelled()) return;
                p.step(static_cast<long long>(i), static_cast<long long>(list.size()),
                       "Report " + std::to_string(i + 1) + " of " + std::to_string(list.size()) + ": " + list[i].organisation);
                results->push_back(jobs::run_report(list[i], p));
            }
            p.step(static_cast<long long>(list.size()), static_cast<long long>(list.size()), "Done");
        },
        [this, results, done](const JobOutcome& o) {
            busy_ = false;
            update_controls();
            std::vector<std::string> written;
            wxString problems;
            int code = 0;
            for (const auto& r : *results) {
                written.insert(written.end(), r.written.begin(), r.written.end());
                if (r.exit_code != exit_code::ok) {
                    problems += wxs(r.error) + wxS("\n");
                    code = r.exit_code;
                }
            }
            if (o.error) {
                guarded(this, host_.session().path(), _("The report was not made."), [&] { std::rethrow_exception(o.error); });
                written.clear();
            } else if (!problems.empty()) {
                show_error(this, _("Report not made"), _("The report could not be made."), problems, code);
            }
            note_->SetLabel(o.cancelled ? _("Cancelled.")
                                        : count_text(static_cast<long long>(written.size()), _("file"), _("files")) + _(" written."));
            if (problems.empty() && !o.error && !written.empty()) remember_output_folder(written.front());
            if (done) done(problems.empty() && !o.error ? written : std::vector<std::string>{});
        });
#endif
}

}  // namespace ys::gui
