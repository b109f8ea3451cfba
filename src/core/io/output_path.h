#pragma once
// Before a command writes anything: is each output path one it may replace? An output
// must not be the database (or its -wal, -shm, -journal or a .bak beside it), a file the
// same command reads, or another output of the same command, and must be a regular file
// (or not exist yet). Files are compared by identity (device and inode after resolving
// links), and by their resolved path when they do not exist yet, never by spelling.
// The core knows no SQLite: the caller passes the database path.
#include <string>
#include <vector>

namespace ys {

struct LabelledPath {
    std::string label;  // how the user named it: "--out", "--html", "the role catalogue", "answer file"
    std::string path;
};

struct OutputPlan {
    std::vector<LabelledPath> outputs;  // what the command will write
    std::vector<LabelledPath> inputs;   // what it reads
    std::string database;               // the database it opens or could open; empty for none
};

enum class OutputRefusal {
    none,
    clash,       // the database, an input or another output
    not_a_file,  // a directory, FIFO, socket or device
};

struct OutputCheck {
    OutputRefusal refusal = OutputRefusal::none;
    std::string message;  // one line: which option and path, what it clashes with, what to do
    bool ok() const { return refusal == OutputRefusal::none; }
};

// Checks every output of the plan; the first refusal found, or ok.
OutputCheck check_outputs(const OutputPlan& plan);

// Why `path` cannot be replaced as a regular file: "" when it can (missing, a regular
// file, or a link to one), else e.g. "is a directory, not a file".
std::string output_kind_problem(const std::string& path);

}  // namespace ys
