#pragma once
// The one place that writes a user's output file. Every output goes to a temporary beside
// it, created exclusively (O_EXCL, a random name: two processes writing the same output
// never share one), then is renamed over the file, so a reader never sees half a file and
// a failure leaves the old file as it was and no temporary behind.
// - Only regular files are replaced: a folder, FIFO, socket or device is refused.
// - A link to a file is followed: the file it points to is replaced, the link kept.
// - A replaced file keeps its permission bits; a new file gets 0600 when it holds
//   personal data (names, emails, evidence notes), else the usual mode (0666 less umask).
//   On Windows a file takes its folder's access list instead (no mode bits there).
#include <string>
#include <vector>

namespace ys {

struct WriteOptions {
    bool personal = false;  // a new file is readable by its owner only (0600)
};

// Writes a whole file atomically. Returns false with a one-line error naming the path.
bool write_file_atomic(const std::string& path, const std::string& content, std::string& error,
                       const WriteOptions& options = {});

struct FileToWrite {
    std::string path;
    const std::string* content = nullptr;
    WriteOptions options;
};

// Several files: every temporary is written first, and only when all are written are
// they renamed into place, so a failure in writing any leaves none of them changed.
bool write_files_atomic(const std::vector<FileToWrite>& files, std::string& error);

}  // namespace ys
