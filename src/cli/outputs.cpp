#include "outputs.h"

#include <ostream>

#include "database.h"
#include "exit_codes.h"

namespace ys::cli {

std::string database_path(const ParsedArgs& p) {
    std::string path = p.value("db");
    return path.empty() ? store::default_database_path() : path;
}

std::vector<LabelledPath> given_paths(const ParsedArgs& p, const std::vector<std::string>& options) {
    std::vector<LabelledPath> out;
    for (const auto& o : options)
        for (const auto& v : p.values(o)) out.push_back({"--" + o, v});
    return out;
}

int refuse_unsafe_outputs(const Context& ctx, const std::string& command, const OutputPlan& plan) {
    OutputCheck check = check_outputs(plan);
    if (check.ok()) return exit_code::ok;
    ctx.err << "yardstick-cli " << command << ": " << check.message << "\n";
    return exit_code::usage;
}

}  // namespace ys::cli
