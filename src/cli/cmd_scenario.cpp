// yardstick-cli scenario: roadmap scenarios saved per organisation (save, list, show,
// export, rename, delete). The file format is docs/roadmap-scenario-format.md; the
// store's rules are src/store/scenarios.h.
#include <functional>
#include <ostream>

#include <nlohmann/json.hpp>

#include "atomic_file.h"
#include "exit_codes.h"
#include "outputs.h"
#include "scenario_file.h"
#include "scenarios.h"
#include "store_command.h"
#include "timestamps.h"

namespace ys::cli {
namespace {

const OptionSpec kOrg{"org", true, "ORG", "the organisation the scenario belongs to (required)"};
const OptionSpec kName{"name", true, "NAME", "the scenario's name (required)"};

struct ScenarioSub {
    const char* name;
    const char* usage;
    const char* summary;
    std::vector<OptionSpec> options;
    std::vector<const char*> required;  // options that must be given
    std::size_t positional;
    // Runs before the database is opened (reading the file, checking outputs); a non-zero
    // code stops there, so a refusal never opens, let alone changes, the database.
    std::function<int(const Context&, const ParsedArgs&)> before;
    std::function<int(const Context&, const ParsedArgs&, store::Connection&)> run;
};

int dispatch(const Context& ctx, const std::vector<ScenarioSub>& subs, const std::vector<std::string>& args) {
    std::vector<StoreSubcommand> shared;
    for (const auto& s : subs) shared.push_back({s.name, s.usage, s.summary, s.options, s.positional, s.run, s.required, s.before});
    // Never create a database here: a scenario needs an organisation that is already in one.
    return dispatch_subcommand(ctx, "scenario",
                               "Roadmap scenarios (yardstick-roadmap-scenario/1, docs/roadmap-scenario-format.md),\n"
                               "saved per organisation and never shared with another.",
                               shared, args, false);
}

int print_problems(const Context& ctx, const Diagnostics& d) {
    for (const auto& x : d.items()) ctx.err << to_string(x) << "\n";
    return d.has_errors() ? exit_code::invalid_input : exit_code::ok;
}

}  // namespace

int cmd_scenario(const Context& ctx, const std::vector<std::string>& args) {
    // The scenario `save` read and checked before opening the database.
    std::optional<RoadmapScenario> to_save;
    const std::vector<ScenarioSub> subs = {
        {"save", "save --org ORG FILE [--replace] [--roles FILE]",
         "Checks a scenario file (its format, and its roles and responsibilities against the role\n"
         "catalogue) and saves it for the organisation under its name. A problem is one line\n"
         "each, FILE: WHERE: what was expected, and nothing is saved.",
         {kOrg,
          {"replace", false, "", "overwrite a scenario of the same name"},
          {"roles", true, "FILE", "role catalogue to check against (default: the shipped council-data-roles.json)"},
          {"library", true, "DIR", "also look in DIR/frameworks for the catalogue's framework"}},
         {"org"},
         1,
         [&to_save](const Context& ctx, const ParsedArgs& p) {
             Diagnostics d;
             to_save = read_scenario_file(p.positional[0], d);
             if (to_save) {
                 const std::string roles =
                     p.value("roles", ctx.dirs.shipped + "/frameworks/roles/council-data-roles.json");
                 auto ref = load_scenario_reference(roles, library_dirs(ctx, p.values("library"), false), d);
                 if (ref) {
                     Diagnostics checked(p.positional[0]);
                     check_scenario(*to_save, ref->roles, *ref->framework, checked);
                     d.append(checked);
                 }
             }
             if (!d.has_errors()) return print_problems(ctx, d);
             print_problems(ctx, d);
             ctx.err << "yardstick-cli scenario save: nothing was saved\n";
             return exit_code::invalid_input;
         },
         [&to_save](const Context& ctx, const ParsedArgs& p, store::Connection& c) {
             if (!p.has("replace") && store::scenario_exists(c, p.value("org"), to_save->name)) {
                 // The store refuses it too; here the advice can name the option.
                 ctx.err << "yardstick-cli scenario save: a scenario named \"" << to_save->name
                         << "\" is already saved for organisation \"" << p.value("org")
                         << "\"; add --replace to overwrite it, or change \"name\" in " << p.positional[0] << "\n";
                 return exit_code::invalid_input;
             }
             store::save_scenario(c, p.value("org"), *to_save, p.has("replace"));
             ctx.out << "saved \"" << to_save->name << "\" for " << p.value("org") << "\n";
             return exit_code::ok;
         }},
        {"list", "list --org ORG [--format table|json]", "Lists the organisation's scenarios by name.",
         {kOrg, {"format", true, "F", "table (default) or json"}},
         {"org"},
         0,
         [](const Context& ctx, const ParsedArgs& p) {
             std::string f = p.value("format", "table");
             if (f == "table" || f == "json") return exit_code::ok;
             ctx.err << "yardstick-cli scenario list: --format must be table or json, not \"" << f << "\"\n";
             return exit_code::usage;
         },
         [](const Context& ctx, const ParsedArgs& p, store::Connection& c) {
             auto rows = store::list_scenarios(c, p.value("org"));
             if (p.value("format") == "json") {
                 nlohmann::json out = nlohmann::json::array();
                 for (const auto& r : rows)
                     out.push_back({{"name", r.name},
                                    {"saved", format_iso_datetime(r.saved_at)},
                                    {"start", r.start},
                                    {"horizon_years", r.horizon_years},
                                    {"damaged", r.damaged}});
                 ctx.out << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
                 return exit_code::ok;
             }
             if (rows.empty()) ctx.out << "no scenarios saved for " << p.value("org") << "\n";
             for (const auto& r : rows) {
                 ctx.out << r.name << "  ";
                 if (r.damaged) ctx.out << "DAMAGED (show says why; delete it and save it again)";
                 else ctx.out << "from " << r.start << ", " << r.horizon_years << (r.horizon_years == 1 ? " year" : " years");
                 ctx.out << "  saved " << format_iso_datetime(r.saved_at) << "\n";
             }
             return exit_code::ok;
         }},
        {"show", "show --org ORG --name NAME", "Prints the scenario as a scenario file (JSON).", {kOrg, kName},
         {"org", "name"}, 0, nullptr,
         [](const Context& ctx, const ParsedArgs& p, store::Connection& c) {
             RoadmapScenario s = store::load_scenario(c, p.value("org"), p.value("name"));
             ctx.out << scenario_json(s).dump(2) << "\n";
             return exit_code::ok;
         }},
        {"export", "export --org ORG --name NAME --out FILE", "Writes the scenario to a scenario file.",
         {kOrg, kName, {"out", true, "FILE", "the file to write (required)"}},
         {"org", "name", "out"},
         0,
         [](const Context& ctx, const ParsedArgs& p) {
             return refuse_unsafe_outputs(ctx, "scenario export", {given_paths(p, {"out"}), {}, database_path(p)});
         },
         [](const Context& ctx, const ParsedArgs& p, store::Connection& c) {
             RoadmapScenario s = store::load_scenario(c, p.value("org"), p.value("name"));
             std::string error;
             if (!write_file_atomic(p.value("out"), scenario_json(s).dump(2) + "\n", error)) {
                 ctx.err << "yardstick-cli scenario export: " << error << "\n";
                 return exit_code::output_failed;
             }
             ctx.out << "wrote " << p.value("out") << "\n";
             return exit_code::ok;
         }},
        {"rename", "rename --org ORG --name OLD --to NEW", "Renames a saved scenario.",
         {kOrg, kName, {"to", true, "NEW", "the new name (required)"}},
         {"org", "name", "to"},
         0,
         nullptr,
         [](const Context& ctx, const ParsedArgs& p, store::Connection& c) {
             store::rename_scenario(c, p.value("org"), p.value("name"), p.value("to"));
             ctx.out << "renamed \"" << p.value("name") << "\" to \"" << p.value("to") << "\"\n";
             return exit_code::ok;
         }},
        {"delete", "delete --org ORG --name NAME", "Deletes a saved scenario.", {kOrg, kName}, {"org", "name"}, 0,
         nullptr,
         [](const Context& ctx, const ParsedArgs& p, store::Connection& c) {
             store::delete_scenario(c, p.value("org"), p.value("name"));
             ctx.out << "deleted \"" << p.value("name") << "\"\n";
             return exit_code::ok;
         }},
    };
    return dispatch(ctx, subs, args);
}

}  // namespace ys::cli
