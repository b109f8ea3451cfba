// yardstick-cli crosswalk: a round's result in another framework's terms (CDDO's Data
// Maturity Assessment, Data Orchard), as a return a council can hand on; an approximation.
#include <ostream>
#include <sstream>

#include "args.h"
#include "atomic_file.h"
#include "commands.h"
#include "crosswalk/crosswalk_files.h"
#include "crosswalk/crosswalk_result.h"
#include "exit_codes.h"
#include "outputs.h"
#include "rounds.h"
#include "scored_rounds.h"
#include "store_command.h"
#include "timestamps.h"

namespace ys::cli {

int cmd_crosswalk(const Context& ctx, const std::vector<std::string>& args) {
    const std::vector<OptionSpec> spec = {
        {"to", true, "NAME|FILE", "the framework to show the result in: cddo, data-orchard, or a crosswalk file"},
        {"format", true, "table|csv|json", "output format (default table)"},
        {"out", true, "FILE", "write to FILE instead of standard output"},
        {"library", true, "DIR", "also look in DIR/frameworks/crosswalks"},
        {"no-default-library", false, "", "do not look in the shipped and user libraries"},
        kDbOption,
    };
    ParsedArgs p;
    std::string error;
    if (!parse_args(args, spec, p, error)) {
        ctx.err << "yardstick-cli crosswalk: " << error << "\n";
        return exit_code::usage;
    }
    auto libs = library_dirs(ctx, p.values("library"), p.has("no-default-library"));
    if (p.has("help")) {
        ctx.out << "Usage: yardstick-cli crosswalk ROUND... --to NAME|FILE [options]\n\n"
                   "Shows a round's result in the terms of another published framework, through a\n"
                   "crosswalk file: a score and level for each of its topics and themes, with what\n"
                   "each is based on. An approximation, marked as one in every output: the other\n"
                   "framework asks its own questions. --format csv or json writes a return a council\n"
                   "can hand on (for example to central government, with --to cddo).\n\n"
                << options_help(spec);
        auto names = crosswalk_names(libs);
        if (!names.empty()) {
            ctx.out << "\nCrosswalks found:";
            for (const auto& n : names) ctx.out << " " << n;
            ctx.out << "\n";
        }
        return exit_code::ok;
    }
    std::string format = p.value("format", "table");
    if (format != "table" && format != "json" && format != "csv") {
        ctx.err << "yardstick-cli crosswalk: --format must be table, csv or json, not \"" << format << "\"\n";
        return exit_code::usage;
    }
    if (p.positional.empty()) {
        ctx.err << "yardstick-cli crosswalk: give the round(s) to show, as in 'round list'; see --help\n";
        return exit_code::usage;
    }
    if (!p.has("to")) {
        ctx.err << "yardstick-cli crosswalk: give --to cddo, --to data-orchard or --to a crosswalk file; see --help\n";
        return exit_code::usage;
    }
    std::string path = find_crosswalk(p.value("to"), libs, error);
    if (path.empty()) {
        ctx.err << "yardstick-cli crosswalk: --to: " << error << "\n";
        return exit_code::usage;
    }
    {
        OutputPlan plan{given_paths(p, {"out"}), {{"--to", path}}, database_path(p)};
        if (int code = refuse_unsafe_outputs(ctx, "crosswalk", plan)) return code;
    }

    ScoreReport report;
    int code = with_database(ctx, "crosswalk", p, [&](store::Connection& c) {
        report = store::score_stored_rounds(c, p.positional, ScoreOptions{false, false});
        return exit_code::ok;
    }, false);
    if (code != exit_code::ok) return code;
    Crosswalk cw;
    std::vector<CrosswalkResult> results;
    if (report.ok()) crosswalk_rounds(path, report, cw, results, report.diagnostics);
    for (const auto& d : report.diagnostics.items()) ctx.err << to_string(d) << "\n";
    if (!report.ok()) return exit_code::invalid_input;

    std::ostringstream text;
    if (format == "json")
        text << crosswalk_return_json(report, results, today_iso_date())
                    .dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
             << "\n";
    else if (format == "csv")
        write_crosswalk_return_csv(text, report, results);
    else
        write_crosswalk_return_table(text, report, results);
    if (p.has("out")) {
        if (!write_file_atomic(p.value("out"), text.str(), error)) {
            ctx.err << "yardstick-cli crosswalk: " << error << "\n";
            return exit_code::output_failed;
        }
    } else {
        ctx.out << text.str();
    }
    return exit_code::ok;
}

}  // namespace ys::cli
