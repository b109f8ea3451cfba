// yardstick-cli roadmap: the costed resourcing roadmap for an organisation.
#include <charconv>
#include <chrono>
#include <ostream>
#include <sstream>

#include "exit_codes.h"
#include "output_file.h"
#include "roadmap_inputs.h"
#include "roadmap_output.h"
#include "scored_rounds.h"
#include "store_command.h"
#include "timestamps.h"

namespace ys::cli {
namespace {

// "role=1.5" or "role:3": the text before the separator and the number after it.
bool split_number(const std::string& s, char sep, std::string& name, double& value) {
    auto at = s.find(sep);
    if (at == std::string::npos) return false;
    name = s.substr(0, at);
    std::string v = s.substr(at + 1);
    auto res = std::from_chars(v.data(), v.data() + v.size(), value);
    return !name.empty() && res.ec == std::errc() && res.ptr == v.data() + v.size();
}

}  // namespace

int cmd_roadmap(const Context& ctx, const std::vector<std::string>& args) {
    const std::string shipped_roles = ctx.dirs.shipped + "/frameworks/roles/council-data-roles.json";
    const std::string shipped_assumptions = ctx.dirs.shipped + "/frameworks/roles/assumptions-england-2025.json";
    const std::vector<OptionSpec> spec = {
        kDbOption,
        {"round", true, "ID", "the round whose scores and organisation's targets set the aims"},
        {"roles", true, "FILE", "role catalogue (default: the shipped council-data-roles.json)"},
        {"assumptions", true, "FILE", "dated cost assumptions (default: the shipped assumptions-england-2025.json)"},
        {"team", true, "ROLE=FTE", "a post the council has now; may be repeated"},
        {"covered", true, "RESPONSIBILITY", "a responsibility already carried some other way; may be repeated"},
        {"structure", true, "S", "centralised (default), hub-and-spoke or decentralised"},
        {"departments", true, "N", "departments analysts serve (default 1)"},
        {"horizon", true, "YEARS", "years to plan (default 3)"},
        {"start", true, "DATE", "first day of year 1 (default: the next 1 April)"},
        {"share", true, "ROLE:COUNCILS", "a post shared between this many councils; may be repeated"},
        {"upskill", true, "FROM=TO", "a post in the team that can grow into another role; may be repeated"},
        {"london", false, "", "apply London weighting to roles that carry it"},
        {"non-levy", false, "", "the employer does not pay the apprenticeship levy"},
        {"no-apprenticeships", false, "", "do not propose apprenticeships"},
        {"library", true, "DIR", "also look in DIR/frameworks for the catalogue's framework"},
        {"format", true, "table|json|csv", "output format (default table)"},
        {"out", true, "FILE", "write to FILE instead of standard output"},
    };
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
    std::string structure = p.value("structure", "centralised");
    if (structure == "centralised") req.structure = TeamStructure::Centralised;
    else if (structure == "hub-and-spoke") req.structure = TeamStructure::HubAndSpoke;
    else if (structure == "decentralised") req.structure = TeamStructure::Decentralised;
    else {
        ctx.err << "yardstick-cli roadmap: --structure must be centralised, hub-and-spoke or decentralised\n";
        return exit_code::usage;
    }
    for (const auto& [name, target] : std::vector<std::pair<const char*, int*>>{{"departments", &req.departments},
                                                                              {"horizon", &req.horizon_years}}) {
        if (!p.has(name)) continue;
        const std::string v = p.value(name);
        auto res = std::from_chars(v.data(), v.data() + v.size(), *target);
        if (v.empty() || res.ec != std::errc() || res.ptr != v.data() + v.size()) {
            ctx.err << "yardstick-cli roadmap: --" << name << " must be a whole number, not \"" << v << "\"\n";
            return exit_code::usage;
        }
    }
    for (const auto& t : p.values("team")) {
        std::string role;
        double fte = 0;
        if (!split_number(t, '=', role, fte)) {
            ctx.err << "yardstick-cli roadmap: --team takes ROLE=FTE, such as performance-information-analyst=2, not \"" << t << "\"\n";
            return exit_code::usage;
        }
        req.team.push_back({role, fte});
    }
    for (const auto& s : p.values("share")) {
        std::string role;
        double councils = 0;
        if (!split_number(s, ':', role, councils) || councils != static_cast<int>(councils)) {
            ctx.err << "yardstick-cli roadmap: --share takes ROLE:COUNCILS, such as data-architect:3, not \"" << s << "\"\n";
            return exit_code::usage;
        }
        req.shared.push_back({role, static_cast<int>(councils)});
    }
    for (const auto& u : p.values("upskill")) {
        auto eq = u.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == u.size()) {
            ctx.err << "yardstick-cli roadmap: --upskill takes FROM=TO, such as performance-information-analyst=senior-data-analyst, not \"" << u << "\"\n";
            return exit_code::usage;
        }
        req.upskill.push_back({u.substr(0, eq), u.substr(eq + 1)});
    }
    req.covered = p.values("covered");
    req.london = p.has("london");
    req.levy_payer = !p.has("non-levy");
    req.prefer_apprenticeships = !p.has("no-apprenticeships");
    if (p.has("start")) {
        req.start = p.value("start");
    } else {
        // The next council financial year: 1 April.
        std::string today = format_iso_datetime(std::chrono::duration_cast<std::chrono::seconds>(
                                                    std::chrono::system_clock::now().time_since_epoch())
                                                    .count())
                                .substr(0, 10);
        int year = std::stoi(today.substr(0, 4)) + (today.substr(5) >= "04-01" ? 1 : 0);
        req.start = std::to_string(year) + "-04-01";
    }

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
        if (format == "json") text << roadmap_json(*plan).dump(2) << "\n";
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
