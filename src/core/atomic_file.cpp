#include "atomic_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io/output_path.h"

namespace fs = std::filesystem;

namespace ys {
namespace {

// POSIX calls live here only; a Windows port swaps this file's open/rename for the wide
// APIs and keeps the rest.
struct Fd {
    int fd = -1;
    Fd() = default;
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
    int release() {
        int f = fd;
        fd = -1;
        return f;
    }
};

std::string why(int err) {
    switch (err) {
        case ENOENT: return "cannot write: the folder does not exist";
        case EACCES:
        case EPERM: return "cannot write: permission denied; choose a folder you may write to";
        case ENOSPC:
        case EDQUOT: return "cannot write: the disk is full";
        case EROFS: return "cannot write: the disk is read-only";
        case EISDIR: return "is a folder, not a file; give a file name inside it";
        default: return std::string("cannot write: ") + std::strerror(err);
    }
}

// A temporary being written: removed on destruction unless renamed into place.
struct Staged {
    std::string target;  // the file to replace (links resolved)
    std::string shown;   // the path as the user gave it, for messages
    std::string tmp;
    bool done = false;
    Staged() = default;
    Staged(const Staged&) = delete;
    Staged& operator=(const Staged&) = delete;
    Staged(Staged&& o) noexcept : target(std::move(o.target)), shown(std::move(o.shown)), tmp(std::move(o.tmp)), done(o.done) {
        o.tmp.clear();
    }
    ~Staged() {
        if (!done && !tmp.empty()) ::unlink(tmp.c_str());
    }
};

// Writes `content` to a new temporary beside the file `f` names. False with `error`.
bool stage(const FileToWrite& f, Staged& s, std::string& error) {
    s.shown = f.path;
    std::string problem = output_kind_problem(f.path);
    if (!problem.empty()) {
        error = f.path + ": " + problem;
        return false;
    }
    s.target = f.path;
    struct stat st {};
    bool replacing = ::stat(f.path.c_str(), &st) == 0;  // follows links
    if (replacing) {
        // Write through a link: the file it points to is replaced and the link kept.
        std::error_code ec;
        fs::path real = fs::canonical(fs::u8path(f.path), ec);
        if (!ec) s.target = real.u8string();
    }
    // A new file: 0600 for personal data; else 0666 less the umask, as any program makes
    // files. A replaced file: created 0600 (nobody else reads it half-written), then
    // given the old file's bits before it is renamed into place.
    const mode_t create_mode = (replacing || f.options.personal) ? 0600 : 0666;
    std::random_device rd;
    Fd fd;
    for (int attempt = 0; attempt < 100 && fd.fd < 0; ++attempt) {
        char suffix[32];
        std::snprintf(suffix, sizeof suffix, ".tmp-%ld-%08x", static_cast<long>(::getpid()), static_cast<unsigned>(rd()));
        s.tmp = s.target + suffix;
        fd.fd = ::open(s.tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, create_mode);
        if (fd.fd < 0 && errno != EEXIST) {
            error = f.path + ": " + why(errno);
            s.tmp.clear();
            return false;
        }
    }
    if (fd.fd < 0) {
        error = f.path + ": cannot write: no free temporary name beside it";
        s.tmp.clear();
        return false;
    }
    if (replacing && ::fchmod(fd.fd, st.st_mode & 07777) != 0) {
        error = f.path + ": cannot keep its permissions: " + std::strerror(errno);
        return false;
    }
    const std::string& content = *f.content;
    std::size_t at = 0;
    while (at < content.size()) {
        ssize_t n = ::write(fd.fd, content.data() + at, content.size() - at);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            error = f.path + ": " + why(n < 0 ? errno : EIO);
            return false;
        }
        at += static_cast<std::size_t>(n);
    }
    if (::fsync(fd.fd) != 0 || ::close(fd.release()) != 0) {
        error = f.path + ": " + why(errno);
        return false;
    }
    return true;
}

}  // namespace

bool write_files_atomic(const std::vector<FileToWrite>& files, std::string& error) {
    std::vector<Staged> staged;
    staged.reserve(files.size());
    for (const auto& f : files) {
        staged.emplace_back();
        if (!stage(f, staged.back(), error)) return false;  // every temporary removed
    }
    for (auto& s : staged) {
        // A folder or FIFO put there since the check is not replaced either.
        std::string problem = output_kind_problem(s.target);
        if (!problem.empty()) {
            error = s.shown + ": " + problem;
            return false;
        }
        if (::rename(s.tmp.c_str(), s.target.c_str()) != 0) {
            error = s.shown + ": " + why(errno);
            return false;
        }
        s.done = true;
    }
    return true;
}

bool write_file_atomic(const std::string& path, const std::string& content, std::string& error,
                       const WriteOptions& options) {
    return write_files_atomic({FileToWrite{path, &content, options}}, error);
}

}  // namespace ys
