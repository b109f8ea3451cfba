#include "store_command.h"

#include <ostream>

#include "database.h"
#include "exit_codes.h"

namespace ys::cli {

int store_error_exit(const Context& ctx, const std::string& command, const store::StoreError& e) {
    ctx.err << "yardstick-cli " << command << ": " << e.what() << "\n";
    return store::exit_code_for(e);
}

int with_database(const Context& ctx, const std::string& command, const ParsedArgs& args,
                  const std::function<int(store::Connection&)>& body, bool create) {
    try {
        std::string path = args.value("db");
        if (path.empty()) path = store::default_database_path();
        store::OpenOptions options;
        options.create = create;
        store::OpenReport report;
        store::Connection c = store::open_database(path, options, &report);
        if (report.upgraded_from)
            ctx.err << path << ": upgraded from schema version " << report.upgraded_from << "; the old file was copied to "
                    << report.backup_path << "\n";
        for (const auto& w : report.warnings) ctx.err << "warning: " << w << "\n";
        return body(c);
    } catch (const store::StoreError& e) {
        return store_error_exit(ctx, command, e);
    }
}

}  // namespace ys::cli
