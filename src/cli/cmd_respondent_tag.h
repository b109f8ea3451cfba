#pragma once
// `respondent tag`: a skills round's team, target role and age band of one respondent, added to
// `respondent`'s subcommands by cmd_store.cpp.
#include <vector>

#include "store_command.h"

namespace ys::cli {

std::vector<StoreSubcommand> respondent_tag_subcommands();

}  // namespace ys::cli
