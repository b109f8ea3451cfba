#pragma once
// Opening a Yardstick database: checks that it is ours and of a version we know,
// creates a new one, or upgrades an older one after copying a backup beside it.
#include <string>

#include "sqlite_handle.h"

namespace ys::store {

inline constexpr int kApplicationId = 0x59534454;  // "YSDT"
inline constexpr int kSchemaVersion = 3;

struct OpenOptions {
    bool create = true;  // create the file when it does not exist
    int busy_timeout_ms = 5000;
};

struct OpenReport {
    bool created = false;
    int upgraded_from = 0;    // 0 when no upgrade ran
    std::string backup_path;  // set when an upgrade made a backup
};

Connection open_database(const std::string& path, const OpenOptions& options = {}, OpenReport* report = nullptr);

// $XDG_DATA_HOME/yardstick/yardstick.db, or ~/.local/share/yardstick/yardstick.db;
// the folder is created (owner-only) when missing.
std::string default_database_path();

// The exit code (exit_codes.h) a command ends with when the store refuses it.
int exit_code_for(const StoreError& e);

}  // namespace ys::store
