#include "report_job.h"

#include <exception>

#include "action_items.h"
#include "action_plan.h"
#include "atomic_file.h"
#include "io/output_path.h"
#include "benchmark.h"
#include "benchmark_report.h"
#include "benchmark_rounds.h"
#include "business_case.h"
#include "catalogue.h"
#include "database.h"
#include "exit_codes.h"
#include "html_render.h"
#include "organisations.h"
#include "pdf_render.h"
#include "roadmap_inputs.h"
#include "rounds.h"
#include "scored_rounds.h"
#include "template.h"
#include "targets.h"
#include "timestamps.h"

namespace ys::jobs {
namespace {

// A failure that ends the job with one line and an exit code.
struct JobFailure {
    int code;
    std::string message;
};

[[noreturn]] void fail(int code, const std::string& message) { throw JobFailure{code, message}; }

report::TemplateKind template_kind_of(ReportKind k) {
    switch (k) {
        case ReportKind::action_plan: return report::TemplateKind::ActionPlan;
        case ReportKind::benchmark: return report::TemplateKind::Benchmark;
        case ReportKind::business_case: return report::TemplateKind::BusinessCase;
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

std::string roles_file(const ReportJob& job) {
    return job.roles_file.empty() ? job.shipped_dir + "/frameworks/roles/council-data-roles.json" : job.roles_file;
}

std::string assumptions_file(const ReportJob& job) {
    return job.assumptions_file.empty() ? job.shipped_dir + "/frameworks/roles/assumptions-england-2025.json"
                                        : job.assumptions_file;
}

// What a report writes and reads, for check_outputs.
OutputPlan output_plan(const ReportJob& job, const report::ReportTemplate* tpl) {
    OutputPlan plan;
    plan.database = job.database;
    if (!job.pdf_out.empty()) plan.outputs.push_back({"the PDF file", job.pdf_out});
    if (!job.html_out.empty()) plan.outputs.push_back({"the HTML file", job.html_out});
    plan.inputs.push_back({"the report template", tpl ? tpl->path : job.template_path});
    if (tpl) plan.inputs.push_back({"the template's logo", tpl->theme.logo_path});
    if (job.kind == ReportKind::business_case) {
        plan.inputs.push_back({"the role catalogue", roles_file(job)});
        plan.inputs.push_back({"the assumptions", assumptions_file(job)});
        for (const auto& f : job.scenario_files) plan.inputs.push_back({"the scenario", f});
    }
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
        in.actions.push_back({a.action, a.owner, a.due, a.status, a.notes});
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
    store::BenchmarkSelection sel;
    sel.peer_group = job.peer_group;
    sel.children_of = job.children_of;
    sel.organisations = job.compare;
    if (sel.peer_group.empty() && sel.children_of.empty() && sel.organisations.empty())
        fail(exit_code::usage, "name the organisations to compare: a peer group or a parent organisation");
    progress.step(1, 4, "reading the rounds compared");
    BenchmarkRequest req;
    req.rounds = store::benchmark_inputs(c, sel);
    req.rules.min_coverage = job.min_coverage;
    req.rules.min_respondents = job.min_respondents;
    if (!job.period.empty()) {
        req.rules.pick = InclusionRules::Pick::Period;
        req.rules.period = job.period;
    }
    req.viewer = job.organisation;
    req.anonymise = job.anonymise;
    std::string error;
    auto result = run_benchmark(req, error);
    if (!result) fail(exit_code::invalid_input, error);
    std::string group;
    if (!job.peer_group.empty()) {
        group = "peer group " + job.peer_group;
        for (const auto& g : store::list_peer_groups(c))
            if (g.id == job.peer_group) group = g.name;
    } else if (!job.children_of.empty()) {
        auto parent = store::find_organisation(c, job.children_of);
        group = "organisations under " + (parent ? parent->name : job.children_of);
    } else {
        group = std::to_string(job.compare.size()) + " organisations chosen";
    }
    report::BenchmarkReportInput in;
    in.result = &*result;
    in.group = group;
    in.report_date = date;
    in.created = created;
    auto doc = report::build_benchmark_report(in, tpl, error);
    if (!doc) fail(exit_code::invalid_input, error);
    return std::move(*doc);
}

report::Document business_case(store::Connection& c, const ReportJob& job, const report::ReportTemplate& tpl,
                               const std::string& date, const std::string& created, Progress& progress) {
    const std::string round = pick_round(c, job);
    progress.step(1, 4, "scoring round " + round + " and costing the roadmap");
    ScoredRound sr = scored(c, round);
    Diagnostics diags;
    auto inputs = load_roadmap_inputs(roles_file(job), assumptions_file(job), job.library_dirs, diags);
    if (!inputs) fail(exit_code::invalid_input, diags.items().empty() ? "the role catalogue could not be read"
                                                                      : to_string(diags.items().front()));
    if (sr.framework->id != inputs->framework->id)
        fail(exit_code::invalid_input, "round \"" + round + "\" measures framework \"" + sr.framework->id +
                                           "\" but the role catalogue is for \"" + inputs->framework->id + "\"");
    RoadmapRequest req = job.roadmap;
    req.framework = sr.framework.get();
    req.roles = &inputs->roles;
    req.assumptions = &inputs->assumptions;
    req.current = &sr.result;
    if (req.scenario.start.empty()) req.scenario.start = next_financial_year_start(date);
    if (auto org = store::find_organisation(c, sr.result.organisation.id)) {
        req.organisation_type = org->type;
        req.organisation_region = org->region;
        req.organisation_ons_code = org->ons_code;
    }
    std::string error;
    auto plan = build_roadmap(req, error);
    if (!plan)
        fail(exit_code::invalid_input, (job.compare_scenarios.empty() ? "" : "scenario \"" + req.scenario.name + "\": ") + error);
    // Other scenarios, costed for the same organisation and round, beside the plan.
    std::vector<ScenarioSummary> compared;
    for (const auto& s : job.compare_scenarios) {
        RoadmapRequest other = req;
        other.scenario = s;
        if (other.scenario.start.empty()) other.scenario.start = req.scenario.start;
        auto costed = build_roadmap(other, error);
        if (!costed) fail(exit_code::invalid_input, "scenario \"" + s.name + "\": " + error);
        compared.push_back(summarise(s.name, *costed));
    }
    // The skills framework names the roles' skills; the report reads without it.
    Catalogue cat;
    for (const auto& dir : job.library_dirs) cat.add_library(dir, dir);
    std::shared_ptr<const Framework> skills;
    if (!inputs->roles.skills_framework_id.empty()) skills = cat.framework(inputs->roles.skills_framework_id);
    report::BusinessCaseInput in;
    in.framework = sr.framework.get();
    in.roles = &inputs->roles;
    in.assumptions = &inputs->assumptions;
    in.request = &req;
    in.roadmap = &*plan;
    in.skills_framework = skills.get();
    in.role = job.role;
    in.compared = std::move(compared);
    in.report_date = date;
    in.created = created;
    auto doc = report::build_business_case(in, tpl, error);
    if (!doc) fail(exit_code::invalid_input, error);
    return std::move(*doc);
}

}  // namespace

const char* to_string(ReportKind k) {
    switch (k) {
        case ReportKind::action_plan: return "action-plan";
        case ReportKind::benchmark: return "benchmark";
        case ReportKind::business_case: return "business-case";
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
        progress.step(0, 4, "opening " + job.database);
        store::OpenOptions options;
        options.create = false;
        store::OpenReport opened;
        store::Connection c = store::open_database(job.database, options, &opened);
        if (opened.upgraded_from)
            out.notes.push_back(job.database + ": upgraded from schema version " + std::to_string(opened.upgraded_from) +
                                "; the old file was copied to " + opened.backup_path);
        report::Document doc;
        switch (job.kind) {
            case ReportKind::action_plan: doc = action_plan(c, job, *tpl, date, created, progress); break;
            case ReportKind::benchmark: doc = benchmark(c, job, *tpl, date, created, progress); break;
            case ReportKind::business_case: doc = business_case(c, job, *tpl, date, created, progress); break;
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
        // names people and quotes their notes: a new file is for its owner's eyes only.
        const WriteOptions write{job.kind == ReportKind::action_plan && !job.anonymise};
        std::vector<FileToWrite> files;
        if (!job.pdf_out.empty()) files.push_back({job.pdf_out, &pdf, write});
        if (!job.html_out.empty()) files.push_back({job.html_out, &html, write});
        if (!write_files_atomic(files, error)) fail(exit_code::output_failed, error);
        for (const auto& f : files) out.written.push_back(f.path);
        progress.step(4, 4, "done");
    } catch (const JobFailure& f) {
        out.exit_code = f.code == exit_code::ok ? exit_code::internal_error : f.code;
        out.error = f.message;
    } catch (const store::StoreError& e) {
        out.exit_code = store::exit_code_for(e);
        out.error = e.what();
    } catch (const std::exception& e) {
        out.exit_code = exit_code::internal_error;
        out.error = std::string("unexpected error: ") + e.what();
    }
    return out;
}

}  // namespace ys::jobs
