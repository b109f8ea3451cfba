#include "scratch_file.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

#ifdef _WIN32
#include <windows.h>

#include <random>
#else
#include <unistd.h>
#endif

#include "io/platform.h"

namespace ys::xlsx {

#ifdef _WIN32
namespace {

// A new file made exclusively: false when the name is taken (err = ERROR_FILE_EXISTS) or
// cannot be made.
bool create_new(const std::filesystem::path& p, DWORD& err) {
    HANDLE h = ::CreateFileW(p.c_str(), GENERIC_WRITE, 0, nullptr, CREATE_NEW, FILE_ATTRIBUTE_TEMPORARY, nullptr);
    if (h == INVALID_HANDLE_VALUE) {
        err = ::GetLastError();
        return false;
    }
    ::CloseHandle(h);
    return true;
}

}  // namespace

// libxlsxwriter opens the scratch with the C library's fopen, which takes the ANSI code
// page: the scratch must have a name it can spell. It is made in the temporary folder
// (GetTempPathW, private to the user); a user name outside the code page there is spelled
// by its short 8.3 name (platform::c_library_path). Where neither works (8.3 names turned
// off) the target's own folder is tried the same way, and only then is the export refused.
ScratchFile::ScratchFile(const std::string& target) {
    namespace fs = std::filesystem;
    std::vector<fs::path> folders;
    wchar_t temp[MAX_PATH + 1];
    const DWORD n = ::GetTempPathW(MAX_PATH + 1, temp);
    if (n > 0 && n <= MAX_PATH) folders.emplace_back(std::wstring(temp, n));
    const fs::path t = platform::path_from_utf8(target);
    folders.push_back(t.has_parent_path() ? t.parent_path() : fs::path(L"."));
    std::random_device rd;
    DWORD err = 0;
    for (const fs::path& folder : folders) {
        for (int attempt = 0; attempt < 100; ++attempt) {
            wchar_t name[48];
            ::swprintf(name, 48, L"yardstick-%08x%08x.xlsx.part", static_cast<unsigned>(rd()), static_cast<unsigned>(rd()));
            const fs::path p = folder / name;
            if (!create_new(p, err)) {
                if (err == ERROR_FILE_EXISTS || err == ERROR_ALREADY_EXISTS) continue;
                break;  // this folder cannot be written: the next
            }
            const std::string utf8 = platform::utf8_from_path(p);
            std::string spelled = platform::c_library_path(utf8);
            if (spelled.empty()) {
                ::DeleteFileW(p.c_str());
                err = ERROR_INVALID_NAME;
                break;
            }
            path_ = utf8;
            library_path_ = spelled;
            library_folder_ = platform::c_library_path(platform::utf8_from_path(folder));
            return;
        }
    }
    error_ = target + ": cannot write: " +
             (err == ERROR_INVALID_NAME ? std::string("no folder with a name the workbook library can open (the temporary "
                                                      "folder's name has letters outside the system's code page)")
              : err == ERROR_ACCESS_DENIED ? std::string("permission denied in its folder")
              : err == ERROR_DISK_FULL || err == ERROR_HANDLE_DISK_FULL ? std::string("the disk is full")
              : err == ERROR_PATH_NOT_FOUND ? std::string("the folder does not exist")
                                            : "Windows error " + std::to_string(err));
}

ScratchFile::~ScratchFile() {
    if (!path_.empty()) ::DeleteFileW(platform::path_from_utf8(path_).c_str());
}

#else

ScratchFile::ScratchFile(const std::string& target) {
    const std::filesystem::path t(target);
    const std::filesystem::path folder = t.has_parent_path() ? t.parent_path() : std::filesystem::path(".");
    // Hidden, and named for the target so a scratch left by a crash says what it was.
    std::string pattern = (folder / ("." + t.filename().string() + ".part-XXXXXX")).string();
    std::vector<char> buf(pattern.begin(), pattern.end());
    buf.push_back('\0');
    const int fd = ::mkstemp(buf.data());  // O_EXCL, mode 0600
    if (fd < 0) {
        const int err = errno;
        error_ = target + ": cannot write: " +
                 (err == ENOENT ? std::string("the folder does not exist")
                  : err == EACCES || err == EPERM ? std::string("permission denied in its folder")
                  : err == ENOSPC ? std::string("the disk is full")
                  : err == EROFS ? std::string("the folder is read-only")
                                 : std::string(std::strerror(err)));
        return;
    }
    ::close(fd);
    path_ = buf.data();
    library_path_ = path_;
}

ScratchFile::~ScratchFile() {
    if (!path_.empty()) ::unlink(path_.c_str());
}

#endif

bool ScratchFile::read(std::string& bytes, std::string& error) const {
    std::ifstream in(platform::path_from_utf8(path_), std::ios::binary);
    if (!in) return error = "the workbook could not be read back from its scratch file " + path_, false;
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (in.bad()) return error = "the workbook could not be read back from its scratch file " + path_, false;
    return true;
}

}  // namespace ys::xlsx
