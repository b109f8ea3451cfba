#pragma once
// `round invite`, `round invitations`, `round uninvite` and `round status`, added to `round`'s
// subcommands by cmd_store.cpp.
#include <vector>

#include "store_command.h"

namespace ys::cli {

std::vector<StoreSubcommand> round_invitation_subcommands();

}  // namespace ys::cli
