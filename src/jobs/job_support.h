#pragma once
// What the jobs (report, workbook, form) share inside src/jobs: how a job ends with one
// line and an exit code, and the shipped role catalogue and assumptions (which the CLI
// also reads, to check scenario files before a job runs).
#include <string>
#include <vector>

#include "sqlite_handle.h"

namespace ys::jobs {

// A failure that ends the job with one line and an exit code.
struct JobFailure {
    int code;
    std::string message;
};

[[noreturn]] void fail(int code, const std::string& message);

// The exit code and line for the exception being handled: call it only inside a catch
// block. A JobFailure keeps its own (but "ok", which only cancellation uses, becomes an
// internal error), a store error its code and text, any other std::exception an
// "unexpected error". Anything else is thrown on, as before.
struct JobError {
    int exit_code;
    std::string message;
};
JobError current_job_error();

// Opens the job's database, which must exist; an upgrade (and where the old file was
// copied) is added to `notes`.
store::Connection open_job_database(const std::string& path, std::vector<std::string>& notes);

// The role catalogue and assumptions a roadmap is costed with: the file given, else the shipped one.
std::string roles_file_or_shipped(const std::string& given, const std::string& shipped_dir);
std::string assumptions_file_or_shipped(const std::string& given, const std::string& shipped_dir);

}  // namespace ys::jobs
