#pragma once
// Shared plumbing for commands that touch the database: --db, opening, and turning
// store errors into one-line messages and exit codes.
#include <functional>
#include <string>
#include <vector>

#include "args.h"
#include "commands.h"
#include "sqlite_handle.h"

namespace ys::cli {

inline const OptionSpec kDbOption{"db", true, "PATH", "the database (default $XDG_DATA_HOME/yardstick/yardstick.db)"};

// Runs `body` with an open database, mapping StoreError to a message and an exit code.
int with_database(const Context& ctx, const std::string& command, const ParsedArgs& args,
                  const std::function<int(store::Connection&)>& body, bool create = true);

int store_error_exit(const Context& ctx, const std::string& command, const store::StoreError& e);

}  // namespace ys::cli
