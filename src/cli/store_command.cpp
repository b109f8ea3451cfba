#include "store_command.h"

#include <ostream>

#include "database.h"
#include "exit_codes.h"

namespace ys::cli {

int store_error_exit(const Context& ctx, const std::string& command, const store::StoreError& e) {
    ctx.err << "yardstick-cli " << command << ": " << e.what() << "\n";
    return store::exit_code_for(e);
}

int with_database(const Context& ctx, const std::string& command, const ParsedArgs& args,
                  const std::function<int(store::Connection&)>& body, bool create) {
    try {
        std::string path = args.value("db");
        if (path.empty()) path = store::default_database_path();
        store::OpenOptions options;
        options.create = create;
        store::OpenReport report;
        store::Connection c = store::open_database(path, options, &report);
        if (report.upgraded_from)
            ctx.err << path << ": upgraded from schema version " << report.upgraded_from << "; the old file was copied to "
                    << report.backup_path << "\n";
        for (const auto& w : report.warnings) ctx.err << "warning: " << w << "\n";
        return body(c);
    } catch (const store::StoreError& e) {
        return store_error_exit(ctx, command, e);
    }
}

int dispatch_subcommand(const Context& ctx, const std::string& command, const std::string& about,
                        const std::vector<StoreSubcommand>& subs, const std::vector<std::string>& args, bool create) {
    auto overview = [&](std::ostream& out) {
        out << "Usage: yardstick-cli " << command << " SUBCOMMAND [options]\n\n" << about << (about.empty() ? "" : "\n\n")
            << "Subcommands:\n";
        for (const auto& s : subs) out << "  " << s.usage << "\n      " << s.summary << "\n";
        out << "\nEvery subcommand takes --db PATH and --help.\n";
    };
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
        overview(args.empty() ? ctx.err : ctx.out);
        return args.empty() ? exit_code::usage : exit_code::ok;
    }
    for (const auto& s : subs) {
        if (args[0] != s.name) continue;
        const std::string full = command + " " + s.name;
        std::vector<OptionSpec> spec = s.options;
        spec.push_back(kDbOption);
        ParsedArgs p;
        std::string error;
        if (!parse_args({args.begin() + 1, args.end()}, spec, p, error)) {
            ctx.err << "yardstick-cli " << full << ": " << error << "\n";
            return exit_code::usage;
        }
        if (p.has("help")) {
            ctx.out << "Usage: yardstick-cli " << command << " " << s.usage << "\n\n" << s.summary << "\n\n" << options_help(spec);
            return exit_code::ok;
        }
        for (const char* r : s.required)
            if (p.value(r).empty()) {
                ctx.err << "yardstick-cli " << full << ": --" << r << " is required (" << s.usage << ")\n";
                return exit_code::usage;
            }
        if (p.positional.size() != s.positional) {
            ctx.err << "yardstick-cli " << full << ": expected " << s.positional << " argument" << (s.positional == 1 ? "" : "s")
                    << " (" << s.usage << "), found " << p.positional.size() << "\n";
            return exit_code::usage;
        }
        if (s.before)
            if (int code = s.before(ctx, p)) return code;
        return with_database(ctx, full, p, [&](store::Connection& c) { return s.run(ctx, p, c); }, create);
    }
    ctx.err << "yardstick-cli " << command << ": unknown subcommand \"" << args[0] << "\"\n";
    overview(ctx.err);
    return exit_code::usage;
}

}  // namespace ys::cli
