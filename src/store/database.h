#pragma once
// Opening a Yardstick database: checks that it is ours and of a version we know,
// creates a new one, or upgrades an older one after copying a backup beside it.
#include <string>
#include <vector>

#include "sqlite_handle.h"

namespace ys::store {

inline constexpr int kApplicationId = 0x59534454;  // "YSDT"
inline constexpr int kSchemaVersion = 7;

struct OpenOptions {
    bool create = true;  // create the file when it does not exist
    int busy_timeout_ms = 5000;
    // Never write: no creating, upgrading or tightening. Chosen by itself when the file or its
    // folder cannot be written, so reading commands still work on a read-only copy.
    bool read_only = false;
};

struct OpenReport {
    bool created = false;
    int upgraded_from = 0;    // 0 when no upgrade ran
    std::string backup_path;  // set when an upgrade made a backup
    bool read_only = false;   // opened for reading only (asked, or the file or folder is not writable)
    std::vector<std::string> warnings;  // one line each, for the user (such as permissions left loose)
};

// Opens (or creates, 0600) a Yardstick database. When opened for writing, a file readable by
// others is made owner-only (0600, with its -wal and -shm), or a warning says why not
// (POSIX only: Windows has no mode bits). The
// header is read again inside the write transaction that creates or upgrades the schema, so
// two programs creating one new database at once both succeed, and none sees half a schema.
Connection open_database(const std::string& path, const OpenOptions& options = {}, OpenReport* report = nullptr);

// yardstick.db in platform::user_data_dir(): $XDG_DATA_HOME/yardstick or
// ~/.local/share/yardstick (the folder created owner-only when missing), on Windows
// %APPDATA%\Yardstick (private to the user already).
std::string default_database_path();

// The exit code (exit_codes.h) a command ends with when the store refuses it.
int exit_code_for(const StoreError& e);

}  // namespace ys::store
