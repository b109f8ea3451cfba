#pragma once
// `round scope`: which dimensions a round leaves out, added to `round`'s subcommands by cmd_store.cpp.
#include <vector>

#include "store_command.h"

namespace ys::cli {

std::vector<StoreSubcommand> round_scope_subcommands();

}  // namespace ys::cli
