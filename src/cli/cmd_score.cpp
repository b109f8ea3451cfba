#include <ostream>
#include <sstream>

#include "args.h"
#include "commands.h"
#include "exit_codes.h"
#include "output_file.h"
#include "score_files.h"
#include "score_output.h"

namespace ys::cli {

int cmd_score(const Context& ctx, const std::vector<std::string>& args) {
    const std::vector<OptionSpec> spec = {
        {"format", true, "table|json|csv", "output format (default table)"},
        {"out", true, "FILE", "write to FILE instead of standard output"},
        {"targets", true, "FILE", "a yardstick-targets/1 file; may be repeated"},
        {"with", true, "FILE", "a framework or questionnaire file to use besides the libraries"},
        {"library", true, "DIR", "also look in DIR/frameworks and DIR/questionnaires"},
        {"no-default-library", false, "", "do not look in the shipped and user libraries"},
        {"questions", false, "", "per-question median, quartiles and agreement"},
        {"roles", false, "", "split the results by respondent role"},
        {"respondents", false, "", "one line per respondent"},
    };
    ParsedArgs p;
    std::string error;
    if (!parse_args(args, spec, p, error)) {
        ctx.err << "yardstick-cli score: " << error << "\n";
        return exit_code::usage;
    }
    if (p.has("help")) {
        ctx.out << "Usage: yardstick-cli score [options] ANSWERS.json...\n\n"
                   "Scores answer files against the questionnaire and framework they name. Files of\n"
                   "the same organisation, period and questionnaire form one round; an organisation's\n"
                   "rounds in different periods show the change since the previous one.\n\n"
                << options_help(spec);
        return exit_code::ok;
    }
    std::string format = p.value("format", "table");
    if (format != "table" && format != "json" && format != "csv") {
        ctx.err << "yardstick-cli score: --format must be table, json or csv, not \"" << format << "\"\n";
        return exit_code::usage;
    }
    if (p.positional.empty()) {
        ctx.err << "yardstick-cli score: no answer files given; see --help\n";
        return exit_code::usage;
    }
    ScoreRequest req;
    req.answer_files = p.positional;
    req.definition_files = p.values("with");
    req.target_files = p.values("targets");
    req.library_dirs = library_dirs(ctx, p.values("library"), p.has("no-default-library"));
    ScoreOutputOptions opts;
    opts.questions = p.has("questions");
    opts.roles = p.has("roles");
    opts.respondents = p.has("respondents");
    req.options.per_respondent = opts.respondents;
    req.options.by_role = opts.roles;

    ScoreReport report = score_files(req);
    for (const auto& d : report.diagnostics.items()) ctx.err << to_string(d) << "\n";
    if (!report.ok()) return exit_code::invalid_input;

    std::ostringstream text;
    if (format == "json") text << score_report_json(report, opts).dump(2) << "\n";
    else if (format == "csv") write_score_csv(text, report, opts);
    else write_score_table(text, report, opts);
    if (p.has("out")) {
        if (!write_file_atomic(p.value("out"), text.str(), error)) {
            ctx.err << error << "\n";
            return exit_code::output_failed;
        }
    } else {
        ctx.out << text.str();
    }
    return exit_code::ok;
}

}  // namespace ys::cli
