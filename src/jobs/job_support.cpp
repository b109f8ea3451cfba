#include "job_support.h"

#include <exception>

#include "database.h"
#include "exit_codes.h"

namespace ys::jobs {

[[noreturn]] void fail(int code, const std::string& message) { throw JobFailure{code, message}; }

JobError current_job_error() {
    try {
        throw;
    } catch (const JobFailure& f) {
        return {f.code == exit_code::ok ? exit_code::internal_error : f.code, f.message};
    } catch (const store::StoreError& e) {
        return {store::exit_code_for(e), e.what()};
    } catch (const std::exception& e) {
        return {exit_code::internal_error, std::string("unexpected error: ") + e.what()};
    }
}

store::Connection open_job_database(const std::string& path, std::vector<std::string>& notes) {
    store::OpenOptions options;
    options.create = false;
    store::OpenReport opened;
    store::Connection c = store::open_database(path, options, &opened);
    if (opened.upgraded_from)
        notes.push_back(path + ": upgraded from schema version " + std::to_string(opened.upgraded_from) +
                        "; the old file was copied to " + opened.backup_path);
    return c;
}

std::string roles_file_or_shipped(const std::string& given, const std::string& shipped_dir) {
    return given.empty() ? shipped_dir + "/frameworks/roles/council-data-roles.json" : given;
}

std::string assumptions_file_or_shipped(const std::string& given, const std::string& shipped_dir) {
    return given.empty() ? shipped_dir + "/frameworks/roles/assumptions-england-2025.json" : given;
}

}  // namespace ys::jobs
