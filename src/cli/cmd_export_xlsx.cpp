// yardstick-cli export --xlsx: a round's results, a benchmark or a roadmap as an Excel
// workbook. The CLI only fills the job; jobs::write_workbook does the work, as it does
// for the GUI.
#include <charconv>
#include <ostream>

#include "database.h"
#include "exit_codes.h"
#include "outputs.h"
#include "roadmap_options.h"
#include "scenario_files.h"
#include "store_command.h"
#include "targets.h"
#include "workbook_job.h"

namespace ys::cli {
namespace {

bool read_number(const std::string& text, double& out) {
    auto res = std::from_chars(text.data(), text.data() + text.size(), out);
    return !text.empty() && res.ec == std::errc() && res.ptr == text.data() + text.size();
}

const char* kHelp =
    "Usage: yardstick-cli export --xlsx FILE --round ID [--anonymise]\n"
    "       yardstick-cli export --xlsx FILE --benchmark (--group ID | --children-of ID | --org ID...) [options]\n"
    "       yardstick-cli export --xlsx FILE --roadmap [--round ID | --org ID] [--scenario FILE | --saved NAME]...\n"
    "                                                  [roadmap options]\n"
    "       yardstick-cli export --xlsx FILE --skills (--round ID | --org ID | ANSWERS.json...) [skills options]\n\n"
    "Writes an Excel workbook (.xlsx) with typed numbers, frozen header rows, filters and a\n"
    "first sheet, About, saying what it was made from and when:\n"
    "  --round ID      a round's results: dimensions (score, level, target, previous round,\n"
    "                  change), questions (scores and answer counts) and respondents (each\n"
    "                  answer's score); --anonymise leaves out names and emails\n"
    "  --benchmark     organisations by dimensions, positions (rank, percentile), quartiles,\n"
    "                  trends and common gaps, with the options of `yardstick-cli benchmark`\n"
    "  --roadmap       the costed roadmap as the business case prints it: cost per year, every\n"
    "                  cost line at low, mid and high salary to the penny, posts, cover and the\n"
    "                  assumptions used; the first scenario is the plan, any others are compared\n"
    "  --skills        a team's skills profile and training plan (export --xlsx FILE --skills --help)\n\n";

}  // namespace

int cmd_export_xlsx(const Context& ctx, const std::vector<std::string>& args) {
    // The skills workbook takes the options of `skills plan`, which differ from the roadmap's.
    for (const auto& a : args)
        if (a == "--skills") return cmd_export_skills_xlsx(ctx, args);
    std::vector<OptionSpec> spec = {
        kDbOption,
        {"xlsx", true, "FILE", "write an Excel workbook"},
        {"round", true, "ID", "results: the round; roadmap: the round whose scores and targets set the aims"},
        {"benchmark", false, "", "write a benchmark"},
        {"roadmap", false, "", "write a roadmap and its costs"},
        {"anonymise", false, "", "results: no names or emails; benchmark: others as Council A, B, ..."},
        {"group", true, "ID", "benchmark: compare the members of a peer group"},
        {"children-of", true, "ID", "benchmark: compare the organisations under this one"},
        {"org", true, "ID", "benchmark: an organisation to compare (may be repeated); roadmap: the organisation"},
        {"period", true, "P", "benchmark: compare this period only (default: each one's latest)"},
        {"min-coverage", true, "X", "benchmark: leave out rounds answered below this share, 0 to 1 (default 0.6)"},
        {"min-respondents", true, "N", "benchmark: leave out rounds with fewer respondents (default 3)"},
        {"viewer", true, "ID", "benchmark: the organisation looking, named even when anonymised"},
        {"gap-level", true, "L", "benchmark: a common gap is below this level (default 3)"},
        {"gap-share", true, "X", "benchmark: ... for at least this share of the group (default 0.5)"},
        {"scenario", true, "FILE", "roadmap: a scenario file (yardstick-roadmap-scenario/1); repeat to compare"},
        {"saved", true, "NAME", "roadmap: a scenario saved for the organisation; repeat to compare"},
        {"library", true, "DIR", "roadmap: also look in DIR/frameworks for the catalogue's framework"},
        {"date", true, "YYYY-MM-DD", "the date the workbook says it was made (default today)"},
    };
    spec.insert(spec.end(), roadmap_option_specs().begin(), roadmap_option_specs().end());
    ParsedArgs p;
    std::string error;
    if (!parse_args(args, spec, p, error)) {
        ctx.err << "yardstick-cli export: " << error << "\n";
        return exit_code::usage;
    }
    if (p.has("help")) {
        ctx.out << kHelp << options_help(spec);
        return exit_code::ok;
    }
    if (!p.positional.empty()) {
        ctx.err << "yardstick-cli export: unexpected argument \"" << p.positional.front() << "\"\n";
        return exit_code::usage;
    }
    if (p.has("benchmark") && p.has("roadmap")) {
        ctx.err << "yardstick-cli export: one workbook at a time: give --benchmark or --roadmap, not both\n";
        return exit_code::usage;
    }
    jobs::WorkbookJob job;
    job.kind = p.has("benchmark") ? jobs::WorkbookKind::benchmark
               : p.has("roadmap") ? jobs::WorkbookKind::roadmap
                                  : jobs::WorkbookKind::results;
    const char* what = p.has("benchmark") ? "--benchmark" : p.has("roadmap") ? "--roadmap" : "a round's results";
    // Options that belong to another kind of workbook are refused rather than ignored.
    auto refuse = [&](std::initializer_list<const char*> names, const char* belongs) {
        for (const char* n : names)
            if (p.has(n)) {
                ctx.err << "yardstick-cli export: --" << n << " is for " << belongs << ", not " << what << "\n";
                return true;
            }
        return false;
    };
    const std::initializer_list<const char*> bench_only = {"group", "children-of", "period", "min-coverage",
                                                           "min-respondents", "viewer", "gap-level", "gap-share"};
    const std::initializer_list<const char*> roadmap_only = {"scenario", "saved", "library", "roles", "assumptions"};
    job.out = p.value("xlsx");
    job.database = database_path(p);
    job.shipped_dir = ctx.dirs.shipped;
    job.date = p.value("date");
    if (!job.date.empty() && !is_iso_date(job.date)) {
        ctx.err << "yardstick-cli export: --date must be a date (YYYY-MM-DD), not \"" << job.date << "\"\n";
        return exit_code::usage;
    }
    job.anonymise = p.has("anonymise");
    job.round = p.value("round");

    if (job.kind == jobs::WorkbookKind::results) {
        if (refuse(bench_only, "--benchmark") || refuse(roadmap_only, "--roadmap")) return exit_code::usage;
        if (plan_options_given(p) || p.has("org")) {
            ctx.err << "yardstick-cli export: say which workbook: --round ID for a round's results, --benchmark or --roadmap; "
                       "see --help\n";
            return exit_code::usage;
        }
        if (job.round.empty()) {
            ctx.err << "yardstick-cli export: --xlsx needs --round ID (a round's results), --benchmark or --roadmap; see --help\n";
            return exit_code::usage;
        }
    } else if (job.kind == jobs::WorkbookKind::benchmark) {
        if (refuse(roadmap_only, "--roadmap") || refuse({"round"}, "a round's results or --roadmap")) return exit_code::usage;
        if (plan_options_given(p)) {
            ctx.err << "yardstick-cli export: the plan options (--team, --post, ...) are for --roadmap, not --benchmark\n";
            return exit_code::usage;
        }
        if (!p.has("group") && !p.has("children-of") && !p.has("org")) {
            ctx.err << "yardstick-cli export: say which organisations: --group ID, --children-of ID or --org ID; see --help\n";
            return exit_code::usage;
        }
        double x = 0;
        for (const auto& [name, target] : std::vector<std::pair<const char*, double*>>{{"min-coverage", &job.min_coverage},
                                                                                    {"gap-share", &job.common_gap_share}}) {
            if (!p.has(name)) continue;
            if (!read_number(p.value(name), x) || x < 0 || x > 1) {
                ctx.err << "yardstick-cli export: --" << name << " must be a number from 0 to 1, not \"" << p.value(name) << "\"\n";
                return exit_code::usage;
            }
            *target = x;
        }
        for (const auto& [name, target] : std::vector<std::pair<const char*, int*>>{{"min-respondents", &job.min_respondents},
                                                                                  {"gap-level", &job.common_gap_level}}) {
            if (!p.has(name)) continue;
            if (!read_number(p.value(name), x) || x != static_cast<int>(x) || x < 0) {
                ctx.err << "yardstick-cli export: --" << name << " must be a whole number, not \"" << p.value(name) << "\"\n";
                return exit_code::usage;
            }
            *target = static_cast<int>(x);
        }
        job.peer_group = p.value("group");
        job.children_of = p.value("children-of");
        job.compare = p.values("org");
        job.period = p.value("period");
        job.organisation = p.value("viewer");
    } else {
        if (refuse(bench_only, "--benchmark")) return exit_code::usage;
        if (p.has("anonymise")) {
            ctx.err << "yardstick-cli export: --anonymise is for a round's results or --benchmark; a roadmap names no one\n";
            return exit_code::usage;
        }
        if (p.values("org").size() > 1) {
            ctx.err << "yardstick-cli export: a roadmap is for one organisation; --org was given more than once\n";
            return exit_code::usage;
        }
        if (p.has("org") && p.has("round")) {
            ctx.err << "yardstick-cli export: give --round or --org, not both (a round names its organisation)\n";
            return exit_code::usage;
        }
        const std::vector<std::string> files = p.values("scenario"), saved = p.values("saved");
        if ((!files.empty() || !saved.empty()) && plan_options_given(p)) {
            ctx.err << "yardstick-cli export: the scenario holds the plan; leave out --team, --post, --structure and the other "
                       "plan options, or leave out --scenario and --saved\n";
            return exit_code::usage;
        }
        if (!saved.empty() && !p.has("org") && !p.has("round")) {
            ctx.err << "yardstick-cli export: --saved needs the organisation the scenario is saved for: give --org ID or --round ID\n";
            return exit_code::usage;
        }
        job.organisation = p.value("org");
        job.library_dirs = library_dirs(ctx, p.values("library"), false);
        job.roles_file = p.value("roles");
        job.assumptions_file = p.value("assumptions");
        job.scenario_files = files;
        if (files.empty() && saved.empty() && !read_roadmap_options(p, job.roadmap, error)) {
            ctx.err << "yardstick-cli export: " << error << "\n";
            return exit_code::usage;
        }
        if (!files.empty()) {
            // No output may be a scenario file: refused before anything is read.
            if (std::string refused = jobs::refused_workbook_output(job); !refused.empty()) {
                ctx.err << "yardstick-cli export: " << refused << "\n";
                return exit_code::usage;
            }
            std::vector<RoadmapScenario> scenarios;
            if (int code = read_scenarios_for_costing(job.roles_file, job.assumptions_file, ctx.dirs.shipped, job.library_dirs,
                                                      files, scenarios, ctx.err))
                return code;
            job.roadmap.scenario = scenarios.front();
            job.compare_scenarios.assign(scenarios.begin() + 1, scenarios.end());
            job.saved_compare = saved;
        } else if (!saved.empty()) {
            job.saved_scenario = saved.front();
            job.saved_compare.assign(saved.begin() + 1, saved.end());
        }
    }
    if (std::string refused = jobs::refused_workbook_output(job); !refused.empty()) {
        ctx.err << "yardstick-cli export: " << refused << "\n";
        return exit_code::usage;
    }
    NoProgress progress;
    jobs::WorkbookResult result = jobs::write_workbook(job, progress);
    for (const auto& n : result.notes)
        ctx.err << (n.rfind("warning: ", 0) == 0 ? "yardstick-cli export: " : "") << n << "\n";
    if (result.exit_code != exit_code::ok) {
        ctx.err << "yardstick-cli export: " << result.error << "\n";
        return result.exit_code;
    }
    ctx.out << "wrote " << result.written << " (" << jobs::to_string(job.kind) << " workbook"
            << (job.anonymise ? ", anonymised" : "") << ")\n";
    return exit_code::ok;
}

}  // namespace ys::cli
