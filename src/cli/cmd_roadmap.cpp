// yardstick-cli roadmap: the costed resourcing roadmap for an organisation, from a scenario
// file or the command line's options; two or more scenarios side by side.
#include <memory>
#include <ostream>
#include <sstream>

#include "atomic_file.h"
#include "exit_codes.h"
#include "scenarios.h"
#include "organisations.h"
#include "outputs.h"
#include "roadmap_inputs.h"
#include "roadmap_options.h"
#include "roadmap_output.h"
#include "scenario_files.h"
#include "scored_rounds.h"
#include "store_command.h"
#include "timestamps.h"

namespace ys::cli {
namespace {

void set_place(RoadmapRequest& req, const store::OrgRecord& org) {
    req.organisation_type = org.type;
    req.organisation_region = org.region;
    req.organisation_ons_code = org.ons_code;
}

}  // namespace

int cmd_roadmap(const Context& ctx, const std::vector<std::string>& args) {
    const std::string shipped_roles = ctx.dirs.shipped + "/frameworks/roles/council-data-roles.json";
    const std::string shipped_assumptions = ctx.dirs.shipped + "/frameworks/roles/assumptions-england-2025.json";
    std::vector<OptionSpec> spec = {
        kDbOption,
        {"round", true, "ID", "the round whose scores and organisation's targets set the aims"},
        {"org", true, "ID", "the organisation the plan is for (its London area); implied by --round"},
        {"scenario", true, "FILE", "a roadmap scenario file (yardstick-roadmap-scenario/1); repeat to compare"},
        {"saved", true, "NAME", "a scenario saved for the organisation (`scenario list`); repeat to compare"},
        {"library", true, "DIR", "also look in DIR/frameworks for the catalogue's framework"},
        {"format", true, "table|json|csv", "output format (default table)"},
        {"out", true, "FILE", "write to FILE instead of standard output"},
    };
    spec.insert(spec.begin() + 4, roadmap_option_specs().begin(), roadmap_option_specs().end());
    ParsedArgs p;
    std::string error;
    if (!parse_args(args, spec, p, error)) {
        ctx.err << "yardstick-cli roadmap: " << error << "\n";
        return exit_code::usage;
    }
    if (p.has("help")) {
        ctx.out << "Usage: yardstick-cli roadmap [--round ID | --org ID] [--scenario FILE | --saved NAME]... [options]\n\n"
                   "Turns maturity gaps into the data responsibilities a council must cover (the\n"
                   "foundation ones first, then growth ones as its targets rise), reports how far the\n"
                   "existing team and the planned posts cover each, proposes posts for the rest (unless\n"
                   "told not to), and costs the plan per year with each on-cost and non-staff line\n"
                   "itemised, at low, mid and high salary points. The plan comes from a scenario file\n"
                   "or from the options below; with two or more --scenario files, prints them side by\n"
                   "side. Every figure comes from the assumptions file, with its date.\n\n"
                << options_help(spec);
        return exit_code::ok;
    }
    std::string format = p.value("format", "table");
    if (format != "table" && format != "json" && format != "csv") {
        ctx.err << "yardstick-cli roadmap: --format must be table, json or csv, not \"" << format << "\"\n";
        return exit_code::usage;
    }
    const std::vector<std::string> files = p.values("scenario"), saved = p.values("saved");
    if ((!files.empty() || !saved.empty()) && plan_options_given(p)) {
        ctx.err << "yardstick-cli roadmap: the scenario file holds the plan; leave out --team, --post, --structure and the "
                   "other plan options, or leave out --scenario\n";
        return exit_code::usage;
    }
    if (!saved.empty() && !p.has("org") && !p.has("round")) {
        ctx.err << "yardstick-cli roadmap: --saved needs the organisation the scenario is saved for: give --org ID or --round ID\n";
        return exit_code::usage;
    }
    if (p.has("org") && p.has("round")) {
        ctx.err << "yardstick-cli roadmap: give --round or --org, not both (a round names its organisation)\n";
        return exit_code::usage;
    }
    RoadmapRequest base;
    const bool inline_plan = files.empty() && saved.empty();
    if (inline_plan && !read_roadmap_options(p, base, error)) {
        ctx.err << "yardstick-cli roadmap: " << error << "\n";
        return exit_code::usage;
    }
    if (inline_plan && base.scenario.start.empty()) base.scenario.start = next_financial_year_start(today_iso_date());

    std::vector<LabelledPath> inputs_named = {
        {"the role catalogue", p.value("roles", shipped_roles)}, {"the assumptions", p.value("assumptions", shipped_assumptions)}};
    for (const auto& f : files) inputs_named.push_back({"the scenario", f});
    if (int code = refuse_unsafe_outputs(ctx, "roadmap", {given_paths(p, {"out"}), inputs_named, database_path(p)})) return code;

    Diagnostics diags;
    auto inputs = load_roadmap_inputs(p.value("roles", shipped_roles), p.value("assumptions", shipped_assumptions),
                                      library_dirs(ctx, p.values("library"), false), diags);
    for (const auto& d : diags.items()) ctx.err << to_string(d) << "\n";
    if (!inputs) return exit_code::invalid_input;

    // Every scenario file, read and checked before anything is costed.
    std::vector<RoadmapScenario> scenarios;
    if (!read_scenario_files(files, inputs->roles, *inputs->framework, scenarios, ctx.err)) return exit_code::invalid_input;
    if (inline_plan) scenarios.push_back(base.scenario);
    // Saved scenarios are read from the store, and checked as files are, once it is open.
    auto load_saved = [&](store::Connection& c, const std::string& org) {
        for (const auto& name : saved) {
            if (!store::scenario_exists(c, org, name)) {
                ctx.err << "yardstick-cli roadmap: organisation \"" << org << "\" has no saved scenario \"" << name
                        << "\"; `yardstick-cli scenario list --org " << org << "` shows them\n";
                return false;
            }
            RoadmapScenario s = store::load_scenario(c, org, name);
            Diagnostics d("saved scenario \"" + name + "\"");
            if (!check_scenario(s, inputs->roles, *inputs->framework, d)) {
                for (const auto& item : d.items()) ctx.err << to_string(item) << "\n";
                return false;
            }
            scenarios.push_back(std::move(s));
        }
        return true;
    };

    auto run = [&](const RoundResult* current, const Framework& fw) {
        std::vector<Roadmap> plans;
        for (const auto& s : scenarios) {
            RoadmapRequest req = base;
            req.scenario = s;
            req.framework = &fw;
            req.roles = &inputs->roles;
            req.assumptions = &inputs->assumptions;
            req.current = current;
            auto plan = build_roadmap(req, error);
            if (!plan) {
                ctx.err << "yardstick-cli roadmap: " << (scenarios.size() > 1 ? "scenario \"" + s.name + "\": " : "") << error << "\n";
                return exit_code::invalid_input;
            }
            plans.push_back(std::move(*plan));
        }
        std::ostringstream text;
        if (plans.size() == 1) {
            if (format == "json") text << roadmap_json(plans[0]).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
            else if (format == "csv") write_roadmap_csv(text, plans[0]);
            else write_roadmap_table(text, plans[0], fw);
        } else {
            std::vector<ScenarioSummary> sums;
            for (std::size_t i = 0; i < plans.size(); ++i) sums.push_back(summarise(scenarios[i].name, plans[i]));
            if (format == "json") text << comparison_json(sums).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
            else if (format == "csv") write_comparison_csv(text, sums);
            else write_comparison_table(text, sums);
        }
        if (p.has("out")) {
            std::string werr;
            if (!write_file_atomic(p.value("out"), text.str(), werr)) {
                ctx.err << "yardstick-cli roadmap: " << werr << "\n";
                return exit_code::output_failed;
            }
        } else {
            ctx.out << text.str();
        }
        // Warnings also go to the terminal when the plan is written elsewhere.
        if (p.has("out") || format != "table")
            for (const auto& plan : plans)
                for (const auto& w : plan.warnings) ctx.err << "yardstick-cli roadmap: warning: " << w << "\n";
        return exit_code::ok;
    };
    if (!p.has("round") && !p.has("org")) return run(nullptr, *inputs->framework);
    return with_database(ctx, "roadmap", p, [&](store::Connection& c) {
        if (!p.has("round")) {
            auto org = store::find_organisation(c, p.value("org"));
            if (!org) {
                ctx.err << "yardstick-cli roadmap: there is no organisation \"" << p.value("org")
                        << "\" in the database; `yardstick-cli org list` shows them\n";
                return exit_code::invalid_input;
            }
            set_place(base, *org);
            if (!load_saved(c, org->id)) return exit_code::invalid_input;
            return run(nullptr, *inputs->framework);
        }
        ScoreReport scored = store::score_stored_rounds(c, {p.value("round")}, ScoreOptions{false, false});
        const ScoredRound& sr = scored.rounds.front();
        if (sr.framework->id != inputs->framework->id) {
            ctx.err << "yardstick-cli roadmap: round \"" << p.value("round") << "\" measures framework \"" << sr.framework->id
                    << "\" but the role catalogue is for \"" << inputs->framework->id << "\"\n";
            return exit_code::invalid_input;
        }
        if (auto org = store::find_organisation(c, sr.result.organisation.id)) set_place(base, *org);
        if (!load_saved(c, sr.result.organisation.id)) return exit_code::invalid_input;
        return run(&sr.result, *sr.framework);
    }, false);
}

}  // namespace ys::cli
