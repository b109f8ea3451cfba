#include "atomic_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <algorithm>
#include <random>

#ifdef _WIN32
#include <windows.h>
#else
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

#include "io/output_path.h"
#include "io/platform.h"

namespace fs = std::filesystem;

namespace ys {
namespace {

#ifdef _WIN32
// Windows: the wide APIs (a UTF-8 name in the ANSI code page would not be found), and no
// permission bits: a new file takes its folder's access list, which for the user's own
// folders (Documents, %APPDATA%) already keeps others out.

std::wstring wide_path(const std::string& utf8) { return platform::path_from_utf8(utf8).native(); }

struct Handle {
    HANDLE h = INVALID_HANDLE_VALUE;
    Handle() = default;
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    ~Handle() {
        if (h != INVALID_HANDLE_VALUE) ::CloseHandle(h);
    }
    bool close() {
        HANDLE x = h;
        h = INVALID_HANDLE_VALUE;
        return ::CloseHandle(x) != 0;
    }
};

std::string why(DWORD err) {
    switch (err) {
        case ERROR_PATH_NOT_FOUND:
        case ERROR_FILE_NOT_FOUND:
        case ERROR_INVALID_DRIVE:
        case ERROR_BAD_NETPATH: return "cannot write: the folder does not exist";
        case ERROR_ACCESS_DENIED: return "cannot write: permission denied; choose a folder you may write to";
        case ERROR_SHARING_VIOLATION:
        case ERROR_LOCK_VIOLATION:
        case ERROR_USER_MAPPED_FILE:
            return "cannot write: the file is open in another program; close it there and try again";
        case ERROR_DISK_FULL:
        case ERROR_HANDLE_DISK_FULL: return "cannot write: the disk is full";
        case ERROR_WRITE_PROTECT: return "cannot write: the disk is read-only";
        case ERROR_INVALID_NAME:
        case ERROR_DIRECTORY: return "cannot write: the name is not a valid Windows file name";
        default: return "cannot write: Windows error " + std::to_string(err);
    }
}

void remove_temp(const std::string& tmp) { ::DeleteFileW(wide_path(tmp).c_str()); }

// Writes `content` to a new file `tmp`, made exclusively. False when the name is taken
// (`taken`) or with `error`.
bool write_new(const std::string& tmp, const std::string& content, bool& taken, DWORD& err) {
    Handle file;
    file.h = ::CreateFileW(wide_path(tmp).c_str(), GENERIC_WRITE, 0, nullptr, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, nullptr);
    if (file.h == INVALID_HANDLE_VALUE) {
        err = ::GetLastError();
        taken = err == ERROR_FILE_EXISTS || err == ERROR_ALREADY_EXISTS;
        return false;
    }
    std::size_t at = 0;
    while (at < content.size()) {
        const std::size_t chunk = std::min<std::size_t>(content.size() - at, 1u << 30);
        DWORD n = 0;
        if (!::WriteFile(file.h, content.data() + at, static_cast<DWORD>(chunk), &n, nullptr) || n == 0) {
            err = n == 0 && ::GetLastError() == 0 ? ERROR_WRITE_FAULT : ::GetLastError();
            file.close();
            remove_temp(tmp);
            return false;
        }
        at += n;
    }
    if (!::FlushFileBuffers(file.h) || !file.close()) {
        err = ::GetLastError();
        remove_temp(tmp);
        return false;
    }
    return true;
}

// Replaces `target` by `tmp`. An antivirus scanner or the search indexer may hold a file
// just written open for a moment: retried for about two seconds before giving up.
bool put_in_place(const std::string& tmp, const std::string& target, std::string& reason) {
    const std::wstring from = wide_path(tmp), to = wide_path(target);
    DWORD err = 0;
    for (int attempt = 0; attempt < 40; ++attempt) {
        if (::MoveFileExW(from.c_str(), to.c_str(), MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)) return true;
        err = ::GetLastError();
        if (err != ERROR_ACCESS_DENIED && err != ERROR_SHARING_VIOLATION && err != ERROR_LOCK_VIOLATION) break;
        ::Sleep(50);
    }
    // Still denied after waiting: most likely the file is open in another program (Excel).
    reason = err == ERROR_ACCESS_DENIED ? why(ERROR_SHARING_VIOLATION) : why(err);
    return false;
}

#else
// POSIX calls.
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

void remove_temp(const std::string& tmp) { ::unlink(tmp.c_str()); }

bool put_in_place(const std::string& tmp, const std::string& target, std::string& reason) {
    if (::rename(tmp.c_str(), target.c_str()) == 0) return true;
    reason = why(errno);
    return false;
}
#endif

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
        if (!done && !tmp.empty()) remove_temp(tmp);
    }
};

// A fresh temporary name beside `target`.
std::string temporary_name(const std::string& target, std::random_device& rd) {
    char suffix[32];
    std::snprintf(suffix, sizeof suffix, ".tmp-%ld-%08x", platform::process_id(), static_cast<unsigned>(rd()));
    return target + suffix;
}

// Writes `content` to a new temporary beside the file `f` names. False with `error`.
bool stage(const FileToWrite& f, Staged& s, std::string& error) {
    s.shown = f.path;
    std::string problem = output_kind_problem(f.path);
    if (!problem.empty()) {
        error = f.path + ": " + problem;
        return false;
    }
    s.target = f.path;
    std::random_device rd;
#ifdef _WIN32
    std::error_code ec;
    if (fs::exists(platform::path_from_utf8(f.path), ec)) {
        // Write through a link: the file it points to is replaced and the link kept.
        fs::path real = fs::canonical(platform::path_from_utf8(f.path), ec);
        if (!ec) s.target = platform::utf8_from_path(real);
    }
    for (int attempt = 0; attempt < 100; ++attempt) {
        s.tmp = temporary_name(s.target, rd);
        bool taken = false;
        DWORD err = 0;
        if (write_new(s.tmp, *f.content, taken, err)) return true;
        if (!taken) {
            error = f.path + ": " + why(err);
            s.tmp.clear();  // write_new removed it
            return false;
        }
    }
    error = f.path + ": cannot write: no free temporary name beside it";
    s.tmp.clear();
    return false;
#else
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
    Fd fd;
    for (int attempt = 0; attempt < 100 && fd.fd < 0; ++attempt) {
        s.tmp = temporary_name(s.target, rd);
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
#endif
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
        std::string reason;
        if (!put_in_place(s.tmp, s.target, reason)) {
            error = s.shown + ": " + reason;
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
