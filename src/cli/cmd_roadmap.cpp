// yardstick-cli roadmap: the costed resourcing roadmap for an organisation.
#include <ostream>
#include <sstream>

#include "exit_codes.h"
#include "atomic_file.h"
#include "outputs.h"
#include "roadmap_inputs.h"
#include "roadmap_options.h"
#include "roadmap_output.h"
#include "scored_rounds.h"
#include "store_command.h"
#include "timestamps.h"

namespace ys::cli {

int cmd_roadmap(const Context& ctx, const std::vector<std::string>& args) {
    const std::string shipped_roles = ctx.dirs.shipped + "/frameworks/roles/council-data-roles.json";
    const std::string shipped_assumptions = ctx.dirs.shipped + "/frameworks/roles/assumptions-england-2025.json";
    std::vector<OptionSpec> spec = {
        kDbOption,
        {"round", true, "ID", "the round whose scores and organisation's targets set the aims"},
        {"library", true, "DIR", "also look in DIR/frameworks for the catalogue's framework"},
        {"format", true, "table|json|csv", "output format (default table)"},
        {"out", true, "FILE", "write to FILE instead of standard output"},
    };
    spec.insert(spec.begin() + 2, roadmap_option_specs().begin(), roadmap_option_specs().end());
    ParsedArgs p;
    std::string error;
    if (!parse_args(args, spec, p, error)) {
        ctx.err << "yardstick-cli roadmap: " << error << "\n";
        return exit_code::usage;
    }
    if (p.has("help")) {
        ctx.out << "Usage: yardstick-cli roadmap [--round ID] [options]\n\n"
                   "Turns maturity gaps into the data responsibilities a council must cover (the\n"
                   "foundation ones first, then growth ones as its targets rise), the roles that cover\n"
                   "them, and their cost per year with each on-cost itemised, at low, mid and high\n"
                   "salary points. Every figure comes from the assumptions file, with its date.\n\n"
                << options_help(spec);
        return exit_code::ok;
    }
    std::string format = p.value("format", "table");
    if (format != "table" && format != "json" && format != "csv") {
        ctx.err << "yardstick-cli roadmap: --format must be table, json or csv, not \"" << format << "\"\n";
        return exit_code::usage;
    }
    RoadmapRequest req;
    if (!read_roadmap_options(p, req, error)) {
        ctx.err << "yardstick-cli roadmap: " << error << "\n";
        return exit_code::usage;
    }
    if (req.start.empty()) req.start = next_financial_year_start(today_iso_date());

    if (int code = refuse_unsafe_outputs(ctx, "roadmap",
                                         {given_paths(p, {"out"}),
                                          {{"the role catalogue", p.value("roles", shipped_roles)},
                                           {"the assumptions", p.value("assumptions", shipped_assumptions)}},
                                          database_path(p)}))
        return code;

    Diagnostics diags;
    auto inputs = load_roadmap_inputs(p.value("roles", shipped_roles), p.value("assumptions", shipped_assumptions),
                                      library_dirs(ctx, p.values("library"), false), diags);
    for (const auto& d : diags.items()) ctx.err << to_string(d) << "\n";
    if (!inputs) return exit_code::invalid_input;
    req.framework = inputs->framework.get();
    req.roles = &inputs->roles;
    req.assumptions = &inputs->assumptions;

    auto run = [&](const RoundResult* current) {
        req.current = current;
        auto plan = build_roadmap(req, error);
        if (!plan) {
            ctx.err << "yardstick-cli roadmap: " << error << "\n";
            return exit_code::invalid_input;
        }
        std::ostringstream text;
        if (format == "json") text << roadmap_json(*plan).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        else if (format == "csv") write_roadmap_csv(text, *plan);
        else write_roadmap_table(text, *plan, *inputs->framework);
        if (p.has("out")) {
            std::string werr;
            if (!write_file_atomic(p.value("out"), text.str(), werr)) {
                ctx.err << "yardstick-cli roadmap: " << werr << "\n";
                return exit_code::output_failed;
            }
        } else {
            ctx.out << text.str();
        }
        return exit_code::ok;
    };
    if (!p.has("round")) return run(nullptr);
    return with_database(ctx, "roadmap", p, [&](store::Connection& c) {
        ScoreReport scored = store::score_stored_rounds(c, {p.value("round")}, ScoreOptions{false, false});
        const ScoredRound& sr = scored.rounds.front();
        if (sr.framework->id != inputs->framework->id) {
            ctx.err << "yardstick-cli roadmap: round \"" << p.value("round") << "\" measures framework \"" << sr.framework->id
                    << "\" but the role catalogue is for \"" << inputs->framework->id << "\"\n";
            return exit_code::invalid_input;
        }
        req.framework = sr.framework.get();
        return run(&sr.result);
    }, false);
}

}  // namespace ys::cli
