// yardstick-cli benchmark: compare organisations' rounds from the database.
#include <charconv>
#include <ostream>
#include <sstream>

#include "benchmark_rounds.h"
#include "exit_codes.h"
#include "atomic_file.h"
#include "outputs.h"
#include "store_command.h"

namespace ys::cli {
namespace {

bool read_number(const std::string& text, double& out) {
    auto res = std::from_chars(text.data(), text.data() + text.size(), out);
    return !text.empty() && res.ec == std::errc() && res.ptr == text.data() + text.size();
}

}  // namespace

int cmd_benchmark(const Context& ctx, const std::vector<std::string>& args) {
    const std::vector<OptionSpec> spec = {
        kDbOption,
        {"group", true, "ID", "compare the members of a peer group"},
        {"children-of", true, "ID", "compare the organisations under one (councils in a region, departments in a council)"},
        {"org", true, "ID", "an organisation to compare; may be repeated"},
        {"period", true, "P", "compare every organisation's round of this period (default: each one's latest)"},
        {"min-coverage", true, "X", "leave out rounds answered below this share, 0 to 1 (default 0.6)"},
        {"min-respondents", true, "N", "leave out rounds with fewer respondents (default 3)"},
        {"viewer", true, "ID", "the organisation looking: named even when anonymised"},
        {"anonymise", false, "", "show the others as Council A, B, ..."},
        {"gap-level", true, "L", "a common gap is below this level (default 3)"},
        {"gap-share", true, "X", "... for at least this share of the group (default 0.5)"},
        {"format", true, "table|json|csv", "output format (default table)"},
        {"out", true, "FILE", "write to FILE instead of standard output"},
    };
    ParsedArgs p;
    std::string error;
    if (!parse_args(args, spec, p, error)) {
        ctx.err << "yardstick-cli benchmark: " << error << "\n";
        return exit_code::usage;
    }
    if (p.has("help")) {
        ctx.out << "Usage: yardstick-cli benchmark (--group ID | --children-of ID | --org ID...) [options]\n\n"
                   "Compares organisations on one framework: per dimension and overall, each one's score,\n"
                   "level, rank and percentile, the group's median, quartiles and range, trends across\n"
                   "rounds, and common gaps (candidates for joint projects or shared recruitment).\n"
                   "Rounds left out by the rules are listed with the reason. By default a round needs at\n"
                   "least 60% of its questions answered and at least 3 respondents (see the README,\n"
                   "\"Benchmark inclusion rules\"); --min-coverage 0 --min-respondents 1 compares every round.\n\n"
                << options_help(spec);
        return exit_code::ok;
    }
    std::string format = p.value("format", "table");
    if (format != "table" && format != "json" && format != "csv") {
        ctx.err << "yardstick-cli benchmark: --format must be table, json or csv, not \"" << format << "\"\n";
        return exit_code::usage;
    }
    if (!p.has("group") && !p.has("children-of") && !p.has("org")) {
        ctx.err << "yardstick-cli benchmark: say which organisations: --group ID, --children-of ID or --org ID; see --help\n";
        return exit_code::usage;
    }
    BenchmarkRequest req;
    double x = 0;
    for (const auto& [name, target, lo, hi] :
         std::vector<std::tuple<const char*, double*, double, double>>{{"min-coverage", &req.rules.min_coverage, 0, 1},
                                                                       {"gap-share", &req.common_gap_share, 0, 1}}) {
        if (!p.has(name)) continue;
        if (!read_number(p.value(name), x) || x < lo || x > hi) {
            ctx.err << "yardstick-cli benchmark: --" << name << " must be a number from " << lo << " to " << hi << ", not \""
                    << p.value(name) << "\"\n";
            return exit_code::usage;
        }
        *target = x;
    }
    for (const auto& [name, target] : std::vector<std::pair<const char*, int*>>{{"min-respondents", &req.rules.min_respondents},
                                                                              {"gap-level", &req.common_gap_level}}) {
        if (!p.has(name)) continue;
        if (!read_number(p.value(name), x) || x != static_cast<int>(x) || x < 0) {
            ctx.err << "yardstick-cli benchmark: --" << name << " must be a whole number, not \"" << p.value(name) << "\"\n";
            return exit_code::usage;
        }
        *target = static_cast<int>(x);
    }
    if (p.has("period")) {
        req.rules.pick = InclusionRules::Pick::Period;
        req.rules.period = p.value("period");
    }
    req.viewer = p.value("viewer");
    req.anonymise = p.has("anonymise");
    if (int code = refuse_unsafe_outputs(ctx, "benchmark", {given_paths(p, {"out"}), {}, database_path(p)})) return code;
    return with_database(ctx, "benchmark", p, [&](store::Connection& c) {
        req.rounds = store::benchmark_inputs(c, {p.values("org"), p.value("group"), p.value("children-of")});
        std::string why;
        auto result = run_benchmark(req, why);
        if (!result) {
            ctx.err << "yardstick-cli benchmark: " << why << "\n";
            return exit_code::invalid_input;
        }
        const Framework& fw = *req.rounds.front().framework;
        std::ostringstream text;
        if (format == "json") text << benchmark_json(*result, fw).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        else if (format == "csv") write_benchmark_csv(text, *result, fw);
        else write_benchmark_table(text, *result, fw);
        if (p.has("out")) {
            std::string werr;
            if (!write_file_atomic(p.value("out"), text.str(), werr)) {
                ctx.err << "yardstick-cli benchmark: " << werr << "\n";
                return exit_code::output_failed;
            }
        } else {
            ctx.out << text.str();
        }
        return exit_code::ok;
    }, false);
}

}  // namespace ys::cli
