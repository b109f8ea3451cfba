#include <ostream>

#include "args.h"
#include "commands.h"
#include "exit_codes.h"
#include "template.h"
#include "validate.h"

namespace ys::cli {
namespace {

// Report templates are read by the report library, which the core does not link.
ExtraFormat report_template_format() {
    return {report::kTemplateFormat, "report template",
            [](const std::string& path, const nlohmann::json&, Diagnostics& diags, std::string& id) {
                // Read again through the report's own reader: its size limit and messages are
                // exactly those `report --template` gives.
                auto t = report::read_template(path, diags);
                if (t) id = t->id;
                return t.has_value();
            }};
}

}  // namespace

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
                   "Checks frameworks, questionnaires, answer files, target files, role catalogues,\n"
                   "assumptions, roadmap scenarios and report templates, including their references\n"
                   "to each other (a scenario's roles: a role catalogue given with it, else the\n"
                   "shipped one).\n"
                   "Each problem is one line: FILE: WHERE: what was expected (WHERE is a JSON\n"
                   "pointer, or line:column for syntax errors); past 1000 in one file, one last line\n"
                   "counts the rest. Exit code 0 when all are valid, 2 when any is not.\n\n"
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
    req.extra_formats.push_back(report_template_format());
    // Scenarios name roles: checked against a role catalogue given with them, else the shipped one.
    if (!p.has("no-default-library")) req.scenario_roles = ctx.dirs.shipped + "/frameworks/roles/council-data-roles.json";
    ValidateReport report = validate_files(req);
    for (const auto& d : report.diagnostics.items()) ctx.err << to_string(d) << "\n";
    if (!p.has("quiet"))
        for (const auto& f : report.files)
            ctx.out << f.path << ": " << (f.ok ? "ok" : "INVALID") << " ("
                    << (f.extra_kind.empty() ? to_string(f.kind) : f.extra_kind.c_str())
                    << (f.id.empty() ? "" : " " + f.id) << ")\n";
    return report.ok() ? exit_code::ok : exit_code::invalid_input;
}

}  // namespace ys::cli
