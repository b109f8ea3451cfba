#include <memory>
#include <ostream>
#include <sstream>

#include "args.h"
#include "commands.h"
#include "exit_codes.h"
#include "atomic_file.h"
#include "crosswalk/crosswalk_files.h"
#include "crosswalk/crosswalk_result.h"
#include "outputs.h"
#include "score_files.h"
#include "score_output.h"
#include "rounds.h"
#include "scored_rounds.h"
#include "store_command.h"

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
        {"levels", false, "", "share of questions and answers at or above each level (CSV: one row per node and level)"},
        kDbOption,
        {"round", true, "ID", "score a round in the database (instead of files); may be repeated"},
        {"org", true, "ID", "score every round of an organisation in the database"},
        {"crosswalk", true, "NAME|FILE",
         "also show the result in another framework's terms, an approximation: cddo, data-orchard or a "
         "crosswalk file; may be repeated (table and json)"},
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
                   "rounds in different periods show the change since the previous one.\n"
                   "With --round or --org, rounds are read from the database instead, with the\n"
                   "organisation's stored targets.\n\n"
                << options_help(spec);
        return exit_code::ok;
    }
    std::string format = p.value("format", "table");
    if (format != "table" && format != "json" && format != "csv") {
        ctx.err << "yardstick-cli score: --format must be table, json or csv, not \"" << format << "\"\n";
        return exit_code::usage;
    }
    bool from_db = p.has("round") || p.has("org");
    if (from_db == !p.positional.empty()) {
        ctx.err << "yardstick-cli score: give answer files, or --round/--org to score from the database; see --help\n";
        return exit_code::usage;
    }
    if (p.has("crosswalk") && format == "csv") {
        ctx.err << "yardstick-cli score: --crosswalk shows with --format table or json; for CSV use "
                   "'yardstick-cli crosswalk ROUND --to NAME --format csv'\n";
        return exit_code::usage;
    }
    std::vector<std::string> crosswalk_paths;
    for (const auto& name : p.values("crosswalk")) {
        std::string path = find_crosswalk(name, library_dirs(ctx, p.values("library"), p.has("no-default-library")), error);
        if (path.empty()) {
            ctx.err << "yardstick-cli score: --crosswalk: " << error << "\n";
            return exit_code::usage;
        }
        crosswalk_paths.push_back(path);
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
    opts.levels = p.has("levels");
    req.options.per_respondent = opts.respondents;
    req.options.by_role = opts.roles;

    {
        OutputPlan plan{given_paths(p, {"out"}), {}, database_path(p)};
        for (const auto& f : req.answer_files) plan.inputs.push_back({"answer file", f});
        for (const auto& f : req.definition_files) plan.inputs.push_back({"--with", f});
        for (const auto& f : req.target_files) plan.inputs.push_back({"--targets", f});
        for (const auto& f : crosswalk_paths) plan.inputs.push_back({"--crosswalk", f});
        if (int code = refuse_unsafe_outputs(ctx, "score", plan)) return code;
    }

    ScoreReport report;
    if (from_db) {
        int code = with_database(ctx, "score", p, [&](store::Connection& c) {
            std::vector<std::string> ids = p.values("round");
            for (const auto& org : p.values("org"))
                for (const auto& r : store::list_rounds(c, org)) ids.push_back(r.id);
            if (ids.empty()) {
                ctx.err << "yardstick-cli score: no rounds to score\n";
                return exit_code::invalid_input;
            }
            report = store::score_stored_rounds(c, ids, req.options);
            return exit_code::ok;
        }, false);
        if (code != exit_code::ok) return code;
    } else {
        report = score_files(req);
    }
    // Each crosswalk is held in a list that never moves: its results point at it.
    std::vector<std::unique_ptr<Crosswalk>> crosswalks;
    std::vector<std::vector<CrosswalkResult>> crosswalked;
    if (report.ok())
        for (const auto& path : crosswalk_paths) {
            crosswalks.push_back(std::make_unique<Crosswalk>());
            crosswalked.emplace_back();
            crosswalk_rounds(path, report, *crosswalks.back(), crosswalked.back(), report.diagnostics);
        }
    for (const auto& d : report.diagnostics.items()) ctx.err << to_string(d) << "\n";
    if (!report.ok()) return exit_code::invalid_input;

    std::ostringstream text;
    if (format == "json") {
        nlohmann::json j = score_report_json(report, opts);
        add_crosswalks_json(j, crosswalked);
        text << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    } else if (format == "csv") {
        write_score_csv(text, report, opts);
    } else {
        write_score_table(text, report, opts);
        write_crosswalks_table(text, report, crosswalked);
    }
    if (p.has("out")) {
        // One line per respondent names them: a new file is for its owner's eyes only.
        if (!write_file_atomic(p.value("out"), text.str(), error, WriteOptions{opts.respondents})) {
            ctx.err << "yardstick-cli score: " << error << "\n";
            return exit_code::output_failed;
        }
    } else {
        ctx.out << text.str();
    }
    return exit_code::ok;
}

}  // namespace ys::cli
