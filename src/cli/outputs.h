#pragma once
// Output safety for commands that write files: before any work, each output path is
// checked against the database, the command's inputs and its other outputs (core
// check_outputs); a refusal is one line on stderr and exit code 3 (usage).
#include <string>
#include <vector>

#include "args.h"
#include "commands.h"
#include "io/output_path.h"

namespace ys::cli {

// The database a command uses: --db, else the default one.
std::string database_path(const ParsedArgs& p);

// "--out FILE" etc. for each option given: the outputs of a plan.
std::vector<LabelledPath> given_paths(const ParsedArgs& p, const std::vector<std::string>& options);

// exit_code::ok, or the message printed and exit_code::usage.
int refuse_unsafe_outputs(const Context& ctx, const std::string& command, const OutputPlan& plan);

}  // namespace ys::cli
