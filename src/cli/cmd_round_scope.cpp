// yardstick-cli round scope ROUND [--exclude DIM]... [--include DIM]...: declares dimensions
// out of scope for one round (the store does the work: round_scopes.h) and shows the scope.
#include "cmd_round_scope.h"

#include <ostream>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "exit_codes.h"
#include "round_scopes.h"
#include "rounds.h"

namespace ys::cli {

std::vector<StoreSubcommand> round_scope_subcommands() {
    return {
        {"scope", "scope ROUND [--exclude DIM]... [--include DIM]... [--format table|json]",
         "Declares dimensions out of scope for the round (a district council has no children's services):\n"
         "they and everything under them are left out of its scores, coverage, benchmarks and reports,\n"
         "which list them as excluded. DIM is a dimension id, or its name where that names one.\n"
         "Without --exclude or --include, shows the round's scope.",
         {{"exclude", true, "DIM", "leave this dimension out of the round; may be repeated"},
          {"include", true, "DIM", "take an excluded dimension back into the round; may be repeated"},
          {"format", true, "table|json", "output format (default table)"}},
         1,
         [](const Context& ctx, const ParsedArgs& p, store::Connection& c) {
             const std::string format = p.value("format", "table");
             if (format != "table" && format != "json") {
                 ctx.err << "yardstick-cli round scope: --format must be table or json, not \"" << format << "\"\n";
                 return exit_code::usage;
             }
             const std::string& round = p.positional[0];
             std::vector<std::string> excluded;
             if (p.has("exclude") || p.has("include"))
                 excluded = store::set_round_scope(c, round, p.values("exclude"), p.values("include"));
             else
                 excluded = store::round_exclusions(c, store::get_round(c, round).id);
             store::LoadedRound lr = store::load_round(c, round);
             const Framework& fw = *lr.framework;
             if (format == "json") {
                 nlohmann::json list = nlohmann::json::array();
                 for (const auto& id : excluded) {
                     int k = fw.find_dimension(id);
                     list.push_back({{"id", id}, {"name", k >= 0 ? fw.dimensions[static_cast<std::size_t>(k)].name : id}});
                 }
                 ctx.out << nlohmann::json{{"round", round}, {"excluded", list}}.dump(
                                2, ' ', false, nlohmann::json::error_handler_t::replace)
                         << "\n";
                 return exit_code::ok;
             }
             if (excluded.empty()) {
                 ctx.out << round << ": every dimension of " << fw.title << " is in scope\n";
                 return exit_code::ok;
             }
             ctx.out << round << ": excluded from this round:\n";
             for (const auto& id : excluded) {
                 int k = fw.find_dimension(id);
                 if (k >= 0) ctx.out << "  " << fw.dimensions[static_cast<std::size_t>(k)].name << " (" << id << ")\n";
                 else ctx.out << "  " << id << " (not in " << fw.title << " " << fw.version << "; ignored)\n";
             }
             return exit_code::ok;
         }},
    };
}

}  // namespace ys::cli
