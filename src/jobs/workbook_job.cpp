#include "workbook_job.h"

#include <cstdio>
#include <exception>
#include <filesystem>
#include <optional>

#include "benchmark_book.h"
#include "benchmark_run.h"
#include "database.h"
#include "exit_codes.h"
#include "io/output_path.h"
#include "io/platform.h"
#include "job_support.h"
#include "organisations.h"
#include "results_book.h"
#include "roadmap_book.h"
#include "roadmap_run.h"
#include "rounds.h"
#include "scenarios.h"
#include "scored_rounds.h"
#include "skills_book.h"
#include "skills_run.h"
#include "targets.h"
#include "timestamps.h"
#include "xlsx_writer.h"

namespace ys::jobs {
namespace {

std::string roles_file(const WorkbookJob& job) { return roles_file_or_shipped(job.roles_file, job.shipped_dir); }

std::string assumptions_file(const WorkbookJob& job) {
    return assumptions_file_or_shipped(job.assumptions_file, job.shipped_dir);
}

// The roadmap reads the database only for a round, an organisation or a saved scenario;
// skills only when no answer files are given.
bool uses_database(const WorkbookJob& job) {
    if (job.kind == WorkbookKind::skills) return job.answer_files.empty();
    return job.kind != WorkbookKind::roadmap || !job.round.empty() || !job.organisation.empty();
}

OutputPlan output_plan(const WorkbookJob& job) {
    OutputPlan plan;
    if (uses_database(job)) plan.database = job.database;
    plan.outputs.push_back({"the workbook", job.out});
    if (job.kind == WorkbookKind::roadmap || job.kind == WorkbookKind::skills) {
        plan.inputs.push_back({"the role catalogue", roles_file(job)});
        plan.inputs.push_back({"the assumptions", assumptions_file(job)});
        for (const auto& f : job.scenario_files) plan.inputs.push_back({"the scenario", f});
    }
    for (const auto& f : job.answer_files) plan.inputs.push_back({"the answer file", f});
    return plan;
}

xlsx::About about_of(const WorkbookJob& job, const std::string& date) {
    xlsx::About a;
    a.database = uses_database(job) ? platform::utf8_from_path(platform::path_from_utf8(job.database).filename()) : "none (the plan as given)";
#ifdef YARDSTICK_VERSION
    a.made_by = std::string("Yardstick ") + YARDSTICK_VERSION;
#else
    a.made_by = "Yardstick";
#endif
    a.date = date;
    return a;
}

std::string org_text(const std::string& id, const std::string& name) { return name.empty() ? id : name + " (" + id + ")"; }

ScoredRound scored(store::Connection& c, const std::string& round) {
    ScoreReport report = store::score_stored_rounds(c, {round}, ScoreOptions{true, true});
    if (!report.ok() || report.rounds.empty()) fail(exit_code::invalid_input, "round \"" + round + "\" could not be scored");
    return std::move(report.rounds.front());
}

xlsx::Book results(store::Connection& c, const WorkbookJob& job, xlsx::About about, Progress& progress) {
    if (job.round.empty()) fail(exit_code::usage, "name the round whose results to write");
    progress.step(1, 4, "scoring round " + job.round);
    store::get_round(c, job.round);  // NotFound when it does not exist
    ScoredRound sr = scored(c, job.round);
    store::LoadedRound loaded = store::load_round(c, job.round);
    xlsx::ResultsBookInput in;
    in.scored = &sr;
    in.answers = &loaded.answers;
    in.round = job.round;
    in.anonymise = job.anonymise;
    in.about = std::move(about);
    return xlsx::results_book(in);
}

xlsx::Book benchmark(store::Connection& c, const WorkbookJob& job, xlsx::About about, Progress& progress) {
    BenchmarkChoice choice = benchmark_choice_of(job);
    choice.common_gap_level = job.common_gap_level;
    choice.common_gap_share = job.common_gap_share;
    BenchmarkRun run = run_chosen_benchmark(c, choice, progress);
    xlsx::BenchmarkBookInput in;
    in.result = &run.result;
    in.framework = run.result.framework ? run.result.framework.get() : run.request.rounds.front().framework.get();
    in.group = run.group;
    in.about = std::move(about);
    return xlsx::benchmark_book(in);
}

RoadmapScenario saved_scenario(store::Connection& c, const std::string& org, const std::string& name,
                               const RoadmapInputs& inputs) {
    if (!store::scenario_exists(c, org, name))
        fail(exit_code::invalid_input, "organisation \"" + org + "\" has no saved scenario \"" + name +
                                           "\"; `yardstick-cli scenario list --org " + org + "` shows them");
    RoadmapScenario s = store::load_scenario(c, org, name);
    Diagnostics d("saved scenario \"" + name + "\"");
    if (!check_scenario(s, inputs.roles, *inputs.framework, d))
        fail(exit_code::invalid_input, d.items().empty() ? "saved scenario \"" + name + "\" cannot be costed" : to_string(d.items().front()));
    return s;
}

xlsx::Book roadmap(store::Connection* c, const WorkbookJob& job, xlsx::About about, const std::string& date,
                   std::vector<std::string>& notes, Progress& progress) {
    if (!c && (!job.saved_scenario.empty() || !job.saved_compare.empty()))
        fail(exit_code::usage, "a saved scenario needs the organisation it is saved for: give the organisation or a round");
    progress.step(1, 4, "costing the roadmap");
    const RoadmapInputs inputs = roadmap_inputs_or_fail(roles_file(job), assumptions_file(job), job.library_dirs);
    RoadmapRequest req = job.roadmap;
    req.framework = inputs.framework.get();
    req.roles = &inputs.roles;
    req.assumptions = &inputs.assumptions;
    std::optional<ScoredRound> sr;
    std::string org_id = job.organisation;
    if (!job.round.empty()) {
        store::get_round(*c, job.round);
        sr = scored(*c, job.round);
        require_same_framework(job.round, sr->framework->id, inputs.framework->id);
        req.framework = sr->framework.get();
        req.current = &sr->result;
        org_id = sr->result.organisation.id;
        about.rows.push_back({"Round", job.round});
    }
    std::vector<RoadmapScenario> others = job.compare_scenarios;
    if (c && !org_id.empty()) {
        auto org = store::find_organisation(*c, org_id);
        if (!org)
            fail(exit_code::invalid_input, "there is no organisation \"" + org_id + "\" in the database; `yardstick-cli org list` shows them");
        set_organisation(req, *org);
        about.rows.insert(about.rows.begin(), {"Organisation", org_text(org->id, org->name)});
        if (!job.saved_scenario.empty()) req.scenario = saved_scenario(*c, org->id, job.saved_scenario, inputs);
        for (const auto& name : job.saved_compare) others.push_back(saved_scenario(*c, org->id, name, inputs));
    }
    if (req.scenario.start.empty()) req.scenario.start = next_financial_year_start(date);
    const Roadmap plan = build_plan_or_fail(req, !others.empty());
    // Shown beside the file as well as in it (About), as `roadmap --out` does.
    for (const auto& w : plan.warnings) notes.push_back("warning: " + w);
    std::vector<ScenarioSummary> compared;
    if (!others.empty()) compared.push_back(summarise(req.scenario.name, plan));
    for (auto& s : cost_scenarios(req, others)) compared.push_back(std::move(s));
    about.rows.push_back({"Framework", req.framework->title + " (" + req.framework->id + " version " + req.framework->version + ")"});
    about.rows.push_back({"Role catalogue", platform::utf8_from_path(platform::path_from_utf8(roles_file(job)).filename())});
    about.rows.push_back({"Assumptions", platform::utf8_from_path(platform::path_from_utf8(assumptions_file(job)).filename())});
    xlsx::RoadmapBookInput in;
    in.roadmap = &plan;
    in.request = &req;
    in.framework = req.framework;
    in.compared = std::move(compared);
    in.about = std::move(about);
    return xlsx::roadmap_book(in);  // copies what it needs: plan and req may go
}

xlsx::Book skills(store::Connection* c, const WorkbookJob& job, xlsx::About about, const std::string& date,
                  std::vector<std::string>& notes, Progress& progress) {
    progress.step(1, 4, "reading the skills round and planning training");
    std::unique_ptr<SkillsRun> run =
        run_chosen_skills(c, skills_choice_of(job, roles_file(job), assumptions_file(job), date));
    for (const auto& w : run->result.plan->warnings) notes.push_back("warning: " + w);
    const skills::TeamProfile& p = run->result.profile;
    about.rows.insert(about.rows.begin(), {"Organisation", org_text(p.organisation.id, p.organisation.name)});
    about.rows.push_back({"Made from", run->source});
    if (!p.period.empty()) about.rows.push_back({"Period", p.period});
    if (!job.team.empty()) about.rows.push_back({"Team", job.team});
    if (!job.target_role.empty()) about.rows.push_back({"Target role for everyone without one", job.target_role});
    about.rows.push_back({"Training plan starts", run->plan.start});
    about.rows.push_back({"Apprenticeship levy", run->plan.levy_payer ? "The council pays the levy" : "The council does not pay the levy"});
    about.rows.push_back({"Role catalogue file", platform::utf8_from_path(platform::path_from_utf8(roles_file(job)).filename())});
    about.rows.push_back({"Assumptions", platform::utf8_from_path(platform::path_from_utf8(assumptions_file(job)).filename())});
    xlsx::SkillsBookInput in;
    in.skills = run->framework.get();
    in.roles = &run->inputs.roles;
    in.assumptions = &run->inputs.assumptions;
    in.profile = &p;
    in.plan = &*run->result.plan;
    in.about = std::move(about);
    return xlsx::skills_book(in);  // copies what it needs
}

}  // namespace

const char* to_string(WorkbookKind k) {
    switch (k) {
        case WorkbookKind::results: return "results";
        case WorkbookKind::benchmark: return "benchmark";
        case WorkbookKind::roadmap: return "roadmap";
        case WorkbookKind::skills: return "skills";
    }
    return "results";
}

std::string refused_workbook_output(const WorkbookJob& job) {
    try {
        return check_outputs(output_plan(job)).message;
    } catch (const std::exception&) {
        return {};  // write_workbook says what went wrong
    }
}

WorkbookResult write_workbook(const WorkbookJob& job, Progress& progress) {
    WorkbookResult out;
    try {
        if (job.out.empty()) fail(exit_code::usage, "give the workbook file to write");
        const std::string date = job.date.empty() ? (job.fixed_date ? std::string("2026-04-01") : today_iso_date()) : job.date;
        if (!is_iso_date(date)) fail(exit_code::usage, "workbook date \"" + date + "\" is not a date (YYYY-MM-DD)");
        // Before anything that writes (opening may upgrade the database, with a backup): the
        // workbook may not be the database, an input, or anything but a regular file.
        OutputCheck check = check_outputs(output_plan(job));
        if (!check.ok()) fail(exit_code::usage, check.message);
        xlsx::About about = about_of(job, date);
        xlsx::Book book;
        std::optional<store::Connection> c;
        if (uses_database(job)) {
            progress.step(0, 4, "opening " + job.database);
            c.emplace(open_job_database(job.database, out.notes));
        }
        switch (job.kind) {
            case WorkbookKind::results: book = results(*c, job, std::move(about), progress); break;
            case WorkbookKind::benchmark: book = benchmark(*c, job, std::move(about), progress); break;
            case WorkbookKind::roadmap: book = roadmap(c ? &*c : nullptr, job, std::move(about), date, out.notes, progress); break;
            case WorkbookKind::skills: book = skills(c ? &*c : nullptr, job, std::move(about), date, out.notes, progress); break;
        }
        if (job.fixed_date || !job.date.empty()) {
            int y = 0, m = 0, d = 0;
            std::sscanf(date.c_str(), "%4d-%2d-%2d", &y, &m, &d);
            book.created = days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d)) * 86400;
        }
        if (progress.cancelled()) fail(exit_code::ok, "cancelled");
        progress.step(3, 4, "writing " + job.out);
        // Names and emails (a round's respondents), or each person's own skill ratings, not
        // anonymised: for its owner's eyes only.
        const WriteOptions write{(job.kind == WorkbookKind::results || job.kind == WorkbookKind::skills) && !job.anonymise};
        std::string error;
        if (!xlsx::write_xlsx(book, job.out, write, error)) fail(exit_code::output_failed, error);
        out.written = job.out;
        progress.step(4, 4, "done");
    } catch (...) {
        JobError e = current_job_error();
        out.exit_code = e.exit_code;
        out.error = std::move(e.message);
    }
    return out;
}

}  // namespace ys::jobs
