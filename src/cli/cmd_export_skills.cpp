// yardstick-cli export --xlsx FILE --skills: the team skills profile and training plan as
// an Excel workbook, with the options of `yardstick-cli skills plan`. The CLI only fills the
// job; jobs::write_workbook does the work, as it does for the GUI.
#include <ostream>

#include "exit_codes.h"
#include "outputs.h"
#include "skills_options.h"
#include "store_command.h"
#include "targets.h"
#include "workbook_job.h"

namespace ys::cli {

int cmd_export_skills_xlsx(const Context& ctx, const std::vector<std::string>& args) {
    std::vector<OptionSpec> spec = skills_job_option_specs(ctx);
    spec.push_back({"xlsx", true, "FILE", "write an Excel workbook"});
    spec.push_back({"skills", false, "", "write a team skills profile and training plan"});
    spec.push_back({"date", true, "YYYY-MM-DD", "the date the workbook says it was made (default today)"});
    const std::string command = "export";
    ParsedArgs p;
    const std::string usage =
        "Usage: yardstick-cli export --xlsx FILE --skills (--round ID | --org ID | ANSWERS.json...) [options]\n\n"
        "The team skills profile and training plan as a workbook: About, People (each person's\n"
        "level on every skill), Spread, Gaps, Readiness, Training plan (cost, funding, dates),\n"
        "Summary and Assumptions. Named people are personal data: give --anonymise to share it.\n\n";
    if (auto code = parse_skills_args(ctx, command, args, spec, usage, p)) return *code;
    if (!one_skills_source(ctx, command, p, "--skills needs one of")) return exit_code::usage;
    jobs::WorkbookJob job;
    job.kind = jobs::WorkbookKind::skills;
    skills::ProfileOptions profile;
    skills::PlanOptions plan;
    if (!read_skills_options(ctx, command, p, profile, plan)) return exit_code::usage;
    job.out = p.value("xlsx");
    job.date = p.value("date");
    if (!job.date.empty() && !is_iso_date(job.date)) {
        ctx.err << "yardstick-cli " << command << ": --date must be a date (YYYY-MM-DD), not \"" << job.date << "\"\n";
        return exit_code::usage;
    }
    fill_skills_job(job, ctx, p, profile, plan);

    NoProgress progress;
    jobs::WorkbookResult result = jobs::write_workbook(job, progress);
    for (const auto& n : result.notes) ctx.err << n << "\n";
    if (result.exit_code != exit_code::ok) {
        ctx.err << "yardstick-cli " << command << ": " << result.error << "\n";
        return result.exit_code;
    }
    ctx.out << "wrote " << result.written << "\n";
    return exit_code::ok;
}

}  // namespace ys::cli
