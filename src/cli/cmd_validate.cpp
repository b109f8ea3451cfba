#include <ostream>

#include "args.h"
#include "commands.h"
#include "exit_codes.h"
#include "validate.h"

namespace ys::cli {

std::vector<std::string> library_dirs(const Context& ctx, const std::vector<std::string>& given, bool no_default) {
    std::vector<std::string> dirs = given;
    if (!no_default) {
        dirs.insert(dirs.begin(), ctx.dirs.user);
        dirs.insert(dirs.begin(), ctx.dirs.shipped);
    }
    return dirs;
}

int cmd_validate(const Context& ctx, const std::vector<std::string>& args) {
    const std::vector<OptionSpec> spec = {
        {"library", true, "DIR", "also look in DIR/frameworks and DIR/questionnaires for referenced files"},
        {"no-default-library", false, "", "do not look in the shipped and user libraries"},
        {"quiet", false, "", "print problems only"},
    };
    ParsedArgs p;
    std::string error;
    if (!parse_args(args, spec, p, error)) {
        ctx.err << "yardstick-cli validate: " << error << "\n";
        return exit_code::usage;
    }
    if (p.has("help")) {
        ctx.out << "Usage: yardstick-cli validate [options] FILE...\n\n"
                   "Checks frameworks, questionnaires, answer files and target files, including\n"
                   "their references to each other. Each problem is one line:\n"
                   "FILE: WHERE: what was expected (WHERE is a JSON pointer, or line:column for\n"
                   "syntax errors). Exit code 0 when all are valid, 2 when any is not.\n\n"
                << options_help(spec);
        return exit_code::ok;
    }
    if (p.positional.empty()) {
        ctx.err << "yardstick-cli validate: no files given; see --help\n";
        return exit_code::usage;
    }
    ValidateRequest req;
    req.files = p.positional;
    req.library_dirs = library_dirs(ctx, p.values("library"), p.has("no-default-library"));
    ValidateReport report = validate_files(req);
    for (const auto& d : report.diagnostics.items()) ctx.err << to_string(d) << "\n";
    if (!p.has("quiet"))
        for (const auto& f : report.files)
            ctx.out << f.path << ": " << (f.ok ? "ok" : "INVALID") << " (" << to_string(f.kind)
                    << (f.id.empty() ? "" : " " + f.id) << ")\n";
    return report.ok() ? exit_code::ok : exit_code::invalid_input;
}

}  // namespace ys::cli
