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

#ifdef _WIN32
inline const OptionSpec kDbOption{"db", true, "PATH", "the database (default %APPDATA%\\Yardstick\\yardstick.db)"};
#else
inline const OptionSpec kDbOption{"db", true, "PATH", "the database (default $XDG_DATA_HOME/yardstick/yardstick.db)"};
#endif

// Runs `body` with an open database, mapping StoreError to a message and an exit code.
int with_database(const Context& ctx, const std::string& command, const ParsedArgs& args,
                  const std::function<int(store::Connection&)>& body, bool create = true);

int store_error_exit(const Context& ctx, const std::string& command, const store::StoreError& e);

// One subcommand of a command over the database (`org add`, `scenario save`, ...).
struct StoreSubcommand {
    const char* name;
    const char* usage;
    const char* summary;
    std::vector<OptionSpec> options;  // --db is added
    std::size_t positional;           // exact number of positional arguments
    std::function<int(const Context&, const ParsedArgs&, store::Connection&)> run;
    std::vector<const char*> required = {};  // options that must be given
    // Runs before the database is opened (reading a file, checking outputs); a non-zero code
    // stops there, so a refusal never opens, let alone changes, the database.
    std::function<int(const Context&, const ParsedArgs&)> before = {};
};

// Picks the subcommand named by args[0], parses its options, checks them, and runs it with
// the database open (made when missing only if `create`). `about` is a paragraph for the
// overview ("" for none). Prints the overview for --help, or with a usage error.
int dispatch_subcommand(const Context& ctx, const std::string& command, const std::string& about,
                        const std::vector<StoreSubcommand>& subs, const std::vector<std::string>& args, bool create = true);

}  // namespace ys::cli
