// yardstick-cli report: the action plan, benchmark report and role business case as PDF
// and/or accessible HTML. The CLI only fills the job; jobs::run_report does the work, as
// it does for the GUI.
#include <charconv>
#include <ostream>

#include "crosswalk/crosswalk_files.h"
#include "database.h"
#include "exit_codes.h"
#include "report_job.h"
#include "roadmap_options.h"
#include "scenario_files.h"
#include "store_command.h"

namespace ys::cli {
int cmd_report(const Context& ctx, const std::vector<std::string>& args) {
    // The skills report takes the options of `skills plan` (cmd_report_skills.cpp).
    if (!args.empty() && args.front() == "skills") return cmd_report_skills(ctx, {args.begin() + 1, args.end()});
    std::vector<OptionSpec> spec = {
        kDbOption,
        {"round", true, "ID", "action plan, business case: the round (default: the organisation's latest)"},
        {"org", true, "ID", "action plan, business case: the organisation; benchmark: one to compare (may be repeated)"},
        {"group", true, "ID", "benchmark: compare the members of a peer group"},
        {"children-of", true, "ID", "benchmark: compare the organisations under this one"},
        {"viewer", true, "ID", "benchmark: the organisation looking, named even when anonymised"},
        {"period", true, "P", "benchmark: compare this period only (default: each one's latest round)"},
        {"min-coverage", true, "X", "benchmark: leave out rounds answered below this share, 0 to 1 (default 0.6)"},
        {"min-respondents", true, "N", "benchmark: leave out rounds with fewer respondents (default 3)"},
        {"anonymise", false, "", "benchmark: others as Council A, B, ...; action plan: leave out the answers appendix"},
        {"role", true, "ID", "business case: one role of the catalogue (default: the whole roadmap)"},
        {"scenario", true, "FILE",
         "business case: a roadmap scenario file (yardstick-roadmap-scenario/1) holding the plan; repeat to compare "
         "others with it"},
        {"template", true, "FILE", "a report template (default: the shipped one in reports/)"},
        {"out", true, "FILE.pdf", "write the PDF here"},
        {"html", true, "FILE.html", "write the accessible HTML version here"},
        {"date", true, "YYYY-MM-DD", "the date the report carries (default today)"},
        {"fixed-date", false, "", "a constant creation time: the same input gives byte-identical files"},
        {"library", true, "DIR", "also look in DIR/frameworks for frameworks"},
        {"crosswalk", true, "NAME|FILE",
         "action plan: add the result in another framework's terms, an approximation (cddo, data-orchard or a "
         "crosswalk file); may be repeated"},
    };
    spec.insert(spec.end(), roadmap_option_specs().begin(), roadmap_option_specs().end());
    ParsedArgs p;
    std::string error;
    if (!parse_args(args, spec, p, error)) {
        ctx.err << "yardstick-cli report: " << error << "\n";
        return exit_code::usage;
    }
    if (p.has("help") || p.positional.empty()) {
        (p.has("help") ? ctx.out : ctx.err)
            << "Usage: yardstick-cli report action-plan|benchmark|business-case|skills [options] --out FILE.pdf [--html FILE.html]\n\n"
               "  action-plan    (--round ID | --org ID): where a council stands, what the next level\n"
               "                 looks like and the actions to get there, for its leadership\n"
               "  benchmark      (--group ID | --children-of ID | --org ID...) [--viewer ID] [--anonymise]:\n"
               "                 a heatmap, quartiles, trends and common gaps, for a regional board\n"
               "  business-case  (--round ID | --org ID) [--role ID] [--scenario FILE]... [roadmap options]:\n"
               "                 the need, the role, the options and their cost per year, for HR and\n"
               "                 finance; the first scenario file is the plan, the others are compared\n"
               "  skills         (--round ID | --org ID | ANSWERS.json...) [skills plan options]: a team's\n"
               "                 skills profile and training plan (report skills --help)\n\n"
            << options_help(spec);
        return p.has("help") ? exit_code::ok : exit_code::usage;
    }
    jobs::ReportJob job;
    const std::string kind = p.positional.front();
    if (kind == "action-plan") job.kind = jobs::ReportKind::action_plan;
    else if (kind == "benchmark") job.kind = jobs::ReportKind::benchmark;
    else if (kind == "business-case") job.kind = jobs::ReportKind::business_case;
    else {
        ctx.err << "yardstick-cli report: unknown report \"" << kind << "\"; expected action-plan, benchmark, business-case or skills\n";
        return exit_code::usage;
    }
    if (p.positional.size() > 1) {
        ctx.err << "yardstick-cli report: unexpected argument \"" << p.positional[1] << "\"\n";
        return exit_code::usage;
    }
    if (!p.has("out") && !p.has("html")) {
        ctx.err << "yardstick-cli report: give --out FILE.pdf, --html FILE.html or both\n";
        return exit_code::usage;
    }
    job.database = p.value("db");
    if (job.database.empty()) job.database = store::default_database_path();
    job.shipped_dir = ctx.dirs.shipped;
    job.library_dirs = library_dirs(ctx, p.values("library"), false);
    job.round = p.value("round");
    if (job.kind == jobs::ReportKind::benchmark) {
        job.compare = p.values("org");
        job.organisation = p.value("viewer");
    } else {
        if (p.values("org").size() > 1) {
            ctx.err << "yardstick-cli report: " << kind << " is about one organisation; --org was given more than once\n";
            return exit_code::usage;
        }
        job.organisation = p.value("org");
        if (job.round.empty() && job.organisation.empty()) {
            ctx.err << "yardstick-cli report: " << kind << " needs --round ID or --org ID\n";
            return exit_code::usage;
        }
    }
    job.peer_group = p.value("group");
    job.children_of = p.value("children-of");
    job.period = p.value("period");
    if (p.has("min-coverage")) {
        const std::string v = p.value("min-coverage");
        auto res = std::from_chars(v.data(), v.data() + v.size(), job.min_coverage);
        if (v.empty() || res.ec != std::errc() || res.ptr != v.data() + v.size() || job.min_coverage < 0 ||
            job.min_coverage > 1) {
            ctx.err << "yardstick-cli report: --min-coverage must be a number from 0 to 1, not \"" << v << "\"\n";
            return exit_code::usage;
        }
    }
    if (p.has("min-respondents")) {
        const std::string v = p.value("min-respondents");
        auto res = std::from_chars(v.data(), v.data() + v.size(), job.min_respondents);
        if (v.empty() || res.ec != std::errc() || res.ptr != v.data() + v.size() || job.min_respondents < 0) {
            ctx.err << "yardstick-cli report: --min-respondents must be a whole number, not \"" << v << "\"\n";
            return exit_code::usage;
        }
    }
    job.anonymise = p.has("anonymise");
    for (const auto& name : p.values("crosswalk")) {
        if (job.kind != jobs::ReportKind::action_plan) {
            ctx.err << "yardstick-cli report: --crosswalk is for the action plan only\n";
            return exit_code::usage;
        }
        std::string path = find_crosswalk(name, job.library_dirs, error);
        if (path.empty()) {
            ctx.err << "yardstick-cli report: --crosswalk: " << error << "\n";
            return exit_code::usage;
        }
        job.crosswalk_files.push_back(path);
    }
    job.role = p.value("role");
    job.scenario_files = p.values("scenario");
    if (!job.scenario_files.empty()) {
        if (job.kind != jobs::ReportKind::business_case) {
            ctx.err << "yardstick-cli report: --scenario is for the business case, not the " << kind << " report\n";
            return exit_code::usage;
        }
        if (plan_options_given(p)) {
            ctx.err << "yardstick-cli report: the scenario file holds the plan; leave out --team, --post, --structure and "
                       "the other plan options, or leave out --scenario\n";
            return exit_code::usage;
        }
        if (!job.role.empty() && job.scenario_files.size() > 1) {
            ctx.err << "yardstick-cli report: scenarios are compared in the business case for the whole roadmap; leave out "
                       "--role, or give one --scenario\n";
            return exit_code::usage;
        }
    } else if (!read_roadmap_options(p, job.roadmap, error)) {
        ctx.err << "yardstick-cli report: " << error << "\n";
        return exit_code::usage;
    }
    job.roles_file = p.value("roles");
    job.assumptions_file = p.value("assumptions");
    job.template_path = p.value("template");
    job.pdf_out = p.value("out");
    job.html_out = p.value("html");
    job.date = p.value("date");
    job.fixed_date = p.has("fixed-date");
    if (!job.scenario_files.empty()) {
        // No output may be a scenario file (or any other input): refused before anything is read.
        if (std::string refused = jobs::refused_outputs(job); !refused.empty()) {
            ctx.err << "yardstick-cli report: " << refused << "\n";
            return exit_code::usage;
        }
        // Read and checked against the catalogue they will be costed with, before anything runs.
        std::vector<RoadmapScenario> scenarios;
        if (int code = read_scenarios_for_costing(job.roles_file, job.assumptions_file, ctx.dirs.shipped, job.library_dirs,
                                                  job.scenario_files, scenarios, ctx.err))
            return code;
        job.roadmap.scenario = scenarios.front();
        job.compare_scenarios.assign(scenarios.begin() + 1, scenarios.end());
    }

    NoProgress progress;  // one report is quick; the GUI shows a dialog for batches
    jobs::JobResult result = jobs::run_report(job, progress);
    for (const auto& n : result.notes) ctx.err << n << "\n";
    if (result.exit_code != exit_code::ok) {
        ctx.err << "yardstick-cli report: " << result.error << "\n";
        return result.exit_code;
    }
    for (const auto& w : result.written) ctx.out << "wrote " << w << "\n";
    return exit_code::ok;
}

}  // namespace ys::cli
