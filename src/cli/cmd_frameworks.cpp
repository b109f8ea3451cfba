#include <ostream>

#include <nlohmann/json.hpp>

#include "args.h"
#include "commands.h"
#include "exit_codes.h"

namespace ys::cli {

int cmd_frameworks(const Context& ctx, const std::vector<std::string>& args) {
    const std::vector<OptionSpec> spec = {
        {"library", true, "DIR", "also list DIR/frameworks and DIR/questionnaires"},
        {"no-default-library", false, "", "leave out the shipped and user libraries"},
        {"format", true, "table|json", "output format (default table)"},
    };
    ParsedArgs p;
    std::string error;
    if (!parse_args(args, spec, p, error)) {
        ctx.err << "yardstick-cli frameworks: " << error << "\n";
        return exit_code::usage;
    }
    if (p.has("help")) {
        ctx.out << "Usage: yardstick-cli frameworks [options]\n\n"
                   "Lists the frameworks and questionnaires that Yardstick can find: the shipped\n"
                   "ones (" << ctx.dirs.shipped << ")\nand the user's own (" << ctx.dirs.user << ").\n\n"
                << options_help(spec);
        return exit_code::ok;
    }
    std::string format = p.value("format", "table");
    if (format != "table" && format != "json") {
        ctx.err << "yardstick-cli frameworks: --format must be table or json, not \"" << format << "\"\n";
        return exit_code::usage;
    }
    if (!p.positional.empty()) {
        ctx.err << "yardstick-cli frameworks: unexpected argument \"" << p.positional.front() << "\"\n";
        return exit_code::usage;
    }
    Catalogue cat;
    if (!p.has("no-default-library")) {
        cat.add_library(ctx.dirs.shipped, "shipped");
        cat.add_library(ctx.dirs.user, "user");
    }
    for (const auto& d : p.values("library")) cat.add_library(d, "library");
    cat.bind_all();
    if (format == "json") {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& e : cat.entries()) {
            nlohmann::json j = {{"kind", to_string(e.kind)}, {"id", e.id},       {"version", e.version},
                                {"title", e.title},          {"path", e.path},   {"origin", e.origin},
                                {"valid", e.valid}};
            if (e.questionnaire) {
                j["framework"] = e.questionnaire->framework_id;
                j["questions"] = e.question_count;
                j["audience"] = to_string(e.questionnaire->audience);
            }
            if (e.framework) {
                j["dimensions"] = e.framework->dimensions.size();
                j["levels"] = e.framework->levels.size();
            }
            list.push_back(std::move(j));
        }
        ctx.out << nlohmann::json{{"entries", list}}.dump(2) << "\n";
        return exit_code::ok;
    }
    for (DocKind kind : {DocKind::Framework, DocKind::Questionnaire}) {
        ctx.out << (kind == DocKind::Framework ? "Frameworks\n" : "\nQuestionnaires\n");
        bool any = false;
        for (const auto& e : cat.entries()) {
            if (e.kind != kind) continue;
            any = true;
            ctx.out << "  " << e.id << " " << e.version << "  " << e.title;
            if (e.questionnaire)
                ctx.out << "  [" << e.question_count << " questions, " << to_string(e.questionnaire->audience)
                        << ", measures " << e.questionnaire->framework_id << "]";
            if (e.framework)
                ctx.out << "  [" << e.framework->dimensions.size() << " dimensions, " << e.framework->levels.size()
                        << " levels]";
            ctx.out << "  (" << e.origin << (e.valid ? "" : ", INVALID: run yardstick-cli validate " + e.path) << ")\n";
        }
        if (!any) ctx.out << "  (none)\n";
    }
    return exit_code::ok;
}

}  // namespace ys::cli
