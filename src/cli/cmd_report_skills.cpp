// yardstick-cli report skills: the team skills profile and training plan as PDF and/or
// accessible HTML, with the options of `yardstick-cli skills plan`. The CLI only fills the
// job; jobs::run_report does the work, as it does for the GUI.
#include <ostream>

#include "exit_codes.h"
#include "report_job.h"
#include "skills_options.h"
#include "store_command.h"

namespace ys::cli {

int cmd_report_skills(const Context& ctx, const std::vector<std::string>& args) {
    std::vector<OptionSpec> spec = skills_job_option_specs(ctx);
    spec.push_back({"template", true, "FILE", "a report template of kind skills (default: the shipped reports/skills.json)"});
    spec.push_back({"out", true, "FILE.pdf", "write the PDF here"});
    spec.push_back({"html", true, "FILE.html", "write the accessible HTML version here"});
    spec.push_back({"date", true, "YYYY-MM-DD", "the date the report carries (default today)"});
    spec.push_back({"fixed-date", false, "", "a constant creation time: the same input gives byte-identical files"});
    const std::string command = "report skills";
    ParsedArgs p;
    const std::string usage =
        "Usage: yardstick-cli report skills (--round ID | --org ID | ANSWERS.json...) [options]\n"
        "                                   --out FILE.pdf [--html FILE.html]\n\n"
        "The team skills profile and training plan: each person's skills against what their\n"
        "role and target role need (a heatmap), the team's spread per skill, the gaps, who\n"
        "could grow into a target role, and the training plan with cost, funding and dates,\n"
        "every total worked out beside its inputs. Named people are personal data: a named\n"
        "report is written for its owner only; give --anonymise for anyone else.\n\n";
    if (auto code = parse_skills_args(ctx, command, args, spec, usage, p)) return *code;
    if (!one_skills_source(ctx, command, p, "give one of")) return exit_code::usage;
    if (!p.has("out") && !p.has("html")) {
        ctx.err << "yardstick-cli " << command << ": give --out FILE.pdf, --html FILE.html or both\n";
        return exit_code::usage;
    }
    jobs::ReportJob job;
    job.kind = jobs::ReportKind::skills;
    skills::ProfileOptions profile;
    skills::PlanOptions plan;
    if (!read_skills_options(ctx, command, p, profile, plan)) return exit_code::usage;
    fill_skills_job(job, ctx, p, profile, plan);
    job.template_path = p.value("template");
    job.pdf_out = p.value("out");
    job.html_out = p.value("html");
    job.date = p.value("date");
    job.fixed_date = p.has("fixed-date");

    NoProgress progress;
    jobs::JobResult result = jobs::run_report(job, progress);
    for (const auto& n : result.notes) ctx.err << n << "\n";
    if (result.exit_code != exit_code::ok) {
        ctx.err << "yardstick-cli " << command << ": " << result.error << "\n";
        return result.exit_code;
    }
    for (const auto& w : result.written) ctx.out << "wrote " << w << "\n";
    return exit_code::ok;
}

}  // namespace ys::cli
