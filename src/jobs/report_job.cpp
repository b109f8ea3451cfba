#include "report_job.h"

#include <exception>
#include <memory>
#include <optional>

#include "action_items.h"
#include "action_plan.h"
#include "crosswalk/crosswalk_result.h"
#include "atomic_file.h"
#include "io/output_path.h"
#include "job_support.h"
#include "benchmark_report.h"
#include "benchmark_run.h"
#include "business_case.h"
#include "catalogue.h"
#include "database.h"
#include "exit_codes.h"
#include "html_render.h"
#include "organisations.h"
#include "pdf_render.h"
#include "roadmap_run.h"
#include "rounds.h"
#include "scored_rounds.h"
#include "skills_report.h"
#include "skills_run.h"
#include "template.h"
#include "targets.h"
#include "timestamps.h"

namespace ys::jobs {
namespace {

report::TemplateKind template_kind_of(ReportKind k) {
    switch (k) {
        case ReportKind::action_plan: return report::TemplateKind::ActionPlan;
        case ReportKind::benchmark: return report::TemplateKind::Benchmark;
        case ReportKind::business_case: return report::TemplateKind::BusinessCase;
        case ReportKind::skills: return report::TemplateKind::Skills;
    }
    return report::TemplateKind::ActionPlan;
}

// The round a report is about: the one given, else the organisation's latest.
std::string pick_round(store::Connection& c, const ReportJob& job) {
    if (!job.round.empty()) {
        store::get_round(c, job.round);  // NotFound when it does not exist
        return job.round;
    }
    if (job.organisation.empty()) fail(exit_code::usage, "name a round, or an organisation whose latest round to use");
    if (!store::find_organisation(c, job.organisation))
        fail(exit_code::invalid_input, "organisation \"" + job.organisation + "\" does not exist");
    auto rounds = store::list_rounds(c, job.organisation, false);
    if (rounds.empty()) fail(exit_code::invalid_input, "organisation \"" + job.organisation + "\" has no rounds");
    const store::RoundRecord* latest = &rounds.front();
    for (const auto& r : rounds)
        if (period_less(latest->period, r.period)) latest = &r;
    return latest->id;
}

std::string roles_file(const ReportJob& job) { return roles_file_or_shipped(job.roles_file, job.shipped_dir); }

std::string assumptions_file(const ReportJob& job) {
    return assumptions_file_or_shipped(job.assumptions_file, job.shipped_dir);
}

// A skills report made from answer files reads no database.
bool uses_database(const ReportJob& job) { return job.kind != ReportKind::skills || job.answer_files.empty(); }

// What a report writes and reads, for check_outputs.
OutputPlan output_plan(const ReportJob& job, const report::ReportTemplate* tpl) {
    OutputPlan plan;
    if (uses_database(job)) plan.database = job.database;
    if (!job.pdf_out.empty()) plan.outputs.push_back({"the PDF file", job.pdf_out});
    if (!job.html_out.empty()) plan.outputs.push_back({"the HTML file", job.html_out});
    plan.inputs.push_back({"the report template", tpl ? tpl->path : job.template_path});
    if (tpl) plan.inputs.push_back({"the template's logo", tpl->theme.logo_path});
    if (job.kind == ReportKind::business_case || job.kind == ReportKind::skills) {
        plan.inputs.push_back({"the role catalogue", roles_file(job)});
        plan.inputs.push_back({"the assumptions", assumptions_file(job)});
        for (const auto& f : job.scenario_files) plan.inputs.push_back({"the scenario", f});
    }
    for (const auto& f : job.crosswalk_files) plan.inputs.push_back({"the crosswalk", f});
    for (const auto& f : job.answer_files) plan.inputs.push_back({"the answer file", f});
    return plan;
}

ScoredRound scored(store::Connection& c, const std::string& round) {
    ScoreReport report = store::score_stored_rounds(c, {round}, ScoreOptions{true, true});
    if (!report.ok() || report.rounds.empty()) fail(exit_code::invalid_input, "round \"" + round + "\" could not be scored");
    return std::move(report.rounds.front());
}

report::Document action_plan(store::Connection& c, const ReportJob& job, const report::ReportTemplate& tpl,
                             const std::string& date, const std::string& created, Progress& progress) {
    const std::string round = pick_round(c, job);
    progress.step(1, 4, "scoring round " + round);
    ScoredRound sr = scored(c, round);
    store::LoadedRound loaded = store::load_round(c, round);
    report::ActionPlanInput in;
    in.framework = sr.framework.get();
    in.questionnaire = sr.questionnaire.get();
    in.result = &sr.result;
    in.answers = {&loaded.answers};
    for (const auto& a : store::list_action_items(c, round))
        in.actions.push_back({a.action, a.owner, a.due, a.status, a.notes, a.title, a.dimension});
    // Each crosswalk stays where it is made: its result points at it.
    std::vector<std::unique_ptr<Crosswalk>> crosswalks;
    std::vector<CrosswalkResult> crosswalked;
    for (const auto& path : job.crosswalk_files) {
        crosswalks.push_back(std::make_unique<Crosswalk>());
        std::vector<CrosswalkResult> one;
        Diagnostics d(path);
        if (!crosswalk_rounds(path, {&sr}, *crosswalks.back(), one, d))
            fail(exit_code::invalid_input, d.items().empty() ? path + ": could not be read" : to_string(d.items().front()));
        crosswalked.push_back(std::move(one.front()));
    }
    for (const auto& c : crosswalked) in.crosswalks.push_back(&c);
    in.anonymise = job.anonymise;
    in.round = round;
    in.report_date = date;
    in.created = created;
    std::string error;
    auto doc = report::build_action_plan(in, tpl, error);
    if (!doc) fail(exit_code::invalid_input, error);
    return std::move(*doc);
}

report::Document benchmark(store::Connection& c, const ReportJob& job, const report::ReportTemplate& tpl,
                           const std::string& date, const std::string& created, Progress& progress) {
    BenchmarkRun run = run_chosen_benchmark(c, benchmark_choice_of(job), progress);
    report::BenchmarkReportInput in;
    in.result = &run.result;
    in.group = run.group;
    in.report_date = date;
    in.created = created;
    std::string error;
    auto doc = report::build_benchmark_report(in, tpl, error);
    if (!doc) fail(exit_code::invalid_input, error);
    return std::move(*doc);
}

report::Document business_case(store::Connection& c, const ReportJob& job, const report::ReportTemplate& tpl,
                               const std::string& date, const std::string& created, Progress& progress) {
    const std::string round = pick_round(c, job);
    progress.step(1, 4, "scoring round " + round + " and costing the roadmap");
    ScoredRound sr = scored(c, round);
    const RoadmapInputs inputs = roadmap_inputs_or_fail(roles_file(job), assumptions_file(job), job.library_dirs);
    require_same_framework(round, sr.framework->id, inputs.framework->id);
    RoadmapRequest req = job.roadmap;
    req.framework = sr.framework.get();
    req.roles = &inputs.roles;
    req.assumptions = &inputs.assumptions;
    req.current = &sr.result;
    if (req.scenario.start.empty()) req.scenario.start = next_financial_year_start(date);
    if (auto org = store::find_organisation(c, sr.result.organisation.id)) set_organisation(req, *org);
    const Roadmap plan = build_plan_or_fail(req, !job.compare_scenarios.empty());
    // Other scenarios, costed for the same organisation and round, beside the plan.
    std::vector<ScenarioSummary> compared = cost_scenarios(req, job.compare_scenarios);
    // The skills framework names the roles' skills; the report reads without it.
    Catalogue cat;
    for (const auto& dir : job.library_dirs) cat.add_library(dir, dir);
    std::shared_ptr<const Framework> skills;
    if (!inputs.roles.skills_framework_id.empty()) skills = cat.framework(inputs.roles.skills_framework_id);
    report::BusinessCaseInput in;
    in.framework = sr.framework.get();
    in.roles = &inputs.roles;
    in.assumptions = &inputs.assumptions;
    in.request = &req;
    in.roadmap = &plan;
    in.skills_framework = skills.get();
    in.role = job.role;
    in.compared = std::move(compared);
    in.report_date = date;
    in.created = created;
    std::string error;
    auto doc = report::build_business_case(in, tpl, error);
    if (!doc) fail(exit_code::invalid_input, error);
    return std::move(*doc);
}

report::Document skills_report(store::Connection* c, const ReportJob& job, const report::ReportTemplate& tpl,
                               const std::string& date, const std::string& created, Progress& progress) {
    progress.step(1, 4, "reading the skills round and planning training");
    const SkillsChoice choice = skills_choice_of(job, roles_file(job), assumptions_file(job), date);
    std::unique_ptr<SkillsRun> run = run_chosen_skills(c, choice);
    report::SkillsReportInput in;
    in.skills = run->framework.get();
    in.roles = &run->inputs.roles;
    in.assumptions = &run->inputs.assumptions;
    in.profile = &run->result.profile;
    in.plan = &*run->result.plan;
    in.plan_options = run->plan;
    in.profile_options = choice.profile;
    in.source = run->source;
    in.report_date = date;
    in.created = created;
    std::string error;
    auto doc = report::build_skills_report(in, tpl, error);
    if (!doc) fail(exit_code::invalid_input, error);
    return std::move(*doc);
}

}  // namespace

const char* to_string(ReportKind k) {
    switch (k) {
        case ReportKind::action_plan: return "action-plan";
        case ReportKind::benchmark: return "benchmark";
        case ReportKind::business_case: return "business-case";
        case ReportKind::skills: return "skills";
    }
    return "action-plan";
}

std::string refused_outputs(const ReportJob& job) {
    try {
        Diagnostics diags;
        auto tpl = report::load_template(job.template_path, job.shipped_dir, template_kind_of(job.kind), diags);
        return check_outputs(output_plan(job, tpl ? &*tpl : nullptr)).message;
    } catch (const std::exception&) {
        return {};  // run_report says what went wrong
    }
}

JobResult run_report(const ReportJob& job, Progress& progress) {
    JobResult out;
    try {
        if (job.pdf_out.empty() && job.html_out.empty()) fail(exit_code::usage, "give a PDF file, an HTML file or both");
        std::string date = job.date.empty() ? (job.fixed_date ? std::string("2026-04-01") : today_iso_date()) : job.date;
        if (!is_iso_date(date)) fail(exit_code::usage, "report date \"" + date + "\" is not a date (YYYY-MM-DD)");
        const std::string created = job.fixed_date ? date + "T00:00:00Z"
                                                   : format_iso_datetime(now_unix_seconds());
        Diagnostics diags;
        auto tpl = report::load_template(job.template_path, job.shipped_dir, template_kind_of(job.kind), diags);
        if (!tpl) fail(exit_code::invalid_input, diags.items().empty() ? "the report template could not be read"
                                                                       : to_string(diags.items().front()));
        // Before anything that writes (opening may upgrade the database, with a backup):
        // no output may be the database, an input or the other output.
        OutputCheck check = check_outputs(output_plan(job, &*tpl));
        if (!check.ok()) fail(exit_code::usage, check.message);
        std::optional<store::Connection> c;
        if (uses_database(job)) {
            progress.step(0, 4, "opening " + job.database);
            c.emplace(open_job_database(job.database, out.notes));
        }
        report::Document doc;
        switch (job.kind) {
            case ReportKind::action_plan: doc = action_plan(*c, job, *tpl, date, created, progress); break;
            case ReportKind::benchmark: doc = benchmark(*c, job, *tpl, date, created, progress); break;
            case ReportKind::business_case: doc = business_case(*c, job, *tpl, date, created, progress); break;
            case ReportKind::skills: doc = skills_report(c ? &*c : nullptr, job, *tpl, date, created, progress); break;
        }
        if (progress.cancelled()) fail(exit_code::ok, "cancelled");
        // Both rendered before either is written: a failure leaves no file half-made.
        std::string pdf, html, error;
        progress.step(2, 4, "rendering");
        if (!job.pdf_out.empty() && !report::render_pdf(doc, report::PdfOptions{}, pdf, error))
            fail(exit_code::invalid_input, error);
        if (!job.html_out.empty() && !report::render_html(doc, html, error)) fail(exit_code::invalid_input, error);
        if (progress.cancelled()) fail(exit_code::ok, "cancelled");
        progress.step(3, 4, "writing");
        // Both go to temporaries first and are renamed into place only when both are
        // written, so a failure leaves neither. An action plan with its answers appendix
        // names people and quotes their notes, a named skills report holds each person's
        // ratings: a new file is for its owner's eyes only.
        const WriteOptions write{(job.kind == ReportKind::action_plan || job.kind == ReportKind::skills) && !job.anonymise};
        std::vector<FileToWrite> files;
        if (!job.pdf_out.empty()) files.push_back({job.pdf_out, &pdf, write});
        if (!job.html_out.empty()) files.push_back({job.html_out, &html, write});
        if (!write_files_atomic(files, error)) fail(exit_code::output_failed, error);
        for (const auto& f : files) out.written.push_back(f.path);
        progress.step(4, 4, "done");
    } catch (...) {
        JobError e = current_job_error();
        out.exit_code = e.exit_code;
        out.error = std::move(e.message);
    }
    return out;
}

}  // namespace ys::jobs
